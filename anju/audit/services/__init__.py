"""Audit services: recording events, verifying the chain, revealing personal data."""

from anju.audit.services.events import audit_event_record, event_append, sanitise_detail
from anju.audit.services.reveal import personal_data_reveal
from anju.audit.services.verify import ChainReport, audit_chain_check, audit_chain_verify

__all__ = [
    "ChainReport",
    "audit_chain_check",
    "audit_chain_verify",
    "audit_event_record",
    "event_append",
    "personal_data_reveal",
    "sanitise_detail",
]
