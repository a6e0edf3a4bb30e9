"""`python -m bench.run`: demo-data generation and audit-chain verification, against hand SQL.

Runs in its own process on the database of `--database-url` (default: DATABASE_URL or the local
SQLite file), migrates it, loads regions and code tables if missing, then measures:

1. `manage.py demo_data --households N` (fresh seed each run, rows per second, the time split
   the command records in its JobProgress row);
2. on PostgreSQL, the "hand SQL" baseline: four INSERT … SELECT generate_series statements
   writing the same numbers of application, member, dwelling and asset rows (random-ish columns,
   same indexes: LIKE … INCLUDING ALL copies of the tables, dropped afterwards). The baseline
   does much less work — no encryption, no blind indexes, no realistic people, no foreign-key
   checks — so the ratio is an upper bound of what tuning the generator can still gain;
3. the audit chain: N events appended set-wise (the chain built in Python with the audit app's
   `row_hash`, one `bulk_create`; the audit app has no bulk append service) and verified with
   `audit_chain_check` (rows per second).

Prints a table and writes bench/results/<timestamp>.json with the machine (cores, CPU, memory,
load average), Python, database and version. Never run from pytest with timings asserted.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import random
import time
from datetime import UTC, datetime
from io import StringIO
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def parse(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(prog="python -m bench.run", description="Anju benchmarks (architecture.md §6).")
    parser.add_argument("--households", type=int, default=100_000, help="demo households to generate (default 100000)")
    parser.add_argument("--seed", type=int, default=None, help="demo seed (default: a fresh one per run)")
    parser.add_argument("--batch", type=int, default=20_000, help="demo_data --batch")
    parser.add_argument("--workers", type=int, default=None, help="demo_data --workers")
    parser.add_argument("--audit-events", type=int, default=None, help="audit events to chain and verify (default: households)")
    parser.add_argument("--database-url", default=None, help="database (default: DATABASE_URL or the local SQLite file)")
    parser.add_argument("--results", default=str(RESULTS), help="directory for the JSON result")
    return parser.parse_args(argv)


def setup(database_url: str | None) -> None:
    """Configure Django for the chosen database and bring the schema and reference data up."""
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


def machine() -> dict:
    """Cores, CPU model, memory, load, Python and database."""
    from django.db import connection

    cpu = ""
    try:
        cpu = next(
            line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")
        )
    except (OSError, StopIteration):
        cpu = platform.processor()
    memory = ""
    with contextlib.suppress(OSError, IndexError):
        memory = Path("/proc/meminfo").read_text().splitlines()[0].split(":", 1)[1].strip()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
        else:
            cursor.execute("SELECT sqlite_version()")
        version = cursor.fetchone()[0]
    return {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "memory": memory,
        "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "database": connection.vendor,
        "database_version": version,
    }


def demo_benchmark(households: int, seed: int, batch: int, workers: int | None) -> dict:
    """Run demo_data once and read its time split from the JobProgress row."""
    from django.core.management import call_command

    from anju.core.models import JobProgress

    arguments = ["--households", str(households), "--seed", str(seed), "--batch", str(batch), "--replace"]
    if workers is not None:
        arguments += ["--workers", str(workers)]
    started = time.perf_counter()
    call_command("demo_data", *arguments, stdout=StringIO())
    seconds = time.perf_counter() - started
    job = JobProgress.objects.filter(kind="demo_data", idempotency_key__startswith=f"demo_data:{seed}:").latest("pk")
    result = dict(job.result)
    result["command_seconds"] = round(seconds, 3)
    result["households_per_second"] = round(households / result["seconds"], 1)
    result["rows_per_second"] = round(result["rows"] / result["seconds"], 1)
    return result


BASELINE_SQL = {
    "application": """
        INSERT INTO bench_application (created_at, updated_at, region_code, review_status, number, registration_year,
            applicant_name, id_type, id_number, id_number_index, phone, phone_index, agent_name, agent_id_type,
            agent_id_number, agent_id_number_index, agent_phone, agent_phone_index, hukou_county, hukou_street,
            hukou_community, hukou_road, hukou_house_number, hukou_building, hukou_room, household_size,
            income_per_capita, income_total, floor_area_per_capita, floor_area_total, in_shantytown, shantytown_name,
            shantytown_type, shantytown_affiliation, is_low_income, is_minimum_living, minimum_living_certificate,
            had_housing_support, housing_support_mode, status, submitted_at, source, is_deleted)
        SELECT now(), now(), '3416020010' || lpad((i %% 90)::text, 2, '0'), 'pending', 'BENCH' || i, 2026,
            '张' || (i %% 997), '111', md5(i::text), md5('i' || i), md5('p' || i), md5('q' || i), '', '', '', '', '', '',
            '341602000000', '341602001000', '341602001001', '人民路', (i %% 300)::text, '', '', 1 + i %% 5,
            (i %% 50000)::numeric / 5, i %% 50000, (i %% 6000)::numeric / 500, (i %% 6000)::numeric / 100, false, '', '', '',
            i %% 3 = 0, i %% 8 = 0, '', false, '', 'submitted', now() - (i %% 365) * interval '1 day', 'bench', false
        FROM generate_series(1, %(applications)s) AS i""",
    "member": """
        INSERT INTO bench_member (review_status, sequence, application_id, is_applicant, relation, name, id_type,
            id_number, id_number_index, hukou_type, hukou_years, is_resident, sex, birth_date, ethnicity, phone,
            phone_index, employment_status, employer, employer_type, occupation_type, education, marital_status,
            annual_income, special_person_code, disability_type, disability_level, honour_level, honour_type,
            medal_type, is_introduced_talent, is_migrant_worker, has_provident_fund, had_welfare_housing,
            has_housing_subsidy, lives_together, income_source, has_criminal_record, pension_insurance_number,
            medical_insurance_number, unemployment_insurance_number, maternity_insurance_number,
            injury_insurance_number, combined_insurance_number, provident_fund_account, provident_fund_account_index,
            five_guarantees_certificate, hardship_certificate)
        SELECT 'pending', 1 + i %% 3, i / 3 + 1, i %% 3 = 0, '01', '李' || (i %% 997), '111', md5(i::text),
            md5('m' || i), '20', 10, true, '1', date '1960-01-01' + (i %% 20000), '01', md5('n' || i), md5('o' || i),
            '24', '', '', '', '70', '20', i %% 60000, '', '', '', '', '', '', false, false, false, false, false, true,
            '', false, '', '', '', '', '', '', '', '', '', ''
        FROM generate_series(0, %(members)s - 1) AS i""",
    "dwelling": """
        INSERT INTO bench_dwelling (review_status, sequence, application_id, address_county, address_street,
            address_community, address_road, address_house_number, address_building, address_room, occupancy_status,
            title_certificate_number, owner_name, owner_id_number, owner_id_number_index, owner_is_member,
            owner_organisation, owner_organisation_code, property_nature, house_type, completeness, condition,
            structure, layout, facilities, management_mode, floor_area, built_year, rent, ownership_share_class,
            ownership_nature, value, property_manager, address_category, disposal_intention)
        SELECT 'pending', 1, i, '', '', '', '人民路', (i %% 300)::text, '', '', '3', '', '', '', '', false, '', '', '',
            '', '', '', '4', '', '', '', 12 + (i %% 5000)::numeric / 100, 1975 + i %% 45, 300 + i %% 1200, '', '', NULL,
            '', '', ''
        FROM generate_series(1, %(dwellings)s) AS i""",
    "asset": """
        INSERT INTO bench_asset (review_status, sequence, application_id, owner_name, category, quantity, total_value)
        SELECT 'pending', 1 + i %% 2, i / 2 + 1, '王' || (i %% 997), '01', 1, 1000 + i %% 60000
        FROM generate_series(0, %(assets)s - 1) AS i""",
}


def hand_sql_baseline(counts: dict) -> dict | None:
    """The same numbers of rows by INSERT … SELECT generate_series (PostgreSQL only)."""
    from django.db import connection, transaction

    if connection.vendor != "postgresql":
        return None
    timings = {}
    with connection.cursor() as cursor:
        for name in BASELINE_SQL:
            cursor.execute(f"DROP TABLE IF EXISTS bench_{name}")
            cursor.execute(f"CREATE TABLE bench_{name} (LIKE admission_{name} INCLUDING ALL)")
        try:
            started = time.perf_counter()
            with transaction.atomic():
                for name, sql in BASELINE_SQL.items():
                    tick = time.perf_counter()
                    cursor.execute(sql, counts)
                    timings[f"{name}_seconds"] = round(time.perf_counter() - tick, 3)
            seconds = time.perf_counter() - started
        finally:
            for name in BASELINE_SQL:
                cursor.execute(f"DROP TABLE IF EXISTS bench_{name}")
    rows = sum(counts.values())
    return {"seconds": round(seconds, 3), "rows": rows, "rows_per_second": round(rows / seconds, 1), **timings}


def audit_benchmark(events: int) -> dict:
    """Append `events` chained audit events set-wise, then verify the whole chain."""
    from django.db import transaction
    from django.utils import timezone

    from anju.audit.chain import CHAIN_COLUMNS, GENESIS_HASH, row_hash
    from anju.audit.models import AuditChainHead, AuditEvent
    from anju.audit.services.verify import audit_chain_check

    with transaction.atomic():
        head = AuditChainHead.objects.select_for_update().filter(pk=1).first()
        sequence, previous = (head.sequence, head.row_hash) if head else (0, GENESIS_HASH)
        started = time.perf_counter()
        now = timezone.now()
        batch = []
        for number in range(sequence + 1, sequence + events + 1):
            event = AuditEvent(
                sequence=number,
                occurred_at=now,
                username="bench",
                role_codes="community_clerk",
                organisation_name="基准测试",
                ip="127.0.0.1",
                user_agent="bench",
                action="RECORD_CREATED",
                object_type="admission.application",
                object_id=str(number),
                object_repr=f"基准 {number}",
                region_code="341602001001",
                result="success",
                detail={"bench": number},
                prev_hash=previous,
            )
            event.row_hash = previous = row_hash([getattr(event, column) for column in CHAIN_COLUMNS])
            batch.append(event)
        AuditEvent.objects.bulk_create(batch, batch_size=5000)
        AuditChainHead.objects.update_or_create(pk=1, defaults={"sequence": sequence + events, "row_hash": previous})
        append_seconds = time.perf_counter() - started
    report = audit_chain_check()
    if not report.ok:
        raise SystemExit(report.message)
    return {
        "appended": events,
        "append_seconds": round(append_seconds, 3),
        "append_per_second": round(events / append_seconds, 1),
        "verified": report.checked,
        "verify_seconds": round(report.seconds, 3),
        "verify_per_second": round(report.rate, 1),
    }


def table(results: dict) -> str:
    """The printed summary."""
    demo, machine_info = results["demo_data"], results["machine"]
    lines = [
        f"机器：{machine_info['cores']} 核 {machine_info['cpu']}，Python {machine_info['python']}，"
        f"{machine_info['database']} {machine_info['database_version']}，负载 {machine_info['load_average']}",
        f"{'项目':<28}{'数量':>12}{'秒':>10}{'每秒':>14}",
        f"{'demo_data 户':<28}{demo['households']:>12,}{demo['seconds']:>10.1f}{demo['households_per_second']:>14,.0f}",
        f"{'demo_data 行':<28}{demo['rows']:>12,}{demo['seconds']:>10.1f}{demo['rows_per_second']:>14,.0f}",
        f"  分项：生成 {demo['generate_seconds']:.1f} s，加密与索引 {demo['crypto_seconds']:.1f} s（子进程），"
        f"组装 {demo['render_seconds']:.1f} s（子进程），写入 {demo['write_seconds']:.1f} s，子进程 {demo['workers']} 个",
    ]
    baseline = results.get("hand_sql")
    if baseline:
        lines.append(f"{'手写 SQL 基线 行':<28}{baseline['rows']:>12,}{baseline['seconds']:>10.1f}{baseline['rows_per_second']:>14,.0f}")
        lines.append(f"  比值 demo_data / 手写 SQL = {results['ratio_to_hand_sql']:.2f}（基线不加密、不建盲索引、不检查外键）")
    else:
        lines.append("手写 SQL 基线：仅在 PostgreSQL 上运行")
    audit = results.get("audit")
    if audit:
        lines.append(f"{'审计链 追加':<28}{audit['appended']:>12,}{audit['append_seconds']:>10.1f}{audit['append_per_second']:>14,.0f}")
        lines.append(f"{'审计链 校验':<28}{audit['verified']:>12,}{audit['verify_seconds']:>10.1f}{audit['verify_per_second']:>14,.0f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict:
    """Run every benchmark, print the table, write the JSON; returns the results."""
    options = parse(argv)
    setup(options.database_url)
    seed = options.seed if options.seed is not None else random.randrange(10**6, 10**9)
    results: dict = {"started_at": datetime.now(UTC).isoformat(timespec="seconds"), "machine": machine(), "seed": seed}
    demo = demo_benchmark(options.households, seed, options.batch, options.workers)
    results["demo_data"] = demo
    from anju.admission.models import Application, Asset, Dwelling, Member

    source = f"demo:{seed}"
    counts = {
        "applications": Application.objects.filter(source=source).count(),
        "members": Member.objects.filter(application__source=source).count(),
        "dwellings": Dwelling.objects.filter(application__source=source).count(),
        "assets": Asset.objects.filter(application__source=source).count(),
    }
    results["demo_data"]["counts"] = counts
    baseline = hand_sql_baseline(counts)
    if baseline:
        results["hand_sql"] = baseline
        results["ratio_to_hand_sql"] = round(demo["seconds"] / baseline["seconds"], 2)
    events = options.audit_events if options.audit_events is not None else options.households
    if events > 0:
        results["audit"] = audit_benchmark(events)
    print(table(results))
    directory = Path(options.results)
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    path.write_text(json.dumps(results, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    print(f"结果已写入 {path}")
    results["path"] = str(path)
    return results


if __name__ == "__main__":
    main()
