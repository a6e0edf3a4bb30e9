"""Background tasks: Django's tasks API (django-tasks backport) served by huey.

TASK_BACKEND=huey (default) stores the queue in SQLite beside the app database, or in Redis
when HUEY_REDIS_URL is set; TASK_BACKEND=immediate runs tasks inline (tests);
TASK_BACKEND=database uses django-tasks-db (the tested fallback).
"""

from config.env import BASE_DIR, env_str

TASK_BACKEND = env_str("TASK_BACKEND", "huey")
HUEY_REDIS_URL = env_str("HUEY_REDIS_URL", "")

if HUEY_REDIS_URL:
    HUEY = {
        "huey_class": "huey.RedisHuey",
        "name": "anju",
        "url": HUEY_REDIS_URL,
        "immediate": False,
        "consumer": {"workers": 2, "worker_type": "thread"},
    }
else:
    HUEY = {
        "huey_class": "huey.SqliteHuey",
        "name": "anju",
        "filename": str(BASE_DIR / "var" / "huey.sqlite3"),
        "immediate": False,
        "consumer": {"workers": 2, "worker_type": "thread"},
    }

_BACKENDS = {
    "huey": "huey.contrib.djhuey.tasks_backend.HueyBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.backend.DatabaseBackend",
}

TASKS = {"default": {"BACKEND": _BACKENDS[TASK_BACKEND]}}
if TASK_BACKEND == "huey":
    # Enqueue when the surrounding transaction commits: a worker must see the rows
    # (e.g. the JobProgress record) that the enqueuing request created.
    TASKS["default"]["ENQUEUE_ON_COMMIT"] = True
    if not HUEY_REDIS_URL:
        (BASE_DIR / "var").mkdir(exist_ok=True)  # SqliteHuey creates its file, not the directory
