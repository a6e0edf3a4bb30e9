"""Contracts (A.7.3/A.7.4): create, sign with a verifiable PDF signature, archive, renew after a rules re-check, terminate."""

from __future__ import annotations

import datetime as dt
import subprocess
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from anju.archive.models import ArchiveFile
from anju.audit.models import AuditEvent
from anju.core.signing import verify_pdf
from anju.distribution.choices import ContractStatus, ContractType
from anju.distribution.models import Contract
from anju.distribution.services.contracts import (
    add_months,
    contract_create,
    contract_renewal_request,
    contract_sign,
    contract_signed_file,
    contract_term,
    contract_terminate,
    contract_verify,
    contracts_expire,
)
from anju.distribution.tests.factories_contracts import (
    _signing_ca_dir,  # noqa: F401 - fixture
    delivered_unit,
    dictionaries,  # noqa: F401 - fixture
    lease_terms,
    register_entry,
    signing_test_ca,  # noqa: F401 - fixture
    subsidy_terms,
)
from anju.housing.choices import UnitState

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("signing_test_ca", "dictionaries")]


@pytest.fixture
def contract_rules(dictionaries, demo_regions):  # noqa: F811 - the imported fixture
    from anju.rules.demo import rules_demo_load

    rules_demo_load()


def _events(event: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(detail__event=event))


def _pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "contract.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout  # noqa: S603, S607 - fixed poppler command on a temp file
    return "".join(text.split())


@pytest.fixture
def lease(district_officer):
    """A draft lease of 白布社区's household for a handed-over unit."""
    entry = register_entry()
    unit = delivered_unit()
    return contract_create(
        register_entry=entry,
        contract_type=ContractType.LEASE,
        terms=lease_terms(),
        unit=unit,
        acting_user=district_officer,
    )


def test_create_lease_allocates_the_unit_and_audits(lease, district_officer):
    # then a numbered draft, the unit 已配给 through the state table, one domain event
    assert lease.status == ContractStatus.DRAFT
    assert lease.number.startswith("HT341602")
    assert lease.floor_area == Decimal("60.00")
    assert lease.term_months == 36
    assert lease.signer_id_number_index and lease.signer_id_number.startswith("341602")
    lease.unit.refresh_from_db()
    assert lease.unit.state == UnitState.ALLOCATED
    assert lease.unit.state_changes.filter(to_state=UnitState.ALLOCATED, source="allocation").exists()
    assert len(_events("DISTRIBUTION_CONTRACT_CREATED")) == 1


def test_unit_already_under_contract_is_refused(lease, district_officer):
    other = register_entry()
    with pytest.raises(ValidationError) as caught:
        contract_create(
            register_entry=other,
            contract_type=ContractType.LEASE,
            terms=lease_terms(),
            unit=lease.unit,
            acting_user=district_officer,
        )
    assert "已配给" in str(caught.value) or lease.number in str(caught.value)
    assert Contract.objects.count() == 1


def test_missing_terms_give_chinese_errors_and_nothing_changes(district_officer):
    entry = register_entry()
    unit = delivered_unit()
    with pytest.raises(ValidationError) as caught:
        contract_create(
            register_entry=entry,
            contract_type=ContractType.LEASE,
            unit=unit,
            acting_user=district_officer,
            terms=lease_terms(signer_name="", signer_id_number="123", monthly_rent=None),
        )
    errors = caught.value.message_dict
    assert errors["signer_name"] == ["请填写签约人。"]
    assert "monthly_rent" in errors and "signer_id_number" in errors
    unit.refresh_from_db()
    assert unit.state == UnitState.DELIVERED and not Contract.objects.exists()


def test_another_district_may_not_create(other_district_clerk):
    entry = register_entry()
    with pytest.raises(PermissionDenied):
        contract_create(
            register_entry=entry,
            contract_type=ContractType.SUBSIDY,
            terms=subsidy_terms(),
            acting_user=other_district_clerk,
        )


