"""Writes of process definitions: validate, save, import/export JSON, version, activate (A.3.2-A.3.5).

A definition travels as one dict (the JSON export format, `FORMAT`):

    {"format": "anju.workflow/1", "code": ..., "name": ..., "start_node": "start",
     "nodes": [{"code", "name", "node_type", "level", "deadline_amount", "deadline_unit",
                "is_required", "form_fields", "participants": [{"role_code", "role_type"}], ...}],
     "transitions": [{"code", "source", "target", "priority", "condition", "name", ...}]}

`definition_problems()` checks a dict; every whole-definition save (import, API) is refused
while it names a problem, and so is any piecewise edit of an active version. A version with
instances is frozen: edits go into a new version, so running instances never change.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from anju.accounts.roles import Role
from anju.workflow.choices import DeadlineUnit, NodeType, ParticipantType, RegionLevelRequirement
from anju.workflow.errors import WorkflowError, WorkflowErrorCode
from anju.workflow.events import WorkflowEvent, audit
from anju.workflow.models import NodeTemplate, Participant, ProcessTemplate, Transition
from anju.workflow.permissions import can_edit_templates
from anju.workflow.services.conditions import condition_check_syntax

FORMAT = "anju.workflow/1"
TEMPLATE_FIELDS = ("code", "name", "description", "category", "extra", "precondition", "postcondition")
NODE_FIELDS = (
    "code", "name", "description", "node_type", "extra", "precondition", "postcondition", "category",
    "level", "deadline_amount", "deadline_unit", "is_required", "form_fields", "sort_order",
)  # fmt: skip
TRANSITION_FIELDS = ("code", "priority", "condition", "name", "description")
TASK_NODE_TYPES = (NodeType.TASK, NodeType.COUNTERSIGN)


def _require_editor(user: Any) -> None:
    if user is not None and not can_edit_templates(user):
        raise PermissionDenied("只有系统管理员可以维护流程模板。")


def _reachable(start: str, edges: dict[str, set[str]], avoid: str | None = None) -> set[str]:
    """Nodes reachable from `start` along `edges`, never entering `avoid`."""
    seen = {start}
    stack = [start]
    while stack:
        for nxt in edges.get(stack.pop(), ()):
            if nxt != avoid and nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


def _node_problems(node: dict[str, Any], problems: list[str]) -> None:
    """Checks of one node on its own."""
    label = f"节点“{node.get('name') or node.get('code')}”"
    if node.get("node_type") not in NodeType.values:
        problems.append(f"{label}的节点类型无效")
    if node.get("level") and node["level"] not in RegionLevelRequirement.values:
        problems.append(f"{label}的办理层级无效")
    if node.get("deadline_unit", DeadlineUnit.WORKING_DAYS) not in DeadlineUnit.values:
        problems.append(f"{label}的时限单位无效")
    try:
        if int(node.get("deadline_amount") or 0) < 0:
            problems.append(f"{label}的办理时限不能为负数")
    except (TypeError, ValueError):
        problems.append(f"{label}的办理时限须为整数")
    for key, what in (("precondition", "前置条件"), ("postcondition", "后置条件")):
        error = condition_check_syntax(node.get(key, ""))
        if error:
            problems.append(f"{label}的{what}：{error}")
    participants = node.get("participants") or []
    if node.get("node_type") in TASK_NODE_TYPES and not participants:
        problems.append(f"{label}须至少指定一个参与者角色")
    for participant in participants:
        role_type = participant.get("role_type", ParticipantType.ROLE)
        if role_type not in ParticipantType.values:
            problems.append(f"{label}的参与者角色类型无效")
        elif role_type == ParticipantType.ROLE and participant.get("role_code") not in Role.values:
            problems.append(f"{label}的参与者角色“{participant.get('role_code')}”不存在")
    if not isinstance(node.get("form_fields", []), list):
        problems.append(f"{label}的办理表单须为列表")


def definition_problems(data: dict[str, Any]) -> list[str]:
    """Chinese descriptions of everything wrong with a definition dict (empty when it is valid)."""
    problems: list[str] = []
    for key, what in (("precondition", "流程前置条件"), ("postcondition", "流程后置条件")):
        error = condition_check_syntax(data.get(key, ""))
        if error:
            problems.append(f"{what}：{error}")
    if not str(data.get("code") or "").strip():
        problems.append("流程模板编号不能为空")
    if not str(data.get("name") or "").strip():
        problems.append("流程名称不能为空")
    nodes = data.get("nodes") or []
    transitions = data.get("transitions") or []
    codes = [str(n.get("code") or "") for n in nodes]
    if any(not c for c in codes):
        problems.append("节点模板编号不能为空")
    duplicated = sorted({c for c in codes if codes.count(c) > 1 and c})
    if duplicated:
        problems.append(f"节点模板编号重复：{'、'.join(duplicated)}")
    by_code = {str(n.get("code")): n for n in nodes}
    for node in nodes:
        _node_problems(node, problems)
    starts = [c for c, n in by_code.items() if n.get("node_type") == NodeType.START]
    ends = {c for c, n in by_code.items() if n.get("node_type") == NodeType.END}
    if len(starts) != 1:
        problems.append(f"流程须有且只有一个开始节点（现有 {len(starts)} 个）")
    if not ends:
        problems.append("流程须至少有一个结束节点")
    edges: dict[str, set[str]] = defaultdict(set)
    reverse: dict[str, set[str]] = defaultdict(set)
    transition_codes = [str(t.get("code") or "") for t in transitions]
    duplicated = sorted({c for c in transition_codes if transition_codes.count(c) > 1 and c})
    if duplicated:
        problems.append(f"节点关联编号重复：{'、'.join(duplicated)}")
    for transition in transitions:
        source, target = str(transition.get("source")), str(transition.get("target"))
        label = f"关联“{transition.get('name') or transition.get('code')}”"
        if source not in by_code or target not in by_code:
            problems.append(f"{label}的前导或后继节点不存在")
            continue
        if by_code[source].get("node_type") == NodeType.END:
            problems.append(f"{label}不能从结束节点出发")
        if by_code[target].get("node_type") == NodeType.START:
            problems.append(f"{label}不能指向开始节点")
        try:
            int(transition.get("priority", 0))
        except (TypeError, ValueError):
            problems.append(f"{label}的优先级须为整数")
        error = condition_check_syntax(transition.get("condition", ""))
        if error:
            problems.append(f"{label}的条件：{error}")
        edges[source].add(target)
        reverse[target].add(source)
    if data.get("start_node") and data["start_node"] not in starts:
        problems.append("开始节点须为类型为“开始”的节点")
    if len(starts) != 1 or not ends or problems:
        return problems
    start = starts[0]
    for code, node in by_code.items():
        if node.get("node_type") != NodeType.END and not edges.get(code):
            problems.append(f"节点“{node.get('name') or code}”没有后续节点")
    reached = _reachable(start, edges)
    for code in by_code:
        if code not in reached:
            problems.append(f"节点“{by_code[code].get('name') or code}”从开始节点不可达")
    reaches_end: set[str] = set()
    for end in ends:
        reaches_end |= _reachable(end, reverse)
    for code in reached:
        if code not in reaches_end:
            problems.append(f"节点“{by_code[code].get('name') or code}”无法到达结束节点")
    if problems:
        return problems
    for code, node in by_code.items():
        required = node.get("is_required") and node.get("node_type") in (*TASK_NODE_TYPES, NodeType.AUTOMATIC)
        if required and _reachable(start, edges, avoid=code) & ends:
            problems.append(f"存在绕过必经节点“{node.get('name') or code}”到达结束节点的路径")
    return problems


def template_export(template: ProcessTemplate) -> dict[str, Any]:
    """The definition dict (JSON export) of one template version."""
    nodes = list(template.nodes.prefetch_related("participants").order_by("sort_order", "id"))
    return {
        "format": FORMAT,
        **{name: getattr(template, name) for name in TEMPLATE_FIELDS},
        "version": template.version,
        "start_node": template.start_node.code if template.start_node_id else None,
        "nodes": [
            {
                **{name: getattr(node, name) for name in NODE_FIELDS},
                "participants": [{"role_code": p.role_code, "role_type": p.role_type} for p in node.participants.all()],
            }
            for node in nodes
        ],
        "transitions": [
            {**{name: getattr(t, name) for name in TRANSITION_FIELDS}, "source": t.source.code, "target": t.target.code}
            for t in template.transitions.select_related("source", "target").order_by("source__sort_order", "priority", "id")
        ],
    }


def _write_graph(template: ProcessTemplate, data: dict[str, Any]) -> None:
    """Replace the template's nodes, participants and transitions by the dict's."""
    template.transitions.all().delete()
    template.start_node = None
    template.save(update_fields=["start_node"])
    template.nodes.all().delete()
    by_code: dict[str, NodeTemplate] = {}
    for position, raw in enumerate(data.get("nodes") or []):
        values = {name: raw[name] for name in NODE_FIELDS if name in raw and raw[name] is not None}
        values.setdefault("sort_order", position)
        node = NodeTemplate(template=template, template_version=template.version, **values)
        node.full_clean(exclude=["template"])
        node.save()
        by_code[node.code] = node
        for participant in raw.get("participants") or []:
            Participant.objects.create(
                node=node,
                role_code=participant.get("role_code") or "",
                role_type=participant.get("role_type") or ParticipantType.ROLE,
            )
        if node.node_type == NodeType.START:
            template.start_node = node
    for raw in data.get("transitions") or []:
        values = {name: raw[name] for name in TRANSITION_FIELDS if name in raw and raw[name] is not None}
        transition = Transition(template=template, source=by_code[raw["source"]], target=by_code[raw["target"]], **values)
        transition.full_clean(exclude=["template", "source", "target"])
        transition.save()
    template.save(update_fields=["start_node"])


def _raise_problems(problems: list[str]) -> None:
    if problems:
        raise WorkflowError(problems, code=WorkflowErrorCode.DEFINITION_INVALID)  # type: ignore[arg-type]


def _next_version(code: str) -> int:
    return (ProcessTemplate.objects.filter(code=code).aggregate(v=Max("version"))["v"] or 0) + 1


def template_import(*, data: dict[str, Any], acting_user: Any, activate: bool = False) -> ProcessTemplate:
    """Save a whole definition as a new version of its code (refused while it has problems)."""
    _require_editor(acting_user)
    if not isinstance(data, dict) or data.get("format", FORMAT) != FORMAT:
        raise WorkflowError(f"导入文件不是 {FORMAT} 格式的流程定义。", code=WorkflowErrorCode.IMPORT_INVALID)
    _raise_problems(definition_problems(data))
    with transaction.atomic():
        template = ProcessTemplate(
            **{name: data.get(name) if data.get(name) is not None else "" for name in TEMPLATE_FIELDS if name != "extra"},
            extra=data.get("extra") or {},
            version=_next_version(data["code"]),
            defined_at=timezone.now(),
            defined_by=acting_user if getattr(acting_user, "pk", None) else None,
        )
        template.full_clean()
        template.save()
        _write_graph(template, data)
        audit(WorkflowEvent.TEMPLATE_IMPORTED, user=acting_user, obj=template, detail={"code": template.code, "version": template.version})
        if activate:
            template_activate(template=template, acting_user=acting_user)
    return template


def template_replace_definition(*, template: ProcessTemplate, data: dict[str, Any], acting_user: Any) -> ProcessTemplate:
    """Overwrite the graph of a version that has no instances (refused while it has problems)."""
    _require_editor(acting_user)
    _ensure_editable(template)
    merged = {**data, "code": template.code}
    _raise_problems(definition_problems(merged))
    with transaction.atomic():
        for name in TEMPLATE_FIELDS:
            if name != "code" and name in data:
                setattr(template, name, data[name] if data[name] is not None else ("" if name != "extra" else {}))
        template.full_clean()
        template.save()
        _write_graph(template, merged)
        audit(WorkflowEvent.TEMPLATE_SAVED, user=acting_user, obj=template, detail={"code": template.code, "version": template.version})
    return template


def _ensure_editable(template: ProcessTemplate) -> None:
    """A version with instances is frozen."""
    if template.pk and template.instances.exists():
        raise WorkflowError(
            "该版本已有流程实例，不能修改；请创建新版本后修改。", code=WorkflowErrorCode.TEMPLATE_FROZEN
        )


def _check_after_edit(template: ProcessTemplate) -> list[str]:
    """Problems of the template after a piecewise edit; an active version must stay valid."""
    problems = definition_problems(template_export(template))
    if template.is_active and problems:
        raise WorkflowError(["已激活的流程定义修改后无效：", *problems], code=WorkflowErrorCode.DEFINITION_INVALID)  # type: ignore[arg-type]
    return problems


def template_create(*, acting_user: Any, code: str, name: str, description: str = "", category: str = "", **fields: Any) -> ProcessTemplate:
    """A new draft version with a start and an end node joined by one transition."""
    _require_editor(acting_user)
    data = {
        "code": code,
        "name": name,
        "description": description,
        "category": category,
        **fields,
        "nodes": [
            {"code": "start", "name": "开始", "node_type": NodeType.START},
            {"code": "end", "name": "结束", "node_type": NodeType.END},
        ],
        "transitions": [{"code": "t_start_end", "source": "start", "target": "end", "priority": 10, "name": "开始至结束"}],
    }
    return template_import(data=data, acting_user=acting_user)


def template_update(*, template: ProcessTemplate, acting_user: Any, **fields: Any) -> ProcessTemplate:
    """Change the header fields (name, description, category, conditions, extra) of an editable version."""
    _require_editor(acting_user)
    _ensure_editable(template)
    with transaction.atomic():
        for name, value in fields.items():
            if name not in TEMPLATE_FIELDS or name == "code":
                raise ValueError(f"unknown template field {name}")
            setattr(template, name, value)
        template.full_clean()
        template.save()
        _check_after_edit(template)
        audit(WorkflowEvent.TEMPLATE_SAVED, user=acting_user, obj=template, detail={"fields": sorted(fields)})
    return template


def node_save(
    *, template: ProcessTemplate, acting_user: Any, node: NodeTemplate | None = None, participants: list[dict[str, str]] | None = None, **fields: Any
) -> tuple[NodeTemplate, list[str]]:
    """Create or change a node and its participants; returns it with the definition's remaining problems."""
    _require_editor(acting_user)
    _ensure_editable(template)
    with transaction.atomic():
        node = node or NodeTemplate(template=template, template_version=template.version)
        for name, value in fields.items():
            if name not in NODE_FIELDS:
                raise ValueError(f"unknown node field {name}")
            setattr(node, name, value)
        node.full_clean()
        node.save()
        if participants is not None:
            node.participants.all().delete()
            for participant in participants:
                item = Participant(node=node, **participant)
                item.full_clean()
                item.save()
        if node.node_type == NodeType.START and template.start_node_id != node.pk:
            template.start_node = node
            template.save(update_fields=["start_node"])
        problems = _check_after_edit(template)
        audit(WorkflowEvent.TEMPLATE_SAVED, user=acting_user, obj=template, detail={"node": node.code})
    return node, problems


