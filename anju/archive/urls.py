"""Staff pages of anju.archive."""

from django.urls import path

from anju.archive import views
from anju.archive.views_household_file import HouseholdFileView

app_name = "archive"
urlpatterns = [
    path("", views.ArchiveFileListView.as_view(), name="file_list"),
    path("upload/", views.file_upload, name="file_upload"),
    path("<int:pk>/", views.file_detail, name="file_detail"),
    path("<int:pk>/download/", views.file_download, name="file_download"),
    path("<int:pk>/verify/", views.file_verify, name="file_verify"),
    path("<int:pk>/delete/", views.file_delete, name="file_delete"),
    path("<int:pk>/restore/", views.file_restore, name="file_restore"),
    # 一户一档, keyed by the household's application
    path("households/<int:pk>/file/", HouseholdFileView.as_view(), name="household_file"),
    path("households/<int:pk>/file/print/", HouseholdFileView.as_view(printing=True), name="household_file_print"),
]
