"""保障项目、保障方式 (A.1.1, A.1.2) and 支持项目、支持方式、支持条件、支持标准 (A.1.8–A.1.11)."""

from django.db import models

from anju.core.models import DictionaryCodeField, RegionScopedModel, TimeStampedModel
from anju.rules.choices import SupplierType


class EnabledMixin(models.Model):
    """是否启用 and 启用时间, shared by every A.1 data set."""

    is_enabled = models.BooleanField("是否启用", default=True)
    enabled_at = models.DateTimeField("启用时间", null=True, blank=True)

    class Meta:
        abstract = True


class Program(RegionScopedModel, EnabledMixin):
    """保障项目 (A.1.1): a housing security program of a region for an income class or special group."""

    code = models.CharField("保障项目编号", max_length=40, unique=True)
    name = models.CharField("保障项目", max_length=100)
    income_class = DictionaryCodeField("收入分类", dictionary="income_class", blank=True)
    special_group = DictionaryCodeField("特殊人群分类", dictionary="special_group", blank=True)
    description = models.TextField("说明", blank=True)

    class Meta:
        verbose_name = "保障项目"
        verbose_name_plural = "保障项目"
        ordering = ["region_code", "code"]

    def __str__(self) -> str:
        return self.name


class Mode(TimeStampedModel, EnabledMixin):
    """保障对象保障方式 (A.1.2): one mode (配租, 租赁补贴, 配售 …) of a program."""

    code = models.CharField("保障方式编号", max_length=40, unique=True)
    program = models.ForeignKey(Program, verbose_name="保障项目", on_delete=models.PROTECT, related_name="modes")
    mode = DictionaryCodeField("保障方式", dictionary="security_mode")

    class Meta:
        verbose_name = "保障方式"
        verbose_name_plural = "保障方式"
        ordering = ["program", "code"]
        constraints = [models.UniqueConstraint(fields=["program", "mode"], name="rules_mode_unique_per_program")]

    def __str__(self) -> str:
        return f"{self.program.name}·{self.mode_name}"

    @property
    def program_code(self) -> str:
        """保障项目编号."""
        return self.program.code

    @property
    def region_code(self) -> str:
        """行政区划代码 of the program."""
        return self.program.region_code

    @property
    def mode_name(self) -> str:
        """保障方式, in Chinese."""
        from anju.rules.selectors import dictionary_name

        return dictionary_name("security_mode", self.mode)


class SupportProgram(RegionScopedModel, EnabledMixin):
    """支持项目 (A.1.8): support for suppliers of security housing (units or individuals)."""

    code = models.CharField("支持项目编号", max_length=40, unique=True)
    name = models.CharField("支持项目", max_length=100)
    supplier_type = models.CharField("支持对象类型", max_length=16, choices=SupplierType.choices)

    class Meta:
        verbose_name = "支持项目"
        verbose_name_plural = "支持项目"
        ordering = ["region_code", "code"]

    def __str__(self) -> str:
        return self.name


class SupportMode(TimeStampedModel, EnabledMixin):
    """支持对象支持方式 (A.1.9): e.g. 税费减免, 财政补助, 土地划拨."""

    code = models.CharField("支持方式编号", max_length=40, unique=True)
    program = models.ForeignKey(
        SupportProgram, verbose_name="支持项目", on_delete=models.PROTECT, related_name="modes"
    )
    name = models.CharField("支持方式", max_length=100)

    class Meta:
        verbose_name = "支持方式"
        verbose_name_plural = "支持方式"
        ordering = ["program", "code"]

    def __str__(self) -> str:
        return self.name

    @property
    def program_code(self) -> str:
        """支持项目编号."""
        return self.program.code


class SupportCondition(TimeStampedModel, EnabledMixin):
    """支持对象申请条件 (A.1.10)."""

    code = models.CharField("支持方式申请条件编号", max_length=40, unique=True)
    mode = models.ForeignKey(SupportMode, verbose_name="支持方式", on_delete=models.CASCADE, related_name="conditions")
    name = models.CharField("支持条件", max_length=100)
    detail = models.TextField("具体条件")

    class Meta:
        verbose_name = "支持对象申请条件"
        verbose_name_plural = "支持对象申请条件"
        ordering = ["mode", "code"]

    def __str__(self) -> str:
        return self.name

    @property
    def mode_code(self) -> str:
        """支持方式编号."""
        return self.mode.code


class SupportStandard(TimeStampedModel, EnabledMixin):
    """支持对象支持标准 (A.1.11)."""

    code = models.CharField("支持方式支持标准编号", max_length=40, unique=True)
    mode = models.ForeignKey(SupportMode, verbose_name="支持方式", on_delete=models.CASCADE, related_name="standards")
    current_standard = models.CharField("现有标准", max_length=200)
    applied_standard = models.CharField("执行标准", max_length=200)

    class Meta:
        verbose_name = "支持对象支持标准"
        verbose_name_plural = "支持对象支持标准"
        ordering = ["mode", "code"]

    def __str__(self) -> str:
        return self.applied_standard

    @property
    def mode_code(self) -> str:
        """支持方式编号."""
        return self.mode.code
