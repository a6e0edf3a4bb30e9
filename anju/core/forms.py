"""Forms of the platform core and form fields other apps reuse."""

from __future__ import annotations

from typing import Any

from django import forms

from anju.core.models import Region
from anju.core.models.regions import RegionLevel
from anju.core.selectors import dictionary_choices
from anju.core.validators import normalize_resident_id, validate_credit_code, validate_mobile, validate_resident_id


class DictionaryChoiceField(forms.ChoiceField):
    """A select of a code table's active items, read when the form is built (cached)."""

    def __init__(self, *, dictionary: str, **kwargs: Any) -> None:
        self.dictionary = dictionary
        kwargs.setdefault("widget", forms.Select(attrs={"class": "form-select"}))
        super().__init__(choices=self._choices_with_blank, **kwargs)

    def _choices_with_blank(self) -> list[tuple[str, str]]:
        return [("", "请选择"), *dictionary_choices(self.dictionary)]


class ResidentIdField(forms.CharField):
    """A resident ID number (GB 11643), normalised to upper-case X."""

    default_validators = [validate_resident_id]

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 18)
        kwargs.setdefault("min_length", None)
        kwargs.setdefault("widget", forms.TextInput(attrs={"class": "form-control", "autocomplete": "off"}))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> str:
        """Strip spaces; x becomes X."""
        value = super().to_python(value)
        return normalize_resident_id(value) if value else value


class MobileField(forms.CharField):
    """A mainland mobile number."""

    default_validators = [validate_mobile]

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("widget", forms.TextInput(attrs={"class": "form-control", "inputmode": "tel"}))
        super().__init__(**kwargs)


class CreditCodeField(forms.CharField):
    """A unified social credit code (GB 32100)."""

    default_validators = [validate_credit_code]

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 18)
        kwargs.setdefault("widget", forms.TextInput(attrs={"class": "form-control"}))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> str:
        """Upper case, no spaces."""
        value = super().to_python(value)
        return value.replace(" ", "").upper() if value else value


def _text(**attrs: Any) -> forms.TextInput:
    return forms.TextInput(attrs={"class": "form-control", **attrs})


def _date() -> forms.DateInput:
    return forms.DateInput(attrs={"class": "form-control", "type": "date"}, format="%Y-%m-%d")


class RegionCreateForm(forms.Form):
    """Add a region: code, name, level, parent (the service checks the code against them)."""

    code = forms.CharField(label="区划代码", max_length=12, widget=_text(inputmode="numeric"), help_text="12位统计用区划代码。")
    name = forms.CharField(label="名称", max_length=100, widget=_text())
    level = forms.TypedChoiceField(
        label="级别", choices=RegionLevel.choices, coerce=int, widget=forms.Select(attrs={"class": "form-select"})
    )
    parent = forms.CharField(
        label="上级区划代码", max_length=12, required=False, widget=_text(inputmode="numeric"), help_text="省级区划不填。"
    )
    valid_from = forms.DateField(label="启用日期", required=False, widget=_date())

    def clean_parent(self) -> Region | None:
        """The parent region by code."""
        code = self.cleaned_data.get("parent", "").strip()
        if not code:
            return None
        region = Region.objects.filter(code=code.ljust(12, "0")).first()
        if region is None:
            raise forms.ValidationError(f"上级区划 {code} 不存在。")
        return region


class RegionUpdateForm(forms.Form):
    """Rename, enable or disable a region."""

    name = forms.CharField(label="名称", max_length=100, widget=_text())
    is_active = forms.BooleanField(label="有效", required=False, widget=forms.CheckboxInput(attrs={"class": "form-check-input"}))
    valid_from = forms.DateField(label="启用日期", required=False, widget=_date())
    valid_to = forms.DateField(label="停用日期", required=False, widget=_date())


class DictionaryItemCreateForm(forms.Form):
    """Add an item to a code table."""

    code = forms.CharField(label="代码", max_length=32, widget=_text())
    name = forms.CharField(label="名称", max_length=100, widget=_text())
    parent_code = forms.CharField(label="上级代码", max_length=32, required=False, widget=_text())
    sort_order = forms.IntegerField(label="排序", required=False, min_value=0, widget=forms.NumberInput(attrs={"class": "form-control"}))


class DictionaryItemUpdateForm(forms.Form):
    """Edit an item (its code never changes)."""

    name = forms.CharField(label="名称", max_length=100, widget=_text())
    parent_code = forms.CharField(label="上级代码", max_length=32, required=False, widget=_text())
    sort_order = forms.IntegerField(label="排序", min_value=0, widget=forms.NumberInput(attrs={"class": "form-control"}))
    is_active = forms.BooleanField(label="启用", required=False, widget=forms.CheckboxInput(attrs={"class": "form-check-input"}))
