"""年审 (A.8.8) stored set-wise: the one INSERT … SELECT writes for every household what the single evaluator,
the per-household arrears and the violation count say, and flags (as review tasks) exactly the others."""

import random
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from anju.rules.services.evaluation import evaluate_application
from anju.rules.tests.factories import household
from anju.tenancy.choices import ExitGround, ExitStatus, ReviewOutcome
from anju.tenancy.models import ExitCase, MoveIn, ReviewResult
from anju.tenancy.services import rent_run
from anju.tenancy.services.arrears import household_ageing
from anju.tenancy.services.rent import payment_record
from anju.tenancy.services.review import review_round_create, review_round_evaluate
from anju.tenancy.tests.factories import building_make, entry_make, lease_make, unit_make

SCOPE = date(2025, 6, 30)


@pytest.fixture
def bozhou_rules(dictionaries, demo_regions):
    """The three 亳州市 demo programs (enabled from 2025-01-01)."""
    from anju.rules.demo import rules_demo_load

    rules_demo_load()


def _generated(n, seed):
    """Households of random means; about half rent a unit (some then owe rent), some have violations."""
    rng = random.Random(seed)
    building = building_make()
    entries, tenants, violators = [], [], {}
    for i in range(n):
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
        entry = entry_make(application=household(members=members, dwellings=dwellings, assets=assets))
        entries.append(entry)
        if rng.random() < 0.5:
            unit = unit_make(building, state="occupied")
            lease = lease_make(entry, unit, rent=str(rng.choice([200, 300, 450])), effective_on=date(2025, 3, 1))
            MoveIn.objects.create(lease=lease, register_entry=entry, unit=unit, region_code=entry.region_code,
                                  moved_in_on=date(2025, 3, 5), rent=lease.monthly_rent, deposit=lease.deposit)  # fmt: skip
            tenants.append(entry)
        roll = rng.random()
        if roll < 0.2:
            ground = rng.choice([ExitGround.MISUSE, ExitGround.FALSE_INFO, ExitGround.OTHER_HOUSING])
            status = rng.choice([ExitStatus.OPEN, ExitStatus.KEPT])
            for _ in range(rng.randint(1, 2)):
                ExitCase.objects.create(number=f"TC{seed}-{i}-{rng.random()}", register_entry=entry, ground=ground,
                                        facts="核查", status=status, region_code=entry.region_code)  # fmt: skip
            violators[entry.pk] = status
        elif roll < 0.3:  # a ground that is not conduct: never a violation
            ExitCase.objects.create(number=f"TV{seed}-{i}", register_entry=entry, ground=ExitGround.VACANT,
                                    facts="闲置", measured_months=7, region_code=entry.region_code)  # fmt: skip
    return rng, entries, tenants


