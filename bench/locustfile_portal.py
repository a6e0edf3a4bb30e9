"""Window-opening surge on the portal: N applicants log in and submit their online application at once.

Not a dependency of Anju: locust comes with `requirements/bench.txt` (`make bench` installs it).
Prepare a scratch database with `manage.py portal_bench --seed N`, start the server, then e.g.

    locust -f bench/locustfile_portal.py --host http://127.0.0.1:8001 --headless \
           -u 1000 -r 1000 --run-time 20m --csv bench/results/portal_surge --stop-timeout 60

Each simulated applicant k (0 … N-1) logs in as 177 + k zero-padded to 8 digits, waits until every
user has logged in (the window "opens" for all at once), opens the check page and submits — twice,
as an impatient double click — and then stops. When the last applicant is done the run ends by
itself (before `--run-time`) and `<csv prefix>_window.json` records when the window opened and how
long it took until every applicant's submission had been answered. Afterwards
`manage.py portal_bench --check` counts duplicate and lost submissions. See bench/portal_README.md.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from locust import HttpUser, between, events, task
from locust.exception import StopUser

PASSWORD = os.environ.get("PORTAL_BENCH_PASSWORD", "Anju#Surge2026!")
USERS = int(os.environ.get("PORTAL_BENCH_USERS", "0"))  # 0: the -u value
# logging 1,000 applicants in costs 1,000 PBKDF2 hashes (≈ 0.3 s of CPU each): give the window time
WINDOW_TIMEOUT = float(os.environ.get("PORTAL_BENCH_WINDOW_TIMEOUT", "1200"))
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

_numbers = itertools.count()
_lock = threading.Lock()
_state = {"arrived": 0, "logged_in": 0, "done": 0, "submitted": 0}
_times: dict[str, float] = {}  # start, window, first_submit, last_submit (time.monotonic())
_wall: dict[str, str] = {}
_window = None  # set in init (gevent Event)
_environment = None


@events.init.add_listener
def _init(environment, **_kwargs):
    global _window, _environment
    from gevent.event import Event

    _window = Event()
    _environment = environment


@events.test_start.add_listener
def _start(**_kwargs):
    _times["start"] = time.monotonic()
    _wall["start"] = datetime.now(UTC).isoformat()


@events.quitting.add_listener
def _summary(environment, **_kwargs):
    """Write `<csv prefix>_window.json`: the window and the submissions' span, as the load generator saw them."""
    window, last = _times.get("window"), _times.get("last_submit")
    summary = {
        "started_at": _wall.get("start"),
        "window_opened_at": _wall.get("window"),
        "last_submit_answered_at": _wall.get("last_submit"),
        "target_users": _target(environment),
        **_state,
        "login_phase_s": round(window - _times["start"], 2) if window and "start" in _times else None,
        "window_to_first_submit_s": round(_times["first_submit"] - window, 2) if window and "first_submit" in _times else None,
        "window_to_last_submit_s": round(last - window, 2) if window and last else None,
    }  # fmt: skip
    prefix = getattr(environment.parsed_options, "csv_prefix", None) if environment.parsed_options else None
    if prefix:
        Path(f"{prefix}_window.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    print("portal surge:", json.dumps(summary, ensure_ascii=False))


def _target(environment) -> int:
    return USERS or (environment.runner.target_user_count if environment.runner else 0) or 1


def _stamp(name: str) -> None:
    _times[name] = time.monotonic()
    _wall[name] = datetime.now(UTC).isoformat()


def _csrf(client, path: str, name: str) -> str:
    response = client.get(path, name=name)
    match = CSRF.search(response.text)
    return match.group(1) if match else ""


class Applicant(HttpUser):
    """One household: log in, wait for the window, submit (twice), leave."""

    wait_time = between(0, 0.2)

    def on_start(self) -> None:
        self.index = next(_numbers)
        mobile = f"177{self.index:08d}"
        try:
            token = _csrf(self.client, "/account/login/", "登录页")
            with self.client.post(
                "/account/login/", data={"mobile": mobile, "password": PASSWORD, "csrfmiddlewaretoken": token},
                allow_redirects=False, name="登录", catch_response=True,
            ) as response:  # fmt: skip
                if response.status_code != 302:
                    response.failure(f"login {mobile}: HTTP {response.status_code}")
                    self._finish()
                    raise StopUser()
            with _lock:
                _state["logged_in"] += 1
        finally:
            # a failed login still counts as arrived, so the window opens for the others
            with _lock:
                _state["arrived"] += 1
                if _state["arrived"] >= _target(self.environment) and not _window.is_set():
                    _stamp("window")
                    _window.set()
        _window.wait(timeout=WINDOW_TIMEOUT)

    @task
    def submit(self) -> None:
        token = _csrf(self.client, "/apply/check/", "预审页")
        for attempt in ("提交", "重复提交"):
            with self.client.post(
                "/apply/check/", data={"csrfmiddlewaretoken": token}, allow_redirects=False, name=attempt, catch_response=True,
            ) as response:  # fmt: skip
                if response.status_code != 302 or "/my/" not in response.headers.get("Location", ""):
                    response.failure(f"{attempt}: HTTP {response.status_code} {response.headers.get('Location', '')}")
                elif attempt == "提交":
                    with _lock:
                        _state["submitted"] += 1
            if attempt == "提交":
                with _lock:
                    _stamp("last_submit")
                    _times.setdefault("first_submit", _times["last_submit"])
        self._finish()
        raise StopUser()

    def _finish(self) -> None:
        """The last applicant done ends the run (headless: the CSV files are written as at --run-time)."""
        with _lock:
            _state["done"] += 1
            last = _state["done"] >= _target(self.environment)
        if last and self.environment.runner is not None:
            import gevent

            gevent.spawn_later(1, self.environment.runner.quit)
