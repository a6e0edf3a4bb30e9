"""Staff pages of anju.admission (mounted at /households/)."""

from django.urls import path

from anju.admission import views

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
]
