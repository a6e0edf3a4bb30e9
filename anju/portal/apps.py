"""App configuration for anju.portal."""

from django.apps import AppConfig


class PortalConfig(AppConfig):
    """公众服务."""

    name = "anju.portal"
    label = "portal"
    verbose_name = "公众服务"
