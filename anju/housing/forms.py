"""Forms of the 建设项目 pages: they parse input for the services and never offer derived fields or the unit state."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from anju.core.fields import EncryptedTextField
from anju.core.masking import mask_id_number
from anju.core.models import Region
from anju.core.scoping import jurisdiction_prefix
from anju.housing.models import (
    Building,
    Certificate,
    ConstructionContract,
    LandReserve,
    Participant,
    ParticipantPerson,
    ProgressLog,
    Project,
    ResettlementContract,
    Unit,
)


def _formfield(field: models.Field) -> forms.Field:
    """The model field's form field, with a date picker for dates."""
    if isinstance(field, models.DateField):
        return forms.DateField(label=field.verbose_name, required=not field.blank, widget=forms.DateInput(attrs={"type": "date"}))
    return field.formfield()


class ServiceForm(forms.Form):
    """A form over named model fields whose cleaned data a service takes; service errors land on the fields."""

    model: type[models.Model]
    field_names: tuple[str, ...] = ()

    def __init__(self, *args: Any, instance: models.Model | None = None, user: Any = None, **kwargs: Any) -> None:
        self.instance, self.user = instance, user
        secret = {name for name in self.field_names if isinstance(self.model._meta.get_field(name), EncryptedTextField)}
        self.secret_fields = secret
        if instance is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                name: getattr(instance, f"{name}_id" if isinstance(self.model._meta.get_field(name), models.ForeignKey) else name)
                for name in self.field_names if name not in secret
            }
        super().__init__(*args, **kwargs)
        for name in self.field_names:
            model_field = self.model._meta.get_field(name)
            field = _formfield(model_field)
            if model_field.has_default() and not isinstance(model_field, models.BooleanField):
                field.required = False  # left empty means the model's default (e.g. 0 for figures)
            if name in secret and instance is not None:
                field.required = False
                current = getattr(instance, name, "")
                field.help_text = f"当前：{mask_id_number(current)}；留空表示不修改。" if current else "当前未填写。"
            self.fields[name] = field

    def service_data(self) -> dict[str, Any]:
        """The cleaned values the service takes (an identifier left empty on an edit form is unchanged)."""
        data = {name: self.cleaned_data[name] for name in self.field_names if name in self.cleaned_data}
        for name in self.secret_fields:
            if self.instance is not None and not data.get(name):
                data.pop(name, None)
        for name, value in list(data.items()):
            model_field = self.model._meta.get_field(name)
            if value in (None, "") and model_field.has_default():
                data[name] = model_field.get_default()
            elif value is None and isinstance(model_field, models.CharField):
                data[name] = ""
        return data

    def service_errors(self, exc: ValidationError) -> None:
        """Show a service's ValidationError on the fields it names (others on the form)."""
        if hasattr(exc, "error_dict"):
            for name, errors in exc.message_dict.items():
                for message in errors:
                    self.add_error(name if name in self.fields else None, message)
        else:
            for message in exc.messages:
                self.add_error(None, message)


class RegionForm(ServiceForm):
    """A form that picks the district or street of a new record inside the user's jurisdiction."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance is None:
            prefix = jurisdiction_prefix(self.user)
            regions = Region.objects.filter(level__in=[3, 4]).order_by("code")
            regions = regions.none() if prefix is None else regions.filter(code__startswith=prefix) if prefix else regions
            self.fields = {"region": forms.ModelChoiceField(label="所在区县或街道", queryset=regions), **self.fields}


def _editable(model: type[models.Model], exclude: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Names of the model's editable concrete fields, minus bookkeeping ones."""
    skip = {"id", "region_code", "created_at", "updated_at", "created_by", "number", "record_number", *exclude}
    return tuple(
        f.name for f in model._meta.concrete_fields if f.editable and f.name not in skip and not f.name.endswith("_index")
    )


class ProjectForm(RegionForm):
    """建设项目 (A.5.1): typed data only; progress figures come from the logs."""

    model = Project
    field_names = _editable(Project, ("developer",))


class BuildingForm(ServiceForm):
    """单体工程 (A.5.2): its status comes from the progress logs."""

    model = Building
    field_names = _editable(Building, ("project",))


class UnitForm(ServiceForm):
    """住房 (A.5.3): data only; the state changes through handover, allocation, move-in and vacating."""

    model = Unit
    field_names = _editable(Unit, ("building", "import_batch"))


class ProgressLogForm(ServiceForm):
    """项目进度日志 (A.5.6)."""

    model = ProgressLog
    field_names = _editable(ProgressLog, ("project",))

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["building"].queryset = Building.objects.filter(project=project)
        self.fields["building"].required = False


class HandoverForm(forms.Form):
    """竣工移交: the completed buildings whose not yet handed-over units are handed over."""

    buildings = forms.ModelMultipleChoiceField(label="移交楼栋", queryset=Building.objects.none(), widget=forms.CheckboxSelectMultiple)
    handed_over_on = forms.DateField(label="移交时间", widget=forms.DateInput(attrs={"type": "date"}))
    handed_over_by = forms.CharField(label="移交人", max_length=50)
    note = forms.CharField(label="说明", max_length=300, required=False)

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["buildings"].queryset = Building.objects.filter(project=project, units__handover__isnull=True).distinct()

    service_errors = ServiceForm.service_errors


class ParticipantForm(RegionForm):
    """项目参与单位 (A.5.4): the credit code is checked (GB 32100)."""

    model = Participant
    field_names = _editable(Participant)


class PersonForm(ServiceForm):
    """项目参与人员 (A.5.5): the ID number is checked and stored encrypted."""

    model = ParticipantPerson
    field_names = _editable(ParticipantPerson, ("participant",))


class CertificateForm(ServiceForm):
    """审批重要证件 (A.5.8)."""

    model = Certificate
    field_names = ("number", *_editable(Certificate, ("project",)))  # 证书编号 is typed from the certificate


class ConstructionContractForm(ServiceForm):
    """施工合同备案 (A.5.9)."""

    model = ConstructionContract
    field_names = _editable(ConstructionContract, ("project",))

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["building"].queryset = Building.objects.filter(project=project)
        self.fields["building"].required = False
        parties = Participant.objects.visible_to(self.user).filter(is_deleted=False)
        self.fields["party_a"].queryset = parties
        self.fields["party_b"].queryset = parties


class ResettlementContractForm(ServiceForm):
    """拆迁安置合同备案 (A.5.10)."""

    model = ResettlementContract
    field_names = _editable(ResettlementContract, ("project",))


class LandReserveForm(RegionForm):
    """土地储备 (A.5.11)."""

    model = LandReserve
    field_names = _editable(LandReserve)


class ImportForm(forms.Form):
    """装数: upload a filled template."""

    file = forms.FileField(label="装数模板文件（.xlsx）")
    valid_only = forms.BooleanField(label="仅导入正确的行（有错误的行跳过）", required=False)


class DeleteForm(forms.Form):
    """删除原因 (kept with the deleted record and in the audit log)."""

    reason = forms.CharField(label="删除原因", max_length=200, widget=forms.Textarea(attrs={"rows": 3}))

    service_errors = ServiceForm.service_errors
