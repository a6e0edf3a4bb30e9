"""Models of anju.supervision (监督管理, CJJ/T 196 A.10)."""

from anju.supervision.models.assessment import (
    AssessmentBulletin,
    AssessmentResult,
    StaffAssessment,
    StaffSanction,
    StaffSanctionKind,
    UnitAssessment,
)
from anju.supervision.models.complaints import Complaint, ComplaintReply
from anju.supervision.models.credit import CreditBanRule, CreditRecord, CreditRepair
from anju.supervision.models.oversight import Inspection, SupplierSanction

__all__ = [
    "AssessmentBulletin",
    "AssessmentResult",
    "Complaint",
    "ComplaintReply",
    "CreditBanRule",
    "CreditRecord",
    "CreditRepair",
    "Inspection",
    "StaffAssessment",
    "StaffSanction",
    "StaffSanctionKind",
    "SupplierSanction",
    "UnitAssessment",
]
