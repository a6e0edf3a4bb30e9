"""Window-opening surge on the portal: N applicants log in and submit their online application at once.

Not a dependency of Anju: install locust only where you run the benchmark (`pip install locust`).
Prepare a scratch database with `manage.py portal_bench --seed N`, start the server, then e.g.

    locust -f bench/locustfile_portal.py --host http://127.0.0.1:8001 --headless \
           -u 1000 -r 1000 --run-time 5m --csv bench/results/portal_surge --stop-timeout 60

Each simulated applicant k (0 … N-1) logs in as 177 + k zero-padded to 8 digits, waits until every
user has logged in (the window "opens" for all at once), opens the check page and submits — twice,
as an impatient double click — and then stops. Afterwards `manage.py portal_bench --check`
counts duplicate and lost submissions. See bench/portal_README.md.
"""

from __future__ import annotations

import itertools
import os
import re
import threading

from locust import HttpUser, between, events, task
from locust.exception import StopUser

PASSWORD = os.environ.get("PORTAL_BENCH_PASSWORD", "Anju#Surge2026!")
USERS = int(os.environ.get("PORTAL_BENCH_USERS", "0"))  # 0: the -u value
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

_numbers = itertools.count()
_lock = threading.Lock()
_logged_in = 0
_window = None  # set in init (gevent Event)


@events.init.add_listener
def _init(environment, **_kwargs):
    global _window
    from gevent.event import Event

    _window = Event()


def _csrf(client, path: str, name: str) -> str:
    response = client.get(path, name=name)
    match = CSRF.search(response.text)
    return match.group(1) if match else ""


class Applicant(HttpUser):
    """One household: log in, wait for the window, submit (twice), leave."""

    wait_time = between(0, 0.2)

    def on_start(self) -> None:
        global _logged_in
        self.index = next(_numbers)
        mobile = f"177{self.index:08d}"
        token = _csrf(self.client, "/account/login/", "登录页")
        with self.client.post(
            "/account/login/", data={"mobile": mobile, "password": PASSWORD, "csrfmiddlewaretoken": token},
            allow_redirects=False, name="登录", catch_response=True,
        ) as response:  # fmt: skip
            if response.status_code != 302:
                response.failure(f"login {mobile}: HTTP {response.status_code}")
                raise StopUser()
        with _lock:
            _logged_in += 1
            target = USERS or self.environment.runner.target_user_count or 1
            if _logged_in >= target:
                _window.set()
        _window.wait(timeout=120)

    @task
    def submit(self) -> None:
        token = _csrf(self.client, "/apply/check/", "预审页")
        for attempt in ("提交", "重复提交"):
            with self.client.post(
                "/apply/check/", data={"csrfmiddlewaretoken": token}, allow_redirects=False, name=attempt, catch_response=True,
            ) as response:  # fmt: skip
                if response.status_code != 302 or "/my/" not in response.headers.get("Location", ""):
                    response.failure(f"{attempt}: HTTP {response.status_code} {response.headers.get('Location', '')}")
        raise StopUser()
