"""Forms of the clerk's pages. Fields come from the models; the services validate and save.

The form parses what was typed (types, required fields); every business rule lives in the
service, whose `ValidationError` is put back on the form so the page keeps the input and
shows the Chinese message beside the field.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from anju.admission.models import Application, Asset, Dwelling, Member
from anju.admission.services.applications import APPLICATION_FIELDS
from anju.admission.services.holdings import ASSET_FIELDS, DWELLING_FIELDS
from anju.admission.services.members import MEMBER_FIELDS
from anju.core.fields import EncryptedTextField
from anju.core.models import DictionaryCodeField, Region
from anju.core.models.regions import RegionLevel
from anju.core.scoping import jurisdiction_prefix


def _dictionary_choices(code: str):
    """Lazy choices of a code table, with an empty option."""

    def choices() -> list[tuple[str, str]]:
        from anju.core.selectors import dictionary_choices

        return [("", "——请选择——"), *dictionary_choices(code)]

    return choices


def _formfield(field: models.Field) -> forms.Field:
    """The form field for a model field: code tables as selects, encrypted identifiers as text."""
    label = str(field.verbose_name)
    if isinstance(field, DictionaryCodeField):
        return forms.ChoiceField(label=label, required=not field.blank, choices=_dictionary_choices(field.dictionary))
    if isinstance(field, EncryptedTextField):
        return forms.CharField(label=label, required=not field.blank, max_length=40, strip=True)
    if isinstance(field, models.DateField):
        return forms.DateField(label=label, required=not field.blank, widget=forms.DateInput(attrs={"type": "date"}))
    return field.formfield()


def _masked(value: str) -> str:
    """An identifier masked for a help text: ID-like values 6 + 4, others last 4."""
    from anju.core.masking import mask_account, mask_id_number, mask_mobile

    if len(value) == 18:
        return mask_id_number(value)
    if len(value) == 11 and value.isdigit():
        return mask_mobile(value)
    return mask_account(value)


def _fields(model: type[models.Model], names: frozenset[str]) -> dict[str, forms.Field]:
    """Form fields for the named model fields, in model order."""
    return {f.name: _formfield(f) for f in model._meta.concrete_fields if f.name in names}


class ServiceForm(forms.Form):
    """A form that a service validates; `service_errors` puts the service's messages on the form."""

    model: type[models.Model]
    field_names: frozenset[str] = frozenset()

    def __init__(self, *args: Any, instance: models.Model | None = None, **kwargs: Any) -> None:
        self.instance = instance
        model_fields = _fields(self.model, self.field_names)
        self.secret_fields = {name for name, f in model_fields.items() if isinstance(self.model._meta.get_field(name), EncryptedTextField)}
        if instance is not None and "initial" not in kwargs:
            # identifiers are never put into the page in plain text (security.md #10)
            kwargs["initial"] = {name: getattr(instance, name) for name in self.field_names if name not in self.secret_fields}
        super().__init__(*args, **kwargs)
        for name, field in model_fields.items():
            self.fields.setdefault(name, field)
        if instance is not None:
            for name in self.secret_fields:
                current = getattr(instance, name, "")
                self.fields[name].required = False
                self.fields[name].help_text = f"当前：{_masked(current)}；留空表示不修改。" if current else "当前未填写。"
        order = [f.name for f in self.model._meta.concrete_fields]
        self.order_fields([n for n in self.fields if n not in order] + [n for n in order if n in self.fields])

    def service_data(self) -> dict[str, Any]:
        """The cleaned values the service takes; an identifier left empty on an edit form is unchanged."""
        data = {name: self.cleaned_data[name] for name in self.field_names if name in self.cleaned_data}
        if self.instance is not None:
            for name in self.secret_fields:
                if not data.get(name):
                    data.pop(name, None)
        return data

    def service_errors(self, exc: ValidationError) -> None:
        """Show a service's ValidationError on the fields it names (others on the form)."""
        if hasattr(exc, "error_dict"):
            for field, errors in exc.message_dict.items():
                for message in errors:
                    self.add_error(field if field in self.fields else None, message)
        else:
            for message in exc.messages:
                self.add_error(None, message)


class ApplicationForm(ServiceForm):
    """申请家庭基本信息 (A.3.8); the community is chosen only when creating."""

    model = Application
    field_names = APPLICATION_FIELDS

    def __init__(self, *args: Any, user: Any = None, creating: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if creating:
            prefix = jurisdiction_prefix(user)
            communities = Region.objects.filter(level=RegionLevel.COMMUNITY)
            communities = communities.none() if prefix is None else communities.filter(code__startswith=prefix)
            self.fields["region_code"] = forms.ChoiceField(
                label="所在社区", choices=[("", "——请选择——"), *((r.code, r.full_name or r.name) for r in communities)]
            )
            self.order_fields(["region_code"])
            self.fields["id_number"].help_text = "18 位居民身份证号码，末位可为 X。"

    def service_data(self) -> dict[str, Any]:
        """The service's fields, plus the community when creating."""
        data = super().service_data()
        if "region_code" in self.fields:
            data["region_code"] = self.cleaned_data["region_code"]
        return data


class MemberForm(ServiceForm):
    """申请家庭成员信息 (A.3.10)."""

    model = Member
    field_names = MEMBER_FIELDS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sex"].required = False
        self.fields["birth_date"].required = False
        self.fields["sex"].help_text = "居民身份证号码可自动得出性别和出生日期。"


class DwellingForm(ServiceForm):
    """申请家庭住房信息 (A.3.9)."""

    model = Dwelling
    field_names = DWELLING_FIELDS


class AssetForm(ServiceForm):
    """申请家庭资产信息 (A.3.11)."""

    model = Asset
    field_names = ASSET_FIELDS
