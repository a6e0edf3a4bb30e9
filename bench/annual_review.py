"""`python -m bench.annual_review --households N`: the annual review round against a hand SQL baseline.

Runs in its own process on `--database-url` (use a throw-away database), migrates it, loads regions,
code tables and the 亳州市 demo rules, generates N households with `manage.py demo_data` (members,
dwellings, assets as in production), registers each (one INSERT … SELECT of register entries), then
measures on the same data:

1. `review_round_evaluate(open_tasks=False)`: ONE `INSERT … SELECT` built from the rules app's
   `verdict_queryset`, the arrears and the violations querysets, then the round's counts (one aggregate)
   and bookkeeping (status, audit);
2. the hand SQL baseline: ONE INSERT … SELECT writing the same result rows, whose eligibility part
   is the SQL the batch evaluator compiles for the rules in force (the same conditions, so the same
   verdicts; writing the three demo programs' AND/OR trees by hand gives the same statement), joined
   to a hand-written arrears aggregate. It is the database's floor for this work: what remains of
   the ratio is the service's violations join, its counts query and the round's bookkeeping.

Prints the times, the ratio, whether both wrote the same verdicts, and writes
bench/results/annual_review-<timestamp>.json. Never 1,000,000 on a shared machine without asking.

`--generate-only` migrates and generates, then stops; a later `--reuse-data` run skips `demo_data` when the
database already holds `--households` applications (so 1,000,000 is generated once and measured again).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from datetime import UTC, date, datetime
from io import StringIO
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def parse(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(
        prog="python -m bench.annual_review", description="Annual review vs hand SQL (architecture.md §6)."
    )
    parser.add_argument("--households", type=int, default=1_000_000, help="households to generate (default 1000000)")
    parser.add_argument("--seed", type=int, default=None, help="demo_data seed (default: a fresh one)")
    parser.add_argument(
        "--database-url", default=None, help="database (default: DATABASE_URL or the local SQLite file)"
    )
    parser.add_argument("--results", default=str(RESULTS), help="directory for the JSON result")
    parser.add_argument(
        "--generate-only", action="store_true", help="migrate and generate the households, then stop (no measurement)"
    )
    parser.add_argument(
        "--reuse-data",
        action="store_true",
        help="skip demo_data when the database already holds at least --households applications",
    )
    return parser.parse_args(argv)


def setup(database_url: str | None) -> None:
    """Configure Django, migrate, load regions, code tables and the demo rules."""
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.django.local")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from anju.core.models import Dictionary, Region

    if not Region.objects.exists():
        call_command("load_regions", stdout=StringIO())
    if not Dictionary.objects.exists():
        call_command("load_dictionaries", stdout=StringIO())
    from anju.rules.demo import rules_demo_load

    rules_demo_load()


def hand_sql(review_round, entries, scope: date) -> float:
    """One INSERT … SELECT of the results of a second round (same households); seconds."""
    from django.db import connection, transaction
    from django.db.models import BooleanField, Case, F, Q, Value, When

    from anju.admission.models import Application
    from anju.core.scoping import significant_prefix
    from anju.rules.services.evaluation import compile_version, versions_in_force
    from anju.rules.services.facts import household_facts_queryset

    annotations: dict = {}
    whens = []
    for version in versions_in_force(as_of=scope):
        q = compile_version(version, scope, annotations) & Q(
            region_code__startswith=significant_prefix(version.rule_set.region_code)
        )
        whens.append(When(q, then=Value(True)))
    verdicts = (
        household_facts_queryset(Application.objects.filter(register_entry__in=entries))
        .annotate(**annotations)
        .annotate(rules_ok=Case(*whens, default=Value(False), output_field=BooleanField()), vid=F("pk"))
        .values("vid", "rules_ok")
        .order_by()
    )
    select, params = verdicts.query.sql_with_params()
    true, false = ("TRUE", "FALSE") if connection.vendor == "postgresql" else ("1", "0")
    statement = f"""
    WITH verdicts AS ({select})
    INSERT INTO tenancy_reviewresult (round_id, register_entry_id, region_code, eligible, arrears_amount, arrears_months,
        violations, flagged, outcome, opinion, notice_number)
    SELECT %s, e.id, e.region_code, verdicts.rules_ok, COALESCE(a.owed, 0), COALESCE(a.months, 0), 0,
        CASE WHEN verdicts.rules_ok = {false} OR COALESCE(a.owed, 0) > 0 THEN {true} ELSE {false} END,
        CASE WHEN verdicts.rules_ok = {false} OR COALESCE(a.owed, 0) > 0 THEN 'pending' ELSE 'passed' END, '', ''
    FROM admission_registerentry e
    JOIN verdicts ON verdicts.vid = e.application_id
    LEFT JOIN (SELECT register_entry_id, SUM(amount - paid_amount) AS owed, COUNT(*) AS months FROM tenancy_rentcharge
               WHERE paid_amount < amount AND period <= %s GROUP BY register_entry_id) a ON a.register_entry_id = e.id
    """
    began = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement, [*params, review_round.pk, scope.replace(day=1).isoformat()])
    return time.perf_counter() - began


def main(argv: list[str] | None = None) -> dict:
    """Generate, measure, compare, report."""
    import random

    options = parse(argv)
    setup(options.database_url)
    from django.core.management import call_command
    from django.db import connection

    from anju.admission.models import Application
    from anju.tenancy.bench_data import register_entries_for_applications
    from anju.tenancy.models import ReviewResult, ReviewRound
    from anju.tenancy.services.review import review_beneficiaries, review_round_evaluate

    seed = options.seed if options.seed is not None else random.randrange(10**6)
    began = time.perf_counter()
    if options.reuse_data and Application.objects.count() >= options.households:
        demo = None  # generated by an earlier `--generate-only` run
    else:
        call_command("demo_data", households=options.households, seed=seed, stdout=StringIO())
        demo = round(time.perf_counter() - began, 1)
    if options.generate_only:
        print(f"demo_data_s: {demo} ({options.households} households, seed {seed})")
        return {"demo_data_s": demo, "households": options.households, "seed": seed}
    began = time.perf_counter()
    registered = register_entries_for_applications(applications=Application.objects.all(), tag=f"R{seed}")
    register = time.perf_counter() - began
    year = 2000 + seed % 90
    from django.utils import timezone

    scope = timezone.localdate()
    rounds = []
    for region in ("341600000000", "341600000001"):  # the second round holds the hand SQL rows
        ReviewRound.objects.filter(year=year, region_code=region).delete()
        rounds.append(
            ReviewRound.objects.create(number=f"NSB{region}{year}", year=year, scope_date=scope, region_code=region)
        )
    service_round, hand_round = rounds
    began = time.perf_counter()
    review_round_evaluate(review_round=service_round, acting_user=None, open_tasks=False)
    service = time.perf_counter() - began
    entries = review_beneficiaries(region_code="341600000000", scope_date=scope)
    hand = hand_sql(hand_round, entries, scope)
    service_round.refresh_from_db()
    ours = dict(ReviewResult.objects.filter(round=service_round).values_list("register_entry_id", "eligible"))
    theirs = dict(ReviewResult.objects.filter(round=hand_round).values_list("register_entry_id", "eligible"))
    result = {
        "benchmark": "annual_review", "database": connection.vendor, "households": options.households, "seed": seed,
        "demo_data_s": demo, "register_s": round(register, 2), "registered": registered,
        "reviewed": service_round.total, "eligible": service_round.eligible_count, "flagged": service_round.flagged_count,
        "service_s": round(service, 3), "hand_sql_s": round(hand, 3), "ratio_service_to_hand": round(service / hand, 2) if hand else None,
        "same_verdicts": ours == {k: bool(v) for k, v in theirs.items()},
        "load_average": os.getloadavg()[0], "at": datetime.now(UTC).isoformat(timespec="seconds"),
    }  # fmt: skip
    for key, value in result.items():
        print(f"{key:>24}: {value}")
    Path(options.results).mkdir(parents=True, exist_ok=True)
    out = Path(options.results) / f"annual_review-{datetime.now(UTC):%Y%m%dT%H%M%S}.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    return result


if __name__ == "__main__":
    main()
