"""Test settings: fast hashing, tasks inline, no real timeouts unless a test sets them."""

import os

from config.django.base import *  # noqa: F403
from config.django.base import BASE_DIR

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
HUEY = {"huey_class": "huey.MemoryHuey", "name": "anju-test", "immediate": True}
# contracts are signed with the test CA (`manage.py signing_ca`, created on first use under var/signing)
ANJU_SIGNING_TEST_CA = True
# SQLite tests use a file, not shared-cache memory: threads in transactional tests then wait
# on the busy timeout (IMMEDIATE transactions) instead of failing with "database table is locked".
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    (BASE_DIR / "var").mkdir(exist_ok=True)
    # one file per pytest process, so two runs in one checkout never share it (removed at teardown)
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "var" / f"test-{os.getpid()}.sqlite3")}
MEDIA_ROOT = str(BASE_DIR / "var" / "test-media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# WhiteNoise looks for STATIC_ROOT at start-up; tests serve from the finders instead.
STATIC_ROOT = BASE_DIR / "var" / "test-static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
