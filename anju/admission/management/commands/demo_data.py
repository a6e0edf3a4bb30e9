"""manage.py demo_data: generate N realistic demo households, set-based and deterministic."""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, models, transaction
from django.utils import timezone

from anju.admission.demo import H_REGION, H_STATUS, HouseholdGenerator
from anju.admission.demo_rows import (
    SLOTS,
    CryptoKeys,
    Renderer,
    RenderSpec,
    TableSpec,
    copy_text,
    worker_init,
    worker_render,
)
from anju.admission.models import Application, Asset, Dwelling, Member, RegisterEntry
from anju.core.crypto import SoftwareCryptoProvider, get_provider
from anju.core.models import JobProgress, Region
from anju.core.models.jobs import JobStatus
from anju.core.models.regions import RegionLevel
from anju.core.scoping import significant_prefix
from anju.core.services.numbers import business_numbers_reserve

MODELS: dict[str, type[models.Model]] = {
    "application": Application, "member": Member, "dwelling": Dwelling, "asset": Asset, "register": RegisterEntry,
}  # fmt: skip
EXECUTEMANY_SIZE = 5000
# On PostgreSQL a load of at least this many households (and at least as many as already stored) drops the
# non-unique indexes of the tables it writes and rebuilds them afterwards: one sort per index instead of
# millions of random B-tree inserts (≈ 87 % of the database time with the indexes in place, docs/bench.md).
DEFER_INDEXES_FROM = 20_000


def defer_indexes(*, vendor: str, total: int, existing: int) -> bool:
    """True when the bulk load should drop and rebuild the secondary indexes (PostgreSQL, big load)."""
    return vendor == "postgresql" and total >= DEFER_INDEXES_FROM and total >= existing


class DeferredIndexes:
    """The non-unique, non-constraint indexes of the demo tables, dropped for a bulk load and rebuilt after.

    Unique indexes and constraints (numbers, (application, sequence), the register's application) stay, so
    integrity is checked row by row as usual. The definitions are kept in the job row before anything is
    dropped: a run killed before the rebuild leaves them there, and the next run rebuilds them first.
    """

    def __init__(self, tables: list[str]) -> None:
        self.tables = tables
        self.definitions: list[list[str]] = []

    def drop(self, job: JobProgress) -> None:
        """Read the definitions, record them in the job, drop the indexes (PostgreSQL only)."""
        with connection.cursor() as cursor:
            cursor.execute(
                """
                SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i
                JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
                WHERE t.relname = ANY(%s) AND pg_table_is_visible(t.oid) AND NOT i.indisunique AND NOT i.indisprimary
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
                ORDER BY c.relname
                """,
                [self.tables],
            )
            self.definitions = [list(row) for row in cursor.fetchall()]
            job.result = {**(job.result or {}), "dropped_indexes": self.definitions}
            job.save(update_fields=["result"])
            for name, _definition in self.definitions:
                cursor.execute(f"DROP INDEX IF EXISTS {connection.ops.quote_name(name)}")

    def restore(self, job: JobProgress | None = None) -> None:
        """Rebuild the dropped indexes (idempotent), analyse the tables, clear the job's record."""
        restore_indexes(self.definitions, self.tables)
        if job is not None:
            job.result = {k: v for k, v in (job.result or {}).items() if k != "dropped_indexes"}
            job.save(update_fields=["result"])


def restore_indexes(definitions: list[list[str]], tables: list[str]) -> None:
    """CREATE INDEX IF NOT EXISTS for each recorded definition (pg_get_indexdef text), then ANALYZE."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '256MB'")
        for _name, definition in definitions:
            prefix = "CREATE INDEX "
            if not definition.startswith(prefix):  # only what `drop` recorded: plain, non-unique indexes
                raise CommandError(f"无法识别的索引定义：{definition}")
            cursor.execute("CREATE INDEX IF NOT EXISTS " + definition[len(prefix) :])
        cursor.execute("RESET maintenance_work_mem")
        cursor.execute(f"ANALYZE {', '.join(quote(t) for t in tables)}")


def demo_source(seed: int) -> str:
    """The `Application.source` tag of one seed's households."""
    return f"demo:{seed}"


def crypto_keys() -> CryptoKeys | None:
    """The software provider's keys for the worker processes; None for any other provider.

    Reads the provider's private key attributes: the workers rebuild the same SM4-GCM tokens and
    HMAC-SM3 indexes (tested against the provider). A hardware provider keeps its keys, so its
    batches are encrypted in the main process through `encrypt` / `blind_index`.
    """
    provider = get_provider()
    if type(provider) is not SoftwareCryptoProvider:
        return None
    key_id = provider._active_key_id
    return CryptoKeys(field_key_id=key_id, field_key=provider._field_keys[key_id], index_key=provider._index_key)


