"""Reads of the 资源配置 subsystem: every selector starts from `visible_to(user)` (style.md 3-4)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from anju.admission.models import RegisterEntry
from anju.allocation.choices import AllocationState, PlanStatus
from anju.allocation.models import (
    AllocationPlan,
    PlanHousehold,
    PlanResource,
    ProgramLedger,
    ProgramLedgerEntry,
    SupportLedger,
    SupportLedgerEntry,
    SupportPlan,
)
from anju.allocation.permissions import can_read_allocation
from anju.core.scoping import get_visible_or_404, significant_prefix

OPEN_STATUSES = (PlanStatus.DRAFT, PlanStatus.PUBLISHED)


def _readable(queryset: QuerySet, user: Any) -> QuerySet:
    """Scoped to the jurisdiction, and empty for roles that do not read allocation records."""
    return queryset.visible_to(user) if can_read_allocation(user) else queryset.none()


# ---------------------------------------------------------------- plans


def plan_list(*, user: Any) -> QuerySet[AllocationPlan]:
    """Allocation plans in the user's jurisdiction."""
    return _readable(AllocationPlan.objects.select_related("program", "created_by"), user)


def plan_get(*, user: Any, pk: Any) -> AllocationPlan:
    """One allocation plan in the user's jurisdiction, or 404."""
    return get_visible_or_404(plan_list(user=user), user, pk=pk)


def published_plans_visible_to(user: Any) -> QuerySet[AllocationPlan]:
    """Published plans distribution may make rounds from (in the user's jurisdiction)."""
    return AllocationPlan.objects.visible_to(user).filter(status=PlanStatus.PUBLISHED).select_related("program")


def plan_households(*, plan: AllocationPlan) -> QuerySet[PlanHousehold]:
    """The households of a plan with their register entries."""
    return plan.households.select_related("register_entry").order_by("id")


def plan_resources(*, plan: AllocationPlan) -> QuerySet[PlanResource]:
    """The resources of a plan with their units."""
    return plan.resources.select_related("unit", "unit__building").order_by("id")


def open_plan_household_q(mode: str, *, exclude_plan_id: int | None = None) -> Exists:
    """EXISTS: the register entry is already in an open plan of this mode (and not withdrawn there)."""
    rows = PlanHousehold.objects.filter(
        register_entry=OuterRef("pk"), plan__mode=mode, plan__status__in=OPEN_STATUSES
    ).exclude(state=AllocationState.WITHDRAWN)
    if exclude_plan_id is not None:
        rows = rows.exclude(plan_id=exclude_plan_id)
    return Exists(rows)


def household_candidates(
    *, user: Any, plan: AllocationPlan, filters: dict[str, Any] | None = None
) -> QuerySet[RegisterEntry]:
    """Active registered households of the plan's region that are in no open plan of its mode (filtered)."""
    queryset = (
        RegisterEntry.objects.visible_to(user).active().within(plan.region_code)
        .exclude(open_plan_household_q(plan.mode))
        .exclude(plan_households__plan=plan)
    )  # fmt: skip
    return register_filter(queryset, filters or {}).order_by("registered_at", "id")


def register_filter(queryset: QuerySet[RegisterEntry], filters: dict[str, Any]) -> QuerySet[RegisterEntry]:
    """Filter register entries by district, household size, mode, income class, special group, keyword."""
    if filters.get("district"):
        queryset = queryset.within(filters["district"])
    if filters.get("household_size"):
        size = int(filters["household_size"])
        queryset = queryset.filter(household_size__gte=size) if size >= 3 else queryset.filter(household_size=size)
    for name in ("security_mode", "income_class", "special_group", "security_state"):
        if filters.get(name):
            queryset = queryset.filter(**{name: filters[name]})
    if filters.get("q"):
        queryset = queryset.filter(Q(number__icontains=filters["q"]) | Q(applicant_name__icontains=filters["q"]))
    return queryset


def open_plan_unit_ids(*, exclude_plan_id: int | None = None) -> QuerySet:
    """Ids of units already offered by an open plan (not withdrawn there)."""
    rows = PlanResource.objects.filter(unit__isnull=False, plan__status__in=OPEN_STATUSES).exclude(
        state=AllocationState.WITHDRAWN
    )
    if exclude_plan_id is not None:
        rows = rows.exclude(plan_id=exclude_plan_id)
    return rows.values("unit_id")


def unit_candidates(*, user: Any, plan: AllocationPlan, filters: dict[str, Any] | None = None) -> QuerySet:
    """Allocatable units of the plan's region that no open plan offers yet (filtered by district, layout, area)."""
    from anju.housing.selectors import allocatable_units

    filters = filters or {}
    queryset = allocatable_units(user=user).within(plan.region_code).exclude(pk__in=open_plan_unit_ids())
    if filters.get("district"):
        queryset = queryset.within(filters["district"])
    if filters.get("layout"):
        queryset = queryset.filter(layout=filters["layout"])
    if filters.get("area_min"):
        queryset = queryset.filter(floor_area__gte=filters["area_min"])
    if filters.get("area_max"):
        queryset = queryset.filter(floor_area__lt=filters["area_max"])
    if filters.get("project"):
        queryset = queryset.filter(building__project_id=filters["project"])
    return queryset.order_by("building__project_id", "building_id", "floor_from", "entrance", "room_number")


def support_plan_list(*, user: Any) -> QuerySet[SupportPlan]:
    """Support plans in the user's jurisdiction."""
    return _readable(SupportPlan.objects.select_related("support_program", "support_mode"), user)


