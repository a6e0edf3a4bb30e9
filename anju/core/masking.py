"""Masking of personal identifiers on screen, in exports and in logs (security.md #10).

The rule of the project: resident ID numbers show the first 6 and last 4 characters, mobile
numbers the first 3 and last 4 digits, names the surname, accounts the last 4.
`mask_text` finds identifiers inside free text (audit details, change logs, error messages).
"""

from __future__ import annotations

import re

# A resident ID (18 characters, GB 11643) or a mainland mobile number standing on its own
# (not inside a longer run of letters or digits such as a hash).
ID_NUMBER_PATTERN = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
MOBILE_PATTERN = re.compile(r"(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])")


def mask_id_number(value: str | None) -> str:
    """Resident ID: first 6 and last 4 characters shown, the rest as *."""
    if not value:
        return ""
    if len(value) <= 10:
        return "*" * len(value)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


def mask_mobile(value: str | None) -> str:
    """Mobile number: first 3 and last 4 digits shown."""
    if not value:
        return ""
    if len(value) <= 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_name(value: str | None) -> str:
    """Person name: surname kept, the rest as *."""
    if not value:
        return ""
    return value[0] + "*" * (len(value) - 1)


def mask_account(value: str | None) -> str:
    """Bank or insurance account: last 4 shown."""
    if not value:
        return ""
    return "*" * max(len(value) - 4, 0) + value[-4:]


def mask_text(value: str | None) -> str:
    """Free text with every resident ID and mobile number in it masked."""
    if not value:
        return value or ""
    value = ID_NUMBER_PATTERN.sub(lambda m: mask_id_number(m.group(0)), value)
    return MOBILE_PATTERN.sub(lambda m: mask_mobile(m.group(0)), value)


def mask_identifier(value: str | None) -> str:
    """Any stored identifier, masked by its shape: ID number, mobile, or account (last 4)."""
    if value is None or value in ("", "None"):
        return value or ""
    text = str(value)
    if ID_NUMBER_PATTERN.fullmatch(text):
        return mask_id_number(text)
    if MOBILE_PATTERN.fullmatch(text):
        return mask_mobile(text)
    return mask_account(text)
