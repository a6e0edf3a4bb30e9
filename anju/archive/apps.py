"""App configuration for anju.archive."""

from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    """电子档案."""

    name = "anju.archive"
    label = "archive"
    verbose_name = "电子档案"

    def ready(self) -> None:
        """Register the 一户一档 providers (anju.archive.household_file), including those of installed later apps."""
        from anju.archive import household_events

        household_events.register()
