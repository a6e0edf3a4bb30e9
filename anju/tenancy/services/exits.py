"""退出: each ground is checked, decided through the `tenancy_exit` workflow, and ends with a notice and a deadline.

On 决定退出 the register entry's 保障状态 becomes 已退出 through the admission service
`register_entry_state_set`, and a household still living in a leased unit gets an ordered vacate (责令腾退)
with the move-out deadline.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from anju.admission.models import RegisterEntry
from anju.admission.models.register import SECURITY_STATE_EXITED
from anju.core.services.numbers import business_number_next
from anju.tenancy.choices import ExitGround, ExitStatus, OccupancyStatus, VacateKind
from anju.tenancy.events import TenancyEvent
from anju.tenancy.models import ExitCase, MoveIn
from anju.tenancy.permissions import DECISION_ROLES, OPERATION_ROLES, tenancy_check
from anju.tenancy.processes import EXIT_PROCESS
from anju.tenancy.services.arrears import household_ageing
from anju.tenancy.services.common import actor, audit
from anju.tenancy.services.parameters import parameter_for

FACT_GROUNDS = (ExitGround.OTHER_HOUSING, ExitGround.MISUSE, ExitGround.FALSE_INFO)


def _ground_problems(
    entry: RegisterEntry, ground: str, facts: str, measured_months: int | None
) -> tuple[list[str], int | None]:
    """Why a ground does not hold (Chinese), and the months measured for arrears/vacancy grounds."""
    params = parameter_for(entry.region_code)
    if ground not in ExitGround.values:
        return ["请选择退出事由。"], None
    if ground == ExitGround.ARREARS:
        months = household_ageing(register_entry=entry, as_of=timezone.localdate()).months
        if months < params.arrears_exit_months:
            return [f"该家庭欠租{months}个月，未达到规定的{params.arrears_exit_months}个月。"], months
        return [], months
    if ground == ExitGround.VACANT:
        if measured_months is None or measured_months < params.vacant_exit_months:
            return [f"闲置月数应达到规定的{params.vacant_exit_months}个月（请填写核实的闲置月数）。"], measured_months
        return [], measured_months
    if ground == ExitGround.INCOME_ASSETS:
        from anju.rules.services.evaluation import evaluate_application

        try:
            decision = evaluate_application(application=entry.application, as_of=timezone.localdate(), record=False)
        except ValidationError as exc:
            return [f"无法按现行规则核验收入和资产：{'；'.join(exc.messages)}"], None
        if decision.eligible:
            return ["按现行保障规则和最新数据，该家庭收入、资产仍符合条件。"], None
    return [], measured_months


def exit_case_open(
    *,
    register_entry: RegisterEntry,
    ground: str,
    facts: str,
    acting_user: Any,
    measured_months: int | None = None,
    review_result: Any = None,
) -> ExitCase:
    """发起退出: check the ground, record the case and start the exit workflow (task for the district)."""
    from anju.workflow.services.runtime import instance_start

    tenancy_check(acting_user, register_entry.region_code, roles=OPERATION_ROLES)
    facts = (facts or "").strip()
    errors: dict[str, list[str]] = {}
    if not register_entry.is_active:
        errors.setdefault("register_entry", []).append("该家庭已退出保障。")
    if ExitCase.objects.filter(register_entry=register_entry, status=ExitStatus.OPEN).exists():
        errors.setdefault("register_entry", []).append("该家庭已有办理中的退出。")
    if len(facts) < 4:
        errors.setdefault("facts", []).append("请填写事实与证据。")
    if review_result is None:
        problems, months = _ground_problems(register_entry, ground, facts, measured_months)
    else:  # decided in the annual review: the review's verdict is the evidence
        problems, months = ([] if ground in ExitGround.values else ["请选择退出事由。"]), measured_months
    if problems:
        errors.setdefault("ground", []).extend(problems)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        RegisterEntry.objects.select_for_update(of=("self",)).filter(pk=register_entry.pk).first()
        sequence = ExitCase.objects.filter(register_entry=register_entry).count() + 1
        case = ExitCase(
            number=f"TC{register_entry.number}-{sequence:02d}",
            register_entry=register_entry,
            region_code=register_entry.region_code,
            ground=ground,
            facts=facts,
            measured_months=months,
            review_result=review_result,
            created_by=actor(acting_user),
            updated_by=actor(acting_user),
        )
        case.full_clean()
        case.save()
        instance = instance_start(template=EXIT_PROCESS, business_object=case, acting_user=acting_user,
                                  name=f"住房保障退出：{register_entry.applicant_name}（{case.get_ground_display()}）")  # fmt: skip
        ExitCase.objects.filter(pk=case.pk).update(process_instance=instance)
        case.process_instance = instance
        audit(action="RECORD_CREATED", user=acting_user, obj=case, event=TenancyEvent.EXIT_OPENED,
              detail={"ground": ground, "months": months})  # fmt: skip
    return case


def open_task(instance: Any) -> Any:
    """The open task of a running workflow instance (None when it has ended)."""
    from anju.workflow.choices import OPEN_TASK_STATES

    if instance is None:
        return None
    return instance.tasks.filter(state__in=OPEN_TASK_STATES).order_by("pk").first()


def exit_case_decide(
    *, case: ExitCase, approve: bool, opinion: str, acting_user: Any, move_out_deadline: date | None = None
) -> ExitCase:
    """决定退出 (notice number, deadline, register → 已退出, ordered vacate) or 不予退出; completes the workflow task."""
    from anju.admission.services.registration import register_entry_state_set
    from anju.tenancy.services.occupancy import vacate_create
    from anju.workflow.choices import Decision
    from anju.workflow.services.runtime import task_complete

    tenancy_check(acting_user, case.region_code, roles=DECISION_ROLES)
    if case.status != ExitStatus.OPEN:
        raise ValidationError("该退出已作出决定。")
    opinion = (opinion or "").strip()
    if not opinion:
        raise ValidationError({"opinion": ["请填写决定意见。"]})
    today = timezone.localdate()
    params = parameter_for(case.region_code)
    deadline = move_out_deadline or today + timedelta(days=params.move_out_days)
    if approve and deadline < today:
        raise ValidationError({"move_out_deadline": ["腾退期限不能早于今天。"]})
    with transaction.atomic():
        task = open_task(case.process_instance)
        if task is None:
            raise ValidationError("该退出没有待办的审核任务。")
        task_complete(task=task, acting_user=acting_user, opinion=opinion,
                      decision=Decision.APPROVE if approve else Decision.DENY)  # fmt: skip
        case.opinion, case.decided_at, case.decided_by = opinion, timezone.now(), actor(acting_user)
        case.updated_by = actor(acting_user)
        if approve:
            case.status = ExitStatus.EXITED
            case.move_out_deadline = deadline
            case.notice_number = business_number_next(kind="notice", region_code=case.region_code)
            register_entry_state_set(entry=case.register_entry, security_state=SECURITY_STATE_EXITED,
                                     acting_user=acting_user, on_date=today)  # fmt: skip
            move_in = MoveIn.objects.filter(register_entry=case.register_entry, status=OccupancyStatus.OCCUPIED).first()
            if move_in is not None:
                vacate_create(move_in=move_in, kind=VacateKind.ORDERED, reason=f"退出保障：{case.get_ground_display()}",
                              notified_on=today, move_out_deadline=deadline, acting_user=acting_user)  # fmt: skip
        else:
            case.status = ExitStatus.KEPT
        case.save()
        audit(action="APPROVAL", user=acting_user, obj=case, event=TenancyEvent.EXIT_DECIDED,
              detail={"approve": approve, "notice": case.notice_number, "deadline": deadline.isoformat() if approve else ""})  # fmt: skip
    return case


def exit_notice_context(case: ExitCase) -> dict[str, Any]:
    """The variables of the 退出通知书."""
    move_in = (
        MoveIn.objects.filter(register_entry=case.register_entry)
        .select_related("unit__building")
        .order_by("-pk")
        .first()
    )
    return {
        "applicant_name": case.register_entry.applicant_name,
        "register_number": case.register_entry.number,
        "notice_number": case.notice_number,
        "ground": case.get_ground_display(),
        "facts": case.facts,
        "deadline": f"{case.move_out_deadline:%Y年%m月%d日}" if case.move_out_deadline else "",
        "unit": str(move_in.unit) if move_in else "",
        "decision_date": f"{timezone.localtime(case.decided_at):%Y年%m月%d日}" if case.decided_at else "",
        "department": "住房保障部门",
    }