def test_sign_renders_signs_and_archives_a_verifiable_pdf(lease, district_officer, tmp_path):
    # when
    signed = contract_sign(contract=lease, acting_user=district_officer, sign_date=dt.date(2026, 11, 22))
    # then the contract is signed for 36 months
    assert signed.status == ContractStatus.SIGNED and signed.signed_at is not None
    assert signed.effective_on == dt.date(2026, 11, 22)
    assert signed.expires_on == dt.date(2029, 11, 21)
    assert signed.template_version == "distribution_contract_lease@默认"
    # and the signed PDF is in the contract's e-archive (A.7.4), with the application number
    archive = contract_signed_file(signed)
    assert archive is not None and archive.file_type == "09" and archive.stage == "contract"
    assert archive.owner_number == signed.number
    assert archive.application_number == signed.register_entry.application.number
    assert archive.sm3 == signed.signed_pdf_digest
    data = archive.file.read()
    report = verify_pdf(data)
    assert report.valid and report.signer == "安居住房保障电子签章（测试）"
    assert signed.number in report.reason
    text = _pdf_text(data, tmp_path)
    for fragment in (
        signed.number,
        "公共租赁住房租赁合同",
        "月租金390.00元",
        "租赁期限36个月",
        "退出情形",
        "谯城区住房保障部门",
    ):
        assert fragment in text
    assert signed.signer_id_number not in text  # masked in the document
    # and the household's 保障状态 follows
    signed.register_entry.refresh_from_db()
    assert signed.register_entry.security_state == "02"
    assert contract_verify(contract=signed).valid
    assert len(_events("DISTRIBUTION_CONTRACT_SIGNED")) == 1


def test_sign_twice_is_refused(lease, district_officer):
    contract_sign(contract=lease, acting_user=district_officer)
    lease.refresh_from_db()
    with pytest.raises(ValidationError, match="不能再次签约"):
        contract_sign(contract=lease, acting_user=district_officer)
    assert ArchiveFile.objects.for_owner(lease).count() == 1


def test_a_tampered_archived_contract_fails_verification(lease, district_officer):
    # given a signed contract whose stored PDF is changed by one byte
    signed = contract_sign(contract=lease, acting_user=district_officer)
    archive = contract_signed_file(signed)
    path = archive.file.path
    data = bytearray(open(path, "rb").read())  # noqa: SIM115 - read once
    data[len(data) // 3] ^= 0x01
    with open(path, "wb") as handle:
        handle.write(bytes(data))
    # when
    result = contract_verify(contract=signed)
    # then both the digest and the PDF signature fail
    assert not result.valid and not result.digest_ok
    assert not result.report.valid
    assert "SM3" in result.message


def test_signing_without_certificate_outside_debug_is_a_chinese_error(lease, district_officer, settings):
    settings.ANJU_SIGNING_TEST_CA = False
    settings.DEBUG = False
    with pytest.raises(ValidationError, match="未配置电子签章证书"):
        contract_sign(contract=lease, acting_user=district_officer)
    lease.refresh_from_db()
    assert lease.status == ContractStatus.DRAFT and not ArchiveFile.objects.for_owner(lease).exists()


@pytest.mark.parametrize(
    ("fields", "contract_type", "months"),
    [
        ({}, ContractType.LEASE, 36),
        ({"special_group": "01"}, ContractType.LEASE, 24),
        ({"is_minimum_living": True}, ContractType.LEASE, 60),
        ({}, ContractType.SUBSIDY, 12),
        ({}, ContractType.SALE, 0),
    ],
)
def test_term_by_applicant_category(fields, contract_type, months):
    entry = register_entry(**fields)
    assert contract_term(contract_type=contract_type, entry=entry)[0] == months


def test_add_months_keeps_month_ends():
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2026, 11, 22), 36) == dt.date(2029, 11, 22)


def _signed_subsidy(officer, *, eligible=True, effective_on=dt.date(2025, 12, 1)):
    entry = register_entry(eligible=eligible)
    contract = contract_create(
        register_entry=entry,
        contract_type=ContractType.SUBSIDY,
        acting_user=officer,
        terms=subsidy_terms(effective_on=effective_on, subsidy_starts_on=effective_on),
    )
    return contract_sign(contract=contract, acting_user=officer, sign_date=effective_on)


@pytest.mark.usefixtures("contract_rules")
def test_renewal_only_in_the_window_before_expiry(district_officer):
    contract = _signed_subsidy(district_officer)
    assert contract.expires_on == dt.date(2026, 11, 30)
    with pytest.raises(ValidationError, match="到期前 90 天内"):
        contract_renewal_request(contract=contract, acting_user=district_officer, today=dt.date(2026, 8, 1))
    with pytest.raises(ValidationError, match="已于 2026-11-30 到期"):
        contract_renewal_request(contract=contract, acting_user=district_officer, today=dt.date(2026, 12, 1))
    assert not Contract.objects.filter(renewal_of=contract).exists()


