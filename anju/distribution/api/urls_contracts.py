"""Distribution API routes of contracts, subsidies and support objects (under /api/v1/distribution/)."""

from django.urls import path

from anju.distribution.api import views_contracts as views

urlpatterns = [
    path("contracts/", views.ContractListView.as_view(), name="distribution-contracts"),
    path(
        "contracts/from-selection/",
        views.ContractFromSelectionView.as_view(),
        name="distribution-contracts-from-selection",
    ),
    path("contracts/<int:pk>/", views.ContractDetailView.as_view(), name="distribution-contracts-detail"),
    path("contracts/<int:pk>/sign/", views.ContractSignView.as_view(), name="distribution-contracts-sign"),
    path("contracts/<int:pk>/verify/", views.ContractVerifyView.as_view(), name="distribution-contracts-verify"),
    path("contracts/<int:pk>/renew/", views.ContractRenewView.as_view(), name="distribution-contracts-renew"),
    path(
        "contracts/<int:pk>/terminate/", views.ContractTerminateView.as_view(), name="distribution-contracts-terminate"
    ),
    path("subsidy-dues/", views.SubsidyDueListView.as_view(), name="distribution-subsidy-dues"),
    path("subsidy-dues/run/", views.SubsidyRunView.as_view(), name="distribution-subsidy-dues-run"),
    path(
        "subsidy-dues/pay-outstanding/",
        views.PayOutstandingView.as_view(),
        name="distribution-subsidy-dues-pay-outstanding",
    ),
    path("subsidy-dues/<int:pk>/", views.SubsidyDueDetailView.as_view(), name="distribution-subsidy-dues-detail"),
    path("subsidy-dues/<int:pk>/pay/", views.SubsidyPayView.as_view(), name="distribution-subsidy-dues-pay"),
    path("subsidy-payments/", views.SubsidyPaymentListView.as_view(), name="distribution-subsidy-payments"),
    path("support-plans/", views.SupportPlanListView.as_view(), name="distribution-support-plans"),
    path("support-plans/<int:pk>/", views.SupportPlanDetailView.as_view(), name="distribution-support-plans-detail"),
    path("land-supplies/", views.LandSupplyListView.as_view(), name="distribution-land-supplies"),
    path("land-supplies/<int:pk>/", views.LandSupplyDetailView.as_view(), name="distribution-land-supplies-detail"),
]
