"""App configuration for anju.admission."""

from django.apps import AppConfig


class AdmissionConfig(AppConfig):
    """准入登记."""

    name = "anju.admission"
    label = "admission"
    verbose_name = "准入登记"

    def ready(self) -> None:
        """Make the application's status follow the admission process (workflow hooks)."""
        from anju.admission.services.process import hooks_register

        hooks_register()
