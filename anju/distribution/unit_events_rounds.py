"""The distribution app's contributions to 一房一档: selections of a unit (chosen, released, confirmed)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from anju.housing.timeline import UnitEvent, url_or_blank

SOURCE = "配给管理"


def selection_events(unit: Any, user: Any) -> Iterable[UnitEvent]:
    """Every selection of the unit: who chose it, in which round, and what became of it."""
    from anju.core.masking import mask_name
    from anju.distribution.models import Selection

    selections = (
        Selection.objects.visible_to(user).filter(unit=unit).select_related("round", "register_entry", "reviewed_by")
    )
    for selection in selections.order_by("chosen_at", "id"):
        if selection.chosen_at is None:
            continue
        entry = selection.register_entry
        yield UnitEvent(
            when=selection.chosen_at,
            title=f"选房：批次 {selection.round.number}，第 {selection.order} 号 {mask_name(entry.applicant_name)}",
            source=SOURCE,
            detail=f"登记编号 {entry.number}；当前状态：{selection.get_status_display()}"
            + (f"；{selection.status_reason}" if selection.status_reason else ""),
            url=url_or_blank("distribution:round_detail", selection.round_id),
            icon="key",
        )
        if selection.is_reviewed and selection.reviewed_at:
            yield UnitEvent(
                when=selection.reviewed_at,
                title=f"选房审核确认：批次 {selection.round.number}",
                source=SOURCE,
                url=url_or_blank("distribution:round_detail", selection.round_id),
                icon="check2-square",
            )


def register() -> None:
    """Register the providers (called from DistributionConfig.ready)."""
    from anju.housing.timeline import register_unit_events

    register_unit_events("选房", selection_events)
