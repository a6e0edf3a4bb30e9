"""App configuration for anju.housing."""

from django.apps import AppConfig


class HousingConfig(AppConfig):
    """建设项目."""

    name = "anju.housing"
    label = "housing"
    verbose_name = "建设项目"

    def ready(self) -> None:
        """Register the 一房一档 contributions (anju.housing.timeline) and the change-log tracking."""
        from anju.housing import unit_events

        unit_events.register()
        # field-level change log (before/after) of the housing records; Unit.state is also in UnitStateChange
        from django.apps import apps

        if apps.is_installed("anju.audit"):
            from anju.audit.registry import track

            for name in ("Project", "Building", "Unit", "LandReserve", "Participant", "ParticipantPerson", "Certificate",
                         "ConstructionContract", "ResettlementContract", "ProgressLog", "Handover", "ProjectPhoto"):
                track(self.get_model(name))
