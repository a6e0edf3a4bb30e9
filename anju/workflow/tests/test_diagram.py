"""The SVG diagram: layered layout, back edges, highlights, no inline style or script."""

import pytest

from anju.workflow.diagram import instance_svg, layout, template_svg
from anju.workflow.selectors import template_graph
from anju.workflow.services import instance_start, task_complete

pytestmark = pytest.mark.django_db


def test_admission_layout_puts_nodes_left_to_right(admission_template):
    nodes, transitions = template_graph(admission_template)
    position = layout(nodes, transitions, admission_template.start_node_id)
    column = {n.code: position[n.pk][0] for n in nodes}
    assert column["start"] < column["accept"] < column["street_review"] < column["county_review"] < column["publicity"]
    assert column["publicity"] < column["approval"] < column["register"] < column["end_approved"]


def test_template_svg_is_safe_markup(admission_template):
    svg = str(template_svg(admission_template))
    assert svg.startswith("<svg") and "style=" not in svg and "<script" not in svg
    assert svg.count('class="wf-node') == 10 and svg.count('class="wf-edge') == 12
    assert "退回申请人补正" in svg


def test_instance_svg_highlights_path_and_current(linear_template, record, community_clerk):
    instance = instance_start(template="linear", business_object=record, acting_user=community_clerk)
    task_complete(task=instance.tasks.get(), acting_user=community_clerk)
    svg = str(instance_svg(instance))
    assert 'class="wf-node wf-node--task wf-node--current" data-node="review"' in svg
    assert 'class="wf-node wf-node--task wf-node--visited" data-node="accept"' in svg
    assert svg.count("wf-edge--taken") == 2
