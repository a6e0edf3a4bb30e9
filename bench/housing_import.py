"""`python -m bench.housing_import`: import 10,000 units from the Excel template (budget ≤ 10 s, architecture.md §6).

Migrates the database of `--database-url` (default a fresh SQLite file in /tmp), creates one
project, builds a template workbook of `--buildings` × 25 floors × 20 units (20 buildings =
10,000 units) and measures the same path the background task runs: parse + validate every row,
`bulk_create` in batches of 1,000, progress recorded on a JobProgress row after each batch, the
project figures refreshed and one audit event. Prints the split (build workbook / parse+validate /
insert) and writes bench/results/housing-import-<timestamp>.json. Never run from pytest.
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


def main(argv: list[str] | None = None) -> dict:
    """Run the benchmark and print the result."""
    parser = argparse.ArgumentParser(prog="python -m bench.housing_import")
    parser.add_argument("--database-url", default="sqlite:////tmp/anju-bench-housing.sqlite3")
    parser.add_argument("--buildings", type=int, default=20, help="buildings of 500 units each (default 20 = 10,000 units)")
    options = parser.parse_args(argv)
    if options.database_url.startswith("sqlite:///"):
        Path(options.database_url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = options.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.django.local")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    from anju.core.services.jobs import job_advance, job_create, job_finish, job_start
    from anju.housing.imports import units_import, validate_workbook
    from anju.housing.models import Unit
    from anju.housing.tests.factories import big_workbook, project_for

    project = project_for("341602000000", name="基准测试项目")
    started = time.perf_counter()
    content, count = big_workbook(buildings=options.buildings)
    built = time.perf_counter() - started

    started = time.perf_counter()
    validate_workbook(project=project, content=content)
    validate_only = time.perf_counter() - started

    job = job_create(kind="housing_units_import", title="基准：导入住房", total=0, acting_user=None)
    started = time.perf_counter()
    outcome = units_import(
        project=project, content=content, progress=lambda n: job_advance(job=job, done_delta=n),
        on_total=lambda n: job_start(job=job, total=n),
    )
    job_finish(job=job, result={"units": outcome.units_created})
    total = time.perf_counter() - started
    if not outcome.units_created == count == Unit.objects.count():
        raise SystemExit(f"导入数量不符：{outcome.units_created} / {count}；{outcome.problems[:5]}")
    result = {
        "units": count, "import_seconds": round(total, 2), "parse_validate_seconds": round(validate_only, 2),
        "insert_and_rest_seconds": round(total - validate_only, 2), "workbook_bytes": len(content),
        "build_workbook_seconds": round(built, 2), "units_per_second": round(count / total),
        "budget_seconds": 10, "database": connection.vendor, "cpus": os.cpu_count(), "python": platform.python_version(),
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"housing-import-{datetime.now(UTC):%Y%m%dT%H%M%S}.json").write_text(json.dumps(result, ensure_ascii=False, indent=2))
    return result


if __name__ == "__main__":
    main()
