"""One error shape for the whole API. Replaced by the API work."""

from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    """Placeholder."""
    return drf_exception_handler(exc, context)
