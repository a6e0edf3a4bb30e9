"""App configuration for anju.allocation."""

from django.apps import AppConfig


class AllocationConfig(AppConfig):
    """资源配置."""

    name = "anju.allocation"
    label = "allocation"
    verbose_name = "资源配置"

    def ready(self) -> None:
        """Register the 一房一档 contribution, the workbench items and the field-level change log of the plans."""
        from anju.allocation import unit_events, workbench

        unit_events.register()
        workbench.register()
        from django.apps import apps

        if apps.is_installed("anju.audit"):
            from anju.audit.registry import track

            for name in ("AllocationPlan", "PlanHousehold", "PlanResource", "SupportPlan", "SupportPlanTarget"):
                track(self.get_model(name))
