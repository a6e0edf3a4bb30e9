"""`manage.py lottery_verify <摇号编号>`: recompute a drawn lottery from its published data and compare.

Prints the list digest, the seed commitment, the revealed seed, each check and the verdict;
exits 0 when everything matches and 1 on any mismatch (or when the lottery is not drawn yet).
"""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    """Verify a lottery (摇号核验)."""

    help = "重新计算摇号结果并与保存的结果比对（不一致时退出码为 1）。"

    def add_arguments(self, parser: Any) -> None:
        """The lottery number."""
        parser.add_argument("number", help="摇号编号，如 YH3416022026000001")

    def handle(self, *args: Any, **options: Any) -> None:
        """Recompute and report."""
        from anju.distribution.choices import LotteryState
        from anju.distribution.models import Lottery
        from anju.distribution.services.lottery import lottery_verification

        lottery = Lottery.objects.filter(number=options["number"]).first()
        if lottery is None:
            raise CommandError(f"摇号 {options['number']} 不存在。")
        if lottery.state != LotteryState.DRAWN:
            self.stdout.write(f"摇号 {lottery.number} 尚未摇号（已公布名单摘要和种子承诺），无法核验。")
            sys.exit(1)
        verification = lottery_verification(lottery=lottery)
        write = self.stdout.write
        write(f"摇号编号：{lottery.number}（算法 {lottery.algorithm}）")
        write(f"参与户数：{lottery.participant_count}，正选 {lottery.winners_count}，候补 {lottery.substitutes_count}")
        write(f"名单摘要（SM3）：{lottery.participants_digest}  {'一致' if verification.list_ok else '不一致'}")
        write(f"种子承诺（SM3）：{lottery.seed_commitment}  {'一致' if verification.commitment_ok else '不一致'}")
        write(f"公开种子：{lottery.seed}")
        write(f"结果摘要（SM3）：{lottery.result_digest}  {'一致' if verification.result_ok else '不一致'}")
        for line in verification.mismatches:
            write(f"不一致：{line}")
        if verification.ok:
            write(self.style.SUCCESS("OK 核验通过"))
            return
        write(self.style.ERROR("MISMATCH 核验不通过"))
        sys.exit(1)
