"""Field helpers shared by the 配给管理 models: who added and last changed a record (增加人, 最后更新人)."""

from django.conf import settings
from django.db import models

from anju.core.models import RegionScopedModel

MONEY = {"max_digits": 14, "decimal_places": 2}
AREA = {"max_digits": 12, "decimal_places": 2}


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
