"""Staff pages of anju.housing (mounted at /housing/); the grid, map and unit file routes are in urls_grid.py."""

from django.urls import include, path

from anju.housing import views, views_photos

app_name = "housing"
urlpatterns = [
    path("", views.project_redirect, name="index"),
    path("projects/", views.ProjectListView.as_view(), name="project_list"),
    path("projects/new/", views.ProjectCreateView.as_view(), name="project_create"),
    path("projects/<int:pk>/", views.ProjectDetailView.as_view(), name="project_detail"),
    path("projects/<int:pk>/edit/", views.ProjectEditView.as_view(), name="project_edit"),
    path("projects/<int:pk>/buildings/new/", views.BuildingCreateView.as_view(), name="building_create"),
    path("projects/<int:pk>/progress/new/", views.ProgressLogCreateView.as_view(), name="progress_log_create"),
    path("projects/<int:pk>/handover/new/", views.HandoverCreateView.as_view(), name="handover_create"),
    path("projects/<int:pk>/participants/add/", views.ParticipationAddView.as_view(), name="participation_add"),
    path("projects/<int:pk>/certificates/new/", views.CertificateCreateView.as_view(), name="certificate_create"),
    path("projects/<int:pk>/contracts/new/", views.ConstructionContractCreateView.as_view(), name="construction_contract_create"),
    path("projects/<int:pk>/resettlement/new/", views.ResettlementContractCreateView.as_view(), name="resettlement_contract_create"),
    path("projects/<int:pk>/import/", views.UnitsImportView.as_view(), name="units_import"),
    path("import/template/", views.ImportTemplateView.as_view(), name="import_template"),
    path("import/jobs/<int:pk>/", views.ImportJobView.as_view(), name="import_job"),
    path("import/jobs/<int:pk>/progress/", views.ImportJobProgressView.as_view(), name="import_job_progress"),
    path("buildings/", views.BuildingListView.as_view(), name="building_list"),
    path("buildings/<int:pk>/", views.BuildingDetailView.as_view(), name="building_detail"),
    path("buildings/<int:pk>/edit/", views.BuildingEditView.as_view(), name="building_edit"),
    path("buildings/<int:pk>/units/new/", views.UnitCreateView.as_view(), name="unit_create"),
    path("units/", views.UnitListView.as_view(), name="unit_list"),
    path("units/<int:pk>/edit/", views.UnitEditView.as_view(), name="unit_edit"),
    path("land-reserves/", views.LandReserveListView.as_view(), name="land_reserve_list"),
    path("land-reserves/new/", views.LandReserveCreateView.as_view(), name="land_reserve_create"),
    path("land-reserves/<int:pk>/", views.LandReserveDetailView.as_view(), name="land_reserve_detail"),
    path("land-reserves/<int:pk>/edit/", views.LandReserveEditView.as_view(), name="land_reserve_edit"),
    path("participants/", views.ParticipantListView.as_view(), name="participant_list"),
    path("participants/new/", views.ParticipantCreateView.as_view(), name="participant_create"),
    path("participants/<int:pk>/", views.ParticipantDetailView.as_view(), name="participant_detail"),
    path("participants/<int:pk>/edit/", views.ParticipantEditView.as_view(), name="participant_edit"),
    path("participants/<int:pk>/people/new/", views.PersonCreateView.as_view(), name="person_create"),
    path("certificates/", views.CertificateListView.as_view(), name="certificate_list"),
    path("certificates/<int:pk>/", views.CertificateDetailView.as_view(), name="certificate_detail"),
    path("certificates/<int:pk>/edit/", views.CertificateEditView.as_view(), name="certificate_edit"),
    path("contracts/", views.ConstructionContractListView.as_view(), name="construction_contract_list"),
    path("contracts/<int:pk>/", views.ConstructionContractDetailView.as_view(), name="construction_contract_detail"),
    path("resettlement/", views.ResettlementContractListView.as_view(), name="resettlement_contract_list"),
    path("resettlement/<int:pk>/", views.ResettlementContractDetailView.as_view(), name="resettlement_contract_detail"),
    path("progress/", views.ProgressLogListView.as_view(), name="progress_log_list"),
    path("progress/<int:pk>/", views.ProgressLogDetailView.as_view(), name="progress_log_detail"),
    path("progress/<int:pk>/revoke/", views.ProgressLogRevokeView.as_view(), name="progress_log_revoke"),
    path("handovers/", views.HandoverListView.as_view(), name="handover_list"),
    path("handovers/<int:pk>/", views.HandoverDetailView.as_view(), name="handover_detail"),
    path("people/", views.PersonListView.as_view(), name="person_list"),
    path("people/<int:pk>/", views.PersonDetailView.as_view(), name="person_detail"),
    path("people/<int:pk>/edit/", views.PersonEditView.as_view(), name="person_edit"),
    path("contracts/<int:pk>/edit/", views.ConstructionContractEditView.as_view(), name="construction_contract_edit"),
    path("resettlement/<int:pk>/edit/", views.ResettlementContractEditView.as_view(), name="resettlement_contract_edit"),
    path("projects/<int:pk>/photos/", views_photos.ProjectPhotosView.as_view(), name="project_photos"),
    path("projects/<int:pk>/photos/upload/", views_photos.PhotoUploadView.as_view(), name="project_photo_upload"),
    path("photos/<int:pk>/edit/", views_photos.PhotoEditView.as_view(), name="photo_edit"),
    path("photos/<int:pk>/delete/", views_photos.PhotoDeleteView.as_view(), name="photo_delete"),
    path("photos/<int:pk>/restore/", views_photos.PhotoRestoreView.as_view(), name="photo_restore"),
    path("photos/<int:pk>/image/", views_photos.PhotoFileView.as_view(), name="photo_image"),
    path("photos/<int:pk>/thumbnail/", views_photos.PhotoFileView.as_view(thumbnail=True), name="photo_thumbnail"),
    path("", include("anju.housing.urls_grid")),
]

# 删除 (recoverable) and 恢复 of the records that have them, e.g. housing:certificate_delete at certificates/<pk>/delete/.
DELETE_PREFIXES = {
    "land_reserve": "land-reserves", "participant": "participants", "person": "people", "certificate": "certificates",
    "construction_contract": "contracts", "resettlement_contract": "resettlement",
}
for _kind, _prefix in DELETE_PREFIXES.items():
    urlpatterns += [
        path(f"{_prefix}/<int:pk>/delete/", views.RecordDeleteView.as_view(kind=_kind), name=f"{_kind}_delete"),
        path(f"{_prefix}/<int:pk>/restore/", views.RecordRestoreView.as_view(kind=_kind), name=f"{_kind}_restore"),
    ]
