"""Models of anju.allocation (资源配置, CJJ/T 196 chapter 9, Appendix A A.6)."""

from anju.allocation.models.ledgers import ProgramLedger, ProgramLedgerEntry, SupportLedger, SupportLedgerEntry
from anju.allocation.models.plans import AllocationPlan, PlanHousehold, PlanResource, SupportPlan, SupportPlanTarget

__all__ = [
    "AllocationPlan",
    "PlanHousehold",
    "PlanResource",
    "ProgramLedger",
    "ProgramLedgerEntry",
    "SupportLedger",
    "SupportLedgerEntry",
    "SupportPlan",
    "SupportPlanTarget",
]
