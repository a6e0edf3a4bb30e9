"""What other apps read: the rules' credit provider (single = batch), admission's credit ban, the public 失信名单."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from anju.admission.blockers import application_blocker_reasons
from anju.admission.models import Application
from anju.admission.tests.factories import application_for, member_data, resident_id
from anju.core.fields import blind_index
from anju.rules.factors import credit_provider
from anju.supervision.credit_checks import SupervisionCreditProvider
from anju.supervision.selectors import public_credit_list
from anju.supervision.services import credit_record_repair, credit_record_revoke
from anju.supervision.tests.factories import PERSON_ID, credit_record, valid_credit_code

pytestmark = pytest.mark.django_db


def _household(clerk, seq, *, spouse_seq=None):
    from anju.admission.services import member_add

    application = application_for(clerk, applicant_name=f"户主{seq}", id_number=resident_id(seq=seq))
    if spouse_seq is not None:
        member_add(
            application=application,
            acting_user=clerk,
            **member_data(name=f"配偶{seq}", id_number=resident_id(birth=date(1987, 6, 1), seq=spouse_seq, male=False)),
        )
    return application


def test_provider_is_registered():
    assert isinstance(credit_provider(), SupervisionCreditProvider)


def test_single_and_batch_paths_agree(community_clerk, district_officer, dictionaries, admission_process):
    # given: seven households, each reached through a different link or state
    apps = {
        name: _household(community_clerk, seq, spouse_seq=seq + 50)
        for seq, name in enumerate(
            ["clean", "applicant_severe", "spouse_minor", "linked_serious", "revoked", "expired", "repaired"], start=1
        )
    }
    credit_record(district_officer, id_number=apps["applicant_severe"].id_number, subject_name="户主2")
    spouse = apps["spouse_minor"].members.get(is_applicant=False)
    credit_record(
        district_officer, level="1", ground="rent_arrears", id_number=spouse.id_number, subject_name=spouse.name
    )
    credit_record(
        district_officer,
        level="2",
        ground="sublet",
        id_number="",
        subject_name="",
        region_code="",
        application=apps["linked_serious"],
    )
    credit_record(
        district_officer,
        level="1",
        ground="vacant",
        id_number="",
        subject_name="",
        region_code="",
        application=apps["linked_serious"],
    )
    revoked = credit_record(district_officer, id_number=apps["revoked"].id_number, subject_name="户主5")
    credit_record_revoke(record=revoked, reason="录入错误", acting_user=district_officer)
    credit_record(
        district_officer, id_number=apps["expired"].id_number, subject_name="户主6", listed_on=date(2018, 3, 1)
    )
    repaired = credit_record(
        district_officer, level="1", ground="rent_arrears", id_number=apps["repaired"].id_number, subject_name="户主7"
    )
    credit_record_repair(
        record=repaired,
        applied_on=timezone.localdate(),
        conditions="已结清。",
        decision="approved",
        acting_user=district_officer,
    )
    credit_record(  # a supplier record has no person index: it must not reach any household
        district_officer,
        subject_kind="supplier",
        credit_code=valid_credit_code(),
        subject_name="某公司",
        ground="supplier_fraud",
        id_number="",
    )
    expected = {
        "clean": "none",
        "applicant_severe": "severe",
        "spouse_minor": "minor",
        "linked_serious": "serious",
        "revoked": "none",
        "expired": "none",
        "repaired": "none",
    }
    provider = credit_provider()
    # when
    single = {name: provider.status_for(app) for name, app in apps.items()}
    batch = dict(
        Application.objects.filter(pk__in=[a.pk for a in apps.values()])
        .annotate(credit=provider.annotation())
        .values_list("pk", "credit")
    )
    # then
    assert single == expected
    assert {name: batch[app.pk] for name, app in apps.items()} == expected


def test_rules_facts_read_the_provider(community_clerk, district_officer, dictionaries, admission_process):
    from anju.rules.services.facts import household_facts, household_facts_queryset

    application = _household(community_clerk, 1)
    credit_record(
        district_officer,
        level="2",
        ground="sublet",
        id_number="",
        subject_name="",
        region_code="",
        application=application,
    )
    assert household_facts(application)["credit_status"] == "serious"
    row = household_facts_queryset(Application.objects.filter(pk=application.pk)).values_list(
        "rf_credit_status", flat=True
    )
    assert list(row) == ["serious"]


def test_blocker_reasons_for_banned_person(district_officer, dictionaries):
    record = credit_record(district_officer)
    index = blind_index(PERSON_ID, purpose="id_number")
    # when
    reasons = application_blocker_reasons([index, "other-index"])
    # then
    assert reasons == [
        f"张大山（{PERSON_ID[:6]}********{PERSON_ID[-4:]}）因严重失信正处于禁入期（至 {record.ban_until:%Y-%m-%d}），不能申请住房保障。"
    ]
    assert PERSON_ID not in reasons[0]


def test_blocker_ignores_minor_revoked_and_expired(district_officer, dictionaries):
    credit_record(district_officer, level="1", ground="rent_arrears")  # minor: no ban on applying by default
    revoked = credit_record(district_officer)
    credit_record_revoke(record=revoked, reason="复核撤销", acting_user=district_officer)
    credit_record(district_officer, listed_on=date(2018, 1, 1))  # ban over in 2023
    assert application_blocker_reasons([blind_index(PERSON_ID, purpose="id_number")]) == []


def test_one_reason_per_person_with_longest_ban(district_officer, dictionaries):
    credit_record(district_officer, level="2", ground="sublet")
    severe = credit_record(district_officer)
    reasons = application_blocker_reasons([blind_index(PERSON_ID, purpose="id_number")])
    assert len(reasons) == 1 and f"至 {severe.ban_until:%Y-%m-%d}" in reasons[0] and "严重失信" in reasons[0]


def test_creating_an_application_for_a_banned_person_is_refused(
    community_clerk, district_officer, dictionaries, admission_process
):
    credit_record(district_officer)
    with pytest.raises(ValidationError) as exc:
        application_for(community_clerk, applicant_name="张大山", id_number=PERSON_ID)
    assert any("因严重失信正处于禁入期" in m for m in exc.value.messages)
    assert not Application.objects.filter(applicant_name="张大山").exists()


def test_adding_a_banned_member_is_refused(community_clerk, district_officer, household):
    from anju.admission.services import member_add

    credit_record(district_officer)
    with pytest.raises(ValidationError) as exc:
        member_add(
            application=household,
            acting_user=community_clerk,
            **member_data(name="张大山", relation="20", id_number=PERSON_ID),
        )
    assert any("禁入期" in m for m in exc.value.messages)


def test_public_list_masks_and_filters(district_officer, dictionaries):
    # given
    published = credit_record(district_officer, publish=True)
    credit_record(district_officer, subject_name="李小二", id_number=resident_id(seq=9))  # not marked for publication
    credit_record(district_officer, level="2", ground="sublet", id_number=resident_id(seq=10), subject_name="王三")
    credit_record(
        district_officer, id_number=resident_id(seq=11), subject_name="赵四", listed_on=date(2018, 1, 1), publish=True
    )
    revoked = credit_record(district_officer, publish=True, id_number=resident_id(seq=12), subject_name="钱五")
    credit_record_revoke(record=revoked, reason="撤销", acting_user=district_officer)
    code = valid_credit_code()
    credit_record(
        district_officer,
        subject_kind="supplier",
        credit_code=code,
        subject_name="某某建设有限公司",
        ground="supplier_fraud",
        id_number="",
        publish=True,
    )
    # when
    entries = public_credit_list()
    # then
    assert len(entries) == 2
    person = next(e for e in entries if e.subject_kind.startswith("保障对象"))
    assert person.name == "张**"
    assert person.identifier == f"{PERSON_ID[:6]}********{PERSON_ID[-4:]}"
    assert person.level == "严重失信" and person.ban_until == published.ban_until
    supplier = next(e for e in entries if e.subject_kind.startswith("支持对象"))
    assert supplier.name == "某某建设有限公司" and supplier.identifier == code
    assert all(PERSON_ID not in str(e) and "张大山" not in str(e) for e in entries)
    assert public_credit_list(region_prefix="341621") == []


def test_public_list_drops_record_when_ban_ends(district_officer, dictionaries):
    record = credit_record(district_officer, publish=True)
    assert len(public_credit_list(day=record.ban_until)) == 1
    assert public_credit_list(day=record.ban_until + timedelta(days=1)) == []
