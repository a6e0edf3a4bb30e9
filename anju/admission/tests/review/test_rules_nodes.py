"""The eligibility rules run again on entering 审核（区县） and 审批, and the reviewer sees the decision."""

import pytest
from django.urls import reverse

from anju.admission.choices import ApplicationStatus
from anju.admission.models import Application
from anju.admission.services.process import RULE_CHECK_NODES, open_task, rule_check_latest
from anju.admission.services.review import review_decide
from anju.workflow.services import task_complete


@pytest.fixture
def bozhou_rules(dictionaries, demo_regions):
    """The demo rule sets of 亳州市 (rules app)."""
    from anju.rules.demo import rules_demo_load

    rules_demo_load()


def decisions(application):
    return list(application.eligibility_decisions.order_by("id").values_list("id", flat=True))


def assert_new_decision_shown(client, application, before, reviewer):
    """One more decision was recorded on entering the node, and the review page shows it to the reviewer."""
    after = decisions(application)
    assert len(after) == len(before) + 1
    result = rule_check_latest(application)
    assert result["available"] and result["ok"] and result["decision"] in ("符合保障条件", "不符合保障条件")
    assert len(result["items"]) > 1 and all(item["text"] for item in result["items"])
    client.force_login(reviewer)
    page = client.get(reverse("admission:application_review", args=[application.pk])).content.decode()
    assert 'data-testid="rule-decision"' in page and result["decision"] in page
    assert "尚无规则审查结果" not in page
    assert all(item["text"] in page for item in result["items"])


def test_the_three_review_nodes_are_rule_check_nodes():
    assert {"street_review", "county_review", "approval"} == RULE_CHECK_NODES


def test_entering_county_review_records_a_decision(
    bozhou_rules, submitted, community_clerk, street_reviewer, district_officer, client
):
    # given the application at 初审 (one decision recorded on entering it)
    review_decide(application=submitted, decision="approve", opinion="", acting_user=community_clerk)
    before = decisions(submitted)
    assert len(before) == 1
    # when the street reviewer approves (the application enters 审核（区县）)
    application = review_decide(
        application=submitted, decision="approve", opinion="初审通过", acting_user=street_reviewer
    )
    assert application.status == ApplicationStatus.COUNTY_REVIEW
    # then a new decision was recorded and the county reviewer sees it
    assert_new_decision_shown(client, application, before, district_officer)


def test_entering_approval_records_a_decision(
    bozhou_rules, submitted, community_clerk, street_reviewer, district_officer, client
):
    # given the application through 初审, 审核 and 公示
    review_decide(application=submitted, decision="approve", opinion="", acting_user=community_clerk)
    review_decide(application=submitted, decision="approve", opinion="初审通过", acting_user=street_reviewer)
    review_decide(application=submitted, decision="approve", opinion="同意", acting_user=district_officer)
    before = decisions(submitted)
    assert len(before) == 2
    # when 公示 ends (the application enters 审批)
    task_complete(task=open_task(submitted), acting_user=district_officer, opinion="同意", decision="approve")
    application = Application.objects.get(pk=submitted.pk)
    assert application.status == ApplicationStatus.APPROVAL
    # then a new decision was recorded and the approver sees it
    assert_new_decision_shown(client, application, before, district_officer)
