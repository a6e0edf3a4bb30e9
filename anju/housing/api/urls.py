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
    path("land-reserves/", views.LandReserveListView.as_view(), name="housing-land-reserves"),
    path("participants/", views.ParticipantListView.as_view(), name="housing-participants"),
    path("certificates/", views.CertificateListView.as_view(), name="housing-certificates"),
    path("construction-contracts/", views.ConstructionContractListView.as_view(), name="housing-construction-contracts"),
    path("resettlement-contracts/", views.ResettlementContractListView.as_view(), name="housing-resettlement-contracts"),
    path("progress-logs/", views.ProgressLogListView.as_view(), name="housing-progress-logs"),
    path("handovers/", views.HandoverListView.as_view(), name="housing-handovers"),
]
