"""Staff pages of contracts, subsidies and support objects: lists with filters and export, printable payment lists, forms."""

from __future__ import annotations

import io
import subprocess
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from anju.distribution.models import LandSupplyRecord, SubsidyDue, SubsidyPayment, SupportDisbursementPlan
from anju.distribution.services.subsidies import subsidy_month_run
from anju.distribution.tests.test_subsidies_services import signed_subsidy

pytestmark = pytest.mark.django_db


@pytest.fixture
def march(district_officer):
    """Two households' dues of March 2026."""
    signed_subsidy()
    signed_subsidy(amount="450.00")
    subsidy_month_run(year=2026, month=3, acting_user=district_officer)
    return SubsidyDue.objects.order_by("number")


def test_contract_list_filters_and_exports(client, district_officer, other_district_clerk):
    first = signed_subsidy()
    signed_subsidy(region_code="341621001001")
    client.force_login(district_officer)
    page = client.get(reverse("distribution:contract_list"), {"contract_type": "subsidy"}).content.decode()
    assert first.number in page and "共 1 条" in page
    export = client.get(reverse("distribution:contract_list"), {"export": "xlsx"})
    rows = list(load_workbook(io.BytesIO(export.content)).active.values)
    assert rows[0][0] == "合同编号" and len(rows) == 2
    client.force_login(other_district_clerk)
    assert first.number not in client.get(reverse("distribution:contract_list")).content.decode()


def test_due_list_prints_pdf_and_excel_and_marks_printed(client, district_officer, march, tmp_path):
    client.force_login(district_officer)
    page = client.get(reverse("distribution:subsidy_due_list"), {"year": 2026, "month": 3}).content.decode()
    assert all(due.number in page for due in march)
    pdf = client.get(reverse("distribution:subsidy_list_print", args=["pdf"]), {"year": 2026, "month": 3})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    path = tmp_path / "list.pdf"
    path.write_bytes(pdf.content)
    output = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)  # noqa: S603, S607 - fixed poppler command on a temp file
    text = "".join(output.stdout.split())
    assert "住房租赁补贴发放清单（2026年3月）" in text and "1050.00" in text and march[0].number in text
    assert all(SubsidyDue.objects.values_list("is_printed", flat=True))
    xlsx = client.get(reverse("distribution:subsidy_list_print", args=["xlsx"]), {"year": 2026, "month": 3})
    rows = list(load_workbook(io.BytesIO(xlsx.content)).active.values)
    assert rows[0][0].startswith("住房租赁补贴发放清单") and rows[-1][0] == "合计" and rows[-1][6] == 1050
    assert client.get(reverse("distribution:subsidy_list_print", args=["doc"])).status_code == 404


def test_payment_form_keeps_input_on_error_then_records(client, district_officer, march):
    client.force_login(district_officer)
    due = march[0]
    url = reverse("distribution:subsidy_due_detail", args=[due.pk])
    bad = client.post(url, {"paid_amount": "100.00", "paid_on": "2026-03-15", "method": "bank", "shortfall_reason": ""})
    body = bad.content.decode()
    assert bad.status_code == 200 and "请填写原因" in body and 'value="100.00"' in body
    assert not SubsidyPayment.objects.exists()
    ok = client.post(url, {"paid_amount": str(due.amount), "paid_on": "2026-03-15", "method": "bank"})
    assert ok.status_code == 302 and SubsidyPayment.objects.get().status == "paid"


def test_run_page_starts_the_job_and_pay_outstanding(client, district_officer, march):
    client.force_login(district_officer)
    response = client.post(reverse("distribution:subsidy_run"), {"year": 2026, "month": 4})
    assert response.status_code == 302 and "/jobs/" in response["Location"]
    assert SubsidyDue.objects.filter(month=4).count() == 2
    paid = client.post(
        reverse("distribution:subsidy_pay_outstanding"),
        {"year": 2026, "month": 3, "paid_on": "2026-03-20", "method": "bank"},
    )
    assert paid.status_code == 302
    assert SubsidyPayment.objects.count() == 2
    assert sum(p.paid_amount for p in SubsidyPayment.objects.all()) == Decimal("1050.00")


def test_readers_see_lists_but_not_run(client, street_reviewer, march):
    client.force_login(street_reviewer)
    assert client.get(reverse("distribution:subsidy_due_list")).status_code == 200
    assert client.get(reverse("distribution:subsidy_run")).status_code == 403
    assert (
        client.post(reverse("distribution:subsidy_due_detail", args=[march[0].pk]), {"paid_amount": "1"}).status_code
        == 403
    )


def test_support_plan_and_land_supply_forms(client, district_officer, demo_regions):
    client.force_login(district_officer)
    response = client.post(
        reverse("distribution:support_plan_create"),
        {
            "region": "341602000000",
            "target_number": "GY1",
            "target_name": "运营公司",
            "total_amount": "500000",
            "period_type": "year",
            "period": "2026",
            "starts_on": "2026-01-01",
        },
    )
    assert response.status_code == 302
    plan = SupportDisbursementPlan.objects.get()
    edit = client.post(
        reverse("distribution:support_plan_edit", args=[plan.pk]),
        {
            "target_number": "GY1",
            "target_name": "运营公司",
            "total_amount": "-1",
            "period_type": "year",
            "period": "2026",
            "starts_on": "2026-01-01",
        },
    )
    assert edit.status_code == 200 and "拨付总金额应大于 0" in edit.content.decode()
    land = client.post(
        reverse("distribution:land_supply_create"),
        {
            "region": "341602000000",
            "parcel_number": "ZD1",
            "parcel_name": "地块",
            "approval_document": "批准书",
            "approval_number": "文号1",
            "approved_on": "2026-01-05",
            "acquisition_mode": "划拨",
            "land_area": "100",
            "land_value": "0",
            "use_years": "70",
        },
    )
    assert land.status_code == 302 and LandSupplyRecord.objects.get().parcel_name == "地块"
    listing = client.get(reverse("distribution:land_supply_list")).content.decode()
    assert "ZD1" in listing and client.get(reverse("distribution:support_plan_list")).status_code == 200
