"""Reads of the 配给管理 subsystem (scoped by jurisdiction). Rounds, order, lottery and selection: selectors_rounds.py."""

from anju.distribution.selectors_rounds import (
    available_units,
    current_selection,
    household_queue_positions,
    lottery_public_data,
    lottery_public_get,
    lottery_public_list,
    published_plans_for,
    queue_entries,
    queue_entry_get,
    reorder_list,
    round_get,
    round_list,
    round_lottery,
    selection_board,
    selection_get,
    selection_list,
)

__all__ = [
    "available_units",
    "current_selection",
    "household_queue_positions",
    "lottery_public_data",
    "lottery_public_get",
    "lottery_public_list",
    "published_plans_for",
    "queue_entries",
    "queue_entry_get",
    "reorder_list",
    "round_get",
    "round_list",
    "round_lottery",
    "selection_board",
    "selection_get",
    "selection_list",
]
