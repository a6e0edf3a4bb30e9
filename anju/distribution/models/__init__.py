"""Models of anju.distribution (配给管理, CJJ/T 196 chapter 10, Appendix A A.7)."""

from anju.distribution.models.contracts import Contract
from anju.distribution.models.rounds import (
    AllocationRound,
    Lottery,
    LotteryParticipant,
    QueueEntry,
    QueueReorder,
    Selection,
)
from anju.distribution.models.subsidies import (
    LandSupplyRecord,
    SubsidyDue,
    SubsidyPayment,
    SubsidyStandardChange,
    SupportDisbursementPlan,
)

__all__ = [
    "AllocationRound",
    "Contract",
    "LandSupplyRecord",
    "Lottery",
    "LotteryParticipant",
    "QueueEntry",
    "QueueReorder",
    "Selection",
    "SubsidyDue",
    "SubsidyPayment",
    "SubsidyStandardChange",
    "SupportDisbursementPlan",
]
