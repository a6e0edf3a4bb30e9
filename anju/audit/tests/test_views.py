"""Audit pages and API: auditors read, nobody writes, everyone else gets 403 (security.md #5)."""

import pytest
from django.urls import reverse

from anju.accounts.tests.helpers import verified_login
from anju.audit.events import AuditAction
from anju.audit.models import AuditEvent
from anju.audit.services import audit_event_record

pytestmark = pytest.mark.django_db

READ_PAGES = ["audit:event_list", "audit:change_list"]


@pytest.fixture
def some_events(community_clerk):
    audit_event_record(action=AuditAction.LOGIN, user=community_clerk)
    return audit_event_record(action=AuditAction.LOGIN_FAILED, result="failure", detail={"username": "nobody"})


@pytest.mark.parametrize("name", READ_PAGES)
def test_auditor_reads_the_pages(client, auditor, some_events, name):
    verified_login(client, auditor)
    response = client.get(reverse(name))
    assert response.status_code == 200


def test_event_list_shows_events_and_filters(client, auditor, some_events):
    verified_login(client, auditor)
    response = client.get(reverse("audit:event_list"), {"action": "LOGIN_FAILED"})
    body = response.content.decode()
    assert "登录失败" in body
    assert response.context["total_count"] == 1


def test_event_detail(client, auditor, some_events):
    verified_login(client, auditor)
    response = client.get(reverse("audit:event_detail", args=[some_events.pk]))
    assert response.status_code == 200
    assert some_events.row_hash in response.content.decode()


@pytest.mark.parametrize("name", READ_PAGES)
def test_security_officer_reads_the_pages(client, security_officer, name):
    verified_login(client, security_officer)
    assert client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize("persona", ["community_clerk", "district_officer", "city_officer", "system_admin"])
@pytest.mark.parametrize("name", [*READ_PAGES, "audit:verify"])
def test_others_get_403(client, request, persona, name):
    user = request.getfixturevalue(persona)
    verified_login(client, user)
    assert client.get(reverse(name)).status_code == 403


def test_event_detail_is_403_for_a_clerk(client, community_clerk, some_events):
    client.force_login(community_clerk)
    assert client.get(reverse("audit:event_detail", args=[some_events.pk])).status_code == 403


def test_unverified_auditor_must_pass_the_second_factor(client, auditor):
    client.force_login(auditor)
    response = client.get(reverse("audit:event_list"))
    assert response.status_code == 302
    assert "otp" in response["Location"]


def test_auditor_runs_the_verification(client, auditor, some_events):
    # given
    verified_login(client, auditor)
    # when
    response = client.post(reverse("audit:verify"))
    # then
    assert response.status_code == 200
    assert "校验通过" in response.content.decode()
    event = AuditEvent.objects.order_by("-sequence").first()
    assert event.action == AuditAction.AUDIT_VERIFIED and event.username == auditor.username


def test_security_officer_cannot_run_the_verification(client, security_officer):
    verified_login(client, security_officer)
    assert client.post(reverse("audit:verify")).status_code == 403
    assert not AuditEvent.objects.filter(action=AuditAction.AUDIT_VERIFIED).exists()


def test_exporting_the_audit_log_is_itself_audited(client, auditor, some_events):
    # given
    verified_login(client, auditor)
    before = AuditEvent.objects.count()
    # when
    response = client.get(reverse("audit:event_list"), {"export": "xlsx", "result": "failure"})
    # then
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    export = AuditEvent.objects.get(action=AuditAction.EXPORT)
    assert AuditEvent.objects.count() == before + 1
    assert export.object_type == "audit.auditevent"
    assert export.detail["row_count"] == 1
    assert export.detail["filters"] == {"result": "failure"}


def test_no_write_method_on_the_read_pages(client, auditor):
    verified_login(client, auditor)
    for name in READ_PAGES:
        assert client.post(reverse(name)).status_code == 405


class TestApi:
    url = "/api/v1/audit/events/"

    def test_auditor_lists_events(self, client, auditor, some_events):
        verified_login(client, auditor)
        response = client.get(self.url)
        assert response.status_code == 200
        data = response.json()
        rows = data.get("results", data)
        assert {row["action"] for row in rows} >= {"LOGIN", "LOGIN_FAILED"}
        assert all(len(row["row_hash"]) == 64 for row in rows)

    def test_auditor_filters_and_retrieves(self, client, auditor, some_events):
        verified_login(client, auditor)
        rows = client.get(self.url, {"action": "LOGIN_FAILED"}).json()
        rows = rows.get("results", rows)
        assert [row["id"] for row in rows] == [some_events.pk]
        assert client.get(f"{self.url}{some_events.pk}/").json()["result"] == "failure"

    @pytest.mark.parametrize("persona", ["security_officer", "community_clerk", "system_admin"])
    def test_others_are_refused(self, client, request, persona):
        verified_login(client, request.getfixturevalue(persona))
        assert client.get(self.url).status_code == 403

    def test_api_is_read_only(self, client, auditor, some_events):
        verified_login(client, auditor)
        assert client.post(self.url, {}, content_type="application/json").status_code == 405
        assert client.delete(f"{self.url}{some_events.pk}/").status_code == 405
        assert client.patch(f"{self.url}{some_events.pk}/", {}, content_type="application/json").status_code == 405
