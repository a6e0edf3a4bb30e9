"""Field helpers shared by the 建设项目 models."""

from django.db import models

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


def date_ranges_check(obj: object, errors: dict[str, list], *pairs: tuple[str, str]) -> None:
    """Add a Chinese error for each (start, end) pair of date fields where end precedes start."""
    for start_name, end_name in pairs:
        start, end = getattr(obj, start_name), getattr(obj, end_name)
        if start and end and end < start:
            start_label = obj._meta.get_field(start_name).verbose_name
            end_label = obj._meta.get_field(end_name).verbose_name
            errors.setdefault(end_name, []).append(f"{end_label}不能早于{start_label}。")
