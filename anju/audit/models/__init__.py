"""Audit models: the domain event log and its chain head."""

from anju.audit.models.events import AppendOnlyError, AuditChainHead, AuditEvent, AuditEventQuerySet

__all__ = ["AppendOnlyError", "AuditChainHead", "AuditEvent", "AuditEventQuerySet"]
