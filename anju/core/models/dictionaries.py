"""Code tables (代码表) for every Appendix A enumeration."""

from django.db import models


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
