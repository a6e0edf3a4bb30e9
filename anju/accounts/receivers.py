"""Signal receivers: audit logins, failures, logouts and lockouts; start the session clocks."""

from __future__ import annotations

import time
from typing import Any

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from anju.accounts import events
from anju.accounts.services.sessions import LAST_SEEN_KEY, LOGIN_AT_KEY, user_session_forget, user_session_record


@receiver(user_logged_in, dispatch_uid="anju_accounts_logged_in")
def on_logged_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """Start the idle and absolute clocks, remember the session, audit LOGIN."""
    if request is None or not hasattr(request, "session"):
        return
    now = time.time()
    request.session[LOGIN_AT_KEY] = now
    request.session[LAST_SEEN_KEY] = now
    user_session_record(user=user, request=request)
    events.audit(events.LOGIN, user=user, detail={"username": user.username, "channel": "web"}, request=request)


@receiver(user_logged_out, dispatch_uid="anju_accounts_logged_out")
def on_logged_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """Forget the session and audit LOGOUT (with the timeout reason when there is one)."""
    if user is None:
        return
    reason = getattr(request, "anju_logout_reason", "user")
    user_session_forget(session_key=getattr(getattr(request, "session", None), "session_key", None))
    action = events.LOGOUT if reason == "user" else events.SESSION_EXPIRED
    events.audit(action, user=user, detail={"username": user.username, "reason": reason}, request=request)


@receiver(user_login_failed, dispatch_uid="anju_accounts_login_failed")
def on_login_failed(sender: Any, credentials: dict, request: Any = None, **kwargs: Any) -> None:
    """Audit LOGIN_FAILED with the username tried (never the password)."""
    events.audit(
        events.LOGIN_FAILED,
        result="failure",
        detail={"username": str(credentials.get("username", ""))[:150], "locked_out": bool(getattr(request, "axes_locked_out", False))},
        request=request,
    )


@receiver(user_locked_out, dispatch_uid="anju_accounts_locked_out")
def on_locked_out(sender: Any, request: Any, username: str, ip_address: str, **kwargs: Any) -> None:
    """Audit LOCKOUT: the (username, IP) pair is locked for AXES_COOLOFF_TIME."""
    events.audit(
        events.LOCKOUT, result="failure", detail={"username": str(username or "")[:150], "ip_address": ip_address}, request=request
    )
