"""API v1 routes of anju.admission (mounted at /api/v1/households/)."""

from django.urls import path

from anju.admission.api import views

urlpatterns = [
    path("", views.HouseholdListCreateView.as_view(), name="households-list"),
    path("<int:pk>/", views.HouseholdDetailView.as_view(), name="households-detail"),
    path("<int:pk>/members/", views.HouseholdMemberCreateView.as_view(), name="households-members"),
]
