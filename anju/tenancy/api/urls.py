"""API v1 routes of anju.tenancy (mounted at /api/v1/tenancy/)."""

from django.urls import path

from anju.tenancy.api import views

urlpatterns = [
    path("move-ins/", views.MoveInListView.as_view(), name="tenancy-move-ins"),
    path("move-ins/new/", views.MoveInCreateView.as_view(), name="tenancy-move-ins-create"),
    path("move-ins/<int:pk>/vacate/", views.VacateCreateView.as_view(), name="tenancy-move-ins-vacate"),
    path("charges/", views.ChargeListView.as_view(), name="tenancy-charges"),
    path("charges/run/", views.RentRunView.as_view(), name="tenancy-rent-run"),
    path("payments/", views.PaymentListView.as_view(), name="tenancy-payments"),
    path("arrears/", views.ArrearsListView.as_view(), name="tenancy-arrears"),
    path("reminders/", views.ReminderListView.as_view(), name="tenancy-reminders"),
    path("reminders/send/", views.RemindersSendView.as_view(), name="tenancy-reminders-send"),
    path("households/<int:pk>/payments/", views.PaymentCreateView.as_view(), name="tenancy-households-payments"),
    path("vacates/", views.VacateListView.as_view(), name="tenancy-vacates"),
    path("vacates/<int:pk>/move-out/", views.VacateMoveOutView.as_view(), name="tenancy-vacates-move-out"),
    path("vacates/<int:pk>/close/", views.VacateCloseView.as_view(), name="tenancy-vacates-close"),
    path("fixed-costs/", views.FixedCostListView.as_view(), name="tenancy-fixed-costs"),
    path("fixed-costs/new/", views.FixedCostCreateView.as_view(), name="tenancy-fixed-costs-create"),
    path("review-rounds/", views.ReviewRoundListView.as_view(), name="tenancy-review-rounds"),
    path("review-rounds/new/", views.ReviewRoundCreateView.as_view(), name="tenancy-review-rounds-create"),
    path("review-rounds/<int:pk>/start/", views.ReviewRoundStartView.as_view(), name="tenancy-review-rounds-start"),
    path("review-results/", views.ReviewResultListView.as_view(), name="tenancy-review-results"),
    path("review-results/<int:pk>/decide/", views.ReviewDecideView.as_view(), name="tenancy-review-results-decide"),
    path("exit-cases/", views.ExitCaseListView.as_view(), name="tenancy-exit-cases"),
    path("exit-cases/new/", views.ExitCaseCreateView.as_view(), name="tenancy-exit-cases-create"),
    path("exit-cases/<int:pk>/decide/", views.ExitDecideView.as_view(), name="tenancy-exit-cases-decide"),
    path("returns/", views.ReturnListView.as_view(), name="tenancy-returns"),
    path("returns/new/", views.ReturnCreateView.as_view(), name="tenancy-returns-create"),
    path("returns/<int:pk>/complete/", views.ReturnCompleteView.as_view(), name="tenancy-returns-complete"),
    path("resales/", views.ResaleListView.as_view(), name="tenancy-resales"),
    path("resales/new/", views.ResaleCreateView.as_view(), name="tenancy-resales-create"),
]
