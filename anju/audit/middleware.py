"""Request context for audit rows and the actor of the field change log."""

from __future__ import annotations

from collections.abc import Callable

from auditlog.context import set_extra_data
from django.http import HttpRequest, HttpResponse

from anju.audit.context import context_from_request, current_context


class RequestContextMiddleware:
    """Sets the audit context (IP, user agent, user) for the request and the auditlog actor.

    Placed after AuthenticationMiddleware; X-Forwarded-For is honoured only when
    TRUSTED_PROXY_COUNT > 0 (see `anju.audit.context.client_ip`).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        context = context_from_request(request)
        token = current_context.set(context)
        try:
            # django-auditlog: LogEntry.actor and remote_addr for every change in this request.
            with set_extra_data(context_data={"actor": context.user, "remote_addr": context.ip or None}):
                return self.get_response(request)
        finally:
            current_context.reset(token)
