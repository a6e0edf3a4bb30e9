"""App configuration for anju.audit."""

from django.apps import AppConfig


class AuditConfig(AppConfig):
    """审计."""

    name = "anju.audit"
    label = "audit"
    verbose_name = "审计"
