"""Process diagrams as SVG, drawn by Anju on the server (16.1.4 图形化的业务流程监控).

A simple layered layout: each node's column is its longest forward distance from the start
(back edges, e.g. returns for corrections, are found by a depth-first search and ignored for
the layering), rows follow the nodes' sort order. Forward transitions are straight arrows,
back edges arc below the nodes; every arrow is labelled with its name, priority and
condition. An instance's path (visited nodes, transitions taken) and current node are
highlighted. No inline style and no script: presentation attributes and classes only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from anju.workflow.choices import NodeType

NODE_W, NODE_H = 156, 56
COL_GAP, ROW_GAP = 92, 44
MARGIN = 28
LABEL_MAX = 16

COLOURS = {
    "fill": "#ffffff",
    "stroke": "#6c757d",
    "text": "#212529",
    "visited_fill": "#e7f1ff",
    "visited_stroke": "#0d6efd",
    "current_fill": "#fff3cd",
    "current_stroke": "#dc3545",
    "edge": "#adb5bd",
    "taken": "#0d6efd",
    "start": "#d1e7dd",
    "end": "#f8d7da",
}


@dataclass
class Highlight:
    """What to emphasise: visited node ids, current node ids, transition ids taken."""

    visited: set[int] = field(default_factory=set)
    current: set[int] = field(default_factory=set)
    taken: set[int] = field(default_factory=set)


def _back_edges(start_id: int | None, node_ids: list[int], edges: dict[int, list[int]]) -> set[tuple[int, int]]:
    """Edges that close a cycle in a depth-first search from the start (then from any unvisited node)."""
    back: set[tuple[int, int]] = set()
    state: dict[int, int] = {}  # 1 on stack, 2 done
    order = ([start_id] if start_id in node_ids else []) + [n for n in node_ids if n != start_id]
    for root in order:
        if root in state:
            continue
        stack: list[tuple[int, Iterable[int]]] = [(root, iter(edges.get(root, [])))]
        state[root] = 1
        while stack:
            node, children = stack[-1]
            for child in children:
                if state.get(child) == 1:
                    back.add((node, child))
                elif child not in state:
                    state[child] = 1
                    stack.append((child, iter(edges.get(child, []))))
                    break
            else:
                state[node] = 2
                stack.pop()
    return back


def layout(nodes: list[Any], transitions: list[Any], start_id: int | None) -> dict[int, tuple[int, int]]:
    """(column, row) of every node id."""
    ids = [n.pk for n in nodes]
    edges: dict[int, list[int]] = defaultdict(list)
    for t in transitions:
        edges[t.source_id].append(t.target_id)
    back = _back_edges(start_id, ids, edges)
    forward = [(t.source_id, t.target_id) for t in transitions if (t.source_id, t.target_id) not in back and t.source_id != t.target_id]
    column = dict.fromkeys(ids, 0)
    for _ in range(len(ids)):  # longest path on a DAG by relaxation (|V| rounds suffice)
        changed = False
        for source, target in forward:
            if column[target] < column[source] + 1:
                column[target] = column[source] + 1
                changed = True
        if not changed:
            break
    rows: dict[int, int] = defaultdict(int)
    position = {}
    for node in sorted(nodes, key=lambda n: (column[n.pk], n.sort_order, n.pk)):
        position[node.pk] = (column[node.pk], rows[column[node.pk]])
        rows[column[node.pk]] += 1
    return position


def _wrap(text: str, width: int = 9) -> list[str]:
    text = str(text)
    lines = [text[i : i + width] for i in range(0, len(text), width)] or [""]
    if len(lines) > 2:
        lines = [lines[0], lines[1][: width - 1] + "…"]
    return lines


def _short(text: str, limit: int = LABEL_MAX) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_svg(nodes: list[Any], transitions: list[Any], *, start_id: int | None = None,
               highlight: Highlight | None = None, title: str = "") -> SafeString:  # fmt: skip
    """The diagram of a template (optionally with an instance's path) as inline SVG markup."""
    highlight = highlight or Highlight()
    position = layout(nodes, transitions, start_id)
    columns = max((c for c, _ in position.values()), default=0) + 1
    rows = max((r for _, r in position.values()), default=0) + 1
    width = MARGIN * 2 + columns * NODE_W + (columns - 1) * COL_GAP
    height = MARGIN * 2 + rows * NODE_H + (rows - 1) * ROW_GAP + 70

    def box(node_id: int) -> tuple[float, float]:
        column, row = position[node_id]
        return MARGIN + column * (NODE_W + COL_GAP), MARGIN + row * (NODE_H + ROW_GAP)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="wf-diagram" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12" data-testid="workflow-diagram">',
        f"<title>{escape(title or '流程图')}</title>",
        "<defs>",
        f'<marker id="wf-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{COLOURS["edge"]}"/></marker>',
        f'<marker id="wf-arrow-taken" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{COLOURS["taken"]}"/></marker>',
        "</defs>",
    ]
    back_index = 0
    for t in transitions:
        if t.source_id not in position or t.target_id not in position:
            continue
        sx, sy = box(t.source_id)
        tx, ty = box(t.target_id)
        taken = t.pk in highlight.taken
        colour = COLOURS["taken"] if taken else COLOURS["edge"]
        marker = "wf-arrow-taken" if taken else "wf-arrow"
        classes = "wf-edge wf-edge--taken" if taken else "wf-edge"
        label = _short(t.name or "")
        extra = f"[{t.priority}]" + (f" {_short(t.condition, 22)}" if t.condition else "")
        if position[t.target_id][0] > position[t.source_id][0]:
            x1, y1 = sx + NODE_W, sy + NODE_H / 2
            x2, y2 = tx, ty + NODE_H / 2
            d = f"M{x1:.0f},{y1:.0f} C{x1 + 40:.0f},{y1:.0f} {x2 - 40:.0f},{y2:.0f} {x2:.0f},{y2:.0f}"
            lx, ly = (x1 + x2) / 2, (y1 + y2) / 2 - 6
        else:
            back_index += 1
            x1, y1 = sx + NODE_W / 2 + 10, sy + NODE_H
            x2, y2 = tx + NODE_W / 2 - 10, ty + NODE_H
            dip = max(y1, y2) + 26 + 12 * back_index
            d = f"M{x1:.0f},{y1:.0f} C{x1:.0f},{dip:.0f} {x2:.0f},{dip:.0f} {x2:.0f},{y2:.0f}"
            lx, ly = (x1 + x2) / 2, dip - 4
        parts.append(
            f'<g class="{classes}" data-transition="{escape(t.code)}"><path d="{d}" fill="none" stroke="{colour}" '
            f'stroke-width="{2.5 if taken else 1.5}" marker-end="url(#{marker})"/>'
            f'<text x="{lx:.0f}" y="{ly:.0f}" text-anchor="middle" fill="{COLOURS["text"]}" font-size="10">{escape(label)}</text>'
            f'<text x="{lx:.0f}" y="{ly + 11:.0f}" text-anchor="middle" fill="#6c757d" font-size="9">{escape(extra)}</text></g>'
        )
    for node in nodes:
        x, y = box(node.pk)
        state = "current" if node.pk in highlight.current else ("visited" if node.pk in highlight.visited else "")
        fill = {"current": COLOURS["current_fill"], "visited": COLOURS["visited_fill"]}.get(state, COLOURS["fill"])
        stroke = {"current": COLOURS["current_stroke"], "visited": COLOURS["visited_stroke"]}.get(state, COLOURS["stroke"])
        if not state and node.node_type == NodeType.START:
            fill = COLOURS["start"]
        elif not state and node.node_type == NodeType.END:
            fill = COLOURS["end"]
        classes = f"wf-node wf-node--{node.node_type}" + (f" wf-node--{state}" if state else "")
        stroke_width = 3 if state == "current" else 1.5
        parts.append(f'<g class="{classes}" data-node="{escape(node.code)}">')
        if node.node_type in (NodeType.START, NodeType.END):
            parts.append(
                f'<rect x="{x}" y="{y}" width="{NODE_W}" height="{NODE_H}" rx="{NODE_H / 2}" fill="{fill}" stroke="{stroke}" stroke-width="{stroke_width}"/>'
            )
        else:
            dash = ' stroke-dasharray="5 3"' if node.node_type == NodeType.AUTOMATIC else ""
            parts.append(
                f'<rect x="{x}" y="{y}" width="{NODE_W}" height="{NODE_H}" rx="6" fill="{fill}" stroke="{stroke}" stroke-width="{stroke_width}"{dash}/>'
            )
            if node.node_type == NodeType.COUNTERSIGN:
                parts.append(f'<rect x="{x + 4}" y="{y + 4}" width="{NODE_W - 8}" height="{NODE_H - 8}" rx="4" fill="none" stroke="{stroke}"/>')
        lines = _wrap(node.name)
        base = y + NODE_H / 2 - (len(lines) - 1) * 8 + 4
        for index, line in enumerate(lines):
            parts.append(
                f'<text x="{x + NODE_W / 2}" y="{base + index * 15:.0f}" text-anchor="middle" fill="{COLOURS["text"]}" font-weight="{"bold" if state == "current" else "normal"}">{escape(line)}</text>'
            )
        if getattr(node, "is_required", False):
            parts.append(f'<text x="{x + NODE_W - 8}" y="{y + 13}" text-anchor="end" fill="#dc3545" font-size="10">必经</text>')
        parts.append("</g>")
    legend_y = height - 20
    parts.append(
        f'<g class="wf-legend" font-size="10"><rect x="{MARGIN}" y="{legend_y - 10}" width="12" height="12" fill="{COLOURS["current_fill"]}" stroke="{COLOURS["current_stroke"]}"/>'
        f'<text x="{MARGIN + 18}" y="{legend_y}" fill="{COLOURS["text"]}">当前节点</text>'
        f'<rect x="{MARGIN + 80}" y="{legend_y - 10}" width="12" height="12" fill="{COLOURS["visited_fill"]}" stroke="{COLOURS["visited_stroke"]}"/>'
        f'<text x="{MARGIN + 98}" y="{legend_y}" fill="{COLOURS["text"]}">已经过</text>'
        f'<text x="{MARGIN + 150}" y="{legend_y}" fill="#6c757d">[n] 优先级（小者优先）· 条件</text></g>'
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every interpolated text is escaped above


def template_svg(template: Any) -> SafeString:
    """The diagram of a template version."""
    from anju.workflow.selectors import template_graph

    nodes, transitions = template_graph(template)
    return render_svg(nodes, transitions, start_id=template.start_node_id, title=str(template))


def instance_svg(instance: Any) -> SafeString:
    """The diagram of an instance's template with its path and current node highlighted."""
    from anju.workflow.choices import NodeInstanceState
    from anju.workflow.selectors import template_graph

    nodes, transitions = template_graph(instance.template)
    highlight = Highlight()
    for node_instance in instance.node_instances.all():
        if node_instance.state == NodeInstanceState.ACTIVE:
            highlight.current.add(node_instance.node_id)
        else:
            highlight.visited.add(node_instance.node_id)
        if node_instance.via_transition_id:
            highlight.taken.add(node_instance.via_transition_id)
    highlight.visited -= highlight.current
    return render_svg(nodes, transitions, start_id=instance.template.start_node_id, highlight=highlight, title=str(instance))
