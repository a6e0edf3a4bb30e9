"""PDF signatures (电子签章) with pyHanko: sign a rendered PDF, verify a signed one.

- `sign_pdf(pdf_bytes, *, reason=..., location=...)` adds an invisible PAdES signature made with
  the configured key and certificate (`config/integrations/signing.py`: a PKCS#12 file and its
  passphrase, or a PEM key and certificate) and returns the signed PDF.
- `verify_pdf(pdf_bytes)` returns a `SignatureReport`: whether every signature is intact,
  cryptographically valid and made by a certificate chaining to a trusted root, and whether
  the last one covers the whole file (nothing appended after signing), with the signer and
  the signing time. A flipped byte anywhere in the signed range makes it invalid.
- Without a configured certificate, DEBUG and tests (`ANJU_SIGNING_TEST_CA`) use the test CA
  that `test_ca_ensure()` (`manage.py signing_ca`) creates under `var/signing/`; anywhere else
  `sign_pdf` raises `SigningNotConfiguredError` with a Chinese message.

The backend is the `PdfSigner` interface, so a certified signing device (e.g. a server-side
SM2 signing service) can replace pyHanko's software signer without touching the callers.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import functools
import io
import os
import tempfile
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import timezone

DEFAULT_FIELD_NAME = "AnjuSignature"
TEST_CA_NAME = "安居测试CA"
TEST_SIGNER_NAME = "安居住房保障电子签章（测试）"
TEST_ORGANIZATION = "安居住房保障信息系统（测试用，不具法律效力）"
TEST_CA_FILES = ("ca.pem", "ca.key", "signer.pem", "signer.key")
_SIGNING_SETTINGS = {
    "DEBUG",
    "ANJU_SIGNING_PKCS12",
    "ANJU_SIGNING_PKCS12_PASSPHRASE",
    "ANJU_SIGNING_KEY",
    "ANJU_SIGNING_KEY_PASSPHRASE",
    "ANJU_SIGNING_CERT",
    "ANJU_SIGNING_CHAIN",
    "ANJU_SIGNING_TRUST_ROOTS",
    "ANJU_SIGNING_TEST_CA",
    "ANJU_SIGNING_TEST_CA_DIR",
}


class SigningError(Exception):
    """A PDF could not be signed; the message is Chinese and safe to show."""


class SigningNotConfiguredError(SigningError):
    """No signing certificate is configured and the test CA is not allowed here."""


@dataclass(frozen=True)
class SignatureReport:
    """The verification result of a PDF's signatures, for the contract page and the API."""

    valid: bool
    intact: bool
    trusted: bool
    covers_whole_file: bool
    signature_count: int
    signer: str = ""
    signer_organization: str = ""
    issuer: str = ""
    signed_at: dt.datetime | None = None
    reason: str = ""
    location: str = ""
    field_name: str = ""
    message: str = ""
    problems: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-friendly form (API, archive metadata)."""
        return {
            "valid": self.valid,
            "intact": self.intact,
            "trusted": self.trusted,
            "covers_whole_file": self.covers_whole_file,
            "signature_count": self.signature_count,
            "signer": self.signer,
            "signer_organization": self.signer_organization,
            "issuer": self.issuer,
            "signed_at": self.signed_at.isoformat() if self.signed_at else None,
            "reason": self.reason,
            "location": self.location,
            "field_name": self.field_name,
            "message": self.message,
            "problems": list(self.problems),
        }


class PdfSigner(ABC):
    """Signs PDFs and verifies their signatures; one implementation per signing backend."""

    @abstractmethod
    def sign(self, pdf_bytes: bytes, *, reason: str, location: str, field_name: str = DEFAULT_FIELD_NAME) -> bytes:
        """The PDF with one more signature."""

    @abstractmethod
    def verify(self, pdf_bytes: bytes) -> SignatureReport:
        """The verification report of every signature in the PDF."""


# --- the test CA -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TestCaPaths:
    """Where the test CA keeps its root certificate and the signing key and certificate."""

    __test__ = False  # not a pytest test class

    directory: Path
    created: bool

    @property
    def ca_cert(self) -> Path:
        """The root certificate (PEM) that verification trusts."""
        return self.directory / "ca.pem"

    @property
    def ca_key(self) -> Path:
        """The root's private key (PEM), kept to re-issue the signing certificate."""
        return self.directory / "ca.key"

    @property
    def signer_cert(self) -> Path:
        """The signing certificate (PEM) issued by the root."""
        return self.directory / "signer.pem"

    @property
    def signer_key(self) -> Path:
        """The signing private key (PEM, unencrypted; test use only)."""
        return self.directory / "signer.key"


