"""Admission models: the applying household (A.3.8–A.3.11) and its process records (A.3.12–A.3.18, 核查)."""

from anju.admission.models.applications import Application
from anju.admission.models.assets import Asset
from anju.admission.models.dwellings import Dwelling
from anju.admission.models.members import Member
from anju.admission.models.objections import Objection, ObjectionStatus
from anju.admission.models.plans import ProposedPlan
from anju.admission.models.publicity import Publicity, PublicityEntry, PublicityKind, PublicityStatus
from anju.admission.models.register import RegisterEntry
from anju.admission.models.suppliers import (
    SupplierApprovalStatus,
    SupplierPersonApproval,
    SupplierUnitApproval,
    SupportMode,
    SupportTargetCategory,
)
from anju.admission.models.verification import (
    Verification,
    VerificationConclusion,
    VerificationKind,
    VerificationReport,
    VerificationStatus,
)

__all__ = [
    "Application",
    "Asset",
    "Dwelling",
    "Member",
    "Objection",
    "ObjectionStatus",
    "ProposedPlan",
    "Publicity",
    "PublicityEntry",
    "PublicityKind",
    "PublicityStatus",
    "RegisterEntry",
    "SupplierApprovalStatus",
    "SupplierPersonApproval",
    "SupplierUnitApproval",
    "SupportMode",
    "SupportTargetCategory",
    "Verification",
    "VerificationConclusion",
    "VerificationKind",
    "VerificationReport",
    "VerificationStatus",
]
