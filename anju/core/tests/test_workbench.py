"""The workbench page and its provider registry (anju.core.workbench)."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from anju.core import workbench
from anju.core.workbench import WorkItemView, register_provider, unregister_provider


@pytest.fixture
def clean_registry():
    """Run with no providers and restore the registry afterwards."""
    saved = list(workbench._REGISTRY)
    workbench._REGISTRY.clear()
    yield
    workbench._REGISTRY[:] = saved


def test_workbench_requires_login(client, db):
    # when
    response = client.get(reverse("core:workbench"))
    # then
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_workbench_is_at_staff_root():
    assert reverse("core:workbench") == "/staff/"


def test_workbench_shows_three_tabs_with_honest_empty_state(client, community_clerk, clean_registry):
    # given
    client.force_login(community_clerk)
    # when
    response = client.get("/staff/")
    # then
    html = response.content.decode()
    assert response.status_code == 200
    for kind, tab in (("todo", "待办"), ("done", "已办"), ("notice", "通知")):
        assert re.search(rf'id="tab-{kind}" data-bs-toggle="tab"[^>]*>\s*{tab}', html)
    assert 'data-testid="empty-todo"' in html
    assert "工作流模块" in html  # says where 待办 will come from
    assert 'data-testid="empty-done"' in html and 'data-testid="empty-notice"' in html
    assert response.context["provider_count"] == 0


def test_workbench_shows_who_the_user_is(client, community_clerk, clean_registry):
    # given
    client.force_login(community_clerk)  # sends user_logged_in, which stamps last_login
    community_clerk.refresh_from_db()
    # when
    html = client.get("/staff/").content.decode()
    # then
    assert "王社区" in html
    assert "社区经办人" in html
    assert "白布社区" in html and "341602001001" in html
    assert timezone.localtime(community_clerk.last_login).strftime("%Y-%m-%d %H:%M") in html


def test_workbench_quick_links_follow_the_role(client, community_clerk, district_officer, clean_registry):
    # given
    client.force_login(community_clerk)
    # when
    clerk_links = [e.label for e in client.get("/staff/").context["quick_links"]]
    client.force_login(district_officer)
    officer_links = [e.label for e in client.get("/staff/").context["quick_links"]]
    # then
    assert "准入登记" in clerk_links and "配给管理" not in clerk_links
    assert "配给管理" in officer_links


def test_registered_provider_items_appear_sorted_by_deadline(client, community_clerk, clean_registry):
    # given
    now = timezone.now()
    register_provider(
        "todo",
        "测试待办",
        lambda user: [
            WorkItemView(title="稍后到期", url="/x/2/", deadline=now + timedelta(days=3), source="测试"),
            WorkItemView(title="已经逾期", url="/x/1/", deadline=now - timedelta(days=1), source="测试"),
            WorkItemView(title=f"给{user.full_name}的无期限事项", source="测试"),
        ],
    )
    register_provider("notice", "测试通知", lambda user: [WorkItemView(title="系统将于今晚维护", level="warning")])
    client.force_login(community_clerk)
    # when
    response = client.get("/staff/")
    # then
    todo = response.context["todo"]
    assert [i.title for i in todo.items] == ["已经逾期", "稍后到期", "给王社区的无期限事项"]
    assert todo.overdue_count == 1
    html = response.content.decode()
    assert 'data-testid="empty-todo"' not in html
    assert "已逾期" in html and 'href="/x/1/"' in html
    assert "系统将于今晚维护" in html
    assert 'data-testid="count-todo">3<' in html


def test_a_failing_provider_is_reported_not_fatal(client, community_clerk, clean_registry):
    # given
    def broken(user):
        raise RuntimeError("database gone")

    register_provider("todo", "坏掉的模块", broken)
    client.force_login(community_clerk)
    # when
    response = client.get("/staff/")
    # then
    assert response.status_code == 200
    assert "坏掉的模块 暂时无法读取" in response.content.decode()


def test_register_provider_replaces_same_label_and_rejects_unknown_kind(clean_registry):
    # when
    register_provider("done", "甲", lambda user: [])
    register_provider("done", "甲", lambda user: [WorkItemView(title="新")])
    # then
    assert len(workbench.providers("done")) == 1
    assert workbench.providers("done")[0].func(None)[0].title == "新"
    with pytest.raises(ValueError):
        register_provider("later", "乙", lambda user: [])
    unregister_provider("done", "甲")
    assert workbench.providers() == []


def test_workbench_sidebar_lists_every_subsystem(client, community_clerk, clean_registry):
    # given
    client.force_login(community_clerk)
    # when
    html = client.get("/staff/").content.decode()
    # then
    for label in ("保障规则", "对象调查", "准入登记", "保障资金", "建设项目", "资源配置", "配给管理", "配后管理", "规划计划", "监督管理", "统计分析"):
        assert label in html
    assert "建设中" in html
