"""Playwright: an application goes from the clerk's submission to the registration notice.

社区经办人 submits and accepts (review page), 街道审核人 approves in the batch page (rule check column),
区县保障科 assigns an income check to the civil affairs bureau, the 协同部门 user answers it, the officer
records the conclusion, opens the printable report and approves: the application is 公示中. The officer
creates the publicity on the 新建公示 page (the period already run: recorded after the notice board), publishes
and closes it with the page's buttons, approves 审批 on the review page, computes the plan and grants
registration on the registration page: the notice is archived.
"""

import pytest

from anju.admission.tests.factories import application_for
from anju.admission.tests.review.steps import upload_materials
from conftest import PERSONA_PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, headless, without the sandbox a container lacks (as tests/browser)."""
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "headless": True,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    }


@pytest.fixture
def draft_with_materials(community_clerk, settings, tmp_path):
    """Code tables, the shipped process, a draft with its four materials."""
    from io import StringIO

    from django.core.management import call_command

    from anju.admission.dictionaries import admission_dictionaries_ensure
    from anju.core.services.dictionaries import dictionary_load_seed

    settings.MEDIA_ROOT = str(tmp_path / "media")
    dictionary_load_seed()
    admission_dictionaries_ensure()
    call_command("load_processes", stdout=StringIO())
    from anju.rules.demo import rules_demo_load

    rules_demo_load()
    application = application_for(community_clerk)
    upload_materials(application, community_clerk)
    return application


@pytest.fixture
def partner(demo_regions):
    """协同部门 user of 亳州市民政局."""
    from anju.accounts.models import Organisation

    org = Organisation.objects.create(code="341600-MZ", name="亳州市民政局", kind="partner", region_code="341600000000")
    user = make_user("partner_mz", "partner", "341600000000", full_name="吴民政")
    user.organisation = org
    user.save(update_fields=["organisation"])
    return user


def _login(browser, live_server, user, problems):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PERSONA_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state("load")
    return context, page


def test_application_to_registration_notice(browser, live_server, draft_with_materials, community_clerk, street_reviewer, district_officer, partner):
    application = draft_with_materials
    problems: list[str] = []
    base = live_server.url
    # when the clerk submits on the detail page and accepts on the review page
    context, page = _login(browser, live_server, community_clerk, problems)
    page.goto(f"{base}/households/{application.pk}/")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="提交").click()
    page.wait_for_load_state("load")
    assert page.get_by_test_id("process-status").inner_text() == "受理中"
    page.get_by_test_id("review-link").click()
    page.wait_for_load_state("load")
    page.get_by_test_id("decision-form").locator("textarea[name=opinion]").fill("材料齐全，同意受理")
    page.get_by_test_id("decision-submit").click()
    page.wait_for_load_state("load")
    assert page.get_by_test_id("review-status").inner_text() == "初审中"
    context.close()
    # when the street reviewer approves it in the batch page (rule check shown beside it)
    context, page = _login(browser, live_server, street_reviewer, problems)
    page.goto(f"{base}/households/review/?node=street_review")
    row = page.get_by_test_id("batch-row").filter(has_text=application.number)
    assert row.locator("td").nth(6).inner_text().strip() in {"符合", "不符合", "未审查"}
    row.locator("input[type=checkbox]").check()
    page.get_by_test_id("batch-form").locator("textarea[name=opinion]").fill("初审通过")
    page.get_by_test_id("batch-submit").click()
    page.wait_for_load_state("load")
    assert "成功" in page.get_by_test_id("batch-results").inner_text()
    context.close()
    # when the district officer assigns an income check to the civil affairs bureau
    context, page = _login(browser, live_server, district_officer, problems)
    page.goto(f"{base}/households/{application.pk}/review/")
    form = page.get_by_test_id("assign-form")
    form.locator("select[name=kind]").select_option("income")
    form.locator("select[name=assignee_organisation]").select_option(label="亳州市民政局")
    form.locator("textarea[name=request_note]").fill("请核查 2025 年家庭收入")
    form.get_by_role("button", name="指派核查").click()
    page.wait_for_load_state("load")
    assert "已指派核查" in page.content()
    context.close()
    # when the partner answers from the verification requests page
    context, page = _login(browser, live_server, partner, problems)
    page.goto(f"{base}/households/verifications/")
    page.get_by_test_id("list-table").locator("a").first.click()
    page.wait_for_load_state("load")
    answer = page.get_by_test_id("answer-form")
    answer.locator("select[name=result]").select_option("1")
    answer.locator("textarea[name=result_detail]").fill("经核查收入属实")
    page.get_by_test_id("answer-submit").click()
    page.wait_for_load_state("load")
    assert page.get_by_test_id("verification-status").inner_text() == "已反馈"
    context.close()
    # when the officer concludes, opens the report and approves
    context, page = _login(browser, live_server, district_officer, problems)
    page.goto(f"{base}/households/{application.pk}/review/")
    conclude = page.get_by_test_id("conclude-form")
    conclude.locator("select[name=conclusion]").select_option("eligible")
    conclude.locator("textarea[name=opinion]").fill("收入、住房符合条件")
    conclude.get_by_role("button", name="认定核查结论").click()
    page.wait_for_load_state("load")
    page.get_by_test_id("conclusion").locator("a").first.click()
    page.wait_for_load_state("load")
    assert page.get_by_test_id("report-conclusion").inner_text() == "符合准入条件"
    page.goto(f"{base}/households/{application.pk}/review/")
    page.get_by_test_id("decision-form").locator("textarea[name=opinion]").fill("审核同意，予以公示")
    page.get_by_test_id("decision-submit").click()
    page.wait_for_load_state("load")
    assert page.get_by_test_id("review-status").inner_text() == "公示中"
    # the 核查报告 PDF is offered on the application page
    page.goto(f"{base}/households/{application.pk}/")
    assert page.get_by_test_id("report-pdf-link").count() == 1
    # when the officer creates the publicity on its page, publishes it and closes it after its period
    _publicity_through_pages(page, base, application)
    page.goto(f"{base}/households/{application.pk}/review/")
    assert page.get_by_test_id("review-status").inner_text() == "审批中"
    page.get_by_test_id("decision-form").locator("textarea[name=opinion]").fill("复审同意")
    page.get_by_test_id("decision-submit").click()
    page.wait_for_load_state("load")
    assert page.get_by_test_id("review-status").inner_text() == "登记中"
    # when the officer computes the plan and grants registration on the registration page
    page.goto(f"{base}/households/{application.pk}/registration/")
    plan = page.get_by_test_id("plan-create")
    plan.locator("select[name=security_mode]").select_option("12")
    plan.get_by_role("button", name="测算并保存").click()
    page.wait_for_load_state("load")
    page.get_by_test_id("register-approve").get_by_role("button", name="准予登记").click()
    page.wait_for_load_state("load")
    # then registration is granted with an archived notice, and no page had an error or CSP violation
    assert "已准予登记" in page.content() and "通知书已归档" in page.content()
    context.close()
    application.refresh_from_db()
    assert application.status == "registered" and application.register_entry.number.startswith("DJ")
    from anju.archive.models import ArchiveFile

    assert ArchiveFile.objects.filter(application_number=application.number, file_type="08", is_deleted=False).exists()
    assert problems == []


def _publicity_through_pages(page, base, application):
    """新建公示 (list → form), 发布 and 结束公示 with the buttons of the publicity page, like the officer does."""
    from datetime import timedelta

    from django.utils import timezone

    today = timezone.localdate()
    page.goto(f"{base}/households/publicity/")
    page.get_by_role("link", name="新建公示").click()
    page.wait_for_load_state("load")
    page.fill("input[name=title]", "谯城区公共租赁住房申请家庭公示")
    # the notice board ran from 10 to 3 days ago; the officer records it afterwards
    page.fill("input[name=start_date]", (today - timedelta(days=10)).isoformat())
    page.fill("input[name=end_date]", (today - timedelta(days=3)).isoformat())
    page.locator("select[name=channel]").select_option(index=1)
    page.fill("input[name=place]", "白布社区公示栏")
    page.locator(f"input[name=applications][value='{application.pk}']").check()
    page.get_by_role("button", name="保存").click()
    page.wait_for_load_state("load")
    assert "已创建公示" in page.content() and application.number in page.content()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="发布", exact=True).click()
    page.wait_for_load_state("load")
    assert "公示已发布" in page.content()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="结束公示").click()
    page.wait_for_load_state("load")
    assert "公示已结束" in page.content()
