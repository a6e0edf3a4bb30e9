"""HTTP middleware of the platform."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

REDOC_PATH = "/api/redoc/"


class ContentSecurityPolicyMiddleware:
    """Every response carries the CSP (security.md #15); no inline script is allowed."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        # Inline script is refused everywhere, the API docs included (/api/docs/ is
        # SpectacularSwaggerSplitView: its init script is a separate file). ReDoc alone injects
        # its styles at run time (styled-components), so /api/redoc/ may apply inline *styles*.
        policy = settings.CSP_POLICY
        if request.path.startswith(REDOC_PATH):
            policy = policy.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        response.setdefault("Content-Security-Policy", policy)
        return response
