"""Who may do what in accounts (security.md #4-#6): role sets, the admin check and its mixin.

Administrators (the three roles of `ADMIN_ROLES`, and superusers) need a verified TOTP device
on top of the password; `needs_otp` says who, `AdminTwoFactorMiddleware` enforces it for every
page, and `admin_role_required` / `RoleRequiredMixin` enforce it again on each admin view.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from anju.accounts.roles import ADMIN_ROLES, STAFF_ROLES, Role

# Read access: organisations are visible to every staff role, users to administrators and officers.
ORGANISATION_READERS = tuple(sorted(STAFF_ROLES | ADMIN_ROLES))
USER_READERS = (Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN, Role.CITY_OFFICER, Role.DISTRICT_OFFICER)
# Writes: organisations and users belong to the system administrator, roles and policy to the
# security administrator; the audit administrator writes nothing here.
ORGANISATION_WRITERS = (Role.SYSTEM_ADMIN,)
USER_WRITERS = (Role.SYSTEM_ADMIN,)
ROLE_WRITERS = (Role.SECURITY_ADMIN,)
POLICY_READERS = (Role.SECURITY_ADMIN, Role.AUDIT_ADMIN)

NO_PERMISSION = "您没有访问此页面的权限。"


def needs_otp(user: Any) -> bool:
    """True for the users who must pass a second factor: administrators and superusers."""
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_superuser or user.has_role(*ADMIN_ROLES))


def is_otp_verified(user: Any) -> bool:
    """True when this session's user has verified a TOTP device (django-otp)."""
    is_verified = getattr(user, "is_verified", None)
    return bool(callable(is_verified) and is_verified())


def otp_redirect(request: HttpRequest) -> HttpResponseRedirect:
    """Send an administrator to set up or verify the second factor, then back here."""
    from django_otp import devices_for_user

    has_device = any(True for _ in devices_for_user(request.user, confirmed=True))
    target = reverse("accounts:otp_verify" if has_device else "accounts:otp_setup")
    return HttpResponseRedirect(f"{target}?{urlencode({'next': request.get_full_path()})}")


def check_roles(request: HttpRequest, roles: tuple[str, ...]) -> HttpResponse | None:
    """None if the request may go on; otherwise the response (login, OTP) or PermissionDenied."""
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not user.has_role(*roles):
        raise PermissionDenied(NO_PERMISSION)
    if needs_otp(user) and not is_otp_verified(user):
        return otp_redirect(request)
    return None


def admin_role_required(*roles: str) -> Callable:
    """Decorator: the view needs one of `roles`, and a verified second factor for administrators."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            response = check_roles(request, roles)
            return response if response is not None else view(request, *args, **kwargs)

        wrapped.anju_admin_only = True  # type: ignore[attr-defined]
        return wrapped

    return decorator


class RoleRequiredMixin:
    """Class-based views: `required_roles` (default deny) plus the administrators' second factor."""

    required_roles: tuple[str, ...] = ()
    anju_admin_only = True

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """Check roles and OTP before the view runs."""
        if not self.required_roles:
            raise PermissionDenied(NO_PERMISSION)
        response = check_roles(request, self.required_roles)
        if response is not None:
            return response
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
