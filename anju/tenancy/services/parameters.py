"""配后管理参数: the row of a region or its nearest ancestor (defaults when none is set)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from anju.core.scoping import significant_prefix
from anju.tenancy.events import TenancyEvent
from anju.tenancy.models import TenancyParameter
from anju.tenancy.permissions import PARAMETER_ROLES, tenancy_check
from anju.tenancy.services.common import actor, audit

EDITABLE = (
    "resale_years",
    "depreciation_rate",
    "gain_share",
    "arrears_exit_months",
    "vacant_exit_months",
    "move_out_days",
)


def _ancestor_codes(code: str) -> list[str]:
    """The region's code and its ancestors' codes (12 digits), most specific first."""
    prefix = significant_prefix(code)
    codes = []
    for length in (12, 9, 6, 4, 2):
        if len(prefix) >= length:
            codes.append(prefix[:length].ljust(12, "0"))
    return list(dict.fromkeys(codes))


def parameter_for(region_code: str) -> TenancyParameter:
    """The parameters that apply to a region (an unsaved default row when none is set)."""
    codes = _ancestor_codes(region_code)
    rows = {row.region_code: row for row in TenancyParameter.objects.filter(region_code__in=codes)}
    for code in codes:
        if code in rows:
            return rows[code]
    return TenancyParameter(region_code=region_code)


def parameter_set(*, region_code: str, values: dict[str, Any], acting_user: Any) -> TenancyParameter:
    """Create or change the parameters of a region (city or district officers of that region)."""
    tenancy_check(acting_user, region_code, roles=PARAMETER_ROLES)
    with transaction.atomic():
        row = TenancyParameter.objects.select_for_update(of=("self",)).filter(region_code=region_code).first()
        creating = row is None
        row = row or TenancyParameter(region_code=region_code, created_by=actor(acting_user))
        changes = {}
        for name in EDITABLE:
            if name in values and values[name] is not None:
                value = Decimal(str(values[name])) if name in ("depreciation_rate", "gain_share") else int(values[name])
                if getattr(row, name) != value:
                    changes[name] = [str(getattr(row, name)), str(value)]
                setattr(row, name, value)
        row.updated_by = actor(acting_user)
        try:
            row.full_clean()
        except ValidationError:
            raise
        row.save()
        audit(action="CONFIG_CHANGED", user=acting_user, obj=row, event=TenancyEvent.PARAMETER_SAVED,
              detail={"created": creating, "changes": changes})  # fmt: skip
    return row
