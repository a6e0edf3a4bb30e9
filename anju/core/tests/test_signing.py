"""PDF signatures: sign a rendered PDF with the test CA or a configured certificate, verify it, detect tampering."""

from __future__ import annotations

import datetime as dt

import pytest
from asn1crypto import cms
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django.utils.safestring import mark_safe

from anju.core.documents import render_pdf
from anju.core.signing import (
    SigningError,
    SigningNotConfiguredError,
    pdf_signer,
    sign_pdf,
    test_ca_ensure,
    verify_pdf,
)

NO_CERTIFICATE = {
    "ANJU_SIGNING_PKCS12": "",
    "ANJU_SIGNING_KEY": "",
    "ANJU_SIGNING_CERT": "",
    "ANJU_SIGNING_CHAIN": [],
    "ANJU_SIGNING_TRUST_ROOTS": [],
}


def _configured(**values):
    """Signing settings: no certificate unless given."""
    return override_settings(**{**NO_CERTIFICATE, **values})


@pytest.fixture(scope="module")
def ca_dir(tmp_path_factory):
    """A test CA of this module's own (never the shared var/signing)."""
    directory = tmp_path_factory.mktemp("signing-ca")
    test_ca_ensure(directory)
    return directory


@pytest.fixture
def test_ca(ca_dir):
    """Settings that sign with the module's test CA."""
    with override_settings(ANJU_SIGNING_TEST_CA=True, ANJU_SIGNING_TEST_CA_DIR=str(ca_dir), **NO_CERTIFICATE):
        yield ca_dir


@pytest.fixture(scope="module")
def contract_pdf():
    """A two-page WeasyPrint PDF with Chinese text, as contracts are rendered."""
    body = "".join(f"<p>第{i}条：乙方按月缴纳租金，不得转租、转借。</p>" for i in range(1, 50))
    return render_pdf(
        template_name="documents/notice.html",
        context={"title": "公共租赁住房租赁合同", "body": mark_safe(body)},  # noqa: S308 - literal test markup
    )


@pytest.fixture
def signed_pdf(test_ca, contract_pdf):
    return sign_pdf(contract_pdf, reason="公共租赁住房租赁合同签约", location="亳州市谯城区")


def _contents_span(pdf: bytes) -> tuple[int, int]:
    """The byte range of the signature value (/Contents <hex>), which the signature does not cover."""
    start = pdf.rindex(b"/Contents <")
    return start, pdf.index(b">", start)


def test_signed_pdf_verifies_with_signer_reason_location_and_time(signed_pdf, contract_pdf):
    # given a WeasyPrint PDF signed with the test CA (fixture)
    before = timezone.now()
    # when
    report = verify_pdf(signed_pdf)
    # then
    assert signed_pdf.startswith(b"%PDF") and signed_pdf.startswith(contract_pdf)  # an incremental update
    assert report.valid and report.intact and report.trusted and report.covers_whole_file
    assert report.signature_count == 1
    assert report.signer == "安居住房保障电子签章（测试）"
    assert report.issuer == "安居测试CA"
    assert report.reason == "公共租赁住房租赁合同签约"
    assert report.location == "亳州市谯城区"
    assert report.signed_at is not None and abs(report.signed_at - before) < dt.timedelta(minutes=2)
    assert str(report.signed_at.tzinfo) == "Asia/Shanghai"
    assert report.message == "电子签名有效，文件自签章后未被改动。"
    assert report.as_dict()["valid"] is True


@pytest.mark.parametrize("where", ["header", "first_third", "middle", "just_before_signature", "after_signature"])
def test_one_flipped_byte_in_the_signed_range_fails_verification(signed_pdf, where):
    # given a signed PDF and a byte inside the range the signature covers
    start, end = _contents_span(signed_pdf)
    position = {
        "header": 20,
        "first_third": len(signed_pdf) // 3,
        "middle": len(signed_pdf) // 2,
        "just_before_signature": start - 40,
        "after_signature": end + 10,
    }[where]
    tampered = bytearray(signed_pdf)
    tampered[position] ^= 0x01
    # when
    report = verify_pdf(bytes(tampered))
    # then
    assert not report.valid
    assert not report.intact
    assert report.message.startswith("电子签名验证未通过") or report.message.startswith("文件已损坏")


