"""manage.py spec_coverage: how much of CJJ/T 196 Appendix A the models hold."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from anju.core.spec_registry import coverage_build


class Command(BaseCommand):
    """Report Appendix A coverage from every app's spec.py; fail on a mapping that does not resolve."""

    help = "按各应用 spec.py 的映射报告 CJJ/T 196 附录 A 数据集的覆盖情况；映射到不存在的字段时报错。"

    def add_arguments(self, parser: CommandParser) -> None:
        """--spec, --json, --summary."""
        parser.add_argument("--spec", help="附录 A 的 YAML 文件（默认 ANJU_SPEC_DIR/cjj196-appendix-a.yaml）")
        parser.add_argument("--json", action="store_true", help="输出每个数据集每个字段的映射（JSON）")
        parser.add_argument("--summary", action="store_true", help="按章节输出已覆盖/总字段数")

    def handle(self, *args: Any, **options: Any) -> None:
        """Validate the mappings, then print the requested report."""
        try:
            coverage, errors = coverage_build(options.get("spec"))
        except FileNotFoundError as exc:
            raise CommandError(f"找不到附录 A 文件：{exc.filename}") from exc
        if errors:
            raise CommandError("附录 A 映射有误：\n" + "\n".join(f"  - {e}" for e in errors))
        if options["json"]:
            self.stdout.write(json.dumps(coverage.as_json, ensure_ascii=False, indent=2))
            return
        rows = coverage.section_totals()
        covered = sum(r[2] for r in rows)
        total = sum(r[3] for r in rows)
        if options["summary"] or not options["json"]:
            for section_id, title, done, count in rows:
                percent = done * 100 / count if count else 0
                self.stdout.write(f"{section_id:<6}{title:<16}{done:>5} / {count:<5}{percent:6.1f}%")
            self.stdout.write(f"{'合计':<22}{covered:>5} / {total:<5}{covered * 100 / total if total else 0:6.1f}%")
        data_sets = len(coverage.data_sets)
        mapped = sum(1 for d in coverage.data_sets if d.id in coverage.mappings)
        self.stdout.write(f"数据集：已映射 {mapped} / {data_sets}")
