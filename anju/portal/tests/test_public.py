"""Open information: policies and guides, publicity lists (masked), listings, map data, complaints."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from anju.portal.models import Article
from anju.portal.services.content import article_save
from anju.portal.tests.conftest import applicant_account

pytestmark = pytest.mark.django_db


def _article(user, **overrides):
    data = {
        "kind": "policy", "title": "亳州市公共租赁住房管理办法", "issuer": "亳州市住房和城乡建设局", "document_number": "亳建〔2025〕1号",
        "published_on": date(2025, 3, 1), "summary": "申请条件和轮候规则", "body": "第一条 为规范……\n\n第二条 本办法适用于<script>x</script>",
        "is_published": True,
    }  # fmt: skip
    data.update(overrides)
    return article_save(acting_user=user, **data)


def test_published_article_shows_its_date_and_escapes_text(client, city_officer):
    # given
    article = _article(city_officer)
    _article(city_officer, title="内部草稿", is_published=False)
    # when
    listing = client.get(reverse("portal:articles")).content.decode()
    page = client.get(article.get_absolute_url()).content.decode()
    # then
    assert "亳州市公共租赁住房管理办法" in listing
    assert "内部草稿" not in listing
    assert "2025年3月1日" in page
    assert "<script>x</script>" not in page
    assert "&lt;script&gt;" in page
    assert page.count("<p>") >= 2


def test_unpublished_article_is_404(client, city_officer):
    article = _article(city_officer, is_published=False)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_articles_filter_by_kind(client, city_officer):
    _article(city_officer)
    _article(city_officer, kind="guide", title="公租房申请操作指南")
    html = client.get(reverse("portal:articles") + "?kind=guide").content.decode()
    assert "公租房申请操作指南" in html
    assert "管理办法" not in html


def test_only_editors_change_articles(client, city_officer, community_clerk):
    from django.core.exceptions import PermissionDenied

    # the service refuses a clerk
    with pytest.raises(PermissionDenied):
        _article(community_clerk)
    # the staff pages: a clerk gets 403, the city officer edits
    client.force_login(community_clerk)
    assert client.get(reverse("portal:staff_articles")).status_code == 403
    client.force_login(city_officer)
    response = client.post(
        reverse("portal:staff_article_create"),
        {"kind": "guide", "title": "办事指南", "published_on": "2026-01-05", "body": "正文", "is_published": "on"},
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.updated_by == city_officer
    response = client.post(
        reverse("portal:staff_article_edit", args=[article.pk]),
        {"kind": "guide", "title": "", "published_on": "2026-01-05", "body": "x"},
    )
    assert response.status_code == 200
    assert "这个字段是必填项" in response.content.decode() or "必填" in response.content.decode()


def _publicity(clerk, *, start, end, status="published"):
    from anju.admission.models.publicity import Publicity, PublicityEntry
    from anju.admission.tests.factories import application_for

    application = application_for(clerk)
    publicity = Publicity.objects.create(
        region_code="341602000000", number=f"GS{start:%Y%m%d}", title="2026年第1批公租房申请家庭公示",
        start_date=start, end_date=end, channel="01", place="白布社区公示栏", status=status,
    )  # fmt: skip
    PublicityEntry.objects.create(publicity=publicity, application=application)
    return publicity, application


def test_publicity_in_period_is_listed_masked(client, community_clerk, dictionaries):
    # given
    today = timezone.localdate()
    _publicity(community_clerk, start=today - timedelta(days=1), end=today + timedelta(days=5))
    # when
    html = client.get(reverse("portal:publicity")).content.decode()
    # then: 王建国 → 王**, no ID number or phone
    assert "2026年第1批公租房申请家庭公示" in html
    assert "王**" in html
    assert "王建国" not in html
    assert "341602198503150037" not in html
    assert "13912345678" not in html


def test_publicity_outside_period_or_draft_is_not_listed(client, community_clerk, dictionaries):
    today = timezone.localdate()
    _publicity(community_clerk, start=today - timedelta(days=20), end=today - timedelta(days=10))
    html = client.get(reverse("portal:publicity")).content.decode()
    assert 'data-testid="publicity-empty"' in html


def test_listings_and_map_show_estates_with_allocatable_units(client, demo_regions, bozhou_rules):
    from datetime import date

    from anju.housing.models import Handover, Unit
    from anju.housing.tests.grid_data import make_building, make_project, make_unit

    # given: a handed-over estate with one vacant unit (the housing app's public selector decides what is supply)
    project = make_project(name="希望家园公租房", address="药都大道1号")
    unit = make_unit(make_building(project), 1, 1, state="vacant", area="60.00")
    handover = Handover.objects.create(
        project=project,
        batch_number="YJ-1",
        handed_over_on=date(2026, 7, 1),
        handed_over_by="李建设",
        region_code=project.region_code,
        unit_count=1,
    )
    Unit.objects.filter(pk=unit.pk).update(handover=handover, layout="2b1l")
    # when
    html = client.get(reverse("portal:listings")).content.decode()
    detail = client.get(reverse("portal:listing", args=[project.pk])).content.decode()
    data = client.get(reverse("portal:map_data")).json()
    # then
    assert "希望家园公租房" in html
    assert "可配租 1 套" in html
    assert "两室一厅 1 套" in html
    assert "公共租赁住房租金 6.50 元/平方米·月" in html
    assert unit.number not in html and unit.number not in detail
    assert "两室一厅" in detail
    assert [(p["name"], p["allocatable_units"], p["url"]) for p in data["points"]] == [
        ("希望家园公租房", 1, reverse("portal:listing", args=[project.pk]))
    ]
    # an estate without supply is 404 and filters narrow the list
    assert client.get(reverse("portal:listing", args=[project.pk + 999])).status_code == 404
    assert "希望家园公租房" not in client.get(reverse("portal:listings"), {"layout": "3b2l"}).content.decode()


def test_map_page_loads_leaflet_from_local_assets(client, demo_regions):
    html = client.get(reverse("portal:map")).content.decode()
    assert "/static/vendor/leaflet/leaflet.js" in html
    assert "/static/portal/map.js" in html
    assert "unpkg" not in html and "cdn" not in html.lower()
    # the bundled outlines have no 审图号: not published unless a city turns approved ones on
    assert "data-boundaries-url=\"\"" in html
    assert client.get(reverse("portal:map_boundaries")).status_code == 404


def test_map_boundaries_are_served_when_the_city_turns_them_on(client, demo_regions, settings):
    settings.ANJU_PUBLIC_MAP_BOUNDARIES = True
    assert client.get(reverse("portal:map_boundaries")).status_code == 200
    assert reverse("portal:map_boundaries") in client.get(reverse("portal:map")).content.decode()


def test_complaint_submitted_and_listed_with_number_and_public_reply(client, demo_regions, dictionaries):
    from anju.supervision.models import Complaint, ComplaintReply

    # given
    user = applicant_account()
    client.force_login(user)
    # when
    response = client.post(
        reverse("portal:complaints"),
        {"kind": "consultation", "region_code": "341602000000", "title": "申请条件咨询", "content": "外地户籍可以申请吗？",
         "contact_name": "张明", "contact_phone": "13800000001"},
    )  # fmt: skip
    # then
    assert response.status_code == 302
    complaint = Complaint.objects.get()
    assert complaint.applicant_user == user
    ComplaintReply.objects.create(complaint=complaint, body="可以，满足稳定就业条件即可。", is_public=True)
    ComplaintReply.objects.create(complaint=complaint, body="内部记录", is_public=False)
    html = client.get(reverse("portal:complaints")).content.decode()
    assert complaint.number in html
    assert "满足稳定就业条件" in html
    assert "内部记录" not in html
    # another applicant sees none of it
    client.force_login(applicant_account(mobile="13800000077", full_name="李四"))
    assert complaint.number not in client.get(reverse("portal:complaints")).content.decode()


def test_complaint_bad_input_keeps_what_was_typed(client, demo_regions, dictionaries):
    client.force_login(applicant_account())
    response = client.post(
        reverse("portal:complaints"),
        {
            "kind": "complaint",
            "region_code": "341602000000",
            "title": "房屋漏水",
            "content": "",
            "contact_name": "张明",
            "contact_phone": "123",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="房屋漏水"' in html


def test_inline_check_gives_chinese_messages(client, db):
    url = reverse("portal:validate_field")
    assert client.get(url, {"field": "mobile", "value": "12345"}).json()["message"] == "手机号码应为11位数字。"
    assert client.get(url, {"field": "mobile", "value": "13800000001"}).json()["message"] == ""
    assert (
        "校验码" in client.get(url, {"field": "id_number", "value": "341602198503150038"}).json()["message"]
        or client.get(url, {"field": "id_number", "value": "341602198503150038"}).json()["message"]
    )
    assert client.get(url, {"field": "amount", "value": "-1"}).json()["message"] == "不能为负数。"


def test_demo_articles_load_once(db):
    from io import StringIO

    from django.core.management import call_command

    call_command("load_portal_demo", stdout=StringIO())
    call_command("load_portal_demo", stdout=StringIO())
    assert Article.objects.count() == 2
