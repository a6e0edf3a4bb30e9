"""The one crypto interface (../shared/guide/security.md #9, #11).

All encryption, digests and MACs go through `get_provider()`. The software provider uses
`cryptography` (SM3, HMAC-SM3, SM4-GCM); production plugs a certified module in behind the same
interface by setting CRYPTO_PROVIDER.
"""

from __future__ import annotations

import base64
import hmac
import os
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Protocol

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives import hmac as crypto_hmac
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from django.conf import settings
from django.utils.module_loading import import_string

TOKEN_PREFIX = "sm4g"  # noqa: S105 - a ciphertext format tag, not a secret


class CryptoError(Exception):
    """Decryption or integrity failure."""


class CryptoProvider(Protocol):
    """What Anju needs from a crypto module."""

    def encrypt(self, plaintext: str) -> str:
        """SM4-GCM encrypt a text; the token names the key id."""

    def decrypt(self, token: str) -> str:
        """Reverse `encrypt`; raises CryptoError on tampering."""

    def blind_index(self, value: str, *, purpose: str) -> str:
        """HMAC-SM3 of a normalised value, for equality look-ups on encrypted columns."""

    def sm3_hex(self, data: bytes) -> str:
        """SM3 digest, lowercase hex."""

    def sm3_hex_chunks(self, chunks: Iterable[bytes]) -> str:
        """SM3 digest of a stream of chunks (large files, never read whole), lowercase hex."""

    def mac_hex(self, data: bytes, *, purpose: str) -> str:
        """HMAC-SM3 integrity code (audit chain, ledgers, decisions), lowercase hex."""


def sm3_digest(data: bytes) -> bytes:
    """Raw SM3 digest."""
    digest = hashes.Hash(hashes.SM3())
    digest.update(data)
    return digest.finalize()


def hmac_sm3(key: bytes, data: bytes) -> bytes:
    """Raw HMAC-SM3."""
    mac = crypto_hmac.HMAC(key, hashes.SM3())
    mac.update(data)
    return mac.finalize()


def normalise_identifier(value: str) -> str:
    """The form an identifier is indexed under: NFKC (full-width digits to ASCII), no
    whitespace, upper case; so ' 34160219900101123x ' and '34160219900101123X' match."""
    return "".join(unicodedata.normalize("NFKC", value).split()).upper()


def _parse_field_keys(spec: str) -> dict[str, bytes]:
    keys: dict[str, bytes] = {}
    for item in spec.split(","):
        key_id, _, hex_key = item.strip().partition(":")
        key = bytes.fromhex(hex_key)
        if len(key) != 16:
            raise ValueError("SM4 密钥必须为 16 字节（32 位十六进制）。")
        keys[key_id] = key
    return keys


class SoftwareCryptoProvider:
    """Software SM3/SM4 via `cryptography`, for development, tests and the embedded demo."""

    def __init__(self, *, field_keys: str, index_key: str, audit_key: str) -> None:
        self._field_keys = _parse_field_keys(field_keys)
        self._active_key_id = next(iter(self._field_keys))
        self._index_key = bytes.fromhex(index_key)
        self._audit_key = bytes.fromhex(audit_key)

    def encrypt(self, plaintext: str) -> str:
        """SM4-GCM with a random 96-bit nonce; token = prefix$keyid$b64(nonce|ct|tag)."""
        key = self._field_keys[self._active_key_id]
        nonce = os.urandom(12)
        encryptor = Cipher(algorithms.SM4(key), modes.GCM(nonce)).encryptor()
        encryptor.authenticate_additional_data(self._active_key_id.encode())
        body = encryptor.update(plaintext.encode("utf-8")) + encryptor.finalize()
        blob = base64.b64encode(nonce + body + encryptor.tag).decode("ascii")
        return f"{TOKEN_PREFIX}${self._active_key_id}${blob}"

    def decrypt(self, token: str) -> str:
        """Decrypt a token made by `encrypt` with any configured key."""
        try:
            prefix, key_id, blob = token.split("$", 2)
            if prefix != TOKEN_PREFIX:
                raise ValueError(prefix)
            raw = base64.b64decode(blob)
            nonce, body, tag = raw[:12], raw[12:-16], raw[-16:]
            decryptor = Cipher(algorithms.SM4(self._field_keys[key_id]), modes.GCM(nonce, tag)).decryptor()
            decryptor.authenticate_additional_data(key_id.encode())
            return (decryptor.update(body) + decryptor.finalize()).decode("utf-8")
        except Exception as exc:  # any malformed or tampered token
            raise CryptoError("密文无法解密或已被篡改。") from exc

    def blind_index(self, value: str, *, purpose: str) -> str:
        """HMAC-SM3 over purpose and the normalised value (see `normalise_identifier`)."""
        normalised = normalise_identifier(value)
        return hmac_sm3(self._index_key, f"{purpose}\x00{normalised}".encode()).hex()

    def sm3_hex(self, data: bytes) -> str:
        """SM3 digest in hex."""
        return sm3_digest(data).hex()

    def sm3_hex_chunks(self, chunks: Iterable[bytes]) -> str:
        """SM3 digest over chunks, in hex (same value as `sm3_hex` of the joined bytes)."""
        digest = hashes.Hash(hashes.SM3())
        for chunk in chunks:
            digest.update(chunk)
        return digest.finalize().hex()

    def mac_hex(self, data: bytes, *, purpose: str) -> str:
        """HMAC-SM3 with the integrity key, domain-separated by purpose."""
        return hmac_sm3(self._audit_key, purpose.encode() + b"\x00" + data).hex()

    def mac_function(self, *, purpose: str) -> Callable[[bytes], str]:
        """`mac_hex` for many messages of one purpose, reusing the keyed state (about twice as
        fast; used when verifying the audit chain)."""
        keyed = crypto_hmac.HMAC(self._audit_key, hashes.SM3())
        keyed.update(purpose.encode() + b"\x00")

        def mac(data: bytes) -> str:
            state = keyed.copy()
            state.update(data)
            return state.finalize().hex()

        return mac

    @staticmethod
    def mac_equal(a: str, b: str) -> bool:
        """Constant-time comparison of two MACs."""
        return hmac.compare_digest(a, b)


@lru_cache(maxsize=1)
def get_provider() -> SoftwareCryptoProvider:
    """The configured provider (cached; `get_provider.cache_clear()` after changing keys)."""
    cls = import_string(settings.CRYPTO_PROVIDER)
    return cls(
        field_keys=settings.ANJU_FIELD_KEYS,
        index_key=settings.ANJU_INDEX_KEY,
        audit_key=settings.ANJU_AUDIT_KEY,
    )
