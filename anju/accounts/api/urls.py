"""API v1 routes of anju.accounts (mounted at /api/v1/accounts/)."""

from django.urls import path

from anju.accounts.api import views

urlpatterns = [
    path("me/", views.MeView.as_view(), name="accounts-me"),
    path("organisations/", views.OrganisationListView.as_view(), name="accounts-organisations"),
    path("token/", views.TokenView.as_view(), name="accounts-token"),
]
