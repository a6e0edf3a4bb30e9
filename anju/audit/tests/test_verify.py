"""`audit_verify` finds the first broken row and raises no false alarm (security.md #8)."""

import time

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from anju.audit.events import AuditAction, AuditResult
from anju.audit.models import AuditEvent
from anju.audit.services import audit_chain_check, audit_event_record
from anju.audit.tests.factories import build_chain
from anju.audit.triggers import drop_triggers

pytestmark = pytest.mark.django_db


def _tamper(sql: str, params: list) -> None:
    """Simulate an attacker with database access: lift the triggers, change a row."""
    drop_triggers(connection)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_intact_chain_verifies_ok(community_clerk):
    # given
    for _ in range(5):
        audit_event_record(action=AuditAction.LOGIN, user=community_clerk)
    # when
    report = audit_chain_check()
    # then
    assert report.ok, report.message
    assert report.checked == 5
    assert "共 5 条" in report.message


@pytest.mark.parametrize(
    ("column", "value"),
    [("detail", '{"n": 999}'), ("username", "someone_else"), ("action", "LOGOUT"), ("result", "failure")],
)
def test_tampered_field_is_found_at_that_row(column, value):
    # given
    made = build_chain(30)
    sequence, row_id = made[16]
    # when
    _tamper(f"UPDATE audit_auditevent SET {column} = %s WHERE sequence = %s", [value, sequence])  # noqa: S608 - column from the parametrize list
    report = audit_chain_check()
    # then
    assert not report.ok
    assert report.broken_sequence == sequence
    assert report.broken_id == row_id
    assert f"第 {sequence} 号" in report.message
    assert "篡改" in report.message


def test_deleted_row_is_found_as_a_gap():
    # given
    made = build_chain(20)
    sequence, _deleted_id = made[9]
    next_sequence, next_id = made[10]
    # when
    _tamper("DELETE FROM audit_auditevent WHERE sequence = %s", [sequence])
    report = audit_chain_check()
    # then
    assert not report.ok
    assert report.broken_sequence == sequence
    assert report.checked == sequence - 1
    assert "缺失" in report.message
    assert f"第 {next_sequence} 号，ID {next_id}" in report.message


def test_deleted_tail_is_found_through_the_head():
    # given
    made = build_chain(10)
    # when
    _tamper("DELETE FROM audit_auditevent WHERE sequence = %s", [made[-1][0]])
    report = audit_chain_check()
    # then
    assert not report.ok
    assert report.broken_sequence == 10


def test_reinserted_row_with_new_hash_breaks_the_link_of_the_next_row():
    # given: the attacker rewrites row 5 and recomputes its hash with a wrong key
    made = build_chain(10)
    # when
    _tamper("UPDATE audit_auditevent SET row_hash = %s WHERE sequence = %s", ["f" * 64, 5])
    report = audit_chain_check()
    # then: row 5 itself no longer matches its content
    assert not report.ok
    assert report.broken_sequence == 5
    assert made


def test_command_reports_ok_and_records_a_verified_event(capsys):
    # given
    build_chain(12)
    # when
    call_command("audit_verify")
    # then
    out = capsys.readouterr().out
    assert "校验通过" in out and "共 12 条" in out
    event = AuditEvent.objects.order_by("-sequence").first()
    assert event.action == AuditAction.AUDIT_VERIFIED
    assert event.result == AuditResult.SUCCESS
    assert event.detail["checked"] == 12
    assert audit_chain_check().ok  # the verification event itself continues the chain


def test_command_exits_non_zero_naming_the_row():
    # given
    made = build_chain(12)
    _tamper("UPDATE audit_auditevent SET object_repr = %s WHERE sequence = %s", ["改过了", 7])
    # when
    with pytest.raises(CommandError) as excinfo:
        call_command("audit_verify")
    # then
    assert excinfo.value.returncode == 1
    assert "第 7 号" in str(excinfo.value)
    assert f"ID {made[6][1]}" in str(excinfo.value)
    failure = AuditEvent.objects.order_by("-sequence").first()
    assert failure.action == AuditAction.AUDIT_VERIFIED and failure.result == AuditResult.FAILURE


def test_no_false_alarm_on_100k_rows():
    # given
    started = time.perf_counter()
    build_chain(100_000)
    built = time.perf_counter() - started
    # when
    report = audit_chain_check()
    # then
    assert report.ok, report.message
    assert report.checked == 100_000
    print(f"\n100k chain: built in {built:.1f}s, verified in {report.seconds:.2f}s ({report.rate:,.0f} rows/s)")
