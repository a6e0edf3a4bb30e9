"""The event log is append-only in the ORM and in the database (security.md #8)."""

import threading

import pytest
from django.db import DatabaseError, connection, connections, transaction

from anju.audit.events import AuditAction
from anju.audit.models import AppendOnlyError, AuditEvent
from anju.audit.services import audit_chain_check, audit_event_record
from anju.audit.triggers import installed_triggers

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(community_clerk):
    return audit_event_record(action=AuditAction.LOGIN, user=community_clerk, detail={"a": 1})


def test_model_save_of_an_existing_row_is_refused(event):
    event.detail = {"a": 2}
    with pytest.raises(AppendOnlyError, match="只允许追加"):
        event.save()


def test_model_delete_is_refused(event):
    with pytest.raises(AppendOnlyError):
        event.delete()


def test_queryset_update_and_delete_are_refused(event):
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(result="failure")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.bulk_update([event], ["result"])
    assert AuditEvent.objects.get(pk=event.pk).result == "success"


def test_triggers_are_installed():
    names = installed_triggers(connection)
    if connection.vendor == "sqlite":
        assert names == ["audit_auditevent_no_delete", "audit_auditevent_no_update", "audit_auditevent_user_set_null"]
    else:
        assert names == ["audit_auditevent_append_only"]


def test_raw_sql_update_is_refused_by_the_database(event):
    with pytest.raises(DatabaseError, match="只允许追加"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET result = 'failure' WHERE id = %s", [event.pk])
    assert AuditEvent.objects.get(pk=event.pk).result == "success"


def test_raw_sql_delete_is_refused_by_the_database(event):
    with pytest.raises(DatabaseError, match="只允许追加"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_raw_sql_cannot_point_an_event_at_another_user(event, street_reviewer):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET user_id = %s WHERE id = %s", [street_reviewer.pk, event.pk])


def test_deleting_a_user_keeps_the_event_and_the_chain(event, community_clerk):
    # when: the only update the database allows, ON DELETE SET NULL
    community_clerk.delete()
    # then
    kept = AuditEvent.objects.get(pk=event.pk)
    assert kept.user_id is None and kept.username == "clerk_baibu"
    assert audit_chain_check().ok


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_get_a_gap_free_linear_chain(demo_regions):
    # given: several threads, each with its own database connection, writing at once
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for i in range(10):
                with transaction.atomic():
                    audit_event_record(action=AuditAction.RECORD_UPDATED, detail={"thread": n, "i": i})
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    # when
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # then
    assert not errors, errors
    assert list(AuditEvent.objects.order_by("sequence").values_list("sequence", flat=True)) == list(range(1, 41))
    report = audit_chain_check()
    assert report.ok, report.message
