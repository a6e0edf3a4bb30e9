"""Participants: credit codes (GB 32100) and people's ID numbers are validated; ID numbers stored encrypted."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from anju.housing.choices import ParticipantCategory, PersonCategory
from anju.housing.models import Participant
from anju.housing.services import participant_save, person_save

pytestmark = pytest.mark.django_db
VALID_CODE = "91341600MA2T00001" + "9"


def _data(code):
    return {"name": "亳州建工集团有限公司", "category": ParticipantCategory.CONTRACTOR, "id_number": code}


def test_a_valid_credit_code_is_saved_and_numbers_the_participant(district_officer):
    # when
    participant = participant_save(data=_data(VALID_CODE.lower()), region_code="341602000000", acting_user=district_officer)
    # then
    assert participant.id_number == VALID_CODE
    assert participant.number == f"DW{VALID_CODE}"


def test_a_wrong_check_digit_is_refused_in_chinese(district_officer):
    # when
    with pytest.raises(ValidationError) as excinfo:
        participant_save(data=_data(VALID_CODE[:-1] + "0"), region_code="341602000000", acting_user=district_officer)
    # then
    assert excinfo.value.message_dict["id_number"] == ["统一社会信用代码校验位错误，请核对代码。"]
    assert not Participant.objects.exists()


def test_qualification_dates_must_be_in_order(district_officer):
    # when / then
    from datetime import date

    with pytest.raises(ValidationError) as excinfo:
        participant_save(data={**_data(VALID_CODE), "qualification_start": date(2026, 1, 1), "qualification_end": date(2025, 1, 1)},
                         region_code="341602000000", acting_user=district_officer)
    assert excinfo.value.message_dict["qualification_end"] == ["资质终止日期不能早于资质起始日期。"]


def test_a_person_id_is_checked_and_encrypted(district_officer):
    # given
    participant = participant_save(data=_data(VALID_CODE), region_code="341602000000", acting_user=district_officer)
    # when
    with pytest.raises(ValidationError):
        person_save(participant=participant, acting_user=district_officer,
                    data={"name": "王工", "category": PersonCategory.SITE_MANAGER, "id_number": "341602199001011235"})
    person = person_save(participant=participant, acting_user=district_officer,
                         data={"name": "王工", "category": PersonCategory.SITE_MANAGER, "id_number": "11010519491231002X"})
    # then
    with connection.cursor() as cursor:
        cursor.execute("SELECT id_number FROM housing_participantperson WHERE id = %s", [person.pk])
        stored = cursor.fetchone()[0]
    assert "11010519491231002X" not in stored
    assert person.id_number_masked != "11010519491231002X"
    assert person.number == f"{participant.number}-001"
