"""Distribution staff routes of contracts, subsidies and support objects (namespace `distribution`)."""

from django.urls import path

from anju.distribution import views_contracts as views

urlpatterns = [
    path("contracts/", views.ContractListView.as_view(), name="contract_list"),
    path("contracts/new/", views.ContractCreateView.as_view(), name="contract_create"),
    path("contracts/selections/", views.SelectionAwaitingListView.as_view(), name="selection_awaiting_list"),
    path(
        "contracts/selections/<int:pk>/new/", views.ContractFromSelectionView.as_view(), name="contract_from_selection"
    ),
    path("contracts/<int:pk>/", views.ContractDetailView.as_view(), name="contract_detail"),
    path("contracts/<int:pk>/pdf/", views.ContractPdfView.as_view(), name="contract_pdf"),
    path("contracts/<int:pk>/sign/", views.ContractSignView.as_view(), name="contract_sign"),
    path("contracts/<int:pk>/renew/", views.ContractRenewView.as_view(), name="contract_renew"),
    path("contracts/<int:pk>/terminate/", views.ContractTerminateView.as_view(), name="contract_terminate"),
    path("subsidies/dues/", views.SubsidyDueListView.as_view(), name="subsidy_due_list"),
    path("subsidies/dues/<int:pk>/", views.SubsidyDueDetailView.as_view(), name="subsidy_due_detail"),
    path("subsidies/dues/print.<str:kind>", views.SubsidyListPrintView.as_view(), name="subsidy_list_print"),
    path("subsidies/run/", views.SubsidyRunView.as_view(), name="subsidy_run"),
    path("subsidies/pay/", views.PayOutstandingView.as_view(), name="subsidy_pay_outstanding"),
    path("subsidies/payments/", views.SubsidyPaymentListView.as_view(), name="subsidy_payment_list"),
    path("support-plans/", views.SupportPlanListView.as_view(), name="support_plan_list"),
    path("support-plans/new/", views.SupportPlanFormView.as_view(), name="support_plan_create"),
    path("support-plans/<int:pk>/", views.SupportPlanFormView.as_view(), name="support_plan_edit"),
    path("land-supplies/", views.LandSupplyListView.as_view(), name="land_supply_list"),
    path("land-supplies/new/", views.LandSupplyFormView.as_view(), name="land_supply_create"),
    path("land-supplies/<int:pk>/", views.LandSupplyFormView.as_view(), name="land_supply_edit"),
]
