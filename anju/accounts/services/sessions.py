"""Login sessions of a user: recorded at login, ended at logout or when the user is disabled."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from django.conf import settings

from anju.accounts.models import User, UserSession

LOGIN_AT_KEY = "anju_login_at"
LAST_SEEN_KEY = "anju_last_seen"


def user_session_record(*, user: User, request: Any) -> UserSession | None:
    """Remember that this request's session belongs to `user` (called at login)."""
    session = request.session
    if session.session_key is None:
        session.save()
    meta = getattr(request, "META", {})
    return UserSession.objects.update_or_create(
        session_key=session.session_key,
        defaults={
            "user": user,
            "ip_address": meta.get("REMOTE_ADDR") or None,
            "user_agent": (meta.get("HTTP_USER_AGENT") or "")[:300],
        },
    )[0]


def user_session_forget(*, session_key: str | None) -> None:
    """Drop the record of a session that has ended (logout)."""
    if session_key:
        UserSession.objects.filter(session_key=session_key).delete()


def user_sessions_end(*, user: User) -> int:
    """End every recorded session of the user (disabling, role or password reset); returns the count."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    keys = list(UserSession.objects.filter(user=user).values_list("session_key", flat=True))
    for key in keys:
        store(session_key=key).delete()
    UserSession.objects.filter(user=user).delete()
    return len(keys)
