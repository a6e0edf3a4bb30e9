"""项目照片: upload (checked by content, re-encoded without EXIF, thumbnailed), caption/order/publish, delete, restore.

Every write checks `housing_edit_check` (区县保障科 or 市保障处 inside the jurisdiction; `acting_user=None`
is a system job such as the demo) and records one audit event with `detail.event` a `PhotoEvent` id.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone

from anju.housing.models import PhotoKind, Project, ProjectPhoto
from anju.housing.permissions import housing_edit_check
from anju.housing.services.common import apply_changes, audit

MAX_UPLOAD_BYTES = 8 * 1024 * 1024  # 8 MB as uploaded
MIN_SIDE = 200  # pixels: smaller is not worth showing
MAX_SIDE = 10000  # pixels on either side as uploaded
MAX_PIXELS = 40_000_000  # a decompression bomb guard below Pillow's own limit
STORED_SIDE = 2048  # the stored photo's longer side at most
THUMBNAIL_SIZE = (480, 360)
# Pillow names many phone camera JPEGs "MPO" (a JPEG with a second preview picture): they are JPEGs
ACCEPTED_FORMATS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
EDITABLE_FIELDS = ("caption", "kind", "sort_order", "is_published")


class PhotoEvent(models.TextChoices):
    """Stable ids of the photo domain events (detail.event of the audit record)."""

    UPLOADED = "HOUSING_PHOTO_UPLOADED", "上传项目照片"
    UPDATED = "HOUSING_PHOTO_UPDATED", "修改项目照片"
    DELETED = "HOUSING_PHOTO_DELETED", "删除项目照片"
    RESTORED = "HOUSING_PHOTO_RESTORED", "恢复项目照片"


@dataclass(frozen=True)
class ProcessedImage:
    """The re-encoded photo and thumbnail (JPEG bytes, no metadata)."""

    image: bytes
    thumbnail: bytes
    width: int
    height: int
    source_format: str


def _refuse(message: str) -> ValidationError:
    return ValidationError({"image": [message]})


def photo_image_process(upload: Any) -> ProcessedImage:
    """Check an uploaded file by its content and re-encode it; a Chinese ValidationError on `image` otherwise.

    Accepted: JPEG, PNG, WebP (whatever the file name says), at most 8 MB, each side 200–10,000 px.
    The photo is turned upright from its EXIF orientation, then saved anew as JPEG without any
    metadata (GPS position, camera, time are gone), at most 2,048 px on the longer side; the
    thumbnail fits 480 × 360.
    """
    from PIL import Image, ImageOps, UnidentifiedImageError

    size = getattr(upload, "size", None)
    if size is None:
        upload.seek(0, io.SEEK_END)
        size = upload.tell()
    if size == 0:
        raise _refuse("照片文件是空的。")
    if size > MAX_UPLOAD_BYTES:
        raise _refuse(f"照片不能超过 {MAX_UPLOAD_BYTES // (1024 * 1024)} MB（当前 {size / 1024 / 1024:.1f} MB）。")
    upload.seek(0)
    data = upload.read()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(data))
            fmt = probe.format or ""
            if fmt not in ACCEPTED_FORMATS:
                raise _refuse("只接受 JPEG、PNG 或 WebP 格式的照片。")
            width, height = probe.size
            if width * height > MAX_PIXELS or max(width, height) > MAX_SIDE:
                raise _refuse(f"照片尺寸过大（{width}×{height} 像素），每边不能超过 {MAX_SIDE} 像素。")
            if min(width, height) < MIN_SIDE:
                raise _refuse(f"照片太小（{width}×{height} 像素），每边至少 {MIN_SIDE} 像素。")
            probe.verify()  # structure check; the image must be opened again after verify()
            picture = Image.open(io.BytesIO(data))
            picture.load()
    except ValidationError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        if isinstance(exc, UnidentifiedImageError):
            raise _refuse("文件内容不是可识别的图片，只接受 JPEG、PNG 或 WebP 格式的照片。") from exc
        raise _refuse("照片像素过多，无法处理。") from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise _refuse("照片文件已损坏或不完整，无法读取。") from exc

    picture = ImageOps.exif_transpose(picture)
    if picture.mode in ("RGBA", "LA", "P"):
        picture = picture.convert("RGBA")
        background = Image.new("RGB", picture.size, (255, 255, 255))
        background.paste(picture, mask=picture.getchannel("A"))
        picture = background
    elif picture.mode != "RGB":
        picture = picture.convert("RGB")
    picture.thumbnail((STORED_SIDE, STORED_SIDE), Image.Resampling.LANCZOS)
    # a fresh image holds pixels only: nothing of the uploaded file's EXIF/XMP/ICC comes along
    clean = Image.new("RGB", picture.size)
    clean.paste(picture)
    main = io.BytesIO()
    clean.save(main, "JPEG", quality=85, optimize=True, progressive=True)
    thumb_image = clean.copy()
    thumb_image.thumbnail(THUMBNAIL_SIZE, Image.Resampling.LANCZOS)
    thumb = io.BytesIO()
    thumb_image.save(thumb, "JPEG", quality=80, optimize=True)
    return ProcessedImage(
        image=main.getvalue(), thumbnail=thumb.getvalue(), width=clean.width, height=clean.height, source_format=fmt
    )


def _clean_fields(data: dict[str, Any]) -> dict[str, Any]:
    unknown = set(data) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(f"不能修改这些字段：{'、'.join(sorted(unknown))}。")
    cleaned = dict(data)
    if "caption" in cleaned:
        cleaned["caption"] = (cleaned["caption"] or "").strip()
    return cleaned


def project_photo_upload(
    *,
    project: Project,
    upload: Any,
    acting_user: Any,
    caption: str = "",
    kind: str = PhotoKind.EXTERIOR,
    sort_order: int = 0,
    is_published: bool = False,
) -> ProjectPhoto:
    """Store a photo of a project (checked, re-encoded, thumbnailed, random names); audited. Nothing is stored on refusal."""
    housing_edit_check(acting_user, project.region_code)
    processed = photo_image_process(upload)
    stored: list[ProjectPhoto] = []
    try:
        with transaction.atomic():
            photo = ProjectPhoto(
                project=project, region_code=project.region_code,
                **_clean_fields({"caption": caption, "kind": kind, "sort_order": sort_order, "is_published": is_published}),
                width=processed.width, height=processed.height, size=len(processed.image),
                uploaded_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
            )  # fmt: skip
            photo.full_clean(exclude=["image", "thumbnail"])
            stored.append(photo)
            photo.image.save("photo.jpg", ContentFile(processed.image), save=False)
            photo.thumbnail.save("thumb.jpg", ContentFile(processed.thumbnail), save=False)
            photo.save()
            audit(action="RECORD_CREATED", user=acting_user, obj=photo, event=PhotoEvent.UPLOADED, detail={
                "project": project.number, "source_format": processed.source_format, "size": photo.size,
                "width": photo.width, "height": photo.height, "is_published": photo.is_published,
            })  # fmt: skip
    except BaseException:
        for photo in stored:
            for field in (photo.image, photo.thumbnail):
                if field.name:
                    field.storage.delete(field.name)
        raise
    return photo


@transaction.atomic
def project_photo_update(*, photo: ProjectPhoto, data: dict[str, Any], acting_user: Any) -> ProjectPhoto:
    """Change caption, kind, order or 公开 of a photo (a deleted one must be restored first); audited with the changes."""
    housing_edit_check(acting_user, photo.region_code)
    photo = ProjectPhoto.objects.select_for_update(of=("self",)).get(pk=photo.pk)
    if photo.is_deleted:
        raise ValidationError("该照片已删除，请先恢复后再修改。")
    changes = apply_changes(photo, _clean_fields(data))
    photo.full_clean()
    photo.save()
    audit(action="RECORD_UPDATED", user=acting_user, obj=photo, event=PhotoEvent.UPDATED, detail={"changes": changes})
    return photo


@transaction.atomic
def project_photo_delete(*, photo: ProjectPhoto, reason: str, acting_user: Any) -> ProjectPhoto:
    """Mark a photo deleted (the files stay; the portal stops serving it at once); reason required; audited."""
    housing_edit_check(acting_user, photo.region_code)
    photo = ProjectPhoto.objects.select_for_update(of=("self",)).get(pk=photo.pk)
    if photo.is_deleted:
        raise ValidationError("该照片已删除。")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": ["请填写删除原因。"]})
    photo.is_deleted, photo.deleted_at, photo.delete_reason = True, timezone.now(), reason[:200]
    photo.deleted_by = acting_user if getattr(acting_user, "is_authenticated", False) else None
    photo.save(update_fields=["is_deleted", "deleted_at", "deleted_by", "delete_reason", "updated_at"])
    audit(
        action="RECORD_DELETED",
        user=acting_user,
        obj=photo,
        event=PhotoEvent.DELETED,
        detail={"reason": photo.delete_reason},
    )
    return photo


@transaction.atomic
def project_photo_restore(*, photo: ProjectPhoto, acting_user: Any) -> ProjectPhoto:
    """Bring back a deleted photo with its 公开 flag as it was; audited."""
    housing_edit_check(acting_user, photo.region_code)
    photo = ProjectPhoto.objects.select_for_update(of=("self",)).get(pk=photo.pk)
    if not photo.is_deleted:
        raise ValidationError("该照片未删除，无需恢复。")
    previous = {"deleted_at": photo.deleted_at.isoformat() if photo.deleted_at else None, "reason": photo.delete_reason}
    photo.is_deleted, photo.deleted_at, photo.deleted_by, photo.delete_reason = False, None, None, ""
    photo.save(update_fields=["is_deleted", "deleted_at", "deleted_by", "delete_reason", "updated_at"])
    audit(
        action="RECORD_UPDATED", user=acting_user, obj=photo, event=PhotoEvent.RESTORED, detail={"previous": previous}
    )
    return photo
