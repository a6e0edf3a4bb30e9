"""`python -m bench.lottery`: draw and verify a lottery of 100,000 participants (budget ≤ 2 s, architecture.md §6).

Two measurements:

1. **engine** — `anju.distribution.lottery.draw` and `verify` on 100,000 generated tickets
   (SM3 through the project's crypto provider; no database);
2. **database** (skipped with `--engine-only`) — the services on a migrated database of
   `--database-url` (default a fresh SQLite file in /tmp): 100,000 registered households and a
   published plan are generated set-wise (not timed), then `lottery_commit` (list, digest,
   commitment, participant rows), `lottery_draw` (ranks written set-wise, winners and substitutes
   queued) and `lottery_verification` (read back, recompute, compare) are timed. `--reuse` keeps
   the database and its households from an earlier run.

Wall times and this process's CPU time (`*_cpu_seconds`, which on a shared machine excludes
waiting for a core; SQLite runs in-process so its work is included) are reported. Prints the split and writes bench/results/lottery-<timestamp>.json. Never run from pytest.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from datetime import UTC, datetime
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
DISTRICT = "341602000000"


def _engine(n: int) -> dict:
    from anju.distribution import lottery as engine

    tickets = [f"DJ3416022026{i:07d}" for i in range(1, n + 1)]
    seed = engine.seed_generate()
    started, cpu = time.perf_counter(), time.process_time()
    result = engine.draw(seed=seed, tickets=tickets, winners=n // 10, substitutes=n // 20)
    drawn, drawn_cpu = time.perf_counter() - started, time.process_time() - cpu
    started, cpu = time.perf_counter(), time.process_time()
    verification = engine.verify(
        seed=seed,
        commitment=engine.seed_commitment(seed),
        tickets=tickets,
        list_digest=result.list_digest,
        stored_order=result.ordered,
        stored_result_digest=result.result_digest,
        winners=n // 10,
        substitutes=n // 20,
    )
    verified, verified_cpu = time.perf_counter() - started, time.process_time() - cpu
    if not verification.ok:
        raise SystemExit("engine verification failed")
    return {
        "engine_draw_seconds": round(drawn, 3),
        "engine_verify_seconds": round(verified, 3),
        "engine_total_seconds": round(drawn + verified, 3),
        "engine_total_cpu_seconds": round(drawn_cpu + verified_cpu, 3),
    }


def _generate(n: int) -> tuple:
    """n applications, register entries, a program and a published plan with all of them (set-wise, untimed)."""
    from django.utils import timezone

    from anju.admission.models import Application, RegisterEntry
    from anju.allocation.choices import PlanStatus
    from anju.allocation.models import AllocationPlan, PlanHousehold
    from anju.core.models import Region
    from anju.rules.models import Program

    Region.objects.get_or_create(code=DISTRICT, defaults={"name": "谯城区", "level": 3, "prefix": "341602"})
    now = timezone.now()
    program, _ = Program.objects.get_or_create(code="BENCH", defaults={"name": "基准测试项目", "region_code": DISTRICT})
    Application.objects.bulk_create(
        [
            Application(
                number=f"BSQ{i:08d}",
                registration_year=2026,
                applicant_name=f"基准{i}",
                id_number="",
                id_number_index=f"b{i}",
                region_code=DISTRICT,
                status="registered",
            )
            for i in range(n)
        ],
        batch_size=5000,
    )
    app_ids = dict(Application.objects.filter(number__startswith="BSQ").values_list("number", "id"))
    RegisterEntry.objects.bulk_create(
        [
            RegisterEntry(
                number=f"DJ3416022026{i:07d}",
                application_id=app_ids[f"BSQ{i:08d}"],
                applicant_name=f"基准{i}",
                id_number="",
                id_number_index=f"b{i}",
                region_code=DISTRICT,
                registered_at=now,
            )
            for i in range(n)
        ],
        batch_size=5000,
    )
    plan = AllocationPlan.objects.create(
        number="BENCH-PLAN",
        mode="12",
        program=program,
        name="基准测试方案",
        period_type="year",
        period="2026",
        region_code=DISTRICT,
        status=PlanStatus.PUBLISHED,
        published_at=now,
    )
    entries = RegisterEntry.objects.filter(number__startswith="DJ3416022026").values_list("id", flat=True)
    PlanHousehold.objects.bulk_create(
        [PlanHousehold(plan=plan, register_entry_id=pk) for pk in entries], batch_size=5000
    )
    return plan


def _database(n: int, *, reuse: bool = False) -> dict:
    from django.core.management import call_command
    from django.db import connection

    from anju.allocation.models import AllocationPlan
    from anju.distribution.choices import RoundMethod
    from anju.distribution.models import AllocationRound
    from anju.distribution.services.lottery import lottery_commit, lottery_draw, lottery_verification
    from anju.distribution.services.rounds import round_close, round_create

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    plan = AllocationPlan.objects.filter(number="BENCH-PLAN").first() if reuse else None
    if plan is None:
        plan = _generate(n)
    else:  # --reuse: the households are there; close the earlier benchmark round
        for earlier in AllocationRound.objects.filter(plan=plan).exclude(state="closed"):
            round_close(round_=earlier, acting_user=None)
    generated = time.perf_counter() - started
    round_ = round_create(plan=plan, method=RoundMethod.LOTTERY, acting_user=None)
    started = time.perf_counter()
    lottery = lottery_commit(round_=round_, winners_count=n // 10, substitutes_count=n // 20, acting_user=None)
    committed = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    lottery = lottery_draw(lottery=lottery, acting_user=None)
    drawn, drawn_cpu = time.perf_counter() - started, time.process_time() - cpu
    started, cpu = time.perf_counter(), time.process_time()
    verification = lottery_verification(lottery=lottery)
    verified, verified_cpu = time.perf_counter() - started, time.process_time() - cpu
    if not verification.ok:
        raise SystemExit(f"database verification failed: {verification.mismatches}")
    return {
        "database": connection.vendor,
        "generate_seconds": round(generated, 2),
        "commit_seconds": round(committed, 3),
        "draw_seconds": round(drawn, 3),
        "verify_seconds": round(verified, 3),
        "draw_plus_verify_seconds": round(drawn + verified, 3),
        "draw_plus_verify_cpu_seconds": round(drawn_cpu + verified_cpu, 3),
    }


def main(argv: list[str] | None = None) -> dict:
    """Run the benchmark and print the result."""
    parser = argparse.ArgumentParser(prog="python -m bench.lottery")
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--database-url", default="sqlite:////tmp/anju-bench-lottery.sqlite3")
    parser.add_argument("--engine-only", action="store_true")
    parser.add_argument(
        "--reuse", action="store_true", help="keep the database and its generated households (faster reruns)"
    )
    options = parser.parse_args(argv)
    if options.database_url.startswith("sqlite:///") and not options.reuse:
        Path(options.database_url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = options.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.django.local")
    import django

    django.setup()
    result = {"participants": options.participants, **_engine(options.participants)}
    if not options.engine_only:
        result.update(_database(options.participants, reuse=options.reuse))
    result.update(
        budget_seconds=2,
        cpus=os.cpu_count(),
        load_average=os.getloadavg()[0],
        python=platform.python_version(),
        at=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    print(json.dumps(result, ensure_ascii=False, indent=2))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"lottery-{datetime.now(UTC):%Y%m%dT%H%M%S}.json").write_text(
        json.dumps(result, ensure_ascii=False, indent=2)
    )
    return result


if __name__ == "__main__":
    main()
