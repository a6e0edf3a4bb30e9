"""In a real Chromium: an officer lists a person as 严重失信 through the form, then revokes the record.

The browser fixtures follow anju/housing/tests/test_browser_housing.py (Debian's Chromium,
console/CSP errors recorded).
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
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


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


def test_list_a_person_then_revoke(page, live_server, district_officer, dictionaries, problems):
    from anju.supervision.models import CreditRecord
    from anju.supervision.tests.factories import PERSON_ID

    login(page, live_server, district_officer)

    # when: the officer opens 监督管理 and lists a person as 严重失信
    page.goto(f"{live_server.url}/supervision/")
    assert page.url.endswith("/supervision/credit/")
    page.get_by_role("link", name="列入信用记录").click()
    page.wait_for_load_state("load")
    page.fill("input[name=id_number]", PERSON_ID)
    page.fill("input[name=subject_name]", "张大山")
    page.select_option("select[name=region]", "341602001001")
    page.select_option("select[name=level]", "3")
    page.select_option("select[name=ground]", "false_information")
    page.fill("textarea[name=fact]", "隐瞒家庭收入骗取公租房资格。")
    page.get_by_role("button", name="保存").click()
    page.wait_for_load_state("load")

    # then: the record's page shows the ban and masks the ID number
    record = CreditRecord.objects.get()
    assert page.url.endswith(f"/supervision/credit/{record.pk}/")
    assert record.number in page.get_by_test_id("detail-title").inner_text()
    fields = page.get_by_test_id("detail-fields").inner_text()
    assert "严重失信（惩戒期内）" in fields and PERSON_ID not in page.content()

    # when: the officer revokes it with a reason
    page.get_by_role("link", name="撤销").click()
    page.wait_for_load_state("load")
    page.get_by_role("button", name="保存").click()  # no reason: refused, stays on the form
    page.wait_for_load_state("load")
    assert page.get_by_test_id("form-error-summary").is_visible()
    page.fill("textarea[name=reason]", "经复核系录入错误。")
    page.get_by_role("button", name="保存").click()
    page.wait_for_load_state("load")

    # then
    assert "严重失信（已撤销）" in page.get_by_test_id("detail-fields").inner_text()
    record.refresh_from_db()
    assert record.state == "revoked" and record.revocation_reason == "经复核系录入错误。"
    assert not problems, problems
