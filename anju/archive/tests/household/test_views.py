"""一户一档 pages and API: rendering, print view, unavailable sources, jurisdiction, masking."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from anju.archive.household_file import (
    HouseholdEvent,
    household_event_providers,
    household_timeline_collect,
    register_household_events,
    unregister_household_events,
)

pytestmark = pytest.mark.django_db


def page_url(application):
    return reverse("archive:household_file", args=[application.pk])


def print_url(application):
    return reverse("archive:household_file_print", args=[application.pk])


def api_url(application):
    return f"/api/v1/archive/households/{application.pk}/file/"


@pytest.fixture
def with_file(draft, community_clerk):
    """The draft with one e-archive file (收入证明)."""
    from anju.archive.tests.factories import upload

    upload(draft, community_clerk, title="王建国收入证明")
    return draft


@pytest.fixture
def broken_provider():
    """A provider that raises, registered for one test."""

    def broken(application, user):
        raise RuntimeError("source down")

    register_household_events("测试来源", broken)
    yield "测试来源"
    unregister_household_events("测试来源")


def full_ids(application):
    """The full ID numbers of the applicant and members."""
    return [application.id_number, *(m.id_number for m in application.members.all())]


def test_page_shows_facts_members_masked_and_timeline(client, with_file, district_officer):
    # when
    client.force_login(district_officer)
    response = client.get(page_url(with_file))

    # then
    assert response.status_code == 200
    html = response.content.decode()
    assert f"一户一档 · {with_file.number} 王建国" in html
    assert "李秀英" in html and "申请录入" in html and "电子档案：王建国收入证明" in html
    for id_number in full_ids(with_file):
        assert id_number not in html
        assert f"{id_number[:6]}{'*' * 8}{id_number[-4:]}" in html
    assert print_url(with_file) in html
    events = response.context["timeline"].events
    assert [e.sort_key for e in events] == sorted(e.sort_key for e in events)


def test_community_clerk_of_the_household_sees_it(client, with_file, community_clerk):
    client.force_login(community_clerk)
    assert client.get(page_url(with_file)).status_code == 200


@pytest.mark.parametrize("url", [page_url, print_url])
def test_another_district_gets_404(client, with_file, other_district_clerk, url):
    client.force_login(other_district_clerk)
    assert client.get(url(with_file)).status_code == 404


def test_roles_without_household_access_get_404_and_anonymous_goes_to_login(client, with_file, operator):
    # anonymous
    response = client.get(page_url(with_file))
    assert response.status_code == 302 and "login" in response["Location"]
    # 运维人员 do not read households
    client.force_login(operator)
    assert client.get(page_url(with_file)).status_code == 404


def test_unknown_household_is_404(client, district_officer, db):
    client.force_login(district_officer)
    assert client.get(reverse("archive:household_file", args=[999999])).status_code == 404


def test_a_raising_provider_is_shown_unavailable_and_the_rest_still_shows(
    client, with_file, district_officer, broken_provider
):
    # when
    client.force_login(district_officer)
    response = client.get(page_url(with_file))

    # then
    assert response.status_code == 200
    html = response.content.decode()
    assert "以下来源暂时无法读取：测试来源。" in html
    assert "申请录入" in html and "电子档案：王建国收入证明" in html
    api = APIClient()
    api.force_authenticate(district_officer)
    body = api.get(api_url(with_file)).json()
    assert body["unavailable"] == ["测试来源"] and len(body["events"]) >= 2


def test_print_view(client, with_file, district_officer):
    # when
    client.force_login(district_officer)
    response = client.get(print_url(with_file))

    # then
    assert response.status_code == 200
    assert next(t.name for t in response.templates) == "archive/household/file_print.html"
    html = response.content.decode()
    assert "打印时间" in html and "archive/print.js" in html and "电子档案：王建国收入证明" in html
    for id_number in full_ids(with_file):
        assert id_number not in html
    # ?print=1 on the page address gives the same view
    assert client.get(page_url(with_file), {"print": "1"}).templates[0].name == "archive/household/file_print.html"


def test_api_returns_the_same_events_masked(with_file, district_officer):
    # given
    api = APIClient()
    api.force_authenticate(district_officer)

    # when
    response = api.get(api_url(with_file))

    # then
    assert response.status_code == 200
    body = response.json()
    expected = household_timeline_collect(application=with_file, user=district_officer)
    assert [e["title"] for e in body["events"]] == [e.title for e in expected.events]
    assert body["events"][0]["title"] == f"申请录入：{with_file.number}"
    assert body["application_number"] == with_file.number and body["register_number"] == ""
    assert body["sources"] == [p.label for p in household_event_providers()]
    assert {m["name"] for m in body["members"]} == {"王建国", "李秀英"}
    text = response.content.decode()
    for id_number in full_ids(with_file):
        assert id_number not in text
    assert all("*" in m["id_number_masked"] for m in body["members"])


def test_api_is_scoped_and_needs_login(with_file, other_district_clerk):
    api = APIClient()
    assert api.get(api_url(with_file)).status_code in (401, 403)
    api.force_authenticate(other_district_clerk)
    response = api.get(api_url(with_file))
    assert response.status_code == 404


def test_registering_a_label_twice_replaces_the_provider(with_file, district_officer):
    # given
    def first(application, user):
        return [HouseholdEvent(when=application.created_at, title="第一版", source="测试")]

    def second(application, user):
        return [HouseholdEvent(when=application.created_at, title="第二版", source="测试")]

    try:
        register_household_events("测试替换", first)
        register_household_events("测试替换", second)

        # when
        timeline = household_timeline_collect(application=with_file, user=district_officer)

        # then
        titles = [e.title for e in timeline.events if e.source == "测试"]
        assert titles == ["第二版"] and timeline.sources.count("测试替换") == 1
    finally:
        unregister_household_events("测试替换")
    assert "测试替换" not in [p.label for p in household_event_providers()]


def test_every_app_provider_is_registered():
    labels = [p.label for p in household_event_providers()]
    for label in ("申请", "业务流程", "资格判定", "核查", "公示与举报", "准入登记", "配置方案", "轮候排序", "摇号",
                  "选房", "合同", "补贴发放", "信用档案", "投诉", "电子档案"):  # fmt: skip
        assert label in labels
    assert labels[0] == "申请"  # other apps (tenancy) may add theirs from their own ready()


def test_the_application_page_links_to_the_household_file(client, with_file, district_officer):
    client.force_login(district_officer)
    html = client.get(reverse("admission:household_detail", args=[with_file.pk])).content.decode()
    assert 'data-testid="household-file-link"' in html and page_url(with_file) in html
