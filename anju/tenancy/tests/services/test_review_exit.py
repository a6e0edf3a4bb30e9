"""年审 (A.8.8) and 退出: the round agrees with the single evaluator; flagged households become review tasks;
each exit ground goes through the exit workflow with decision, notice and deadline."""

import random
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from anju.rules.services.evaluation import evaluate_application
from anju.rules.tests.factories import household
from anju.tenancy.choices import ExitGround, ExitStatus, ReviewOutcome, VacateKind
from anju.tenancy.models import ExitCase, RentCharge, ReviewResult, Vacate
from anju.tenancy.services import rent_run
from anju.tenancy.services.exits import exit_case_decide, exit_case_open, exit_notice_context
from anju.tenancy.services.parameters import parameter_set
from anju.tenancy.services.review import (
    review_outcome_counts,
    review_result_decide,
    review_round_create,
    review_round_evaluate,
)
from anju.tenancy.tests.factories import entry_make, tenancy_make

SCOPE = date(2025, 6, 30)


@pytest.fixture
def bozhou_rules(dictionaries, demo_regions):
    """The three 亳州市 demo programs (enabled from 2025-01-01)."""
    from anju.rules.demo import rules_demo_load

    rules_demo_load()


def _generated_households(n, seed=7):
    rng = random.Random(seed)
    entries = []
    for _ in range(n):
        members = [
            {
                "hukou_years": rng.choice([0, 3, 10]),
                "annual_income": rng.choice([12000, 30000, 33200, 45000, 90000]),
                "age": rng.choice([25, 40]),
            }
            for _ in range(rng.randint(1, 3))
        ]
        dwellings = [{"floor_area": Decimal(rng.choice([0, 20, 60])), "owner_is_member": rng.random() < 0.5}]
        assets = [{"category": "01", "quantity": 1, "total_value": Decimal(rng.choice([0, 50000, 400000]))}]
        application = household(members=members, dwellings=dwellings, assets=assets)
        entries.append(entry_make(application=application))
    return entries


def test_round_verdicts_agree_with_the_single_evaluator(bozhou_rules, processes, district_officer):
    # given
    entries = _generated_households(40)
    # when
    review_round = review_round_create(
        year=2025, region_code="341602000000", scope_date=SCOPE, acting_user=district_officer
    )
    review_round_evaluate(review_round=review_round, acting_user=district_officer)
    # then
    results = {r.register_entry_id: r for r in ReviewResult.objects.filter(round=review_round)}
    assert len(results) == 40
    for entry in entries:
        single = evaluate_application(application=entry.application, as_of=SCOPE, record=False).eligible
        assert results[entry.pk].eligible is single, entry.application.number
    review_round.refresh_from_db()
    assert review_round.total == 40 and review_round.eligible_count + review_round.ineligible_count == 40
    assert 0 < review_round.ineligible_count < 40  # the generated data has both
    flagged = [r for r in results.values() if r.flagged]
    assert len(flagged) == review_round.flagged_count and all(r.process_instance_id for r in flagged)
    assert all(r.outcome == ReviewOutcome.PASSED for r in results.values() if not r.flagged)