@pytest.mark.usefixtures("contract_rules")
def test_renewal_of_an_eligible_household_drafts_and_signs_the_next_contract(district_officer):
    # given a subsidy contract ending 2026-11-30, the household still qualifying
    contract = _signed_subsidy(district_officer)
    # when renewal is asked within the window
    outcome = contract_renewal_request(contract=contract, acting_user=district_officer, today=dt.date(2026, 10, 15))
    # then the rules decision is recorded and a draft renewal starts the day after expiry
    assert outcome.eligible and outcome.decision.pk and outcome.lines[0] == "判定结论：符合保障条件"
    renewal = outcome.renewal
    assert renewal.status == ContractStatus.DRAFT and renewal.renewal_of == contract
    assert renewal.effective_on == dt.date(2026, 12, 1) and renewal.subsidy_amount == contract.subsidy_amount
    contract.refresh_from_db()
    assert contract.renewal_requested_at is not None
    # when the renewal is signed
    signed = contract_sign(contract=renewal, acting_user=district_officer, sign_date=dt.date(2026, 11, 1))
    # then it runs one more year and the old contract is 已续签
    assert signed.effective_on == dt.date(2026, 12, 1) and signed.expires_on == dt.date(2027, 11, 30)
    contract.refresh_from_db()
    assert contract.status == ContractStatus.RENEWED
    assert verify_pdf(contract_signed_file(signed).file.read()).valid


@pytest.mark.usefixtures("contract_rules")
def test_renewal_of_a_household_no_longer_eligible_is_refused_with_reasons(district_officer):
    contract = _signed_subsidy(district_officer, eligible=False)
    outcome = contract_renewal_request(contract=contract, acting_user=district_officer, today=dt.date(2026, 10, 15))
    assert not outcome.eligible and outcome.renewal is None
    assert outcome.lines[0] == "判定结论：不符合保障条件"
    assert any("不符合" in line for line in outcome.lines[1:])
    assert not Contract.objects.filter(renewal_of=contract).exists()
    contract.refresh_from_db()
    assert contract.status == ContractStatus.SIGNED and contract.renewal_requested_at is not None
    assert len(_events("DISTRIBUTION_CONTRACT_RENEWAL_REFUSED")) == 1


def test_renewal_without_rules_in_force_is_a_clear_error(district_officer):
    contract = _signed_subsidy(district_officer)
    with pytest.raises(ValidationError, match="无法复核"):
        contract_renewal_request(contract=contract, acting_user=district_officer, today=dt.date(2026, 10, 15))


def test_terminate_needs_a_reason_and_returns_the_unit(lease, district_officer):
    signed = contract_sign(contract=lease, acting_user=district_officer)
    with pytest.raises(ValidationError, match="请填写解除原因"):
        contract_terminate(contract=signed, reason=" ", acting_user=district_officer)
    # when
    ended = contract_terminate(contract=signed, reason="转租住房，违反合同第五条", acting_user=district_officer)
    # then
    assert ended.status == ContractStatus.TERMINATED and ended.terminated_on is not None
    assert ended.termination_reason == "转租住房，违反合同第五条"
    ended.unit.refresh_from_db()
    assert ended.unit.state == UnitState.VACANT
    assert len(_events("DISTRIBUTION_CONTRACT_TERMINATED")) == 1
    with pytest.raises(ValidationError, match="不能解除"):
        contract_terminate(contract=ended, reason="再次解除", acting_user=district_officer)


def test_terminating_an_occupied_unit_leaves_it_to_vacating(lease, district_officer):
    from anju.housing.services.units import TENANCY, unit_state_transition

    signed = contract_sign(contract=lease, acting_user=district_officer)
    unit_state_transition(
        unit=signed.unit, to_state=UnitState.OCCUPIED, reason="入住", acting_user=None, source=TENANCY
    )
    ended = contract_terminate(contract=signed, reason="家庭收入超标", acting_user=district_officer)
    ended.unit.refresh_from_db()
    assert ended.unit.state == UnitState.OCCUPIED
    assert "腾退" in ended.unit_note


def test_expiry_marks_only_past_contracts(district_officer):
    running = _signed_subsidy(district_officer, effective_on=dt.date(2026, 6, 1))
    past = _signed_subsidy(district_officer, effective_on=dt.date(2025, 1, 1))
    assert contracts_expire(today=dt.date(2026, 11, 22)) == 1
    past.refresh_from_db()
    running.refresh_from_db()
    assert past.status == ContractStatus.EXPIRED and running.status == ContractStatus.SIGNED
    assert contracts_expire(today=dt.date(2026, 11, 22)) == 0
