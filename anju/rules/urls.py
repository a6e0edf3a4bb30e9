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
    path("versions/<int:version_pk>/whatif/jobs/<int:pk>/", views.WhatIfJobView.as_view(), name="whatif_job"),
    path(
        "versions/<int:version_pk>/whatif/jobs/<int:pk>/progress/",
        views.WhatIfJobProgressView.as_view(),
        name="whatif_job_progress",
    ),
    path("versions/<int:version_pk>/scheme/", views.SchemeEditView.as_view(), name="scheme_edit"),
    path("versions/<int:version_pk>/scheme/factors/new/", views.OrderingFactorEditView.as_view(), name="ordering_factor_add"),
    path(
        "versions/<int:version_pk>/scheme/factors/<int:pk>/edit/",
        views.OrderingFactorEditView.as_view(),
        name="ordering_factor_edit",
    ),
    path(
        "versions/<int:version_pk>/scheme/factors/<int:pk>/remove/",
        views.OrderingFactorRemoveView.as_view(),
        name="ordering_factor_remove",
    ),
    path("versions/<int:pk>/<str:action>/", views.VersionActionView.as_view(), name="version_action"),
    path("versions/<int:version_pk>/conditions/new/", views.ConditionFormView.as_view(), name="condition_add"),
    path("conditions/<int:pk>/edit/", views.ConditionFormView.as_view(), name="condition_edit"),
    path("conditions/<int:pk>/remove/", views.ConditionRemoveView.as_view(), name="condition_remove"),
    path("versions/<int:pk>/standards/new/", views.StandardAddView.as_view(), name="standard_add"),
    path("standards/<int:pk>/remove/", views.StandardRemoveView.as_view(), name="standard_remove"),
    path("programs/new/", views.ProgramEditView.as_view(), name="program_add"),
    path("programs/<int:pk>/edit/", views.ProgramEditView.as_view(), name="program_edit"),
    path("modes/new/", views.ModeEditView.as_view(), name="mode_add"),
    path("modes/<int:pk>/edit/", views.ModeEditView.as_view(), name="mode_edit"),
    path("support-programs/", views.SupportProgramListView.as_view(), name="support_program_list"),
    path("support-programs/new/", views.SupportProgramEditView.as_view(), name="support_program_add"),
    path("support-programs/<int:pk>/edit/", views.SupportProgramEditView.as_view(), name="support_program_edit"),
    path("support-modes/", views.SupportModeListView.as_view(), name="support_mode_list"),
    path("support-modes/new/", views.SupportModeEditView.as_view(), name="support_mode_add"),
    path("support-modes/<int:pk>/", views.SupportModeDetailView.as_view(), name="support_mode_detail"),
    path("support-modes/<int:pk>/edit/", views.SupportModeEditView.as_view(), name="support_mode_edit"),
    path(
        "support-modes/<int:mode_pk>/conditions/new/",
        views.SupportConditionEditView.as_view(),
        name="support_condition_add",
    ),
    path(
        "support-modes/<int:mode_pk>/conditions/<int:pk>/edit/",
        views.SupportConditionEditView.as_view(),
        name="support_condition_edit",
    ),
    path(
        "support-modes/<int:mode_pk>/standards/new/",
        views.SupportStandardEditView.as_view(),
        name="support_standard_add",
    ),
    path(
        "support-modes/<int:mode_pk>/standards/<int:pk>/edit/",
        views.SupportStandardEditView.as_view(),
        name="support_standard_edit",
    ),
]
