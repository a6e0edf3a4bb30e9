"""Test settings: fast hashing, tasks inline, no real timeouts unless a test sets them."""

from config.django.base import *  # noqa: F403
from config.django.base import BASE_DIR

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
HUEY = {"huey_class": "huey.MemoryHuey", "name": "anju-test", "immediate": True}
MEDIA_ROOT = str(BASE_DIR / "var" / "test-media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
