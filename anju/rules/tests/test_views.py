"""Staff pages of 保障规则: lists, version page, tree edits, 试算, 影响评估, exchange record."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from anju.audit.models import AuditEvent
from anju.core.models import JobProgress
from anju.rules.models import Condition, RuleExchangeRecord, RuleSetVersion
from anju.rules.tests.factories import household

pytestmark = pytest.mark.django_db


def login(client, user):
    """Signed-in client."""
    client.force_login(user)
    return client


@pytest.mark.parametrize("name", ["rules:index", "rules:program_list", "rules:mode_list", "rules:parameter_list",
                                  "rules:exchange_list"])
def test_lists_render_for_readers(client, bozhou_rules, district_officer, name):
    """District officers read the city's rules."""
    response = login(client, district_officer).get(reverse(name))
    assert response.status_code == 200
    assert "保障" in response.content.decode() or "参数" in response.content.decode()


def test_version_list_shows_the_three_programs(client, bozhou_rules, city_officer):
    """The index lists every version with its program."""
    body = login(client, city_officer).get(reverse("rules:index")).content.decode()
    for name in ("城镇中等偏下收入", "新就业无房职工", "外来务工人员"):
        assert name in body


def test_applicant_cannot_read_rules_pages(client, bozhou_rules, applicant):
    """Non-staff users get 403."""
    assert login(client, applicant).get(reverse("rules:index")).status_code == 403


def test_version_page_shows_tree_and_no_edit_links_when_enabled(client, bozhou_rules, city_officer):
    """An enabled version shows its tree read-only, with 生成模板."""
    version = bozhou_rules["BZ-P01"].enabled_version
    body = login(client, city_officer).get(version.get_absolute_url()).content.decode()
    assert 'data-testid="condition-L02-1"' in body
    assert "生成模板" in body
    assert reverse("rules:condition_add", args=[version.pk]) not in body


def test_copy_then_edit_the_tree_through_the_forms(client, bozhou_rules, city_officer):
    """生成模板 → add a child under a group → edit it → remove it, every write audited."""
    # given
    client = login(client, city_officer)
    enabled = bozhou_rules["BZ-P01"].enabled_version
    response = client.post(reverse("rules:version_action", args=[enabled.pk, "copy"]))
    draft = RuleSetVersion.objects.get(rule_set=enabled.rule_set, status="draft")
    assert response.url == draft.get_absolute_url()
    group = draft.conditions.get(code="L03")
    # when: an invalid node keeps the input and shows a Chinese error
    add_url = reverse("rules:condition_add", args=[draft.pk]) + f"?parent={group.pk}"
    bad = client.post(add_url, {"kind": "quantitative", "name": "家庭人口", "factor": "household_size",
                                 "sequence": 9, "is_enabled": "on", "parent": group.pk})
    assert bad.status_code == 200
    assert "定量条件至少需要起始值或终止值之一。" in bad.content.decode()
    assert 'value="家庭人口"' in bad.content.decode()
    ok = client.post(add_url, {"kind": "quantitative", "name": "家庭人口不少于5人", "factor": "household_size",
                               "start_relation": "ge", "start_value": "5", "sequence": 9, "is_enabled": "on",
                               "parent": group.pk})
    # then
    assert ok.status_code == 302
    added = draft.conditions.get(name="家庭人口不少于5人")
    assert added.parent == group and added.start_value == Decimal(5)
    edit = client.post(reverse("rules:condition_edit", args=[added.pk]), {
        "kind": "quantitative", "code": added.code, "name": "家庭人口不少于6人", "factor": "household_size",
        "start_relation": "ge", "start_value": "6", "sequence": 9, "is_enabled": "on"})
    assert edit.status_code == 302
    added.refresh_from_db()
    assert added.start_value == Decimal(6) and added.parent == group
    client.post(reverse("rules:condition_remove", args=[added.pk]))
    assert not Condition.objects.filter(pk=added.pk).exists()
    kinds = list(AuditEvent.objects.filter(detail__kind="condition").values_list("action", flat=True))
    assert sorted(kinds) == ["RECORD_CREATED", "RECORD_DELETED", "RECORD_UPDATED"]


def test_district_officer_cannot_open_condition_forms(client, bozhou_rules, city_officer, district_officer):
    """Editing is the city's."""
    from anju.rules.services.rulesets import version_copy

    draft = version_copy(version=bozhou_rules["BZ-P01"].enabled_version, acting_user=city_officer)
    response = login(client, district_officer).get(reverse("rules:condition_add", args=[draft.pk]))
    assert response.status_code == 403


