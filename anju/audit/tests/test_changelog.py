"""Field change log (django-auditlog): tracked models, masked personal data, actor, history."""

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.http import HttpResponse
from django.template import Context, Template
from django.test import RequestFactory

from anju.accounts.models import Organisation, OrganisationKind, RoleGrant, User
from anju.audit.events import AuditAction
from anju.audit.middleware import RequestContextMiddleware
from anju.audit.registry import auditlog
from anju.audit.selectors import object_history
from anju.audit.services import audit_event_record
from anju.core.models import Dictionary, DictionaryItem, Region

pytestmark = pytest.mark.django_db

MOBILE = "13912345678"
NEW_MOBILE = "18655556666"


def _entries(obj):
    return LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(obj), object_pk=str(obj.pk)).order_by("timestamp", "id")


def test_platform_models_are_tracked():
    for model in (User, Organisation, RoleGrant, Region, Dictionary, DictionaryItem):
        assert auditlog.contains(model), model


def test_mobile_never_appears_in_clear_in_the_change_log(demo_regions):
    # given
    user = User.objects.create_user(username="zhang", password="x-Long-Password-1", mobile=MOBILE)
    # when
    user.mobile = NEW_MOBILE
    user.save()
    # then
    entries = list(_entries(user))
    assert len(entries) == 2
    stored = " ".join(str(e.changes) + str(e.serialized_data) + e.object_repr for e in entries)
    assert MOBILE not in stored and NEW_MOBILE not in stored
    assert entries[1].changes_dict["mobile"] == ["139****5678", "186****6666"]


def test_password_and_last_login_are_not_logged(demo_regions):
    user = User.objects.create_user(username="li", password="x-Long-Password-1")
    user.set_password("another-Long-Password-2")
    user.save()
    for entry in _entries(user):
        assert "password" not in entry.changes_dict
        assert "last_login" not in entry.changes_dict
        assert "mobile_index" not in entry.changes_dict


def test_region_change_has_before_and_after(demo_regions):
    region = Region.objects.get(code="341602001001")
    region.name = "白布新社区"
    region.save()
    assert _entries(region).last().changes_dict["name"] == ["白布社区", "白布新社区"]


def test_middleware_sets_the_actor_and_address(community_clerk):
    # given: a request whose view changes a tracked record
    def view(request):
        Organisation.objects.create(code="ORG-X", name="某机构", kind=OrganisationKind.COMMUNITY, region_code="341602001001")
        return HttpResponse("ok")

    request = RequestFactory().post("/x", REMOTE_ADDR="192.0.2.44")
    request.user = community_clerk
    # when
    RequestContextMiddleware(view)(request)
    # then
    entry = _entries(Organisation.objects.get(code="ORG-X")).get()
    assert entry.actor == community_clerk
    assert entry.remote_addr == "192.0.2.44"


def test_object_history_merges_changes_and_events(community_clerk):
    # given
    region = Region.objects.get(code="341602001001")
    region.name = "白布新社区"
    region.save()
    audit_event_record(action=AuditAction.RECORD_UPDATED, user=community_clerk, obj=region)
    # when
    entries = object_history(obj=region)
    # then
    kinds = {e["kind"] for e in entries}
    assert kinds == {"change", "event"}
    change = next(e for e in entries if e["kind"] == "change" and e["action"] == "修改")
    assert ("名称", "白布社区", "白布新社区") in change["changes"]


def test_history_include_renders_on_a_detail_page(demo_regions):
    # given
    region = Region.objects.get(code="341602001001")
    region.name = "白布新社区"
    region.save()
    # when
    html = Template('{% include "audit/includes/history.html" with object=obj %}').render(Context({"obj": region}))
    # then
    assert 'data-testid="object-history"' in html
    assert "白布新社区" in html and "名称" in html


def test_history_of_a_user_shows_the_mobile_masked(demo_regions):
    user = User.objects.create_user(username="wang", password="x-Long-Password-1", mobile=MOBILE)
    html = Template("{% load audit_tags %}{% object_history obj %}").render(Context({"obj": user}))
    assert MOBILE not in html
    assert "139****5678" in html
