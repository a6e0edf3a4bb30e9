"""In a real Chromium, the distribution flow end to end: from a published allocation plan to a signed lease.

A district officer creates a lottery round from the plan, publishes the list and the seed
commitment, draws, checks the public verification page, records a household's choice on the
selection board, creates the lease contract from that selection, signs it, sees the signature
verified on the contract page and downloads the PDF. The browser fixtures follow
tests/browser/conftest.py (Debian's Chromium, console/CSP errors recorded).
"""

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.utils import timezone

from anju.distribution.tests.factories_contracts import (
    SIGNER_ID,
    _signing_ca_dir,  # noqa: F401 - fixture
    signing_test_ca,  # noqa: F401 - fixture
)
from conftest import PERSONA_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("signing_test_ca")]

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


@pytest.fixture
def program(demo_regions):
    """The 亳州市 demo rules; the program of the first ordering scheme."""
    from anju.admission.dictionaries import admission_dictionaries_ensure
    from anju.core.services.dictionaries import dictionary_load_seed
    from anju.rules.demo import rules_demo_load
    from anju.rules.models import OrderingScheme

    dictionary_load_seed()
    admission_dictionaries_ensure()
    rules_demo_load()
    return (
        OrderingScheme.objects.select_related("version__rule_set__mode__program").first().version.rule_set.mode.program
    )


@pytest.fixture
def plan(program):
    """A published plan of 2 households and 2 units in 谯城区."""
    from anju.distribution.tests.factories import allocatable_units, households, published_plan

    entries = households(
        [
            {"members": [{"hukou_years": 5, "annual_income": 24000}], "applied_days_ago": 200},
            {"members": [{}, {}], "applied_days_ago": 100},
        ]
    )
    return published_plan(program=program, entries=entries, units=allocatable_units(2))


def login(page, live_server, user):
    """Log in through the real form."""
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PERSONA_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state("load")


def submit(page, label):
    """Click a form's submit button and wait for the next page."""
    page.get_by_role("button", name=label).click()
    page.wait_for_load_state("load")


def test_plan_to_signed_contract(page, live_server, district_officer, plan, problems):
    from anju.allocation.choices import AllocationState
    from anju.allocation.models import PlanHousehold
    from anju.core.crypto import get_provider
    from anju.core.signing import verify_pdf
    from anju.distribution.models import AllocationRound, Contract, Lottery, Selection

    page.on("dialog", lambda dialog: dialog.accept())  # the confirmations of the post buttons
    login(page, live_server, district_officer)

    # when: the officer creates a lottery round from the published plan
    page.goto(f"{live_server.url}/distribution/rounds/new/")
    page.select_option("select[name=plan]", str(plan.pk))
    page.select_option("select[name=method]", "lottery")
    page.fill("input[name=name]", "浏览器测试摇号批次")
    submit(page, "创建")
    page.get_by_text("已创建").first.wait_for()
    round_ = AllocationRound.objects.get(plan=plan)
    assert page.url.endswith(round_.get_absolute_url())

    # and publishes the list and the seed commitment
    page.get_by_role("link", name="公布摇号名单和种子承诺").click()
    page.wait_for_load_state("load")
    submit(page, "公布")
    commitment = page.get_by_test_id("seed-commitment")
    commitment.wait_for()
    lottery = Lottery.objects.get(round=round_)
    assert commitment.inner_text().strip() == lottery.seed_commitment
    assert "摇号后公开" in page.get_by_test_id("seed").inner_text()

    # and draws
    page.get_by_role("link", name="摇号", exact=True).click()
    page.wait_for_load_state("load")
    submit(page, "摇号并公开种子")
    verdict = page.get_by_test_id("lottery-verdict")
    verdict.wait_for()
    assert "核验通过" in verdict.inner_text()
    lottery.refresh_from_db()
    assert lottery.seed and lottery.seed in page.get_by_test_id("seed").inner_text()

    # then: the public verification page (no staff shell needed) recomputes and says OK
    public_url = page.get_by_role("link", name="公开核验页面").get_attribute("href")
    page.goto(f"{live_server.url}{public_url}")
    public_verdict = page.get_by_test_id("public-verdict")
    public_verdict.wait_for()
    assert "核验通过" in public_verdict.inner_text()
    assert lottery.seed in page.content()

    # when: selection opens (the first window starts now) and the first household chooses a unit
    page.goto(f"{live_server.url}{round_.get_absolute_url()}")
    page.get_by_role("link", name="开始选房").click()
    page.wait_for_load_state("load")
    starts = timezone.localtime() - dt.timedelta(minutes=2)
    page.fill("input[name=starts_at]", starts.strftime("%Y-%m-%dT%H:%M"))
    submit(page, "开始选房")
    page.get_by_test_id("selection-board").wait_for()
    first = Selection.objects.filter(round=round_).order_by("order").first()
    page.get_by_test_id("selection-row").first.get_by_role("link", name="选房", exact=True).click()
    page.wait_for_load_state("load")
    page.select_option("select[name=unit]", index=1)
    submit(page, "确认选房")
    page.get_by_text(f"第 {first.order} 号家庭已选定住房").first.wait_for()
    first.refresh_from_db()
    assert first.status == "chosen" and first.unit is not None
    held = page.get_by_test_id("board-unit").filter(has_text="已选房")
    assert held.count() == 1

    # when: the lease contract is created from the selection
    page.goto(f"{live_server.url}/distribution/contracts/selections/")
    page.get_by_role("link", name=first.register_entry.number).click()
    page.wait_for_load_state("load")
    page.fill("input[name=signer_id_number]", SIGNER_ID)
    page.fill("input[name=monthly_rent]", "390.00")
    page.fill("input[name=deposit]", "780.00")
    submit(page, "生成合同")
    page.get_by_text("请核对后签约").first.wait_for()
    contract = Contract.objects.get(selection=first)
    assert page.url.endswith(contract.get_absolute_url())

    # and signed (the confirmation is accepted)
    page.get_by_role("button", name="签约（生成并签章）").click()
    page.get_by_text("电子签名有效，文件自签章后未被改动。").first.wait_for()
    contract.refresh_from_db()
    assert contract.status == "signed" and contract.signed_pdf_digest
    assert SIGNER_ID not in page.content()

    # then: the plan records the household 已配置
    household = PlanHousehold.objects.get(plan=plan, register_entry=first.register_entry)
    assert household.state == AllocationState.ALLOCATED

    # and the PDF downloads (with the officer's session) and its signature verifies
    href = page.get_by_role("link", name="下载合同 PDF").get_attribute("href")
    response = page.request.get(f"{live_server.url}{href}")
    assert response.ok and response.headers["content-type"] == "application/pdf"
    body = response.body()
    assert body.startswith(b"%PDF") and get_provider().sm3_hex(body) == contract.signed_pdf_digest
    # pyHanko runs its own event loop: verify outside this thread, where Playwright's loop is running
    with ThreadPoolExecutor(max_workers=1) as pool:
        assert pool.submit(verify_pdf, body).result().valid
    assert not problems, problems
