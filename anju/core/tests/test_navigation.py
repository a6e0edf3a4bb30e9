"""The sidebar navigation: every subsystem listed, 建设中 marked, emphasis by role."""

import pytest
from django.test import RequestFactory

from anju.core.navigation import NAVIGATION, SUBSYSTEM_LABELS, navigation_for, quick_links_for

SPEC_SUBSYSTEMS = ("保障规则", "对象调查", "准入登记", "保障资金", "建设项目", "资源配置", "配给管理", "配后管理", "规划计划", "监督管理", "统计分析")


def _nav(user, path="/staff/"):
    request = RequestFactory().get(path)
    request.user = user
    return navigation_for(request)


def test_navigation_declares_all_eleven_cjj196_subsystems_and_platform_entries():
    # when
    labels = [item.label for item in NAVIGATION]
    # then
    assert SUBSYSTEM_LABELS == SPEC_SUBSYSTEMS
    for label in (*SPEC_SUBSYSTEMS, "工作流", "网签备案", "数据交换", "公众服务", "电子档案", "系统管理"):
        assert label in labels


@pytest.mark.parametrize("persona", ["community_clerk", "operator", "city_officer", "auditor"])
def test_no_role_ever_hides_a_subsystem(persona, request):
    # given
    user = request.getfixturevalue(persona)
    # when
    labels = [entry.label for entry in _nav(user)]
    # then
    assert set(SPEC_SUBSYSTEMS) <= set(labels)
    assert {"工作流", "网签备案", "数据交换", "公众服务", "电子档案"} <= set(labels)


def test_unbuilt_subsystems_have_no_address_and_render_as_under_construction(client, community_clerk):
    # given
    entries = {e.label: e for e in _nav(community_clerk)}
    client.force_login(community_clerk)
    # when
    html = client.get("/staff/").content.decode()
    # then
    assert entries["对象调查"].url is None and not entries["对象调查"].is_built
    assert entries["工作台"].url == "/staff/"
    planned = [e for e in entries.values() if not e.is_built]
    assert html.count('data-nav-state="planned"') >= len(planned) > 0
    assert "建设中" in html


def test_admin_section_only_for_administrators(community_clerk, system_admin, auditor):
    # when
    clerk = [e.label for e in _nav(community_clerk)]
    admin = {e.label: e for e in _nav(system_admin)}
    audit = [e.label for e in _nav(auditor)]
    # then
    assert "系统管理" not in clerk
    assert "系统管理" in admin and "系统管理" in audit
    assert [c.label for c in admin["系统管理"].children] == ["行政区划", "代码表", "机构", "用户", "审计日志", "后台任务", "政策指南", "文书模板"]


def test_emphasis_follows_role(community_clerk, operator):
    # when
    clerk = {e.label: e.emphasised for e in _nav(community_clerk)}
    op = {e.label: e.emphasised for e in _nav(operator)}
    # then
    assert clerk["准入登记"] and not clerk["配后管理"]
    assert op["配后管理"] and op["建设项目"] and not op["准入登记"]


def test_active_entry_is_marked_and_workbench_is_not_a_prefix_of_everything(community_clerk):
    # when
    at_workbench = {e.label: e.active for e in _nav(community_clerk, "/staff/")}
    elsewhere = {e.label: e.active for e in _nav(community_clerk, "/staff/regions/")}
    # then
    assert at_workbench["工作台"]
    assert not elsewhere["工作台"]


def test_anonymous_gets_no_navigation(db):
    from django.contrib.auth.models import AnonymousUser

    assert _nav(AnonymousUser()) == ()


def test_quick_links_for_auditor_point_at_the_audit_log(auditor, community_clerk):
    # when
    links = [e.label for e in quick_links_for(auditor)]
    clerk_links = [e.label for e in quick_links_for(community_clerk)]
    # then
    assert links == ["审计日志"]
    assert "审计日志" not in clerk_links