@pytest.mark.parametrize("seed", [3, 11])
def test_stored_results_agree_with_the_single_evaluator_arrears_and_violations(
    bozhou_rules, processes, district_officer, seed
):
    # given: households, rent run for three months, some paid in full, some in part
    rng, entries, tenants = _generated(30, seed)
    for month in ("2025-04", "2025-05", "2025-06", "2025-07"):  # July is after the scope month: not arrears
        rent_run(period=month, acting_user=None)
    for entry in tenants:
        choice = rng.random()
        if choice < 0.4:
            owed = household_ageing(register_entry=entry, as_of=date(2025, 7, 1)).total
            payment_record(register_entry=entry, amount=owed, method="cash", acting_user=district_officer,
                           idempotency_key=f"k{seed}-{entry.pk}")  # fmt: skip
        elif choice < 0.6:
            rent = MoveIn.objects.get(register_entry=entry).rent
            payment_record(register_entry=entry, amount=rent, method="cash", acting_user=district_officer,
                           shortfall_reason="分期缴纳", idempotency_key=f"k{seed}-{entry.pk}")  # fmt: skip
    review_round = review_round_create(
        year=2025, region_code="341602000000", scope_date=SCOPE, acting_user=district_officer
    )
    # when
    with CaptureQueriesContext(connection) as queries:
        review_round_evaluate(review_round=review_round, acting_user=district_officer, open_tasks=False)
    # then: one INSERT writes every result
    inserts = [q["sql"] for q in queries.captured_queries if q["sql"].lstrip().upper().startswith("INSERT INTO")]
    result_inserts = [sql for sql in inserts if "tenancy_reviewresult" in sql]
    assert len(result_inserts) == 1 and "SELECT" in result_inserts[0].upper()
    results = {r.register_entry_id: r for r in ReviewResult.objects.filter(round=review_round)}
    assert set(results) == {e.pk for e in entries}
    kinds = {"ineligible": 0, "arrears": 0, "violations": 0, "passed": 0}
    for entry in entries:
        result = results[entry.pk]
        single = evaluate_application(application=entry.application, as_of=SCOPE, record=False).eligible
        ageing = household_ageing(register_entry=entry, as_of=SCOPE)
        conduct = (
            ExitCase.objects.filter(register_entry=entry, ground__in=["misuse", "false_info", "other_housing"])
            .exclude(status=ExitStatus.KEPT)
            .count()
        )
        assert result.eligible is single, entry.application.number
        assert (result.arrears_amount, result.arrears_months) == (ageing.total, ageing.months)
        assert result.violations == conduct
        flagged = not single or ageing.total > 0 or conduct > 0
        assert result.flagged is flagged
        assert result.outcome == (ReviewOutcome.PENDING if flagged else ReviewOutcome.PASSED)
        assert result.region_code == entry.region_code
        kinds["ineligible"] += not single
        kinds["arrears"] += ageing.total > 0
        kinds["violations"] += conduct > 0
        kinds["passed"] += not flagged
    assert all(kinds.values()), kinds  # the generated data has every kind
    review_round.refresh_from_db()
    assert review_round.total == 30 and review_round.ineligible_count == kinds["ineligible"]
    assert review_round.arrears_count == kinds["arrears"] and review_round.flagged_count == 30 - kinds["passed"]
    # the flagged become review tasks, each with its Chinese reasons
    from anju.tenancy.services.review import review_tasks_open

    assert review_tasks_open(review_round=review_round, acting_user=district_officer) == 30 - kinds["passed"]
    for result in ReviewResult.objects.filter(round=review_round, flagged=True):
        assert result.process_instance_id and result.reasons


def test_a_second_evaluation_is_refused_and_an_empty_round_stores_nothing(bozhou_rules, processes, district_officer):
    from django.core.exceptions import ValidationError

    review_round = review_round_create(
        year=2025, region_code="341602000000", scope_date=SCOPE, acting_user=district_officer
    )
    review_round_evaluate(review_round=review_round, acting_user=district_officer)
    review_round.refresh_from_db()
    assert review_round.total == 0 and review_round.results.count() == 0
    with pytest.raises(ValidationError, match="已评估"):
        review_round_evaluate(review_round=review_round, acting_user=district_officer)


def test_the_round_page_runs_the_evaluation_as_a_job_with_its_size(client, bozhou_rules, processes, district_officer):
    from django.urls import reverse

    from anju.core.models import JobProgress
    from anju.tenancy.models import ReviewRound

    entries = [entry_make(application=household(members=[{"hukou_years": 5, "annual_income": income}]))
               for income in (20000, 90000, 20000)]  # fmt: skip
    client.force_login(district_officer)
    response = client.post(reverse("tenancy:review_round_create"), {"year": 2025, "scope_date": "2025-06-30"})
    assert response.status_code == 302 and "/jobs/" in response["Location"]
    job = JobProgress.objects.get(kind="tenancy_annual_review")  # tasks run inline in tests
    review_round = ReviewRound.objects.get(year=2025)
    assert (job.status, job.total, job.done) == ("succeeded", 3, 3), job.message
    assert review_round.status == "evaluated" and review_round.total == 3 and review_round.flagged_count == 1
    flagged = ReviewResult.objects.get(round=review_round, flagged=True)
    assert flagged.register_entry_id == entries[1].pk and flagged.process_instance_id
