"""manage.py signing_ca: the test CA (安居测试CA) and its signing certificate for the demo and tests."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from anju.core.signing import test_ca_ensure


class Command(BaseCommand):
    """Create the test CA under var/signing/ unless a usable one is there; idempotent."""

    help = "生成电子签章测试证书（自签名根证书“安居测试CA”及其签发的签章证书），已存在且有效时不重复生成。仅供演示和测试，不具法律效力。"

    def add_arguments(self, parser: CommandParser) -> None:
        """--directory, --force."""
        parser.add_argument(
            "--directory", default=None, help="证书目录（默认 ANJU_SIGNING_TEST_CA_DIR，即 var/signing）"
        )
        parser.add_argument("--force", action="store_true", help="即使已有有效证书也重新生成")

    def handle(self, *args: Any, **options: Any) -> None:
        """Ensure the files exist and print where they are and the root's fingerprint."""
        from cryptography import x509
        from cryptography.hazmat.primitives import hashes

        paths = test_ca_ensure(options["directory"], force=options["force"])
        root = x509.load_pem_x509_certificate(paths.ca_cert.read_bytes())
        fingerprint = root.fingerprint(hashes.SHA256()).hex(":").upper()
        state = "已生成" if paths.created else "已存在且有效，未重新生成"
        self.stdout.write(self.style.SUCCESS(f"测试 CA {state}：{paths.directory}"))
        self.stdout.write(f"  根证书：{paths.ca_cert}（SHA-256 指纹 {fingerprint}）")
        self.stdout.write(f"  签章证书：{paths.signer_cert}")
        self.stdout.write(f"  签章私钥：{paths.signer_key}")
        self.stdout.write("  DEBUG 或 ANJU_SIGNING_TEST_CA=1 时未配置正式证书即使用此测试证书签章。")
