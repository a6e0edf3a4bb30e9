"""Pages: inbox, task handling, monitor, instance page with diagram, templates, statistics."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from anju.workflow.choices import TaskState
from anju.workflow.services import instance_start, task_complete

pytestmark = pytest.mark.django_db


@pytest.fixture
def running(linear_template, record, community_clerk):
    """An instance waiting at 社区受理."""
    return instance_start(template="linear", business_object=record, acting_user=community_clerk)


def test_inbox_lists_task_with_link(client, running, community_clerk):
    client.force_login(community_clerk)
    response = client.get(reverse("workflow:task_list"))
    assert response.status_code == 200
    task = running.tasks.get()
    assert task.get_absolute_url() in response.content.decode()


def test_inbox_flags_overdue(client, running, community_clerk):
    running.tasks.update(deadline=timezone.now() - dt.timedelta(hours=1))
    client.force_login(community_clerk)
    assert "已超期" in client.get(reverse("workflow:task_list")).content.decode()


def test_complete_through_the_page(client, running, community_clerk, street_reviewer):
    # given
    task = running.tasks.get()
    client.force_login(community_clerk)
    page = client.get(task.get_absolute_url())
    assert page.status_code == 200 and 'data-testid="workflow-diagram"' in page.content.decode()
    # when
    response = client.post(reverse("workflow:task_complete", args=[task.pk]),
                           {"lock_version": task.lock_version, "decision": "approve", "opinion": "材料齐全"})
    # then
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.state == TaskState.COMPLETED and task.opinion == "材料齐全"
    client.force_login(street_reviewer)
    assert running.tasks.get(state="open").get_absolute_url() in client.get(reverse("workflow:task_list")).content.decode()


def test_stale_form_tells_who_handled_it(client, running, community_clerk, demo_regions):
    # given the colleague completed it after the page was loaded
    from conftest import make_user

    colleague = make_user("clerk_baibu9", "community_clerk", "341602001001", full_name="钱同事")
    task = running.tasks.get()
    version = task.lock_version
    task_complete(task=task, acting_user=colleague)
    client.force_login(community_clerk)
    # when
    response = client.post(reverse("workflow:task_complete", args=[task.pk]), {"lock_version": version, "decision": "approve"}, follow=True)
    # then
    assert "该待办已由 钱同事 办理" in response.content.decode()


def test_task_of_other_district_is_404(client, running, other_district_clerk):
    client.force_login(other_district_clerk)
    assert client.get(running.tasks.get().get_absolute_url()).status_code == 404


def test_monitor_list_and_instance_page(client, running, district_officer, other_district_clerk):
    client.force_login(district_officer)
    listing = client.get(reverse("workflow:instance_list"), {"state": "running", "overdue": "0"})
    assert running.number in listing.content.decode()
    assert "社区受理" in listing.content.decode()
    page = client.get(running.get_absolute_url()).content.decode()
    assert "wf-node--current" in page and 'data-node="accept"' in page
    assert "style=" not in page.split("<main", 1)[-1]
    client.force_login(other_district_clerk)
    assert running.number not in client.get(reverse("workflow:instance_list")).content.decode()
    assert client.get(running.get_absolute_url()).status_code == 404


def test_monitor_export_xlsx(client, running, district_officer):
    client.force_login(district_officer)
    response = client.get(reverse("workflow:instance_list"), {"export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_clerk_cannot_open_monitor_or_templates(client, community_clerk, linear_template):
    client.force_login(community_clerk)
    assert client.get(reverse("workflow:instance_list")).status_code == 403
    assert client.get(reverse("workflow:template_create")).status_code == 403


def test_statistics_page_and_export(client, running, community_clerk, street_reviewer, district_officer):
    # given one finished instance
    for user in (community_clerk, street_reviewer, district_officer):
        task_complete(task=running.tasks.get(state="open"), acting_user=user)
    client.force_login(district_officer)
    today = timezone.localdate()
    params = {"start": (today - dt.timedelta(days=1)).isoformat(), "end": today.isoformat()}
    # when
    page = client.get(reverse("workflow:statistics"), params).content.decode()
    export = client.get(reverse("workflow:statistics"), {**params, "export": "xlsx"})
    # then
    assert "测试流程" in page and "社区受理" in page and 'id="workflow-chart-data"' in page
    assert export.status_code == 200


def test_admin_edits_template_and_sees_diagram(client, system_admin, linear_template):
    from anju.accounts.tests.helpers import verified_login
    from anju.workflow.services import template_new_version

    verified_login(client, system_admin)
    draft = template_new_version(template=linear_template, acting_user=system_admin)
    # when a node is added through the form
    response = client.post(reverse("workflow:node_create", args=[draft.pk]), {
        "code": "check", "name": "核查", "node_type": "task", "level": "county", "deadline_amount": 3,
        "deadline_unit": "working_days", "sort_order": 9, "roles": ["district_officer"],
    })
    # then it is saved, and the page shows the problem (no transition yet) and the diagram
    assert response.status_code == 302
    page = client.get(draft.get_absolute_url()).content.decode()
    assert 'data-node="check"' in page and "从开始节点不可达" in page
    assert client.get(reverse("workflow:template_export", args=[draft.pk])).json()["code"] == "linear"
