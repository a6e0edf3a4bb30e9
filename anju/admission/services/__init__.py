"""Writes of the admission app (style.md 2): every change goes through one of these."""

from anju.admission.services.applications import (
    application_create,
    application_delete,
    application_restore,
    application_submit,
    application_update,
)
from anju.admission.services.holdings import (
    asset_add,
    asset_remove,
    asset_update,
    dwelling_add,
    dwelling_remove,
    dwelling_update,
)
from anju.admission.services.members import member_add, member_remove, member_update

__all__ = [
    "application_create",
    "application_delete",
    "application_restore",
    "application_submit",
    "application_update",
    "asset_add",
    "asset_remove",
    "asset_update",
    "dwelling_add",
    "dwelling_remove",
    "dwelling_update",
    "member_add",
    "member_remove",
    "member_update",
]
