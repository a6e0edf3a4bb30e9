"""App configuration for anju.allocation."""

from django.apps import AppConfig


class AllocationConfig(AppConfig):
    """资源配置."""

    name = "anju.allocation"
    label = "allocation"
    verbose_name = "资源配置"

    def ready(self) -> None:
        """Register the 一房一档 contribution, the workbench items, the ledger triggers and the plans' change log."""
        from anju.allocation import ledger_triggers, unit_events, workbench

        unit_events.register()
        workbench.register()
        ledger_triggers.connect()
        from django.apps import apps

        if apps.is_installed("anju.audit"):
            from anju.audit.registry import track

            for name in ("AllocationPlan", "PlanHousehold", "PlanResource", "SupportPlan", "SupportPlanTarget"):
                track(self.get_model(name))
