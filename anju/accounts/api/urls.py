"""API v1 routes of anju.accounts."""

urlpatterns: list = []
