"""The portal surge benchmark's files: the locustfile matches the seed, and --check finds what it must.

Locust is not a test dependency (requirements/bench.txt brings it), so the locustfile is read as
source here; it is loaded by locust itself only where locust is installed. The seed/submit/check
cycle without faults is `test_bench_command.py`; this file covers the faults --check must report.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import re
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

LOCUSTFILE = Path(settings.BASE_DIR) / "bench" / "locustfile_portal.py"
BENCH_REQUIREMENTS = Path(settings.BASE_DIR) / "requirements" / "bench.txt"


def _tree() -> ast.Module:
    return ast.parse(LOCUSTFILE.read_text(encoding="utf-8"))


def test_locustfile_defines_an_applicant_user_with_a_task():
    # given: the locustfile's source
    classes = {node.name: node for node in ast.walk(_tree()) if isinstance(node, ast.ClassDef)}
    # then: an HttpUser subclass with a @task method
    applicant = classes["Applicant"]
    assert [base.id for base in applicant.bases if isinstance(base, ast.Name)] == ["HttpUser"]
    tasks = [
        item.name
        for item in applicant.body
        if isinstance(item, ast.FunctionDef) and any(getattr(d, "id", None) == "task" for d in item.decorator_list)
    ]
    assert tasks == ["submit"]


def test_locustfile_logs_in_as_the_seeded_applicants():
    from anju.portal.management.commands.portal_bench import BENCH_PASSWORD, bench_mobile

    tree = _tree()
    # the default password is the seed's
    defaults = {
        node.args[0].value: node.args[1].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "attr", None) == "get"
        and len(node.args) == 2
        and all(isinstance(arg, ast.Constant) for arg in node.args)
    }
    assert defaults["PORTAL_BENCH_PASSWORD"] == BENCH_PASSWORD
    # the mobile number of user k is the seed's bench_mobile(k): f"<prefix>{self.index:<spec>}"
    mobiles = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.JoinedStr) and len(node.values) == 2 and isinstance(node.values[0], ast.Constant)
    ]
    assert len(mobiles) == 1
    prefix, value = mobiles[0].values
    spec = "".join(part.value for part in value.format_spec.values)
    assert prefix.value + format(4321, spec) == bench_mobile(4321)


def test_bench_requirements_pin_locust_on_top_of_the_project():
    lines = [line.strip() for line in BENCH_REQUIREMENTS.read_text(encoding="utf-8").splitlines()]
    assert {"-r test.txt", "-r base.txt"} & set(lines)
    assert any(re.fullmatch(r"locust==2\.\d+\.\d+", line) for line in lines)


@pytest.mark.skipif(importlib.util.find_spec("locust") is None, reason="locust comes with requirements/bench.txt")
def test_locust_loads_the_locustfile():
    # in a subprocess: importing locust monkey-patches the standard library with gevent
    result = subprocess.run(  # noqa: S603 - this interpreter and the repository's locustfile
        [sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--list"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Applicant" in result.stdout


@pytest.fixture
def bench_drafts(portal_ready, client):
    """Three bench drafts, the first one submitted through the portal."""
    from anju.portal.management.commands.portal_bench import BENCH_PASSWORD, bench_mobile

    call_command("portal_bench", seed=3, stdout=StringIO())
    assert client.post("/account/login/", {"mobile": bench_mobile(0), "password": BENCH_PASSWORD}).status_code == 302
    assert client.post("/apply/check/").status_code == 302


def _check(tmp_path, **options) -> tuple[dict, str]:
    """Run --check; the report it wrote and the error, if any."""
    error = ""
    try:
        call_command("portal_bench", check=True, results=str(tmp_path), stdout=StringIO(), **options)
    except CommandError as exc:
        error = str(exc)
    report = json.loads(max(tmp_path.glob("portal_surge-*.json")).read_text(encoding="utf-8"))
    return report, error


@pytest.mark.django_db
def test_check_runs_with_the_system_checks(bench_drafts, tmp_path):
    # manage.py runs the system checks (call_command does not by default): the command must not shadow them
    report, error = _check(tmp_path, skip_checks=False)
    assert (report["submitted"], report["process_instances"], error) == (1, 1, "")


@pytest.mark.django_db
def test_check_reports_a_duplicate_process_instance(bench_drafts, tmp_path):
    from anju.workflow.models import ProcessInstance

    # given: a second process instance for the submitted application
    instance = ProcessInstance.objects.get()
    instance.pk, instance.number = None, f"{instance.number}-2"
    instance.save()
    # when
    report, error = _check(tmp_path)
    # then
    assert report["duplicate_instances"] == 1
    assert "重复提交 1 件" in error


@pytest.mark.django_db
def test_check_reports_a_submission_without_instance(bench_drafts, tmp_path):
    from django.utils import timezone

    from anju.portal.models import OnlineApplication

    # given: a draft marked submitted whose process never started
    assert OnlineApplication.objects.filter(user__full_name="压测1").update(submitted_at=timezone.now()) == 1
    # when
    report, error = _check(tmp_path)
    # then
    assert report["submitted_without_instance"] == 1
    assert "丢失 1 件" in error


@pytest.mark.django_db
def test_check_compares_with_the_confirmed_submissions(bench_drafts, tmp_path):
    # given: the load generator saw two submissions confirmed, the database has one
    report, error = _check(tmp_path, expect=2)
    # then
    assert report["confirmed_but_not_submitted"] == 1
    assert "丢失 1 件" in error
