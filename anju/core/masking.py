"""Masking of personal identifiers on screen and in exports (security.md #10)."""


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
