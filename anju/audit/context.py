"""The request context of audit rows: who and from where, available anywhere in a request.

`RequestContextMiddleware` sets it for every request; `audit_event_record` reads it when no
request is passed (a service called deep inside a view still records IP and user agent).
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpRequest

from anju.audit.chain import normalise_ip

USER_AGENT_MAX = 300


@dataclass(frozen=True)
class RequestContext:
    """What a request tells the audit log about its origin."""

    ip: str = ""
    user_agent: str = ""
    user: Any = None


current_context: ContextVar[RequestContext | None] = ContextVar("anju_audit_request_context", default=None)


def client_ip(request: HttpRequest) -> str:
    """The client address: REMOTE_ADDR, or from X-Forwarded-For only behind trusted proxies.

    With TRUSTED_PROXY_COUNT = n > 0, each of the n proxies appends its peer's address, so the
    client is the n-th entry from the right; anything further left could be forged by the client.
    """
    remote = normalise_ip(request.META.get("REMOTE_ADDR"))
    trusted = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    if trusted <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if not forwarded:
        return remote
    candidate = forwarded[-trusted] if len(forwarded) >= trusted else forwarded[0]
    return normalise_ip(candidate) or remote


def user_agent(request: HttpRequest) -> str:
    """The user agent, trimmed to what the log keeps."""
    return request.META.get("HTTP_USER_AGENT", "")[:USER_AGENT_MAX]


def context_from_request(request: HttpRequest) -> RequestContext:
    """The audit context of a request."""
    user = getattr(request, "user", None)
    if user is not None and not getattr(user, "is_authenticated", False):
        user = None
    return RequestContext(ip=client_ip(request), user_agent=user_agent(request), user=user)


def get_current_context() -> RequestContext | None:
    """The context of the request being served, if any."""
    return current_context.get()
