"""Writes of code tables (代码表): the seed load and the system administrator's edits."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from anju.core.data.dictionaries import DICTIONARIES, DictionarySeed
from anju.core.models import Dictionary, DictionaryItem
from anju.core.selectors import dictionary_cache_clear, dictionary_item_usage_count
from anju.core.services.auditing import audit_record
from anju.core.services.regions import reference_data_write_check

ITEM_FIELDS = ("name", "parent_code", "sort_order")


@dataclass
class DictionaryLoadReport:
    """What a seed load did."""

    dictionaries_created: int = 0
    dictionaries_updated: int = 0
    items_created: int = 0
    items_updated: int = 0
    items_unchanged: int = 0


def dictionary_load_seed(*, seeds: Iterable[DictionarySeed] = DICTIONARIES, acting_user: Any = None) -> DictionaryLoadReport:
    """Create or refresh the shipped code tables, set-based and idempotent.

    Names, group codes and order of shipped items follow the seed; an item the
    administrator deactivated stays inactive, and items the administrator added stay.
    """
    seeds = list(seeds)
    report = DictionaryLoadReport()
    with transaction.atomic():
        existing = {d.code: d for d in Dictionary.objects.filter(code__in=[s.code for s in seeds])}
        new_dicts = [
            Dictionary(code=s.code, name=s.name, standard=s.standard, description=s.description, is_system=True)
            for s in seeds
            if s.code not in existing
        ]
        Dictionary.objects.bulk_create(new_dicts)
        changed_dicts = []
        for seed in seeds:
            current = existing.get(seed.code)
            if current and (current.name, current.standard, current.description) != (seed.name, seed.standard, seed.description):
                current.name, current.standard, current.description = seed.name, seed.standard, seed.description
                changed_dicts.append(current)
        Dictionary.objects.bulk_update(changed_dicts, fields=["name", "standard", "description"])
        report.dictionaries_created, report.dictionaries_updated = len(new_dicts), len(changed_dicts)

        ids = dict(Dictionary.objects.filter(code__in=[s.code for s in seeds]).values_list("code", "pk"))
        stored = {
            (item.dictionary_id, item.code): item
            for item in DictionaryItem.objects.filter(dictionary_id__in=ids.values())
        }
        to_create, to_update = [], []
        for seed in seeds:
            for order, row in enumerate(seed.items, start=1):
                code, name, parent_code = row[0], row[1], (row[2] if len(row) > 2 else "")
                values = (name, parent_code, order * 10)
                current = stored.get((ids[seed.code], code))
                if current is None:
                    to_create.append(
                        DictionaryItem(dictionary_id=ids[seed.code], code=code, name=name, parent_code=parent_code, sort_order=order * 10)
                    )
                elif tuple(getattr(current, f) for f in ITEM_FIELDS) != values:
                    current.name, current.parent_code, current.sort_order = values
                    to_update.append(current)
                else:
                    report.items_unchanged += 1
        DictionaryItem.objects.bulk_create(to_create, batch_size=1000)
        DictionaryItem.objects.bulk_update(to_update, fields=list(ITEM_FIELDS), batch_size=500)
        report.items_created, report.items_updated = len(to_create), len(to_update)
        if to_create or to_update or new_dicts or changed_dicts:
            audit_record(
                action="RECORD_UPDATED",
                user=acting_user,
                detail={"what": "代码表初始化", "dictionaries": len(new_dicts), "items": len(to_create) + len(to_update)},
            )
        _cache_forget(*[s.code for s in seeds])
    return report


def _cache_forget(*codes: str) -> None:
    """Drop cached items now and again after commit (a read inside the transaction may re-cache)."""
    for code in codes:
        dictionary_cache_clear(code)
    transaction.on_commit(lambda: [dictionary_cache_clear(code) for code in codes])


def _item_errors(*, code: str, name: str) -> dict[str, list[str]]:
    """Chinese errors per field for an item's code and name."""
    errors: dict[str, list[str]] = {}
    if not code:
        errors["code"] = ["请填写代码。"]
    elif len(code) > 32 or not code.replace("_", "").replace("-", "").isalnum():
        errors["code"] = ["代码只能由字母、数字、下划线或连字符组成，最长32位。"]
    if not name:
        errors["name"] = ["请填写名称。"]
    return errors


