"""Pages of 配后管理: lists, forms keep input on errors, scoping (404), PDFs, Excel, the unit file."""

from datetime import date

import pytest
from django.urls import reverse

from anju.tenancy.models import MoveIn, RentPayment
from anju.tenancy.services import rent_run
from anju.tenancy.tests.factories import OTHER_REGION, tenancy_make


@pytest.fixture
def owing(demo_regions):
    """A household of 白布社区 owing two months (600) and one of 涡阳县."""
    move_in = tenancy_make()
    tenancy_make(region_code=OTHER_REGION, rent="999.00")
    rent_run(period="2026-01", acting_user=None)
    rent_run(period="2026-02", acting_user=None)
    return move_in


LISTS = ["move_in_list", "charge_list", "payment_list", "vacate_list", "fixed_cost_list", "review_round_list",
         "review_result_list", "exit_case_list", "return_list", "resale_list", "index", "arrears"]  # fmt: skip


@pytest.mark.parametrize("name", LISTS)
def test_lists_open_and_export(client, district_officer, owing, name):
    client.force_login(district_officer)
    response = client.get(reverse(f"tenancy:{name}"))
    assert response.status_code == 200
    if name not in ("index",):
        export = client.get(reverse(f"tenancy:{name}") + "?export=xlsx")
        assert export.status_code == 200 and export["Content-Type"].startswith("application/vnd.openxmlformats")


def test_arrears_list_shows_only_the_jurisdiction(client, district_officer, owing):
    client.force_login(district_officer)
    page = client.get(reverse("tenancy:arrears")).content.decode()
    assert owing.register_entry.number in page and "600.00" in page and "999.00" not in page


def test_arrears_print_view_lists_the_households_in_the_site_shell(client, district_officer, owing):
    client.force_login(district_officer)
    response = client.get(reverse("tenancy:arrears") + "?print=1")
    page = response.content.decode()
    assert response.status_code == 200
    assert "欠租催缴名单" in page and owing.register_entry.number in page and "999.00" not in page
    assert "合计 1 户" in page and "<style" not in page  # CSP: the print styles come from tenancy/print.css


def test_other_district_gets_404(client, other_district_clerk, owing):
    client.force_login(other_district_clerk)
    assert client.get(reverse("tenancy:household_detail", args=[owing.register_entry_id])).status_code == 404
    assert client.get(reverse("tenancy:move_in_detail", args=[owing.pk])).status_code == 404


def test_clerk_role_cannot_collect(client, community_clerk, owing):
    client.force_login(community_clerk)
    assert client.get(reverse("tenancy:payment_create", args=[owing.register_entry_id])).status_code == 403


def test_payment_form_keeps_input_on_error_and_records(client, district_officer, owing):
    client.force_login(district_officer)
    url = reverse("tenancy:payment_create", args=[owing.register_entry_id])
    response = client.post(url, {"amount": "100", "method": "cash", "payer_name": "王五"})
    page = response.content.decode()
    assert response.status_code == 200 and "未足额收取原因" in page and 'value="王五"' in page
    assert not RentPayment.objects.exists()
    response = client.post(url, {"amount": "600", "method": "bank", "idempotency_key": "form-1"})
    assert response.status_code == 302 and RentPayment.objects.count() == 2
    household = client.get(reverse("tenancy:household_detail", args=[owing.register_entry_id])).content.decode()
    assert "0.00 元" in household


def test_pdfs(client, district_officer, owing):
    client.force_login(district_officer)
    client.post(
        reverse("tenancy:payment_create", args=[owing.register_entry_id]),
        {"amount": "300", "method": "cash", "shortfall_reason": "分期"},
    )
    receipt = owing.register_entry.rent_receipts.get()
    for url in (
        reverse("tenancy:receipt_pdf", args=[receipt.pk]),
        reverse("tenancy:statement_pdf", args=[owing.register_entry_id]),
        reverse("tenancy:reminder_pdf", args=[owing.register_entry_id]),
    ):
        response = client.get(url)
        assert response.status_code == 200 and response.content.startswith(b"%PDF"), url


def test_move_in_form_and_unit_file(client, district_officer, lease):
    client.force_login(district_officer)
    url = reverse("tenancy:move_in_create")
    response = client.post(url, {"lease": lease.pk, "moved_in_on": "2026-02-01", "reduction_amount": "20"})
    assert response.status_code == 200 and "减免原因" in response.content.decode() and not MoveIn.objects.exists()
    response = client.post(
        url, {"lease": lease.pk, "moved_in_on": "2026-02-01", "reduction_amount": "20", "reduction_reason": "残疾"}
    )
    assert response.status_code == 302
    rent_run(period="2026-02", acting_user=None)
    from anju.housing.timeline import unit_timeline_collect

    titles = [e.title for e in unit_timeline_collect(unit=lease.unit, user=district_officer).events]
    assert any(t.startswith("入住：") for t in titles) and any(t.startswith("租金：") for t in titles)


def test_rent_run_page_starts_a_job(client, district_officer, owing):
    client.force_login(district_officer)
    response = client.post(reverse("tenancy:rent_run"), {"month": "2026-03"})
    assert response.status_code == 302 and "/jobs/" in response["Location"]
    from anju.tenancy.models import RentCharge

    assert (
        RentCharge.objects.filter(period=date(2026, 3, 1)).count() == 1
    )  # tasks run inline in tests; own district only


def test_household_file_shows_tenancy_events(district_officer, owing):
    from anju.archive.household_file import household_timeline_collect

    timeline = household_timeline_collect(application=owing.register_entry.application, user=district_officer)
    titles = [e.title for e in timeline.events]
    assert any(t.startswith("入住 ") for t in titles) and any(t.startswith("租金 2026-01 至 2026-02") for t in titles)
    assert "配后管理" not in timeline.failed
