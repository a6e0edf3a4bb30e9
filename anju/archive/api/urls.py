"""API v1 routes of anju.archive."""

urlpatterns: list = []
