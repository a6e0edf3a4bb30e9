"""Prepare and check the window-opening surge benchmark (bench/locustfile_portal.py).

    manage.py portal_bench --seed 1000     # 1000 applicant accounts, each with a complete draft
    (run locust against the server, see bench/portal_README.md)
    manage.py portal_bench --check         # lost or duplicate submissions? writes bench/results/portal_surge-*.json

Accounts are 177xxxxxxxx numbers (index zero-padded) with one shared password; drafts are made
through the portal's own service (so the admission services validate them) with generated valid
resident IDs, and the proofs marked as covered by partner data. Use a scratch database.
"""

from __future__ import annotations

import json
import os
import platform
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import Count
from django.utils import timezone

BENCH_PASSWORD = "Anju#Surge2026!"  # noqa: S105 - a published benchmark password for a scratch database
MOBILE_PREFIX = "177"


def bench_mobile(index: int) -> str:
    """The mobile number of benchmark applicant `index` (0-based)."""
    return f"{MOBILE_PREFIX}{index:08d}"


def _resident_id(county: str, index: int) -> str:
    from stdnum.cn import ric

    # order codes from 900 up: demo_data counts its order codes from 000 per county and birth date
    # (a few dozen at most), so the bench applicants never collide with the demo households
    birth = date(1970, 1, 1) + timedelta(days=index % 12000)
    body = f"{county}{birth:%Y%m%d}{900 + (index // 12000) % 100:03d}"
    return body + ric.calc_check_digit(body + "0")


