"""Writes of the e-archive: upload, delete, restore, verify, download (each audited)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone

from anju.archive.choices import Stage
from anju.archive.errors import ArchiveErrorCode
from anju.archive.models import ArchiveFile
from anju.archive.permissions import can_delete, can_restore, owner_region_code, owner_visible_to
from anju.archive.validators import validate_upload
from anju.core.crypto import get_provider

logger = logging.getLogger(__name__)

NUMBER_KIND = "archive_file"
CATALOGUE_FIELDS = (
    "certificate_number",
    "volume_number",
    "volume_code",
    "volume_name",
    "volume_page_count",
    "piece_number",
    "piece_code",
    "piece_name",
    "piece_page_count",
    "start_page",
)
READ_CHUNK = 64 * 1024


def _audit(action: str, *, user: Any, obj: Any, result: str = "success", detail: dict | None = None, request: Any = None) -> None:
    """One domain event in the audit log (security.md #7)."""
    from anju.audit.events import AuditAction
    from anju.audit.services import audit_event_record

    audit_event_record(
        action=getattr(AuditAction, action), user=user, obj=obj, result=result, detail=detail or {}, request=request
    )


def _next_number(region_code: str) -> str:
    """档案编号: DA + 6-digit county code + year + 6-digit sequence, under a row lock."""
    from anju.core.models import BusinessSequence

    county = (region_code or "000000")[:6]
    year = timezone.localdate().year
    BusinessSequence.objects.get_or_create(kind=NUMBER_KIND, region_code=county, year=year)
    sequence = BusinessSequence.objects.select_for_update(of=("self",)).get(kind=NUMBER_KIND, region_code=county, year=year)
    sequence.last_value += 1
    sequence.save(update_fields=["last_value"])
    return f"DA{county}{year}{sequence.last_value:06d}"


def _owner_numbers(owner: models.Model) -> tuple[str, str]:
    """(the owner's business number, its application number) where the owner has them."""
    owner_number = str(getattr(owner, "number", "") or getattr(owner, "code", "") or owner.pk)
    application_number = str(getattr(owner, "application_number", "") or "")
    application = getattr(owner, "application", None)
    if not application_number and application is not None:
        application_number = str(getattr(application, "number", "") or "")
    if not application_number and owner._meta.model_name == "application":
        application_number = owner_number
    return owner_number[:64], application_number[:64]


def _validate_choices(*, file_type: str, stage: str) -> None:
    """File type from the code table (or built-in list), stage from `Stage`."""
    from anju.archive.selectors import file_type_choices

    errors: dict[str, ValidationError] = {}
    if file_type not in dict(file_type_choices()):
        errors["file_type"] = ValidationError("请选择有效的档案类型。", code=ArchiveErrorCode.INVALID_FILE_TYPE)
    if stage not in Stage.values:
        errors["stage"] = ValidationError("请选择有效的办理阶段。", code=ArchiveErrorCode.INVALID_STAGE)
    if errors:
        raise ValidationError(errors)


def archive_file_upload(
    *,
    owner: models.Model,
    uploaded_file: Any,
    file_type: str,
    stage: str,
    acting_user: Any,
    note: str = "",
    title: str = "",
    catalogue: dict[str, Any] | None = None,
    request: Any = None,
) -> ArchiveFile:
    """Store one file for a record: checks, SM3 digest (streamed), random name on disk, audit FILE_UPLOADED."""
    if not owner_visible_to(acting_user, owner):
        raise PermissionDenied("您无权为该记录上传档案。")
    _validate_choices(file_type=file_type, stage=stage)
    original_name, mime_type = validate_upload(uploaded_file)
    unknown = set(catalogue or {}) - set(CATALOGUE_FIELDS)
    if unknown:
        raise ValueError(f"unknown catalogue fields: {sorted(unknown)}")

    uploaded_file.seek(0)
    digest = get_provider().sm3_hex_chunks(uploaded_file.chunks(READ_CHUNK))
    uploaded_file.seek(0)
    region_code = owner_region_code(owner)
    owner_number, application_number = _owner_numbers(owner)
    stored_name = ""
    try:
        with transaction.atomic():
            archive_file = ArchiveFile(
                owner=owner,
                owner_label=str(owner)[:200],
                owner_number=owner_number,
                application_number=application_number,
                region_code=region_code,
                file_type=file_type,
                stage=stage,
                title=(title or original_name.rsplit(".", 1)[0] or original_name)[:200],
                note=note,
                original_name=original_name,
                mime_type=mime_type,
                size=uploaded_file.size,
                sm3=digest,
                uploaded_by=acting_user,
                updated_by=acting_user,
                **(catalogue or {}),
            )
            archive_file.number = _next_number(region_code)
            archive_file.file.save(original_name, uploaded_file, save=False)
            stored_name = archive_file.file.name
            archive_file.full_clean()
            archive_file.save()
            _audit(
                "FILE_UPLOADED",
                user=acting_user,
                obj=archive_file,
                detail={"number": archive_file.number, "original_name": original_name, "size": archive_file.size, "sm3": digest, "owner": archive_file.owner_ref},
                request=request,
            )
    except BaseException:
        if stored_name:
            ArchiveFile._meta.get_field("file").storage.delete(stored_name)
        raise
    return archive_file


def archive_file_delete(*, file: ArchiveFile, reason: str, acting_user: Any, request: Any = None) -> ArchiveFile:
    """Mark a file deleted (kept on disk, restorable); audit RECORD_DELETED."""
    if not can_delete(acting_user, file):
        raise PermissionDenied("只有上传人或区县、市保障部门可以删除档案。")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": ValidationError("请填写删除原因。", code=ArchiveErrorCode.REASON_REQUIRED)})
    with transaction.atomic():
        file = ArchiveFile.objects.select_for_update(of=("self",)).get(pk=file.pk)
        if file.is_deleted:
            raise ValidationError("该档案已删除。", code=ArchiveErrorCode.ALREADY_DELETED)
        file.is_deleted = True
        file.deleted_by = acting_user
        file.deleted_at = timezone.now()
        file.delete_reason = reason[:200]
        file.updated_by = acting_user
        file.full_clean()
        file.save()
        _audit("RECORD_DELETED", user=acting_user, obj=file, detail={"number": file.number, "reason": file.delete_reason}, request=request)
    return file


def archive_file_restore(*, file: ArchiveFile, acting_user: Any, request: Any = None) -> ArchiveFile:
    """Undo a deletion; audit RECORD_UPDATED."""
    if not can_restore(acting_user):
        raise PermissionDenied("只有区县、市保障部门可以恢复档案。")
    with transaction.atomic():
        file = ArchiveFile.objects.select_for_update(of=("self",)).get(pk=file.pk)
        if not file.is_deleted:
            raise ValidationError("该档案未被删除，无需恢复。", code=ArchiveErrorCode.NOT_DELETED)
        previous = {"deleted_by": file.deleted_by_id, "deleted_at": file.deleted_at.isoformat() if file.deleted_at else None, "reason": file.delete_reason}
        file.is_deleted = False
        file.deleted_by = None
        file.deleted_at = None
        file.delete_reason = ""
        file.updated_by = acting_user
        file.full_clean()
        file.save()
        _audit("RECORD_UPDATED", user=acting_user, obj=file, detail={"number": file.number, "restored": True, "previous": previous}, request=request)
    return file


@dataclass(frozen=True)
class VerifyResult:
    """The outcome of recomputing a file's digest."""

    ok: bool
    expected: str
    actual: str
    message: str


def archive_file_verify(*, file: ArchiveFile, acting_user: Any = None, request: Any = None) -> VerifyResult:
    """Recompute the SM3 digest of the stored bytes; a mismatch or a missing file is tampering."""
    storage = file.file.storage
    try:
        with storage.open(file.file.name, "rb") as handle:
            actual = get_provider().sm3_hex_chunks(iter(lambda: handle.read(READ_CHUNK), b""))
    except (FileNotFoundError, OSError):
        actual = ""
    ok = bool(actual) and actual == file.sm3
    if ok:
        message = "校验通过：文件与上传时的 SM3 摘要一致。"
    elif not actual:
        message = "校验失败：存储中找不到该文件。"
    else:
        message = "校验失败：文件内容与上传时的 SM3 摘要不一致，可能已被篡改。"
    ArchiveFile.objects.filter(pk=file.pk).update(verified_at=timezone.now(), verified_ok=ok)
    if not ok:
        logger.warning("电子档案校验失败 %s (id=%s)", file.number, file.pk)
        if acting_user is not None:
            _audit("RECORD_UPDATED", user=acting_user, obj=file, result="failure", detail={"number": file.number, "verify": "mismatch" if actual else "missing", "expected": file.sm3, "actual": actual}, request=request)
    return VerifyResult(ok=ok, expected=file.sm3, actual=actual, message=message)


def archive_file_download(*, file: ArchiveFile, acting_user: Any, request: Any = None) -> Any:
    """Open a (not deleted) file for streaming; audit FILE_DOWNLOADED. The caller checks visibility."""
    if file.is_deleted:
        raise ValidationError("该档案已删除，恢复后才能下载。", code=ArchiveErrorCode.ALREADY_DELETED)
    handle = file.file.storage.open(file.file.name, "rb")
    _audit("FILE_DOWNLOADED", user=acting_user, obj=file, detail={"number": file.number, "original_name": file.original_name}, request=request)
    return handle
