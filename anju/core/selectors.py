"""Reads of the platform core: regions, dictionaries, background jobs.

Regions and dictionaries are reference data that every signed-in user may read; jobs are
visible to the user who started them and to the system administrator.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.cache import cache
from django.db.models import Count, QuerySet
from django.http import Http404

from anju.core.models import Dictionary, DictionaryCodeField, DictionaryItem, DocumentTemplate, JobProgress, Region

DICTIONARY_CACHE_SECONDS = 300
SYSTEM_ADMIN_ROLE = "system_admin"


def _signed_in(user: Any) -> bool:
    """True for an active, authenticated user."""
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


# --- regions ---------------------------------------------------------------------------


def region_list(*, user: Any) -> QuerySet[Region]:
    """All regions (reference data) for a signed-in user, with the parent joined."""
    if not _signed_in(user):
        return Region.objects.none()
    return Region.objects.select_related("parent").order_by("code")


def region_get(*, user: Any, code: str) -> Region:
    """One region, or 404."""
    try:
        return region_list(user=user).get(code=code)
    except Region.DoesNotExist as exc:
        raise Http404("行政区划不存在。") from exc


def region_children(*, user: Any, region: Region) -> QuerySet[Region]:
    """The direct children of a region."""
    return region_list(user=user).filter(parent=region)


def region_ancestors(region: Region) -> list[Region]:
    """The chain from the province down to the region's parent (at most four queries)."""
    chain: list[Region] = []
    current = region.parent
    while current is not None:
        chain.append(current)
        current = current.parent
    return list(reversed(chain))


def region_level_counts() -> dict[int, int]:
    """How many regions there are per level."""
    return dict(Region.objects.values_list("level").annotate(n=Count("code")).values_list("level", "n"))


# --- dictionaries ----------------------------------------------------------------------


def dictionary_list(*, user: Any) -> QuerySet[Dictionary]:
    """All code tables with their item counts."""
    if not _signed_in(user):
        return Dictionary.objects.none()
    return Dictionary.objects.annotate(item_count=Count("items")).order_by("code")


def dictionary_get(*, user: Any, code: str) -> Dictionary:
    """One code table, or 404."""
    try:
        return dictionary_list(user=user).get(code=code)
    except Dictionary.DoesNotExist as exc:
        raise Http404("代码表不存在。") from exc


def dictionary_items(*, user: Any, dictionary: Dictionary) -> QuerySet[DictionaryItem]:
    """All items of a code table (inactive ones included), in display order."""
    if not _signed_in(user):
        return DictionaryItem.objects.none()
    return dictionary.items.order_by("sort_order", "code")


def _cache_key(code: str) -> str:
    return f"anju:dictionary:{code}"


def _dictionary_rows(code: str) -> list[tuple[str, str, bool]]:
    """(code, name, is_active) of every item, cached per dictionary."""
    rows = cache.get(_cache_key(code))
    if rows is None:
        rows = list(
            DictionaryItem.objects.filter(dictionary__code=code)
            .order_by("sort_order", "code")
            .values_list("code", "name", "is_active")
        )
        cache.set(_cache_key(code), rows, DICTIONARY_CACHE_SECONDS)
    return rows


def dictionary_choices(code: str) -> list[tuple[str, str]]:
    """The active items of a code table as form choices [(code, name)], cached."""
    return [(item_code, name) for item_code, name, active in _dictionary_rows(code) if active]


def dictionary_names(code: str, *, include_inactive: bool = False) -> dict[str, str]:
    """{code: name} of a code table (for display and validation), cached."""
    return {item_code: name for item_code, name, active in _dictionary_rows(code) if active or include_inactive}


def dictionary_label(code: str, item_code: str) -> str:
    """The Chinese name of one code, or the code itself when unknown."""
    return dictionary_names(code, include_inactive=True).get(item_code, item_code)


def dictionary_cache_clear(code: str) -> None:
    """Forget the cached items of a code table (called after every write)."""
    cache.delete(_cache_key(code))


def dictionary_fields(code: str) -> list[tuple[type, str]]:
    """Every (model, field name) declared as `DictionaryCodeField(dictionary=code)`."""
    found = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, DictionaryCodeField) and field.dictionary == code:
                found.append((model, field.name))
    return found


def dictionary_item_usage_count(item: DictionaryItem) -> int:
    """How many records hold this item's code in a field bound to its dictionary."""
    total = 0
    for model, field_name in dictionary_fields(item.dictionary.code):
        total += model._default_manager.filter(**{field_name: item.code}).count()
    return total


# --- background jobs -------------------------------------------------------------------


def job_list(*, user: Any) -> QuerySet[JobProgress]:
    """Jobs the user started; every job for the system administrator."""
    if not _signed_in(user):
        return JobProgress.objects.none()
    queryset = JobProgress.objects.select_related("created_by").order_by("-created_at", "-pk")
    if user.has_role(SYSTEM_ADMIN_ROLE):
        return queryset
    return queryset.filter(created_by=user)


def job_get(*, user: Any, pk: int) -> JobProgress:
    """One job the user may see, or 404."""
    try:
        return job_list(user=user).get(pk=pk)
    except JobProgress.DoesNotExist as exc:
        raise Http404("任务不存在。") from exc


# --- document templates (文书模板) --------------------------------------------------------


def document_template_active(*, code: str) -> DocumentTemplate | None:
    """The active edited version of a notice template, or None (the app's default body applies)."""
    return DocumentTemplate.objects.filter(code=code, is_active=True).first()


def document_template_versions(*, user: Any, code: str) -> QuerySet[DocumentTemplate]:
    """Every stored version of a template, newest first (system administrator only)."""
    if not _signed_in(user) or not user.has_role(SYSTEM_ADMIN_ROLE):
        return DocumentTemplate.objects.none()
    return DocumentTemplate.objects.filter(code=code).select_related("created_by").order_by("-version")
