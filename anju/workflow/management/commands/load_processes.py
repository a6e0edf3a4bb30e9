"""Load the shipped process definitions (idempotent: an unchanged definition adds no version)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from anju.workflow.errors import WorkflowError
from anju.workflow.models import ProcessTemplate
from anju.workflow.services.definitions import TEMPLATE_FIELDS, template_export, template_import

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
SHIPPED = ("public_rental_admission.json",)


def shipped_paths() -> list[Path]:
    """The workflow app's own definitions, then each installed app's `process_definitions` (paths in the app)."""
    paths = [DATA_DIR / name for name in SHIPPED]
    for config in apps.get_app_configs():
        for relative in getattr(config, "process_definitions", ()):
            paths.append(Path(config.path) / relative)
    return paths


def _comparable(data: dict[str, Any]) -> str:
    """A definition without the fields that differ between equal versions."""
    keep = {k: data.get(k) for k in (*TEMPLATE_FIELDS, "nodes", "transitions")}
    normalised = json.loads(json.dumps(keep, sort_keys=True, ensure_ascii=False))
    defaults = {"description": "", "extra": {}, "precondition": "", "postcondition": "", "category": "", "level": "",
                "deadline_amount": 0, "deadline_unit": "working_days", "is_required": False, "form_fields": []}  # fmt: skip
    for node in normalised.get("nodes") or []:
        for key, value in {**defaults, "sort_order": node.get("sort_order", 0)}.items():
            node.setdefault(key, value)
        for key in ("precondition", "postcondition", "description", "category"):
            node[key] = node.get(key) or ""
        node["participants"] = sorted(node.get("participants") or [], key=lambda p: (p["role_type"], p.get("role_code") or ""))
    for transition in normalised.get("transitions") or []:
        transition.setdefault("description", "")
        transition.setdefault("condition", "")
    normalised["transitions"] = sorted(normalised.get("transitions") or [], key=lambda t: t["code"])
    return json.dumps(normalised, sort_keys=True, ensure_ascii=False)


class Command(BaseCommand):
    """manage.py load_processes [file.json ...]."""

    help = "加载内置业务流程（准入审核及各应用提供的年审、退出等流程）；定义未变时不新增版本"

    def add_arguments(self, parser: Any) -> None:
        """Optional JSON files instead of the shipped ones."""
        parser.add_argument("files", nargs="*", help="流程定义 JSON 文件（缺省为内置流程）")

    def handle(self, *args: Any, **options: Any) -> None:
        """Import each definition as a new active version unless the active one is equal."""
        paths = [Path(f) for f in options["files"]] or shipped_paths()
        for path in paths:
            data = json.loads(path.read_text(encoding="utf-8"))
            current = ProcessTemplate.objects.filter(code=data["code"], is_active=True).first()
            if current is not None and _comparable(template_export(current)) == _comparable(data):
                self.stdout.write(f"{data['name']}：已是最新（V{current.version}），未变更")
                continue
            try:
                template = template_import(data=data, acting_user=None, activate=True)
            except WorkflowError as exc:
                raise CommandError(f"{path.name}：{'；'.join(exc.messages)}") from exc
            self.stdout.write(self.style.SUCCESS(f"{template.name}：已加载 V{template.version} 并激活"))
