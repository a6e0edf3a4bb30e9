"""Playwright against Debian's Chromium and pytest-django's live server (static files served).

Every browser test records console errors, page errors and CSP violations of its page; a test
fails on any of them unless it says otherwise. On failure a full-page screenshot is written to
test-results/<test name>.png.
"""

import re
from pathlib import Path

import pytest

from conftest import PERSONA_PASSWORD

CHROMIUM = "/usr/bin/chromium"
RESULTS = Path(__file__).resolve().parents[2] / "test-results"


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
    """Chinese locale and the desk size of a clerk's screen; downloads allowed."""
    return {**browser_context_args, "locale": "zh-CN", "viewport": {"width": 1366, "height": 900}, "accept_downloads": True}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the item so fixtures can see whether the test failed."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


class PageProblems:
    """Console errors, uncaught page errors, CSP violations and failed same-origin requests."""

    def __init__(self) -> None:
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.failed_requests: list[str] = []

    @property
    def csp_violations(self) -> list[str]:
        """Console messages in which Chromium reports a Content-Security-Policy refusal."""
        return [m for m in self.console_errors if "Content Security Policy" in m or "Content-Security-Policy" in m]

    def all(self) -> list[str]:
        """Everything that went wrong."""
        return self.console_errors + self.page_errors + self.failed_requests


@pytest.fixture
def problems(page, live_server):
    """Listen to the page: console errors, page errors, 4xx/5xx of our own assets."""
    found = PageProblems()
    page.on("console", lambda msg: found.console_errors.append(f"{msg.type}: {msg.text}") if msg.type == "error" else None)
    page.on("pageerror", lambda exc: found.page_errors.append(str(exc)))

    def on_response(response):
        if response.url.startswith(live_server.url) and response.status >= 400 and response.request.resource_type != "document":
            found.failed_requests.append(f"{response.status} {response.url}")

    page.on("response", on_response)
    # a load the browser itself cancelled (navigation away, e.g. the favicon) is not a failure
    page.on("requestfailed", lambda request: None if "ERR_ABORTED" in (request.failure or "") else found.failed_requests.append(f"failed {request.url}: {request.failure}"))
    return found


@pytest.fixture(autouse=True)
def _screenshot_on_failure(request, page):
    """A full-page screenshot in test-results/ when the test body failed."""
    yield
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        RESULTS.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)[-150:]
        page.screenshot(path=str(RESULTS / f"{name}.png"), full_page=True)


@pytest.fixture
def login(page, live_server):
    """Log a persona in through the real login form; returns after the landing page loaded."""

    def do_login(user, password=PERSONA_PASSWORD):
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("input[name=username]", user.username)
        page.fill("input[name=password]", password)
        page.get_by_role("button", name="登录").click()
        page.wait_for_load_state("load")
        return page

    return do_login
