"""API v1: jobs."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
