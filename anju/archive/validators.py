"""Upload checks: size, extension allow-list and content sniffing (the client's type is never trusted)."""

from __future__ import annotations

import os
import zipfile
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError

from anju.archive.errors import ArchiveErrorCode

# extension -> (content kinds the bytes may be, MIME type stored)
ALLOWED_EXTENSIONS: dict[str, tuple[frozenset[str], str]] = {
    "pdf": (frozenset({"pdf"}), "application/pdf"),
    "jpg": (frozenset({"jpeg"}), "image/jpeg"),
    "jpeg": (frozenset({"jpeg"}), "image/jpeg"),
    "png": (frozenset({"png"}), "image/png"),
    "ofd": (frozenset({"ofd"}), "application/ofd"),
    "doc": (frozenset({"ole"}), "application/msword"),
    "docx": (frozenset({"docx"}), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xls": (frozenset({"ole"}), "application/vnd.ms-excel"),
    "xlsx": (frozenset({"xlsx"}), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "txt": (frozenset({"text"}), "text/plain"),
    "zip": (frozenset({"zip", "docx", "xlsx", "ofd"}), "application/zip"),
}
KIND_NAMES = {
    "pdf": "PDF",
    "jpeg": "JPEG 图片",
    "png": "PNG 图片",
    "ofd": "OFD 版式文件",
    "ole": "Office 97-2003 文档",
    "docx": "Word 文档",
    "xlsx": "Excel 工作簿",
    "zip": "ZIP 压缩包",
    "text": "文本文件",
}
SNIFF_BYTES = 8192


def allowed_extensions_text() -> str:
    """The allow-list as a clerk reads it."""
    return "、".join(ALLOWED_EXTENSIONS)


def clean_original_name(name: str) -> str:
    """The user's file name without any directory part, at most 255 characters."""
    base = os.path.basename(str(name).replace("\\", "/")).strip().replace("\x00", "")
    if len(base) > 255:
        stem, dot, ext = base.rpartition(".")
        base = (stem[: 254 - len(ext)] + dot + ext) if dot and len(ext) < 16 else base[:255]
    return base or "未命名文件"


def extension_of(name: str) -> str:
    """Lower-case extension without the dot ('' if none)."""
    _, dot, ext = name.rpartition(".")
    return ext.lower() if dot else ""


def _zip_kind(stream: IO[bytes]) -> str:
    """Tell OOXML and OFD packages from plain ZIP by their member names."""
    try:
        with zipfile.ZipFile(stream) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return "broken_zip"
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "OFD.xml" in names:
        return "ofd"
    return "zip"


def _is_text(head: bytes) -> bool:
    """No NUL bytes and valid UTF-8 or GB18030 (a multi-byte character may be cut at the end)."""
    if b"\x00" in head:
        return False
    for encoding in ("utf-8", "gb18030"):
        for cut in range(4):
            try:
                head[: len(head) - cut].decode(encoding)
            except UnicodeDecodeError:
                continue
            return True
    return False


def sniff_kind(uploaded_file: Any) -> str:
    """What the bytes are: pdf, jpeg, png, ole, docx, xlsx, ofd, zip, text or unknown."""
    uploaded_file.seek(0)
    head = uploaded_file.read(SNIFF_BYTES)
    uploaded_file.seek(0)
    if head.startswith(b"%PDF-"):
        kind = "pdf"
    elif head.startswith(b"\xff\xd8\xff"):
        kind = "jpeg"
    elif head.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = "png"
    elif head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        kind = "ole"
    elif head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        kind = _zip_kind(uploaded_file)
        uploaded_file.seek(0)
    elif head and _is_text(head):
        kind = "text"
    else:
        kind = "unknown"
    return kind


def validate_upload(uploaded_file: Any) -> tuple[str, str]:
    """Check one upload; returns (clean original name, sniffed MIME type) or raises ValidationError."""
    if uploaded_file is None:
        raise ValidationError({"file": ValidationError("请选择要上传的文件。", code=ArchiveErrorCode.FILE_REQUIRED)})
    name = clean_original_name(getattr(uploaded_file, "name", "") or "")
    size = uploaded_file.size
    limit = settings.ARCHIVE_MAX_UPLOAD_BYTES
    if not size:
        raise ValidationError({"file": ValidationError("文件为空，请重新选择。", code=ArchiveErrorCode.FILE_EMPTY)})
    if size > limit:
        raise ValidationError(
            {
                "file": ValidationError(
                    "文件大小 %(size)s 超过上限 %(limit)s。",
                    code=ArchiveErrorCode.FILE_TOO_LARGE,
                    params={"size": _human_size(size), "limit": _human_size(limit)},
                )
            }
        )
    extension = extension_of(name)
    if extension not in ALLOWED_EXTENSIONS:
        raise ValidationError(
            {
                "file": ValidationError(
                    "不支持的文件类型“%(ext)s”，仅允许：%(allowed)s。",
                    code=ArchiveErrorCode.FILE_TYPE_NOT_ALLOWED,
                    params={"ext": f".{extension}" if extension else "无扩展名", "allowed": allowed_extensions_text()},
                )
            }
        )
    kinds, mime_type = ALLOWED_EXTENSIONS[extension]
    kind = sniff_kind(uploaded_file)
    if kind not in kinds:
        expected = "或".join(sorted({KIND_NAMES[k] for k in kinds}))
        raise ValidationError(
            {
                "file": ValidationError(
                    "文件内容与扩展名“.%(ext)s”不符（应为%(expected)s），请上传真实的文件。",
                    code=ArchiveErrorCode.FILE_CONTENT_MISMATCH,
                    params={"ext": extension, "expected": expected},
                )
            }
        )
    return name, mime_type


def _human_size(size: int) -> str:
    """Bytes as KB/MB for messages."""
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size} 字节"
