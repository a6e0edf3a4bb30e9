"""Staff URLs of 保障规则 (/rules/)."""

from django.urls import path

from anju.rules import views

app_name = "rules"

urlpatterns = [
    path("", views.VersionListView.as_view(), name="index"),
    path("programs/", views.ProgramListView.as_view(), name="program_list"),
    path("modes/", views.ModeListView.as_view(), name="mode_list"),
    path("parameters/", views.ParameterListView.as_view(), name="parameter_list"),
    path("parameters/set/", views.ParameterSetView.as_view(), name="parameter_set"),
    path("exchange/", views.ExchangeListView.as_view(), name="exchange_list"),
    path("exchange/<int:pk>/", views.ExchangeDetailView.as_view(), name="exchange_detail"),
    path("versions/<int:pk>/", views.VersionDetailView.as_view(), name="version_detail"),
    path("versions/<int:pk>/try/", views.TryView.as_view(), name="version_try"),
    path("versions/<int:pk>/whatif/", views.WhatIfView.as_view(), name="version_whatif"),
    path("versions/<int:pk>/<str:action>/", views.VersionActionView.as_view(), name="version_action"),
    path("versions/<int:version_pk>/conditions/new/", views.ConditionFormView.as_view(), name="condition_add"),
    path("conditions/<int:pk>/edit/", views.ConditionFormView.as_view(), name="condition_edit"),
    path("conditions/<int:pk>/remove/", views.ConditionRemoveView.as_view(), name="condition_remove"),
    path("versions/<int:pk>/standards/new/", views.StandardAddView.as_view(), name="standard_add"),
    path("standards/<int:pk>/remove/", views.StandardRemoveView.as_view(), name="standard_remove"),
    path("support-programs/", views.SupportProgramListView.as_view(), name="support_program_list"),
]
