"""Public portal pages: open without login, honest about what is not open yet, no staff UI."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_home_is_public_at_root(client):
    # when
    response = client.get("/")
    # then
    assert reverse("portal:home") == "/"
    assert response.status_code == 200
    assert "住房保障公众服务" in response.content.decode()


def test_home_lists_every_public_service_and_links_the_open_ones(client):
    # when
    response = client.get("/")
    html = response.content.decode()
    services = response.context["services"]
    # then
    for label in ("申请公租房", "办事指南", "进度查询", "房源信息", "公示名单", "地图找房", "政策文件", "投诉咨询"):
        assert label in html
    open_labels = {s.label for s, url in services if url}
    assert {"申请公租房", "办事指南", "进度查询", "房源信息", "公示名单", "地图找房", "政策文件"} <= open_labels
    assert html.count('data-service-state="open"') == len(open_labels)
    assert 'href="/apply/"' in html


def test_a_service_whose_app_is_missing_is_marked_soon():
    from anju.portal.views import PublicService

    # given
    service = PublicService("投诉咨询", "", "x", "portal:complaints", "稍后开放", requires="anju.no_such_app.services")
    # then
    assert service.url() is None


def test_home_has_staff_login_link_and_no_staff_navigation(client, community_clerk):
    # given: even a logged-in clerk sees the public site without the staff sidebar
    client.force_login(community_clerk)
    # when
    html = client.get("/").content.decode()
    # then
    assert 'data-testid="staff-login-link"' in html
    assert 'href="/accounts/login/"' in html
    assert 'data-testid="sidebar"' not in html
    assert "保障资金" not in html


def test_guide_explains_online_process_and_zero_certificates(client):
    # when
    response = client.get(reverse("portal:guide"))
    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert "零证明" in html
    for word in ("婚姻", "房产", "社保", "公积金", "低保"):
        assert word in html
    assert "网上申请已开放" in html
    assert "轻微失信、较重失信、严重失信" in html


def test_pages_are_phone_ready(client):
    # when
    html = client.get("/").content.decode()
    # then
    assert 'name="viewport" content="width=device-width, initial-scale=1"' in html
    assert 'class="navbar-toggler"' in html


def test_unknown_page_is_a_chinese_404_without_staff_navigation(client):
    # when
    response = client.get("/no-such-page/")
    # then
    html = response.content.decode()
    assert response.status_code == 404
    assert "页面不存在" in html
    assert 'data-testid="sidebar"' not in html
    assert "Content-Security-Policy" in response.headers


def test_500_page_renders_without_a_request(client):
    from django.template.loader import render_to_string

    # when
    html = render_to_string("500.html")
    # then
    assert "系统暂时出现问题" in html
    assert "<script" not in html
