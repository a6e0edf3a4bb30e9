"""网上签约 at the service level: the tenant's confirmation, the automatic seal, and the counter afterwards."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from anju.distribution.choices import ContractStatus, ContractType
from anju.distribution.services.contracts import (
    contract_create,
    contract_sign,
    contract_tenant_sign,
    contract_text,
    contract_verify,
)
from anju.distribution.tests.factories_contracts import (
    _signing_ca_dir,  # noqa: F401 - fixture
    delivered_unit,
    dictionaries,  # noqa: F401 - fixture
    lease_terms,
    register_entry,
    signing_test_ca,  # noqa: F401 - fixture
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("signing_test_ca", "dictionaries")]


@pytest.fixture
def draft(district_officer, settings):
    from anju.portal.models import OnlineApplication
    from anju.portal.tests.conftest import applicant_account

    settings.PORTAL_SMS_SENDER = "anju.portal.sms.MemorySmsSender"
    entry = register_entry()
    contract = contract_create(
        register_entry=entry, contract_type=ContractType.LEASE, terms=lease_terms(), unit=delivered_unit(),
        acting_user=district_officer,
    )  # fmt: skip
    tenant = applicant_account(mobile="13800000051", full_name=entry.applicant_name)
    OnlineApplication.objects.create(user=tenant, application=entry.application, step="submitted")
    stranger = applicant_account(mobile="13800000052", full_name="路人")
    return contract, tenant, stranger


def test_only_the_household_applicant_may_sign_online(draft, district_officer):
    contract, _, stranger = draft
    digest = contract_text(contract=contract).digest
    with pytest.raises(PermissionDenied):
        contract_tenant_sign(contract=contract, applicant=stranger, read_digest=digest)
    with pytest.raises(PermissionDenied):
        contract_tenant_sign(contract=contract, applicant=district_officer, read_digest=digest)
    contract.refresh_from_db()
    assert contract.status == ContractStatus.DRAFT and contract.tenant_confirmed_at is None


def test_confirmation_kept_when_sealing_fails_then_staff_sign_the_text_read(draft, district_officer, settings):
    contract, tenant, _ = draft
    digest = contract_text(contract=contract).digest
    # given: no signing certificate (the seal cannot be applied)
    settings.ANJU_SIGNING_TEST_CA = False
    with pytest.raises(ValidationError, match="未配置电子签章证书"):
        contract_tenant_sign(contract=contract, applicant=tenant, read_digest=digest, client_ip="10.0.0.9")
    contract.refresh_from_db()
    assert contract.status == ContractStatus.DRAFT
    assert contract.tenant_confirm_digest == digest and contract.tenant_confirm_ip == "10.0.0.9"
    # when: the certificate is back and the clerk signs at the counter
    settings.ANJU_SIGNING_TEST_CA = True
    signed = contract_sign(contract=contract, acting_user=district_officer)
    # then: the text signed is the one the tenant confirmed
    assert signed.status == ContractStatus.SIGNED and contract_verify(contract=signed).valid


def test_staff_cannot_sign_a_text_other_than_the_one_confirmed(draft, district_officer, settings):
    from anju.distribution.models import Contract

    contract, tenant, _ = draft
    digest = contract_text(contract=contract).digest
    settings.ANJU_SIGNING_TEST_CA = False
    with pytest.raises(ValidationError):
        contract_tenant_sign(contract=contract, applicant=tenant, read_digest=digest)
    settings.ANJU_SIGNING_TEST_CA = True
    Contract.objects.filter(pk=contract.pk).update(monthly_rent="999.00")
    contract.refresh_from_db()
    with pytest.raises(ValidationError, match="合同文本在您阅读后已发生变化"):
        contract_sign(contract=contract, acting_user=district_officer)
    contract.refresh_from_db()
    assert contract.status == ContractStatus.DRAFT


def test_counter_signing_without_online_confirmation_still_works(draft, district_officer):
    contract, _, _ = draft
    signed = contract_sign(contract=contract, acting_user=district_officer)
    assert signed.status == ContractStatus.SIGNED and signed.tenant_confirmed_at is None
    assert contract_verify(contract=signed).valid


def test_online_signing_moves_the_register_state_and_archives_as_the_tenant(draft):
    # given: the tenant confirmed and the seal is applied automatically (no staff account involved)
    from anju.archive.models import ArchiveFile
    from anju.archive.permissions import owner_visible_to

    contract, tenant, stranger = draft
    entry = contract.register_entry
    digest = contract_text(contract=contract).digest
    # a stranger is never admitted to the contract's archive, nor the tenant before confirming
    assert not owner_visible_to(stranger, contract) and not owner_visible_to(tenant, contract)
    # when
    signed = contract_tenant_sign(contract=contract, applicant=tenant, read_digest=digest, client_ip="10.0.0.8")
    # then: signed, the household's 保障状态 follows the contract, the file is the tenant's upload
    assert signed.status == ContractStatus.SIGNED and contract_verify(contract=signed).valid
    entry.refresh_from_db()
    assert entry.security_state == "02"  # 已配租
    archived = ArchiveFile.objects.for_owner(signed).get()
    assert archived.uploaded_by_id == tenant.pk
    # and after signing the tenant is no longer admitted to upload to it
    assert not owner_visible_to(tenant, signed)
