"""manage.py demo_setup: the idempotent bootstrap behind `make run` (regions, code tables, accounts, households)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from anju.admission.dictionaries import admission_dictionaries_ensure
from anju.admission.models import Application
from anju.core.models import Region

DEMO_SEED = 2026
DEMO_HOUSEHOLDS = 200
URL = "http://127.0.0.1:8000"


class Command(BaseCommand):
    """Load what the demo needs, reuse what exists, print how to sign in."""

    help = "准备演示环境（可重复运行）：行政区划、代码表、演示账号、演示申请家庭，并打印登录方式。"

    def add_arguments(self, parser: CommandParser) -> None:
        """--households to change the demo size."""
        parser.add_argument("--households", type=int, default=DEMO_HOUSEHOLDS, help="首次运行时生成的演示家庭户数（默认 200）")
        parser.add_argument("--url", default=URL, help="打印的访问地址（默认 http://127.0.0.1:8000）")

    def handle(self, *args: Any, **options: Any) -> None:
        """Each step runs only when its data is missing (code tables are refreshed, which is idempotent)."""
        from anju.accounts.services.demo import demo_accounts_create

        if not Region.objects.exists():
            self.stdout.write("加载行政区划……")
            call_command("load_regions", stdout=self.stdout)
        else:
            self.stdout.write(f"行政区划已存在（{Region.objects.count()} 条），跳过。")
        call_command("load_dictionaries", stdout=self.stdout)
        call_command("load_processes", stdout=self.stdout)
        call_command("load_rules_demo", stdout=self.stdout)
        added = admission_dictionaries_ensure()
        if added:
            self.stdout.write(f"准入登记代码表：新增 {added} 条。")
        accounts = demo_accounts_create()
        households = Application.objects.count()
        if households == 0:
            self.stdout.write(f"生成演示申请家庭 {options['households']} 户……")
            call_command("demo_data", households=options["households"], seed=DEMO_SEED, stdout=self.stdout)
            households = Application.objects.count()
        else:
            self.stdout.write(f"已有申请家庭 {households} 户，跳过生成。")
        call_command("demo_housing", seed=DEMO_SEED, stdout=self.stdout)
        self._downstream_demo()
        accounts = accounts + self._portal_demo_accounts()
        self._summary(accounts, households, url=options["url"])

    def _downstream_demo(self) -> None:
        """Plans, rounds, contracts, tenancies, credit records, complaints and portal texts (each idempotent)."""
        from anju.distribution.demo import demo_contracts_create, demo_distribution_create
        from anju.supervision.demo import demo_supervision_create
        from anju.tenancy.demo import demo_tenancy_create

        call_command("demo_allocation", stdout=self.stdout)
        rounds = demo_distribution_create()
        self.stdout.write(f"配给批次 {rounds['rounds']} 个（摇号 {rounds['lotteries']} 次），已选房 {rounds['chosen']} 户。")
        # contracts are signed by a person (the city's demo officer), never by a system job
        signer = get_user_model().objects.filter(username="city").first()
        contracts = demo_contracts_create(acting_user=signer)
        self.stdout.write(f"签订并电子签章合同 {contracts['signed']} 份。")
        demo_tenancy_create(stdout=self.stdout)
        self.stdout.write(f"监督管理演示数据：{demo_supervision_create(seed=DEMO_SEED)}")
        call_command("load_portal_demo", stdout=self.stdout)

    def _portal_demo_accounts(self) -> list[dict[str, str]]:
        """The portal demo's `tenant` account (made by `load_portal_demo`), when it exists."""
        from anju.accounts.models import User
        from anju.accounts.services.demo import DEMO_PASSWORD

        if not User.objects.filter(username="tenant").exists():
            return []
        return [{"username": "tenant", "password": DEMO_PASSWORD, "role": "申请人", "organisation": ""}]

    def _summary(self, accounts: list[dict[str, str]], households: int, *, url: str) -> None:
        """The Chinese summary: address, accounts, how to get a TOTP code."""
        write = self.stdout.write
        write("")
        write(self.style.SUCCESS("演示环境已就绪。"))
        write(f"访问地址：{url}")
        write(f"演示申请家庭：{households} 户（亳州市）")
        write("")
        write("演示账号（密码相同）：")
        header = ("用户名", "密码", "角色", "机构")
        widths = [max(len(header[0]), *(len(a["username"]) for a in accounts)) + 2, 16, 10, 0]
        write(f"  {header[0]:<{widths[0]}}{header[1]:<{widths[1]}}{header[2]:<{widths[2]}}{header[3]}")
        for account in accounts:
            write(
                f"  {account['username']:<{widths[0]}}{account['password']:<{widths[1]}}"
                f"{account['role']:<{widths[2]}}{account.get('organisation', '')}"
            )
        admins = [a["username"] for a in accounts if a.get("totp_secret")]
        if admins:
            write("")
            write(f"管理员账号（{'、'.join(admins)}）登录时还需要动态口令，获取当前口令：")
            write(f"  .venv/bin/python manage.py demo_totp {admins[0]}")
