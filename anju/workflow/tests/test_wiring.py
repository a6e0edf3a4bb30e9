"""Wiring: workbench providers, the background task, the navigation entry."""

import pytest

from anju.workflow.services import instance_start

pytestmark = pytest.mark.django_db


def test_workbench_shows_workflow_todo(linear_template, record, community_clerk):
    from anju.core.workbench import collect

    instance_start(template="linear", business_object=record, acting_user=community_clerk)
    todo = next(s for s in collect(community_clerk) if s.kind == "todo")
    assert "流程待办" in todo.providers
    assert any(item.title.startswith("社区受理") for item in todo.items)


def test_overdue_background_task_runs(linear_template, record, community_clerk):
    from anju.workflow.tasks import workflow_overdue_check_task

    result = workflow_overdue_check_task.enqueue()
    assert result.return_value == {"overdue_tasks": 0, "notifications": 0}


def test_navigation_points_to_inbox():
    from anju.core.navigation import NAVIGATION

    entry = next(item for item in NAVIGATION if item.label == "工作流")
    assert entry.url() == "/workflow/tasks/"
