"""Field helpers of the 配后管理 models: who added and last changed a record (增加人, 最后更新人)."""

from django.conf import settings
from django.db import models

from anju.core.models import RegionScopedModel

MONEY = {"max_digits": 14, "decimal_places": 2}


def money(label: str, **kwargs) -> models.DecimalField:
    """An amount in yuan (two decimals), 0 by default."""
    kwargs.setdefault("default", 0)
    return models.DecimalField(label, **MONEY, **kwargs)


class TrackedModel(RegionScopedModel):
    """增加时间/增加人/最后更新时间/最后更新人 (created_at/created_by/updated_at/updated_by)."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="增加人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="最后更新人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        abstract = True

    @property
    def applicant_number(self) -> str:
        """申请人编号: the household's register number."""
        entry = getattr(self, "register_entry", None)
        return entry.number if entry is not None else ""

    @property
    def unit_number(self) -> str:
        """房源编号 / 房屋编号."""
        unit = getattr(self, "unit", None)
        return unit.number if unit is not None else ""
