"""The Appendix A registry: the YAML of CJJ/T 196-2012 Appendix A and each app's `spec.py`.

Every installed `anju.*` app may have a `spec.py` that maps data sets to its models:

    DATA_SETS = {
        "A.3.8": {"model": "admission.Application", "fields": {"申请编号": "number", ...}},
    }

A field maps to a model field, a property, or a dotted path through relations
("application.number"). `mapping_errors()` names every mapping that does not resolve, so
a renamed field breaks `manage.py spec_coverage` instead of silently lowering coverage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from importlib import import_module
from pathlib import Path
from typing import Any

import yaml
from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist

SPEC_FILENAME = "cjj196-appendix-a.yaml"


@dataclass(frozen=True)
class DataSet:
    """One Appendix A data set: id, Chinese name, field names in order."""

    id: str
    name: str
    section: str
    fields: tuple[str, ...]


@dataclass
class Mapping:
    """What one app says about one data set."""

    data_set_id: str
    app_label: str
    model: str | None
    fields: dict[str, str] = field(default_factory=dict)


def spec_path() -> Path:
    """The default YAML path (settings.ANJU_SPEC_DIR)."""
    return Path(settings.ANJU_SPEC_DIR) / SPEC_FILENAME


def spec_load(path: str | Path | None = None) -> tuple[list[dict[str, str]], list[DataSet]]:
    """Sections [{id, title}] and the data sets that list fields, in document order."""
    with open(path or spec_path(), encoding="utf-8") as handle:
        document = yaml.safe_load(handle)
    sections, data_sets = [], []
    for section in document["sections"]:
        sections.append({"id": section["id"], "title": section.get("title", "")})
        for data_set in section.get("data_sets", []):
            if data_set.get("fields"):
                data_sets.append(
                    DataSet(data_set["id"], data_set.get("name") or "", section["id"], tuple(data_set["fields"]))
                )
    return sections, data_sets


def app_mappings() -> list[Mapping]:
    """The DATA_SETS of every installed anju app's `spec.py` (apps without one map nothing)."""
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("anju."):
            continue
        try:
            module = import_module(f"{config.name}.spec")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.spec":
                raise
            continue
        for data_set_id, entry in getattr(module, "DATA_SETS", {}).items():
            found.append(Mapping(data_set_id, config.label, entry.get("model"), dict(entry.get("fields", {}))))
    return found


def resolve_attribute(model: type, path: str) -> str | None:
    """None if `path` (field, property or dotted relation path) exists on the model, else why not."""
    current: Any = model
    parts = path.split(".")
    for position, part in enumerate(parts):
        last = position == len(parts) - 1
        try:
            model_field = current._meta.get_field(part)
        except FieldDoesNotExist:
            model_field = None
        except AttributeError:
            return f"“{'.'.join(parts[:position])}”不是模型，无法继续解析“{part}”"
        if model_field is not None:
            if last:
                return None
            if not model_field.is_relation or model_field.related_model is None:
                return f"字段“{part}”不是关联字段"
            current = model_field.related_model
            continue
        attribute = getattr(current, part, None)
        if isinstance(attribute, property | cached_property) and last:
            return None
        return f"{current.__name__} 没有字段或属性“{part}”"
    return None


def mapping_errors(data_sets: list[DataSet], mappings: list[Mapping]) -> list[str]:
    """Chinese messages for every mapping that names an unknown data set, field name, model or attribute."""
    known = {d.id: d for d in data_sets}
    errors: list[str] = []
    seen: dict[str, str] = {}
    for mapping in mappings:
        data_set_id = mapping.data_set_id
        where = f"{mapping.app_label}/spec.py {data_set_id}"
        if data_set_id in seen:
            errors.append(f"{where}：数据集已由 {seen[data_set_id]} 映射，不能重复映射")
            continue
        seen[data_set_id] = mapping.app_label
        data_set = known.get(data_set_id)
        if data_set is None:
            errors.append(f"{where}：附录 A 中没有该数据集")
            continue
        if not mapping.model:
            errors.append(f"{where}：未指定模型")
            continue
        try:
            model = apps.get_model(mapping.model)
        except (LookupError, ValueError):
            errors.append(f"{where}：模型“{mapping.model}”不存在")
            continue
        for chinese, attribute in mapping.fields.items():
            if chinese not in data_set.fields:
                errors.append(f"{where}：数据集“{data_set.name}”中没有字段“{chinese}”")
                continue
            problem = resolve_attribute(model, attribute)
            if problem:
                errors.append(f"{where}：字段“{chinese}”映射到 {mapping.model}.{attribute}，但{problem}")
    return errors


@dataclass
class Coverage:
    """The full report: every data set and field, mapped or None."""

    sections: list[dict[str, str]]
    data_sets: list[DataSet]
    mappings: dict[str, Mapping]

    @cached_property
    def as_json(self) -> dict[str, Any]:
        """{data set id: {"name", "model", "fields": {中文字段名: attribute | None}}}."""
        report = {}
        for data_set in self.data_sets:
            mapping = self.mappings.get(data_set.id)
            report[data_set.id] = {
                "name": data_set.name,
                "model": mapping.model if mapping else None,
                "fields": {name: (mapping.fields.get(name) if mapping else None) for name in data_set.fields},
            }
        return report

    def section_totals(self) -> list[tuple[str, str, int, int]]:
        """(section id, title, covered fields, total fields) per section."""
        rows = []
        for section in self.sections:
            covered = total = 0
            for data_set in self.data_sets:
                if data_set.section != section["id"]:
                    continue
                fields = self.as_json[data_set.id]["fields"]
                total += len(fields)
                covered += sum(1 for value in fields.values() if value)
            rows.append((section["id"], section["title"], covered, total))
        return rows


def coverage_build(path: str | Path | None = None) -> tuple[Coverage, list[str]]:
    """Load the YAML and the apps' mappings; return the report and the mapping errors."""
    sections, data_sets = spec_load(path)
    mappings = app_mappings()
    errors = mapping_errors(data_sets, mappings)
    by_id = {m.data_set_id: m for m in mappings}
    return Coverage(sections, data_sets, by_id), errors
