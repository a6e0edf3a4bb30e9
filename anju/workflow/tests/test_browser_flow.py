"""Playwright: three users move one instance through three nodes via the real pages.

社区经办人 → 街道审核人 → 区县保障科, each logging in through /accounts/login/ in their own
browser context, finding the task in 待办, submitting it with an opinion; the district officer
then sees the instance page with the path highlighted and the full history.
"""

import pytest

from conftest import PERSONA_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(browser, live_server, user, problems):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" and "Content Security Policy" in msg.text else None)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PERSONA_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state("load")
    return context, page


def _handle_first_task(browser, live_server, user, opinion, problems):
    context, page = _login(browser, live_server, user, problems)
    page.goto(f"{live_server.url}/workflow/tasks/")
    table = page.get_by_test_id("list-table")
    table.locator("a").first.click()
    page.wait_for_load_state("load")
    assert page.get_by_test_id("workflow-diagram").is_visible()
    form = page.get_by_test_id("complete-form")
    form.locator("textarea[name=opinion]").fill(opinion)
    page.get_by_test_id("complete-submit").click()
    page.wait_for_load_state("load")
    assert "已提交" in page.content()
    context.close()


def test_three_users_move_instance_through_three_nodes(browser, live_server, linear_template, record, community_clerk, street_reviewer, district_officer):
    # given an instance waiting at 社区受理
    from anju.workflow.services import instance_start

    instance = instance_start(template="linear", business_object=record, acting_user=community_clerk)
    problems: list[str] = []
    # when three users handle their node in turn
    _handle_first_task(browser, live_server, community_clerk, "材料齐全，同意受理", problems)
    _handle_first_task(browser, live_server, street_reviewer, "初审通过", problems)
    _handle_first_task(browser, live_server, district_officer, "审核同意", problems)
    # then the instance is finished, and its page shows the path and the history
    instance.refresh_from_db()
    assert instance.state == "completed" and instance.outcome == "approved"
    context, page = _login(browser, live_server, district_officer, problems)
    page.goto(f"{live_server.url}{instance.get_absolute_url()}")
    assert page.get_by_test_id("instance-state").inner_text().startswith("已办结")
    history = page.get_by_test_id("workflow-history").inner_text()
    for name, opinion in (("王社区", "材料齐全，同意受理"), ("李街道", "初审通过"), ("张区县", "审核同意")):
        assert name in history and opinion in history
    assert page.locator("g.wf-node--visited[data-node='review']").count() == 1
    assert page.locator("g.wf-edge--taken").count() == 4
    context.close()
    assert problems == []
