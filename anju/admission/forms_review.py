"""Forms of the review pages: decisions, batch actions, verification assignment, answers, conclusions."""

from __future__ import annotations

from typing import Any

from django import forms

from anju.accounts.roles import Role
from anju.admission.models import VerificationConclusion, VerificationKind
from anju.workflow.forms import MultipleFileField

ACTION_CHOICES = [("approve", "同意"), ("deny", "不同意（退回补正 / 不予登记）"), ("return", "退回上一环节")]
NODE_CHOICES = [
    ("accept", "申请受理（社区）"),
    ("street_review", "初审（街道）"),
    ("county_review", "审核（区县）"),
    ("approval", "复审/审批"),
]


def region_ancestors(code: str) -> list[str]:
    """The region code and its ancestors' codes (country-level prefixes padded to 12 digits)."""
    return list(dict.fromkeys(code[:n].ljust(12, "0") for n in (12, 9, 6, 4, 2)))


class ReviewDecisionForm(forms.Form):
    """One application: 同意 / 不同意 / 退回 with an opinion."""

    action = forms.ChoiceField(label="办理决定", choices=ACTION_CHOICES, widget=forms.RadioSelect, initial="approve")
    opinion = forms.CharField(label="审核意见", required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=1000)


class BatchReviewForm(ReviewDecisionForm):
    """Many applications at one node with one opinion."""

    applications = forms.TypedMultipleChoiceField(label="申请", coerce=int, choices=(), error_messages={"required": "请至少选择一个申请。"})

    def __init__(self, *args: Any, application_ids: list[int] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["applications"].choices = [(pk, str(pk)) for pk in application_ids or []]


class VerificationAssignForm(forms.Form):
    """核查指派."""

    kind = forms.ChoiceField(label="核查类型", choices=[("", "——请选择——"), *VerificationKind.choices])
    assignee_organisation = forms.ModelChoiceField(label="核查单位（协同部门）", queryset=None, required=False, empty_label="——不指定——")
    assignee = forms.ModelChoiceField(label="核查人", queryset=None, required=False, empty_label="——不指定——")
    request_note = forms.CharField(label="核查要求", required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=1000)
    due_date = forms.DateField(label="反馈期限", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, region_code: str = "", **kwargs: Any) -> None:
        from anju.accounts.models import Organisation, OrganisationKind, User

        super().__init__(*args, **kwargs)
        ancestors = region_ancestors(region_code) if region_code else []
        self.fields["assignee_organisation"].queryset = Organisation.objects.filter(
            kind=OrganisationKind.PARTNER, is_active=True, region_code__in=ancestors
        ).order_by("code")
        self.fields["assignee"].queryset = (
            User.objects.filter(
                is_active=True,
                jurisdiction_id__in=ancestors,
                role_grants__role__in=[Role.PARTNER, Role.COMMUNITY_CLERK, Role.STREET_REVIEWER, Role.DISTRICT_OFFICER],
            )
            .distinct()
            .order_by("username")
        )
        self.fields["assignee"].label_from_instance = lambda u: f"{u.full_name or u.username}（{u.username}）"


class VerificationAnswerForm(forms.Form):
    """核查结果反馈 by the partner department."""

    result = forms.ChoiceField(label="核查结果", choices=())
    result_detail = forms.CharField(label="核查结果说明", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)
    attachments = MultipleFileField(label="证明材料", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from anju.core.selectors import dictionary_choices

        super().__init__(*args, **kwargs)
        self.fields["result"].choices = [("", "——请选择——"), *dictionary_choices("verification_result")]


class VerificationConcludeForm(forms.Form):
    """核查结论认定."""

    conclusion = forms.ChoiceField(label="核查结论", choices=[("", "——请选择——"), *VerificationConclusion.choices])
    opinion = forms.CharField(label="认定意见", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)
