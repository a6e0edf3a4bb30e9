"""Reads of 项目照片: scoped lists for staff, and the public (portal) look-ups that decide what may be served."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models

from anju.housing.models import ProjectPhoto, Unit
from anju.housing.services.units import ALLOCATABLE_STATES


def project_photo_list(
    *, user: Any, project: Any = None, include_deleted: bool = False
) -> models.QuerySet[ProjectPhoto]:
    """Photos in the user's jurisdiction (deleted ones only when asked), by project and order."""
    photos = ProjectPhoto.objects.visible_to(user).select_related("project", "uploaded_by", "deleted_by")
    if project is not None:
        photos = photos.filter(project=project)
    if not include_deleted:
        photos = photos.filter(is_deleted=False)
    return photos.order_by("project_id", "sort_order", "id")


def _listed_project_ids() -> models.QuerySet:
    """Projects the portal lists: with handed-over units in 已交付 or 空置 (as `selectors_public.public_estates`)."""
    return Unit.objects.filter(state__in=ALLOCATABLE_STATES, handover__isnull=False).values("building__project_id")


def _public() -> models.QuerySet[ProjectPhoto]:
    return ProjectPhoto.objects.filter(is_published=True, is_deleted=False)


def public_photos(*, project_ids: Iterable[int]) -> dict[int, list[ProjectPhoto]]:
    """Published, not deleted photos of the given (listed) estates, in their order, in one query."""
    by_project: dict[int, list[ProjectPhoto]] = {}
    ids = list(project_ids)
    if not ids:
        return by_project
    for photo in (
        _public()
        .filter(project_id__in=ids)
        .only("id", "uid", "project_id", "caption", "kind", "sort_order", "width", "height")
        .order_by("project_id", "sort_order", "id")
    ):
        by_project.setdefault(photo.project_id, []).append(photo)
    return by_project


def public_photo_get(*, pk: int) -> ProjectPhoto | None:
    """The photo if the public may see it: published, not deleted, and its project listed on the portal; else None."""
    return _public().filter(pk=pk, project_id__in=_listed_project_ids()).first()
