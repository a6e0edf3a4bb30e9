"""Who may enter and change household applications.

Two kinds of writer, and nobody else:

- **Staff**: the community clerk (社区经办人) of the application's community (`household_edit_check`).
- **The household itself** (网上申请, issue #8): the applicant account linked to the application
  (`Application.applicant_account`, set when the applicant opened it online), on that one
  application, and only while it is the applicant's to change — 草稿, or 已退回 for 补正材料
  (`application_write_check`). The archive (uploading proofs) and the workflow (starting the
  admission process on submission) ask the application the same question through
  `Application.self_service_allows(user, action)`, which answers from `self_service_allows` below.

An applicant never acts on another household's application, never deletes or restores one, and
never reaches the staff pages or API (their selectors show applicants nothing).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from anju.accounts.roles import Role
from anju.admission.choices import EDITABLE_STATUSES, ApplicationStatus
from anju.core.scoping import jurisdiction_prefix

EDITOR_ROLES = (Role.COMMUNITY_CLERK,)
READER_ROLES = (
    Role.COMMUNITY_CLERK,
    Role.STREET_REVIEWER,
    Role.DISTRICT_OFFICER,
    Role.CITY_OFFICER,
)

# What the applicant may do on their own application, and in which 办理阶段.
SELF_SERVICE_EDIT = "edit"  # the application, its members, dwellings and assets; submit
SELF_SERVICE_ARCHIVE_UPLOAD = "archive_upload"  # proofs into the application's e-archive
SELF_SERVICE_PROCESS_START = "process_start"  # the admission process, right after the applicant's own submission
SELF_SERVICE_STATUSES: dict[str, frozenset[str]] = {
    SELF_SERVICE_EDIT: EDITABLE_STATUSES,
    SELF_SERVICE_ARCHIVE_UPLOAD: EDITABLE_STATUSES,
    SELF_SERVICE_PROCESS_START: frozenset({ApplicationStatus.SUBMITTED}),
}


def can_edit_households(user: Any) -> bool:
    """True if the user enters applications (社区经办人)."""
    return bool(getattr(user, "is_authenticated", False)) and user.has_role(*EDITOR_ROLES)


def region_in_jurisdiction(user: Any, region_code: str) -> bool:
    """True if a region code lies in the user's jurisdiction subtree."""
    prefix = jurisdiction_prefix(user)
    return prefix is not None and region_code.startswith(prefix)


def household_edit_check(user: Any, region_code: str) -> None:
    """Raise PermissionDenied unless the user may change applications of this community (staff only)."""
    if not can_edit_households(user):
        raise PermissionDenied("只有社区经办人可以录入和修改申请。")
    if not region_in_jurisdiction(user, region_code):
        raise PermissionDenied("该社区不在您的管辖范围内。")


def is_applicant_account(user: Any) -> bool:
    """An active, signed-in user holding the applicant role (申请人)."""
    return bool(
        getattr(user, "is_authenticated", False) and getattr(user, "is_active", False) and user.has_role(Role.APPLICANT)
    )


def is_own_application(user: Any, application: Any) -> bool:
    """True if the application is linked to this applicant account (whatever its stage)."""
    owner_id = getattr(application, "applicant_account_id", None)
    return owner_id is not None and is_applicant_account(user) and owner_id == user.pk


def self_service_allows(user: Any, application: Any, action: str) -> bool:
    """May the applicant do `action` (one of SELF_SERVICE_STATUSES) on this application now?"""
    return (
        is_own_application(user, application)
        and not application.is_deleted
        and application.status in SELF_SERVICE_STATUSES[action]
    )


def application_create_check(user: Any, region_code: str, *, applicant_account: Any = None) -> None:
    """Raise PermissionDenied unless the user may open an application in this community.

    Staff: the community's clerk. Online: an applicant opening their own application, i.e.
    `applicant_account` is the acting user (any community: the household chooses its own).
    """
    if applicant_account is None:
        household_edit_check(user, region_code)
        return
    if not is_applicant_account(user) or getattr(applicant_account, "pk", None) != user.pk:
        raise PermissionDenied("网上申请只能由申请人本人填写。")


def application_write_check(user: Any, application: Any) -> None:
    """Raise PermissionDenied unless the user may change this application (see the module doc)."""
    if is_own_application(user, application):
        if not self_service_allows(user, application, SELF_SERVICE_EDIT):
            raise PermissionDenied(
                f"申请处于“{application.get_status_display()}”阶段，申请人不能修改；被退回补正时可以再次修改。"
            )
        return
    if is_applicant_account(user) and not can_edit_households(user):
        raise PermissionDenied("您只能填写和修改本人的申请。")
    household_edit_check(user, application.region_code)
