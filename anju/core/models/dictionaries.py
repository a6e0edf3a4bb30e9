"""Code tables (代码表) for every Appendix A enumeration."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.text import capfirst


class Dictionary(models.Model):
    """代码表: one enumeration, e.g. 性别 (GB/T 2261.1)."""

    code = models.CharField("代码表标识", max_length=64, unique=True)
    name = models.CharField("名称", max_length=100)
    standard = models.CharField("依据标准", max_length=100, blank=True)
    description = models.TextField("说明", blank=True)
    is_system = models.BooleanField("系统内置", default=True, help_text="内置代码表的条目可以修改但不能删除整表。")

    class Meta:
        verbose_name = "代码表"
        verbose_name_plural = "代码表"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name}（{self.code}）"

    def get_absolute_url(self) -> str:
        """The staff page listing the items."""
        return reverse("core:dictionary_detail", args=[self.code])


class DictionaryItem(models.Model):
    """代码表条目: one code and its Chinese name."""

    dictionary = models.ForeignKey(Dictionary, verbose_name="代码表", on_delete=models.CASCADE, related_name="items")
    code = models.CharField("代码", max_length=32)
    name = models.CharField("名称", max_length=100)
    parent_code = models.CharField("上级代码", max_length=32, blank=True)
    sort_order = models.PositiveIntegerField("排序", default=0)
    is_active = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = "代码表条目"
        verbose_name_plural = "代码表条目"
        ordering = ["dictionary", "sort_order", "code"]
        constraints = [models.UniqueConstraint(fields=["dictionary", "code"], name="core_dictitem_unique_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class DictionaryCodeField(models.CharField):
    """A CharField holding a code of one dictionary (代码表), e.g. 性别 → "1".

    The value is validated against the dictionary's items (active or not, so an old record
    keeps a deactivated code); forms offer the active items. Usage of a code is found by
    `anju.core.selectors.dictionary_item_usage_count`, which refuses deleting used items.

        sex = DictionaryCodeField("性别", dictionary="sex")
    """

    def __init__(self, *args: Any, dictionary: str, **kwargs: Any) -> None:
        self.dictionary = dictionary
        kwargs.setdefault("max_length", 32)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> tuple[str, str, list[Any], dict[str, Any]]:
        """Keep the dictionary code in migrations."""
        name, path, args, kwargs = super().deconstruct()
        kwargs["dictionary"] = self.dictionary
        if kwargs.get("max_length") == 32:
            del kwargs["max_length"]
        return name, path, args, kwargs

    def validate(self, value: Any, model_instance: Any) -> None:
        """Reject a code the dictionary does not hold."""
        super().validate(value, model_instance)
        if value in self.empty_values:
            return
        from anju.core.selectors import dictionary_names

        if value not in dictionary_names(self.dictionary, include_inactive=True):
            raise ValidationError(
                "“%(value)s”不是代码表“%(dictionary)s”中的代码。",
                code="invalid_dictionary_code",
                params={"value": value, "dictionary": self.dictionary},
            )

    def formfield(self, **kwargs: Any) -> Any:
        """A select of the active items (admin and model forms)."""
        from anju.core.forms import DictionaryChoiceField

        options = {
            "required": not self.blank,
            "label": capfirst(self.verbose_name),
            "help_text": self.help_text,
        }
        options.update({key: value for key, value in kwargs.items() if key in {"required", "label", "help_text", "initial", "widget"}})
        return DictionaryChoiceField(dictionary=self.dictionary, **options)
