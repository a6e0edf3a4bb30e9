"""E-archive models."""

from anju.archive.models.files import ArchiveFile, ArchiveFileQuerySet, archive_upload_to

__all__ = ["ArchiveFile", "ArchiveFileQuerySet", "archive_upload_to"]