def test_a_changed_signature_value_fails_verification(signed_pdf):
    # given one hex digit of the RSA signature value changed (the last bytes of the CMS structure)
    start, end = _contents_span(signed_pdf)
    hex_start = start + len(b"/Contents <")
    der = bytes.fromhex(signed_pdf[hex_start:end].decode())
    der_length = len(cms.ContentInfo.load(der.rstrip(b"\0")).dump())
    position = hex_start + 2 * (der_length - 10)
    tampered = bytearray(signed_pdf)
    tampered[position : position + 1] = b"0" if signed_pdf[position : position + 1] != b"0" else b"1"
    # when
    report = verify_pdf(bytes(tampered))
    # then
    assert not report.valid


def test_content_appended_after_signing_fails_verification(signed_pdf):
    report = verify_pdf(signed_pdf + b"\n1 0 obj\n(added later)\nendobj\n")
    assert not report.valid
    assert not report.covers_whole_file
    assert "签名之后文件又被追加了内容" in report.message


def test_unsigned_and_broken_files_do_not_verify(test_ca, contract_pdf):
    unsigned = verify_pdf(contract_pdf)
    assert not unsigned.valid and unsigned.signature_count == 0 and unsigned.message == "文件中没有电子签名。"
    broken = verify_pdf(b"not a pdf at all")
    assert not broken.valid and "无法读取电子签名" in broken.message


def test_a_signature_from_an_untrusted_ca_fails(signed_pdf, tmp_path):
    # given verification that trusts only another CA
    other = test_ca_ensure(tmp_path / "other-ca")
    with override_settings(ANJU_SIGNING_TRUST_ROOTS=[str(other.ca_cert)]):
        # when
        report = verify_pdf(signed_pdf)
    # then the file is intact, but the signer is not trusted
    assert report.intact and not report.trusted and not report.valid
    assert "证书不受信任" in report.message


def test_pkcs12_configuration_signs_and_wrong_passphrase_is_a_clear_error(ca_dir, contract_pdf, tmp_path):
    # given the test CA's signing key and certificate packed as PKCS#12 with a passphrase
    paths = test_ca_ensure(ca_dir)
    key = serialization.load_pem_private_key(paths.signer_key.read_bytes(), password=None)
    cert = x509.load_pem_x509_certificate(paths.signer_cert.read_bytes())
    root = x509.load_pem_x509_certificate(paths.ca_cert.read_bytes())
    p12 = tmp_path / "signer.p12"
    p12.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"anju", key, cert, [root], serialization.BestAvailableEncryption(b"p12-secret")
        )
    )
    settings = {"ANJU_SIGNING_TEST_CA": False, "DEBUG": False}
    # when configured with the right passphrase and the root as trust anchor
    with _configured(
        **settings,
        ANJU_SIGNING_PKCS12=str(p12),
        ANJU_SIGNING_PKCS12_PASSPHRASE="p12-secret",
        ANJU_SIGNING_TRUST_ROOTS=[str(paths.ca_cert)],
    ):
        signed = sign_pdf(contract_pdf, reason="配售合同签约", location="亳州市")
        report = verify_pdf(signed)
    # then
    assert report.valid and report.reason == "配售合同签约"
    # when the passphrase is wrong
    with (
        _configured(**settings, ANJU_SIGNING_PKCS12=str(p12), ANJU_SIGNING_PKCS12_PASSPHRASE="wrong"),
        pytest.raises(SigningError, match="PKCS#12 证书文件无法打开"),
    ):
        sign_pdf(contract_pdf, reason="x", location="y")


def test_pem_configuration_trusts_the_self_signed_root_of_its_chain(ca_dir, contract_pdf):
    # given PEM key and certificate with the root in the chain and no explicit trust roots
    paths = test_ca_ensure(ca_dir)
    with _configured(
        ANJU_SIGNING_TEST_CA=False,
        DEBUG=False,
        ANJU_SIGNING_KEY=str(paths.signer_key),
        ANJU_SIGNING_CERT=str(paths.signer_cert),
        ANJU_SIGNING_CHAIN=[str(paths.ca_cert)],
    ):
        # when
        report = verify_pdf(sign_pdf(contract_pdf, reason="补贴协议签约", location="亳州市"))
    # then
    assert report.valid and report.signer == "安居住房保障电子签章（测试）"


