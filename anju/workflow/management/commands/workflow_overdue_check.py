"""The daily overdue check (also the `workflow_overdue_check_task` background task)."""

from typing import Any

from django.core.management.base import BaseCommand

from anju.workflow.services import overdue_check


class Command(BaseCommand):
    """manage.py workflow_overdue_check."""

    help = "检查超过办理期限的待办，通知办理人及其上级（每天运行；重复运行不重复通知）"

    def handle(self, *args: Any, **options: Any) -> None:
        """Run the check and print what it did."""
        report = overdue_check()
        self.stdout.write(f"超期待办 {report.overdue_tasks} 件，发送通知 {report.notifications} 条")
