"""API v1 routes of anju.admission."""

urlpatterns: list = []