def test_arrears_flag_a_qualifying_household_and_outcomes_are_counted(bozhou_rules, processes, district_officer):
    # given: a qualifying household that owes two months of rent
    application = household(members=[{"hukou_years": 5, "annual_income": 20000}])
    move_in = tenancy_make(moved_in_on=date(2025, 3, 1))
    entry = move_in.register_entry
    good = entry_make(application=application)
    rent_run(period="2025-04", acting_user=None)
    review_round = review_round_create(
        year=2025, region_code="341602000000", scope_date=SCOPE, acting_user=district_officer
    )
    review_round_evaluate(review_round=review_round, acting_user=district_officer)
    result = ReviewResult.objects.get(round=review_round, register_entry=good)
    assert result.eligible and not result.flagged
    owing = ReviewResult.objects.get(round=review_round, register_entry=entry)
    assert owing.flagged and owing.arrears_amount == Decimal("300.00") and "欠缴租金" in owing.reasons
    # when
    review_result_decide(result=owing, outcome="adjust", opinion="分期结清欠租，调整租金", acting_user=district_officer,
                         adjust_kind="rent", new_amount=Decimal("250"), effective_month="2025-05",
                         adjust_reason="家庭收入下降，减收租金")  # fmt: skip
    # then
    owing.refresh_from_db()
    assert owing.outcome == ReviewOutcome.ADJUST and owing.notice_number.startswith("TZ")
    rent_run(period="2025-05", acting_user=None)
    assert RentCharge.objects.get(move_in=move_in, period=date(2025, 5, 1)).amount == Decimal("250.00")
    owing.process_instance.refresh_from_db()
    assert owing.process_instance.state == "completed" and owing.process_instance.outcome == "adjust"
    counts = review_outcome_counts(review_round)
    assert counts["调整租金或补贴"] == 1 and counts["自动通过"] == 1
    with pytest.raises(ValidationError, match="已发起年审"):
        review_round_create(year=2025, region_code="341602000000", scope_date=SCOPE, acting_user=district_officer)


def test_review_exit_opens_an_exit_case(bozhou_rules, processes, district_officer):
    entry = entry_make(application=household(members=[{"hukou_years": 5, "annual_income": 90000}]))
    review_round = review_round_create(
        year=2025, region_code="341602000000", scope_date=SCOPE, acting_user=district_officer
    )
    review_round_evaluate(review_round=review_round, acting_user=district_officer)
    result = ReviewResult.objects.get(round=review_round, register_entry=entry)
    assert not result.eligible and result.flagged
    review_result_decide(result=result, outcome="exit", opinion="收入超标", acting_user=district_officer)
    case = ExitCase.objects.get(register_entry=entry)
    assert case.ground == ExitGround.INCOME_ASSETS and case.review_result == result and case.status == ExitStatus.OPEN


# ---- exit grounds ---------------------------------------------------------------------------


def _decide_exit(case, officer, deadline=date(2027, 3, 1)):
    return exit_case_decide(
        case=case, approve=True, opinion="事实清楚，决定退出", move_out_deadline=deadline, acting_user=officer
    )


def test_arrears_ground_needs_the_set_months_and_exits_with_ordered_vacate(
    dictionaries, demo_regions, processes, district_officer
):
    parameter_set(region_code="341602000000", values={"arrears_exit_months": 3}, acting_user=district_officer)
    move_in = tenancy_make(moved_in_on=date(2026, 1, 5))
    entry = move_in.register_entry
    rent_run(period="2026-01", acting_user=None)
    rent_run(period="2026-02", acting_user=None)
    with pytest.raises(ValidationError, match="未达到规定的3个月"):
        exit_case_open(register_entry=entry, ground=ExitGround.ARREARS, facts="拖欠租金", acting_user=district_officer)
    rent_run(period="2026-03", acting_user=None)
    case = exit_case_open(
        register_entry=entry, ground=ExitGround.ARREARS, facts="拖欠租金三个月", acting_user=district_officer
    )
    assert case.measured_months == 3 and case.process_instance.state == "running"
    # when
    _decide_exit(case, district_officer)
    # then
    entry.refresh_from_db()
    assert entry.security_state == "06" and entry.exited_at is not None
    assert case.status == ExitStatus.EXITED and case.notice_number and case.move_out_deadline == date(2027, 3, 1)
    vacate = Vacate.objects.get(move_in=move_in)
    assert vacate.kind == VacateKind.ORDERED and vacate.move_out_deadline == date(2027, 3, 1)
    case.process_instance.refresh_from_db()
    assert case.process_instance.outcome == "approved"


