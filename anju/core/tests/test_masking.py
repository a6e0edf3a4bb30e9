"""Masking rules (security.md #10): ID 6 + 4, mobile 3 + 4, names, accounts, free text."""

import pytest

from anju.core.masking import mask_account, mask_id_number, mask_identifier, mask_mobile, mask_name, mask_text


@pytest.mark.parametrize(
    ("value", "expected"),
    [("341602199001011234", "341602********1234"), ("34160219900101123X", "341602********123X"), ("", ""), (None, ""), ("12345", "*****")],
)
def test_mask_id_number(value, expected):
    assert mask_id_number(value) == expected


@pytest.mark.parametrize(("value", "expected"), [("13912345678", "139****5678"), ("1391234", "*******"), ("", "")])
def test_mask_mobile(value, expected):
    assert mask_mobile(value) == expected


def test_mask_name_and_account():
    assert mask_name("欧阳修") == "欧**"
    assert mask_name("") == ""
    assert mask_account("6222021234567890123") == "*" * 15 + "0123"
    assert mask_account("12") == "12"


def test_mask_text_masks_identifiers_inside_text():
    text = "申请人 341602199001011234 电话13912345678，另一号码 18655556666。"
    assert mask_text(text) == "申请人 341602********1234 电话139****5678，另一号码 186****6666。"


def test_mask_text_leaves_hashes_and_longer_numbers_alone():
    digest = "a13912345678b" + "0" * 20
    assert mask_text(digest) == digest
    assert mask_text("流水号 2026011912345678901") == "流水号 2026011912345678901"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("341602199001011234", "341602********1234"), ("13912345678", "139****5678"), ("6222020000001234", "************1234"), ("None", "None"), ("", "")],
)
def test_mask_identifier_by_shape(value, expected):
    assert mask_identifier(value) == expected
