"""Double-benefit check (重复享受): a person may be in one unfinished application or one active register entry."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q

from anju.admission.choices import ApplicationStatus
from anju.admission.models import Member, RegisterEntry
from anju.admission.validation import code_name
from anju.core.masking import mask_id_number


def _registered_benefit_q() -> Q:
    """Members of a registered application whose register entry is still active (or not yet written)."""
    return Q(application__status=ApplicationStatus.REGISTERED) & (
        Q(application__register_entry__isnull=True)
        | (Q(application__register_entry__exited_at__isnull=True) & ~Q(application__register_entry__security_state="06"))
    )


def double_benefit_conflicts(*, id_number_indexes: Iterable[str], exclude_application_id: int | None = None) -> list[str]:
    """Chinese reasons why any of these people (by ID blind index) already has an application or a benefit."""
    indexes = sorted({i for i in id_number_indexes if i})
    if not indexes:
        return []
    members = (
        Member.objects.filter(id_number_index__in=indexes, application__is_deleted=False)
        .filter(~Q(application__status__in=[ApplicationStatus.REGISTERED, ApplicationStatus.DENIED]) | _registered_benefit_q())
        .select_related("application")
        .order_by("application__number", "sequence")
    )
    if exclude_application_id is not None:
        members = members.exclude(application_id=exclude_application_id)
    reasons: list[str] = []
    seen: set[str] = set()
    for member in members:
        seen.add(member.id_number_index)
        application = member.application
        if application.status == ApplicationStatus.REGISTERED:
            reasons.append(
                f"{member.name}（{mask_id_number(member.id_number)}）已是准予登记的保障家庭成员（申请编号 {application.number}），不能重复享受住房保障。"
            )
        else:
            reasons.append(
                f"{member.name}（{mask_id_number(member.id_number)}）已是申请 {application.number} 的家庭成员"
                f"（办理阶段：{application.get_status_display()}），不能重复申请。"
            )
    entries = RegisterEntry.objects.active().filter(id_number_index__in=[i for i in indexes if i not in seen])
    if exclude_application_id is not None:
        entries = entries.exclude(application_id=exclude_application_id)
    for entry in entries.order_by("number"):
        reasons.append(
            f"{entry.applicant_name}（{entry.id_number_masked}）已在准入登记簿中（登记编号 {entry.number}，"
            f"保障状态：{code_name(entry, 'security_state')}），不能重复享受住房保障。"
        )
    return reasons


def admission_refusals(*, id_number_indexes: Iterable[str], exclude_application_id: int | None = None) -> list[str]:
    """Every reason to refuse these people: double benefit, then the registered application blockers (失信惩戒 …)."""
    from anju.admission.blockers import application_blocker_reasons

    indexes = list(id_number_indexes)
    reasons = double_benefit_conflicts(id_number_indexes=indexes, exclude_application_id=exclude_application_id)
    return reasons + application_blocker_reasons(indexes)
