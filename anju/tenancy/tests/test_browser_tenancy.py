"""In a real Chromium: record a payment for a household and see the arrears list change."""

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


def login(page, live_server, user):
    """Log in through the real form."""
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PERSONA_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state("load")


def test_payment_changes_the_arrears_list(page, live_server, district_officer):
    # given: two households owing two months each
    from anju.tenancy.services import rent_run
    from anju.tenancy.tests.factories import building_make, tenancy_make

    building = building_make()
    paying = tenancy_make(building=building, rent="300.00")
    tenancy_make(building=building, rent="200.00")
    rent_run(period="2026-01", acting_user=None)
    rent_run(period="2026-02", acting_user=None)
    login(page, live_server, district_officer)
    page.goto(f"{live_server.url}/tenancy/arrears/")
    assert page.get_by_test_id("arrears-row").count() == 2
    assert "共 2 户，欠缴 1000.00 元" in page.get_by_test_id("total-count").inner_text()
    # when: the clerk collects the full 600 from the first household
    page.get_by_role("link", name=paying.register_entry.number).click()
    page.get_by_test_id("collect").click()
    page.fill("input[name=amount]", "600")
    page.select_option("select[name=method]", "bank")
    page.get_by_role("button", name="确认收款").click()
    page.wait_for_load_state("load")
    assert page.get_by_test_id("owed").inner_text().startswith("0.00")
    # then
    page.goto(f"{live_server.url}/tenancy/arrears/")
    assert page.get_by_test_id("arrears-row").count() == 1
    assert "共 1 户，欠缴 400.00 元" in page.get_by_test_id("total-count").inner_text()
    assert paying.register_entry.number not in page.get_by_test_id("arrears-table").inner_text()
