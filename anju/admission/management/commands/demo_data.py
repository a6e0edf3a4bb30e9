"""manage.py demo_data: generate N realistic demo households, set-based and deterministic."""

from __future__ import annotations

import time
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, models, transaction
from django.utils import timezone

from anju.admission.demo import Household, HouseholdGenerator
from anju.admission.models import Application, Asset, Dwelling, Member
from anju.admission.services.numbers_block import business_number_block
from anju.core.crypto import get_provider
from anju.core.fields import blind_index
from anju.core.models import JobProgress, Region
from anju.core.models.jobs import JobStatus
from anju.core.models.regions import RegionLevel
from anju.core.scoping import significant_prefix

BULK_SIZE = 5000
CENT = Decimal("0.01")


class EncryptionTimer:
    """Measures the time spent in SM4-GCM encryption while the command runs (for the report)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.calls = 0
        self.provider = get_provider()
        self.original = self.provider.encrypt

    def __enter__(self) -> EncryptionTimer:
        def timed(plaintext: str) -> str:
            start = time.perf_counter()
            try:
                return self.original(plaintext)
            finally:
                self.seconds += time.perf_counter() - start
                self.calls += 1

        self.provider.encrypt = timed  # type: ignore[method-assign]
        return self

    def __exit__(self, *exc: object) -> None:
        del self.provider.encrypt  # back to the class method


def rows_insert(model: type[models.Model], objects: list[models.Model]) -> None:
    """INSERT model instances with one executemany; only values that need preparing are prepared.

    `bulk_create` compiles every value through the ORM (about two thirds of the run time on
    SQLite, where it also splits into 18-row statements); encrypted fields still go through
    `get_db_prep_save`, so the stored values are exactly what the ORM would store.
    """
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    simple = (models.CharField, models.IntegerField, models.BooleanField)
    prepare = [
        None if isinstance(f, simple) or f.is_relation else (lambda v, f=f: f.get_db_prep_save(v, connection))
        for f in fields
    ]
    quote = connection.ops.quote_name
    # table and column names come from model metadata (quoted); every value is a parameter
    columns = ", ".join(quote(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608
    attnames = [f.attname for f in fields]
    params = [
        [getattr(obj, name) if p is None else p(getattr(obj, name)) for name, p in zip(attnames, prepare, strict=True)]
        for obj in objects
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(params), BULK_SIZE):
            cursor.executemany(sql, params[start : start + BULK_SIZE])


def demo_source(seed: int) -> str:
    """The `Application.source` tag of one seed's households."""
    return f"demo:{seed}"


