"""Models of anju.tenancy (配后管理, CJJ/T 196 chapter 11, Appendix A A.8)."""

from anju.tenancy.models.occupancy import MoveIn, Vacate
from anju.tenancy.models.reminder import ReminderChannel, RentReminder
from anju.tenancy.models.rent import FixedCost, RentCharge, RentPayment, RentReceipt
from anju.tenancy.models.review import AdjustKind, ExitCase, ReviewResult, ReviewRound, StandardAdjustment
from anju.tenancy.models.sold import Resale, Return, TenancyParameter

__all__ = [
    "AdjustKind",
    "ExitCase",
    "FixedCost",
    "MoveIn",
    "ReminderChannel",
    "RentCharge",
    "RentPayment",
    "RentReceipt",
    "RentReminder",
    "Resale",
    "Return",
    "ReviewResult",
    "ReviewRound",
    "StandardAdjustment",
    "TenancyParameter",
    "Vacate",
]
