"""Session timeout and password expiry (security.md #1, #3). Replaced by the accounts work."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class SessionTimeoutMiddleware:
    """Placeholder; see anju.accounts work."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)


class PasswordExpiryMiddleware(SessionTimeoutMiddleware):
    """Placeholder; see anju.accounts work."""
