"""App configuration for anju.audit."""

from typing import Any

from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate


def _reinstall_triggers(sender: Any, using: str = "default", **kwargs: Any) -> None:
    """A SQLite table rebuild drops triggers: put the append-only triggers back after migrate."""
    from anju.audit.triggers import install_triggers

    install_triggers(connections[using])


class AuditConfig(AppConfig):
    """审计: domain event log (hash-chained) and field change log."""

    name = "anju.audit"
    label = "audit"
    verbose_name = "审计"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Track the platform models and listen to the platform signals."""
        from anju.audit import receivers
        from anju.audit.registry import register_models
        from anju.core.signals import data_exported, personal_data_revealed

        register_models()
        post_migrate.connect(_reinstall_triggers, sender=self, dispatch_uid="anju.audit.triggers")
        data_exported.connect(receivers.on_data_exported, dispatch_uid="anju.audit.export")
        personal_data_revealed.connect(receivers.on_personal_data_revealed, dispatch_uid="anju.audit.reveal")