def test_half_a_pem_configuration_is_refused(ca_dir, contract_pdf):
    paths = test_ca_ensure(ca_dir)
    with (
        _configured(ANJU_SIGNING_TEST_CA=False, ANJU_SIGNING_KEY=str(paths.signer_key)),
        pytest.raises(SigningNotConfiguredError, match="须同时设置"),
    ):
        sign_pdf(contract_pdf, reason="x", location="y")


def test_missing_certificate_outside_debug_and_tests_raises_a_chinese_error(contract_pdf, ca_dir):
    # given no certificate, DEBUG off and the test CA not allowed (production-like)
    with _configured(ANJU_SIGNING_TEST_CA=False, DEBUG=False):
        # when / then
        with pytest.raises(SigningNotConfiguredError, match="未配置电子签章证书") as caught:
            sign_pdf(contract_pdf, reason="合同签约", location="亳州市")
        assert "ANJU_SIGNING_PKCS12" in str(caught.value)
        # and nothing verifies as trusted
        assert not verify_pdf(contract_pdf).valid
    # but DEBUG may use the test CA
    with _configured(ANJU_SIGNING_TEST_CA=False, DEBUG=True, ANJU_SIGNING_TEST_CA_DIR=str(ca_dir)):
        assert verify_pdf(sign_pdf(contract_pdf, reason="合同签约", location="亳州市")).valid


def test_not_a_pdf_is_refused(test_ca):
    with pytest.raises(SigningError, match="不是 PDF"):
        sign_pdf(b"hello", reason="x", location="y")


def test_signer_is_cached_until_settings_change(test_ca, tmp_path):
    first = pdf_signer()
    assert pdf_signer() is first
    with override_settings(ANJU_SIGNING_TEST_CA_DIR=str(tmp_path / "elsewhere")):
        assert pdf_signer() is not first


def test_signing_ca_command_is_idempotent(tmp_path, capsys):
    # when run twice
    call_command("signing_ca", directory=str(tmp_path / "ca"))
    first = (tmp_path / "ca" / "ca.pem").read_bytes()
    call_command("signing_ca", directory=str(tmp_path / "ca"))
    out = capsys.readouterr().out
    # then the second run keeps the same root
    assert (tmp_path / "ca" / "ca.pem").read_bytes() == first
    assert "已生成" in out and "已存在且有效，未重新生成" in out
    root = x509.load_pem_x509_certificate(first)
    assert root.subject.rfc4514_string().startswith("CN=安居测试CA")
    assert oct((tmp_path / "ca" / "signer.key").stat().st_mode & 0o777) == "0o600"
    # and --force replaces it
    call_command("signing_ca", directory=str(tmp_path / "ca"), force=True)
    assert (tmp_path / "ca" / "ca.pem").read_bytes() != first


def test_signing_and_verifying_work_while_an_event_loop_is_running(test_ca, contract_pdf):
    # pyHanko's synchronous API runs asyncio.run inside: it failed in a thread with a running loop
    # (an async view; a test process after a Playwright test), found by CI
    import asyncio

    async def inside_a_running_loop():
        signed = sign_pdf(contract_pdf, reason="公共租赁住房租赁合同签约", location="亳州市谯城区")
        return verify_pdf(signed)

    # the loop runs in a thread of its own: the worker's main thread may already hold a loop
    # (Playwright's sync API leaves one running), where asyncio.run itself would refuse
    import threading

    outcome = {}

    def run_loop():
        try:
            outcome["report"] = asyncio.run(inside_a_running_loop())
        except BaseException as exc:  # reported in the assertion below
            outcome["error"] = exc

    thread = threading.Thread(target=run_loop)
    thread.start()
    thread.join()
    assert "error" not in outcome, outcome.get("error")
    report = outcome["report"]
    assert report.valid and report.signer == "安居住房保障电子签章（测试）"
