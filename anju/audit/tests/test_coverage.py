"""Each catalogued action writes exactly one complete row (security.md #7)."""

import pytest
from django.urls import reverse

from anju.accounts.models import User
from anju.accounts.tests.helpers import form_login, verified_login
from anju.audit.events import AuditAction
from anju.audit.models import AuditEvent
from conftest import PERSONA_PASSWORD

pytestmark = pytest.mark.django_db

CLIENT = {"REMOTE_ADDR": "192.0.2.77", "HTTP_USER_AGENT": "Anju-Test/1.0"}


def _only(action: str) -> AuditEvent:
    rows = list(AuditEvent.objects.filter(action=action))
    assert len(rows) == 1, [(r.action, r.username) for r in rows]
    return rows[0]


def _complete(event: AuditEvent, *, username: str, role: str) -> None:
    assert event.occurred_at is not None
    assert event.username == username
    assert role in event.role_code_list
    assert event.ip == "192.0.2.77"
    assert event.user_agent == "Anju-Test/1.0"
    assert event.result in {"success", "failure", "denied"}
    assert len(event.row_hash) == 64


def test_login_writes_one_complete_row(client, community_clerk):
    # when
    form_login(client, community_clerk.username, PERSONA_PASSWORD, **CLIENT)
    # then
    event = _only(AuditAction.LOGIN)
    _complete(event, username=community_clerk.username, role="community_clerk")
    assert event.result == "success"


def test_failed_login_writes_one_row(client, community_clerk):
    form_login(client, community_clerk.username, "wrong-password", **CLIENT)
    event = _only(AuditAction.LOGIN_FAILED)
    assert event.result == "failure"
    assert event.ip == "192.0.2.77"


def test_export_writes_one_complete_row(client, auditor):
    # given
    verified_login(client, auditor)
    # when
    client.get(reverse("audit:event_list"), {"export": "xlsx"}, **CLIENT)
    # then
    event = _only(AuditAction.EXPORT)
    _complete(event, username=auditor.username, role="audit_admin")
    assert event.object_type == "audit.auditevent"
    assert "row_count" in event.detail


def test_personal_data_reveal_writes_one_complete_row(client, district_officer, demo_regions):
    # given
    resident = User.objects.create_user(username="resident", password="x-Long-Password-1", mobile="13912345678", jurisdiction_id="341602001001")
    client.force_login(district_officer)
    # when
    client.post(reverse("audit:reveal"), {"content_type": "accounts.User", "object_id": resident.pk, "field": "mobile", "reason": "核实"}, **CLIENT)
    # then
    event = _only(AuditAction.PERSONAL_DATA_VIEWED)
    _complete(event, username=district_officer.username, role="district_officer")
    assert (event.object_type, event.object_id) == ("accounts.user", str(resident.pk))
    assert event.detail["reason"] == "核实"
