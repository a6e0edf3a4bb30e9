"""Forms of the workflow pages (templates, nodes, transitions, task actions, statistics)."""

from __future__ import annotations

import datetime
import json
from typing import Any

from django import forms
from django.utils import timezone

from anju.accounts.roles import Role
from anju.workflow.choices import Decision
from anju.workflow.models import NodeTemplate, ProcessTemplate, Transition

TEXTAREA = forms.Textarea(attrs={"rows": 2})
MAX_IMPORT_BYTES = 1024 * 1024


class TemplateForm(forms.ModelForm):
    """流程模板的基本信息."""

    class Meta:
        model = ProcessTemplate
        fields = ["code", "name", "category", "description", "precondition", "postcondition"]
        widgets = {"description": TEXTAREA, "precondition": TEXTAREA, "postcondition": TEXTAREA}


class NodeForm(forms.ModelForm):
    """节点模板 with its participant roles."""

    roles = forms.MultipleChoiceField(label="参与者角色", choices=Role.choices, required=False, widget=forms.CheckboxSelectMultiple)
    initiator = forms.BooleanField(label="流程发起人也是参与者（如退回申请人补正）", required=False)
    form_fields_text = forms.CharField(
        label="办理表单/核查清单（JSON）", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text='如 [{"name": "checked", "label": "已核查", "type": "checkbox"}]',
    )  # fmt: skip

    class Meta:
        model = NodeTemplate
        fields = ["code", "name", "node_type", "level", "deadline_amount", "deadline_unit", "is_required",
                  "sort_order", "category", "description", "precondition", "postcondition"]  # fmt: skip
        widgets = {"description": TEXTAREA, "precondition": TEXTAREA, "postcondition": TEXTAREA}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            participants = list(self.instance.participants.all())
            self.fields["roles"].initial = [p.role_code for p in participants if p.role_type == "role"]
            self.fields["initiator"].initial = any(p.role_type == "initiator" for p in participants)
            self.fields["form_fields_text"].initial = json.dumps(self.instance.form_fields, ensure_ascii=False) if self.instance.form_fields else ""

    def clean_form_fields_text(self) -> list:
        """A JSON list of {name, label, type}."""
        text = self.cleaned_data.get("form_fields_text", "").strip()
        if not text:
            return []
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            raise forms.ValidationError(f"不是有效的 JSON：{exc.msg}") from exc
        if not isinstance(value, list) or not all(isinstance(i, dict) and i.get("name") and i.get("label") for i in value):
            raise forms.ValidationError("须为列表，每项含 name 和 label。")
        return value

    def participants(self) -> list[dict[str, str]]:
        """The participant rows the form asks for."""
        rows = [{"role_code": code, "role_type": "role"} for code in self.cleaned_data.get("roles", [])]
        if self.cleaned_data.get("initiator"):
            rows.append({"role_code": "", "role_type": "initiator"})
        return rows

    def node_fields(self) -> dict[str, Any]:
        """Model field values for `node_save`."""
        values = {name: self.cleaned_data[name] for name in self.Meta.fields}
        values["form_fields"] = self.cleaned_data.get("form_fields_text") or []
        return values


class TransitionForm(forms.ModelForm):
    """节点关联模板."""

    class Meta:
        model = Transition
        fields = ["code", "name", "source", "target", "priority", "condition", "description"]
        widgets = {"condition": TEXTAREA, "description": TEXTAREA}

    def __init__(self, *args: Any, template: ProcessTemplate, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        nodes = NodeTemplate.objects.filter(template=template).order_by("sort_order", "id")
        self.fields["source"].queryset = nodes
        self.fields["target"].queryset = nodes

    def transition_fields(self) -> dict[str, Any]:
        """Model field values for `transition_save`."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class ImportForm(forms.Form):
    """导入流程定义（JSON）."""

    file = forms.FileField(label="流程定义文件（JSON）")
    activate = forms.BooleanField(label="导入后立即激活", required=False)

    def clean_file(self) -> dict:
        """The parsed JSON document."""
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError("文件过大（最大 1 MB）。")
        try:
            data = json.loads(upload.read().decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise forms.ValidationError("不是有效的 JSON 文件。") from exc
        if not isinstance(data, dict):
            raise forms.ValidationError("文件内容须为一个流程定义对象。")
        return data


class MultipleFileInput(forms.ClearableFileInput):
    """A file input that accepts several files."""

    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several uploaded files (Django's documented pattern)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list:
        """Each file cleaned by FileField."""
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class _TaskActionForm(forms.Form):
    lock_version = forms.IntegerField(widget=forms.HiddenInput)


class TaskCompleteForm(_TaskActionForm):
    """提交: decision, opinion, checklist, attachments."""

    decision = forms.ChoiceField(label="办理决定", choices=Decision.choices, initial=Decision.APPROVE, widget=forms.RadioSelect)
    opinion = forms.CharField(label="审核意见", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    attachments = MultipleFileField(label="附件", required=False)

    def __init__(self, *args: Any, node: NodeTemplate, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.checklist = []
        for item in node.form_fields or []:
            name = f"form_{item['name']}"
            if item.get("type", "checkbox") == "checkbox":
                self.fields[name] = forms.BooleanField(label=item["label"], required=False)
            else:
                self.fields[name] = forms.CharField(label=item["label"], required=bool(item.get("required")))
            self.checklist.append(item["name"])

    def form_data(self) -> dict[str, Any]:
        """The checklist answers by name."""
        return {name: self.cleaned_data.get(f"form_{name}") for name in self.checklist}


class TaskReturnForm(_TaskActionForm):
    """退回."""

    target = forms.TypedChoiceField(label="退回至", coerce=int)
    opinion = forms.CharField(label="退回意见", widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, targets: list[NodeTemplate], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [(n.pk, n.name) for n in targets]


class TaskRejectForm(_TaskActionForm):
    """驳回."""

    opinion = forms.CharField(label="驳回意见", widget=forms.Textarea(attrs={"rows": 2}))


class TaskTransferForm(_TaskActionForm):
    """转办."""

    to_user = forms.TypedChoiceField(label="转给", coerce=int)
    opinion = forms.CharField(label="转办说明", required=False)

    def __init__(self, *args: Any, candidates: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_user"].choices = [(u.pk, f"{u}（{u.username}）") for u in candidates]


class TaskClaimForm(_TaskActionForm):
    """认领."""


class InstanceStartForm(forms.Form):
    """发起流程: an active template and a business record "应用.模型:主键"."""

    template = forms.ModelChoiceField(label="流程", queryset=ProcessTemplate.objects.filter(is_active=True), empty_label=None)
    business_ref = forms.CharField(label="业务记录", help_text="格式“应用.模型:主键”，如 admission.application:12")
    name = forms.CharField(label="实例名称", required=False)


class StatisticsForm(forms.Form):
    """统计期间与流程."""

    start = forms.DateField(label="开始日期", widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label="结束日期", widget=forms.DateInput(attrs={"type": "date"}))
    template = forms.ChoiceField(label="流程", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from anju.workflow.filtersets import template_code_choices

        super().__init__(*args, **kwargs)
        self.fields["template"].choices = [("", "全部流程"), *template_code_choices()]

    @staticmethod
    def default_period() -> dict[str, Any]:
        """The last 30 days up to today."""
        today = timezone.localdate()
        return {"start": today - datetime.timedelta(days=30), "end": today}

    def clean(self) -> dict[str, Any]:
        """The end is not before the start."""
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            raise forms.ValidationError("结束日期不能早于开始日期。")
        return data
