"""Print the current TOTP code of a demo administrator (demo accounts only)."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from anju.accounts.services.demo import DEMO_USERNAMES, demo_totp_key


class Command(BaseCommand):
    """manage.py demo_totp <username>: the 6-digit code an authenticator app would show now."""

    help = "显示演示管理员账号当前的动态口令（仅限演示账号）。"

    def add_arguments(self, parser: CommandParser) -> None:
        """The demo username."""
        parser.add_argument("username", help="演示账号用户名，如 sysadmin、secadmin、auditor")

    def handle(self, *args: Any, **options: Any) -> None:
        """Compute the code from the demo device; refuse any non-demo account."""
        username = options["username"]
        if username not in DEMO_USERNAMES:
            raise CommandError(f"{username} 不是演示账号；真实账号的动态口令只能由本人的验证器生成。")
        device = TOTPDevice.objects.filter(user__username=username, confirmed=True).first()
        if device is None:
            raise CommandError(f"{username} 没有动态口令设备（只有三类管理员有）；请先运行演示数据初始化。")
        if device.key != demo_totp_key(username):
            raise CommandError(f"{username} 的动态口令设备已重新绑定，不再是演示密钥。")
        now = int(time.time())
        code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)
        remaining = device.step - (now - device.t0) % device.step
        self.stdout.write(f"{code:0{device.digits}d}")
        self.stderr.write(f"{username} 当前动态口令，{remaining} 秒内有效。")
