"""催缴提醒: SMS (or paper) to households owing rent, one record a day, scoped, audited; page, API, file."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from rest_framework.test import APIClient

from anju.portal import sms
from anju.tenancy.models import RentReminder
from anju.tenancy.services import rent_run
from anju.tenancy.services.reminders import rent_reminders_send
from anju.tenancy.tests.factories import OTHER_REGION, tenancy_make

MOBILE = "13800138000"


@pytest.fixture
def households(demo_regions, settings):
    """白布社区: one owing with a mobile, one owing without, one paid up; 涡阳县: one owing."""
    settings.PORTAL_SMS_SENDER = "anju.portal.sms.MemorySmsSender"
    sms.outbox.clear()
    with_mobile, without_mobile, paid_up = tenancy_make(), tenancy_make(), tenancy_make()
    other = tenancy_make(region_code=OTHER_REGION, rent="999.00")
    with_mobile.register_entry.phone = MOBILE
    with_mobile.register_entry.save()
    rent_run(period="2026-01", acting_user=None)
    rent_run(period="2026-02", acting_user=None)
    paid_up.charges.update(paid_amount=paid_up.rent)
    return {"mobile": with_mobile, "paper": without_mobile, "paid": paid_up, "other": other}


def test_sends_sms_or_paper_once_per_owing_household(district_officer, households):
    result = rent_reminders_send(acting_user=district_officer)
    assert (result.sms, result.paper, result.skipped) == (1, 1, 0)
    assert [(m.mobile, "600.00" in m.text) for m in sms.outbox] == [(MOBILE, True)]
    by_entry = {r.register_entry_id: r for r in RentReminder.objects.all()}
    assert set(by_entry) == {households["mobile"].register_entry_id, households["paper"].register_entry_id}
    sent = by_entry[households["mobile"].register_entry_id]
    assert sent.channel == "sms" and sent.months_owed == 2 and sent.amount_owed == 600
    assert sent.move_in_id == households["mobile"].pk and sent.sent_by == district_officer
    assert sent.region_code == households["mobile"].register_entry.region_code
    assert by_entry[households["paper"].register_entry_id].channel == "paper"
    from anju.audit.models import AuditEvent

    event = AuditEvent.objects.filter(action="BATCH_RUN").latest("pk")
    assert event.detail["sms"] == 1 and event.detail["paper"] == 1


def test_idempotent_the_same_day(district_officer, households):
    rent_reminders_send(acting_user=district_officer)
    again = rent_reminders_send(acting_user=district_officer)
    assert (again.sms, again.paper, again.skipped) == (0, 0, 2)
    assert RentReminder.objects.count() == 2 and len(sms.outbox) == 1
    assert again.message == "已发送 0 户，纸质通知 0 户，今日已提醒 2 户。"


def test_min_months_and_other_district(district_officer, households):
    assert rent_reminders_send(acting_user=district_officer, min_months=3).sms == 0
    assert not RentReminder.objects.exists()
    rent_reminders_send(acting_user=district_officer)
    assert not RentReminder.objects.filter(register_entry=households["other"].register_entry).exists()


def test_community_clerk_refused(community_clerk, households, client):
    with pytest.raises(PermissionDenied):
        rent_reminders_send(acting_user=community_clerk)
    client.force_login(community_clerk)
    assert client.post(reverse("tenancy:arrears")).status_code == 403
    assert "发送催缴提醒" not in client.get(reverse("tenancy:arrears")).content.decode()
    assert not RentReminder.objects.exists() and not sms.outbox


def test_page_button_message_and_list(client, district_officer, households):
    client.force_login(district_officer)
    assert "发送催缴提醒" in client.get(reverse("tenancy:arrears")).content.decode()
    response = client.post(reverse("tenancy:arrears"), follow=True)
    assert "已发送 1 户，纸质通知 1 户，今日已提醒 0 户" in response.content.decode()
    page = client.get(reverse("tenancy:reminder_list") + "?channel=paper").content.decode()
    assert households["paper"].register_entry.number in page
    assert households["mobile"].register_entry.number not in page
    export = client.get(reverse("tenancy:reminder_list") + "?export=xlsx")
    assert export.status_code == 200 and export["Content-Type"].startswith("application/vnd.openxmlformats")


def test_printing_the_notice_records_a_paper_reminder(client, district_officer, households):
    client.force_login(district_officer)
    entry = households["mobile"].register_entry
    assert client.get(reverse("tenancy:reminder_pdf", args=[entry.pk])).status_code == 200
    reminder = RentReminder.objects.get()
    assert reminder.register_entry == entry and reminder.channel == "paper" and reminder.sent_on == date.today()


def test_api_send_and_list(district_officer, other_district_clerk, households):
    api = APIClient()
    api.force_authenticate(district_officer)
    response = api.post("/api/v1/tenancy/reminders/send/", {"min_months": 1}, format="json")
    assert response.status_code == 200 and (response.json()["sms"], response.json()["paper"]) == (1, 1)
    rows = api.get("/api/v1/tenancy/reminders/").json()
    rows = rows["results"] if isinstance(rows, dict) else rows
    assert len(rows) == 2 and {r["channel_display"] for r in rows} == {"短信", "纸质通知"}
    api.force_authenticate(other_district_clerk)
    rows = api.get("/api/v1/tenancy/reminders/").json()
    assert (rows["results"] if isinstance(rows, dict) else rows) == []


def test_household_file_shows_reminders(district_officer, households):
    from anju.archive.household_file import household_timeline_collect

    rent_reminders_send(acting_user=district_officer)
    entry = households["mobile"].register_entry
    timeline = household_timeline_collect(application=entry.application, user=district_officer)
    assert any(e.title == "催缴租金（短信）" for e in timeline.events)


class FailingSender:
    """A gateway that always fails."""

    def send(self, mobile: str, text: str) -> None:
        raise ConnectionError("gateway down")


def test_gateway_failure_records_nothing_for_that_household(district_officer, households, settings):
    settings.PORTAL_SMS_SENDER = "anju.tenancy.tests.test_reminders.FailingSender"
    result = rent_reminders_send(acting_user=district_officer)
    assert (result.sms, result.paper, result.failed) == (0, 1, 1) and "短信发送失败 1 户" in result.message
    assert not RentReminder.objects.filter(register_entry=households["mobile"].register_entry).exists()


def test_region_prefix_outside_the_jurisdiction_refused(district_officer, households):
    with pytest.raises(PermissionDenied):
        rent_reminders_send(acting_user=district_officer, region_prefix=OTHER_REGION)
