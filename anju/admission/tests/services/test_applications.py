"""application_create / update / submit / delete / restore."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from anju.admission.choices import ApplicationStatus
from anju.admission.models import Application, Member
from anju.admission.services import (
    application_delete,
    application_restore,
    application_submit,
    application_update,
)
from anju.admission.tests.factories import application_for, resident_id
from anju.core.fields import blind_index

pytestmark = pytest.mark.django_db


def test_create_makes_draft_with_number_and_applicant_member(community_clerk, dictionaries):
    # given a clerk of 白布社区
    # when a walk-in application is entered
    application = application_for(community_clerk)
    # then it is a numbered draft of the community, and the applicant is its only member
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT
    assert application.number.startswith("SQ341602")
    assert application.region_code == "341602001001"
    assert application.hukou_county == "341602000000"
    assert application.household_size == 1
    member = application.members.get()
    assert member.is_applicant and member.relation == "01"
    assert member.sex == "1" and member.birth_date == date(1985, 3, 15)
    assert application.id_number_index == blind_index(resident_id(), purpose="id_number")


def test_create_stores_identifiers_encrypted(community_clerk, dictionaries):
    # given / when
    application = application_for(community_clerk)
    # then the database column holds ciphertext, not the number
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT id_number, phone FROM admission_application WHERE id = %s", [application.pk])
        raw_id, raw_phone = cursor.fetchone()
    assert resident_id() not in raw_id and raw_id.startswith("sm4g$")
    assert "13912345678" not in raw_phone


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"id_number": resident_id()[:17] + ("0" if resident_id()[17] != "0" else "1")}, "id_number", "校验位"),
        ({"id_number": "34160219850315"}, "id_number", "18位"),
        ({"phone": "12345"}, "phone", "11位"),
        ({"applicant_name": ""}, "applicant_name", ""),
        ({"sex": "2"}, "sex", "不一致"),
        ({"birth_date": date(1990, 1, 1)}, "birth_date", "不一致"),
        ({"housing_support_mode": "ZZ", "had_housing_support": True}, "housing_support_mode", "代码"),
        ({"is_minimum_living": True}, "minimum_living_certificate", "最低生活保障证号"),
        ({"agent_id_number": resident_id(seq=9)}, "agent_name", "代理人姓名"),
    ],
)
def test_create_refuses_invalid_input_and_changes_nothing(community_clerk, dictionaries, overrides, field, message):
    # given a clerk and one invalid input
    # when the application is entered
    with pytest.raises(ValidationError) as info:
        application_for(community_clerk, **overrides)
    # then the field's Chinese message is raised and nothing is stored (no number used up either)
    assert field in info.value.message_dict
    assert message in " ".join(info.value.message_dict[field])
    assert Application.objects.count() == 0 and Member.objects.count() == 0
    from anju.core.models import BusinessSequence

    assert not BusinessSequence.objects.filter(last_value__gt=0).exists()


def test_create_needs_a_community(demo_regions, dictionaries):
    # given a clerk whose jurisdiction is a whole district
    from conftest import make_user

    clerk = make_user("clerk_district", "community_clerk", "341602000000")
    # when the application is placed on a street instead of a community / then refused
    with pytest.raises(ValidationError) as info:
        application_for(clerk, region_code="341602001000")
    assert "社区" in info.value.message_dict["region_code"][0]
    assert Application.objects.count() == 0


def test_create_refuses_second_open_application_of_same_person(community_clerk, dictionaries):
    # given an open application
    first = application_for(community_clerk)
    # when the same ID number applies again
    with pytest.raises(ValidationError) as info:
        application_for(community_clerk, applicant_name="王建国")
    # then it is refused naming the first application
    assert first.number in info.value.message_dict["id_number"][0]
    assert Application.objects.count() == 1


def test_create_outside_jurisdiction_is_denied(community_clerk, dictionaries):
    # given a clerk of 白布社区 / when entering for 北关社区 (涡阳县) / then denied
    with pytest.raises(PermissionDenied):
        application_for(community_clerk, region_code="341621001001")
    assert Application.objects.count() == 0


def test_create_needs_clerk_role(district_officer, dictionaries):
    with pytest.raises(PermissionDenied):
        application_for(district_officer)


def test_numbers_increase_per_county(community_clerk, dictionaries):
    # given two applications of one county
    a = application_for(community_clerk)
    b = application_for(community_clerk, id_number=resident_id(seq=5), applicant_name="赵六")
    # then their numbers are consecutive
    assert int(b.number[-6:]) == int(a.number[-6:]) + 1


def test_update_changes_fields_and_follows_applicant_member(draft, community_clerk):
    # given a draft / when the applicant's name and ID are corrected
    new_id = resident_id(birth=date(1980, 1, 2), seq=7, male=False)
    application_update(application=draft, acting_user=community_clerk, applicant_name="王建华", id_number=new_id, hukou_road="药都路")
    # then the application and the applicant member both change
    draft.refresh_from_db()
    member = draft.members.get(is_applicant=True)
    assert draft.applicant_name == "王建华" and draft.hukou_road == "药都路"
    assert member.name == "王建华" and member.id_number == new_id
    assert member.sex == "2" and member.birth_date == date(1980, 1, 2)


def test_update_invalid_changes_nothing(draft, community_clerk):
    # given a draft
    before = Application.objects.get(pk=draft.pk)
    # when an invalid phone is typed together with a valid change
    with pytest.raises(ValidationError) as info:
        application_update(application=draft, acting_user=community_clerk, phone="999", hukou_road="新路")
    # then nothing is stored
    assert "phone" in info.value.message_dict
    after = Application.objects.get(pk=draft.pk)
    assert (after.phone, after.hukou_road) == (before.phone, before.hukou_road)


def test_update_refused_after_submit(draft, community_clerk):
    # given a submitted application
    application_submit(application=draft, acting_user=community_clerk)
    # when it is edited / then refused in Chinese
    with pytest.raises(ValidationError, match="不能修改"):
        application_update(application=draft, acting_user=community_clerk, hukou_road="新路")


def test_submit_sets_status_and_time(draft, community_clerk):
    # when a draft is submitted
    application = application_submit(application=draft, acting_user=community_clerk)
    # then the admission process runs and the application waits for acceptance (受理中)
    assert application.status == ApplicationStatus.ACCEPTING and application.submitted_at is not None


def test_delete_draft_is_soft_and_restorable(draft, community_clerk):
    # when a draft is deleted
    application_delete(application=draft, acting_user=community_clerk)
    # then it is flagged, not gone
    draft.refresh_from_db()
    assert draft.is_deleted and draft.deleted_at is not None
    # and it can be restored
    application_restore(application=draft, acting_user=community_clerk)
    draft.refresh_from_db()
    assert not draft.is_deleted


def test_delete_submitted_is_refused(draft, community_clerk):
    # given a submitted application
    application_submit(application=draft, acting_user=community_clerk)
    # when deleted / then refused with a Chinese message, still there
    with pytest.raises(ValidationError, match="只能删除草稿"):
        application_delete(application=draft, acting_user=community_clerk)
    draft.refresh_from_db()
    assert not draft.is_deleted


def test_restore_refused_when_person_applied_again(draft, community_clerk):
    # given a deleted draft and a new application of the same person
    application_delete(application=draft, acting_user=community_clerk)
    application_for(community_clerk)
    # when the old draft is restored / then refused (one open application per person)
    with pytest.raises(ValidationError, match="未办结"):
        application_restore(application=draft, acting_user=community_clerk)
