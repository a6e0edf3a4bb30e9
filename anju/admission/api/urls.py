"""API v1 routes of anju.admission (mounted at /api/v1/households/)."""

from django.urls import path

from anju.admission.api import process, registration, views

urlpatterns = [
    path("", views.HouseholdListCreateView.as_view(), name="households-list"),
    path("<int:pk>/", views.HouseholdDetailView.as_view(), name="households-detail"),
    path("<int:pk>/members/", views.HouseholdMemberCreateView.as_view(), name="households-members"),
    # admission process (AD1)
    path("<int:pk>/submit/", process.HouseholdSubmitView.as_view(), name="households-submit"),
    path("<int:pk>/process/", process.HouseholdProcessView.as_view(), name="households-process"),
    path("<int:pk>/rule-check/", process.HouseholdRuleCheckView.as_view(), name="households-rule-check"),
    path("<int:pk>/decision/", process.HouseholdDecisionView.as_view(), name="households-decision"),
    path("<int:pk>/verifications/", process.HouseholdVerificationsView.as_view(), name="households-verifications"),
    path("<int:pk>/conclusion/", process.HouseholdConclusionView.as_view(), name="households-conclusion"),
    path("review-batch/", process.ReviewBatchView.as_view(), name="households-review-batch"),
    path("verifications/", process.VerificationListView.as_view(), name="verifications-list"),
    path("verifications/<int:pk>/", process.VerificationDetailView.as_view(), name="verifications-detail"),
    path("verifications/<int:pk>/answer/", process.VerificationAnswerView.as_view(), name="verifications-answer"),
    # publicity, objections, plans, registration, register, suppliers (AD2)
    path("publicity/", registration.PublicityListCreateView.as_view(), name="publicity-list"),
    path("publicity/<int:pk>/", registration.PublicityDetailView.as_view(), name="publicity-detail"),
    path("publicity/<int:pk>/publish/", registration.PublicityActionView.as_view(action="publish"), name="publicity-publish"),
    path("publicity/<int:pk>/close/", registration.PublicityActionView.as_view(action="close"), name="publicity-close"),
    path("objections/", registration.ObjectionListCreateView.as_view(), name="objections-list"),
    path("objections/<int:pk>/", registration.ObjectionDetailView.as_view(), name="objections-detail"),
    path("objections/<int:pk>/verify/", registration.ObjectionVerifyView.as_view(), name="objections-verify"),
    path("objections/<int:pk>/decide/", registration.ObjectionDecideView.as_view(), name="objections-decide"),
    path("<int:pk>/plan/", registration.HouseholdPlanView.as_view(), name="households-plan"),
    path("<int:pk>/registration/", registration.HouseholdRegistrationView.as_view(), name="households-registration"),
    path("register/", registration.RegisterListView.as_view(), name="register-list"),
    path("register/<int:pk>/", registration.RegisterDetailView.as_view(), name="register-detail"),
    path("suppliers/units/", registration.SupplierListCreateView.as_view(kind="unit"), name="suppliers-units"),
    path("suppliers/persons/", registration.SupplierListCreateView.as_view(kind="person"), name="suppliers-persons"),
    path("suppliers/<str:kind>/<int:pk>/review/", registration.SupplierReviewView.as_view(), name="suppliers-review"),
]
