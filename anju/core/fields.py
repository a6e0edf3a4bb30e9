"""Model fields for personal data at rest: SM4-GCM ciphertext plus an HMAC-SM3 blind index."""

from __future__ import annotations

from typing import Any

from django.db import models

from anju.core.crypto import TOKEN_PREFIX, get_provider


class EncryptedTextField(models.TextField):
    """Stores `crypto.encrypt(value)`; Python sees the plain text. Not searchable: pair it with
    a `blind_index` column (see `BlindIndexMixin`) for look-ups."""

    description = "SM4-GCM 加密文本"

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> str | None:
        """Decrypt on load."""
        if value is None or value == "":
            return value
        return get_provider().decrypt(value)

    def to_python(self, value: Any) -> str | None:
        """Plain text in Python."""
        if isinstance(value, str) and value.startswith(TOKEN_PREFIX + "$"):
            return get_provider().decrypt(value)
        return value

    def get_prep_value(self, value: Any) -> str | None:
        """Encrypt on save."""
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return get_provider().encrypt(str(value))


def blind_index(value: str | None, *, purpose: str) -> str:
    """The look-up key for an encrypted identifier ('' for empty)."""
    if not value:
        return ""
    return get_provider().blind_index(value, purpose=purpose)
