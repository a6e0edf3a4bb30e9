"""App configuration for anju.accounts."""

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """用户与权限."""

    name = "anju.accounts"
    label = "accounts"
    verbose_name = "用户与权限"

    def ready(self) -> None:
        """Connect the audit and session receivers."""
        from anju.accounts import receivers  # noqa: F401
