"""Validators for personal and organisational identifiers and mobile numbers.

Each raises Django's `ValidationError` with a Chinese message that names what is wrong, so
the same function serves model fields, forms and serializers:

    id_number = forms.CharField(validators=[validate_resident_id])

Resident ID numbers follow GB 11643-1999 (check digit ISO 7064 MOD 11-2, computed with
python-stdnum `stdnum.cn.ric`); unified social credit codes follow GB 32100-2015
(`stdnum.cn.uscc`).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.utils import timezone
from stdnum import numdb
from stdnum.cn import ric, uscc
from stdnum.exceptions import InvalidChecksum
from stdnum.exceptions import ValidationError as StdnumError

RESIDENT_ID_LENGTH = 18
MOBILE_PATTERN = re.compile(r"^1[3-9]\d{9}$")
EARLIEST_BIRTH_YEAR = 1880

__all__ = [
    "normalize_resident_id",
    "resident_id_birth_date",
    "resident_id_sex",
    "validate_credit_code",
    "validate_mobile",
    "validate_resident_id",
]


def normalize_resident_id(value: str) -> str:
    """The number without spaces and with an upper-case check character X."""
    return ric.compact(value or "")


@lru_cache(maxsize=4096)
def _address_code_known(address_code: str) -> bool:
    """True if stdnum's division table knows the 6-digit address code (at any time).

    stdnum's own `get_birth_place` also requires the county to have existed in the birth
    year; a person registers long after birth (谯城区 dates from 2000, but people born in
    1990 hold 341602… numbers), so Anju accepts any code the table has ever held.
    """
    info = {key: value for _part, props in numdb.get("cn/loc").info(address_code) for key, value in props.items()}
    return bool(info.get("province")) and bool(info.get("county"))


def validate_resident_id(value: str) -> None:
    """Check an 18-character resident identity number (GB 11643); raise a Chinese error."""
    number = normalize_resident_id(value)
    if len(number) != RESIDENT_ID_LENGTH:
        raise ValidationError(
            "身份证号码长度应为18位，当前为%(length)d位。", code="resident_id_length", params={"length": len(number)}
        )
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        raise ValidationError("身份证号码格式错误：前17位应为数字，最后一位应为数字或X。", code="resident_id_format")
    if number[17] != ric.calc_check_digit(number):
        raise ValidationError("身份证号码校验位错误，请核对号码。", code="resident_id_checksum")
    try:
        birth = ric.get_birth_date(number)
    except StdnumError:
        raise ValidationError("身份证号码中的出生日期无效。", code="resident_id_birth_date") from None
    if birth > timezone.localdate() or birth.year < EARLIEST_BIRTH_YEAR:
        raise ValidationError("身份证号码中的出生日期无效。", code="resident_id_birth_date")
    if not _address_code_known(number[:6]):
        raise ValidationError(
            "身份证号码前6位地址码（%(code)s）不是有效的行政区划代码。",
            code="resident_id_address",
            params={"code": number[:6]},
        )


def resident_id_birth_date(value: str) -> date:
    """The birth date encoded in a valid resident ID number."""
    validate_resident_id(value)
    return ric.get_birth_date(normalize_resident_id(value))


def resident_id_sex(value: str) -> str:
    """The sex code (GB/T 2261.1: "1" 男, "2" 女) of a valid resident ID number."""
    validate_resident_id(value)
    return "1" if int(normalize_resident_id(value)[16]) % 2 == 1 else "2"


def validate_credit_code(value: str) -> None:
    """Check an 18-character unified social credit code (GB 32100); raise a Chinese error."""
    number = uscc.compact(value or "")
    if len(number) != RESIDENT_ID_LENGTH:
        raise ValidationError(
            "统一社会信用代码长度应为18位，当前为%(length)d位。", code="credit_code_length", params={"length": len(number)}
        )
    if not number[:8].isdigit():
        raise ValidationError("统一社会信用代码格式错误：前8位应为数字（登记管理部门、机构类别和行政区划代码）。", code="credit_code_format")
    try:
        uscc.validate(number)
    except StdnumError as exc:
        if isinstance(exc, InvalidChecksum):
            raise ValidationError("统一社会信用代码校验位错误，请核对代码。", code="credit_code_checksum") from None
        raise ValidationError(
            "统一社会信用代码格式错误：含有不允许的字符（不使用I、O、Z、S、V）。", code="credit_code_format"
        ) from None


def validate_mobile(value: str) -> None:
    """Check a mainland mobile number: 11 digits starting 13–19; raise a Chinese error."""
    number = re.sub(r"[\s-]", "", value or "")
    if number.startswith("+86"):
        number = number[3:]
    if len(number) != 11 or not number.isdigit():
        raise ValidationError("手机号码应为11位数字。", code="mobile_length")
    if not MOBILE_PATTERN.match(number):
        raise ValidationError("手机号码格式错误：应以13至19开头。", code="mobile_format")
