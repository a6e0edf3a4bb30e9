"""What the contract, subsidy and support services share: permission checks, audit, number blocks."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from anju.core.scoping import jurisdiction_prefix
from anju.distribution.permissions import can_edit_distribution

# Prefixes of the numbers this part of distribution issues (the contract number is core's "contract" HT).
NUMBER_PREFIXES = {
    "subsidy_due": "YF",  # 应发编号
    "subsidy_payment": "SF",  # 实发编号
    "support_plan": "BF",  # 支持对象拨付计划编号
    "land_supply": "GD",  # 土地供应记录编号
}


def audit(*, action: str, user: Any, obj: Any, event: str, detail: dict | None = None) -> None:
    """Record one audit event (action = AuditAction name) with the distribution event id in detail."""
    from anju.core.services.auditing import audit_record

    audit_record(action=action, user=actor(user), obj=obj, detail={"event": str(event), **(detail or {})})


def actor(user: Any) -> Any:
    """The user to store in 增加人/最后更新人 (None for system jobs)."""
    return user if getattr(user, "is_authenticated", False) else None


def edit_check(user: Any, region_code: str, *, what: str = "该记录") -> None:
    """Raise PermissionDenied unless the user may change distribution records of this region (None = system job)."""
    if user is None:
        return
    if not can_edit_distribution(user):
        raise PermissionDenied("只有区县保障科或市保障处可以办理合同和补贴业务。")
    prefix = jurisdiction_prefix(user)
    if prefix is None or not (region_code or "").startswith(prefix):
        raise PermissionDenied(f"{what}不在您的管辖范围内。")


def numbers_reserve(
    *, kind: str, region_code: str, year: int | None = None, count: int = 1, width: int = 6
) -> list[str]:
    """`count` consecutive readable numbers (prefix + county + year + sequence) under one row lock.

    The same counter table and locking as `anju.core.services.numbers.business_number_next`, for a
    block at a time (a monthly subsidy run numbers thousands of rows with one statement).
    """
    from anju.core.models import BusinessSequence

    if count <= 0:
        return []
    prefix = NUMBER_PREFIXES[kind]
    county = (region_code or "")[:6]
    if len(county) != 6 or not county.isdigit():
        raise ValueError(f"行政区划代码无效：{region_code!r}")
    year = year or timezone.localdate().year
    lookup = {"kind": kind, "region_code": county, "year": year}
    with transaction.atomic():
        try:
            with transaction.atomic():
                BusinessSequence.objects.get_or_create(**lookup)
        except IntegrityError:
            pass
        sequence = BusinessSequence.objects.select_for_update(of=("self",)).get(**lookup)
        BusinessSequence.objects.filter(pk=sequence.pk).update(last_value=F("last_value") + count)
        last = BusinessSequence.objects.values_list("last_value", flat=True).get(pk=sequence.pk)
    first = last - count + 1
    if last >= 10**width:
        raise OverflowError(f"{county} {year} 年的{kind}编号已超过 {width} 位序号的上限。")
    return [f"{prefix}{county}{year}{value:0{width}d}" for value in range(first, last + 1)]


def number_next(*, kind: str, region_code: str, year: int | None = None) -> str:
    """One number of a kind (see `numbers_reserve`)."""
    return numbers_reserve(kind=kind, region_code=region_code, year=year, count=1)[0]