class Command(BaseCommand):
    """portal_bench --seed N | --check."""

    help = "Seed applicant accounts with drafts for the portal surge benchmark, or check the result."

    def add_arguments(self, parser: Any) -> None:
        """Options."""
        parser.add_argument("--seed", type=int, default=0, help="number of applicants to create")
        parser.add_argument("--check", action="store_true", help="count submissions, duplicates and losses")
        parser.add_argument(
            "--expect", type=int, default=0, help="with --check: submissions the load generator saw confirmed"
        )
        parser.add_argument("--results", default=str(Path(settings.BASE_DIR) / "bench" / "results"))

    def handle(self, *args: Any, **options: Any) -> None:
        """Seed or check."""
        if options["seed"]:
            self.seed(options["seed"])
        if options["check"]:
            self.verify(Path(options["results"]), expect=options["expect"])
        if not options["seed"] and not options["check"]:
            raise CommandError("请指定 --seed N 或 --check。")

    def seed(self, count: int) -> None:
        """Create `count` applicants, each with a complete draft ready to submit."""
        from anju.accounts.models import User
        from anju.accounts.roles import Role
        from anju.accounts.services.roles import role_grant_record
        from anju.accounts.services.users import user_mobile_set
        from anju.core.models import Region
        from anju.core.models.regions import RegionLevel
        from anju.portal.models import OnlineApplication
        from anju.portal.services.accounts import applicant_username, mobile_index
        from anju.portal.services.online import household_save
        from anju.workflow.models import ProcessTemplate

        communities = list(
            Region.objects.filter(
                level=RegionLevel.COMMUNITY, code__startswith=str(settings.ANJU_DEMO_CITY)[:4]
            ).values_list("code", flat=True)[:50]
        )
        if not communities:
            raise CommandError("没有社区区划：请先运行 load_regions 和 demo_data。")
        if not ProcessTemplate.objects.filter(code="public_rental_admission").exists():
            raise CommandError("没有准入审核流程：请先运行 load_processes。")
        password_hash = make_password(BENCH_PASSWORD)
        created = 0
        for index in range(count):
            mobile = bench_mobile(index)
            username = applicant_username(mobile_index(mobile))
            if User.objects.filter(username=username).exists():
                continue
            with transaction.atomic():
                user = User(
                    username=username,
                    full_name=f"压测{index}",
                    password=password_hash,
                    password_changed_at=timezone.now(),
                )
                user_mobile_set(user, mobile)
                user.save()
                role_grant_record(user=user, role=Role.APPLICANT, granted_by=None)
                community = communities[index % len(communities)]
                online = household_save(
                    user=user,
                    data={
                        "applicant_name": f"压测{index}",
                        "id_number": _resident_id(community[:6], index),
                        "phone": mobile,
                    },
                    region_code=community,
                )
                OnlineApplication.objects.filter(pk=online.pk).update(
                    proofs_waived={code: "压测：视同部门数据已核验" for code in ("01", "02", "03", "04")}, step="check"
                )
            created += 1
            if created % 100 == 0:
                self.stdout.write(f"已创建 {created} 户")
        self.stdout.write(
            self.style.SUCCESS(f"压测申请人 {created} 户已就绪（手机号 {bench_mobile(0)} 起，密码 {BENCH_PASSWORD}）。")
        )

    def verify(self, results: Path, expect: int = 0) -> None:
        """Every bench draft submitted at most once: one process instance per submitted application, no orphans.

        Lost: an application marked submitted online without a process instance, or (with `expect`,
        the number of submissions the load generator saw confirmed) fewer submitted than confirmed.
        Duplicate: more than one process instance for one application. Half-done: a process
        instance for an application the portal does not mark as submitted.
        """
        from django.contrib.contenttypes.models import ContentType
        from django.db.models import Max, Min

        from anju.admission.models import Application
        from anju.portal.models import OnlineApplication
        from anju.workflow.models import ProcessInstance

        bench = OnlineApplication.objects.filter(user__full_name__startswith="压测")
        total = bench.count()
        submitted_ids = {
            str(i) for i in bench.filter(submitted_at__isnull=False).values_list("application_id", flat=True)
        }
        submitted = len(submitted_ids)
        app_ids = list(bench.values_list("application_id", flat=True))
        statuses = dict(
            Application.objects.filter(pk__in=app_ids)
            .values_list("status")
            .annotate(n=Count("id"))
            .values_list("status", "n")
        )
        numbered = Application.objects.filter(pk__in=app_ids).exclude(number="").values("number").distinct().count()
        instances = {
            row["object_id"]: row["n"]
            for row in ProcessInstance.objects.filter(
                content_type=ContentType.objects.get_for_model(Application), object_id__in=[str(i) for i in app_ids]
            )
            .values("object_id")
            .annotate(n=Count("id"))
        }
        duplicates = sum(1 for n in instances.values() if n > 1)
        lost = len(submitted_ids - instances.keys())
        half_done = len(instances.keys() - submitted_ids)
        unconfirmed = max(expect - submitted, 0) if expect else 0
        span = bench.aggregate(first=Min("submitted_at"), last=Max("submitted_at"))
        report = {
            "at": timezone.now().isoformat(),
            "database": f"{connection.vendor} {connection.pg_version if connection.vendor == 'postgresql' else ''}".strip(),
            "machine": {
                "python": platform.python_version(),
                "platform": platform.platform(),
                "cpus": os.cpu_count(),
                "load_average": [round(x, 2) for x in os.getloadavg()],
            },
            "drafts": total,
            "submitted": submitted,
            "expected_submitted": expect or None,
            "process_instances": len(instances),
            "duplicate_instances": duplicates,
            "submitted_without_instance": lost,
            "confirmed_but_not_submitted": unconfirmed,
            "instance_without_submission": half_done,
            "distinct_application_numbers": numbered,
            "statuses": statuses,
            "first_submitted_at": span["first"].isoformat() if span["first"] else None,
            "last_submitted_at": span["last"].isoformat() if span["last"] else None,
            "submission_span_s": round((span["last"] - span["first"]).total_seconds(), 2) if span["first"] else None,
        }
        results.mkdir(parents=True, exist_ok=True)
        path = results / f"portal_surge-{timezone.now():%Y%m%dT%H%M%S}.json"
        path.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
        self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
        if duplicates or lost or unconfirmed or half_done:
            raise CommandError(
                f"发现重复提交 {duplicates} 件、丢失 {lost + unconfirmed} 件、未完成提交 {half_done} 件（详见 {path}）。"
            )
        self.stdout.write(self.style.SUCCESS(f"无重复、无丢失：{submitted}/{total} 件已提交。结果：{path}"))
