"""A URL conf with only the platform and archive APIs, to validate their schema in isolation."""

from django.urls import include, path

urlpatterns = [
    path("api/v1/", include("anju.core.api.urls")),
    path("api/v1/archive/", include("anju.archive.api.urls")),
]
