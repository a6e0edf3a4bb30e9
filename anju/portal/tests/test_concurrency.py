"""A surge in miniature: simultaneous submissions of one case, simultaneous first saves of one account."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from anju.portal.services import online as online_services
from anju.portal.tests.conftest import ZHANG_ID, applicant_account

pytestmark = pytest.mark.django_db(transaction=True)


def _together(count, work):
    """Run `work()` in `count` threads released at once; the results and exceptions."""
    barrier = threading.Barrier(count)
    results, errors = [], []
    lock = threading.Lock()

    def run():
        try:
            barrier.wait()
            value = work()
            with lock:
                results.append(value)
        except Exception as exc:  # collected and asserted by the test
            with lock:
                errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


def test_simultaneous_submits_start_one_process(portal_ready):
    from anju.workflow.models import ProcessInstance

    # given
    user = applicant_account()
    online = online_services.household_save(
        user=user, data={"applicant_name": "张明", "id_number": ZHANG_ID, "phone": "13800000001"}
    )
    # when: five requests of one double-clicking applicant arrive together
    results, errors = _together(5, lambda: online_services.online_submit(online=online))
    # then: every request answers with the case, and there is one process
    assert errors == []
    assert len(results) == 5
    assert ProcessInstance.objects.count() == 1
    online.refresh_from_db()
    assert online.submitted_at is not None


def test_simultaneous_first_saves_make_one_draft(portal_ready):
    from anju.admission.models import Application
    from anju.portal.models import OnlineApplication

    # given
    user = applicant_account()
    data = {"applicant_name": "张明", "id_number": ZHANG_ID, "phone": "13800000001"}
    # when
    _results, errors = _together(3, lambda: online_services.household_save(user=user, data=dict(data)))
    # then: one draft; the others either changed it or were refused with a message, never a second case
    assert OnlineApplication.objects.filter(user=user).count() == 1
    assert Application.objects.count() == 1
    assert all(hasattr(e, "messages") for e in errors), errors
