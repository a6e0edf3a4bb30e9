"""portal_bench: seeds ready drafts and finds duplicate or lost submissions."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_seed_submit_and_check(portal_ready, tmp_path, client):
    from anju.portal.management.commands.portal_bench import BENCH_PASSWORD, bench_mobile
    from anju.portal.models import OnlineApplication

    # given: three ready drafts
    call_command("portal_bench", seed=3, stdout=StringIO())
    assert OnlineApplication.objects.filter(step="check").count() == 3
    # when: one applicant logs in and submits twice (double click)
    assert client.post("/account/login/", {"mobile": bench_mobile(1), "password": BENCH_PASSWORD}).status_code == 302
    assert client.post("/apply/check/").status_code == 302
    assert client.post("/apply/check/").status_code == 302
    out = StringIO()
    call_command("portal_bench", check=True, results=str(tmp_path), stdout=out)
    # then
    report = json.loads(next(tmp_path.glob("portal_surge-*.json")).read_text(encoding="utf-8"))
    assert report["drafts"] == 3
    assert report["submitted"] == 1
    assert report["process_instances"] == 1
    assert report["duplicate_instances"] == 0
    assert "无重复、无丢失" in out.getvalue()
