"""Forms of the 监督管理 pages: they parse input for the services (errors in Chinese, input kept)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from anju.core.forms import DictionaryChoiceField
from anju.core.models import Region
from anju.core.scoping import jurisdiction_prefix
from anju.supervision.choices import (
    ComplaintKind,
    CreditGround,
    InspectionResult,
    RepairDecision,
    SanctionKind,
    SubjectKind,
)
from anju.supervision.models import AssessmentResult, StaffAssessment, StaffSanctionKind, UnitAssessment
from anju.supervision.permissions import EDITOR_ROLES

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXTAREA = forms.Textarea(attrs={"rows": 3})


def region_field(
    user: Any, *, label: str = "所属行政区划", required: bool = True, levels: tuple[int, ...] = (3, 4, 5)
) -> forms.Field:
    """A select of the districts, streets and communities inside the user's jurisdiction."""
    prefix = jurisdiction_prefix(user)
    regions = Region.objects.filter(level__in=levels).order_by("code")
    regions = regions.none() if prefix is None else regions.filter(code__startswith=prefix) if prefix else regions
    return forms.ModelChoiceField(label=label, queryset=regions, required=required, empty_label="请选择")


class ServiceErrorsMixin:
    """Show a service's ValidationError on the fields it names (others on the form)."""

    def service_errors(self, exc: ValidationError) -> None:
        """Attach the messages."""
        if hasattr(exc, "error_dict"):
            for name, messages in exc.message_dict.items():
                for message in messages:
                    self.add_error(name if name in self.fields else None, message)  # type: ignore[attr-defined]
        else:
            for message in exc.messages:
                self.add_error(None, message)  # type: ignore[attr-defined]


