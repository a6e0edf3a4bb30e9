"""App configuration for anju.rules."""

from django.apps import AppConfig


class RulesConfig(AppConfig):
    """保障规则."""

    name = "anju.rules"
    label = "rules"
    verbose_name = "保障规则"
    default_auto_field = "django.db.models.BigAutoField"
