"""Test data of the supervision app: credit records and complaints made through the services."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from anju.admission.tests.factories import resident_id

PERSON_ID = resident_id(county="341602", birth=date(1970, 5, 1), seq=7)
SUPPLIER_CODE = "91341602MA2N0A0A0X"


def valid_credit_code() -> str:
    """A valid unified social credit code of a 谯城区 company."""
    from stdnum.cn import uscc

    body = "91341602MA2N0A0A0"
    return body + uscc.calc_check_digit(body)


def credit_record(user: Any, **overrides: Any):
    """A 严重失信 record of a person of 白布社区 listed 30 days ago."""
    from anju.supervision.services import credit_record_create

    data: dict[str, Any] = {
        "subject_kind": "household",
        "level": "3",
        "ground": "false_information",
        "fact": "隐瞒家庭收入骗取公租房资格。",
        "listed_on": timezone.localdate() - timedelta(days=30),
        "region_code": "341602001001",
        "id_number": PERSON_ID,
        "subject_name": "张大山",
        "acting_user": user,
    }
    data.update(overrides)
    return credit_record_create(**data)


def complaint(**overrides: Any):
    """A complaint submitted on the portal for 白布社区."""
    from anju.supervision.services import complaint_submit

    data: dict[str, Any] = {
        "kind": "complaint",
        "title": "小区公租房被转租",
        "content": "3 号楼 201 室长期出租给他人。",
        "contact_name": "刘群众",
        "contact_phone": "13812345678",
        "region_code": "341602001001",
    }
    data.update(overrides)
    return complaint_submit(**data)
