"""Double benefit: one person, one unfinished application or one active registration."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from anju.admission.choices import ApplicationStatus
from anju.admission.models import Application, Member, RegisterEntry
from anju.admission.services import application_submit, member_add
from anju.admission.tests.factories import application_for, member_data, resident_id
from anju.core.fields import blind_index

SPOUSE_ID = resident_id(birth=date(1987, 6, 1), seq=2, male=False)


@pytest.fixture
def other_household(draft, community_clerk):
    """A second household (赵六) whose member is 李秀英, the spouse of 王建国 in `draft`."""
    other = application_for(community_clerk, applicant_name="赵六", id_number=resident_id(seq=30), phone="")
    member_add(application=other, acting_user=community_clerk, **member_data())
    return other


def test_member_of_another_unfinished_application_is_refused(other_household, draft, community_clerk):
    # when the same person is added to the first household
    with pytest.raises(ValidationError) as excinfo:
        member_add(application=draft, acting_user=community_clerk, **member_data())
    # then refused, naming the other application and its status; nothing added
    message = str(excinfo.value)
    assert other_household.number in message and "草稿" in message
    assert draft.members.count() == 1


def test_submit_refused_when_a_member_is_in_another_application(other_household, draft, community_clerk):
    # given the spouse was added to `draft` before the other household got her (forced, as if entered elsewhere)
    Member.objects.create(
        application=draft, sequence=2, relation="10", name="李秀英", id_number=SPOUSE_ID,
        id_number_index=blind_index(SPOUSE_ID, purpose="id_number"), sex="2", birth_date=date(1987, 6, 1),
    )  # fmt: skip
    # when the draft is submitted / then refused and it stays a draft
    with pytest.raises(ValidationError, match=other_household.number):
        application_submit(application=draft, acting_user=community_clerk)
    assert Application.objects.get(pk=draft.pk).status == ApplicationStatus.DRAFT


def test_denied_application_does_not_block(other_household, draft, community_clerk):
    # given the other application ended 不予登记
    Application.objects.filter(pk=other_household.pk).update(status=ApplicationStatus.DENIED)
    # when the spouse is added here / then accepted
    member = member_add(application=draft, acting_user=community_clerk, **member_data())
    assert member.pk is not None


def test_registered_household_member_is_refused_until_exit(other_household, draft, community_clerk):
    # given the other household is registered with an active register entry
    Application.objects.filter(pk=other_household.pk).update(status=ApplicationStatus.REGISTERED)
    entry = RegisterEntry.objects.create(
        region_code=other_household.region_code, number="DJ3416022026000001", application=other_household,
        applicant_name="赵六", id_number=resident_id(seq=30), id_number_index=other_household.id_number_index,
        registered_at=timezone.now(),
    )  # fmt: skip
    # when the spouse is added / then refused as a beneficiary
    with pytest.raises(ValidationError, match="准予登记"):
        member_add(application=draft, acting_user=community_clerk, **member_data())
    # when the household has exited / then accepted
    entry.exited_at = date(2026, 1, 1)
    entry.security_state = "06"
    entry.save()
    assert member_add(application=draft, acting_user=community_clerk, **member_data()).pk


def test_active_register_entry_blocks_new_application(community_clerk, dictionaries, admission_process, demo_regions):
    # given a register entry (e.g. migrated data) of a person without a member row
    number = resident_id(seq=40)
    registered = application_for(community_clerk, applicant_name="钱七", id_number=resident_id(seq=41), phone="")
    RegisterEntry.objects.create(
        region_code="341602001001", number="DJ3416022026000009", application=registered, applicant_name="孙八",
        id_number=number, id_number_index=blind_index(number, purpose="id_number"), registered_at=timezone.now(),
    )  # fmt: skip
    # when an application is opened for that person / then refused with the register number
    with pytest.raises(ValidationError, match="DJ3416022026000009"):
        application_for(community_clerk, applicant_name="孙八", id_number=number, phone="")
    assert not Application.objects.filter(applicant_name="孙八").exists()
