"""Encrypted fields and the raw-dump check (security.md #9): no ID number or mobile in clear."""

import re

import pytest
from django.db import connection

from anju.accounts.models import User
from anju.core.crypto import TOKEN_PREFIX, CryptoError, get_provider
from anju.core.fields import EncryptedTextField, blind_index
from anju.core.masking import ID_NUMBER_PATTERN, MOBILE_PATTERN

pytestmark = pytest.mark.django_db

MOBILE = "13912345678"
ID_NUMBER = "341602199001011234"


def _raw(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def test_encrypted_field_stores_ciphertext_and_reads_plain(demo_regions):
    # when
    user = User.objects.create_user(username="zhang", password="x-Long-Password-1", mobile=MOBILE)
    # then
    (stored,) = _raw("SELECT mobile FROM accounts_user WHERE id = %s", [user.pk])[0]
    assert stored.startswith(f"{TOKEN_PREFIX}$")
    assert MOBILE not in stored
    assert User.objects.get(pk=user.pk).mobile == MOBILE


def test_blank_stays_blank(demo_regions):
    user = User.objects.create_user(username="li", password="x-Long-Password-1")
    assert _raw("SELECT mobile FROM accounts_user WHERE id = %s", [user.pk])[0][0] == ""
    assert User.objects.get(pk=user.pk).mobile == ""


def test_tampered_ciphertext_fails_loudly(demo_regions):
    user = User.objects.create_user(username="wang", password="x-Long-Password-1", mobile=MOBILE)
    token = get_provider().encrypt(MOBILE)
    forged = token[:-6] + ("AAAA==" if not token.endswith("AAAA==") else "BBBB==")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE accounts_user SET mobile = %s WHERE id = %s", [forged, user.pk])
    with pytest.raises(CryptoError):
        User.objects.get(pk=user.pk)


def test_to_python_decrypts_tokens_and_keeps_plain():
    field = EncryptedTextField()
    assert field.to_python(get_provider().encrypt("abc")) == "abc"
    assert field.to_python("abc") == "abc"


def test_blind_index_helper():
    assert blind_index("", purpose="mobile") == ""
    assert blind_index(None, purpose="mobile") == ""
    assert blind_index(MOBILE, purpose="mobile") == blind_index(f" {MOBILE} ", purpose="mobile")


def _all_text_cells():
    """Every text-like cell of every table (portable raw select through introspection)."""
    cells = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - table names from introspection
            for row in cursor.fetchall():
                cells.extend((table, str(value)) for value in row if isinstance(value, str | bytes | memoryview) or value is not None)
    return cells


def test_raw_dump_holds_no_mobile_or_id_number(demo_regions, client):
    # given: a user with a mobile, saved, changed (change log) and logged in (audit log)
    user = User.objects.create_user(username="dump_check", password="x-Long-Password-1", mobile=MOBILE)
    user.mobile = "18655556666"
    user.save()
    from anju.audit.events import AuditAction
    from anju.audit.services import audit_event_record

    audit_event_record(action=AuditAction.RECORD_UPDATED, user=user, obj=user, detail={"note": f"mobile {MOBILE} id {ID_NUMBER}"})
    # when
    rows = _raw("SELECT * FROM accounts_user")
    cells = _all_text_cells()
    # then: the user table holds no 11-digit mobile
    assert not any(MOBILE_PATTERN.search(str(v)) for row in rows for v in row)
    # and no table holds a mobile or ID-number pattern, nor the exact values
    offenders = [(t, v[:80]) for t, v in cells if MOBILE_PATTERN.search(v) or ID_NUMBER_PATTERN.search(v)]
    assert offenders == []
    everything = "\n".join(v for _, v in cells)
    assert MOBILE not in everything and "18655556666" not in everything and ID_NUMBER not in everything
    if connection.vendor == "sqlite":
        dump = "\n".join(connection.connection.iterdump())
        assert not re.search(MOBILE_PATTERN, dump) and not re.search(ID_NUMBER_PATTERN, dump)
        assert MOBILE not in dump and ID_NUMBER not in dump
