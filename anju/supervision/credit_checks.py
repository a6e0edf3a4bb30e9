"""What other apps read of the credit records, registered from `SupervisionConfig.ready()`.

- the rules' credit provider (`anju.rules.factors.credit_provider_set`): a household's 信用状况
  (none / minor / serious / severe) for the single evaluator and the same value as a queryset
  expression for the batch evaluator;
- admission's application blocker `credit_ban` (`anju.admission.blockers`): people under an
  active ban may not apply.

A household's records are those of its application, of its register entry, and of any of its
members' ID numbers (blind index); only records in force count (see `CreditRecordQuerySet.effective`).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Case, CharField, Exists, Expression, OuterRef, Q, Subquery, Value, When
from django.utils import timezone

from anju.supervision.choices import LEVEL_MINOR, LEVEL_SERIOUS, LEVEL_SEVERE, LEVEL_STATUS

NONE = "none"


class SupervisionCreditProvider:
    """The credit provider backed by the supervision app's credit records."""

    def status_for(self, application: Any) -> str:
        """The household's worst level in force as a credit status code (none/minor/serious/severe)."""
        from anju.supervision.models import CreditRecord

        indexes = {m.id_number_index for m in application.members.all()} | {application.id_number_index}
        indexes.discard("")
        records = CreditRecord.objects.effective(timezone.localdate()).filter(
            Q(application_id=application.pk)
            | Q(register_entry__application_id=application.pk)
            | Q(id_number_index__in=indexes)
        )
        worst = max(records.values_list("level", flat=True), default=None)
        return LEVEL_STATUS.get(worst, NONE) if worst else NONE

    def annotation(self) -> Expression:
        """The same status as an expression over an Application queryset (OuterRef('pk') = the application)."""
        from anju.admission.models import Member
        from anju.supervision.models import CreditRecord

        members = Member.objects.filter(application_id=OuterRef(OuterRef("pk"))).values("id_number_index")
        person = Q(id_number_index=OuterRef("id_number_index")) | Q(id_number_index__in=Subquery(members))
        records = CreditRecord.objects.effective(timezone.localdate()).filter(
            Q(application_id=OuterRef("pk"))
            | Q(register_entry__application_id=OuterRef("pk"))
            | (person & ~Q(id_number_index=""))  # supplier records have no person index
        )
        return Case(
            When(Exists(records.filter(level=LEVEL_SEVERE)), then=Value(LEVEL_STATUS[LEVEL_SEVERE])),
            When(Exists(records.filter(level=LEVEL_SERIOUS)), then=Value(LEVEL_STATUS[LEVEL_SERIOUS])),
            When(Exists(records.filter(level=LEVEL_MINOR)), then=Value(LEVEL_STATUS[LEVEL_MINOR])),
            default=Value(NONE),
            output_field=CharField(),
        )


def credit_ban_reasons(id_number_indexes: list[str]) -> list[str]:
    """One Chinese reason per person under an active ban (the longest ban when a person has several)."""
    from anju.supervision.models import CreditRecord

    records = (
        CreditRecord.objects.banning(timezone.localdate())
        .filter(id_number_index__in=[i for i in id_number_indexes if i])
        .order_by("id_number_index", "-ban_until", "-level")
    )
    reasons: list[str] = []
    seen: set[str] = set()
    for record in records:
        if record.id_number_index in seen:
            continue
        seen.add(record.id_number_index)
        reasons.append(
            f"{record.subject_name}（{record.id_number_masked}）因{record.level_name}正处于禁入期"
            f"（至 {record.ban_until:%Y-%m-%d}），不能申请住房保障。"
        )
    return reasons


def register() -> None:
    """Register the credit provider with the rules app and the credit ban with admission."""
    from anju.admission.blockers import register_application_blocker
    from anju.rules.factors import credit_provider_set

    credit_provider_set(SupervisionCreditProvider())
    register_application_blocker("credit_ban", credit_ban_reasons)
