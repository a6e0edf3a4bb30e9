"""网上签约 on the portal: read the draft, SMS code, the department's e-seal applied; errors change nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from anju.distribution.tests.factories_contracts import (
    _signing_ca_dir,  # noqa: F401 - fixture
    delivered_unit,
    lease_terms,
    register_entry,
    signing_test_ca,  # noqa: F401 - fixture
)
from anju.portal.tests.conftest import applicant_account, last_code

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("signing_test_ca", "dictionaries")]


def _case(user, entry):
    from anju.portal.models import OnlineApplication

    return OnlineApplication.objects.create(user=user, application=entry.application, step="submitted")


@pytest.fixture
def draft(district_officer):
    """A draft lease of a registered household whose applicant has a portal account; a second applicant."""
    from anju.distribution.choices import ContractType
    from anju.distribution.services.contracts import contract_create
    from anju.portal.models import VerificationCode

    entry = register_entry()
    contract = contract_create(
        register_entry=entry, contract_type=ContractType.LEASE, terms=lease_terms(), unit=delivered_unit(),
        acting_user=district_officer,
    )  # fmt: skip
    owner = applicant_account(mobile="13800000031", full_name=entry.applicant_name)
    other_entry = register_entry()
    other = applicant_account(mobile="13800000032", full_name=other_entry.applicant_name)
    # the registration codes were sent long ago (the one-per-minute limit counts every purpose)
    VerificationCode.objects.update(created_at=timezone.now() - timezone.timedelta(days=1))
    return {
        "contract": contract, "entry": entry, "owner": owner, "case": _case(owner, entry), "other": other,
        "other_case": _case(other, other_entry),
    }  # fmt: skip


def _url(draft, name="portal:case_contract_sign"):
    return reverse(name, args=[draft["case"].pk, draft["contract"].pk])


def _read_and_send(client, draft, sms_outbox):
    """Open the page (the digest of the text shown) and ask for a code; (digest, code)."""
    from anju.distribution.services.contracts import contract_text

    page = client.get(_url(draft))
    assert page.status_code == 200
    digest = contract_text(contract=draft["contract"]).digest
    assert digest in page.content.decode()
    sent = client.post(_url(draft), {"action": "send_code", "digest": digest})
    assert sent.status_code == 200 and "验证码已发送至尾号 0031" in sent.content.decode()
    return digest, last_code(sms_outbox)


def _unchanged(contract):
    from anju.distribution.choices import ContractStatus
    from anju.distribution.services.contracts import contract_signed_file

    contract.refresh_from_db()
    return (
        contract.status == ContractStatus.DRAFT
        and contract.tenant_confirmed_at is None
        and not contract.tenant_confirm_digest
        and contract_signed_file(contract) is None
    )


def test_case_page_links_the_draft_and_the_page_shows_the_text(client, draft):
    client.force_login(draft["owner"])
    html = client.get(reverse("portal:case", args=[draft["case"].pk])).content.decode()
    assert "网上签约" in html and _url(draft) in html
    page = client.get(_url(draft)).content.decode()
    assert "公共租赁住房" in page and draft["contract"].number in page and "390.00" in page
    assert 'for="id_code"' in page and 'for="id_agree"' in page  # labelled controls
    preview = client.get(_url(draft, "portal:case_contract_preview"))
    assert preview.status_code == 200 and preview.content.startswith(b"%PDF")


def test_wrong_code_changes_nothing(client, draft, sms_outbox):
    client.force_login(draft["owner"])
    digest, code = _read_and_send(client, draft, sms_outbox)
    wrong = "000000" if code != "000000" else "111111"
    response = client.post(_url(draft), {"action": "confirm", "agree": "on", "code": wrong, "digest": digest})
    assert response.status_code == 200
    assert "验证码不正确" in response.content.decode()
    assert _unchanged(draft["contract"])


def test_expired_code_changes_nothing(client, draft, sms_outbox):
    from anju.portal.models import VerificationCode

    client.force_login(draft["owner"])
    digest, code = _read_and_send(client, draft, sms_outbox)
    VerificationCode.objects.update(expires_at=timezone.now() - timezone.timedelta(seconds=1))
    response = client.post(_url(draft), {"action": "confirm", "agree": "on", "code": code, "digest": digest})
    assert "验证码已失效，请重新获取" in response.content.decode()
    assert _unchanged(draft["contract"])


def test_text_changed_after_reading_is_refused(client, draft, sms_outbox):
    from anju.audit.models import AuditEvent
    from anju.distribution.models import Contract

    client.force_login(draft["owner"])
    digest, code = _read_and_send(client, draft, sms_outbox)
    # the rent in the draft changes after the tenant read it
    Contract.objects.filter(pk=draft["contract"].pk).update(monthly_rent="420.00")
    response = client.post(_url(draft), {"action": "confirm", "agree": "on", "code": code, "digest": digest})
    assert "合同文本在您阅读后已发生变化" in response.content.decode()
    assert _unchanged(draft["contract"])
    assert AuditEvent.objects.filter(detail__event="DISTRIBUTION_CONTRACT_TENANT_SIGN_REFUSED").exists()


def test_code_sending_is_rate_limited(client, draft, sms_outbox):
    client.force_login(draft["owner"])
    _read_and_send(client, draft, sms_outbox)
    again = client.post(_url(draft), {"action": "send_code"})
    assert again.status_code == 429 and "秒后" in again.content.decode()
    assert len(sms_outbox) == 3  # two registrations + one signing code


def test_correct_code_signs_with_the_seal_and_records_the_confirmation(client, draft, sms_outbox):
    from anju.audit.models import AuditEvent
    from anju.distribution.choices import ContractStatus
    from anju.distribution.services.contracts import contract_verify

    client.force_login(draft["owner"])
    digest, code = _read_and_send(client, draft, sms_outbox)
    # without the agreement box nothing happens
    no_agree = client.post(_url(draft), {"action": "confirm", "code": code, "digest": digest})
    assert "请先阅读合同并勾选同意" in no_agree.content.decode() and _unchanged(draft["contract"])
    # when
    response = client.post(_url(draft), {"action": "confirm", "agree": "on", "code": code, "digest": digest})
    # then
    assert response.status_code == 302 and response["Location"] == reverse("portal:case", args=[draft["case"].pk])
    contract = draft["contract"]
    contract.refresh_from_db()
    assert contract.status == ContractStatus.SIGNED
    assert contract.tenant_confirm_method == "短信验证码" and contract.tenant_confirm_digest == digest
    assert contract.tenant_confirmed_by == draft["owner"] and contract.tenant_confirm_ip == "127.0.0.1"
    assert contract.tenant_confirmed_at is not None
    verification = contract_verify(contract=contract)
    assert verification.valid, verification.message
    assert "网上签约" in verification.report.reason
    assert contract.signer_name in verification.report.reason
    # the household's 保障状态 follows (the department's seal carries its authority)
    draft["entry"].refresh_from_db()
    assert draft["entry"].security_state == "02"
    # every step audited
    events = set(AuditEvent.objects.filter(object_id=str(contract.pk)).values_list("detail__event", flat=True))
    assert {
        "DISTRIBUTION_CONTRACT_TENANT_READ", "DISTRIBUTION_CONTRACT_TENANT_CODE_SENT",
        "DISTRIBUTION_CONTRACT_TENANT_CONFIRMED", "DISTRIBUTION_CONTRACT_SIGNED",
    } <= events  # fmt: skip
    signed_event = AuditEvent.objects.get(object_id=str(contract.pk), detail__event="DISTRIBUTION_CONTRACT_SIGNED")
    assert signed_event.detail["channel"] == "online" and signed_event.user_id == draft["owner"].pk
    # the case page now offers the signed PDF; the sign page says there is nothing to sign
    html = client.get(reverse("portal:case", args=[draft["case"].pk])).content.decode()
    assert reverse("portal:case_contract_file", args=[draft["case"].pk, contract.pk]) in html
    assert "无需网上签约" in client.get(_url(draft)).content.decode()
    # a replay of the same code changes nothing more
    replay = client.post(_url(draft), {"action": "confirm", "agree": "on", "code": code, "digest": digest})
    assert replay.status_code == 200


def test_another_applicant_gets_404(client, draft, sms_outbox):
    client.force_login(draft["other"])
    assert client.get(_url(draft)).status_code == 404
    assert client.post(_url(draft), {"action": "send_code"}).status_code == 404
    assert client.get(_url(draft, "portal:case_contract_preview")).status_code == 404
    through_own_case = reverse("portal:case_contract_sign", args=[draft["other_case"].pk, draft["contract"].pk])
    assert client.get(through_own_case).status_code == 404
    assert len(sms_outbox) == 2  # only the two registrations
    assert _unchanged(draft["contract"])