def test_try_with_typed_facts(client, bozhou_rules, city_officer):
    """试算 shows the verdict and the per-condition table."""
    version = bozhou_rules["BZ-P01"].enabled_version
    response = login(client, city_officer).get(reverse("rules:version_try", args=[version.pk]), {
        "income_per_capita": "30000", "floor_area_per_capita": "10", "owned_home_count": "0", "assets_total": "0",
        "vehicle_value": "0", "credit_status": "none", "members": "张三,30,5,20,17,否,否",
    })
    body = response.content.decode()
    assert "判定结论：符合保障条件" in body
    assert "33,200" in body


@pytest.mark.parametrize(("line", "verdict"), [
    ("李四,26,0,20,17,否,否,2,12", "判定结论：符合保障条件"),
    ("李四,26,0,20,17,否,否,5,12", "判定结论：不符合保障条件"),  # graduated 5 years ago
    ("李四,26,0,20,17,否,否,2,5", "判定结论：不符合保障条件"),  # 5 months of social insurance
    ("李四,26,0,20,17,否,否", "判定结论：不符合保障条件"),  # neither given
])
def test_try_graduate_program_with_graduation_and_insurance(client, bozhou_rules, city_officer, line, verdict):
    """试算 of 新就业无房职工 reads 毕业年限 and 社保月数 from the member lines."""
    version = bozhou_rules["BZ-P02"].enabled_version
    response = login(client, city_officer).get(reverse("rules:version_try", args=[version.pk]), {
        "income_per_capita": "30000", "owned_home_count": "0", "credit_status": "none", "members": line,
    })
    body = response.content.decode()
    assert verdict in body
    assert "有成员毕业未满5年" in body and "连续缴纳社会保险满6个月" in body


def test_try_with_an_application_number(client, bozhou_rules, city_officer):
    """试算 by 申请编号 uses that household's facts."""
    application = household(members=[{"hukou_years": 0, "annual_income": 20000}])
    version = bozhou_rules["BZ-P01"].enabled_version
    response = login(client, city_officer).get(reverse("rules:version_try", args=[version.pk]),
                                               {"application_number": application.number, "credit_status": "none"})
    body = response.content.decode()
    assert "判定结论：不符合保障条件" in body
    assert "满足的成员 0 人" in body


def test_whatif_counts_admitted_and_dropped(client, bozhou_rules, city_officer):
    """A draft that lowers the income line drops the household between the two lines."""
    from anju.rules.services.rulesets import condition_update, version_copy

    # given: one household at 30,000 (dropped by a 25,000 line), one at 20,000 (kept), one draft (ignored)
    household(members=[{"hukou_years": 5, "annual_income": 30000}])
    household(members=[{"hukou_years": 5, "annual_income": 20000}])
    household(members=[{"hukou_years": 5, "annual_income": 30000}], status="draft")
    draft = version_copy(version=bozhou_rules["BZ-P01"].enabled_version, acting_user=city_officer)
    condition_update(condition=draft.conditions.get(code="L02-2"), acting_user=city_officer,
                     end_value=Decimal(25000), end_parameter="")
    # when the officer opens 影响评估 and starts it
    client = login(client, city_officer)
    assert "开始评估" in client.get(reverse("rules:version_whatif", args=[draft.pk])).content.decode()
    response = client.post(reverse("rules:version_whatif", args=[draft.pk]))
    job = JobProgress.objects.get(kind="rules_whatif")
    assert response.status_code == 302 and response.url == reverse("rules:whatif_job", args=[draft.pk, job.pk])
    # then the job ran in the background (immediately in tests) with progress, and the page shows the counts
    assert job.status == "succeeded" and job.done == job.total == 2
    body = client.get(response.url).content.decode()
    assert re.search(r'data-testid="whatif-total">2<', body)
    assert re.search(r'data-testid="whatif-dropped">1<', body)
    assert re.search(r'data-testid="whatif-admitted">0<', body)
    assert 'hx-trigger="every 2s"' not in body  # finished: no more polling
    fragment = client.get(reverse("rules:whatif_job_progress", args=[draft.pk, job.pk])).content.decode()
    assert "已完成" in fragment and "100%" in fragment


def test_whatif_job_progress_polls_while_running(client, bozhou_rules, city_officer, district_officer):
    """A queued job's page polls; another user's job is 404; a job of another kind is 404."""
    from anju.core.services.jobs import job_create
    from anju.rules.services.rulesets import version_copy

    draft = version_copy(version=bozhou_rules["BZ-P01"].enabled_version, acting_user=city_officer)
    job = job_create(kind="rules_whatif", title="影响评估", total=10, acting_user=city_officer)
    body = login(client, city_officer).get(reverse("rules:whatif_job", args=[draft.pk, job.pk])).content.decode()
    assert 'hx-trigger="every 2s"' in body and "排队中" in body
    other = job_create(kind="housing_import", title="导入", total=1, acting_user=city_officer)
    assert client.get(reverse("rules:whatif_job", args=[draft.pk, other.pk])).status_code == 404
    client.logout()
    assert login(client, district_officer).get(reverse("rules:whatif_job", args=[draft.pk, job.pk])).status_code == 404


