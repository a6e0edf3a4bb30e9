"""Field helpers shared by the 建设项目 models."""

from functools import partialmethod
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from anju.core.models import DictionaryCodeField

MONEY = {"max_digits": 14, "decimal_places": 2}
AREA = {"max_digits": 12, "decimal_places": 2}


def area_field(label: str, **kwargs) -> models.DecimalField:
    """An area in square metres (two decimals), 0 by default."""
    kwargs.setdefault("default", 0)
    return models.DecimalField(label, **AREA, **kwargs)


def money_field(label: str, **kwargs) -> models.DecimalField:
    """An amount in yuan ×10,000 (万元, two decimals), 0 by default."""
    kwargs.setdefault("default", 0)
    return models.DecimalField(label, **MONEY, **kwargs)


def count_field(label: str, **kwargs) -> models.PositiveIntegerField:
    """A count (households, units, people), 0 by default."""
    kwargs.setdefault("default", 0)
    return models.PositiveIntegerField(label, **kwargs)


def text_field(label: str, max_length: int = 100, **kwargs) -> models.CharField:
    """An optional short text."""
    kwargs.setdefault("blank", True)
    return models.CharField(label, max_length=max_length, **kwargs)


def choice_field(label: str, choices, **kwargs) -> models.CharField:
    """An optional code of one of `anju.housing.choices`."""
    kwargs.setdefault("blank", True)
    return models.CharField(label, max_length=24, choices=choices, **kwargs)


class HousingCodeField(DictionaryCodeField):
    """A code of a housing code table (`anju.housing.dictionaries`): validated against the table, shown by its name.

    Like a choices field it gives the model `get_<name>_display()` (the item's current name), so
    lists, details, exports and the API show names. While the table has not been loaded (a fresh
    database before `load_housing_dictionaries`) the shipped codes of `choices.py` are accepted.
    """

    def contribute_to_class(self, cls: type, name: str, private_only: bool = False) -> None:
        """Add get_<name>_display."""
        super().contribute_to_class(cls, name, private_only)
        if f"get_{name}_display" not in cls.__dict__:
            setattr(cls, f"get_{name}_display", partialmethod(_code_display, field=self))

    def validate(self, value: Any, model_instance: Any) -> None:
        """Reject a code the table (or, before it is loaded, the shipped list) does not hold."""
        models.CharField.validate(self, value, model_instance)
        if value in self.empty_values:
            return
        from anju.housing.dictionaries import code_names

        if value not in code_names(self.dictionary):
            raise ValidationError(
                "“%(value)s”不是代码表“%(dictionary)s”中的代码。",
                code="invalid_dictionary_code",
                params={"value": value, "dictionary": self.dictionary},
            )

    def formfield(self, **kwargs: Any) -> Any:
        """A select of the table's active items."""
        from django import forms

        from anju.housing.dictionaries import code_choices

        dictionary = self.dictionary

        def options() -> list[tuple[str, str]]:
            return [("", "请选择"), *code_choices(dictionary)]

        return forms.ChoiceField(
            choices=options, required=not self.blank, label=self.verbose_name, help_text=self.help_text,
            widget=forms.Select(attrs={"class": "form-select"}),
        )


def _code_display(instance: models.Model, *, field: HousingCodeField) -> str:
    from anju.housing.dictionaries import code_label

    return code_label(field.dictionary, getattr(instance, field.attname) or "")


def code_field(label: str, dictionary: str, **kwargs: Any) -> HousingCodeField:
    """An optional code of a housing code table (blank=False for a required one)."""
    kwargs.setdefault("blank", True)
    return HousingCodeField(label, dictionary=dictionary, max_length=24, **kwargs)


def date_ranges_check(obj: object, errors: dict[str, list], *pairs: tuple[str, str]) -> None:
    """Add a Chinese error for each (start, end) pair of date fields where end precedes start."""
    for start_name, end_name in pairs:
        start, end = getattr(obj, start_name), getattr(obj, end_name)
        if start and end and end < start:
            start_label = obj._meta.get_field(start_name).verbose_name
            end_label = obj._meta.get_field(end_name).verbose_name
            errors.setdefault(end_name, []).append(f"{end_label}不能早于{start_label}。")


class DeletableRecord(models.Model):
    """A record that is deleted by marking it (recoverable): lists hide it unless asked, restore brings it back.

    Set only by `anju.housing.services.records.record_delete` / `record_restore`, never by forms.
    """

    is_deleted = models.BooleanField("已删除", default=False, db_index=True, editable=False)
    deleted_at = models.DateTimeField("删除时间", null=True, blank=True, editable=False)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="删除人", null=True, blank=True, on_delete=models.PROTECT, related_name="+", editable=False
    )
    delete_reason = models.CharField("删除原因", max_length=200, blank=True, editable=False)

    class Meta:
        abstract = True
