"""Staff pages of anju.admission (mounted at /households/)."""

from django.urls import path

from anju.admission import views, views_process, views_registration

app_name = "admission"
urlpatterns = [
    path("", views.HouseholdListView.as_view(), name="household_list"),
    path("new/", views.HouseholdCreateView.as_view(), name="household_create"),
    path("<int:pk>/", views.HouseholdDetailView.as_view(), name="household_detail"),
    path("<int:pk>/edit/", views.HouseholdUpdateView.as_view(), name="household_edit"),
    path("<int:pk>/submit/", views.HouseholdSubmitView.as_view(), name="household_submit"),
    path("<int:pk>/delete/", views.HouseholdDeleteView.as_view(), name="household_delete"),
    path("<int:pk>/restore/", views.HouseholdRestoreView.as_view(), name="household_restore"),
    path("<int:pk>/members/new/", views.MemberAddView.as_view(), name="member_add"),
    path("<int:pk>/members/<int:item_pk>/edit/", views.MemberEditView.as_view(), name="member_edit"),
    path("<int:pk>/members/<int:item_pk>/remove/", views.MemberRemoveView.as_view(), name="member_remove"),
    path("<int:pk>/dwellings/new/", views.DwellingAddView.as_view(), name="dwelling_add"),
    path("<int:pk>/dwellings/<int:item_pk>/edit/", views.DwellingEditView.as_view(), name="dwelling_edit"),
    path("<int:pk>/dwellings/<int:item_pk>/remove/", views.DwellingRemoveView.as_view(), name="dwelling_remove"),
    path("<int:pk>/assets/new/", views.AssetAddView.as_view(), name="asset_add"),
    path("<int:pk>/assets/<int:item_pk>/edit/", views.AssetEditView.as_view(), name="asset_edit"),
    path("<int:pk>/assets/<int:item_pk>/remove/", views.AssetRemoveView.as_view(), name="asset_remove"),
    # admission process (AD1): review, rule check, verification, batch review
    path("review/", views_process.BatchReviewView.as_view(), name="review_batch"),
    path("<int:pk>/review/", views_process.ApplicationReviewView.as_view(), name="application_review"),
    path("<int:pk>/rule-check/", views_process.RuleCheckView.as_view(), name="rule_check"),
    path("<int:pk>/verifications/new/", views_process.VerificationAssignView.as_view(), name="verification_assign"),
    path(
        "<int:pk>/verifications/conclude/",
        views_process.VerificationConcludeView.as_view(),
        name="verification_conclude",
    ),
    path("verifications/", views_process.VerificationListView.as_view(), name="verification_list"),
    path("verifications/<int:pk>/", views_process.VerificationDetailView.as_view(), name="verification_detail"),
    path("verification-reports/<int:pk>/", views_process.VerificationReportView.as_view(), name="verification_report"),
    path(
        "verification-reports/<int:pk>/pdf/",
        views_process.VerificationReportPdfView.as_view(),
        name="verification_report_pdf",
    ),
    # publicity, objections, plans, registration, register, suppliers (AD2)
    path("publicity/", views_registration.PublicityListView.as_view(), name="publicity_list"),
    path("publicity/new/", views_registration.PublicityCreateView.as_view(), name="publicity_create"),
    path("publicity/<int:pk>/", views_registration.PublicityDetailView.as_view(), name="publicity_detail"),
    path(
        "publicity/<int:pk>/publish/",
        views_registration.PublicityActionView.as_view(action="publish"),
        name="publicity_publish",
    ),
    path(
        "publicity/<int:pk>/close/",
        views_registration.PublicityActionView.as_view(action="close"),
        name="publicity_close",
    ),
    path("publicity/<int:pk>/pdf/", views_registration.PublicityPdfView.as_view(), name="publicity_pdf"),
    path("publicity/<int:pk>/entries/", views_registration.PublicityEntryListView.as_view(), name="publicity_entries"),
    path(
        "publicity/entries/<int:entry_pk>/objections/new/",
        views_registration.ObjectionCreateView.as_view(),
        name="objection_create",
    ),
    path("objections/", views_registration.ObjectionListView.as_view(), name="objection_list"),
    path("objections/<int:pk>/", views_registration.ObjectionDetailView.as_view(), name="objection_detail"),
    path("objections/<int:pk>/verify/", views_registration.ObjectionVerifyView.as_view(), name="objection_verify"),
    path("objections/<int:pk>/decide/", views_registration.ObjectionDecideView.as_view(), name="objection_decide"),
    path("registration/", views_registration.RegisteringListView.as_view(), name="registering_list"),
    path("<int:pk>/registration/", views_registration.RegistrationView.as_view(), name="registration"),
    path("<int:pk>/plan/new/", views_registration.PlanCreateView.as_view(), name="plan_create"),
    path("<int:pk>/plan/adjust/", views_registration.PlanAdjustView.as_view(), name="plan_adjust"),
    path("<int:pk>/registration/approve/", views_registration.RegisterApproveView.as_view(), name="register_approve"),
    path("<int:pk>/registration/deny/", views_registration.RegisterDenyView.as_view(), name="register_deny"),
    path("register/", views_registration.RegisterListView.as_view(), name="register_list"),
    path("register/<int:pk>/", views_registration.RegisterDetailView.as_view(), name="register_detail"),
    path("suppliers/units/", views_registration.SupplierUnitListView.as_view(), name="supplier_unit_list"),
    path(
        "suppliers/units/new/", views_registration.SupplierCreateView.as_view(kind="unit"), name="supplier_unit_create"
    ),
    path("suppliers/persons/", views_registration.SupplierPersonListView.as_view(), name="supplier_person_list"),
    path(
        "suppliers/persons/new/",
        views_registration.SupplierCreateView.as_view(kind="person"),
        name="supplier_person_create",
    ),
    path("suppliers/<str:kind>/<int:pk>/", views_registration.SupplierDetailView.as_view(), name="supplier_detail"),
    path(
        "suppliers/<str:kind>/<int:pk>/review/", views_registration.SupplierReviewView.as_view(), name="supplier_review"
    ),
]
