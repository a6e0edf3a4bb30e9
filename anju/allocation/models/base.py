"""Field helpers shared by the 资源配置 models."""

from django.conf import settings
from django.db import models

MONEY = {"max_digits": 16, "decimal_places": 2}
AREA = {"max_digits": 14, "decimal_places": 2}


def money_field(label: str, **kwargs) -> models.DecimalField:
    """An amount in yuan (two decimals), 0 by default."""
    kwargs.setdefault("default", 0)
    return models.DecimalField(label, **MONEY, **kwargs)


def area_field(label: str, **kwargs) -> models.DecimalField:
    """An area in square metres (two decimals), 0 by default."""
    kwargs.setdefault("default", 0)
    return models.DecimalField(label, **AREA, **kwargs)


def count_field(label: str, **kwargs) -> models.IntegerField:
    """A count (units, households, people); signed because a balance may be corrected below zero only by error."""
    kwargs.setdefault("default", 0)
    return models.IntegerField(label, **kwargs)


def user_field(label: str, related_name: str = "+") -> models.ForeignKey:
    """An optional staff user (who did it)."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=label,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name=related_name,
    )
