"""举报 services: log, verify, decide; upheld returns the application, dismissed lets it continue."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from anju.admission.choices import ApplicationStatus
from anju.admission.models import Objection, ObjectionStatus
from anju.admission.services.objections import objection_create, objection_decide, objection_verify
from anju.admission.services.process import open_task
from anju.admission.services.publicity import publicity_close, publicity_create, publicity_publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(at_publicity, district_officer):
    """The application listed in a published notice."""
    publicity = publicity_create(
        title="公示", start_date=date(2026, 11, 1), end_date=date(2026, 11, 7), channel="01", place="公示栏",
        applications=[at_publicity], acting_user=district_officer,
    )  # fmt: skip
    publicity_publish(publicity=publicity, acting_user=district_officer)
    return publicity.entries.get()


def logged(entry, user):
    """An objection logged by the user."""
    return objection_create(
        entry=entry, content="该户有商品房一套未申报。", channel="03", acting_user=user, reporter_phone="13912345679"
    )


def test_create_logs_an_objection_with_encrypted_phone(entry, community_clerk):
    objection = logged(entry, community_clerk)
    assert objection.number.startswith("JB341602") and objection.status == ObjectionStatus.RECEIVED
    assert objection.reporter_phone_masked == "139****5679"
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("select reporter_phone from admission_objection where id = %s", [objection.pk])
        assert "13912345679" not in cursor.fetchone()[0]


@pytest.mark.parametrize(("field", "value"), [("content", ""), ("reporter_phone", "123"), ("channel", "xx")])
def test_create_refuses_invalid_input(entry, district_officer, field, value):
    data = {"entry": entry, "content": "内容", "channel": "03", "acting_user": district_officer, field: value}
    with pytest.raises(ValidationError) as exc:
        objection_create(**data)
    assert field in exc.value.message_dict
    assert not Objection.objects.exists()


def test_create_refuses_outsiders(entry, other_district_clerk, city_officer):
    for user in (other_district_clerk, city_officer):
        with pytest.raises(PermissionDenied):
            logged(entry, user)
    assert not Objection.objects.exists()


def test_upheld_objection_returns_the_application_with_the_reason(entry, district_officer, community_clerk):
    # given a verified objection
    objection = logged(entry, community_clerk)
    with pytest.raises(ValidationError, match="请先查证"):
        objection_decide(objection=objection, upheld=True, decision_note="属实", acting_user=district_officer)
    objection_verify(
        objection=objection,
        verification_method="入户核查",
        verification_result="1",
        verification_note="属实",
        acting_user=district_officer,
    )
    # when upheld
    objection_decide(objection=objection, upheld=True, decision_note="隐瞒住房", acting_user=district_officer)
    # then the application is back at 审核 with the reason in the workflow history, not passed in the publicity
    application = entry.application
    application.refresh_from_db()
    assert objection.status == ObjectionStatus.UPHELD and objection.decided_by == district_officer
    assert application.status == ApplicationStatus.COUNTY_REVIEW
    task = open_task(application, node_code="county_review")
    assert task is not None
    assert task.instance.actions.filter(opinion__contains="隐瞒住房").exists()
    entry.refresh_from_db()
    assert entry.passed is False


def test_dismissed_objection_lets_the_application_continue(entry, district_officer, community_clerk):
    objection = logged(entry, community_clerk)
    objection_verify(
        objection=objection,
        verification_method="电话核实",
        verification_result="2",
        verification_note="",
        acting_user=district_officer,
    )
    # when a close is tried while it is pending / then refused
    with pytest.raises(ValidationError, match="未处理完毕"):
        publicity_close(publicity=entry.publicity, acting_user=district_officer, today=date(2026, 11, 8))
    objection_decide(objection=objection, upheld=False, decision_note="不属实", acting_user=district_officer)
    publicity_close(publicity=entry.publicity, acting_user=district_officer, today=date(2026, 11, 8))
    application = entry.application
    application.refresh_from_db()
    assert objection.status == ObjectionStatus.DISMISSED
    assert application.status == ApplicationStatus.APPROVAL


def test_verify_and_decide_validate_and_change_nothing(entry, district_officer, community_clerk):
    objection = logged(entry, community_clerk)
    with pytest.raises(ValidationError) as exc:
        objection_verify(
            objection=objection,
            verification_method="",
            verification_result="",
            verification_note="",
            acting_user=district_officer,
        )
    assert set(exc.value.message_dict) == {"verification_method", "verification_result"}
    with pytest.raises(PermissionDenied):
        objection_verify(
            objection=objection,
            verification_method="x",
            verification_result="1",
            verification_note="",
            acting_user=community_clerk,
        )
    objection.refresh_from_db()
    assert objection.status == ObjectionStatus.RECEIVED and objection.verifier is None
    objection_verify(
        objection=objection,
        verification_method="x",
        verification_result="1",
        verification_note="",
        acting_user=district_officer,
    )
    with pytest.raises(ValidationError) as exc:
        objection_decide(objection=objection, upheld=True, decision_note=" ", acting_user=district_officer)
    assert "decision_note" in exc.value.message_dict
    objection.refresh_from_db()
    assert objection.status == ObjectionStatus.VERIFYING
    entry.application.refresh_from_db()
    assert entry.application.status == ApplicationStatus.PUBLICITY
