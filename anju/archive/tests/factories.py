"""Test data of the archive: sample uploads and an upload helper."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 20


def pdf_upload(name="收入证明.pdf", content=PDF_BYTES, content_type="application/pdf"):
    """A small valid PDF upload."""
    return SimpleUploadedFile(name, content, content_type=content_type)


def docx_bytes():
    """A minimal OOXML word package."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def stored_files(root):
    """Every file under MEDIA_ROOT."""
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def upload(owner, user, **kwargs):
    """Upload a PDF through the service (defaults: 收入证明, 申请阶段)."""
    from anju.archive.services import archive_file_upload

    params = {"uploaded_file": pdf_upload(), "file_type": "03", "stage": "application"}
    params.update(kwargs)
    return archive_file_upload(owner=owner, acting_user=user, **params)
