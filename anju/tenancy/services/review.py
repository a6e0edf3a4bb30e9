"""年审 (A.8.8): a round per year and region re-evaluates every active beneficiary set-wise.

The rules verdict comes from the rules app's batch evaluator as a queryset (`verdict_queryset`, the same
answers as `evaluate_application`); arrears from the charges (one grouped query); violations are the
household's exit cases on conduct grounds. The three are joined in ONE `INSERT … SELECT` that stores every
household's result; households that no longer qualify or hold arrears or violations become review tasks
(`tenancy_annual_review` workflow) whose outcome is continue / adjust (rent or subsidy, `review_adjust`) / exit.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from anju.admission.models import Application, RegisterEntry
from anju.core.scoping import significant_prefix
from anju.core.services.numbers import business_number_next
from anju.tenancy.choices import ExitGround, ExitStatus, OccupancyStatus, ReviewOutcome, ReviewStatus
from anju.tenancy.events import TenancyEvent
from anju.tenancy.models import (
    AdjustKind,
    ExitCase,
    MoveIn,
    RentCharge,
    ReviewResult,
    ReviewRound,
    StandardAdjustment,
)
from anju.tenancy.permissions import DECISION_ROLES, tenancy_check
from anju.tenancy.processes import REVIEW_PROCESS
from anju.tenancy.services.arrears import arrears_by_household
from anju.tenancy.services.common import actor, audit, month_parse
from anju.tenancy.services.occupancy import ACTIVE_LEASE_STATUSES

WAITING_STATE = "01"  # 轮候中: registered but not yet a beneficiary
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
    """Evaluate every beneficiary of the round set-wise, store one result each, open review tasks for the flagged.

    The results are written by ONE `INSERT … SELECT` (`review_results_insert`); Python never sees a household.
    """
    if review_round.status == ReviewStatus.EVALUATED:
        raise ValidationError("该年审已评估。")
    ReviewRound.objects.filter(pk=review_round.pk).update(status=ReviewStatus.RUNNING)
    if on_total:  # the job page shows the size while the one statement runs
        on_total(review_beneficiaries(region_code=review_round.region_code, scope_date=review_round.scope_date).count())
    with transaction.atomic():
        ReviewResult.objects.filter(round=review_round).delete()  # a run killed half-way left nothing usable
        total = review_results_insert(review_round=review_round)
    if progress:
        progress(total)
    tally = ReviewResult.objects.filter(round=review_round).aggregate(
        n_eligible=Count("id", filter=Q(eligible=True)),
        n_ineligible=Count("id", filter=Q(eligible=False)),
        n_arrears=Count("id", filter=Q(arrears_amount__gt=0)),
        n_flagged=Count("id", filter=Q(flagged=True)),
    )
    counts = {key.removeprefix("n_"): value for key, value in tally.items()}
    ReviewRound.objects.filter(pk=review_round.pk).update(
        status=ReviewStatus.EVALUATED,
        total=total,
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
          detail={"total": total, **counts})  # fmt: skip
    return review_round


def review_results_insert(*, review_round: ReviewRound) -> int:
    """Write the round's results with one `INSERT … SELECT`; the number of rows written.

    The SELECT joins three ORM-built queries: the rules verdict of every beneficiary's application
    (`verdict_queryset`, the batch evaluator's SQL), the arrears per household (`arrears_by_household`)
    and the conduct violations per household. A household is flagged (outcome 待复核) when it no longer
    qualifies, owes rent, or has a violation; otherwise it passes.
    """
    from anju.rules.services.evaluation import verdict_queryset

    scope = review_round.scope_date
    entries = review_beneficiaries(region_code=review_round.region_code, scope_date=scope)
    verdicts = (
        verdict_queryset(queryset=Application.objects.filter(register_entry__in=entries), as_of=scope)
        .annotate(entry_id=F("register_entry__id"), entry_region=F("register_entry__region_code"))
        .values("entry_id", "entry_region", "rules_ok")
        .order_by()
    )
    arrears = arrears_by_household(charges=RentCharge.objects.filter(register_entry__in=entries), as_of=scope)
    arrears = arrears.values("register_entry", "total", "months").order_by()
    violations = (
        ExitCase.objects.filter(register_entry__in=entries, ground__in=CONDUCT_GROUNDS)
        .exclude(status=ExitStatus.KEPT)
        .order_by()
        .values("register_entry")
        .annotate(n=Count("id"))
        .values("register_entry", "n")
    )
    v_sql, v_params = verdicts.query.sql_with_params()
    a_sql, a_params = arrears.query.sql_with_params()
    x_sql, x_params = violations.query.sql_with_params()
    qn = connection.ops.quote_name
    # The aliases Django gives the values() columns: the field/annotation names, quoted.
    entry, region, ok = qn("entry_id"), qn("entry_region"), qn("rules_ok")
    a_entry, a_total, a_months = qn("register_entry"), qn("total"), qn("months")
    owed = f"COALESCE(a.{a_total}, 0)"
    broken = f"COALESCE(x.{qn('n')}, 0)"
    flagged = f"(v.{ok} = %s OR {owed} > 0 OR {broken} > 0)"
    columns = {
        "round_id": ("%s", [review_round.pk]),
        "register_entry_id": (f"v.{entry}", []),
        "region_code": (f"v.{region}", []),
        "eligible": (f"v.{ok}", []),
        "arrears_amount": (owed, []),
        "arrears_months": (f"COALESCE(a.{a_months}, 0)", []),
        "violations": (broken, []),
        "flagged": (f"CASE WHEN {flagged} THEN %s ELSE %s END", [False, True, False]),
        "outcome": (f"CASE WHEN {flagged} THEN %s ELSE %s END", [False, ReviewOutcome.PENDING, ReviewOutcome.PASSED]),
        "opinion": ("''", []),
        "notice_number": ("''", []),
    }
    names, values, params = [], [], []
    for attname, (sql, extra) in columns.items():
        field = ReviewResult._meta.get_field(attname.removesuffix("_id"))
        names.append(qn(field.column))
        values.append(sql)
        params.extend(extra)
    table = qn(ReviewResult._meta.db_table)
    statement = (
        f"INSERT INTO {table} ({', '.join(names)}) SELECT {', '.join(values)} "  # noqa: S608 - composed of quoted names
        f"FROM ({v_sql}) v LEFT JOIN ({a_sql}) a ON a.{a_entry} = v.{entry} "
        f"LEFT JOIN ({x_sql}) x ON x.{qn('register_entry')} = v.{entry}"
    )
    # Parameters in textual order: the SELECT list, then the three derived tables.
    with connection.cursor() as cursor:
        cursor.execute(statement, [*params, *v_params, *a_params, *x_params])
        return cursor.rowcount


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


def review_result_decide(
    *,
    result: ReviewResult,
    outcome: str,
    opinion: str,
    acting_user: Any,
    adjust_kind: str = "",
    new_amount: Decimal | None = None,
    effective_month: date | str | None = None,
    adjust_reason: str = "",
) -> ReviewResult:
    """复核结论 continue / adjust / exit: completes the review task.

    Adjust changes the rent of the household's lease (`rent_adjust`) or the standard of its rental subsidy
    contract (`subsidy_standard_adjust`) from a month on, and needs the kind, the new monthly amount, the
    month and a reason. Exit opens an exit case on the household.
    """
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
    if outcome == ReviewOutcome.ADJUST:
        adjust_check(adjust_kind=adjust_kind, new_amount=new_amount, effective_month=effective_month,
                     adjust_reason=adjust_reason)  # fmt: skip
    with transaction.atomic():
        task = open_task(result.process_instance)
        if task is None:
            raise ValidationError("该家庭没有待办的年审复核任务。")
        adjustment = None
        if outcome == ReviewOutcome.ADJUST:
            adjustment = review_adjust(result=result, kind=adjust_kind, new_amount=new_amount,
                                       effective_month=effective_month, reason=adjust_reason, acting_user=acting_user)  # fmt: skip
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
        detail = {"result": result.pk, "outcome": outcome}
        if adjustment is not None:
            detail["adjustment"] = {"number": adjustment.number, "kind": adjustment.kind,
                                    "old": str(adjustment.old_amount), "new": str(adjustment.new_amount),
                                    "from": f"{adjustment.effective_from:%Y-%m}", "reason": adjustment.reason}  # fmt: skip
        audit(action="APPROVAL", user=acting_user, obj=result.round, event=TenancyEvent.REVIEW_DECIDED, detail=detail)
    return result


def adjust_check(*, adjust_kind: str, new_amount: Any, effective_month: Any, adjust_reason: str) -> None:
    """The fields an adjust decision needs (Chinese messages keyed by field)."""
    errors: dict[str, list[str]] = {}
    if adjust_kind not in AdjustKind.values:
        errors["adjust_kind"] = ["请选择调整租金或调整补贴标准。"]
    if new_amount in (None, ""):
        errors["new_amount"] = ["请填写调整后的金额（元/月）。"]
    else:
        try:
            amount = Decimal(str(new_amount))
        except (InvalidOperation, ValueError):
            amount = None
        if amount is None or not amount.is_finite():
            errors["new_amount"] = ["调整后的金额应为数字（元/月）。"]
        elif amount < 0:
            errors["new_amount"] = ["调整后的金额不能为负数。"]
    if effective_month in (None, ""):
        errors["effective_month"] = ["请填写调整起始月份（YYYY-MM）。"]
    else:
        try:
            month_parse(effective_month)
        except ValidationError as error:
            errors["effective_month"] = list(error.messages)
    if not (adjust_reason or "").strip():
        errors["adjust_reason"] = ["请填写调整理由。"]
    if errors:
        raise ValidationError(errors)


def review_adjust(
    *, result: ReviewResult, kind: str, new_amount: Any, effective_month: Any, reason: str, acting_user: Any
) -> StandardAdjustment:
    """Carry out an adjust decision: the lease's rent or the rental subsidy standard from the month on."""
    from anju.tenancy.services.rent import rent_adjust

    amount, month = Decimal(str(new_amount)).quantize(Decimal("0.01")), month_parse(effective_month)
    entry = result.register_entry
    if kind == AdjustKind.RENT:
        move_in = (
            MoveIn.objects.filter(register_entry=entry, lease__status__in=ACTIVE_LEASE_STATUSES)
            .exclude(status=OccupancyStatus.VACATED)
            .order_by("-moved_in_on", "-pk")
            .first()
        )
        if move_in is None:
            raise ValidationError({"adjust_kind": ["该家庭没有在租的入住记录，不能调整租金。"]})
        return rent_adjust(move_in=move_in, new_rent=amount, effective_from=month, reason=reason,
                           acting_user=acting_user, review_result=result)  # fmt: skip
    from anju.core.services.numbers import business_numbers_reserve
    from anju.distribution.services.subsidy_adjust import subsidy_standard_adjust

    contract, old = subsidy_standard_adjust(register_entry=entry, new_amount=amount, effective_from=month,
                                            reason=reason.strip(), acting_user=acting_user,
                                            source=f"{result.round.year}年度年审（{entry.number}）")  # fmt: skip
    return StandardAdjustment.objects.create(
        number=business_numbers_reserve(kind="notice", prefix="TJ", region_code=result.region_code, count=1)[0],
        kind=AdjustKind.SUBSIDY, register_entry=entry, review_result=result, contract=contract,
        effective_from=month, old_amount=old, new_amount=amount, reason=reason.strip(), region_code=result.region_code,
        created_by=actor(acting_user), updated_by=actor(acting_user),
    )  # fmt: skip


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
