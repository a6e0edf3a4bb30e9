"""Production settings (security.md #15): check --deploy is clean, and development secrets are refused."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run_check(**overrides: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ANJU_", "DJANGO_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.django.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(60),
        DJANGO_ALLOWED_HOSTS="anju.example.gov.cn",
        ANJU_FIELD_KEYS=f"prod1:{secrets.token_hex(16)}",
        ANJU_INDEX_KEY=secrets.token_hex(32),
        ANJU_AUDIT_KEY=secrets.token_hex(32),
    )
    env.update(overrides)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )


def test_production_settings_pass_check_deploy():
    # given production settings with real-looking secrets
    # when Django's deployment check runs
    result = _run_check()
    # then it reports nothing
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_the_development_secret_key():
    result = _run_check(DJANGO_SECRET_KEY="django-insecure-anju-local-development-only")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_refuses_the_development_crypto_keys():
    from config.integrations.crypto import DEV_INDEX_KEY

    result = _run_check(ANJU_INDEX_KEY=DEV_INDEX_KEY)
    assert result.returncode != 0
    assert "ANJU_INDEX_KEY" in result.stderr
