"""Application blockers registered by other apps (失信惩戒 …) refuse applications like a double benefit does."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from rest_framework.test import APIClient

from anju.admission.blockers import register_application_blocker, unregister_application_blocker
from anju.admission.choices import ApplicationStatus
from anju.admission.models import Application, Member
from anju.admission.services import application_submit, member_add
from anju.admission.tests.factories import application_for, member_data, resident_id
from anju.core.fields import blind_index

BANNED_ID = resident_id(seq=77)
SPOUSE_ID = member_data()["id_number"]
REASON = "该人员因失信被列入惩戒名单（测试），惩戒期内不得申请住房保障。"


@pytest.fixture
def banned():
    """A blocker refusing BANNED_ID and the spouse of `member_data`; unregistered afterwards."""
    blocked = {blind_index(BANNED_ID, purpose="id_number"), blind_index(SPOUSE_ID, purpose="id_number")}
    calls: list[list[str]] = []

    def blocker(indexes: list[str]) -> list[str]:
        calls.append(indexes)
        return [REASON for i in indexes if i in blocked]

    register_application_blocker("test_ban", blocker)
    yield calls
    unregister_application_blocker("test_ban")


def test_create_refused_with_the_blocker_reason(banned, community_clerk, dictionaries, admission_process):
    with pytest.raises(ValidationError) as excinfo:
        application_for(community_clerk, applicant_name="钱多", id_number=BANNED_ID, phone="")
    assert REASON in excinfo.value.message_dict["id_number"]
    assert Application.objects.count() == 0
    # an unblocked person passes (the blocker was asked about them too)
    assert application_for(community_clerk, applicant_name="孙立", id_number=resident_id(seq=78), phone="").pk
    assert len(banned) == 2


def test_member_add_refused_with_the_blocker_reason(banned, draft, community_clerk):
    with pytest.raises(ValidationError) as excinfo:
        member_add(application=draft, acting_user=community_clerk, **member_data())
    assert REASON in excinfo.value.message_dict["id_number"]
    assert draft.members.count() == 1


def test_submit_refused_with_the_blocker_reason(banned, draft, community_clerk):
    # given the spouse got into the draft before the ban (forced row)
    Member.objects.create(
        application=draft, sequence=2, relation="10", name="李秀英", id_number=SPOUSE_ID,
        id_number_index=blind_index(SPOUSE_ID, purpose="id_number"), sex="2", birth_date=date(1987, 6, 1),
    )  # fmt: skip
    with pytest.raises(ValidationError, match="惩戒"):
        application_submit(application=draft, acting_user=community_clerk)
    assert Application.objects.get(pk=draft.pk).status == ApplicationStatus.DRAFT


def test_no_blocker_no_refusal(draft, community_clerk):
    assert member_add(application=draft, acting_user=community_clerk, **member_data()).pk


def test_page_shows_the_reason(banned, client, community_clerk, dictionaries, admission_process):
    client.force_login(community_clerk)
    data = {
        "region_code": "341602001001",
        "applicant_name": "钱多",
        "id_type": "111",
        "id_number": BANNED_ID,
        "phone": "13712345678",
    }
    response = client.post(reverse("admission:household_create"), data)
    assert response.status_code == 200 and REASON in response.content.decode()
    assert Application.objects.count() == 0


def test_member_page_shows_the_reason(banned, client, draft, community_clerk):
    client.force_login(community_clerk)
    data = {
        "name": "李秀英",
        "relation": "10",
        "id_type": "111",
        "id_number": SPOUSE_ID,
        "annual_income": "24000",
        "is_resident": "on",
        "lives_together": "on",
    }
    response = client.post(reverse("admission:member_add", args=[draft.pk]), data)
    assert response.status_code == 200 and REASON in response.content.decode()
    assert draft.members.count() == 1


def test_api_refuses_with_the_reason(banned, draft, community_clerk):
    api = APIClient()
    api.force_authenticate(community_clerk)
    response = api.post(
        "/api/v1/households/",
        {"region_code": "341602001001", "applicant_name": "钱多", "id_number": BANNED_ID},
        format="json",
    )
    assert response.status_code == 400 and REASON in [e["message"] for e in response.json()["errors"]["id_number"]]
    data = {**member_data(), "annual_income": "24000.00"}
    response = api.post(f"/api/v1/households/{draft.pk}/members/", data, format="json")
    assert response.status_code == 400 and REASON in str(response.json())
    assert draft.members.count() == 1
