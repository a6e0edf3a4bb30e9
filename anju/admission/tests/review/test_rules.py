"""The rules evaluator runs when the application enters a review node; its explanation is shown."""

import pytest

from anju.admission.services.process import rule_check_latest, rule_check_latest_map
from anju.admission.services.review import review_decide


@pytest.fixture
def bozhou_rules(dictionaries, demo_regions):
    """The demo rule sets of 亳州市 (rules app)."""
    from anju.rules.demo import rules_demo_load

    rules_demo_load()


def test_entering_street_review_records_a_decision(bozhou_rules, submitted, community_clerk):
    # when the clerk accepts (the application enters 初审)
    review_decide(application=submitted, decision="approve", opinion="", acting_user=community_clerk)
    # then an eligibility decision was recorded with a per-condition explanation
    result = rule_check_latest(submitted)
    assert result["available"] and result["ok"] and result["decision"] in ("符合保障条件", "不符合保障条件")
    assert len(result["items"]) > 1 and all(item["text"] for item in result["items"])
    assert rule_check_latest_map([submitted.pk])[submitted.pk]["eligible"] == result["eligible"]


def test_without_rules_the_process_continues(submitted, community_clerk):
    # given no rule set is configured
    # when the clerk accepts
    application = review_decide(application=submitted, decision="approve", opinion="", acting_user=community_clerk)
    # then the process moved on and there is no recorded decision
    assert application.status == "street_review"
    assert rule_check_latest(application) is None
