"""Credit records (A.10.3): entering, ban periods, repair, revocation, publication."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from anju.audit.models import AuditEvent
from anju.core.fields import blind_index
from anju.supervision.choices import CreditState
from anju.supervision.models import CreditRecord
from anju.supervision.services import (
    ban_rule_save,
    credit_record_publish_set,
    credit_record_repair,
    credit_record_revoke,
)
from anju.supervision.services.credit import add_years
from anju.supervision.tests.factories import PERSON_ID, credit_record, valid_credit_code

pytestmark = pytest.mark.django_db


def test_create_household_record_by_person(district_officer, dictionaries):
    # when
    record = credit_record(district_officer)
    # then
    assert record.number.startswith("XY341602")
    assert record.ban_years == 5 and record.ban_until == add_years(record.listed_on, 5)
    assert record.bans_application and record.is_in_force
    assert record.id_number_index == blind_index(PERSON_ID, purpose="id_number")
    assert record.recorded_by == district_officer
    assert record.credit_status == "严重失信（惩戒期内）"
    event = AuditEvent.objects.filter(action="RECORD_CREATED", detail__event="SUPERVISION_CREDIT_RECORDED").get()
    assert event.detail["number"] == record.number


def test_create_from_application_takes_applicant_and_region(district_officer, household):
    record = credit_record(district_officer, id_number="", subject_name="", region_code="", application=household)
    assert record.subject_number == household.number
    assert record.subject_name == household.applicant_name
    assert record.id_number_index == household.id_number_index
    assert record.region_code == household.region_code


def test_ban_period_from_configured_rule(district_officer, dictionaries):
    # given: the city sets 较重失信 for subletting at 2 years, and 较重 otherwise at 4
    ban_rule_save(
        data={"level": "2", "ground": "", "ban_years": 4, "bans_application": True}, acting_user=district_officer
    )
    ban_rule_save(
        data={"level": "2", "ground": "sublet", "ban_years": 2, "bans_application": False}, acting_user=district_officer
    )
    # when
    sublet = credit_record(district_officer, level="2", ground="sublet")
    other = credit_record(district_officer, level="2", ground="changed_use")
    # then
    assert sublet.ban_years == 2 and not sublet.bans_application
    assert other.ban_years == 4 and other.bans_application


def test_level_default_rule_applies_to_other_grounds(district_officer, dictionaries):
    ban_rule_save(
        data={"level": "2", "ground": "", "ban_years": 4, "bans_application": True}, acting_user=district_officer
    )
    record = credit_record(district_officer, level="2", ground="changed_use")
    assert record.ban_years == 4


def test_built_in_defaults_per_level(district_officer, dictionaries):
    minor = credit_record(district_officer, level="1", ground="rent_arrears")
    assert minor.ban_years == 1 and not minor.bans_application


def test_rule_edit_does_not_change_past_records(district_officer, dictionaries):
    rule = ban_rule_save(data={"level": "3", "ground": "", "ban_years": 5}, acting_user=district_officer)
    record = credit_record(district_officer)
    ban_rule_save(rule=rule, data={"ban_years": 3}, acting_user=district_officer)
    record.refresh_from_db()
    assert record.ban_years == 5


def test_duplicate_rule_refused(district_officer, dictionaries):
    ban_rule_save(data={"level": "3", "ground": "", "ban_years": 5}, acting_user=district_officer)
    with pytest.raises(ValidationError):
        ban_rule_save(data={"level": "3", "ground": "", "ban_years": 3}, acting_user=district_officer)


def test_supplier_record_needs_valid_credit_code(district_officer, dictionaries):
    with pytest.raises(ValidationError) as exc:
        credit_record(
            district_officer, subject_kind="supplier", credit_code="91341602MA2N0A0A0Y", subject_name="某建设公司"
        )
    assert "credit_code" in exc.value.message_dict
    code = valid_credit_code()
    record = credit_record(
        district_officer,
        subject_kind="supplier",
        credit_code=code,
        subject_name="某建设公司",
        ground="supplier_quality",
        id_number="",
    )
    assert record.subject_number == code and record.id_number == ""


def test_bad_input_is_refused_in_chinese(district_officer, dictionaries):
    with pytest.raises(ValidationError) as exc:
        credit_record(district_officer, id_number="341602197005011234")
    assert "id_number" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        credit_record(district_officer, listed_on=timezone.localdate() + timedelta(days=1))
    assert exc.value.message_dict["listed_on"] == ["列入日期不能晚于今天。"]
    with pytest.raises(ValidationError) as exc:
        credit_record(district_officer, level="1", ground="rent_arrears", publish=True)
    assert "publish" in exc.value.message_dict
    assert not CreditRecord.objects.exists()


def test_other_district_and_clerk_cannot_record(other_district_clerk, community_clerk, dictionaries):
    with pytest.raises(PermissionDenied):
        credit_record(other_district_clerk)
    with pytest.raises(PermissionDenied):
        credit_record(community_clerk)


def test_repair_approved_ends_record(district_officer, dictionaries):
    record = credit_record(district_officer, level="1", ground="rent_arrears")
    repair = credit_record_repair(
        record=record,
        applied_on=timezone.localdate(),
        conditions="已结清欠租并作出信用承诺。",
        decision="approved",
        acting_user=district_officer,
    )
    record.refresh_from_db()
    assert repair.decided_by == district_officer
    assert record.state == CreditState.REPAIRED and record.repaired_on == timezone.localdate()
    assert not CreditRecord.objects.effective().exists()


def test_repair_conditions_from_rule(district_officer, dictionaries):
    # severe: not repairable by default; serious: only after 12 months
    severe = credit_record(district_officer)
    with pytest.raises(ValidationError) as exc:
        credit_record_repair(
            record=severe,
            applied_on=timezone.localdate(),
            conditions="已退还。",
            decision="approved",
            acting_user=district_officer,
        )
    assert "不允许信用修复" in exc.value.message_dict["decision"][0]
    serious = credit_record(district_officer, level="2", ground="sublet")
    with pytest.raises(ValidationError) as exc:
        credit_record_repair(
            record=serious,
            applied_on=timezone.localdate(),
            conditions="已收回。",
            decision="approved",
            acting_user=district_officer,
        )
    assert "列入满 12 个月后方可修复" in exc.value.message_dict["decision"][0]
    old = credit_record(
        district_officer, level="2", ground="sublet", listed_on=timezone.localdate() - timedelta(days=400)
    )
    credit_record_repair(
        record=old,
        applied_on=timezone.localdate(),
        conditions="已收回。",
        decision="approved",
        acting_user=district_officer,
    )
    old.refresh_from_db()
    assert old.state == CreditState.REPAIRED


def test_repair_rejected_keeps_record_and_needs_opinion(district_officer, dictionaries):
    record = credit_record(district_officer, level="1", ground="rent_arrears")
    with pytest.raises(ValidationError):
        credit_record_repair(
            record=record,
            applied_on=timezone.localdate(),
            conditions="承诺。",
            decision="rejected",
            acting_user=district_officer,
        )
    credit_record_repair(
        record=record,
        applied_on=timezone.localdate(),
        conditions="承诺。",
        decision="rejected",
        opinion="欠租尚未结清。",
        acting_user=district_officer,
    )
    record.refresh_from_db()
    assert record.state == CreditState.ACTIVE and record.repairs.count() == 1


def test_revoke_with_reason(district_officer, dictionaries):
    record = credit_record(district_officer, publish=True)
    with pytest.raises(ValidationError):
        credit_record_revoke(record=record, reason=" ", acting_user=district_officer)
    credit_record_revoke(record=record, reason="经复核系录入错误。", acting_user=district_officer)
    record.refresh_from_db()
    assert record.state == CreditState.REVOKED and record.revoked_by == district_officer
    assert record.revoked_on == timezone.localdate() and not record.publish
    assert record.revocation_reason == "经复核系录入错误。"
    with pytest.raises(ValidationError):
        credit_record_revoke(record=record, reason="再次撤销", acting_user=district_officer)
    with pytest.raises(ValidationError):
        credit_record_repair(
            record=record,
            applied_on=timezone.localdate(),
            conditions="x",
            decision="approved",
            acting_user=district_officer,
        )


def test_publish_only_severe(district_officer, dictionaries):
    minor = credit_record(district_officer, level="1", ground="rent_arrears")
    with pytest.raises(ValidationError):
        credit_record_publish_set(record=minor, publish=True, acting_user=district_officer)
    severe = credit_record(district_officer)
    credit_record_publish_set(record=severe, publish=True, acting_user=district_officer)
    severe.refresh_from_db()
    assert severe.publish


def test_ban_ends_after_period(district_officer, dictionaries):
    record = credit_record(district_officer, listed_on=date(2019, 1, 10))
    assert record.ban_until == date(2024, 1, 10)
    assert not record.is_in_force
    assert record.credit_status == "严重失信（惩戒期满）"


def test_add_years_leap_day():
    assert add_years(date(2024, 2, 29), 3) == date(2027, 2, 28)
