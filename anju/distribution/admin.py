"""Django admin of the distribution rounds: read-only (writes go through the services and are audited).

The sealed lottery seed is never shown.
"""

from typing import Any

from django.contrib import admin

from anju.distribution.models import AllocationRound, Lottery, QueueEntry, QueueReorder, Selection


class ReadOnlyAdmin(admin.ModelAdmin):
    """Look, never touch."""

    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        """Created by the services."""
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        """Read-only: results are immutable and every change is a recorded service call."""
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        """Never removed here."""
        return False


@admin.register(AllocationRound)
class AllocationRoundAdmin(ReadOnlyAdmin):
    """配给批次."""

    list_display = ["number", "name", "plan", "method", "state", "region_code", "created_at"]
    list_filter = ["method", "state"]
    search_fields = ["number", "name"]


@admin.register(QueueEntry)
class QueueEntryAdmin(ReadOnlyAdmin):
    """配给顺序."""

    list_display = ["round", "group", "position", "register_entry", "points"]
    search_fields = ["register_entry__number"]


@admin.register(QueueReorder)
class QueueReorderAdmin(ReadOnlyAdmin):
    """顺序调整决定."""

    list_display = ["entry", "from_position", "to_position", "decision_number", "decided_by", "decided_at"]


@admin.register(Lottery)
class LotteryAdmin(ReadOnlyAdmin):
    """摇号 (without the sealed seed)."""

    list_display = ["number", "round", "state", "participant_count", "winners_count", "substitutes_count", "drawn_at"]
    exclude = ["sealed_seed"]


@admin.register(Selection)
class SelectionAdmin(ReadOnlyAdmin):
    """选房."""

    list_display = ["round", "order", "register_entry", "unit", "status", "chosen_at", "is_reviewed"]
    list_filter = ["status", "is_reviewed"]
