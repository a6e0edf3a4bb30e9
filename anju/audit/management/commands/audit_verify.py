"""`manage.py audit_verify`: check the audit hash chain and name the first broken row."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from anju.audit.services.verify import audit_chain_verify


class Command(BaseCommand):
    """审计日志哈希链校验."""

    help = "校验审计日志哈希链：逐条重算 HMAC-SM3 校验值与前后链接，报告第一条被破坏的记录。"

    def handle(self, *args: Any, **options: Any) -> None:
        """Verify, report, record an AUDIT_VERIFIED event; exit 1 on a broken chain."""
        report = audit_chain_verify()
        if not report.ok:
            raise CommandError(report.message, returncode=1)
        self.stdout.write(self.style.SUCCESS(report.message))
        self.stdout.write(f"用时 {report.seconds:.2f} 秒，约 {report.rate:,.0f} 条/秒。")
