"""催缴提醒: text (or record a paper notice for) every household owing rent, once a day, audited."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from anju.core.scoping import jurisdiction_prefix
from anju.tenancy.models import MoveIn, RentCharge, RentReminder
from anju.tenancy.models.reminder import ReminderChannel
from anju.tenancy.permissions import OPERATION_ROLES, has_roles, tenancy_check
from anju.tenancy.services.arrears import arrears_by_household

logger = logging.getLogger("anju.tenancy.reminders")

TEXT = "【公共租赁住房】{name}您好：您已欠缴租金{months}个月，共{total}元，请于15日内到运营单位缴纳。如已缴纳请忽略。"


@dataclass
class ReminderResult:
    """Counts of one sending run."""

    sms: int = 0
    paper: int = 0
    skipped: int = 0
    failed: int = 0

    @property
    def message(self) -> str:
        """The Chinese summary shown to the user."""
        text = f"已发送 {self.sms} 户，纸质通知 {self.paper} 户，今日已提醒 {self.skipped} 户"
        return text + (f"，短信发送失败 {self.failed} 户（未记录，可稍后重试）。" if self.failed else "。")


def _latest_move_ins(entry_ids: list[int]) -> dict[int, Any]:
    return {m.register_entry_id: m for m in MoveIn.objects.filter(register_entry__in=entry_ids).order_by("pk")}


def rent_reminders_send(*, acting_user: Any, region_prefix: str = "", min_months: int = 1) -> ReminderResult:
    """Remind every household in the jurisdiction (under `region_prefix`) owing ≥ `min_months` months."""
    from anju.admission.models import RegisterEntry
    from anju.core.services.auditing import audit_record
    from anju.portal.sms import sms_sender

    if not has_roles(acting_user, OPERATION_ROLES):
        raise PermissionDenied("您的角色无权发送催缴提醒。")
    prefix = jurisdiction_prefix(acting_user)
    if prefix is None:
        raise PermissionDenied("您没有管辖范围。")
    if region_prefix:
        if not region_prefix.startswith(prefix):
            raise PermissionDenied("该区域不在您的管辖范围内。")
        prefix = region_prefix
    now = timezone.now()
    today = timezone.localdate()
    charges = RentCharge.objects.filter(region_code__startswith=prefix)
    rows = [r for r in arrears_by_household(charges=charges, as_of=today) if r["months"] >= max(1, min_months)]
    ids = [r["register_entry"] for r in rows]
    done = set(
        RentReminder.objects.filter(register_entry__in=ids, sent_on=today).values_list("register_entry", flat=True)
    )
    entries = RegisterEntry.objects.in_bulk(ids)
    move_ins = _latest_move_ins(ids)
    sender = sms_sender()
    result = ReminderResult()
    for row in rows:
        entry = entries[row["register_entry"]]
        if entry.pk in done:
            result.skipped += 1
            continue
        total = Decimal(row["total"]).quantize(Decimal("0.01"))
        text = TEXT.format(name=entry.applicant_name, months=row["months"], total=f"{total:,.2f}")
        channel = ReminderChannel.SMS if entry.phone else ReminderChannel.PAPER
        try:
            with transaction.atomic():
                RentReminder.objects.create(
                    register_entry=entry, move_in=move_ins.get(entry.pk), amount_owed=total, months_owed=row["months"],
                    channel=channel, sent_at=now, sent_on=today, sent_by=acting_user, message=text,
                    region_code=entry.region_code, created_by=acting_user, updated_by=acting_user,
                )  # fmt: skip
                if channel == ReminderChannel.SMS:
                    sender.send(entry.phone, text)
        except Exception:  # the gateway failed: no record, so a later run retries this household
            logger.exception("催缴短信发送失败：登记簿 %s", entry.pk)
            result.failed += 1
            continue
        if channel == ReminderChannel.SMS:
            result.sms += 1
        else:
            result.paper += 1
    audit_record(
        action="BATCH_RUN",
        user=acting_user,
        obj=None,
        detail={"batch": "tenancy_rent_reminders", "region_prefix": prefix, "min_months": min_months,
                "sms": result.sms, "paper": result.paper, "skipped": result.skipped, "failed": result.failed},
    )  # fmt: skip
    return result


def rent_reminder_record_paper(*, acting_user: Any, register_entry: Any, total: Decimal, months: int, text: str) -> Any:
    """Record a 纸质通知 reminder (the printed 租金催缴通知书); None if nothing is owed."""
    tenancy_check(acting_user, register_entry.region_code)
    if months <= 0:
        return None
    move_in = MoveIn.objects.filter(register_entry=register_entry).order_by("-pk").first()
    return RentReminder.objects.create(
        register_entry=register_entry, move_in=move_in, amount_owed=total, months_owed=months,
        channel=ReminderChannel.PAPER, sent_at=timezone.now(), sent_on=timezone.localdate(), sent_by=acting_user,
        message=text, region_code=register_entry.region_code, created_by=acting_user, updated_by=acting_user,
    )  # fmt: skip