class Command(BaseCommand):
    """Generate demo households for the demo city (演示数据)."""

    help = "为演示城市生成确定性的演示申请家庭（同一种子生成相同数据）。"

    def add_arguments(self, parser: CommandParser) -> None:
        """--households, --seed, --city, --batch, --append, --replace."""
        parser.add_argument("--households", type=int, required=True, help="生成的家庭户数")
        parser.add_argument("--seed", type=int, required=True, help="随机种子（相同种子生成相同数据）")
        parser.add_argument("--city", default=settings.ANJU_DEMO_CITY, help="城市行政区划代码前缀，默认 341600")
        parser.add_argument("--batch", type=int, default=20000, help="每批户数（默认 20000）")
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--append", action="store_true", help="同一种子已生成过时，继续追加新的家庭")
        group.add_argument("--replace", action="store_true", help="同一种子已生成过时，先删除再重新生成")

    def handle(self, *args: Any, **options: Any) -> None:
        """Check, generate batch by batch, report rows per second and the encryption share."""
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
        started = time.perf_counter()
        done = 0
        with EncryptionTimer() as timer:
            while done < total:
                count = min(batch, total - done)
                households = [generator.household() for _ in range(count)]
                self._insert(households, source=source)
                done += count
                elapsed = time.perf_counter() - started
                job.done = done
                job.save(update_fields=["done"])
                self.stdout.write(f"已生成 {done}/{total} 户（{done / elapsed:,.0f} 户/秒，用时 {elapsed:.1f} 秒）")
        elapsed = time.perf_counter() - started
        members = Member.objects.filter(application__source=source).count()
        job.status, job.finished_at = JobStatus.SUCCEEDED, timezone.now()
        job.result = {
            "households": total,
            "seconds": round(elapsed, 2),
            "encryption_seconds": round(timer.seconds, 2),
            "encryptions": timer.calls,
        }
        job.save(update_fields=["status", "finished_at", "result"])
        share = timer.seconds * 100 / elapsed if elapsed else 0
        self.stdout.write(
            self.style.SUCCESS(
                f"完成：{total} 户，共 {members} 名成员（种子 {seed}）；用时 {elapsed:.1f} 秒，{total / elapsed:,.0f} 户/秒；"
                f"SM4 加密 {timer.calls} 次，{timer.seconds:.1f} 秒，占 {share:.0f}%。"
            )
        )

    @staticmethod
    def _delete(source: str) -> None:
        """Remove one seed's households, set-based."""
        with transaction.atomic():
            ids = Application.objects.filter(source=source).values("id")
            Member.objects.filter(application_id__in=ids)._raw_delete(Member.objects.db)
            Dwelling.objects.filter(application_id__in=ids)._raw_delete(Dwelling.objects.db)
            Asset.objects.filter(application_id__in=ids)._raw_delete(Asset.objects.db)
            Application.objects.filter(source=source)._raw_delete(Application.objects.db)

    @staticmethod
    def _insert(households: list[Household], *, source: str) -> None:
        """Build the rows of one batch in Python and bulk-insert them in one transaction."""
        now = timezone.now()
        year = timezone.localdate().year
        by_county: dict[str, int] = {}
        for household in households:
            by_county[household.region_code[:6]] = by_county.get(household.region_code[:6], 0) + 1
        with transaction.atomic():
            blocks = {
                county: business_number_block(kind="application", region_code=county, year=year, count=count)
                for county, count in sorted(by_county.items())
            }
            numbers = {county: iter(block) for county, block in blocks.items()}
            applications = []
            for household in households:
                applicant = household.members[0]
                size = len(household.members)
                income = sum((m.annual_income for m in household.members), Decimal(0))
                area = sum((d["floor_area"] for d in household.dwellings), Decimal(0))
                region = household.region_code
                id_index = blind_index(applicant.id_number, purpose="id_number")
                applications.append(
                    Application(
                        region_code=region,
                        number=next(numbers[region[:6]]),
                        registration_year=year,
                        applicant_name=applicant.name,
                        id_type="111",
                        id_number=applicant.id_number,
                        id_number_index=id_index,
                        phone=applicant.phone,
                        phone_index=blind_index(applicant.phone, purpose="mobile"),
                        hukou_county=region[:6] + "000000",
                        hukou_street=region[:9] + "000",
                        hukou_community=region,
                        hukou_road=household.hukou_road,
                        hukou_house_number=household.hukou_house_number,
                        household_size=size,
                        income_total=income,
                        income_per_capita=(income / size).quantize(CENT, ROUND_HALF_UP),
                        floor_area_total=area,
                        floor_area_per_capita=(area / size).quantize(CENT, ROUND_HALF_UP),
                        is_low_income=household.is_low_income,
                        is_minimum_living=household.is_minimum_living,
                        minimum_living_certificate=household.minimum_living_certificate,
                        status=household.status,
                        submitted_at=(now - timedelta(days=household.submitted_days_ago))
                        if household.submitted_days_ago is not None
                        else None,
                        source=source,
                        created_at=now,
                        updated_at=now,
                    )
                )
            rows_insert(Application, applications)
            ids: dict[str, int] = {}
            for block in blocks.values():  # each county's numbers are one consecutive range
                ids.update(
                    Application.objects.filter(source=source, number__range=(block[0], block[-1])).values_list("number", "pk")
                )
            for application in applications:
                application.pk = ids[application.number]
            members, dwellings, assets = [], [], []
            for application, household in zip(applications, households, strict=True):
                for sequence, person in enumerate(household.members, 1):
                    members.append(
                        Member(
                            application_id=application.pk,
                            sequence=sequence,
                            is_applicant=sequence == 1,
                            relation=person.relation,
                            name=person.name,
                            id_type="111",
                            id_number=person.id_number,
                            id_number_index=application.id_number_index
                            if sequence == 1
                            else blind_index(person.id_number, purpose="id_number"),
                            sex=person.sex,
                            birth_date=person.birth_date,
                            ethnicity=person.ethnicity,
                            hukou_type=person.hukou_nature,
                            hukou_years=min((timezone.localdate() - person.birth_date).days // 365, 30),
                            phone=person.phone,
                            phone_index=application.phone_index
                            if sequence == 1
                            else blind_index(person.phone, purpose="mobile"),
                            employment_status=person.employment_status,
                            employer=person.employer,
                            education=person.education,
                            marital_status=person.marital_status,
                            annual_income=person.annual_income,
                        )
                    )
                for sequence, dwelling in enumerate(household.dwellings, 1):
                    dwellings.append(Dwelling(application_id=application.pk, sequence=sequence, **dwelling))
                for sequence, asset in enumerate(household.assets, 1):
                    assets.append(Asset(application_id=application.pk, sequence=sequence, **asset))
            rows_insert(Member, members)
            rows_insert(Dwelling, dwellings)
            rows_insert(Asset, assets)
