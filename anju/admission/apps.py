"""App configuration for anju.admission."""

from django.apps import AppConfig


class AdmissionConfig(AppConfig):
    """准入登记."""

    name = "anju.admission"
    label = "admission"
    verbose_name = "准入登记"
