"""Reads of the e-archive; every one starts from `visible_to(user)` (style.md 3)."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404

from anju.archive.choices import FILE_TYPE_DICTIONARY, FileType
from anju.archive.errors import ArchiveErrorCode
from anju.archive.models import ArchiveFile, ArchiveFileQuerySet
from anju.archive.permissions import is_archive_user, owner_model_allowed, owner_visible_to

NOT_FOUND_MESSAGE = "记录不存在或不在您的管辖范围内。"


def file_type_choices() -> list[tuple[str, str]]:
    """档案类型: the active items of the `archive_file_type` code table, else the built-in list."""
    from anju.core.models import DictionaryItem

    items = list(
        DictionaryItem.objects.filter(dictionary__code=FILE_TYPE_DICTIONARY, is_active=True)
        .order_by("sort_order", "code")
        .values_list("code", "name")
    )
    return items or list(FileType.choices)


def archive_file_list(*, user: Any, include_deleted: bool = False) -> ArchiveFileQuerySet:
    """All files the user may see (deleted ones only when asked)."""
    queryset = ArchiveFile.objects.visible_to(user).select_related("content_type", "uploaded_by")
    return queryset if include_deleted else queryset.active()


def archive_files_for(*, user: Any, owner: models.Model, include_deleted: bool = False) -> ArchiveFileQuerySet:
    """The files of one record, or none if the user may not see that record."""
    if not owner_visible_to(user, owner):
        return ArchiveFile.objects.none()
    return archive_file_list(user=user, include_deleted=include_deleted).for_owner(owner)


def archive_file_get(*, user: Any, pk: Any) -> ArchiveFile:
    """One file (deleted or not) the user may see, or Http404; the owner must be visible too."""
    try:
        file = archive_file_list(user=user, include_deleted=True).get(pk=pk)
    except (ArchiveFile.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404(NOT_FOUND_MESSAGE) from exc
    owner = file.owner
    if owner is None or not owner_visible_to(user, owner):
        raise Http404(NOT_FOUND_MESSAGE)
    return file


def owner_from_ref(*, user: Any, ref: str) -> models.Model:
    """Resolve `app_label.model:pk` to a record the user may see; ValidationError if malformed, 404 if hidden."""
    label, _, pk = (ref or "").partition(":")
    app_label, _, model_name = label.partition(".")
    invalid = ValidationError(
        {"owner": ValidationError("所属记录格式应为“应用.模型:主键”。", code=ArchiveErrorCode.INVALID_OWNER)}
    )
    if not (app_label and model_name and pk):
        raise invalid
    try:
        model = apps.get_model(app_label, model_name)
    except (LookupError, ValueError) as exc:
        raise invalid from exc
    if not owner_model_allowed(model) or not is_archive_user(user):
        raise Http404(NOT_FOUND_MESSAGE)
    try:
        owner = model._default_manager.get(pk=pk)
    except (model.DoesNotExist, ValueError, TypeError, ValidationError) as exc:
        raise Http404(NOT_FOUND_MESSAGE) from exc
    if not owner_visible_to(user, owner):
        raise Http404(NOT_FOUND_MESSAGE)
    return owner


def owner_type_choices() -> list[tuple[int, str]]:
    """The record types that have files, for the list filter."""
    ids = ArchiveFile.objects.values_list("content_type", flat=True).distinct()
    return [
        (content_type.pk, str(content_type.model_class()._meta.verbose_name) if content_type.model_class() else content_type.model)
        for content_type in ContentType.objects.filter(pk__in=list(ids))
    ]
