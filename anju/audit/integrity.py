"""Integrity codes for important rows (security.md #11): ledger entries, decisions, role grants.

A row's code is HMAC-SM3 (through the crypto provider) over a canonical JSON of the fields
that matter, domain-separated by a purpose, e.g.:

    grant.integrity_mac = integrity_mac(purpose="accounts.rolegrant", fields=rolegrant_fields(grant))
    integrity_check(purpose="accounts.rolegrant", fields=rolegrant_fields(grant), mac=grant.integrity_mac)

`integrity_scan` checks many rows set-wise (values, no model instances) and returns the ids of
the rows whose code does not match: one flipped byte flags that row only.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from anju.core.crypto import get_provider

PURPOSE_PREFIX = "integrity:"


def _canonical_value(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds") if value.tzinfo else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal | UUID | float):
        return str(value)
    if isinstance(value, Mapping):
        return {str(k): _canonical_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_canonical_value(v) for v in value]
    return str(value)


def canonical_fields(fields: Mapping[str, Any]) -> bytes:
    """The canonical bytes of a field mapping (sorted keys, UTF-8, stable value forms)."""
    return json.dumps(_canonical_value(dict(fields)), ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def integrity_mac(*, purpose: str, fields: Mapping[str, Any]) -> str:
    """HMAC-SM3 integrity code (hex) of a row's important fields."""
    return get_provider().mac_hex(canonical_fields(fields), purpose=PURPOSE_PREFIX + purpose)


def integrity_check(*, purpose: str, fields: Mapping[str, Any], mac: str) -> bool:
    """True if `mac` is the integrity code of `fields` (constant-time comparison)."""
    return bool(mac) and hmac.compare_digest(integrity_mac(purpose=purpose, fields=fields), mac)


def integrity_scan(
    *, purpose: str, rows: Iterable[Mapping[str, Any]], fields_of: Callable[[Mapping[str, Any]], Mapping[str, Any]],
    mac_key: str = "integrity_mac", id_key: str = "id",
) -> list[Any]:
    """Ids of the rows (dicts, e.g. from `.values()`) whose stored code does not match."""
    return [
        row[id_key] for row in rows if not integrity_check(purpose=purpose, fields=fields_of(row), mac=row[mac_key] or "")
    ]
