"""API v1 routes of anju.rules (mounted at /api/v1/rules/)."""

from django.urls import path

from anju.rules.api import views

urlpatterns = [
    path("programs/", views.ProgramListView.as_view(), name="rules-programs"),
    path("modes/", views.ModeListView.as_view(), name="rules-modes"),
    path("parameters/", views.ParameterListView.as_view(), name="rules-parameters"),
    path("versions/", views.VersionListView.as_view(), name="rules-versions"),
    path("versions/<int:pk>/", views.VersionDetailView.as_view(), name="rules-versions-detail"),
    path("versions/<int:pk>/copy/", views.VersionCopyView.as_view(), name="rules-versions-copy"),
    path("versions/<int:pk>/enable/", views.VersionEnableView.as_view(), name="rules-versions-enable"),
    path("versions/<int:pk>/stop/", views.VersionStopView.as_view(), name="rules-versions-stop"),
    path("versions/<int:pk>/whatif/", views.VersionWhatIfView.as_view(), name="rules-versions-whatif"),
    path("whatif-jobs/<int:pk>/", views.WhatIfJobView.as_view(), name="rules-whatif-jobs"),
    path("support-programs/", views.SupportProgramListCreateView.as_view(), name="rules-support-programs"),
    path("support-programs/<int:pk>/", views.SupportProgramDetailView.as_view(), name="rules-support-programs-detail"),
    path("evaluate/", views.EvaluateView.as_view(), name="rules-evaluate"),
]
