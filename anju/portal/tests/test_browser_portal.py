"""In a real Chromium on a phone (390×844): register with a text-message code, apply online, submit;
then the staff side (driven through the admission services) registers the household and the applicant
downloads the registration notice. Accessibility basics are checked on every page on the way.

The browser fixtures follow tests/browser/conftest.py (Debian's Chromium, console/CSP errors recorded).
"""

from __future__ import annotations

import pytest

from anju.portal.tests.conftest import APPLICANT_PASSWORD, ZHANG_ID, last_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = "/usr/bin/chromium"
PHONE = {"width": 390, "height": 844}

# Visible form controls without an accessible name (label, aria-label or aria-labelledby).
UNLABELLED_JS = """() => Array.from(document.querySelectorAll('main input, main select, main textarea'))
  .filter(el => el.type !== 'hidden' && el.offsetParent !== null)
  .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
  .map(el => el.name || el.id)"""


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
    """Chinese locale, a phone-sized screen with touch, downloads allowed."""
    return {**browser_context_args, "locale": "zh-CN", "viewport": PHONE, "has_touch": True, "accept_downloads": True}


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


def page_ok(page) -> None:
    """No horizontal scroll on the phone, every visible control labelled."""
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"{page.url}: {widths[0]}px wide on a {widths[1]}px screen"
    assert page.evaluate(UNLABELLED_JS) == [], page.url


def test_register_apply_submit_and_read_the_registration_notice(
    page, live_server, problems, portal_ready, sms_outbox, community_clerk, street_reviewer, district_officer
):
    base = live_server.url
    # -- registration with mobile + code ------------------------------------------------------
    page.goto(f"{base}/apply/")
    page_ok(page)
    page.get_by_test_id("apply-register").click()
    page.get_by_label("手机号码").fill("13800000001")
    page.get_by_test_id("send-code").click()
    page.wait_for_load_state("load")
    assert "验证码已发送" in page.inner_text("main")
    page_ok(page)
    page.get_by_label("短信验证码").fill(last_code(sms_outbox))
    page.get_by_label("姓名").fill("张明")
    page.get_by_label("设置密码").fill(APPLICANT_PASSWORD)
    page.get_by_label("再次输入密码").fill(APPLICANT_PASSWORD)
    page.get_by_label("再次输入密码").press("Enter")  # Enter registers (the default button), it does not resend a code
    # -- step 1, by keyboard: the applicant's name and ID; partner data fills the rest --------
    page.wait_for_url(f"{base}/apply/household/")
    page_ok(page)
    page.get_by_label("申请人姓名").fill("张明")
    page.get_by_label("证件号码").focus()
    page.keyboard.type(ZHANG_ID)
    page.keyboard.press("Enter")  # submits the form like the 保存 button
    page.wait_for_url(f"{base}/apply/members/")
    assert "刘芳" in page.inner_text("[data-testid=part-rows]")
    page_ok(page)
    # -- steps 2–4: nothing to add --------------------------------------------------------------
    for following in ("housing", "assets", "materials"):
        page.get_by_test_id("next-step").click()
        page.wait_for_url(f"{base}/apply/{following}/")
        page_ok(page)
    # -- step 5: the proofs replaced by partner data are not asked for -------------------------
    assert page.locator("[data-state=waived]").count() == 5
    page.get_by_test_id("next-step").click()
    # -- step 6: the explained pre-check, then submit -------------------------------------------
    page.wait_for_url(f"{base}/apply/check/")
    page_ok(page)
    assert "预审结果" in page.inner_text("[data-testid=precheck]")
    assert page.locator("[data-testid=precheck-item]").count() > 3
    page.get_by_test_id("submit-application").click()
    page.wait_for_url(f"{base}/my/*/")
    assert page.get_by_test_id("case-status").inner_text() == "受理中"
    page_ok(page)

    # -- the staff side: 受理 → 初审 → 审核 → 公示 → 审批 → 准予登记 (with the notice PDF) ------
    from anju.admission.services.plans import plan_create
    from anju.admission.services.registration import application_register
    from anju.admission.tests.process.helpers import advance
    from anju.portal.models import OnlineApplication

    application = OnlineApplication.objects.get().application
    application = advance(
        application, to="register", clerk=community_clerk, street=street_reviewer, district=district_officer
    )
    plan_create(application=application, security_mode="12", acting_user=district_officer)
    application_register(application=application, acting_user=district_officer)

    # -- the applicant sees the outcome and downloads the notice ------------------------------
    page.reload()
    assert page.get_by_test_id("case-status").inner_text() == "准予登记"
    assert page.locator("[data-testid=history-step]").count() >= 6
    with page.expect_download() as download_info:
        page.get_by_test_id("notice-link").first.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as handle:
        assert handle.read(4) == b"%PDF"
    assert not problems, problems


def test_skip_link_and_menu_work_by_keyboard(page, live_server, problems, demo_regions):
    # given
    page.goto(f"{live_server.url}/policies/")
    # when: the first Tab reaches the skip link
    page.keyboard.press("Tab")
    # then
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "跳到正文"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    # the collapsed menu opens from the keyboard
    page.locator(".navbar-toggler").focus()
    page.keyboard.press("Enter")
    page.locator("#portal-nav").get_by_role("link", name="公示").wait_for(state="visible")
    # inline check: a wrong number is explained under the field as soon as it changes
    page.goto(f"{live_server.url}/account/register/")
    page.get_by_label("手机号码").fill("12345")
    page.keyboard.press("Tab")
    page.get_by_text("手机号码应为11位数字。").wait_for(state="visible")
    assert page.get_by_label("手机号码").get_attribute("aria-invalid") == "true"
    for path in ("/policies/", "/publicity/", "/listings/", "/map/", "/account/login/", "/account/register/"):
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        page_ok(page)
    assert not problems, problems
