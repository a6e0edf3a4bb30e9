"""年审 (A.8.8): a round per year and region re-evaluates every active beneficiary set-wise.

The rules verdict comes from the rules app's batch evaluator (`evaluate_batch`, one SQL statement, the same
answers as `evaluate_application`); arrears from the charges (one grouped query); violations are the
household's exit cases on conduct grounds. Results are stored with `bulk_create`; households that no
longer qualify or hold arrears or violations become review tasks (`tenancy_annual_review` workflow)
whose outcome is continue / adjust / exit.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from anju.admission.models import Application, RegisterEntry
from anju.core.scoping import significant_prefix
from anju.core.services.numbers import business_number_next
from anju.tenancy.choices import ExitGround, ExitStatus, ReviewOutcome, ReviewStatus
from anju.tenancy.events import TenancyEvent
from anju.tenancy.models import ExitCase, RentCharge, ReviewResult, ReviewRound
from anju.tenancy.permissions import DECISION_ROLES, tenancy_check
from anju.tenancy.processes import REVIEW_PROCESS
from anju.tenancy.services.arrears import arrears_by_household
from anju.tenancy.services.common import actor, audit

WAITING_STATE = "01"  # 轮候中: registered but not yet a beneficiary
BATCH = 5000
CONDUCT_GROUNDS = (ExitGround.MISUSE, ExitGround.FALSE_INFO, ExitGround.OTHER_HOUSING)


def review_beneficiaries(*, region_code: str, scope_date: date) -> Any:
    """Active beneficiaries of the region registered by the scope date."""
    return (
        RegisterEntry.objects.active()
        .within(region_code)
        .exclude(security_state=WAITING_STATE)
        .filter(registered_at__lt=_day_after(scope_date))  # not __date: no per-row date cast, index-friendly
    )


def _day_after(day: date) -> datetime:
    """Local midnight after `day` (aware)."""
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def review_round_create(*, year: int, region_code: str, scope_date: date, acting_user: Any) -> ReviewRound:
    """发起年审: one round per year and region (a second one is refused)."""
    tenancy_check(acting_user, region_code, roles=DECISION_ROLES)
    if ReviewRound.objects.filter(year=year, region_code=region_code).exists():
        raise ValidationError({"year": [f"{year}年度该区域已发起年审。"]})
    if scope_date.year > year + 1:
        raise ValidationError({"scope_date": ["年审范围时间节点应在年审年度内或次年。"]})
    with transaction.atomic():
        review_round = ReviewRound(
            number=f"NS{region_code}{year}",
            year=year,
            scope_date=scope_date,
            region_code=region_code,
            created_by=actor(acting_user),
            updated_by=actor(acting_user),
        )
        review_round.full_clean()
        review_round.save()
        audit(action="RECORD_CREATED", user=acting_user, obj=review_round, event=TenancyEvent.REVIEW_STARTED,
              detail={"year": year, "scope_date": scope_date.isoformat()})  # fmt: skip
    return review_round


def review_round_start(*, review_round: ReviewRound, acting_user: Any) -> Any:
    """Queue the evaluation as a background job with progress."""
    from anju.core.services.jobs import job_attach_task, job_create
    from anju.tenancy.tasks import review_round_task

    tenancy_check(acting_user, review_round.region_code, roles=DECISION_ROLES)
    if review_round.status in (ReviewStatus.RUNNING, ReviewStatus.EVALUATED):
        raise ValidationError("该年审已评估。")
    with transaction.atomic():
        job = job_create(kind="tenancy_annual_review", title=f"{review_round.year}年度年审评估", total=0, acting_user=acting_user,
                         idempotency_key=f"tenancy_review:{review_round.pk}")  # fmt: skip
        ReviewRound.objects.filter(pk=review_round.pk).update(job=job)
        result = review_round_task.enqueue(
            job_id=job.pk, round_id=review_round.pk, user_id=getattr(acting_user, "pk", None)
        )
        job_attach_task(job=job, task_result_id=str(result.id))
    job.refresh_from_db()
    return job


def review_round_evaluate(
    *,
    review_round: ReviewRound,
    acting_user: Any,
    open_tasks: bool = True,
    progress: Callable[[int], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> ReviewRound:
    """Evaluate every beneficiary of the round set-wise, store one result each, open review tasks for the flagged."""
    from anju.rules.services.evaluation import evaluate_batch

    if review_round.status == ReviewStatus.EVALUATED:
        raise ValidationError("该年审已评估。")
    ReviewRound.objects.filter(pk=review_round.pk).update(status=ReviewStatus.RUNNING)
    entries = review_beneficiaries(region_code=review_round.region_code, scope_date=review_round.scope_date)
    rows = list(entries.order_by("pk").values_list("pk", "application_id", "region_code"))
    if on_total:
        on_total(len(rows))
    verdicts = evaluate_batch(
        queryset=Application.objects.filter(register_entry__in=entries), as_of=review_round.scope_date
    )
    charges = RentCharge.objects.filter(register_entry__in=entries)
    arrears = {row["register_entry"]: (row["total"], row["months"])
               for row in arrears_by_household(charges=charges, as_of=review_round.scope_date)}  # fmt: skip
    violations = dict(
        ExitCase.objects.filter(register_entry__in=entries, ground__in=CONDUCT_GROUNDS)
        .exclude(status=ExitStatus.KEPT)
        .order_by()
        .values("register_entry")
        .annotate(n=Count("id"))
        .values_list("register_entry", "n")
    )
    counts = {"eligible": 0, "ineligible": 0, "arrears": 0, "flagged": 0}
    for start in range(0, len(rows), BATCH):
        batch = []
        for entry_id, application_id, region_code in rows[start : start + BATCH]:
            eligible = bool(verdicts.get(application_id, False))
            owed, months = arrears.get(entry_id, (Decimal(0), 0))
            broken = violations.get(entry_id, 0)
            flagged = not eligible or owed > 0 or broken > 0
            counts["eligible" if eligible else "ineligible"] += 1
            counts["arrears"] += owed > 0
            counts["flagged"] += flagged
            batch.append(ReviewResult(
                round=review_round, register_entry_id=entry_id, region_code=region_code, eligible=eligible,
                arrears_amount=owed, arrears_months=months, violations=broken, flagged=flagged,
                outcome=ReviewOutcome.PENDING if flagged else ReviewOutcome.PASSED,
            ))  # fmt: skip
        ReviewResult.objects.bulk_create(batch, ignore_conflicts=True)
        if progress:
            progress(len(batch))
    ReviewRound.objects.filter(pk=review_round.pk).update(
        status=ReviewStatus.EVALUATED,
        total=len(rows),
        eligible_count=counts["eligible"],
        ineligible_count=counts["ineligible"],
        arrears_count=counts["arrears"],
        flagged_count=counts["flagged"],
        evaluated_at=timezone.now(),
    )
    review_round.refresh_from_db()
    if open_tasks:
        review_tasks_open(review_round=review_round, acting_user=acting_user)
    audit(action="BATCH_RUN", user=acting_user, obj=review_round, event=TenancyEvent.REVIEW_EVALUATED,
          detail={"total": len(rows), **counts})  # fmt: skip
    return review_round


def review_tasks_open(*, review_round: ReviewRound, acting_user: Any) -> int:
    """Start a review workflow for each flagged result that has none yet; the number started."""
    from anju.workflow.services.runtime import instance_start

    started = 0
    pending = review_round.results.filter(flagged=True, process_instance__isnull=True).select_related("register_entry")
    for result in pending.iterator(chunk_size=500):
        with transaction.atomic():
            instance = instance_start(template=REVIEW_PROCESS, business_object=result, acting_user=acting_user,
                                      name=f"{review_round.year}年度年审复核：{result.register_entry.applicant_name}")  # fmt: skip
            ReviewResult.objects.filter(pk=result.pk).update(process_instance=instance)
        started += 1
    return started


def review_result_decide(*, result: ReviewResult, outcome: str, opinion: str, acting_user: Any) -> ReviewResult:
    """复核结论 continue / adjust / exit: completes the review task; exit opens an exit case on the household."""
    from anju.tenancy.services.exits import exit_case_open, open_task
    from anju.workflow.services.runtime import task_complete

    tenancy_check(acting_user, result.region_code, roles=DECISION_ROLES)
    decisions = (ReviewOutcome.CONTINUE, ReviewOutcome.ADJUST, ReviewOutcome.EXIT)
    if outcome not in decisions:
        raise ValidationError({"outcome": ["请选择继续保障、调整租金或补贴、退出保障之一。"]})
    if result.outcome != ReviewOutcome.PENDING:
        raise ValidationError("该家庭的年审已有结论。")
    opinion = (opinion or "").strip()
    if not opinion:
        raise ValidationError({"opinion": ["请填写复核意见。"]})
    with transaction.atomic():
        task = open_task(result.process_instance)
        if task is None:
            raise ValidationError("该家庭没有待办的年审复核任务。")
        result.outcome, result.opinion = outcome, opinion
        result.decided_at, result.decided_by = timezone.now(), actor(acting_user)
        result.notice_number = business_number_next(kind="notice", region_code=result.region_code)
        result.save()  # before the task: the workflow routes on the record's outcome
        task_complete(task=task, acting_user=acting_user, opinion=opinion, form_data={"outcome": outcome})
        if outcome == ReviewOutcome.EXIT:
            ground = ExitGround.INCOME_ASSETS if not result.eligible else ExitGround.ARREARS
            if result.eligible and result.arrears_amount <= 0:
                ground = ExitGround.MISUSE
            exit_case_open(register_entry=result.register_entry, ground=ground, acting_user=acting_user,
                           facts=f"{result.round.year}年度年审：{result.reasons}。{opinion}", review_result=result,
                           measured_months=result.arrears_months)  # fmt: skip
        audit(action="APPROVAL", user=acting_user, obj=result.round, event=TenancyEvent.REVIEW_DECIDED,
              detail={"result": result.pk, "outcome": outcome})  # fmt: skip
    return result


def review_outcome_counts(review_round: ReviewRound) -> dict[str, int]:
    """Households per outcome of a round (every outcome listed, zeros included)."""
    counts = dict(review_round.results.order_by().values("outcome").annotate(n=Count("id")).values_list("outcome", "n"))
    return {label: counts.get(value, 0) for value, label in ReviewOutcome.choices}


def review_notice_context(result: ReviewResult) -> dict[str, Any]:
    """The variables of the 年审结论通知书."""
    return {
        "applicant_name": result.register_entry.applicant_name,
        "register_number": result.register_entry.number,
        "notice_number": result.notice_number,
        "year": result.round.year,
        "outcome": result.get_outcome_display(),
        "reasons": result.reasons or "符合保障条件",
        "opinion": result.opinion,
        "decision_date": f"{timezone.localtime(result.decided_at):%Y年%m月%d日}" if result.decided_at else "",
        "department": "住房保障部门",
    }


def region_prefix_of(code: str) -> str:
    """The significant prefix of a region code (for filters)."""
    return significant_prefix(code)
