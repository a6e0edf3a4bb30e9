"""Audit calls of the core services, through the audit app's one entry point.

The audit app is imported inside the function (it depends on core, not the other way
round at import time). When the audit app is not installed (a trimmed settings module) the event is only logged.
"""

from __future__ import annotations

import logging
from typing import Any

from django.apps import apps

logger = logging.getLogger(__name__)


def audit_record(*, action: str, user: Any = None, obj: Any = None, detail: dict | None = None) -> None:
    """Record one domain event (action is an `AuditAction` member name, e.g. RECORD_CREATED)."""
    if not apps.is_installed("anju.audit"):
        logger.warning("audit app not installed; event not recorded: %s %s %s", action, obj, detail)
        return
    from anju.audit.events import AuditAction
    from anju.audit.services import audit_event_record

    audit_event_record(action=getattr(AuditAction, action), user=user, obj=obj, detail=detail or {})
