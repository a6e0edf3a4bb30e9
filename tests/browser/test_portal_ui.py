"""The public portal in a real Chromium on a phone-sized screen, without login."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize(
    "path", ["/", "/guide/", "/publicity/", "/publicity/waitlists/", "/publicity/lotteries/", "/publicity/credit/"]
)
def test_portal_fits_a_phone_without_horizontal_scroll(page, live_server, problems, path):
    # given
    page.set_viewport_size(PHONE)
    # when
    response = page.goto(f"{live_server.url}{path}")
    page.wait_for_load_state("networkidle")
    # then
    assert response.status == 200
    assert page.url.rstrip("/").endswith(path.rstrip("/"))  # no login redirect
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"page is {widths[0]}px wide on a {widths[1]}px screen"
    assert page.locator("[data-testid=sidebar]").count() == 0
    assert page.get_by_test_id("staff-login-link").is_visible()
    assert problems.csp_violations == []
    assert not problems.all(), problems.all()


def test_portal_home_lists_services_and_the_menu_opens_on_a_phone(page, live_server, problems):
    # given
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/")
    # when
    services = page.get_by_test_id("service")
    toggler = page.locator(".navbar-toggler")
    toggler.click()
    # then
    from anju.portal.views import PUBLIC_SERVICES

    assert services.count() == len(PUBLIC_SERVICES)
    assert page.locator("[data-service-state=soon]").count() == sum(1 for s in PUBLIC_SERVICES if s.url() is None)
    page.get_by_role("link", name="办事指南").first.wait_for(state="visible")
    page.locator("#portal-nav").get_by_role("link", name="办事指南").click()
    page.wait_for_url(f"{live_server.url}/guide/")
    assert "零证明" in page.inner_text("main")
    assert not problems.all(), problems.all()


def test_not_found_page_is_chinese_and_clean(page, live_server, problems):
    # when
    response = page.goto(f"{live_server.url}/no-such-page/")
    # then
    assert response.status == 404
    assert "页面不存在" in page.inner_text("main")
    assert problems.csp_violations == []
    # the browser logs the 404 document itself as a console error; nothing else may fail
    assert [m for m in problems.console_errors if "404" not in m] == []
    assert problems.page_errors == [] and problems.failed_requests == []
