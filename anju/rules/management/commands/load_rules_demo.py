"""manage.py load_rules_demo: the three demo programs of 亳州市 (idempotent)."""

from django.core.management.base import BaseCommand

from anju.rules.demo import rules_demo_load


class Command(BaseCommand):
    """Load the demo rules of 亳州市; a second run changes nothing."""

    help = "载入亳州市示例保障规则（城镇中等偏下收入住房困难家庭、新就业无房职工、外来务工人员），可重复执行。"

    def handle(self, *args, **options):
        """Load and report."""
        counts = rules_demo_load()
        self.stdout.write(f"示例保障规则：新建保障项目 {counts['programs']} 个，新建启用版本 {counts['versions']} 个。")
