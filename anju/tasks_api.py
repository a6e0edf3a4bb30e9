"""The one place Anju imports its background-task API from.

Django 6.0 ships `django.tasks`; until the project moves to it, the `django-tasks` backport
provides the same names. Switching is this one import line.
"""

from django_tasks import (
    DEFAULT_TASK_BACKEND_ALIAS,
    TaskContext,
    TaskResult,
    TaskResultStatus,
    default_task_backend,
    task,
    task_backends,
)

__all__ = [
    "DEFAULT_TASK_BACKEND_ALIAS",
    "TaskContext",
    "TaskResult",
    "TaskResultStatus",
    "default_task_backend",
    "task",
    "task_backends",
]
