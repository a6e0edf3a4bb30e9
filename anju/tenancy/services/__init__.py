"""Writes of the 配后管理 subsystem (each in a transaction, audited)."""

from anju.tenancy.services.occupancy import move_in_create, vacate_close, vacate_create, vacate_move_out
from anju.tenancy.services.rent import fixed_cost_create, payment_record, rent_run, rent_run_start

__all__ = [
    "fixed_cost_create",
    "move_in_create",
    "payment_record",
    "rent_run",
    "rent_run_start",
    "vacate_close",
    "vacate_create",
    "vacate_move_out",
]
