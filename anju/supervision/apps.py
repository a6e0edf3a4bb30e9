"""App configuration for anju.supervision."""

from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    """监督管理."""

    name = "anju.supervision"
    label = "supervision"
    verbose_name = "监督管理"

    def ready(self) -> None:
        """Register the credit provider (rules) and the credit ban (admission), and the field change log."""
        from anju.supervision import credit_checks

        credit_checks.register()
        from django.apps import apps

        if apps.is_installed("anju.audit"):
            from anju.audit.registry import track

            for name in (
                "CreditBanRule",
                "CreditRecord",
                "CreditRepair",
                "Complaint",
                "Inspection",
                "SupplierSanction",
                "UnitAssessment",
                "AssessmentBulletin",
                "StaffAssessment",
                "StaffSanction",
            ):
                track(self.get_model(name))
