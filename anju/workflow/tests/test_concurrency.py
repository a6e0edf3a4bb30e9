"""Two users completing the same task at once: exactly one succeeds, the other is told who did it.

Runs with real threads and transactions: on SQLite (IMMEDIATE transactions serialise the
writers; the compare-and-set decides) and, when DATABASE_URL is a PostgreSQL URL, a second
variant on PostgreSQL (select_for_update row locks). CI sets DATABASE_URL, so both run there.
"""

import os
import threading

import pytest
from django.db import connection, connections

from anju.workflow.choices import TaskState
from anju.workflow.errors import TaskConflictError
from anju.workflow.models import Task
from anju.workflow.services import instance_start, task_complete

IS_POSTGRES = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


def _race(task_id, users):
    """Both users complete the same task at the same moment; returns (successes, errors)."""
    barrier = threading.Barrier(len(users))
    successes, errors = [], []

    def work(user):
        try:
            task = Task.objects.get(pk=task_id)
            barrier.wait()
            task_complete(task=task, acting_user=user, opinion=f"{user.username} 同意", expected_version=task.lock_version)
            successes.append(user.username)
        except TaskConflictError as exc:
            errors.append(str(exc.text))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return successes, errors


def _setup(db_users):
    from anju.workflow.services import template_import
    from anju.workflow.tests.factories import linear_definition, make_organisation
    from conftest import make_user

    template_import(data=linear_definition(), acting_user=None, activate=True)
    record = make_organisation()
    first = make_user("clerk_a", "community_clerk", "341602001001", full_name="甲经办")
    second = make_user("clerk_b", "community_clerk", "341602001001", full_name="乙经办")
    instance = instance_start(template="linear", business_object=record, acting_user=first)
    return instance.tasks.get(), [first, second]


def _assert_one_winner(task, users):
    successes, errors = _race(task.pk, users)
    assert len(successes) == 1, (successes, errors)
    assert len(errors) == 1
    winner = {"clerk_a": "甲经办", "clerk_b": "乙经办"}[successes[0]]
    assert f"该待办已由 {winner} 办理" in errors[0]
    task.refresh_from_db()
    assert task.state == TaskState.COMPLETED
    assert task.instance.node_instances.filter(node__code="review").count() == 1  # the process moved on once


@pytest.mark.django_db(transaction=True)
def test_concurrent_completion_one_wins(demo_regions):
    # given
    task, users = _setup(demo_regions)
    # when / then
    _assert_one_winner(task, users)


@pytest.mark.skipif(not IS_POSTGRES, reason="PostgreSQL variant: set DATABASE_URL to a postgres URL (CI does)")
@pytest.mark.django_db(transaction=True)
def test_concurrent_completion_one_wins_postgresql(demo_regions):
    # given
    assert connection.vendor == "postgresql"
    task, users = _setup(demo_regions)
    # when / then (row locks: the loser waits on select_for_update, then sees the task completed)
    _assert_one_winner(task, users)
