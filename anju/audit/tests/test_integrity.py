"""Integrity codes of important rows (security.md #11): one flipped byte flags that row only."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.db import connection

from anju.accounts.models import RoleGrant
from anju.audit.integrity import canonical_fields, integrity_check, integrity_mac, integrity_scan
from conftest import make_user

PURPOSE = "accounts.rolegrant"


def _fields(row):
    return {"user": row["user_id"], "role": row["role"], "granted_by": row["granted_by_id"], "granted_at": row["granted_at"]}


def test_mac_is_deterministic_and_order_independent():
    a = integrity_mac(purpose="ledger", fields={"amount": Decimal("12.50"), "at": datetime(2026, 1, 1, tzinfo=UTC), "id": 7})
    b = integrity_mac(purpose="ledger", fields={"id": 7, "at": datetime(2026, 1, 1, tzinfo=UTC), "amount": Decimal("12.50")})
    assert a == b and len(a) == 64


def test_purpose_separates_domains():
    fields = {"id": 1}
    assert integrity_mac(purpose="ledger", fields=fields) != integrity_mac(purpose="decision", fields=fields)


def test_check_detects_any_change():
    fields = {"amount": "100.00", "payee": "张三"}
    mac = integrity_mac(purpose="ledger", fields=fields)
    assert integrity_check(purpose="ledger", fields=fields, mac=mac)
    assert not integrity_check(purpose="ledger", fields={**fields, "amount": "100.01"}, mac=mac)
    assert not integrity_check(purpose="ledger", fields=fields, mac="")
    assert canonical_fields({"b": 1, "a": "中"}) == '{"a":"中","b":1}'.encode()


@pytest.mark.django_db
def test_one_flipped_byte_flags_that_role_grant_only(demo_regions):
    # given: ten grants, each with its integrity code
    users = [make_user(f"u{n}", "community_clerk", "341602001001") for n in range(10)]
    for row in RoleGrant.objects.filter(user__in=users).values("id", "user_id", "role", "granted_by_id", "granted_at"):
        RoleGrant.objects.filter(pk=row["id"]).update(integrity_mac=integrity_mac(purpose=PURPOSE, fields=_fields(row)))
    target = RoleGrant.objects.get(user=users[4])
    # when: one byte of one row is changed behind the application's back
    with connection.cursor() as cursor:
        cursor.execute("UPDATE accounts_rolegrant SET role = %s WHERE id = %s", ["community_clerl", target.pk])
    rows = RoleGrant.objects.filter(user__in=users).values("id", "user_id", "role", "granted_by_id", "granted_at", "integrity_mac")
    # then
    assert integrity_scan(purpose=PURPOSE, rows=rows, fields_of=_fields) == [target.pk]
