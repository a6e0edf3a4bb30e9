"""Definitions: validation, import/export, versions, activation, piecewise edits."""

import json

import pytest

from anju.workflow.errors import WorkflowError
from anju.workflow.models import ProcessTemplate
from anju.workflow.services import (
    definition_problems,
    instance_start,
    node_save,
    template_activate,
    template_export,
    template_import,
    template_new_version,
    transition_delete,
    transition_save,
)
from anju.workflow.tests.factories import admission_definition, linear_definition

pytestmark = pytest.mark.django_db


def test_shipped_admission_definition_is_valid():
    assert definition_problems(admission_definition()) == []


def test_definition_with_no_way_to_end_is_rejected():
    # given a transition into a node that never leads to the end
    data = linear_definition()
    data["transitions"][2]["target"] = "accept"  # review → accept loop, approve unreachable
    # when / then
    problems = definition_problems(data)
    assert any("无法到达结束节点" in p for p in problems) or any("不可达" in p for p in problems)
    with pytest.raises(WorkflowError):
        template_import(data=data, acting_user=None)
    assert not ProcessTemplate.objects.exists()


def test_bypass_of_required_node_is_rejected():
    data = linear_definition()
    data["transitions"].append({"code": "t9", "source": "accept", "target": "approve", "priority": 5, "condition": "x > 1"})
    assert any("绕过必经节点“街道审核”" in p for p in definition_problems(data))


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["nodes"].pop(0), "开始节点"),
        (lambda d: d["nodes"][1].update(participants=[]), "参与者"),
        (lambda d: d["transitions"][1].update(condition="decision =="), "语法错误"),
        (lambda d: d["nodes"][1]["participants"].append({"role_code": "nobody"}), "不存在"),
        (lambda d: d["nodes"].append(dict(d["nodes"][1])), "重复"),
    ],
)
def test_invalid_definitions_name_the_problem(mutate, message):
    data = linear_definition()
    mutate(data)
    assert any(message in p for p in definition_problems(data))


def test_export_import_round_trip_creates_next_version(linear_template):
    # given
    exported = json.loads(json.dumps(template_export(linear_template)))
    # when
    again = template_import(data=exported, acting_user=None)
    # then
    assert again.version == 2 and not again.is_active
    assert template_export(again) | {"version": 1} == exported


def test_activation_keeps_one_active_version(linear_template, system_admin):
    copy = template_new_version(template=linear_template, acting_user=system_admin)
    template_activate(template=copy, acting_user=system_admin)
    linear_template.refresh_from_db()
    assert copy.is_active and not linear_template.is_active


def test_version_with_instances_is_frozen(linear_template, record, community_clerk, system_admin):
    instance_start(template="linear", business_object=record, acting_user=community_clerk)
    node = linear_template.nodes.get(code="review")
    with pytest.raises(WorkflowError, match="新版本"):
        node_save(template=linear_template, acting_user=system_admin, node=node, name="改名")


def test_only_system_admin_edits(linear_template, district_officer):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        template_new_version(template=linear_template, acting_user=district_officer)


def test_piecewise_edit_of_active_version_must_stay_valid(linear_template, system_admin):
    transition = linear_template.transitions.get(code="t2")
    with pytest.raises(WorkflowError, match="修改后无效"):
        transition_delete(transition=transition, acting_user=system_admin)
    assert linear_template.transitions.filter(code="t2").exists()


def test_piecewise_edit_of_draft_reports_problems(linear_template, system_admin):
    # given a draft copy
    draft = template_new_version(template=linear_template, acting_user=system_admin)
    # when a transition is removed, the draft keeps it as a problem
    problems = transition_delete(transition=draft.transitions.get(code="t2"), acting_user=system_admin)
    assert problems
    with pytest.raises(WorkflowError):
        template_activate(template=draft, acting_user=system_admin)
    # when it is put back, the draft is valid again and activates
    _, problems = transition_save(template=draft, acting_user=system_admin, code="t2b", source=draft.nodes.get(code="accept"),
                                  target=draft.nodes.get(code="review"), priority=10)
    assert problems == []
    template_activate(template=draft, acting_user=system_admin)


def test_load_processes_is_idempotent(db):
    from django.core.management import call_command

    call_command("load_processes")
    call_command("load_processes")
    versions = list(ProcessTemplate.objects.filter(code="public_rental_admission").values_list("version", "is_active"))
    assert versions == [(1, True)]


def test_load_processes_loads_the_definitions_other_apps_ship(db):
    from django.core.management import call_command

    # the tenancy app declares its annual review and exit processes in AppConfig.process_definitions
    call_command("load_processes")
    active = set(ProcessTemplate.objects.filter(is_active=True).values_list("code", flat=True))
    assert {"public_rental_admission", "tenancy_annual_review", "tenancy_exit"} <= active
