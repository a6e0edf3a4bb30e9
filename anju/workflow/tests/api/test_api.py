"""API v1 /api/v1/workflow/: templates, instances, tasks with one endpoint per step."""

import pytest
from rest_framework.test import APIClient

from anju.workflow.tests.factories import linear_definition

pytestmark = pytest.mark.django_db


def _client(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_start_inbox_complete_and_conflict(linear_template, record, community_clerk, street_reviewer, demo_regions):
    # given
    from conftest import make_user

    colleague = make_user("clerk_api2", "community_clerk", "341602001001", full_name="孙同事")
    clerk = _client(community_clerk)
    # when an instance is started
    started = clerk.post("/api/v1/workflow/instances/", {"template_code": "linear", "business_object": f"accounts.organisation:{record.pk}"}, format="json")
    assert started.status_code == 201, started.json()
    inbox = clerk.get("/api/v1/workflow/tasks/").json()
    rows = inbox["results"] if isinstance(inbox, dict) else inbox
    task = rows[0]
    # and the colleague completes it first
    done = _client(colleague).post(f"/api/v1/workflow/tasks/{task['id']}/complete/", {"opinion": "同意", "lock_version": task["lock_version"]}, format="json")
    assert done.status_code == 200, done.json()
    # then the clerk's completion is a 409 naming the colleague
    late = clerk.post(f"/api/v1/workflow/tasks/{task['id']}/complete/", {"opinion": "同意", "lock_version": task["lock_version"]}, format="json")
    assert late.status_code == 409
    assert "该待办已由 孙同事 办理" in late.json()["message"]
    # and the street reviewer returns it
    reviewer = _client(street_reviewer)
    review_task = reviewer.get("/api/v1/workflow/tasks/").json()
    review_id = (review_task["results"] if isinstance(review_task, dict) else review_task)[0]["id"]
    returned = reviewer.post(f"/api/v1/workflow/tasks/{review_id}/return/", {"opinion": "补充材料"}, format="json")
    assert returned.status_code == 200
    detail = _client(community_clerk).get(f"/api/v1/workflow/instances/{started.json()['id']}/")
    assert detail.status_code == 200
    assert [a["kind"] for a in detail.json()["actions"]] == ["start", "complete", "return"]


def test_template_import_rejects_dead_end(system_admin):
    # given a definition whose task node leads nowhere
    data = linear_definition(code="bad")
    data["transitions"] = [t for t in data["transitions"] if t["code"] != "t3"]
    # when
    response = _client(system_admin).post("/api/v1/workflow/templates/", {"definition": data}, format="json")
    # then
    assert response.status_code == 400
    assert "没有后续节点" in str(response.json())


def test_template_import_export_for_admin_only(system_admin, district_officer):
    admin = _client(system_admin)
    created = admin.post("/api/v1/workflow/templates/", {"definition": linear_definition(code="api"), "activate": True}, format="json")
    assert created.status_code == 201 and created.json()["is_active"]
    exported = admin.get(f"/api/v1/workflow/templates/{created.json()['id']}/export/").json()
    assert exported["code"] == "api" and len(exported["nodes"]) == 6
    assert _client(district_officer).post("/api/v1/workflow/templates/", {"definition": linear_definition(code="x")}, format="json").status_code == 403
