"""Test data of the admission app: valid resident ID numbers and ready-made applications."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from stdnum.cn import ric


def resident_id(county: str = "341602", birth: date = date(1985, 3, 15), seq: int = 1, *, male: bool = True) -> str:
    """A valid 18-digit resident ID (GB 11643) whose 17th digit is odd for men and even for women."""
    order = seq * 2 + (1 if male else 0)
    body = f"{county}{birth:%Y%m%d}{order % 1000:03d}"
    return body + ric.calc_check_digit(body + "0")


def application_for(clerk, **overrides):
    """A draft application of 白布社区 entered by the clerk."""
    from anju.admission.services import application_create

    data = {
        "region_code": "341602001001",
        "applicant_name": "王建国",
        "id_number": resident_id(),
        "phone": "13912345678",
        "acting_user": clerk,
    }
    data.update(overrides)
    return application_create(**data)


def member_data(**overrides):
    """Keyword arguments of member_add for a valid spouse."""
    data = {
        "name": "李秀英",
        "relation": "10",
        "id_number": resident_id(birth=date(1987, 6, 1), seq=2, male=False),
        "annual_income": Decimal("24000.00"),
    }
    data.update(overrides)
    return data
