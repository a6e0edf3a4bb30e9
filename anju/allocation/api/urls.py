"""API v1 routes of anju.allocation (mounted at /api/v1/allocation/)."""

from django.urls import path

from anju.allocation.api import views

urlpatterns = [
    path("monitoring/", views.MonitoringView.as_view(), name="allocation-monitoring"),
    path("monitoring/custom/", views.CustomMeasureView.as_view(), name="allocation-monitoring-custom"),
    path("plans/", views.PlanListView.as_view(), name="allocation-plans"),
    path("plans/<int:pk>/", views.PlanDetailView.as_view(), name="allocation-plans-detail"),
    path("plans/<int:pk>/households/", views.PlanHouseholdsView.as_view(), name="allocation-plan-households"),
    path(
        "plans/<int:pk>/households/<int:row>/",
        views.PlanHouseholdRemoveView.as_view(),
        name="allocation-plan-households-detail",
    ),
    path("plans/<int:pk>/resources/", views.PlanResourcesView.as_view(), name="allocation-plan-resources"),
    path(
        "plans/<int:pk>/resources/<int:row>/",
        views.PlanResourceRemoveView.as_view(),
        name="allocation-plan-resources-detail",
    ),
    path("plans/<int:pk>/units/", views.PlanUnitsAddView.as_view(), name="allocation-plan-units"),
    path("plans/<int:pk>/subsidies/", views.PlanSubsidiesView.as_view(), name="allocation-plan-subsidies"),
    path("plans/<int:pk>/funds/", views.PlanFundAddView.as_view(), name="allocation-plan-funds"),
    path("plans/<int:pk>/publish/", views.PlanPublishView.as_view(), name="allocation-plans-publish"),
    path("plans/<int:pk>/close/", views.PlanCloseView.as_view(), name="allocation-plans-close"),
    path("support-plans/", views.SupportPlanListView.as_view(), name="allocation-support-plans"),
    path("support-plans/<int:pk>/", views.SupportPlanDetailView.as_view(), name="allocation-support-plans-detail"),
    path("support-plans/<int:pk>/targets/", views.SupportTargetsView.as_view(), name="allocation-support-targets"),
    path(
        "support-plans/<int:pk>/publish/",
        views.SupportPlanPublishView.as_view(),
        name="allocation-support-plans-publish",
    ),
    path(
        "support-plans/<int:pk>/targets/<int:row>/",
        views.SupportTargetRemoveView.as_view(),
        name="allocation-support-targets-detail",
    ),
    path("support-plans/<int:pk>/close/", views.SupportPlanCloseView.as_view(), name="allocation-support-plans-close"),
    path("ledgers/", views.LedgerListView.as_view(), name="allocation-ledgers"),
    path("ledgers/collect/", views.LedgerCollectView.as_view(), name="allocation-ledgers-collect"),
    path("ledgers/compute/", views.LedgerComputeView.as_view(), name="allocation-ledgers-compute"),
    path("ledgers/check/", views.LedgerCheckView.as_view(), name="allocation-ledgers-check"),
    path("ledgers/<int:pk>/", views.LedgerDetailView.as_view(), name="allocation-ledgers-detail"),
    path("ledgers/<int:pk>/entries/", views.LedgerEntriesView.as_view(), name="allocation-ledgers-entries"),
    path("ledger-entries/", views.LedgerEntryListView.as_view(), name="allocation-ledger-entries"),
    path("support-ledgers/", views.SupportLedgerListView.as_view(), name="allocation-support-ledgers"),
    path(
        "support-ledger-entries/", views.SupportLedgerEntryListView.as_view(), name="allocation-support-ledger-entries"
    ),
]
