"""API v1 routes of anju.audit."""

urlpatterns: list = []
