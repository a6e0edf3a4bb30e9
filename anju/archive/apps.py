"""App configuration for anju.archive."""

from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    """电子档案."""

    name = "anju.archive"
    label = "archive"
    verbose_name = "电子档案"
