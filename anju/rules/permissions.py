"""Who may do what in the rules app."""

from typing import Any

from anju.rules.selectors import STAFF_ROLES

READER_ROLES = STAFF_ROLES
EDITOR_ROLES = ("city_officer",)


def can_edit_rules(user: Any) -> bool:
    """True for 市保障处 (edits are further limited to its jurisdiction by the services)."""
    return bool(getattr(user, "is_authenticated", False) and user.has_role(*EDITOR_ROLES))
