"""Models of the 建设项目 subsystem (CJJ/T 196 A.5)."""

from anju.housing.models.contracts import Certificate, ConstructionContract, ResettlementContract
from anju.housing.models.participants import Participant, ParticipantPerson, ProjectParticipation
from anju.housing.models.photos import PhotoKind, ProjectPhoto
from anju.housing.models.projects import Handover, LandReserve, ProgressLog, Project
from anju.housing.models.units import Building, Unit, UnitStateChange

__all__ = [
    "Building",
    "Certificate",
    "ConstructionContract",
    "Handover",
    "LandReserve",
    "Participant",
    "ParticipantPerson",
    "PhotoKind",
    "ProgressLog",
    "Project",
    "ProjectParticipation",
    "ProjectPhoto",
    "ResettlementContract",
    "Unit",
    "UnitStateChange",
]
