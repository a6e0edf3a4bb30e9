"""Staff pages of anju.tenancy (mounted at /tenancy/)."""

from django.urls import path

from anju.tenancy import views

app_name = "tenancy"
urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("move-ins/", views.MoveInListView.as_view(), name="move_in_list"),
    path("move-ins/new/", views.MoveInCreateView.as_view(), name="move_in_create"),
    path("move-ins/<int:pk>/", views.MoveInDetailView.as_view(), name="move_in_detail"),
    path("move-ins/<int:pk>/vacate/", views.VacateCreateView.as_view(), name="vacate_create"),
    path("vacates/", views.VacateListView.as_view(), name="vacate_list"),
    path("vacates/<int:pk>/", views.VacateDetailView.as_view(), name="vacate_detail"),
    path("vacates/<int:pk>/move-out/", views.VacateMoveOutView.as_view(), name="vacate_move_out"),
    path("vacates/<int:pk>/close/", views.VacateCloseView.as_view(), name="vacate_close"),
    path("charges/", views.ChargeListView.as_view(), name="charge_list"),
    path("charges/run/", views.RentRunView.as_view(), name="rent_run"),
    path("payments/", views.PaymentListView.as_view(), name="payment_list"),
    path("receipts/<int:pk>/pdf/", views.ReceiptPdfView.as_view(), name="receipt_pdf"),
    path("arrears/", views.ArrearsView.as_view(), name="arrears"),
    path("reminders/", views.ReminderListView.as_view(), name="reminder_list"),
    path("households/<int:pk>/", views.HouseholdDetailView.as_view(), name="household_detail"),
    path("households/<int:pk>/pay/", views.PaymentCreateView.as_view(), name="payment_create"),
    path("households/<int:pk>/statement.pdf", views.StatementPdfView.as_view(), name="statement_pdf"),
    path("households/<int:pk>/reminder.pdf", views.ReminderPdfView.as_view(), name="reminder_pdf"),
    path("fixed-costs/", views.FixedCostListView.as_view(), name="fixed_cost_list"),
    path("fixed-costs/new/", views.FixedCostCreateView.as_view(), name="fixed_cost_create"),
    path("reviews/", views.ReviewRoundListView.as_view(), name="review_round_list"),
    path("reviews/new/", views.ReviewRoundCreateView.as_view(), name="review_round_create"),
    path("reviews/<int:pk>/", views.ReviewRoundDetailView.as_view(), name="review_round_detail"),
    path("review-results/", views.ReviewResultListView.as_view(), name="review_result_list"),
    path("review-results/<int:pk>/", views.ReviewResultDetailView.as_view(), name="review_result_detail"),
    path("review-results/<int:pk>/decide/", views.ReviewResultDecideView.as_view(), name="review_result_decide"),
    path("review-results/<int:pk>/notice.pdf", views.ReviewNoticeView.as_view(), name="review_result_notice"),
    path("exits/", views.ExitCaseListView.as_view(), name="exit_case_list"),
    path("exits/new/", views.ExitCaseCreateView.as_view(), name="exit_case_create"),
    path("exits/<int:pk>/", views.ExitCaseDetailView.as_view(), name="exit_case_detail"),
    path("exits/<int:pk>/decide/", views.ExitCaseDecideView.as_view(), name="exit_case_decide"),
    path("exits/<int:pk>/notice.pdf", views.ExitNoticeView.as_view(), name="exit_case_notice"),
    path("returns/", views.ReturnListView.as_view(), name="return_list"),
    path("returns/new/", views.ReturnCreateView.as_view(), name="return_create"),
    path("returns/<int:pk>/complete/", views.ReturnCompleteView.as_view(), name="return_complete"),
    path("resales/", views.ResaleListView.as_view(), name="resale_list"),
    path("resales/new/", views.ResaleCreateView.as_view(), name="resale_create"),
    path("resales/<int:pk>/", views.ResaleDetailView.as_view(), name="resale_detail"),
    path("parameters/", views.ParameterView.as_view(), name="parameters"),
]
