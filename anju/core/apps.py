"""App configuration for anju.core."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    """基础平台."""

    name = "anju.core"
    label = "core"
    verbose_name = "基础平台"
