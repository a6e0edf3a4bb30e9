"""Public pages of anju.portal (no login)."""

from django.urls import path

from anju.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("guide/", views.GuideView.as_view(), name="guide"),
]
