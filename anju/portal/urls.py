"""Pages of anju.portal: public information (no login) and the applicant's own services."""

from django.urls import path

from anju.portal import (
    views,
    views_account,
    views_apply,
    views_bills,
    views_case,
    views_complaints,
    views_public,
    views_sign,
    views_staff,
)

app_name = "portal"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("guide/", views.GuideView.as_view(), name="guide"),
    # applicant accounts
    path("account/register/", views_account.register_view, name="register"),
    path("account/login/", views_account.login_view, name="login"),
    path("account/logout/", views_account.logout_view, name="logout"),
    path("account/reset/", views_account.reset_view, name="password_reset"),
    # online application
    path("apply/", views_apply.apply_view, name="apply"),
    path("apply/household/", views_apply.household_view, name="apply_household"),
    path("apply/members/", views_apply.part_view, {"kind": "members"}, name="apply_members"),
    path("apply/housing/", views_apply.part_view, {"kind": "housing"}, name="apply_housing"),
    path("apply/assets/", views_apply.part_view, {"kind": "assets"}, name="apply_assets"),
    path("apply/<str:kind>/<int:pk>/edit/", views_apply.part_view, name="apply_part_edit"),
    path("apply/<str:kind>/<int:pk>/delete/", views_apply.part_delete_view, name="apply_part_delete"),
    path("apply/materials/", views_apply.materials_view, name="apply_materials"),
    path("apply/check/", views_apply.check_view, name="apply_check"),
    path("apply/validate/", views_public.validate_field_view, name="validate_field"),
    # progress
    path("progress/", views_case.progress_view, name="progress"),
    path("my/", views_case.my_cases_view, name="my_cases"),
    path("my/<int:pk>/", views_case.case_view, name="case"),
    path("my/<int:pk>/files/<int:file_pk>/", views_case.case_file_view, name="case_file"),
    path("my/<int:pk>/contracts/<int:contract_pk>/", views_case.case_contract_file_view, name="case_contract_file"),
    path(
        "my/<int:pk>/contracts/<int:contract_pk>/sign/", views_sign.case_contract_sign_view, name="case_contract_sign"
    ),
    path(
        "my/<int:pk>/contracts/<int:contract_pk>/draft.pdf",
        views_sign.case_contract_preview_view,
        name="case_contract_preview",
    ),
    path("my/<int:pk>/rent/", views_bills.case_rent_view, name="case_rent"),
    path("my/<int:pk>/rent/statement.pdf", views_bills.case_rent_statement_view, name="case_rent_statement"),
    path(
        "my/<int:pk>/rent/receipts/<int:receipt_pk>.pdf",
        views_bills.case_rent_receipt_view,
        name="case_rent_receipt",
    ),
    path("complaints/", views_complaints.complaints_view, name="complaints"),
    # open information
    path("policies/", views_public.articles_view, name="articles"),
    path("policies/<int:pk>/", views_public.article_view, name="article"),
    path("publicity/", views_public.publicity_view, name="publicity"),
    path("publicity/waitlists/", views_public.waitlists_view, name="waitlists"),
    path("publicity/waitlists/<str:number>/", views_public.waitlist_view, name="waitlist"),
    path("publicity/lotteries/", views_public.lotteries_view, name="lotteries"),
    path("publicity/credit/", views_public.credit_list_view, name="credit_list"),
    path("listings/", views_public.listings_view, name="listings"),
    path("listings/<int:pk>/", views_public.listing_view, name="listing"),
    path("listings/photos/<int:pk>/", views_public.listing_photo_view, name="listing_photo"),
    path(
        "listings/photos/<int:pk>/thumbnail/", views_public.listing_photo_view, {"thumbnail": True},
        name="listing_photo_thumbnail",
    ),
    path("map/", views_public.map_view, name="map"),
    path("map/data.json", views_public.map_data_view, name="map_data"),
    path("map/boundaries.geojson", views_public.map_boundaries_view, name="map_boundaries"),
    # staff: policies and guides
    path("policies/manage/", views_staff.article_list_view, name="staff_articles"),
    path("policies/manage/new/", views_staff.article_edit_view, name="staff_article_create"),
    path("policies/manage/<int:pk>/edit/", views_staff.article_edit_view, name="staff_article_edit"),
]
