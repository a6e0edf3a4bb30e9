"""Steps shared by the admission process tests."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name: str = "证明.pdf") -> SimpleUploadedFile:
    """A small valid PDF upload."""
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def upload_materials(application, user, *, types=("01", "02", "03", "04")) -> None:
    """Put the mandatory materials (or some of them) into the application's e-archive."""
    from anju.archive.services import archive_file_upload

    for code in types:
        archive_file_upload(owner=application, uploaded_file=pdf(f"材料{code}.pdf"), file_type=code, stage="application", acting_user=user)
