"""Staff pages of anju.admission."""

from django.urls import path  # noqa: F401

app_name = "admission"
urlpatterns: list = []
