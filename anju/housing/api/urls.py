"""API v1 routes of anju.housing (mounted at /api/v1/housing/)."""

from django.urls import path

from anju.housing.api import views

urlpatterns = [
    path("projects/", views.ProjectCreateView.as_view(), name="housing-projects"),
    path("projects/<int:pk>/", views.ProjectUpdateView.as_view(), name="housing-projects-detail"),
    path("projects/<int:pk>/progress-logs/", views.ProgressLogCreateView.as_view(), name="housing-progress-logs-create"),
    path("projects/<int:pk>/handovers/", views.HandoverCreateView.as_view(), name="housing-handovers-create"),
    path("projects/<int:pk>/import/", views.UnitsImportView.as_view(), name="housing-units-import"),
    path("import-jobs/<int:pk>/", views.ImportJobView.as_view(), name="housing-import-jobs"),
    path("buildings/", views.BuildingListView.as_view(), name="housing-buildings"),
    path("buildings/<int:pk>/", views.BuildingDetailView.as_view(), name="housing-buildings-detail"),
    path("units/", views.UnitListView.as_view(), name="housing-units"),
    path("units/allocatable/", views.AllocatableUnitListView.as_view(), name="housing-units-allocatable"),
    path("units/<int:pk>/", views.UnitDetailView.as_view(), name="housing-units-detail"),
    path("progress-logs/", views.ProgressLogListView.as_view(), name="housing-progress-logs"),
    path("progress-logs/<int:pk>/revoke/", views.ProgressLogRevokeView.as_view(), name="housing-progress-logs-revoke"),
    path("handovers/", views.HandoverListView.as_view(), name="housing-handovers"),
    path("projects/<int:pk>/photos/", views.ProjectPhotoListView.as_view(), name="housing-project-photos"),
    path("photos/<int:pk>/", views.ProjectPhotoDetailView.as_view(), name="housing-photos-detail"),
    path("photos/<int:pk>/restore/", views.ProjectPhotoRestoreView.as_view(), name="housing-photos-restore"),
]

# Records with create, update, delete (recoverable) and restore: <prefix>/, <prefix>/<id>/, <prefix>/<id>/restore/.
RECORDS = {
    "land-reserves": "LandReserve", "participants": "Participant", "people": "Person", "certificates": "Certificate",
    "construction-contracts": "ConstructionContract", "resettlement-contracts": "ResettlementContract",
}
for _prefix, _name in RECORDS.items():
    urlpatterns += [
        path(f"{_prefix}/", getattr(views, f"{_name}ListView").as_view(), name=f"housing-{_prefix}"),
        path(f"{_prefix}/<int:pk>/", getattr(views, f"{_name}DetailView").as_view(), name=f"housing-{_prefix}-detail"),
        path(f"{_prefix}/<int:pk>/restore/", getattr(views, f"{_name}RestoreView").as_view(), name=f"housing-{_prefix}-restore"),
    ]
