"""Sale (配售) contracts (A.7.3/A.7.4): create for a 配售 household, render, sign, archive, verify, 已配售."""

from __future__ import annotations

import datetime as dt
import subprocess
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from anju.distribution.choices import ContractStatus, ContractType
from anju.distribution.models import Contract
from anju.distribution.services.contracts import (
    contract_create,
    contract_sign,
    contract_signed_file,
    contract_text,
    contract_type_for_mode,
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
from anju.housing.choices import UnitState

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("signing_test_ca", "dictionaries")]

SALE_MODE = "21"  # 经济适用住房配售


def sale_terms(**overrides):
    """Terms of a sale: the lease signer without rent, with a price."""
    values = {"monthly_rent": None, "deposit": None, "sale_price": Decimal("186000.00")}
    values.update(overrides)
    return lease_terms(**values)


def _pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "sale.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout  # noqa: S603, S607 - fixed poppler command on a temp file
    return "".join(text.split())


@pytest.fixture
def sale_entry():
    """A registered household whose 保障方式 is 经济适用住房配售."""
    return register_entry(security_mode=SALE_MODE)


def test_a_sale_mode_leads_to_a_sale_contract():
    for mode in ("20", "21", "22", "23"):
        assert contract_type_for_mode(mode) == ContractType.SALE
    assert contract_type_for_mode("12") == ContractType.LEASE


def test_sale_contract_create_render_sign_archive_verify(sale_entry, district_officer, tmp_path):
    # given a 配售 household and a handed-over unit
    unit = delivered_unit()
    contract_type = contract_type_for_mode(sale_entry.security_mode)
    # when the clerk creates the sale contract
    contract = contract_create(
        register_entry=sale_entry,
        contract_type=contract_type,
        terms=sale_terms(),
        unit=unit,
        acting_user=district_officer,
    )
    # then a draft sale without end date, the price kept and no rent, the unit 已配给
    assert contract.contract_type == ContractType.SALE and contract.status == ContractStatus.DRAFT
    assert contract.sale_price == Decimal("186000.00") and contract.monthly_rent is None
    assert contract.term_months == 0
    unit.refresh_from_db()
    assert unit.state == UnitState.ALLOCATED
    # and it renders with the sale template
    text = contract_text(contract=contract, sign_date=dt.date(2026, 11, 22))
    assert text.title == "保障性住房买卖合同" and text.expires_on is None
    assert "186000.00" in text.body_html and "月租金" not in text.body_html
    # when it is signed
    signed = contract_sign(contract=contract, acting_user=district_officer, sign_date=dt.date(2026, 11, 22))
    # then signed with the sale template, long-term (no end date)
    assert signed.status == ContractStatus.SIGNED and signed.signed_at is not None
    assert signed.template_version.startswith("distribution_contract_sale@")
    assert signed.effective_on == dt.date(2026, 11, 22) and signed.expires_on is None
    # and archived in the contract's e-archive, verifiable
    archive = contract_signed_file(signed)
    assert archive is not None and archive.file_type == "09" and archive.owner_number == signed.number
    assert archive.sm3 == signed.signed_pdf_digest
    pdf = _pdf_text(archive.file.read(), tmp_path)
    for fragment in (signed.number, "保障性住房买卖合同", "房屋总价款186000.00元", "不得上市交易"):
        assert fragment in pdf, fragment
    assert "月租金" not in pdf
    assert contract_verify(contract=signed).valid
    # and the household's 保障状态 becomes 已配售
    sale_entry.refresh_from_db()
    assert sale_entry.security_state == "03"


@pytest.mark.parametrize("price", [None, Decimal("0")])
def test_a_sale_without_its_price_is_refused_in_chinese(sale_entry, district_officer, price):
    unit = delivered_unit()
    with pytest.raises(ValidationError) as caught:
        contract_create(
            register_entry=sale_entry,
            contract_type=ContractType.SALE,
            terms=sale_terms(sale_price=price),
            unit=unit,
            acting_user=district_officer,
        )
    assert caught.value.message_dict["sale_price"] == ["请填写大于 0 的售价。"]
    unit.refresh_from_db()
    assert unit.state == UnitState.DELIVERED and not Contract.objects.exists()


def test_a_sale_without_a_unit_or_with_a_negative_price_is_refused(sale_entry, district_officer):
    with pytest.raises(ValidationError) as caught:
        contract_create(
            register_entry=sale_entry,
            contract_type=ContractType.SALE,
            terms=sale_terms(sale_price=Decimal("-1")),
            unit=None,
            acting_user=district_officer,
        )
    errors = caught.value.message_dict
    assert errors["unit"] == ["配租、配售合同须指定房屋。"]
    assert "金额不能为负数。" in errors["sale_price"]
    assert not Contract.objects.exists()
