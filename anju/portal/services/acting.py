"""The applicant acting on their own application through the admission services.

The admission, archive and workflow services let a community clerk of the application's
community write household data (`admission.permissions.household_edit_check`). For an online
application the household itself writes, so the portal — after checking that the application
is the signed-in applicant's own — calls those services with `household_actor(...)`: the same
user row (the audit trail, `created_by`, the archive's uploader and the workflow initiator are the
applicant), carrying for this call only the clerk's permission on that one community.

This is deliberately narrow: the copy is never saved, it is built only by the portal's services
after the ownership check, and its jurisdiction is the single community of the application. The
integration request in docs/apps/portal.md asks admission to accept the applicant role for its
own application, after which this module goes away.
"""

from __future__ import annotations

import copy
from typing import Any

from anju.accounts.roles import Role


def household_actor(user: Any, *, community_code: str) -> Any:
    """A transient copy of the applicant with the write permission of one community (see module doc)."""
    if not user.has_role(Role.APPLICANT):
        raise ValueError("household_actor is only for applicant accounts")
    actor = copy.copy(user)
    actor.__dict__.pop("_prefetched_objects_cache", None)
    actor._role_codes = {Role.APPLICANT.value, Role.COMMUNITY_CLERK.value}
    actor.jurisdiction_id = community_code
    actor._state = copy.copy(user._state)
    actor._state.fields_cache = {}  # never the applicant's cached jurisdiction object
    return actor
