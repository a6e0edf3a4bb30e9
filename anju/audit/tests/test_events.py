"""`audit_event_record`: one complete, chained, masked row per event (security.md #7)."""

import pytest
from django.db import transaction
from django.test import RequestFactory, override_settings

from anju.accounts.models import Organisation, OrganisationKind
from anju.audit.context import RequestContext, current_context
from anju.audit.events import AuditAction, AuditResult
from anju.audit.models import AuditChainHead, AuditEvent
from anju.audit.services import audit_chain_check, audit_event_record
from anju.core.models import Region

pytestmark = pytest.mark.django_db


def _request(user=None, **meta):
    request = RequestFactory().get("/x", REMOTE_ADDR="192.0.2.10", HTTP_USER_AGENT="Mozilla/5.0 测试", **meta)
    if user is not None:
        request.user = user
    return request


def test_records_a_complete_row_from_the_request(community_clerk):
    # given
    community_clerk.organisation = Organisation.objects.create(
        code="ORG-BB", name="白布社区居民委员会", kind=OrganisationKind.COMMUNITY, region_code="341602001001"
    )
    community_clerk.save()
    region = Region.objects.get(code="341602001001")
    # when
    event = audit_event_record(action=AuditAction.RECORD_UPDATED, user=community_clerk, obj=region, request=_request(community_clerk), detail={"字段": "名称"})
    # then
    event = AuditEvent.objects.get(pk=event.pk)
    assert event.sequence == 1
    assert event.occurred_at is not None and event.occurred_at.tzinfo is not None
    assert event.user == community_clerk
    assert event.username == "clerk_baibu"
    assert event.role_codes == "community_clerk"
    assert event.organisation_name == "白布社区居民委员会"
    assert event.ip == "192.0.2.10"
    assert event.user_agent == "Mozilla/5.0 测试"
    assert event.action == "RECORD_UPDATED" and event.get_action_display() == "修改记录"
    assert (event.object_type, event.object_id) == ("core.region", "341602001001")
    assert event.object_repr == str(region)
    assert event.result == AuditResult.SUCCESS
    assert event.detail == {"字段": "名称"}
    assert event.prev_hash == "0" * 64 and len(event.row_hash) == 64
    assert AuditChainHead.objects.get(pk=1).sequence == 1


def test_takes_ip_and_user_from_the_request_context_without_a_request(community_clerk):
    # given: the middleware has set the context of the request being served
    token = current_context.set(RequestContext(ip="198.51.100.7", user_agent="ua", user=community_clerk))
    try:
        # when
        event = audit_event_record(action=AuditAction.EXPORT)
    finally:
        current_context.reset(token)
    # then
    assert event.ip == "198.51.100.7"
    assert event.username == "clerk_baibu"


def test_failures_are_recorded_without_a_user():
    # when
    event = audit_event_record(action=AuditAction.LOGIN_FAILED, result="failure", detail={"username": "nobody"}, request=_request())
    # then
    assert event.user is None and event.username == ""
    assert event.result == "failure"
    assert event.ip == "192.0.2.10"
    assert event.detail == {"username": "nobody"}


def test_personal_identifiers_in_detail_and_repr_are_masked():
    # when
    event = audit_event_record(
        action=AuditAction.RECORD_CREATED,
        detail={"note": "身份证 341602199001011234，电话 13912345678", "nested": [{"id": "34160219900101123X"}], "ratio": 0.5},
    )
    # then
    stored = AuditEvent.objects.get(pk=event.pk).detail
    assert stored["note"] == "身份证 341602********1234，电话 139****5678"
    assert stored["nested"] == [{"id": "341602********123X"}]
    assert stored["ratio"] == "0.5"


def test_rolled_back_write_leaves_no_event_and_no_gap(community_clerk):
    # given
    audit_event_record(action=AuditAction.LOGIN, user=community_clerk)
    # when
    with pytest.raises(RuntimeError), transaction.atomic():
        audit_event_record(action=AuditAction.RECORD_CREATED, user=community_clerk)
        raise RuntimeError("业务写入失败")
    audit_event_record(action=AuditAction.LOGOUT, user=community_clerk)
    # then
    assert list(AuditEvent.objects.order_by("sequence").values_list("sequence", "action")) == [(1, "LOGIN"), (2, "LOGOUT")]
    assert audit_chain_check().ok


def test_invalid_action_or_result_is_refused():
    with pytest.raises(ValueError):
        audit_event_record(action="not a code")
    with pytest.raises(ValueError):
        audit_event_record(action=AuditAction.LOGIN, result="maybe")
    assert not AuditEvent.objects.exists()


def test_user_agent_is_trimmed():
    event = audit_event_record(action=AuditAction.LOGIN_FAILED, request=RequestFactory().get("/", HTTP_USER_AGENT="A" * 1000))
    assert len(event.user_agent) == 300


@override_settings(TRUSTED_PROXY_COUNT=0)
def test_forwarded_for_is_ignored_without_trusted_proxies():
    event = audit_event_record(action=AuditAction.LOGIN_FAILED, request=_request(HTTP_X_FORWARDED_FOR="203.0.113.9"))
    assert event.ip == "192.0.2.10"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_forwarded_for_is_used_behind_one_trusted_proxy():
    # given: the client forged a first entry; our proxy appended the real peer
    request = _request(HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.9")
    # when
    event = audit_event_record(action=AuditAction.LOGIN_FAILED, request=request)
    # then
    assert event.ip == "203.0.113.9"


def test_chain_links_each_row_to_the_previous(community_clerk):
    first = audit_event_record(action=AuditAction.LOGIN, user=community_clerk)
    second = audit_event_record(action=AuditAction.LOGOUT, user=community_clerk)
    assert second.prev_hash == first.row_hash
    assert second.sequence == first.sequence + 1


def test_catalogue_has_stable_ids_and_chinese_labels():
    assert AuditAction.LOGIN.label == "登录"
    assert AuditAction.PERSONAL_DATA_VIEWED.label == "查看个人信息明文"
    assert all(code == code.upper() and name == code for name, code in AuditAction.__members__.items())


def test_another_apps_upper_case_code_is_accepted():
    event = audit_event_record(action="APPLICATION_SUBMITTED")
    assert AuditEvent.objects.get(pk=event.pk).get_action_display() == "APPLICATION_SUBMITTED"
