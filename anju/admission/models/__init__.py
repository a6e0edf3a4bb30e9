"""Admission models: the applying household (A.3.8–A.3.11)."""

from anju.admission.models.applications import Application
from anju.admission.models.assets import Asset
from anju.admission.models.dwellings import Dwelling
from anju.admission.models.members import Member

__all__ = ["Application", "Asset", "Dwelling", "Member"]
