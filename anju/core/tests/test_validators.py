"""Validators: resident ID (GB 11643), credit code (GB 32100), mobile number."""

from datetime import date

import pytest
from django import forms
from django.core.exceptions import ValidationError

from anju.core.forms import CreditCodeField, MobileField, ResidentIdField
from anju.core.validators import (
    resident_id_birth_date,
    resident_id_sex,
    validate_credit_code,
    validate_mobile,
    validate_resident_id,
)

# Valid numbers: check digits computed per GB 11643 (the X one is the standard's own example).
VALID_IDS = ["341602199003071230", "341621198501010021", "11010519491231002X", "441900200002290012"]


def _message(func, value):
    with pytest.raises(ValidationError) as info:
        func(value)
    return info.value.messages[0]


@pytest.mark.parametrize("number", VALID_IDS)
def test_valid_resident_ids_pass(number):
    # given a valid number / when / then no error
    validate_resident_id(number)


def test_lower_case_x_and_spaces_are_accepted():
    # given the standard's example typed with a lower-case x and spaces
    # when validated / then accepted
    validate_resident_id(" 11010519491231002x ")


def test_wrong_length_says_18():
    # given 17 characters / when validated / then the message names the length
    assert "长度应为18位" in _message(validate_resident_id, "34160219900307123")
    assert "当前为17位" in _message(validate_resident_id, "34160219900307123")


def test_wrong_check_digit_is_named():
    # given a valid number with its last digit changed
    # when validated / then 校验位错误
    assert "校验位错误" in _message(validate_resident_id, "341602199003071231")


def test_letters_inside_are_a_format_error():
    assert "格式错误" in _message(validate_resident_id, "3416021990A3071230")


def test_impossible_birth_date_is_named():
    # given 1990-02-30 with a correct check digit
    from stdnum.cn import ric

    base = "34160219900230123"
    number = base + ric.calc_check_digit(base + "0")
    # when validated / then 出生日期无效
    assert "出生日期无效" in _message(validate_resident_id, number)


def test_future_birth_date_is_refused():
    from stdnum.cn import ric

    base = "34160220990101123"
    number = base + ric.calc_check_digit(base + "0")
    assert "出生日期无效" in _message(validate_resident_id, number)


def test_unknown_address_code_is_refused():
    # given 349999 (no such county) with a correct check digit
    from stdnum.cn import ric

    base = "34999919900307123"
    number = base + ric.calc_check_digit(base + "0")
    # when / then the message names the address code
    assert "349999" in _message(validate_resident_id, number)


def test_county_created_after_birth_is_still_accepted():
    # given 谯城区 (341602, since 2000) and a person born in 1990 who registered there later
    # when validated / then accepted (stdnum's birth-place check alone would refuse it)
    validate_resident_id("341602199003071230")


def test_birth_date_and_sex_helpers():
    # given a man's and a woman's number
    # when read / then the date and the GB/T 2261.1 sex code
    assert resident_id_birth_date("341602199003071230") == date(1990, 3, 7)
    assert resident_id_sex("341602199003071230") == "1"  # 17th digit 3: odd = 男
    assert resident_id_sex("11010519491231002X") == "2"  # 17th digit 2: even = 女


def test_helpers_refuse_invalid_numbers():
    with pytest.raises(ValidationError):
        resident_id_sex("341602199003071231")


@pytest.mark.parametrize("code", ["91110000802100433B", "91341600MA2MWXXX30"])
def test_credit_codes(code):
    from stdnum.cn import uscc

    # given a code whose check character is correct per GB 32100
    valid = code[:-1] + uscc.calc_check_digit(code[:-1])
    # when / then accepted; a wrong check character is named
    validate_credit_code(valid)
    wrong = valid[:-1] + ("0" if valid[-1] != "0" else "1")
    assert "校验位错误" in _message(validate_credit_code, wrong)


def test_credit_code_length_and_alphabet():
    assert "长度应为18位" in _message(validate_credit_code, "9111000080210043")
    assert "格式错误" in _message(validate_credit_code, "91110000802100433I")


@pytest.mark.parametrize("number", ["13912345678", "199 1234 5678", "+8615012345678", "16612345678"])
def test_valid_mobiles(number):
    validate_mobile(number)


def test_invalid_mobiles_are_named():
    assert "11位" in _message(validate_mobile, "1391234567")
    assert "13至19开头" in _message(validate_mobile, "12912345678")
    assert "11位" in _message(validate_mobile, "1391234567a")


def test_form_fields_normalise_and_show_chinese_errors():
    # given a form using the reusable fields
    class PersonForm(forms.Form):
        id_number = ResidentIdField(label="身份证号")
        mobile = MobileField(label="手机号码")
        credit_code = CreditCodeField(label="统一社会信用代码", required=False)

    # when a valid lower-case x number is posted / then it is normalised
    form = PersonForm({"id_number": "11010519491231002x", "mobile": "13912345678"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["id_number"] == "11010519491231002X"
    # when a bad check digit is posted / then the field error is Chinese and specific
    form = PersonForm({"id_number": "341602199003071231", "mobile": "12345"})
    assert not form.is_valid()
    assert "校验位错误" in form.errors["id_number"][0]
    assert "11位" in form.errors["mobile"][0]