class CreditRecordForm(ServiceErrorsMixin, forms.Form):
    """列入信用记录: a household (by register number, application number or a person's ID) or a supplier."""

    subject_kind = forms.ChoiceField(
        label="对象类别", choices=SubjectKind.choices, widget=forms.RadioSelect, initial=SubjectKind.HOUSEHOLD
    )
    register_number = forms.CharField(
        label="登记编号",
        required=False,
        max_length=40,
        help_text="保障家庭：填写登记编号、申请编号或当事人身份证号码之一。",
    )
    application_number = forms.CharField(label="申请编号", required=False, max_length=40)
    id_number = forms.CharField(
        label="当事人身份证号码", required=False, max_length=18, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
    subject_name = forms.CharField(
        label="当事人姓名或单位名称",
        required=False,
        max_length=200,
        help_text="按身份证号码列入时填写当事人姓名；供给单位填写单位名称。",
    )
    credit_code = forms.CharField(label="统一社会信用代码", required=False, max_length=18, help_text="供给单位必填。")
    level = DictionaryChoiceField(label="失信程度", dictionary="credit_level")
    ground = forms.ChoiceField(label="失信行为类别", choices=[("", "请选择"), *CreditGround.choices])
    fact = forms.CharField(label="列入原因（失信事实）", widget=TEXTAREA, max_length=5000)
    evidence = forms.CharField(
        label="证据说明",
        widget=TEXTAREA,
        required=False,
        max_length=5000,
        help_text="保存后可在记录页面上传证据材料扫描件（电子档案）。",
    )
    listed_on = forms.DateField(label="列入日期", widget=DATE, initial=timezone.localdate)
    publish = forms.BooleanField(label="向社会公开（仅限严重失信）", required=False)

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["region"] = region_field(user, required=False)
        self.fields["region"].help_text = "按身份证号码列入或供给单位必选；按登记编号、申请编号列入时取其所在社区。"
        self.order_fields(
            [
                "subject_kind",
                "register_number",
                "application_number",
                "id_number",
                "subject_name",
                "credit_code",
                "region",
            ]
        )

    def clean(self) -> dict[str, Any]:
        """Resolve the register entry or application inside the user's jurisdiction."""
        from anju.admission.models import Application, RegisterEntry

        data = super().clean()
        data["register_entry"] = data["application"] = None
        if data.get("subject_kind") != SubjectKind.HOUSEHOLD:
            return data
        number = (data.get("register_number") or "").strip()
        if number:
            entry = (
                RegisterEntry.objects.visible_to(self.user).filter(number=number).select_related("application").first()
            )
            if entry is None:
                self.add_error("register_number", "找不到该登记编号，或不在您的管辖范围内。")
            data["register_entry"] = entry
        number = (data.get("application_number") or "").strip()
        if number:
            application = Application.objects.visible_to(self.user).filter(number=number, is_deleted=False).first()
            if application is None:
                self.add_error("application_number", "找不到该申请编号，或不在您的管辖范围内。")
            data["application"] = application
        return data

    def service_kwargs(self) -> dict[str, Any]:
        """The keyword arguments of credit_record_create."""
        data = self.cleaned_data
        region = data.get("region")
        return {
            "subject_kind": data["subject_kind"],
            "level": data["level"],
            "ground": data["ground"],
            "fact": data["fact"],
            "evidence": data.get("evidence", ""),
            "listed_on": data["listed_on"],
            "publish": data.get("publish", False),
            "region_code": region.code if region else "",
            "application": data.get("application"),
            "register_entry": data.get("register_entry"),
            "id_number": (data.get("id_number") or "").strip(),
            "subject_name": data.get("subject_name", ""),
            "credit_code": data.get("credit_code", ""),
        }


class CreditRepairForm(ServiceErrorsMixin, forms.Form):
    """信用修复决定."""

    applied_on = forms.DateField(label="申请修复日期", widget=DATE, initial=timezone.localdate)
    conditions = forms.CharField(label="修复条件履行情况", widget=TEXTAREA, max_length=5000)
    decision = forms.ChoiceField(label="修复决定", choices=RepairDecision.choices, widget=forms.RadioSelect)
    opinion = forms.CharField(label="决定意见", widget=TEXTAREA, required=False, max_length=5000)


class CreditRevokeForm(ServiceErrorsMixin, forms.Form):
    """撤销信用记录."""

    revoked_on = forms.DateField(label="撤销日期", widget=DATE, initial=timezone.localdate)
    reason = forms.CharField(label="撤销原因", widget=TEXTAREA, max_length=5000)


class BanRuleForm(ServiceErrorsMixin, forms.Form):
    """失信惩戒期限."""

    level = DictionaryChoiceField(label="失信程度", dictionary="credit_level")
    ground = forms.ChoiceField(
        label="失信行为类别", choices=[("", "默认（所有失信行为）"), *CreditGround.choices], required=False
    )
    ban_years = forms.IntegerField(label="惩戒期限（年）", min_value=0, max_value=50)
    bans_application = forms.BooleanField(label="惩戒期内禁止申请住房保障", required=False, initial=True)
    repair_allowed = forms.BooleanField(label="允许信用修复", required=False, initial=True)
    repair_after_months = forms.IntegerField(label="列入后最短修复期限（月）", min_value=0, max_value=600, initial=0)
    repair_conditions = forms.CharField(label="信用修复条件", widget=TEXTAREA, required=False, max_length=2000)
    note = forms.CharField(label="说明", required=False, max_length=200)


class ComplaintForm(ServiceErrorsMixin, forms.Form):
    """登记投诉咨询 (a letter, a call or a visit)."""

    kind = forms.ChoiceField(
        label="类别", choices=ComplaintKind.choices, widget=forms.RadioSelect, initial=ComplaintKind.COMPLAINT
    )
    channel = DictionaryChoiceField(label="投诉方式", dictionary="complaint_channel")
    title = forms.CharField(label="标题", max_length=200)
    content = forms.CharField(label="投诉内容", widget=forms.Textarea(attrs={"rows": 5}), max_length=5000)
    target_number = forms.CharField(label="被投诉对象编号", required=False, max_length=40)
    target_name = forms.CharField(label="被投诉对象名称", required=False, max_length=200)
    contact_name = forms.CharField(label="投诉人", max_length=50)
    contact_phone = forms.CharField(label="投诉人联系电话", max_length=20)
    contact_address = forms.CharField(label="投诉人联系地址", required=False, max_length=200)
    contact_email = forms.EmailField(label="投诉人电子邮箱", required=False)

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"] = region_field(user, label="所在区县、街道或社区")


class ComplaintReplyForm(ServiceErrorsMixin, forms.Form):
    """答复."""

    body = forms.CharField(label="答复内容", widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)
    is_public = forms.BooleanField(label="投诉人可见（不勾选为内部办理记录）", required=False, initial=True)


class ComplaintAssignForm(ServiceErrorsMixin, forms.Form):
    """交办."""

    assignee = forms.ModelChoiceField(label="承办人", queryset=None, empty_label="请选择")
    department = forms.CharField(label="投诉处理部门", required=False, max_length=100)

    def __init__(self, *args: Any, complaint: Any = None, **kwargs: Any) -> None:
        from anju.accounts.models import User

        super().__init__(*args, **kwargs)
        users = User.objects.filter(is_active=True, role_grants__role__in=[str(r) for r in EDITOR_ROLES]).distinct()
        code = complaint.region_code if complaint is not None else ""
        # officers whose jurisdiction covers the complaint: the code's own prefixes
        prefixes = {code[:n].ljust(12, "0") for n in (2, 4, 6, 9, 12)} if code else set()
        self.fields["assignee"].queryset = (
            users.filter(jurisdiction_id__in=prefixes).order_by("username") if prefixes else users.none()
        )
        self.fields["assignee"].label_from_instance = lambda u: f"{u.full_name or u.username}（{u.username}）"


class ComplaintCloseForm(ServiceErrorsMixin, forms.Form):
    """办结: the handling record of A.10.2."""

    handling_department = forms.CharField(label="投诉处理部门", required=False, max_length=100)
    verification_method = forms.CharField(label="投诉查证方式", required=False, max_length=100)
    verification_result = DictionaryChoiceField(label="投诉查证结果", dictionary="verification_result", required=False)
    handling_opinion = forms.CharField(label="投诉处理意见", widget=TEXTAREA, max_length=5000)
    handled_on = forms.DateField(label="投诉处理日期", widget=DATE, initial=timezone.localdate)
    credit_listed = forms.BooleanField(
        label="列入信用档案", required=False, help_text="勾选后请在“信用档案”中为当事人列入信用记录（来源投诉）。"
    )


class RegionRecordForm(ServiceErrorsMixin, forms.Form):
    """A record form that asks for the region when creating."""

    def __init__(self, *args: Any, user: Any = None, creating: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if creating:
            self.fields = {"region": region_field(user, levels=(2, 3, 4, 5)), **self.fields}

    def service_data(self) -> dict[str, Any]:
        """The fields the service takes."""
        return {k: v for k, v in self.cleaned_data.items() if k != "region"}


class InspectionForm(RegionRecordForm):
    """专项检查 (A.10.1)."""

    inspected_on = forms.DateField(label="检查日期", widget=DATE)
    department = forms.CharField(label="检查负责部门", max_length=100)
    leader = forms.CharField(label="检查负责人", max_length=50)
    target = forms.CharField(label="检查对象", max_length=200)
    content = forms.CharField(label="检查内容", widget=TEXTAREA)
    result_kind = forms.ChoiceField(label="检查结论", choices=InspectionResult.choices)
    result = forms.CharField(label="检查结果", widget=TEXTAREA)
    resolution = forms.CharField(label="问题处理结果", widget=TEXTAREA, required=False)
    resolved_on = forms.DateField(label="问题处理日期", widget=DATE, required=False)
    resolved_by = forms.CharField(label="问题处理人", required=False, max_length=50)
    credit_listed = forms.BooleanField(label="列入信用档案", required=False)


class SanctionForm(RegionRecordForm):
    """支持对象行政奖罚 (A.10.4)."""

    decided_on = forms.DateField(label="奖罚日期", widget=DATE)
    kind = forms.ChoiceField(label="奖罚类别", choices=SanctionKind.choices)
    supplier_number = forms.CharField(label="支持对象编号", max_length=40, help_text="统一社会信用代码或登记审批编号。")
    supplier_name = forms.CharField(label="支持对象名称", max_length=200)
    reason = forms.CharField(label="奖罚原因", widget=TEXTAREA)
    result = forms.CharField(label="奖罚结果", widget=TEXTAREA)
    decided_by = forms.CharField(label="决定机关", required=False, max_length=100)


# ---------------------------------------------------------------- 考核 (A.10.5–A.10.8)

SCORE_ERRORS = {"min_value": "分值不能小于 0。", "max_value": "分值不能大于 100。", "invalid": "请输入数字分值。"}


def score_form_field(label: str, *, required: bool = True, help_text: str = "") -> forms.DecimalField:
    """A 0–100 score with one decimal."""
    return forms.DecimalField(
        label=label,
        min_value=0,
        max_value=100,
        max_digits=5,
        decimal_places=1,
        required=required,
        help_text=help_text,
        error_messages={**SCORE_ERRORS, "required": f"请填写{label}。"},
    )


class AssessmentRecordForm(ServiceErrorsMixin, forms.Form):
    """A 考核 record form: the region when creating; an edit starts from the record's values."""

    def __init__(self, *args: Any, instance: Any = None, user: Any = None, **kwargs: Any) -> None:
        if instance is not None and (not args or args[0] is None) and "initial" not in kwargs:
            kwargs["initial"] = {name: getattr(instance, name) for name in self.base_fields}
        super().__init__(*args, **kwargs)
        self.instance, self.user = instance, user
        for field in self.fields.values():
            if field.required:
                field.error_messages["required"] = f"请填写{field.label}。"
        if instance is None:
            self.fields = {"region": region_field(user, levels=(2, 3, 4, 5)), **self.fields}

    def service_data(self) -> dict[str, Any]:
        """The fields the service takes."""
        return {k: v for k, v in self.cleaned_data.items() if k != "region"}

    def _dates_in_order(self, earlier: str, later: str, message: str) -> None:
        first, second = self.cleaned_data.get(earlier), self.cleaned_data.get(later)
        if first and second and second < first:
            self.add_error(later, message)


class UnitAssessmentForm(AssessmentRecordForm):
    """住房保障工作规范化考核 (A.10.5)."""

    assessed_on = forms.DateField(label="考核日期", widget=DATE)
    unit_number = forms.CharField(label="被考核单位编号", max_length=40)
    unit_name = forms.CharField(label="被考核单位名称", max_length=200)
    department = forms.CharField(label="考核部门", max_length=100)
    content = forms.CharField(label="考核内容", widget=TEXTAREA)
    score = score_form_field("考核得分")
    result = forms.ChoiceField(label="考核结果", choices=[("", "请选择"), *AssessmentResult.choices])
    assessor = forms.CharField(label="考核人", max_length=50)


class AssessmentBulletinForm(AssessmentRecordForm):
    """住房保障工作规范化考核结果通报和备案 (A.10.6)."""

    assessment = forms.ModelChoiceField(
        label="规范化考核", queryset=UnitAssessment.objects.none(), empty_label="请选择"
    )
    unit_number = forms.CharField(label="被考核单位编号", max_length=40, required=False, help_text="留空取考核记录的。")
    unit_name = forms.CharField(label="被考核单位名称", max_length=200, required=False, help_text="留空取考核记录的。")
    total_score = score_form_field("考核总分", required=False, help_text="留空取考核得分。")
    result = forms.ChoiceField(
        label="考核结果", choices=[("", "取考核记录的"), *AssessmentResult.choices], required=False
    )
    opinion = forms.CharField(label="考核意见", widget=TEXTAREA)
    notified_on = forms.DateField(label="通报日期", widget=DATE)
    filed_on = forms.DateField(label="备案日期", widget=DATE, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from anju.supervision.selectors import unit_assessment_list

        self.fields["assessment"].queryset = (
            unit_assessment_list(user=self.user) if self.user else UnitAssessment.objects.none()
        )

    def clean(self) -> dict[str, Any]:
        """通报 not before 考核, 备案 not before 通报."""
        data = super().clean()
        assessment = data.get("assessment")
        if assessment and data.get("notified_on") and data["notified_on"] < assessment.assessed_on:
            self.add_error("notified_on", "通报日期不能早于考核日期。")
        self._dates_in_order("notified_on", "filed_on", "备案日期不能早于通报日期。")
        return data

    def service_data(self) -> dict[str, Any]:
        """Blank unit fields and result default to the assessment's (on create)."""
        data = super().service_data()
        if self.instance is None:
            data = {k: v for k, v in data.items() if v not in ("", None)}
        return data


class StaffAssessmentForm(AssessmentRecordForm):
    """行政机关工作人员考核评价信息 (A.10.7)."""

    assessed_on = forms.DateField(label="考核日期", widget=DATE)
    department = forms.CharField(label="考核部门", max_length=100)
    leader = forms.CharField(label="考核负责人", max_length=50)
    staff_number = forms.CharField(label="被考核对象编号", max_length=40, help_text="工作人员编号。")
    staff_name = forms.CharField(label="被考核对象名称", max_length=50, help_text="工作人员姓名（加密保存）。")
    content = forms.CharField(label="考核内容", widget=TEXTAREA)
    score = score_form_field("考核分值")
    assessor = forms.CharField(label="考核人", max_length=50)


class StaffSanctionForm(AssessmentRecordForm):
    """行政机关工作人员行政奖罚及通报 (A.10.8)."""

    staff_assessment = forms.ModelChoiceField(
        label="工作人员考核评价",
        queryset=StaffAssessment.objects.none(),
        required=False,
        empty_label="（不关联）",
        help_text="关联后工作人员编号、姓名和考核总分留空即取考核评价的。",
    )
    staff_number = forms.CharField(label="工作人员编号", max_length=40, required=False)
    staff_name = forms.CharField(label="工作人员姓名", max_length=50, required=False)
    total_score = score_form_field("考核总分", required=False)
    result = forms.ChoiceField(label="考核结果", choices=[("", "请选择"), *AssessmentResult.choices])
    kind = forms.ChoiceField(label="奖罚类别", choices=[("", "请选择"), *StaffSanctionKind.choices])
    reason = forms.CharField(label="奖罚原因", widget=TEXTAREA)
    sanction_result = forms.CharField(label="奖罚结果", widget=TEXTAREA)
    decided_on = forms.DateField(label="奖罚日期", widget=DATE)
    notified_on = forms.DateField(label="通报日期", widget=DATE, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from anju.supervision.selectors import staff_assessment_list

        if self.user:
            self.fields["staff_assessment"].queryset = staff_assessment_list(user=self.user)
            self.fields["staff_assessment"].label_from_instance = lambda obj: str(obj)

    def clean(self) -> dict[str, Any]:
        """Without a linked assessment the staff member and the score are required; dates in order."""
        data = super().clean()
        if not data.get("staff_assessment"):
            for name in ("staff_number", "staff_name", "total_score"):
                if name in data and data.get(name) in ("", None):
                    self.add_error(name, f"未关联考核评价时，请填写{self.fields[name].label}。")
        self._dates_in_order("decided_on", "notified_on", "通报日期不能早于奖罚日期。")
        return data

    def service_data(self) -> dict[str, Any]:
        """Blank staff fields default to the linked assessment's."""
        data = super().service_data()
        return {
            k: v
            for k, v in data.items()
            if not (k in {"staff_number", "staff_name", "total_score"} and v in ("", None))
        }


class AssessmentDeleteForm(ServiceErrorsMixin, forms.Form):
    """删除 a 考核 record: the reason is required."""

    reason = forms.CharField(
        label="删除原因", max_length=200, widget=TEXTAREA, error_messages={"required": "请填写删除原因。"}
    )
