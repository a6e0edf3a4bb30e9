"""member_add / member_update / member_remove."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from anju.admission.choices import MAX_MEMBERS
from anju.admission.models import Member
from anju.admission.services import application_submit, member_add, member_remove, member_update
from anju.admission.tests.factories import member_data, resident_id

pytestmark = pytest.mark.django_db


def test_add_member_derives_sex_birth_and_updates_totals(draft, community_clerk):
    # when a spouse is added
    member = member_add(application=draft, acting_user=community_clerk, **member_data())
    # then sex and birth date come from the ID, and the household totals follow
    assert member.sex == "2" and member.birth_date == date(1987, 6, 1) and member.sequence == 2
    draft.refresh_from_db()
    assert draft.household_size == 2
    assert draft.income_total == Decimal("24000.00") and draft.income_per_capita == Decimal("12000.00")


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"id_number": "341602198706010000"}, "id_number", "校验位"),
        ({"sex": "1"}, "sex", "不一致"),
        ({"birth_date": date(1987, 6, 2)}, "birth_date", "不一致"),
        ({"id_number": resident_id()}, "id_number", "已在本户"),
        ({"relation": "01"}, "relation", "本人"),
        ({"relation": "XX"}, "relation", "代码"),
        ({"annual_income": Decimal("-1")}, "annual_income", "负数"),
        ({"disability_grade": "1"} if False else {"disability_level": "1"}, "disability_type", "残疾类别"),
        ({"name": ""}, "name", ""),
    ],
)
def test_add_member_invalid_changes_nothing(draft, community_clerk, overrides, field, message):
    # given a draft with the applicant only
    # when an invalid member is added
    with pytest.raises(ValidationError) as info:
        member_add(application=draft, acting_user=community_clerk, **member_data(**overrides))
    # then the message names the field and the household is unchanged
    assert field in info.value.message_dict
    assert message in " ".join(info.value.message_dict[field])
    assert Member.objects.filter(application=draft).count() == 1
    draft.refresh_from_db()
    assert draft.household_size == 1


def test_only_one_head_of_household(draft, community_clerk):
    # given the applicant's relation is 户主 (02)
    applicant = draft.members.get(is_applicant=True)
    member_update(member=applicant, acting_user=community_clerk, relation="02")
    # when another member is also 户主 / then refused
    with pytest.raises(ValidationError, match="一名户主"):
        member_add(application=draft, acting_user=community_clerk, **member_data(relation="02"))


def test_member_count_limit(draft, community_clerk, monkeypatch):
    # given the limit is reached (patched low to keep the test short)
    monkeypatch.setattr("anju.admission.services.members.MAX_MEMBERS", 2)
    member_add(application=draft, acting_user=community_clerk, **member_data())
    # when one more is added / then refused
    with pytest.raises(ValidationError, match="最多"):
        member_add(
            application=draft,
            acting_user=community_clerk,
            **member_data(name="王小明", relation="20", id_number=resident_id(birth=date(2010, 1, 1), seq=3)),
        )
    assert draft.members.count() == 2
    assert MAX_MEMBERS == 20


def test_update_member_income(draft, community_clerk):
    # given a spouse
    member = member_add(application=draft, acting_user=community_clerk, **member_data())
    # when the income is corrected
    member_update(member=member, acting_user=community_clerk, annual_income=Decimal("36000.50"))
    # then totals follow
    draft.refresh_from_db()
    assert draft.income_total == Decimal("36000.50")


def test_update_member_invalid_changes_nothing(draft, community_clerk):
    member = member_add(application=draft, acting_user=community_clerk, **member_data())
    with pytest.raises(ValidationError):
        member_update(member=member, acting_user=community_clerk, sex="1", employer="亳州药业")
    member.refresh_from_db()
    assert member.sex == "2" and member.employer == ""


def test_applicant_identity_is_changed_on_the_application(draft, community_clerk):
    applicant = draft.members.get(is_applicant=True)
    with pytest.raises(ValidationError, match="申请基本信息"):
        member_update(member=applicant, acting_user=community_clerk, name="别人")
    applicant.refresh_from_db()
    assert applicant.name == "王建国"


def test_remove_member(draft, community_clerk):
    member = member_add(application=draft, acting_user=community_clerk, **member_data())
    member_remove(member=member, acting_user=community_clerk)
    draft.refresh_from_db()
    assert draft.household_size == 1 and draft.income_total == 0


def test_applicant_cannot_be_removed(draft, community_clerk):
    applicant = draft.members.get(is_applicant=True)
    with pytest.raises(ValidationError, match="申请人不能"):
        member_remove(member=applicant, acting_user=community_clerk)
    assert draft.members.count() == 1


def test_members_frozen_after_submit(draft, community_clerk):
    application_submit(application=draft, acting_user=community_clerk)
    with pytest.raises(ValidationError, match="不能修改"):
        member_add(application=draft, acting_user=community_clerk, **member_data())
    assert draft.members.count() == 1
