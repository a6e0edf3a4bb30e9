"""API v1 /households/: scoped list with filters, masked detail, create and update through services."""

import pytest
from rest_framework.test import APIClient

from anju.admission.models import Application
from anju.admission.tests.factories import application_for, member_data, resident_id

pytestmark = pytest.mark.django_db
URL = "/api/v1/households/"


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_list_scoped_and_masked(draft, district_officer, other_district_clerk):
    response = api(district_officer).get(URL)
    assert response.status_code == 200
    row = response.json()["results"][0]
    assert row["number"] == draft.number and row["status_name"] == "草稿"
    assert row["id_number_masked"].endswith(resident_id()[-4:]) and "*" in row["id_number_masked"]
    assert resident_id() not in response.content.decode()
    assert api(other_district_clerk).get(URL).json()["count"] == 0


def test_list_filter_by_id_number(draft, community_clerk, district_officer):
    application_for(community_clerk, applicant_name="赵六", id_number=resident_id(seq=30))
    response = api(district_officer).get(URL, {"id_number": resident_id(seq=30)})
    assert [r["applicant_name"] for r in response.json()["results"]] == ["赵六"]


def test_detail_nested_and_masked(draft, community_clerk, district_officer, other_district_clerk):
    from anju.admission.services import member_add

    member_add(application=draft, acting_user=community_clerk, **member_data())
    response = api(district_officer).get(f"{URL}{draft.pk}/")
    body = response.json()
    assert response.status_code == 200
    assert [m["name"] for m in body["members"]] == ["王建国", "李秀英"]
    assert body["members"][1]["relation_name"] == "配偶"
    assert member_data()["id_number"] not in response.content.decode()
    assert api(other_district_clerk).get(f"{URL}{draft.pk}/").status_code == 404


def test_create_through_service(community_clerk, dictionaries):
    response = api(community_clerk).post(
        URL, {"region_code": "341602001001", "applicant_name": "孙立", "id_number": resident_id(seq=61), "phone": "13712345678"}, format="json"
    )
    assert response.status_code == 201, response.content
    assert response.json()["members"][0]["is_applicant"] is True
    assert Application.objects.count() == 1


def test_create_invalid_gives_chinese_field_error(community_clerk, dictionaries):
    response = api(community_clerk).post(
        URL, {"region_code": "341602001001", "applicant_name": "孙立", "id_number": "123"}, format="json"
    )
    assert response.status_code == 400
    assert "id_number" in response.json()["errors"]
    assert Application.objects.count() == 0


def test_create_refused_to_reader(district_officer, dictionaries):
    response = api(district_officer).post(
        URL, {"region_code": "341602001001", "applicant_name": "孙立", "id_number": resident_id(seq=61)}, format="json"
    )
    assert response.status_code == 403


def test_update_and_add_member(draft, community_clerk):
    client = api(community_clerk)
    response = client.patch(f"{URL}{draft.pk}/", {"hukou_road": "药都路"}, format="json")
    assert response.status_code == 200 and response.json()["hukou_road"] == "药都路"
    data = member_data()
    data["annual_income"] = "24000.00"
    response = client.post(f"{URL}{draft.pk}/members/", data, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["sex"] == "2"
