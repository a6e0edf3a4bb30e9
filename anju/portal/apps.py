"""App configuration for anju.portal."""

from django.apps import AppConfig


class PortalConfig(AppConfig):
    """公众服务."""

    name = "anju.portal"
    label = "portal"
    verbose_name = "公众服务"

    def ready(self) -> None:
        """Register the portal's own case-page section (other apps register theirs in their ready())."""
        from anju.portal.sections import sections_register

        sections_register()