def test_whatif_chunks_agree_with_one_pass(bozhou_rules, city_officer):
    """Chunked comparison (with progress) gives the same counts as a single chunk."""
    from anju.rules.services.rulesets import condition_update, version_copy
    from anju.rules.services.whatif import whatif_compare

    for income in (10000, 20000, 26000, 30000, 32000, 40000, 50000):
        household(members=[{"hukou_years": 5, "annual_income": income}])
    draft = version_copy(version=bozhou_rules["BZ-P01"].enabled_version, acting_user=city_officer)
    condition_update(condition=draft.conditions.get(code="L02-2"), acting_user=city_officer,
                     end_value=Decimal(25000), end_parameter="")
    steps = []
    chunked = whatif_compare(version=draft, user=city_officer, chunk_size=2, progress=steps.append)
    whole = whatif_compare(version=draft, user=city_officer)
    assert steps == [2, 2, 2, 1]
    assert {k: chunked[k] for k in ("total", "admitted", "dropped", "eligible_before", "eligible_after")} == {
        "total": 7, "admitted": 0, "dropped": 3, "eligible_before": 5, "eligible_after": 2}
    assert {k: whole[k] for k in ("total", "dropped")} == {"total": 7, "dropped": 3}


def test_enable_and_exchange_from_the_page(client, bozhou_rules, city_officer):
    """启用 a draft from a date, then 生成交换信息 from it."""
    from anju.rules.services.rulesets import version_copy

    client = login(client, city_officer)
    draft = version_copy(version=bozhou_rules["BZ-P02"].enabled_version, acting_user=city_officer)
    client.post(reverse("rules:version_action", args=[draft.pk, "enable"]), {"effective_from": "2026-01-01"})
    draft.refresh_from_db()
    assert draft.status == "enabled"
    response = client.post(reverse("rules:version_action", args=[draft.pk, "exchange"]))
    record = RuleExchangeRecord.objects.get(version=draft)
    assert response.url == reverse("rules:exchange_detail", args=[record.pk])
    body = client.get(response.url).content.decode()
    assert "保障规则年度" in body and "新就业无房职工" in body


def test_parameter_set_form(client, bozhou_rules, city_officer):
    """The city officer sets a parameter for a new year."""
    response = login(client, city_officer).post(reverse("rules:parameter_set"), {
        "code": "minimum_living_standard", "name": "城市居民最低生活保障标准", "region_code": "341600000000",
        "year": 2026, "value": "850", "unit": "元/人·月"})
    assert response.status_code == 302
    body = client.get(reverse("rules:parameter_list")).content.decode()
    assert "850" in body


def test_standards_are_added_and_removed_on_drafts(client, bozhou_rules, city_officer):
    """添加保障标准 on a draft; enabled versions show no form link."""
    from anju.rules.models import BenefitStandard
    from anju.rules.services.rulesets import version_copy

    client = login(client, city_officer)
    draft = version_copy(version=bozhou_rules["BZ-P01"].enabled_version, acting_user=city_officer)
    assert reverse("rules:standard_add", args=[draft.pk]) in client.get(draft.get_absolute_url()).content.decode()
    response = client.post(reverse("rules:standard_add", args=[draft.pk]), {
        "code": "BZ-P01-S-A4", "factor": "保障面积", "measure": "平方米", "household_size": 4,
        "standard_value": "70", "applied_value": "70", "is_enabled": "on"})
    assert response.status_code == 302
    added = BenefitStandard.objects.get(version=draft, code="BZ-P01-S-A4")
    client.post(reverse("rules:standard_remove", args=[added.pk]))
    assert not BenefitStandard.objects.filter(pk=added.pk).exists()
    enabled = bozhou_rules["BZ-P01"].enabled_version
    assert reverse("rules:standard_add", args=[enabled.pk]) not in client.get(enabled.get_absolute_url()).content.decode()


def test_support_program_list(client, bozhou_rules, city_officer):
    """支持项目 (A.1.8) are listed."""
    from anju.rules.models import SupportProgram

    SupportProgram.objects.create(code="BZ-S01", name="公共租赁住房建设税费减免", region_code="341600000000",
                                  supplier_type="organisation")
    body = login(client, city_officer).get(reverse("rules:support_program_list")).content.decode()
    assert "公共租赁住房建设税费减免" in body and "单位" in body
