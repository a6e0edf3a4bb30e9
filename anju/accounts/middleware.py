"""Session timeout, password expiry and the administrators' second factor (security.md #1, #3, #4).

Order in MIDDLEWARE: SessionTimeoutMiddleware after AuthenticationMiddleware; OTPMiddleware;
PasswordExpiryMiddleware; AdminTwoFactorMiddleware (needs `user.is_verified` from django-otp).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.messages.storage import default_storage
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import NoReverseMatch, reverse

from anju.accounts import errors
from anju.accounts.permissions import is_otp_verified, needs_otp, otp_redirect
from anju.accounts.roles import Role
from anju.accounts.services.sessions import LAST_SEEN_KEY, LOGIN_AT_KEY

# Refresh the idle clock at most this often (one session write per 15 s of activity, not per request).
LAST_SEEN_RESOLUTION_SECONDS = 15
ADMIN_SITE_PREFIX = "/django-admin/"


def _url_paths(*names: str) -> set[str]:
    paths = set()
    for name in names:
        try:
            paths.add(reverse(name))
        except NoReverseMatch:
            continue
    return paths


def _is_static(path: str) -> bool:
    return path.startswith((settings.STATIC_URL or "/static/", "/favicon.ico"))


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def _with_message(request: HttpRequest, response: HttpResponse, level: int, text: str) -> HttpResponse:
    """Attach a flash message to a response produced before MessageMiddleware has run."""
    storage = default_storage(request)
    storage.add(level, text)
    storage.update(response)
    return response


class SessionTimeoutMiddleware:
    """Log out after SESSION_IDLE_SECONDS without a request or SESSION_ABSOLUTE_SECONDS after login."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and hasattr(request, "session"):
            expired = self.check(request)
            if expired is not None:
                return self.expire(request, expired)
        return self.get_response(request)

    def check(self, request: HttpRequest) -> str | None:
        """'absolute', 'idle' or None; stamps the session's clocks as a side effect."""
        session = request.session
        now = time.time()
        login_at = session.get(LOGIN_AT_KEY)
        last_seen = session.get(LAST_SEEN_KEY)
        if login_at is None:  # a session that predates this middleware: start its clocks now
            session[LOGIN_AT_KEY] = session[LAST_SEEN_KEY] = now
            return None
        if now - login_at > settings.SESSION_ABSOLUTE_SECONDS:
            return "absolute"
        if last_seen is not None and now - last_seen > settings.SESSION_IDLE_SECONDS:
            return "idle"
        if last_seen is None or now - last_seen >= LAST_SEEN_RESOLUTION_SECONDS:
            session[LAST_SEEN_KEY] = now
        return None

    def expire(self, request: HttpRequest, reason: str) -> HttpResponse:
        """Log out (audited as LOGOUT with the reason) and send the user to the login page."""
        request.anju_logout_reason = reason  # type: ignore[attr-defined]
        # an applicant (public portal account) goes back to the portal's login, staff to theirs
        applicant = set(getattr(request.user, "role_codes", set()) or set()) == {Role.APPLICANT.value}
        logout(request)
        if reason == "idle":
            text = errors.SESSION_IDLE.format(minutes=settings.SESSION_IDLE_SECONDS // 60)
        else:
            text = errors.SESSION_ABSOLUTE.format(hours=settings.SESSION_ABSOLUTE_SECONDS // 3600)
        if _is_api(request):
            return JsonResponse({"detail": text, "code": f"session_{reason}"}, status=401)
        next_path = request.get_full_path() if request.method == "GET" else "/"
        login_url = reverse("portal:login") if applicant else reverse("accounts:login")
        response = HttpResponseRedirect(f"{login_url}?{urlencode({'next': next_path})}")
        return _with_message(request, response, messages.WARNING, text)


class PasswordExpiryMiddleware:
    """Send a user whose password expired (or is temporary) to the change page first."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from anju.accounts.services.passwords import password_change_required

        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not _is_static(request.path)
            and request.path not in _url_paths(
                "accounts:password_change", "accounts:logout", "accounts:login",
                "accounts:otp_verify", "accounts:otp_setup", "accounts:otp_qrcode",
            )
            and password_change_required(user)
        ):
            if _is_api(request):
                return JsonResponse({"detail": errors.PASSWORD_EXPIRED, "code": "password_expired"}, status=403)
            target = reverse("accounts:password_change")
            response = HttpResponseRedirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
            return _with_message(request, response, messages.WARNING, errors.PASSWORD_EXPIRED)
        return self.get_response(request)


class AdminTwoFactorMiddleware:
    """Administrators reach nothing but the second-factor pages until a TOTP token is verified.

    Also guards the Django admin site: only a verified system administrator (or a verified
    superuser) may enter /django-admin/; its own login page is replaced by ours.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        path = request.path
        if path.startswith(ADMIN_SITE_PREFIX) and (user is None or not user.is_authenticated):
            login = reverse("accounts:login")
            return HttpResponseRedirect(f"{login}?{urlencode({'next': ADMIN_SITE_PREFIX})}")
        if user is not None and needs_otp(user) and not is_otp_verified(user) and not self.exempt(path):
            if _is_api(request):
                return JsonResponse({"detail": errors.OTP_REQUIRED, "code": "otp_required"}, status=403)
            return _with_message(request, otp_redirect(request), messages.INFO, errors.OTP_REQUIRED)
        if path.startswith(ADMIN_SITE_PREFIX) and not (user.is_superuser or user.has_role(Role.SYSTEM_ADMIN)):
            raise PermissionDenied("只有系统管理员可以进入后台管理。")
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func: Callable, view_args: Any, view_kwargs: Any) -> HttpResponse | None:
        """A view marked `anju_admin_only` needs a verified second factor from any administrator."""
        marked = getattr(view_func, "anju_admin_only", False) or getattr(getattr(view_func, "view_class", None), "anju_admin_only", False)
        user = request.user
        if marked and user.is_authenticated and needs_otp(user) and not is_otp_verified(user):
            return otp_redirect(request)
        return None

    @staticmethod
    def exempt(path: str) -> bool:
        """Pages an unverified administrator may still open."""
        return _is_static(path) or path in _url_paths(
            "accounts:login", "accounts:logout", "accounts:otp_verify", "accounts:otp_setup", "accounts:otp_qrcode"
        )
