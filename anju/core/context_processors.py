"""Template context shared by every staff page."""

from django.http import HttpRequest

from anju.core.navigation import navigation_for


def navigation(request: HttpRequest) -> dict:
    """The subsystem navigation for the current user."""
    return {"nav_sections": navigation_for(request)}
