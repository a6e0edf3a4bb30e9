"""一房一档: one unit with its project, building, handover and the timeline of every app."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from anju.core.scoping import get_visible_or_404
from anju.housing.models import Unit
from anju.housing.timeline import UnitTimeline, unit_timeline_collect


@dataclass
class UnitFile:
    """The unit and its timeline (oldest first)."""

    unit: Unit
    timeline: UnitTimeline


def unit_file_get(*, user: Any, unit_id: int) -> UnitFile:
    """The file of a unit visible to the user (404 otherwise)."""
    unit = get_visible_or_404(
        Unit.objects.select_related("building", "building__project", "handover"), user, pk=unit_id
    )
    return UnitFile(unit=unit, timeline=unit_timeline_collect(unit=unit, user=user))
