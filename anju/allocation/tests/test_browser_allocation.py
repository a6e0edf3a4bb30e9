"""In a real Chromium: the supply and demand page draws its ECharts charts under the CSP; a plan is published.

The browser fixtures follow tests/browser/conftest.py (Debian's Chromium, console/CSP errors recorded).
"""

import pytest

from conftest import PERSONA_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, headless, without the sandbox a container lacks."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"],
    }  # fmt: skip


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """Chinese locale, a desk-sized screen."""
    return {**browser_context_args, "locale": "zh-CN", "viewport": {"width": 1366, "height": 900}}


@pytest.fixture
def problems(page, live_server):
    """Console errors (CSP refusals included), page errors and failed requests of our own assets."""
    found: list[str] = []
    page.on("console", lambda msg: found.append(f"console: {msg.text}") if msg.type == "error" else None)
    page.on("pageerror", lambda exc: found.append(f"pageerror: {exc}"))

    def on_response(response):
        if (
            response.url.startswith(live_server.url)
            and response.status >= 400
            and response.request.resource_type != "document"
        ):
            found.append(f"{response.status} {response.url}")

    page.on("response", on_response)
    return found


def login(page, live_server, user):
    """Log in through the real form."""
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PERSONA_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state("load")


def test_monitoring_charts_and_publishing_a_plan(page, live_server, district_officer, program, problems):
    # given: waiting households, allocatable units and a draft plan holding some of them
    from anju.allocation.services import plans
    from anju.allocation.tests.factories import allocatable_units_for, register_entry_for

    entries = [register_entry_for(size=size) for size in (1, 2, 2, 3)]
    _handover, units = allocatable_units_for(count=3)
    plan = plans.plan_create(region_code="341602000000", program=program, mode="12", name="浏览器测试方案",
                             period_type="quarter", period="2026-Q4", acting_user=district_officer)  # fmt: skip
    plans.plan_households_add(plan=plan, entries=entries[:2], acting_user=district_officer)
    plans.plan_units_add(plan=plan, units=units[:2], acting_user=district_officer)
    login(page, live_server, district_officer)

    # when: the officer opens 供需监测
    page.goto(f"{live_server.url}/allocation/")

    # then: ECharts drew the gap chart (a canvas inside it) and the numbers show
    page.wait_for_selector(".alloc-chart[data-chart=gap][data-drawn='1'] canvas")
    assert page.get_by_test_id("demand-housing").inner_text() == "4"
    assert page.get_by_test_id("supply-units").inner_text() == "3"

    # when: the officer opens the plan and publishes it (accepting the confirmation)
    page.goto(f"{live_server.url}/allocation/plans/{plan.pk}/")
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="发布").click()
    page.wait_for_load_state("load")

    # then
    assert "方案已发布" in page.content()
    plan.refresh_from_db()
    assert plan.status == "published"
    assert not problems, problems
