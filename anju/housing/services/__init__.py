"""Writes of the 建设项目 subsystem (style.md 2): keyword-only, atomic, full_clean, audited."""

from anju.housing.services.projects import (
    building_save,
    progress_log_create,
    progress_log_revoke,
    project_create,
    project_figures_refresh,
    project_update,
    unit_save,
)
from anju.housing.services.records import (
    certificate_save,
    construction_contract_save,
    land_reserve_save,
    participant_save,
    participation_add,
    person_save,
    record_delete,
    record_restore,
    resettlement_contract_save,
)
from anju.housing.services.units import handover_create, unit_state_transition, units_state_transition

__all__ = [
    "building_save",
    "certificate_save",
    "construction_contract_save",
    "handover_create",
    "land_reserve_save",
    "participant_save",
    "participation_add",
    "person_save",
    "progress_log_create",
    "progress_log_revoke",
    "project_create",
    "project_figures_refresh",
    "project_update",
    "record_delete",
    "record_restore",
    "resettlement_contract_save",
    "unit_save",
    "unit_state_transition",
    "units_state_transition",
]
