"""API v1 routes of anju.core."""

urlpatterns: list = []
