"""Services of the e-archive."""

from anju.archive.services.files import (
    VerifyResult,
    archive_file_delete,
    archive_file_download,
    archive_file_restore,
    archive_file_upload,
    archive_file_verify,
)

__all__ = [
    "VerifyResult",
    "archive_file_delete",
    "archive_file_download",
    "archive_file_restore",
    "archive_file_upload",
    "archive_file_verify",
]
