"""Staff pages of anju.allocation (mounted at /allocation/)."""

from django.urls import path

from anju.allocation import views

app_name = "allocation"
urlpatterns = [
    path("", views.MonitoringView.as_view(), name="index"),
    path("plans/", views.PlanListView.as_view(), name="plan_list"),
    path("plans/new/", views.PlanCreateView.as_view(), name="plan_create"),
    path("plans/<int:pk>/", views.PlanDetailView.as_view(), name="plan_detail"),
    path("plans/<int:pk>/edit/", views.PlanEditView.as_view(), name="plan_edit"),
    path("plans/<int:pk>/households/", views.PlanHouseholdsView.as_view(), name="plan_households"),
    path(
        "plans/<int:pk>/households/<int:row>/remove/",
        views.PlanHouseholdRemoveView.as_view(),
        name="plan_household_remove",
    ),
    path("plans/<int:pk>/units/", views.PlanUnitsView.as_view(), name="plan_units"),
    path("plans/<int:pk>/subsidies/", views.PlanSubsidiesView.as_view(), name="plan_subsidies"),
    path("plans/<int:pk>/funds/", views.PlanFundView.as_view(), name="plan_fund"),
    path(
        "plans/<int:pk>/resources/<int:row>/remove/",
        views.PlanResourceRemoveView.as_view(),
        name="plan_resource_remove",
    ),
    path("plans/<int:pk>/publish/", views.PlanPublishView.as_view(), name="plan_publish"),
    path("plans/<int:pk>/close/", views.PlanCloseView.as_view(), name="plan_close"),
    path("support-plans/", views.SupportPlanListView.as_view(), name="support_plan_list"),
    path("support-plans/new/", views.SupportPlanCreateView.as_view(), name="support_plan_create"),
    path("support-plans/<int:pk>/", views.SupportPlanDetailView.as_view(), name="support_plan_detail"),
    path("support-plans/<int:pk>/targets/", views.SupportTargetAddView.as_view(), name="support_target_add"),
    path(
        "support-plans/<int:pk>/targets/<int:row>/remove/",
        views.SupportTargetRemoveView.as_view(),
        name="support_target_remove",
    ),
    path("support-plans/<int:pk>/publish/", views.SupportPlanPublishView.as_view(), name="support_plan_publish"),
    path("support-plans/<int:pk>/close/", views.SupportPlanCloseView.as_view(), name="support_plan_close"),
    path("ledgers/", views.LedgerListView.as_view(), name="ledger_list"),
    path("ledgers/<int:pk>/", views.LedgerDetailView.as_view(), name="ledger_detail"),
    path("ledgers/collect/", views.LedgerCollectView.as_view(), name="ledger_collect"),
    path("ledgers/compute/", views.LedgerComputeView.as_view(), name="ledger_compute"),
    path("ledgers/check/", views.LedgerCheckView.as_view(), name="ledger_check"),
    path("ledger-entries/", views.LedgerEntryListView.as_view(), name="entry_list"),
    path("support-ledgers/", views.SupportLedgerListView.as_view(), name="support_ledger_list"),
]