def _write_private(path: Path, data: bytes, *, mode: int = 0o600) -> None:
    """Write a file atomically (temp file + rename) with the given permissions."""
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        os.fchmod(handle, mode)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise


def _test_ca_usable(paths: TestCaPaths) -> bool:
    """True when all four files exist, the signer chains to the root and is valid for 30 more days."""
    from cryptography import x509

    if not all((paths.directory / name).is_file() for name in TEST_CA_FILES):
        return False
    try:
        root = x509.load_pem_x509_certificate(paths.ca_cert.read_bytes())
        leaf = x509.load_pem_x509_certificate(paths.signer_cert.read_bytes())
        leaf.verify_directly_issued_by(root)
    except (ValueError, TypeError):
        return False
    soon = timezone.now() + dt.timedelta(days=30)
    return leaf.not_valid_after_utc > soon and root.not_valid_after_utc > soon


def _test_ca_generate(paths: TestCaPaths) -> None:
    """Create a self-signed root "安居测试CA" and a signing certificate issued by it."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = timezone.now().astimezone(dt.UTC).replace(microsecond=0) - dt.timedelta(minutes=5)
    root_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    root_name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, TEST_ORGANIZATION),
            x509.NameAttribute(NameOID.COMMON_NAME, TEST_CA_NAME),
        ]
    )
    root_ski = x509.SubjectKeyIdentifier.from_public_key(root_key.public_key())
    root = (
        x509.CertificateBuilder()
        .subject_name(root_name)
        .issuer_name(root_name)
        .public_key(root_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(root_ski, critical=False)
        .sign(root_key, hashes.SHA256())
    )
    signer_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    signer = (
        x509.CertificateBuilder()
        .subject_name(
            x509.Name(
                [
                    x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
                    x509.NameAttribute(NameOID.ORGANIZATION_NAME, TEST_ORGANIZATION),
                    x509.NameAttribute(NameOID.COMMON_NAME, TEST_SIGNER_NAME),
                ]
            )
        )
        .issuer_name(root_name)
        .public_key(signer_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=1095))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(signer_key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(root_ski), critical=False)
        .sign(root_key, hashes.SHA256())
    )

    def pem_key(key: rsa.RSAPrivateKey) -> bytes:
        return key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )

    # the signer's certificate last: a reader that sees it has all the others
    _write_private(paths.ca_key, pem_key(root_key))
    _write_private(paths.ca_cert, root.public_bytes(serialization.Encoding.PEM), mode=0o644)
    _write_private(paths.signer_key, pem_key(signer_key))
    _write_private(paths.signer_cert, signer.public_bytes(serialization.Encoding.PEM), mode=0o644)


def test_ca_ensure(directory: str | Path | None = None, *, force: bool = False) -> TestCaPaths:
    """The test CA under `directory` (default ANJU_SIGNING_TEST_CA_DIR), created if missing; idempotent.

    Concurrent callers (several processes) are serialised by a lock file, so they all end up
    with the same root and signing certificate.
    """
    base = Path(directory or _setting("ANJU_SIGNING_TEST_CA_DIR", str(Path(settings.BASE_DIR) / "var" / "signing")))
    base.mkdir(parents=True, exist_ok=True)
    paths = TestCaPaths(directory=base, created=False)
    if not force and _test_ca_usable(paths):
        return paths
    with open(base / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not force and _test_ca_usable(paths):
                return paths
            _test_ca_generate(paths)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    _signer_cached.cache_clear()
    return TestCaPaths(directory=base, created=True)


test_ca_ensure.__test__ = False  # type: ignore[attr-defined]  # a function named test_* is not a test


# --- configuration ------------------------------------------------------------------------------


def _setting(name: str, default: Any) -> Any:
    """A signing setting; the defaults mirror config/integrations/signing.py."""
    return getattr(settings, name, default)


def test_ca_allowed() -> bool:
    """May the test CA stand in for a missing certificate (DEBUG, tests, an explicit setting)?"""
    return bool(settings.DEBUG or _setting("ANJU_SIGNING_TEST_CA", False))


test_ca_allowed.__test__ = False  # type: ignore[attr-defined]


def _configuration() -> tuple[Any, ...]:
    """The settings that decide the signer, as a hashable key for the cache."""
    return (
        _setting("ANJU_SIGNING_PKCS12", ""),
        _setting("ANJU_SIGNING_PKCS12_PASSPHRASE", ""),
        _setting("ANJU_SIGNING_KEY", ""),
        _setting("ANJU_SIGNING_KEY_PASSPHRASE", ""),
        _setting("ANJU_SIGNING_CERT", ""),
        tuple(_setting("ANJU_SIGNING_CHAIN", []) or ()),
        tuple(_setting("ANJU_SIGNING_TRUST_ROOTS", []) or ()),
        test_ca_allowed(),
        str(_setting("ANJU_SIGNING_TEST_CA_DIR", str(Path(settings.BASE_DIR) / "var" / "signing"))),
    )


def _read(path: str, what: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise SigningError(f"无法读取{what}文件：{path}（{exc.strerror}）。") from exc


def _load_certs(paths: tuple[str, ...], what: str) -> list[Any]:
    """asn1crypto certificates from PEM or DER files."""
    from pyhanko.keys import load_certs_from_pemder_data

    certs: list[Any] = []
    for path in paths:
        try:
            certs.extend(load_certs_from_pemder_data(_read(path, what)))
        except (ValueError, TypeError) as exc:
            raise SigningError(f"{what}文件格式无法识别（应为 PEM 或 DER 证书）：{path}。") from exc
    return certs


def _self_signed(cert: Any) -> bool:
    return bool(cert.self_signed)


@functools.lru_cache(maxsize=4)
def _signer_cached(config: tuple[Any, ...]) -> PyHankoSigner:
    """Load key material once per configuration (the loaded signer is immutable)."""
    from pyhanko.keys import load_cert_from_pemder, load_private_key_from_pemder_data
    from pyhanko.sign.signers import SimpleSigner
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    pkcs12_path, pkcs12_pass, key_path, key_pass, cert_path, chain, roots, allow_test, test_dir = config
    chain_certs = _load_certs(chain, "证书链")
    trust_roots = _load_certs(roots, "信任根证书")
    signer: Any = None
    if pkcs12_path:
        try:
            signer = SimpleSigner.load_pkcs12_data(
                _read(pkcs12_path, "PKCS#12 证书"),
                other_certs=chain_certs,
                passphrase=pkcs12_pass.encode() if pkcs12_pass else None,
            )
        except ValueError as exc:
            raise SigningError(f"PKCS#12 证书文件无法打开（口令错误或文件损坏）：{pkcs12_path}。") from exc
    elif key_path or cert_path:
        if not (key_path and cert_path):
            raise SigningNotConfiguredError("电子签章配置不完整：ANJU_SIGNING_KEY 与 ANJU_SIGNING_CERT 须同时设置。")
        try:
            key = load_private_key_from_pemder_data(
                _read(key_path, "签章私钥"), passphrase=key_pass.encode() if key_pass else None
            )
            cert = load_cert_from_pemder(cert_path)
        except (ValueError, TypeError, OSError) as exc:
            raise SigningError(f"签章私钥或证书无法读取（口令错误或格式不对）：{key_path}、{cert_path}。") from exc
        store = SimpleCertificateStore()
        store.register_multiple(chain_certs)
        signer = SimpleSigner(signing_cert=cert, signing_key=key, cert_registry=store)
    elif allow_test:
        paths = test_ca_ensure(test_dir)
        root = _load_certs((str(paths.ca_cert),), "测试根证书")
        key = load_private_key_from_pemder_data(paths.signer_key.read_bytes(), passphrase=None)
        cert = load_cert_from_pemder(str(paths.signer_cert))
        store = SimpleCertificateStore()
        store.register_multiple(root)
        signer = SimpleSigner(signing_cert=cert, signing_key=key, cert_registry=store)
        trust_roots = trust_roots or root
    if signer is not None and not trust_roots:
        # no explicit roots: trust the self-signed root(s) shipped with the signing certificate
        trust_roots = [c for c in signer.cert_registry if _self_signed(c)]
    return PyHankoSigner(signer=signer, trust_roots=trust_roots)


def pdf_signer() -> PyHankoSigner:
    """The signer for the current settings (cached; settings changes in tests reset it)."""
    return _signer_cached(_configuration())


@receiver(setting_changed)
def _reset_on_setting_change(*, setting: str, **kwargs: Any) -> None:
    if setting in _SIGNING_SETTINGS:
        _signer_cached.cache_clear()


# --- pyHanko ------------------------------------------------------------------------------------


def _name_part(name: Any, key: str) -> str:
    """One attribute of an asn1crypto Name ('common_name', 'organization_name'), or ''."""
    try:
        value = name.native.get(key, "")
    except (AttributeError, ValueError):
        return ""
    if isinstance(value, list):
        value = value[-1] if value else ""
    return str(value)


def _text(value: Any) -> str:
    return str(value) if value is not None else ""


class PyHankoSigner(PdfSigner):
    """Software signing with pyHanko (PAdES baseline B, SHA-256, no timestamp authority)."""

    def __init__(self, *, signer: Any, trust_roots: list[Any]) -> None:
        self._signer = signer
        self._trust_roots = list(trust_roots)

    @property
    def certificate_subject(self) -> str:
        """The common name on the signing certificate ('' when only verifying)."""
        if self._signer is None:
            return ""
        return _name_part(self._signer.signing_cert.subject, "common_name")

    def sign(self, pdf_bytes: bytes, *, reason: str, location: str, field_name: str = DEFAULT_FIELD_NAME) -> bytes:
        """Append an invisible signature field signed with the configured key."""
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.pdf_utils.misc import PdfReadError
        from pyhanko.sign import signers
        from pyhanko.sign.general import SigningError as HankoSigningError

        if self._signer is None:
            raise SigningNotConfiguredError(
                "未配置电子签章证书，无法签章：请设置 ANJU_SIGNING_PKCS12 与 ANJU_SIGNING_PKCS12_PASSPHRASE，"
                "或 ANJU_SIGNING_KEY 与 ANJU_SIGNING_CERT（演示环境可运行 manage.py signing_ca 生成测试证书并设置 "
                "ANJU_SIGNING_TEST_CA=1）。"
            )
        if not pdf_bytes.startswith(b"%PDF"):
            raise SigningError("待签章的文件不是 PDF。")
        meta = signers.PdfSignatureMetadata(
            field_name=field_name,
            reason=reason,
            location=location,
            name=self.certificate_subject or None,
            md_algorithm="sha256",
        )
        try:
            writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=False)
            output = _off_event_loop(signers.sign_pdf, writer, meta, signer=self._signer)
        except (PdfReadError, HankoSigningError, ValueError) as exc:
            raise SigningError(f"PDF 签章失败：{exc}") from exc
        return output.getvalue()

    def _validation_context(self) -> Any:
        from pyhanko_certvalidator import ValidationContext

        return ValidationContext(trust_roots=self._trust_roots, allow_fetching=False, revocation_mode="soft-fail")

    def verify(self, pdf_bytes: bytes) -> SignatureReport:
        """Check every embedded signature against the trusted roots; any failure makes it invalid."""
        from pyhanko.pdf_utils.reader import PdfFileReader
        from pyhanko.sign.validation import SignatureCoverageLevel, validate_pdf_signature

        try:
            reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
            signatures = list(reader.embedded_signatures)
        except Exception as exc:  # any parse failure of a damaged file is a failed verification
            return SignatureReport(
                valid=False,
                intact=False,
                trusted=False,
                covers_whole_file=False,
                signature_count=0,
                message="文件已损坏或被改动，无法读取电子签名。",
                problems=[f"解析失败：{type(exc).__name__}"],
            )
        if not signatures:
            return SignatureReport(
                valid=False,
                intact=False,
                trusted=False,
                covers_whole_file=False,
                signature_count=0,
                message="文件中没有电子签名。",
            )
        problems: list[str] = []
        statuses = []
        for embedded in signatures:
            try:
                statuses.append(
                    (embedded, _off_event_loop(validate_pdf_signature, embedded, self._validation_context()))
                )
            except Exception as exc:  # a mangled signature value raises instead of returning a status
                statuses.append((embedded, None))
                problems.append(f"签名“{embedded.field_name}”无法验证：{type(exc).__name__}")
        intact = all(status is not None and status.intact for _, status in statuses)
        cryptographically_valid = all(status is not None and status.valid for _, status in statuses)
        trusted = all(status is not None and status.trusted for _, status in statuses)
        last_embedded, last = statuses[-1]
        covers = last is not None and last.coverage == SignatureCoverageLevel.ENTIRE_FILE
        for embedded, status in statuses:
            if status is None:
                continue
            if not status.intact:
                problems.append(f"签名“{embedded.field_name}”所覆盖的内容已被改动。")
            elif not status.valid:
                problems.append(f"签名“{embedded.field_name}”的签名值无效。")
            if status.intact and status.valid and not status.trusted:
                problems.append(f"签名“{embedded.field_name}”的证书不受信任（不是由配置的根证书签发，或已过期）。")
        if last is not None and not covers:
            problems.append("签名之后文件又被追加了内容。")
        valid = intact and cryptographically_valid and trusted and covers and not problems
        signer_cert = last.signing_cert if last is not None else None
        signed_at = last.signer_reported_dt if last is not None else None
        sig_object = last_embedded.sig_object
        return SignatureReport(
            valid=valid,
            intact=intact,
            trusted=trusted,
            covers_whole_file=covers,
            signature_count=len(signatures),
            signer=_name_part(signer_cert.subject, "common_name") if signer_cert is not None else "",
            signer_organization=_name_part(signer_cert.subject, "organization_name") if signer_cert is not None else "",
            issuer=_name_part(signer_cert.issuer, "common_name") if signer_cert is not None else "",
            signed_at=timezone.localtime(signed_at) if signed_at else None,
            reason=_text(sig_object.get("/Reason")),
            location=_text(sig_object.get("/Location")),
            field_name=_text(last_embedded.field_name),
            message="电子签名有效，文件自签章后未被改动。" if valid else "电子签名验证未通过：" + "；".join(problems),
            problems=problems,
        )


def _off_event_loop(function: Any, *args: Any, **kwargs: Any) -> Any:
    """Call one of pyHanko's synchronous functions, which run `asyncio.run` inside.

    That fails in a thread whose event loop is running (an async view, or a test process where
    Playwright's sync API keeps a loop running); there the call goes to a worker thread of its own.
    """
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return function(*args, **kwargs)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="anju-signing") as pool:
        return pool.submit(function, *args, **kwargs).result()


def sign_pdf(pdf_bytes: bytes, *, reason: str, location: str, field_name: str = DEFAULT_FIELD_NAME) -> bytes:
    """Sign a PDF with the configured certificate (the test CA in DEBUG and tests)."""
    return pdf_signer().sign(pdf_bytes, reason=reason, location=location, field_name=field_name)


def verify_pdf(pdf_bytes: bytes) -> SignatureReport:
    """Verify every signature of a PDF against the configured trust roots."""
    try:
        signer = pdf_signer()
    except SigningError as exc:
        return SignatureReport(
            valid=False,
            intact=False,
            trusted=False,
            covers_whole_file=False,
            signature_count=0,
            message=str(exc),
            problems=[str(exc)],
        )
    return signer.verify(pdf_bytes)