def render_spec(*, mode: str, keys: CryptoKeys | None, source: str, now: Any, year: int) -> RenderSpec:
    """Column order and prepared constants of the four tables, from the model metadata."""
    adapt = connection.ops.adapt_datetimefield_value
    overrides = {"created_at": adapt(now), "updated_at": adapt(now), "source": source}
    tables = {}
    for name, model in MODELS.items():
        fields = [f for f in model._meta.concrete_fields if name == "application" or not f.primary_key]
        constants = {}
        for f in fields:
            if f.attname in SLOTS[name]:
                continue
            value = overrides[f.attname] if f.attname in overrides else f.get_db_prep_save(f.get_default(), connection)
            constants[f.attname] = value
        tables[name] = TableSpec(
            db_table=model._meta.db_table,
            columns=tuple(f.column for f in fields),
            constants=constants,
            attnames=tuple(f.attname for f in fields),
        )
    submitted = tuple(adapt(now - timedelta(days=days)) for days in range(366))
    if mode == "copy":
        submitted = tuple(copy_text(value) for value in submitted)
    return RenderSpec(
        mode=mode, keys=keys, tables=tables, registration_year=year, today=timezone.localdate().toordinal(), submitted=submitted
    )


class IdAllocator:
    """Primary keys for the applications of a batch (members refer to them before they exist)."""

    def __init__(self) -> None:
        self.next_id: int | None = None

    def take(self, count: int) -> list[int]:
        """`count` new ids: from the PostgreSQL sequence, elsewhere after the current maximum."""
        table = Application._meta.db_table
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [table, count]
                )
                return [row[0] for row in cursor.fetchall()]
            if self.next_id is None:
                quote = connection.ops.quote_name
                cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {quote(table)}")  # noqa: S608 - model table name
                highest = cursor.fetchone()[0]
                if connection.vendor == "sqlite":  # AUTOINCREMENT never reuses the id of a deleted row
                    cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
                    row = cursor.fetchone()
                    highest = max(highest, row[0] if row else 0)
                self.next_id = highest + 1
        first, self.next_id = self.next_id, self.next_id + count
        return list(range(first, first + count))


def rows_write(spec: RenderSpec, rendered: dict) -> None:
    """Write one rendered batch in one transaction: COPY on PostgreSQL, executemany elsewhere."""
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        for name, table in spec.tables.items():
            rows = rendered["rows"][name]
            if not rows:
                continue
            columns = ", ".join(quote(c) for c in table.columns)
            if spec.mode == "copy":
                # table and column names come from model metadata (quoted); the data is streamed
                with cursor.cursor.copy(f"COPY {quote(table.db_table)} ({columns}) FROM STDIN") as copy:
                    copy.write(rows)
                continue
            placeholders = ", ".join(["%s"] * len(table.columns))
            sql = f"INSERT INTO {quote(table.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608
            for start in range(0, len(rows), EXECUTEMANY_SIZE):
                cursor.executemany(sql, rows[start : start + EXECUTEMANY_SIZE])


def default_workers() -> int:
    """Worker processes for encryption and rendering: the machine's cores (at most 4)."""
    return max(1, min(os.cpu_count() or 1, 4))


