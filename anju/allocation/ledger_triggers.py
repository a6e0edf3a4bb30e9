"""Ledger triggers: a committed source record (竣工移交, 合同签约, 补贴实发, 退出保障) enqueues one incremental 归集.

Business services do not know the ledger (decision 17): `post_save` receivers on the four source models
that `services.ledgers.ledger_collect` reads note the record's date, and when the transaction commits ONE
background collect runs with `since=` the earliest date noted in it. A transaction that saves many source
rows enqueues one job; `bulk_create` and `update()` send no signal (the daily collect picks those up).
Bulk loaders may wrap their work in `ledger_triggers_paused()` or set `ANJU_LEDGER_TRIGGERS = False`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models.signals import post_save
from django.utils import timezone

_state = threading.local()
_PENDING = "_anju_ledger_since"  # earliest source date noted in the connection's open transaction


def _enabled() -> bool:
    return getattr(settings, "ANJU_LEDGER_TRIGGERS", True) and not getattr(_state, "paused", 0)


@contextmanager
def ledger_triggers_paused() -> Iterator[None]:
    """Within the block saved source records enqueue no collect (for loaders that save rows one by one)."""
    _state.paused = getattr(_state, "paused", 0) + 1
    try:
        yield
    finally:
        _state.paused -= 1


def _enqueue(since: date) -> None:
    from anju.allocation.tasks import allocation_ledger_collect_since

    allocation_ledger_collect_since.enqueue(since=since.isoformat())


def _flush(using: str = DEFAULT_DB_ALIAS) -> None:
    """On commit: enqueue the one collect of the transaction."""
    connection = connections[using]
    since = getattr(connection, _PENDING, None)
    setattr(connection, _PENDING, None)
    if since is not None:
        _enqueue(since)


def ledger_collect_on_commit(day: date, using: str = DEFAULT_DB_ALIAS) -> None:
    """Note `day`; the first note in a transaction registers the flush, later ones only lower `since`."""
    if not _enabled():
        return
    connection = connections[using]
    pending = any(isinstance(func, _Flush) and not func.done for _sids, func, *_rest in connection.run_on_commit)
    since = getattr(connection, _PENDING, None) if pending else None
    setattr(connection, _PENDING, day if since is None else min(since, day))
    if not pending:  # (a rolled-back transaction drops its callback, so the next one registers afresh)
        # robust: a failed enqueue is logged, not raised after the business commit; the daily run catches up
        transaction.on_commit(_Flush(using), using=using, robust=True)


class _Flush:
    """The on-commit callback; its type lets a later save in the same transaction recognise it."""

    def __init__(self, using: str) -> None:
        self.using, self.done = using, False

    def __call__(self) -> None:
        self.done = True
        _flush(self.using)


def _day(value: date | datetime) -> date:
    return timezone.localdate(value) if isinstance(value, datetime) else value


def _handover_saved(sender: Any, instance: Any, created: bool, using: str, **kwargs: Any) -> None:
    if instance.handed_over_on:
        ledger_collect_on_commit(_day(instance.handed_over_on), using)


def _contract_saved(sender: Any, instance: Any, using: str, **kwargs: Any) -> None:
    if instance.signed_at is not None and instance.renewal_of_id is None:
        ledger_collect_on_commit(_day(instance.signed_at), using)


def _payment_saved(sender: Any, instance: Any, using: str, **kwargs: Any) -> None:
    if instance.paid_on and (instance.paid_amount or 0) > 0:
        ledger_collect_on_commit(_day(instance.paid_on), using)


def _entry_saved(sender: Any, instance: Any, using: str, **kwargs: Any) -> None:
    if instance.exited_at is None or not _enabled():
        return
    from anju.distribution.models import Contract

    signed = Contract.objects.using(using).filter(
        register_entry_id=instance.pk, signed_at__isnull=False, renewal_of__isnull=True
    )
    if signed.exists():  # the exit counts out only a household that was counted in
        ledger_collect_on_commit(_day(instance.exited_at), using)


def connect() -> None:
    """Connect the receivers to the four source models (called from `AllocationConfig.ready`)."""
    from django.apps import apps

    for label, receiver in (
        ("housing.Handover", _handover_saved),
        ("distribution.Contract", _contract_saved),
        ("distribution.SubsidyPayment", _payment_saved),
        ("admission.RegisterEntry", _entry_saved),
    ):
        if apps.is_installed(f"anju.{label.split('.')[0]}"):
            post_save.connect(receiver, sender=apps.get_model(label), dispatch_uid=f"allocation_ledger_{label}")
