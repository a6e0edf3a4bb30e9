"""`python -m bench.run` runs end to end on a tiny SQLite database (so it cannot rot); no timings asserted."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_bench_runs_end_to_end_on_sqlite(tmp_path):
    # given a fresh SQLite file and a results directory
    database = tmp_path / "bench.sqlite3"
    results = tmp_path / "results"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.django.local"}
    # when the benchmark runs with 60 households
    completed = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "bench.run", "--households", "60", "--seed", "5", "--batch", "100",
         "--database-url", f"sqlite:///{database}", "--results", str(results)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    # then it succeeds, prints the table and writes one JSON result with the machine and every part
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert "demo_data 户" in completed.stdout and "审计链 校验" in completed.stdout
    [path] = results.glob("*.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["machine"]["database"] == "sqlite" and data["machine"]["cores"] >= 1
    assert data["demo_data"]["households"] == 60
    assert data["demo_data"]["counts"]["applications"] == 60
    assert data["demo_data"]["counts"]["members"] >= 60
    assert data["audit"]["appended"] == 60 and data["audit"]["verified"] >= 60
    assert "hand_sql" not in data  # the baseline is PostgreSQL only
