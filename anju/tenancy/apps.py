"""App configuration for anju.tenancy."""

from django.apps import AppConfig


class TenancyConfig(AppConfig):
    """配后管理."""

    name = "anju.tenancy"
    label = "tenancy"
    verbose_name = "配后管理"
    # loaded by `manage.py load_processes` with the workflow app's own definitions
    process_definitions = ("data/tenancy_annual_review.json", "data/tenancy_exit.json")

    def ready(self) -> None:
        """Register the 一房一档 contributions and the field-level change log of the tenancy records."""
        from anju.tenancy import unit_events

        unit_events.register()
        from django.apps import apps

        if apps.is_installed("anju.archive"):
            from anju.tenancy import household_events

            household_events.register()

        if apps.is_installed("anju.audit"):
            from anju.audit.registry import track

            for name in ("MoveIn", "Vacate", "RentReceipt", "FixedCost", "ReviewRound", "ExitCase", "Return", "Resale",
                         "TenancyParameter"):  # fmt: skip
                track(self.get_model(name))