def support_plan_get(*, user: Any, pk: Any) -> SupportPlan:
    """One support plan in the user's jurisdiction, or 404."""
    return get_visible_or_404(support_plan_list(user=user), user, pk=pk)


# ---------------------------------------------------------------- ledgers


def ledger_list(*, user: Any) -> QuerySet[ProgramLedger]:
    """Program ledgers in the user's jurisdiction."""
    return _readable(ProgramLedger.objects.select_related("program"), user)


def ledger_get(*, user: Any, pk: Any) -> ProgramLedger:
    """One program ledger in the user's jurisdiction, or 404."""
    return get_visible_or_404(ledger_list(user=user), user, pk=pk)


def ledger_entry_list(*, user: Any) -> QuerySet[ProgramLedgerEntry]:
    """Program ledger entries in the user's jurisdiction."""
    return _readable(ProgramLedgerEntry.objects.select_related("program"), user)


def ledger_entries(*, ledger: ProgramLedger) -> QuerySet[ProgramLedgerEntry]:
    """The entries a program ledger sums (its program, region subtree and period): the drill-down."""
    return (
        ProgramLedgerEntry.objects.within(ledger.region_code)
        .filter(program=ledger.program, received_on__gte=ledger.period_start, received_on__lte=ledger.period_end)
        .select_related("program")
    )


def support_ledger_list(*, user: Any) -> QuerySet[SupportLedger]:
    """Support program ledgers in the user's jurisdiction."""
    return _readable(SupportLedger.objects.select_related("support_program"), user)


def support_ledger_get(*, user: Any, pk: Any) -> SupportLedger:
    """One support ledger in the user's jurisdiction, or 404."""
    return get_visible_or_404(support_ledger_list(user=user), user, pk=pk)


def support_ledger_entry_list(*, user: Any) -> QuerySet[SupportLedgerEntry]:
    """Support ledger entries in the user's jurisdiction."""
    return _readable(SupportLedgerEntry.objects.select_related("support_program"), user)


def support_ledger_entries(*, ledger: SupportLedger) -> QuerySet[SupportLedgerEntry]:
    """The entries a support ledger sums."""
    return SupportLedgerEntry.objects.within(ledger.region_code).filter(
        support_program=ledger.support_program, received_on__gte=ledger.period_start, received_on__lte=ledger.period_end
    )


# ---------------------------------------------------------------- program of a household or a unit


class ProgramResolver:
    """Which 保障项目 a register entry, a unit or a region belongs to, decided in memory from one read of the programs.

    A register entry's program: the program of the latest plan it is in; else an enabled program covering its
    region whose special group (then income class) matches; else one offering its 申请保障方式; else the first
    covering program. A unit's program: the program of the latest plan offering it; else a covering program
    offering the mode that matches the unit's housing kind; else the first covering program.
    """

    KIND_MODES = {
        "low_rent": "11", "public_rental": "12", "affordable_rental": "13", "affordable": "21",
        "price_capped": "22", "shared_ownership": "23", "resettlement": "51",
    }  # fmt: skip

    def __init__(self) -> None:
        from anju.rules.models import Mode, Program

        self.programs = list(
            Program.objects.filter(is_enabled=True)
            .order_by("code")
            .values("id", "region_code", "income_class", "special_group")
        )
        self.modes: dict[int, set[str]] = {}
        for program_id, mode in Mode.objects.filter(is_enabled=True).values_list("program_id", "mode"):
            self.modes.setdefault(program_id, set()).add(mode)
        self._covering: dict[str, list[dict]] = {}

    def covering(self, region_code: str) -> list[dict]:
        """Programs whose region contains the code (most local first, then by code)."""
        if region_code not in self._covering:
            rows = [p for p in self.programs if region_code.startswith(significant_prefix(p["region_code"]))]
            rows.sort(key=lambda p: -len(significant_prefix(p["region_code"])))
            self._covering[region_code] = rows
        return self._covering[region_code]

    def for_household(
        self, *, region_code: str, income_class: str = "", special_group: str = "", mode: str = ""
    ) -> int | None:
        """The program id of a household with these facts, or None when no program covers its region."""
        rows = self.covering(region_code)
        for test in (
            lambda p: special_group and p["special_group"] == special_group,
            lambda p: income_class and p["income_class"] == income_class and not p["special_group"],
            lambda p: mode and mode in self.modes.get(p["id"], ()),
            lambda p: True,
        ):
            match = next((p for p in rows if test(p)), None)
            if match:
                return match["id"]
        return None

    def for_unit(self, *, region_code: str, housing_kind: str = "") -> int | None:
        """The program id a unit of this kind counts for, or None."""
        rows = self.covering(region_code)
        mode = self.KIND_MODES.get(housing_kind, "")
        match = next((p for p in rows if mode and mode in self.modes.get(p["id"], ())), None) or (
            rows[0] if rows else None
        )
        return match["id"] if match else None


def plan_programs_of_entries(entry_ids: Iterable[int]) -> dict[int, int]:
    """register entry id → program id of the latest plan it is in (one query)."""
    rows = (
        PlanHousehold.objects.filter(register_entry_id__in=list(entry_ids))
        .order_by("id")
        .values_list("register_entry_id", "plan__program_id")
    )
    return dict(rows)


def plan_programs_of_units(unit_ids: Iterable[int]) -> dict[int, int]:
    """unit id → program id of the latest plan offering it (one query)."""
    rows = (
        PlanResource.objects.filter(unit_id__in=list(unit_ids))
        .order_by("id")
        .values_list("unit_id", "plan__program_id")
    )
    return dict(rows)
