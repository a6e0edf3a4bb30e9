"""`python -m bench.rent_run --leases N`: the monthly rent run against a hand-written INSERT … SELECT.

Runs in its own process on `--database-url` (default: DATABASE_URL or the local SQLite file; use a
throw-away database), migrates it, generates N households with a signed lease and a move-in
(`anju.tenancy.bench_data.leases_generate`, set-wise), then measures on the same table (same unique
constraint and indexes):

1. `rent_run` for month A (the service: ORM-built INSERT … SELECT … ON CONFLICT DO NOTHING in chunks);
2. `rent_run` for month A again (idempotent: nothing created; the cost of a repeated run);
3. the hand SQL baseline: one hand-written INSERT … SELECT … ON CONFLICT DO NOTHING for month B
   joining the move-ins to their leases (same rows, same columns, same amounts).

Prints the times and the ratio service / hand SQL and writes bench/results/rent_run-<timestamp>.json.
Never run from pytest with timings asserted; never 500,000 on a shared machine without asking.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from datetime import UTC, datetime
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def parse(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(
        prog="python -m bench.rent_run", description="Rent run vs hand SQL (architecture.md §6)."
    )
    parser.add_argument("--leases", type=int, default=500_000, help="leases to generate (default 500000)")
    parser.add_argument(
        "--database-url", default=None, help="database (default: DATABASE_URL or the local SQLite file)"
    )
    parser.add_argument("--results", default=str(RESULTS), help="directory for the JSON result")
    return parser.parse_args(argv)


def setup(database_url: str | None) -> None:
    """Configure Django for the chosen database and migrate it."""
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.django.local")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


HAND_SQL = """
INSERT INTO tenancy_rentcharge (number, lease_id, move_in_id, register_entry_id, unit_id, amount, period, year, month, due_on,
                                paid_amount, created_by_id, updated_by_id, region_code, created_at, updated_at)
SELECT 'YS' || substr(m.region_code, 1, 6) || %(stamp)s || lpad(CAST(m.lease_id AS VARCHAR(20)), 10, '0'),
       m.lease_id, m.id, m.register_entry_id, m.unit_id, m.rent - m.reduction_amount, %(period)s, %(year)s, %(month)s, %(due)s,
       0, NULL, NULL, m.region_code, %(now)s, %(now)s
FROM tenancy_movein m JOIN distribution_contract c ON c.id = m.lease_id
WHERE c.status IN ('signed', 'renewed') AND m.moved_in_on <= %(end)s AND m.status <> 'vacated'
ON CONFLICT (lease_id, period) DO NOTHING
"""


def hand_sql(period: str) -> tuple[float, int]:
    """Run the baseline for a month (YYYY-MM); (seconds, rows)."""
    from django.db import connection, transaction
    from django.utils import timezone

    from anju.tenancy.services.common import month_end, month_parse

    start = month_parse(period)
    field_now = timezone.now()
    params = {"stamp": f"{start:%Y%m}", "period": start.isoformat(), "year": start.year, "month": start.month,
              "due": start.replace(day=10).isoformat(), "end": month_end(start).isoformat(),
              "now": field_now.isoformat() if connection.vendor == "postgresql" else field_now.strftime("%Y-%m-%d %H:%M:%S.%f")}  # fmt: skip
    sql = HAND_SQL
    if connection.vendor == "sqlite":  # SQLite has no lpad; substr of a zero-padded string does the same
        sql = sql.replace(
            "lpad(CAST(m.lease_id AS VARCHAR(20)), 10, '0')", "substr('0000000000' || m.lease_id, -10, 10)"
        )
        sql = sql.replace("WHERE c.status", "WHERE 1 AND c.status")
    began = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.rowcount
    return time.perf_counter() - began, rows


def main(argv: list[str] | None = None) -> dict:
    """Generate, measure, report."""
    options = parse(argv)
    setup(options.database_url)
    from django.db import connection, transaction

    from anju.tenancy.bench_data import leases_generate
    from anju.tenancy.models import RentCharge
    from anju.tenancy.services.rent import rent_run

    tag = f"R{int(time.time()) % 100000}"
    began = time.perf_counter()
    with transaction.atomic():
        leases_generate(count=options.leases, tag=tag)
    generated = time.perf_counter() - began
    # months far in the future so a reused database does not collide with earlier runs
    month_a, month_b = f"2099-{int(tag[1:]) % 6 + 1:02d}", f"2099-{int(tag[1:]) % 6 + 7:02d}"
    RentCharge.objects.filter(period__year=2099).delete()
    began = time.perf_counter()
    first = rent_run(period=month_a, acting_user=None)
    service = time.perf_counter() - began
    began = time.perf_counter()
    again = rent_run(period=month_a, acting_user=None)
    repeat = time.perf_counter() - began
    hand, hand_rows = hand_sql(month_b)
    result = {
        "benchmark": "rent_run", "database": connection.vendor, "leases_generated": options.leases,
        "chargeable_leases": first["leases"], "generate_s": round(generated, 2),
        "service_s": round(service, 3), "service_created": first["created"], "repeat_s": round(repeat, 3),
        "repeat_created": again["created"], "hand_sql_s": round(hand, 3), "hand_sql_rows": hand_rows,
        "ratio_service_to_hand": round(service / hand, 2) if hand else None,
        "load_average": os.getloadavg()[0], "at": datetime.now(UTC).isoformat(timespec="seconds"),
    }  # fmt: skip
    for key, value in result.items():
        print(f"{key:>24}: {value}")
    Path(options.results).mkdir(parents=True, exist_ok=True)
    out = Path(options.results) / f"rent_run-{datetime.now(UTC):%Y%m%dT%H%M%S}.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    return result


if __name__ == "__main__":
    main()
