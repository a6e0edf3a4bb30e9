"""API of the admission process: submit, process state, decisions, batch, verification, conclusion."""

import pytest
from rest_framework.test import APIClient

from anju.admission.choices import ApplicationStatus
from anju.admission.models import Application, Verification, VerificationStatus

BASE = "/api/v1/households/"


def api(user):
    """An API client authenticated as the user."""
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_submit_and_process(with_materials, community_clerk):
    # when the clerk submits through the API
    response = api(community_clerk).post(f"{BASE}{with_materials.pk}/submit/")
    assert response.status_code == 200 and response.json()["status"] == ApplicationStatus.ACCEPTING
    # then the process endpoint shows the node, the task and that the clerk may act
    data = api(community_clerk).get(f"{BASE}{with_materials.pk}/process/").json()
    assert data["node"] == "accept" and data["may_act"] is True and data["missing_materials"] == []


def test_decision_and_refusal_shape(submitted, community_clerk, street_reviewer):
    # when the clerk approves
    response = api(community_clerk).post(f"{BASE}{submitted.pk}/decision/", {"action": "approve", "opinion": "齐全"}, format="json")
    assert response.status_code == 200 and response.json()["status"] == ApplicationStatus.STREET_REVIEW
    # when the street reviewer denies without an opinion / then 400 with a Chinese message, nothing changes
    response = api(street_reviewer).post(f"{BASE}{submitted.pk}/decision/", {"action": "deny"}, format="json")
    assert response.status_code == 400 and "审核意见" in response.content.decode()
    assert Application.objects.get(pk=submitted.pk).status == ApplicationStatus.STREET_REVIEW


def test_process_404_outside_jurisdiction(submitted, other_district_clerk):
    assert api(other_district_clerk).get(f"{BASE}{submitted.pk}/process/").status_code == 404


def test_batch_reports_each_row(submitted, community_clerk):
    # when the batch names the application and an unknown id
    response = api(community_clerk).post(
        f"{BASE}review-batch/", {"applications": [submitted.pk, 999999], "action": "approve", "opinion": ""}, format="json"
    )
    # then one row succeeded and the other is reported as not found
    rows = {row["application_id"]: row for row in response.json()}
    assert response.status_code == 200 and rows[submitted.pk]["ok"] is True and rows[999999]["ok"] is False


def test_verification_flow(at_county, district_officer, partner_user, partner_org, other_partner):
    # when the officer assigns through the API
    response = api(district_officer).post(
        f"{BASE}{at_county.pk}/verifications/", {"kind": "housing", "assignee_organisation": partner_org.pk}, format="json"
    )
    assert response.status_code == 201
    pk = response.json()["id"]
    # then the partner lists it, another partner does not, and the partner answers
    assert [v["id"] for v in api(partner_user).get(f"{BASE}verifications/").json()["results"]] == [pk]
    assert api(other_partner).get(f"{BASE}verifications/{pk}/").status_code == 404
    response = api(partner_user).post(f"{BASE}verifications/{pk}/answer/", {"result": "1", "result_detail": "无房"}, format="json")
    assert response.status_code == 200 and Verification.objects.get(pk=pk).status == VerificationStatus.ANSWERED
    # when the officer concludes / then a report is created
    response = api(district_officer).post(
        f"{BASE}{at_county.pk}/conclusion/", {"conclusion": "eligible", "opinion": "符合"}, format="json"
    )
    assert response.status_code == 201 and response.json()["conclusion_name"] == "符合准入条件"


def test_partner_cannot_assign(at_county, partner_user, partner_org):
    response = api(partner_user).post(
        f"{BASE}{at_county.pk}/verifications/", {"kind": "income", "assignee_organisation": partner_org.pk}, format="json"
    )
    assert response.status_code in (403, 404)
    assert not Verification.objects.exists()


@pytest.mark.parametrize("suffix", ["process/", "verifications/"])
def test_applicant_role_is_refused(submitted, applicant, suffix):
    assert api(applicant).get(f"{BASE}{submitted.pk}/{suffix}").status_code in (403, 404)
