"""Who may see, upload, delete and restore archive files (security.md #6: default deny)."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db import models

from anju.accounts.roles import STAFF_ROLES, Role
from anju.core.scoping import jurisdiction_prefix

# Business staff only: the three administrator roles and applicants never read the archive here.
ARCHIVE_ROLES = tuple(str(role) for role in STAFF_ROLES)
# Deleting another person's file and restoring any file is for the housing security officers.
ARCHIVE_MANAGER_ROLES = (str(Role.DISTRICT_OFFICER), str(Role.CITY_OFFICER))
# Files may be attached to records of Anju's own apps, except the archive and the audit log.
OWNER_APP_EXCLUDED = frozenset({"archive", "audit"})
# The action an owner record is asked about when a non-staff user uploads (`owner_admits_self_service`).
SELF_SERVICE_UPLOAD = "archive_upload"


def is_archive_user(user: Any) -> bool:
    """Active staff with a business role and a jurisdiction."""
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and jurisdiction_prefix(user) is not None
        and user.has_role(*ARCHIVE_ROLES)
    )


def owner_model_allowed(model: type[models.Model]) -> bool:
    """True for models of Anju's apps (anju.*) other than archive and audit."""
    config = apps.get_app_config(model._meta.app_label)
    return config.name.startswith("anju.") and model._meta.app_label not in OWNER_APP_EXCLUDED


def owner_region_code(owner: models.Model) -> str:
    """The 12-digit region of an owner record ('' when it has none)."""
    from anju.core.models import Region

    if isinstance(owner, Region):
        return owner.code
    return str(getattr(owner, "region_code", "") or "")


def owner_admits_self_service(user: Any, owner: models.Model) -> bool:
    """Does the owner record itself let this (non-staff) user attach files to it?

    A record may answer through `self_service_allows(user, "archive_upload")`: the admission
    application does, for its own applicant while it is a draft or returned for correction (网上申请
    materials). This admits the record only: file lists, details and downloads stay staff-only
    (`ArchiveFile.objects.visible_to`), so in practice it lets the applicant upload, nothing more.
    """
    allows = getattr(owner, "self_service_allows", None)
    return callable(allows) and bool(allows(user, SELF_SERVICE_UPLOAD))


def owner_visible_to(user: Any, owner: models.Model) -> bool:
    """May this user see the owner record (and so attach files to it)?

    Staff: the record's own scoping when it has one, else its region. Anyone else only when the
    record admits them (`owner_admits_self_service`).
    """
    if not owner_model_allowed(type(owner)):
        return False
    if not is_archive_user(user):
        return owner_admits_self_service(user, owner)
    queryset = type(owner)._default_manager.all()
    if hasattr(queryset, "visible_to"):
        return queryset.visible_to(user).filter(pk=owner.pk).exists()
    region_code = owner_region_code(owner)
    prefix = jurisdiction_prefix(user)
    if region_code:
        return prefix is not None and region_code.startswith(prefix)
    return True  # an unscoped reference record: any business staff member


def can_delete(user: Any, file: Any) -> bool:
    """The uploader, or a district/city officer."""
    return is_archive_user(user) and (file.uploaded_by_id == user.pk or user.has_role(*ARCHIVE_MANAGER_ROLES))


def can_restore(user: Any) -> bool:
    """District and city officers restore deleted files."""
    return is_archive_user(user) and user.has_role(*ARCHIVE_MANAGER_ROLES)
