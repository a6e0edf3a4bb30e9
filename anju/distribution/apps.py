"""App configuration for anju.distribution."""

from django.apps import AppConfig


class DistributionConfig(AppConfig):
    """配给管理."""

    name = "anju.distribution"
    label = "distribution"
    verbose_name = "配给管理"

    def ready(self) -> None:
        """Register the 一房一档 contributions and the field-level change log of the distribution records."""
        from django.apps import apps

        from anju.distribution import unit_events_contracts, unit_events_rounds

        unit_events_rounds.register()
        unit_events_contracts.register()
        if apps.is_installed("anju.audit"):
            from anju.audit.registry import track

            for name in (
                "AllocationRound",
                "QueueEntry",
                "QueueReorder",
                "Selection",
                "Contract",
                "SubsidyDue",
                "SubsidyPayment",
                "SupportDisbursementPlan",
                "LandSupplyRecord",
            ):
                track(self.get_model(name))  # encrypted ID numbers masked, their blind indexes left out
            # the sealed seed must never appear, not even masked, before the draw
            track(self.get_model("Lottery"), exclude=("sealed_seed",))
