"""API v1 routes of anju.archive (mounted at /api/v1/archive/)."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from anju.archive.api.views import ArchiveFileViewSet
from anju.archive.api.views_household import HouseholdFileAPIView

router = SimpleRouter()
router.register("files", ArchiveFileViewSet, basename="file")

app_name = "archive-api"
urlpatterns = [
    path("", include(router.urls)),
    path("households/<int:pk>/file/", HouseholdFileAPIView.as_view(), name="household_file"),
]
