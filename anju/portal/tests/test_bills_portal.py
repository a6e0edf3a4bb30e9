"""租金账单 on the portal: bills after a rent run and a partial payment, receipts and statement, owner only."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from anju.portal.tests.conftest import applicant_account

pytestmark = pytest.mark.django_db


def _case(user, entry):
    from anju.portal.models import OnlineApplication

    return OnlineApplication.objects.create(user=user, application=entry.application, step="submitted")


@pytest.fixture
def rented(demo_regions, operator):
    """A household moved in (rent 300), charged Jan–Mar 2026, one partial payment of 450 (cash)."""
    from anju.tenancy.services import payment_record, rent_run
    from anju.tenancy.tests.factories import building_make, tenancy_make

    building = building_make()
    move_in = tenancy_make(building=building, rent="300.00")
    other_move_in = tenancy_make(building=building, rent="500.00")
    for month in ("2026-01", "2026-02", "2026-03"):
        rent_run(period=month, acting_user=None)
    receipt = payment_record(
        register_entry=move_in.register_entry, amount="450.00", method="cash", acting_user=operator,
        shortfall_reason="家庭困难，分期缴纳",
    )  # fmt: skip
    other_receipt = payment_record(
        register_entry=other_move_in.register_entry, amount="500.00", method="cash", acting_user=operator,
        shortfall_reason="分期",
    )  # fmt: skip
    owner = applicant_account(mobile="13800000021", full_name=move_in.register_entry.applicant_name)
    other = applicant_account(mobile="13800000022", full_name=other_move_in.register_entry.applicant_name)
    return {
        "entry": move_in.register_entry, "receipt": receipt, "owner": owner, "case": _case(owner, move_in.register_entry),
        "other": other, "other_case": _case(other, other_move_in.register_entry), "other_receipt": other_receipt,
    }  # fmt: skip


def test_selector_amounts_after_rent_run_and_partial_payment(rented):
    from anju.tenancy.selectors_household import household_rent

    rent = household_rent(register_entry=rented["entry"], as_of=date(2026, 3, 5))
    assert (rent.charged, rent.paid, rent.outstanding) == (Decimal("900.00"), Decimal("450.00"), Decimal("450.00"))
    by_month = {(c.year, c.month): c for c in rent.charges}
    assert [m for m in by_month] == [(2026, 3), (2026, 2), (2026, 1)]  # newest first
    assert by_month[(2026, 1)].status == "已缴清" and by_month[(2026, 1)].outstanding == Decimal("0.00")
    assert by_month[(2026, 2)].paid == Decimal("150.00") and by_month[(2026, 2)].status == "部分缴纳（逾期）"
    assert by_month[(2026, 3)].status == "待缴" and by_month[(2026, 3)].due_on == date(2026, 3, 10)
    assert rent.ageing.months == 2 and rent.ageing.total == Decimal("450.00")
    assert dict(rent.buckets)["1个月"] == Decimal("300.00") and dict(rent.buckets)["2个月"] == Decimal("150.00")
    assert len(rent.receipts) == 1 and rent.receipts[0].months == ["2026年1月", "2026年2月"]
    assert rent.receipts[0].method == "现金"


def test_owner_sees_bills_payments_and_downloads_receipt_and_statement(client, rented):
    # given
    owner_case, receipt = rented["case"], rented["receipt"]
    client.force_login(rented["owner"])
    # when
    case_html = client.get(reverse("portal:case", args=[owner_case.pk])).content.decode()
    response = client.get(reverse("portal:case_rent", args=[owner_case.pk]))
    html = response.content.decode()
    receipt_pdf = client.get(reverse("portal:case_rent_receipt", args=[owner_case.pk, receipt.pk]))
    statement_pdf = client.get(reverse("portal:case_rent_statement", args=[owner_case.pk]))
    # then: the case page has the 租金 section with the arrears and the link
    assert "租金" in case_html and "欠缴租金" in case_html and "450.00 元（2 个月）" in case_html
    assert reverse("portal:case_rent", args=[owner_case.pk]) in case_html
    # and the bills page: totals, each month, the receipt with method and number
    assert response.status_code == 200
    assert 'data-testid="rent-charged">900.00 元' in html
    assert 'data-testid="rent-paid">450.00 元' in html
    assert 'data-testid="rent-outstanding">450.00 元' in html
    assert html.count('data-testid="rent-bill"') == 3
    assert "2026年2月" in html and "150.00" in html and "部分缴纳（逾期）" in html and "已缴清" in html
    assert receipt.number in html and "现金" in html and ">欠缴</th>" in html
    assert "6个月及以上" in html  # ageing table
    assert receipt_pdf.status_code == 200 and receipt_pdf.content.startswith(b"%PDF")
    assert statement_pdf.status_code == 200 and statement_pdf.content.startswith(b"%PDF")
    # and: the other household's bill is not there
    assert rented["other_receipt"].number not in html


def test_another_applicant_gets_404(client, rented):
    owner_case, other_case = rented["case"], rented["other_case"]
    client.force_login(rented["other"])
    assert client.get(reverse("portal:case_rent", args=[owner_case.pk])).status_code == 404
    assert client.get(reverse("portal:case_rent_statement", args=[owner_case.pk])).status_code == 404
    assert (
        client.get(reverse("portal:case_rent_receipt", args=[owner_case.pk, rented["receipt"].pk])).status_code == 404
    )
    # the owner's receipt through the other applicant's own case
    own_case_owner_receipt = reverse("portal:case_rent_receipt", args=[other_case.pk, rented["receipt"].pk])
    assert client.get(own_case_owner_receipt).status_code == 404
    # their own bills work and show only their household
    html = client.get(reverse("portal:case_rent", args=[other_case.pk])).content.decode()
    assert rented["other_receipt"].number in html and rented["receipt"].number not in html


def test_downloads_are_audited_and_visitors_sign_in(client, rented):
    from anju.audit.models import AuditEvent

    client.force_login(rented["owner"])
    client.get(reverse("portal:case_rent_receipt", args=[rented["case"].pk, rented["receipt"].pk]))
    assert AuditEvent.objects.filter(action="FILE_DOWNLOADED", detail__document="tenancy_receipt").count() == 1
    client.logout()
    assert client.get(reverse("portal:case_rent", args=[rented["case"].pk])).status_code == 302


def test_no_rent_section_before_any_bill(client, demo_regions):
    from anju.tenancy.tests.factories import entry_make

    entry = entry_make()
    owner = applicant_account(mobile="13800000023", full_name=entry.applicant_name)
    case = _case(owner, entry)
    client.force_login(owner)
    html = client.get(reverse("portal:case", args=[case.pk])).content.decode()
    assert "欠缴租金" not in html
    page = client.get(reverse("portal:case_rent", args=[case.pk])).content.decode()
    assert "暂无租金账单" in page
