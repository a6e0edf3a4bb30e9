"""API v1 routes of anju.portal."""

urlpatterns: list = []