def test_vacant_ground_needs_the_set_months(dictionaries, demo_regions, processes, district_officer):
    entry = tenancy_make().register_entry
    with pytest.raises(ValidationError, match="闲置月数应达到规定的6个月"):
        exit_case_open(
            register_entry=entry,
            ground=ExitGround.VACANT,
            facts="长期无人居住",
            measured_months=4,
            acting_user=district_officer,
        )
    case = exit_case_open(
        register_entry=entry,
        ground=ExitGround.VACANT,
        facts="长期无人居住，水电无使用",
        measured_months=7,
        acting_user=district_officer,
    )
    _decide_exit(case, district_officer)
    assert case.status == ExitStatus.EXITED


def test_income_ground_is_checked_against_the_current_rules(bozhou_rules, processes, district_officer):
    poor = entry_make(application=household(members=[{"hukou_years": 5, "annual_income": 20000}]))
    with pytest.raises(ValidationError, match="仍符合条件"):
        exit_case_open(
            register_entry=poor, ground=ExitGround.INCOME_ASSETS, facts="举报收入超标", acting_user=district_officer
        )
    rich = entry_make(application=household(members=[{"hukou_years": 5, "annual_income": 90000}]))
    case = exit_case_open(
        register_entry=rich, ground=ExitGround.INCOME_ASSETS, facts="民政核查收入9万元", acting_user=district_officer
    )
    _decide_exit(case, district_officer)
    rich.refresh_from_db()
    assert rich.security_state == "06"


@pytest.mark.parametrize("ground", [ExitGround.OTHER_HOUSING, ExitGround.MISUSE, ExitGround.FALSE_INFO])
def test_fact_grounds_need_facts_and_can_be_kept(dictionaries, demo_regions, processes, district_officer, ground):
    entry = tenancy_make().register_entry
    with pytest.raises(ValidationError) as error:
        exit_case_open(register_entry=entry, ground=ground, facts="", acting_user=district_officer)
    assert "facts" in error.value.message_dict
    case = exit_case_open(
        register_entry=entry, ground=ground, facts="经核查属实，有不动产登记记录", acting_user=district_officer
    )
    with pytest.raises(ValidationError, match="已有办理中的退出"):
        exit_case_open(register_entry=entry, ground=ground, facts="重复发起", acting_user=district_officer)
    exit_case_decide(case=case, approve=False, opinion="证据不足", acting_user=district_officer)
    entry.refresh_from_db()
    assert case.status == ExitStatus.KEPT and entry.security_state == "02"
    case.process_instance.refresh_from_db()
    assert case.process_instance.outcome == "denied"


def test_exit_notice_pdf(dictionaries, demo_regions, processes, district_officer):
    from anju.core.documents import document_render

    entry = tenancy_make().register_entry
    case = exit_case_open(
        register_entry=entry, ground=ExitGround.MISUSE, facts="将住房转租他人", acting_user=district_officer
    )
    _decide_exit(case, district_officer)
    title, pdf = document_render(code="tenancy_exit_notice", context=exit_notice_context(case))
    assert title == "退出住房保障通知书" and pdf.startswith(b"%PDF")


def test_round_runs_as_a_background_job_with_progress(bozhou_rules, processes, district_officer):
    from anju.core.models import JobProgress
    from anju.tenancy.services.review import review_round_start

    _generated_households(5, seed=3)
    review_round = review_round_create(
        year=2025, region_code="341602000000", scope_date=SCOPE, acting_user=district_officer
    )
    job = review_round_start(review_round=review_round, acting_user=district_officer)
    job = JobProgress.objects.get(pk=job.pk)  # tasks run inline in the test settings
    review_round.refresh_from_db()
    assert job.status == "succeeded" and job.done == job.total == 5 and job.result["参审户数"] == 5
    assert review_round.status == "evaluated"
    with pytest.raises(ValidationError, match="已评估"):
        review_round_start(review_round=review_round, acting_user=district_officer)
