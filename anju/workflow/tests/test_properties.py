"""Property tests of the engine (hypothesis): required nodes are never skipped; versions isolate instances."""

import itertools

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from anju.workflow.choices import InstanceState, NodeInstanceState, TaskState
from anju.workflow.errors import WorkflowError
from anju.workflow.models import NodeInstance
from anju.workflow.services import (
    definition_problems,
    instance_start,
    return_targets,
    task_complete,
    task_return,
    template_import,
)

pytestmark = pytest.mark.django_db
CONDITIONS = ["", 'decision == "approve"', 'decision == "deny"', "flag", "not flag"]
_codes = itertools.count()


@st.composite
def definitions(draw):
    """A random graph of 2-6 task nodes between a start and an end, some required, conditional arrows."""
    size = draw(st.integers(min_value=2, max_value=6))
    nodes = [{"code": "start", "name": "开始", "node_type": "start"}, {"code": "end", "name": "结束", "node_type": "end"}]
    for index in range(size):
        nodes.append({
            "code": f"n{index}", "name": f"节点{index}", "node_type": "task", "is_required": draw(st.sampled_from([True, False, False])),
            "participants": [{"role_code": "community_clerk"}],
        })  # fmt: skip
    names = ["start"] + [f"n{i}" for i in range(size)] + ["end"]
    transitions = [{"code": "t_entry", "source": "start", "target": "n0", "priority": 0}]
    for position, source in enumerate(names[1:-1], start=1):
        targets = draw(st.lists(st.sampled_from(names[position + 1 :]), min_size=1, max_size=3, unique=True))
        for number, target in enumerate(targets):
            transitions.append({
                "code": f"t_{source}_{target}", "source": source, "target": target,
                "priority": draw(st.integers(0, 20)), "condition": draw(st.sampled_from(CONDITIONS)) if number else "",
            })  # fmt: skip
        if draw(st.booleans()):  # some arrows go back (loops for corrections)
            back = draw(st.sampled_from(names[1 : position + 1]))
            transitions.append({"code": f"b_{source}_{back}", "source": source, "target": back, "priority": 30,
                                "condition": 'decision == "deny"'})  # fmt: skip
    return {"format": "anju.workflow/1", "code": f"p{next(_codes)}", "name": "随机流程", "nodes": nodes, "transitions": transitions}


def _drive(instance, user, actions):
    """Apply random actions until the instance ends or the actions run out."""
    for action in actions:
        instance.refresh_from_db()
        if instance.state != InstanceState.RUNNING:
            return
        task = instance.tasks.filter(state__in=[TaskState.OPEN, TaskState.CLAIMED]).first()
        try:
            if action == "return" and return_targets(instance, task.node_instance):
                task_return(task=task, acting_user=user, opinion="退回")
            else:
                task_complete(task=task, acting_user=user, decision="deny" if action == "deny" else "approve", opinion="意见")
        except WorkflowError:
            continue  # e.g. no transition holds for this decision: the engine refused and nothing changed


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=definitions(), flag=st.booleans(), actions=st.lists(st.sampled_from(["approve", "approve", "approve", "deny", "return"]), min_size=5, max_size=40))
def test_no_instance_reaches_the_end_skipping_a_required_node(data, flag, actions, record, community_clerk):
    # given
    problems = definition_problems(data)
    event("定义无效" if problems else "定义有效")
    if problems:
        # then an invalid definition is never saved
        with pytest.raises(WorkflowError):
            template_import(data=data, acting_user=None, activate=True)
        return
    template = template_import(data=data, acting_user=None, activate=True)
    instance = instance_start(template=template, business_object=record, acting_user=community_clerk, variables={"flag": flag})
    # when
    _drive(instance, community_clerk, actions)
    # then
    instance.refresh_from_db()
    visited = list(instance.node_instances.order_by("sequence"))
    for previous, current in itertools.pairwise(visited):
        assert current.previous_id == previous.pk
        if current.via_transition_id:  # a forward step follows a transition out of the previous node
            assert current.via_transition.source_id == previous.node_id
    event(f"实例状态 {instance.state}")
    if instance.state == InstanceState.COMPLETED:
        required = set(template.nodes.filter(is_required=True).values_list("code", flat=True))
        completed = {n.node.code for n in visited if n.state == NodeInstanceState.COMPLETED}
        assert required <= completed
        assert visited[-1].node.node_type == "end"


def _chain(code, length):
    nodes = [{"code": "start", "name": "开始", "node_type": "start"}, {"code": "end", "name": "结束", "node_type": "end"}]
    nodes += [{"code": f"s{i}", "name": f"步骤{i}", "node_type": "task", "participants": [{"role_code": "community_clerk"}]} for i in range(length)]
    order = ["start"] + [f"s{i}" for i in range(length)] + ["end"]
    transitions = [{"code": f"t{i}", "source": a, "target": b, "priority": 10} for i, (a, b) in enumerate(itertools.pairwise(order))]
    return {"format": "anju.workflow/1", "code": code, "name": "版本测试", "nodes": nodes, "transitions": transitions}


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(first=st.integers(1, 4), second=st.integers(1, 4), steps_before=st.integers(0, 3))
def test_new_versions_never_change_running_instances(first, second, steps_before, record, community_clerk):
    # given an instance on version 1, moved some steps
    code = f"v{next(_codes)}"
    v1 = template_import(data=_chain(code, first), acting_user=None, activate=True)
    instance = instance_start(template=code, business_object=record, acting_user=community_clerk)
    for _ in range(min(steps_before, first - 1)):
        task_complete(task=instance.tasks.get(state=TaskState.OPEN), acting_user=community_clerk)
    # when version 2 is activated and the instance runs to its end
    v2 = template_import(data=_chain(code, second), acting_user=None, activate=True)
    while instance.tasks.filter(state=TaskState.OPEN).exists():
        task_complete(task=instance.tasks.get(state=TaskState.OPEN), acting_user=community_clerk)
    # then every step of the instance is a node of version 1, and it took version 1's length
    instance.refresh_from_db()
    assert instance.state == InstanceState.COMPLETED and instance.template_id == v1.pk
    steps = NodeInstance.objects.filter(instance=instance)
    assert set(steps.values_list("node__template_id", flat=True)) == {v1.pk}
    assert steps.filter(node_type="task").count() == first
    assert v2.is_active and v2.version == 2