@transaction.atomic
def dictionary_item_create(
    *, dictionary: Dictionary, code: str, name: str, acting_user: Any, parent_code: str = "", sort_order: int | None = None
) -> DictionaryItem:
    """Add an item to a code table (system administrator only)."""
    reference_data_write_check(acting_user)
    code, name, parent_code = (code or "").strip(), (name or "").strip(), (parent_code or "").strip()
    errors = _item_errors(code=code, name=name)
    if "code" not in errors and dictionary.items.filter(code=code).exists():
        errors["code"] = [f"代码 {code} 在本代码表中已存在。"]
    if parent_code and not dictionary.items.filter(code=parent_code).exists():
        errors["parent_code"] = [f"上级代码 {parent_code} 不在本代码表中。"]
    if errors:
        raise ValidationError(errors)
    if sort_order is None:
        last = dictionary.items.order_by("-sort_order").values_list("sort_order", flat=True).first() or 0
        sort_order = last + 10
    item = DictionaryItem(dictionary=dictionary, code=code, name=name, parent_code=parent_code, sort_order=sort_order)
    item.full_clean()
    item.save()
    audit_record(action="RECORD_CREATED", user=acting_user, obj=item, detail={"dictionary": dictionary.code, "code": code, "name": name})
    _cache_forget(dictionary.code)
    return item


@transaction.atomic
def dictionary_item_update(
    *, item: DictionaryItem, name: str, acting_user: Any, parent_code: str = "", sort_order: int = 0, is_active: bool = True
) -> DictionaryItem:
    """Rename, regroup, reorder, enable or disable an item (the code itself never changes)."""
    reference_data_write_check(acting_user)
    name, parent_code = (name or "").strip(), (parent_code or "").strip()
    errors: dict[str, list[str]] = {}
    if not name:
        errors["name"] = ["请填写名称。"]
    if parent_code == item.code:
        errors["parent_code"] = ["上级代码不能是本条目。"]
    elif parent_code and not item.dictionary.items.filter(code=parent_code).exists():
        errors["parent_code"] = [f"上级代码 {parent_code} 不在本代码表中。"]
    if errors:
        raise ValidationError(errors)
    before = {f: getattr(item, f) for f in (*ITEM_FIELDS, "is_active")}
    item.name, item.parent_code, item.sort_order, item.is_active = name, parent_code, sort_order, is_active
    item.full_clean()
    item.save()
    after = {f: getattr(item, f) for f in (*ITEM_FIELDS, "is_active")}
    audit_record(action="RECORD_UPDATED", user=acting_user, obj=item, detail={"before": before, "after": after})
    _cache_forget(item.dictionary.code)
    return item


@transaction.atomic
def dictionary_item_deactivate(*, item: DictionaryItem, acting_user: Any) -> DictionaryItem:
    """Stop offering an item in forms; records holding it keep it."""
    return dictionary_item_update(
        item=item,
        name=item.name,
        parent_code=item.parent_code,
        sort_order=item.sort_order,
        is_active=False,
        acting_user=acting_user,
    )


@transaction.atomic
def dictionary_item_delete(*, item: DictionaryItem, acting_user: Any) -> None:
    """Delete an unused item; an item any record uses is refused (deactivate it instead)."""
    reference_data_write_check(acting_user)
    used = dictionary_item_usage_count(item)
    if used:
        raise ValidationError(
            "代码 %(code)s 已被 %(count)d 条记录使用，不能删除；请改为停用。",
            code="dictionary_item_in_use",
            params={"code": item.code, "count": used},
        )
    if item.dictionary.items.filter(parent_code=item.code).exists():
        raise ValidationError("代码 %(code)s 下还有细类，不能删除。", code="dictionary_item_has_children", params={"code": item.code})
    code, dictionary_code = item.code, item.dictionary.code
    audit_record(action="RECORD_DELETED", user=acting_user, obj=item, detail={"dictionary": dictionary_code, "code": code, "name": item.name})
    item.delete()
    _cache_forget(dictionary_code)