def node_delete(*, node: NodeTemplate, acting_user: Any) -> list[str]:
    """Remove a node (and its transitions); returns the definition's remaining problems."""
    _require_editor(acting_user)
    template = node.template
    _ensure_editable(template)
    with transaction.atomic():
        code = node.code
        node.delete()
        problems = _check_after_edit(template)
        audit(WorkflowEvent.TEMPLATE_SAVED, user=acting_user, obj=template, detail={"node_deleted": code})
    return problems


def transition_save(
    *, template: ProcessTemplate, acting_user: Any, transition: Transition | None = None, **fields: Any
) -> tuple[Transition, list[str]]:
    """Create or change a transition; returns it with the definition's remaining problems."""
    _require_editor(acting_user)
    _ensure_editable(template)
    allowed = {*TRANSITION_FIELDS, "source", "target"}
    with transaction.atomic():
        transition = transition or Transition(template=template)
        for name, value in fields.items():
            if name not in allowed:
                raise ValueError(f"unknown transition field {name}")
            setattr(transition, name, value)
        if transition.source.template_id != template.pk or transition.target.template_id != template.pk:
            raise ValidationError("前导节点和后继节点须属于本流程模板。")
        error = condition_check_syntax(transition.condition)
        if error:
            raise WorkflowError(error, code=WorkflowErrorCode.CONDITION_INVALID)
        transition.full_clean()
        transition.save()
        problems = _check_after_edit(template)
        audit(WorkflowEvent.TEMPLATE_SAVED, user=acting_user, obj=template, detail={"transition": transition.code})
    return transition, problems


