"""Django admin for the e-archive: read-only (writes go through the services and are audited)."""

from django.contrib import admin

from anju.archive.models import ArchiveFile


@admin.register(ArchiveFile)
class ArchiveFileAdmin(admin.ModelAdmin):
    """Look, never touch."""

    list_display = ["number", "title", "file_type", "stage", "region_code", "size", "uploaded_by", "uploaded_at", "is_deleted"]
    list_filter = ["stage", "is_deleted"]
    search_fields = ["number", "title", "original_name"]

    def has_add_permission(self, request, obj=None):
        """Uploads go through the service."""
        return False

    def has_change_permission(self, request, obj=None):
        """Read-only."""
        return False

    def has_delete_permission(self, request, obj=None):
        """Files are never physically removed."""
        return False