class Command(BaseCommand):
    """Generate demo households for the demo city (演示数据)."""

    help = "为演示城市生成确定性的演示申请家庭（同一种子生成相同数据）。"

    def add_arguments(self, parser: CommandParser) -> None:
        """--households, --seed, --city, --batch, --workers, --append, --replace."""
        parser.add_argument("--households", type=int, required=True, help="生成的家庭户数")
        parser.add_argument("--seed", type=int, required=True, help="随机种子（相同种子生成相同数据）")
        parser.add_argument("--city", default=settings.ANJU_DEMO_CITY, help="城市行政区划代码前缀，默认 341600")
        parser.add_argument("--batch", type=int, default=10000, help="每批户数（默认 10000）")
        parser.add_argument(
            "--workers", type=int, default=None, help="加密与组装行的子进程数（默认为 CPU 核数，至多 4；0 为不用子进程）"
        )
        parser.add_argument(
            "--keep-indexes", action="store_true",
            help=f"PostgreSQL 上生成 {DEFER_INDEXES_FROM} 户及以上时默认先删除非唯一索引、写完后重建；加此项则保留索引逐行维护",
        )  # fmt: skip
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--append", action="store_true", help="同一种子已生成过时，继续追加新的家庭")
        group.add_argument("--replace", action="store_true", help="同一种子已生成过时，先删除再重新生成")

    def handle(self, *args: Any, **options: Any) -> None:
        """Check, generate batch by batch, report rows per second and the time split."""
        total, seed, batch = options["households"], options["seed"], max(100, options["batch"])
        city = significant_prefix(options["city"])
        if total <= 0:
            raise CommandError("户数应大于 0。")
        communities = list(
            Region.objects.filter(level=RegionLevel.COMMUNITY, code__startswith=city).values_list("code", flat=True)
        )
        if not communities:
            raise CommandError(f"行政区划表中没有 {city} 的社区，请先运行 manage.py load_regions。")
        source = demo_source(seed)
        if connection.vendor == "postgresql":
            self._restore_left_indexes()
        existing = Application.objects.filter(source=source).count()
        skip = 0
        if not existing:  # a run that stored nothing (interrupted before its first batch) leaves only its job row
            JobProgress.objects.filter(kind="demo_data", idempotency_key__startswith=f"demo_data:{seed}:").delete()
        if existing:
            if options["replace"]:
                self.stdout.write(f"删除种子 {seed} 已生成的 {existing} 户……")
                self._delete(source)
                JobProgress.objects.filter(kind="demo_data", idempotency_key__startswith=f"demo_data:{seed}:").delete()
            elif options["append"]:
                skip = existing
            else:
                raise CommandError(
                    f"种子 {seed} 已生成过 {existing} 户演示家庭。如需继续追加请加 --append，如需重新生成请加 --replace。"
                )
        job = JobProgress.objects.create(
            kind="demo_data",
            title=f"生成演示家庭 {total} 户（种子 {seed}）",
            status=JobStatus.RUNNING,
            total=total,
            idempotency_key=f"demo_data:{seed}:{skip}",
            started_at=timezone.now(),
        )
        generator = HouseholdGenerator(seed=seed, communities=communities, today=timezone.localdate())
        for _ in range(skip):  # replay the stream so appended people never repeat earlier ID numbers
            generator.household()
        keys = crypto_keys()
        workers = default_workers() if options["workers"] is None else max(0, options["workers"])
        if keys is None or total <= batch:
            workers = 0  # one batch gains nothing from a pool; a hardware provider stays in this process
        year = timezone.localdate().year
        spec = render_spec(
            mode="copy" if connection.vendor == "postgresql" else "rows", keys=keys, source=source, now=timezone.now(), year=year
        )
        indexes = None
        if not options["keep_indexes"] and defer_indexes(vendor=connection.vendor, total=total, existing=Application.objects.count()):
            indexes = DeferredIndexes([model._meta.db_table for model in MODELS.values()])
        stats = self._run(generator, spec, total=total, batch=batch, workers=workers, year=year, job=job, indexes=indexes)
        members = Member.objects.filter(application__source=source).count()
        registered = RegisterEntry.objects.filter(application__source=source).count()
        job.status, job.finished_at = JobStatus.SUCCEEDED, timezone.now()
        job.result = {"households": total, "members": members, "registered": registered, "workers": workers, "batch": batch, **stats}
        job.save(update_fields=["status", "finished_at", "result"])
        elapsed = stats["seconds"]
        self.stdout.write(
            self.style.SUCCESS(
                f"完成：{total} 户，共 {members} 名成员，准予登记 {registered} 户，{stats['rows']} 行（种子 {seed}）；用时 {elapsed:.1f} 秒，"
                f"{total / elapsed:,.0f} 户/秒，{stats['rows'] / elapsed:,.0f} 行/秒。"
                f"分项（秒）：生成 {stats['generate_seconds']:.1f}，加密与索引 {stats['crypto_seconds']:.1f}"
                f"（SM4 {stats['encryptions']} 次、HMAC {stats['indexes']} 次），组装行 {stats['render_seconds']:.1f}，"
                f"写入 {stats['write_seconds']:.1f}，重建索引 {stats['index_seconds']:.1f}；子进程 {workers} 个。"
            )
        )

    def _run(self, generator: HouseholdGenerator, spec: RenderSpec, *, total: int, batch: int, workers: int,
             year: int, job: JobProgress, indexes: DeferredIndexes | None = None) -> dict:  # fmt: skip
        """Generate in this process, encrypt and render in the pool, write here; batches overlap."""
        stats = dict.fromkeys(("generate_seconds", "crypto_seconds", "render_seconds", "write_seconds", "index_seconds"), 0.0)
        stats.update(encryptions=0, indexes=0, rows=0)
        ids = IdAllocator()
        if connection.vendor == "sqlite":  # this connection only: a 256 MB page cache keeps the indexes in memory
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA cache_size = -262144")
        started = time.perf_counter()
        if indexes is not None:
            indexes.drop(job)
            self.stdout.write(f"已暂时删除 {len(indexes.definitions)} 个非唯一索引，写完后重建。")
        pool = multiprocessing.get_context("spawn").Pool(workers, worker_init, (spec,)) if workers else None
        if pool is None:
            local = Renderer(spec, encrypt=provider_encrypt_many, index=provider_index_many) if spec.keys is None else Renderer(spec)
        pending: deque = deque()
        generated = done = 0
        try:
            while done < total:
                while generated < total and len(pending) <= workers:
                    count = min(batch, total - generated)
                    tick = time.perf_counter()
                    households = [generator.household() for _ in range(count)]
                    stats["generate_seconds"] += time.perf_counter() - tick
                    task = (
                        households, ids.take(count), self._numbers(households, year),
                        self._numbers([h for h in households if h[H_STATUS] == "registered"], year, kind="register"),
                    )  # fmt: skip
                    pending.append(pool.apply_async(worker_render, (task,)) if pool else local.render(*task))
                    generated += count
                result = pending.popleft()
                rendered = result.get() if pool else result
                tick = time.perf_counter()
                rows_write(spec, rendered)
                stats["write_seconds"] += time.perf_counter() - tick
                for key in ("crypto_seconds", "render_seconds", "encryptions", "indexes"):
                    stats[key] += rendered[key]
                stats["rows"] += sum(rendered["counts"].values())
                done += rendered["counts"]["application"]
                elapsed = time.perf_counter() - started
                job.done = done
                job.save(update_fields=["done"])
                self.stdout.write(f"已生成 {done}/{total} 户（{done / elapsed:,.0f} 户/秒，用时 {elapsed:.1f} 秒）")
        finally:
            if pool is not None:
                pool.terminate()
                pool.join()
            if indexes is not None:
                tick = time.perf_counter()
                self.stdout.write(f"重建 {len(indexes.definitions)} 个索引……")
                indexes.restore(job)
                stats["index_seconds"] = time.perf_counter() - tick
        stats["seconds"] = time.perf_counter() - started
        return {key: round(value, 3) if isinstance(value, float) else value for key, value in stats.items()}

    def _restore_left_indexes(self) -> None:
        """Rebuild the indexes a killed earlier run dropped (recorded in its job row), then forget them."""
        for job in JobProgress.objects.filter(kind="demo_data", status=JobStatus.RUNNING).order_by("pk"):
            definitions = (job.result or {}).get("dropped_indexes") if isinstance(job.result, dict) else None
            if definitions:
                self.stdout.write(f"重建上次中断时删除的 {len(definitions)} 个索引……")
                restore_indexes(definitions, [model._meta.db_table for model in MODELS.values()])
                job.status, job.result = JobStatus.FAILED, {k: v for k, v in job.result.items() if k != "dropped_indexes"}
                job.save(update_fields=["status", "result"])

    @staticmethod
    def _numbers(households: list[tuple], year: int, kind: str = "application") -> list[str]:
        """申请编号 (or 登记编号) of a batch: one block per county (one counter update each), in stream order."""
        by_county: dict[str, int] = {}
        for household in households:
            county = household[H_REGION][:6]
            by_county[county] = by_county.get(county, 0) + 1
        blocks = {
            county: iter(business_numbers_reserve(kind=kind, region_code=county, year=year, count=count))
            for county, count in sorted(by_county.items())
        }
        return [next(blocks[household[H_REGION][:6]]) for household in households]

    @staticmethod
    def _delete(source: str) -> None:
        """Remove one seed's households, set-based."""
        with transaction.atomic():
            ids = Application.objects.filter(source=source).values("id")
            RegisterEntry.objects.filter(application_id__in=ids)._raw_delete(RegisterEntry.objects.db)
            Member.objects.filter(application_id__in=ids)._raw_delete(Member.objects.db)
            Dwelling.objects.filter(application_id__in=ids)._raw_delete(Dwelling.objects.db)
            Asset.objects.filter(application_id__in=ids)._raw_delete(Asset.objects.db)
            Application.objects.filter(source=source)._raw_delete(Application.objects.db)



def provider_encrypt_many(values: list[str]) -> list[str]:
    """Encrypt through the configured provider (any provider, one call per value)."""
    encrypt = get_provider().encrypt
    return [encrypt(value) for value in values]


def provider_index_many(values: list[str], purpose: str) -> list[str]:
    """Blind indexes through the configured provider."""
    index = get_provider().blind_index
    return [index(value, purpose=purpose) for value in values]
