"""API v1 routes of anju.distribution (mounted at /api/v1/distribution/)."""

from django.urls import include, path

urlpatterns = [
    path("", include("anju.distribution.api.urls_rounds")),
    path("", include("anju.distribution.api.urls_contracts")),
]
