"""Plain view of personal data: permission, reason, one logged event (security.md #10)."""

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import RequestFactory
from django.urls import reverse

from anju.accounts.models import User
from anju.audit.events import AuditAction
from anju.audit.models import AuditEvent
from anju.audit.services import personal_data_reveal

pytestmark = pytest.mark.django_db

MOBILE = "13912345678"


@pytest.fixture
def resident(demo_regions):
    """A user of 白布社区 with a mobile number (an encrypted field)."""
    return User.objects.create_user(username="resident", password="x-Long-Password-1", mobile=MOBILE, jurisdiction_id="341602001001")


def _request():
    return RequestFactory().post("/audit/reveal/", REMOTE_ADDR="192.0.2.5")


def test_officer_with_reason_sees_the_value_and_it_is_logged_once(district_officer, resident):
    # when
    value = personal_data_reveal(user=district_officer, obj=resident, field="mobile", reason="核实联系方式", request=_request())
    # then
    assert value == MOBILE
    event = AuditEvent.objects.get(action=AuditAction.PERSONAL_DATA_VIEWED)
    assert event.username == district_officer.username
    assert event.role_codes == "district_officer"
    assert (event.object_type, event.object_id) == ("accounts.user", str(resident.pk))
    assert event.detail == {"field": "mobile", "field_label": "手机号码", "reason": "核实联系方式"}
    assert event.ip == "192.0.2.5"
    assert MOBILE not in str(event.detail)


def test_reason_is_required(district_officer, resident):
    with pytest.raises(ValidationError) as excinfo:
        personal_data_reveal(user=district_officer, obj=resident, field="mobile", reason="  ", request=None)
    assert excinfo.value.message_dict["reason"] == ["请填写查看明文的事由。"]
    assert not AuditEvent.objects.filter(action=AuditAction.PERSONAL_DATA_VIEWED).exists()


def test_clerk_is_refused_and_the_refusal_is_logged(community_clerk, resident):
    with pytest.raises(PermissionDenied):
        personal_data_reveal(user=community_clerk, obj=resident, field="mobile", reason="想看看", request=None)
    event = AuditEvent.objects.get(action=AuditAction.PERSONAL_DATA_VIEWED)
    assert event.result == "denied"


def test_model_permission_grants_the_plain_view(community_clerk, resident):
    # given
    community_clerk.user_permissions.add(Permission.objects.get(codename="view_plain_personal_data", content_type__app_label="audit"))
    clerk = User.objects.get(pk=community_clerk.pk)
    # when
    value = personal_data_reveal(user=clerk, obj=resident, field="mobile", reason="上门核查", request=None)
    # then
    assert value == MOBILE


def test_only_encrypted_fields_are_revealable(district_officer, resident):
    with pytest.raises(ValidationError):
        personal_data_reveal(user=district_officer, obj=resident, field="password", reason="x", request=None)


def test_reveal_view_returns_the_fragment(client, district_officer, resident):
    # given
    client.force_login(district_officer)
    # when
    response = client.post(
        reverse("audit:reveal"),
        {"content_type": "accounts.User", "object_id": resident.pk, "field": "mobile", "reason": "核实联系方式"},
        HTTP_HX_REQUEST="true",
    )
    # then
    assert response.status_code == 200
    assert MOBILE in response.content.decode()
    assert "明文查看已记录" in response.content.decode()
    assert AuditEvent.objects.filter(action=AuditAction.PERSONAL_DATA_VIEWED, result="success").count() == 1


def test_reveal_view_without_reason_shows_a_chinese_error(client, district_officer, resident):
    client.force_login(district_officer)
    response = client.post(reverse("audit:reveal"), {"content_type": "accounts.User", "object_id": resident.pk, "field": "mobile", "reason": ""})
    assert response.status_code == 200
    body = response.content.decode()
    assert "请填写查看明文的事由" in body and MOBILE not in body


def test_reveal_view_outside_jurisdiction_is_404(client, other_district_clerk, resident):
    client.force_login(other_district_clerk)
    response = client.post(reverse("audit:reveal"), {"content_type": "accounts.User", "object_id": resident.pk, "field": "mobile", "reason": "x"})
    assert response.status_code == 404
    assert not AuditEvent.objects.filter(action=AuditAction.PERSONAL_DATA_VIEWED).exists()


def test_reveal_view_refuses_a_clerk(client, community_clerk, resident):
    client.force_login(community_clerk)
    response = client.post(reverse("audit:reveal"), {"content_type": "accounts.User", "object_id": resident.pk, "field": "mobile", "reason": "x"})
    assert response.status_code == 403
    assert MOBILE not in response.content.decode()