def transition_delete(*, transition: Transition, acting_user: Any) -> list[str]:
    """Remove a transition; returns the definition's remaining problems."""
    _require_editor(acting_user)
    template = transition.template
    _ensure_editable(template)
    with transaction.atomic():
        code = transition.code
        transition.delete()
        problems = _check_after_edit(template)
        audit(WorkflowEvent.TEMPLATE_SAVED, user=acting_user, obj=template, detail={"transition_deleted": code})
    return problems


def template_activate(*, template: ProcessTemplate, acting_user: Any) -> ProcessTemplate:
    """Make this the version new instances start on (refused while the definition has problems)."""
    _require_editor(acting_user)
    _raise_problems(definition_problems(template_export(template)))
    with transaction.atomic():
        ProcessTemplate.objects.filter(code=template.code, is_active=True).exclude(pk=template.pk).update(is_active=False)
        template.is_active = True
        template.save(update_fields=["is_active"])
        audit(WorkflowEvent.TEMPLATE_ACTIVATED, user=acting_user, obj=template, detail={"code": template.code, "version": template.version})
    return template


def template_deactivate(*, template: ProcessTemplate, acting_user: Any) -> ProcessTemplate:
    """Stop starting new instances on this version (running ones continue)."""
    _require_editor(acting_user)
    with transaction.atomic():
        template.is_active = False
        template.save(update_fields=["is_active"])
        audit(WorkflowEvent.TEMPLATE_ACTIVATED, user=acting_user, obj=template, detail={"deactivated": True})
    return template


def template_new_version(*, template: ProcessTemplate, acting_user: Any) -> ProcessTemplate:
    """Copy a version into the next, inactive version of the same code (for editing)."""
    _require_editor(acting_user)
    data = template_export(template)
    with transaction.atomic():
        copy = ProcessTemplate(
            **{name: data[name] for name in TEMPLATE_FIELDS},
            version=_next_version(template.code),
            defined_by=acting_user if getattr(acting_user, "pk", None) else None,
        )
        copy.full_clean()
        copy.save()
        _write_graph(copy, data)
        audit(WorkflowEvent.TEMPLATE_VERSIONED, user=acting_user, obj=copy, detail={"from_version": template.version})
    return copy


def template_delete(*, template: ProcessTemplate, acting_user: Any) -> None:
    """Delete a version that never ran."""
    _require_editor(acting_user)
    _ensure_editable(template)
    with transaction.atomic():
        audit(WorkflowEvent.TEMPLATE_DELETED, user=acting_user, obj=template, detail={"code": template.code, "version": template.version})
        template.start_node = None
        template.save(update_fields=["start_node"])
        template.delete()
