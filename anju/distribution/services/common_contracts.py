"""What the contract, subsidy and support services share: permission checks, audit, business numbers."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from anju.core.scoping import jurisdiction_prefix
from anju.core.services.numbers import business_numbers_reserve
from anju.distribution.permissions import can_edit_distribution

# Distribution kinds whose numbers carry another prefix than core's `KIND_PREFIXES` entry (the counter
# row is still the kind's). 应发 YF, 实发 SF and 土地供应 GD are core kinds; the contract number is core's HT.
NUMBER_PREFIXES = {
    "support_plan": "BF",  # 支持对象拨付计划编号 (allocation's 支持项目配置方案 is ZC)
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


def number_next(*, kind: str, region_code: str, year: int | None = None) -> str:
    """One number of a distribution kind (used by subsidy payments and support records)."""
    prefix = NUMBER_PREFIXES.get(kind)
    return business_numbers_reserve(kind=kind, region_code=region_code, year=year, count=1, prefix=prefix)[0]
