"""Who may define, handle and monitor workflows (security.md #6: default deny, jurisdiction first).

A user is a candidate for a task when they hold one of its roles, their jurisdiction covers
the business record's region, and (when the node names a level) their jurisdiction is at that
level. A task claimed or transferred to someone is theirs alone.
"""

from __future__ import annotations

from typing import Any

from anju.accounts.roles import Role
from anju.core.scoping import jurisdiction_prefix
from anju.workflow.choices import LEVEL_NUMBER

TEMPLATE_ADMIN_ROLES = (str(Role.SYSTEM_ADMIN),)
MONITOR_ROLES = (str(Role.DISTRICT_OFFICER), str(Role.CITY_OFFICER))
HANDLER_ROLES = (
    str(Role.COMMUNITY_CLERK),
    str(Role.STREET_REVIEWER),
    str(Role.DISTRICT_OFFICER),
    str(Role.CITY_OFFICER),
    str(Role.OPERATOR),
    str(Role.PARTNER),
    str(Role.APPLICANT),
)
# The action a business record is asked about when a non-staff user starts a process over it (`may_start`).
SELF_SERVICE_START = "process_start"
# Whom an overdue task is escalated to: the role one level up (a city officer escalates to peers).
SUPERVISOR_ROLE = {
    str(Role.COMMUNITY_CLERK): str(Role.STREET_REVIEWER),
    str(Role.STREET_REVIEWER): str(Role.DISTRICT_OFFICER),
    str(Role.DISTRICT_OFFICER): str(Role.CITY_OFFICER),
    str(Role.OPERATOR): str(Role.DISTRICT_OFFICER),
    str(Role.PARTNER): str(Role.DISTRICT_OFFICER),
    str(Role.APPLICANT): str(Role.COMMUNITY_CLERK),
    str(Role.CITY_OFFICER): str(Role.CITY_OFFICER),
}


def _active(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def can_edit_templates(user: Any) -> bool:
    """System administrators define process templates."""
    return _active(user) and user.has_role(*TEMPLATE_ADMIN_ROLES)


def can_monitor(user: Any) -> bool:
    """District and city officers monitor instances and read statistics."""
    return _active(user) and user.has_role(*MONITOR_ROLES) and jurisdiction_prefix(user) is not None


def can_handle(user: Any) -> bool:
    """Holders of a business role with a jurisdiction see an inbox."""
    return _active(user) and user.has_role(*HANDLER_ROLES) and jurisdiction_prefix(user) is not None


def user_level(user: Any) -> int | None:
    """The level (1-5) of the user's jurisdiction region."""
    region = getattr(user, "jurisdiction", None) if getattr(user, "jurisdiction_id", None) else None
    return getattr(region, "level", None)


def covers_region(user: Any, region_code: str) -> bool:
    """True if the user's jurisdiction contains the region."""
    prefix = jurisdiction_prefix(user)
    return prefix is not None and (region_code or "").startswith(prefix)


def may_start(user: Any, business_object: Any, region_code: str) -> bool:
    """May this user start a process over the business record?

    Staff whose jurisdiction covers the record's region; or a user the record itself admits through
    `self_service_allows(user, "process_start")` — the admission application does for its own
    applicant right after their online submission, so the applicant is the initiator (and gets
    the 补正材料 task, whose participant is the initiator).
    """
    if covers_region(user, region_code):
        return True
    allows = getattr(business_object, "self_service_allows", None)
    return _active(user) and callable(allows) and bool(allows(user, SELF_SERVICE_START))


def is_candidate(user: Any, task: Any) -> bool:
    """May this user handle the task (ignoring who claimed it)?"""
    if not _active(user) or not covers_region(user, task.region_code):
        return False
    if not (user.role_codes & set(task.role_list)):
        return False
    return not task.level or user_level(user) == LEVEL_NUMBER.get(task.level)


def may_act_on(user: Any, task: Any) -> bool:
    """Candidate, and the task is unassigned or assigned to this user."""
    if task.assignee_id is not None:
        return task.assignee_id == user.pk and _active(user)
    return is_candidate(user, task)
