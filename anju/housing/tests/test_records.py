"""A.5 records beyond projects: edit pages and PATCH for contracts, people list/API, recoverable delete and restore."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook
from rest_framework.test import APIClient
from stdnum.cn import uscc

from anju.housing import services
from anju.housing.models import Certificate, ConstructionContract, Participant, ParticipantPerson, ResettlementContract
from anju.housing.tests.factories import building_for, project_for

pytestmark = pytest.mark.django_db
PERSON_ID = "11010519491231002X"


def _credit_code(serial: int) -> str:
    body = f"91341600MA2T{serial:05d}"
    return body + uscc.calc_check_digit(body)


@pytest.fixture
def records(demo_regions, district_officer):
    """A 谯城区 project with two participants, a person, both contracts and a certificate."""
    project = project_for(name="希望家园")
    building = building_for(project)
    developer = services.participant_save(data={"name": "亳州城投", "category": "developer", "id_number": _credit_code(1)},
                                          region_code="341602000000", acting_user=district_officer)
    contractor = services.participant_save(data={"name": "亳州建工", "category": "contractor", "id_number": _credit_code(2)},
                                           region_code="341602000000", acting_user=district_officer)
    person = services.person_save(participant=contractor, acting_user=district_officer,
                                  data={"name": "王工", "category": "site_manager", "id_number": PERSON_ID, "phone": "13800138000"})
    contract = services.construction_contract_save(project=project, acting_user=district_officer, data={
        "party_a": developer, "party_b": contractor, "building": building, "category": "general", "contract_number": "SG-001",
        "name": "施工总承包合同", "amount": Decimal("3000.00"), "signed_on": date(2026, 1, 10)})
    resettlement = services.resettlement_contract_save(project=project, acting_user=district_officer, data={
        "contract_number": "AZ001", "signed_on": date(2026, 2, 1), "compensation_mode": "monetary", "displaced_person": "王某",
        "compensation_amount": Decimal("12.50")})
    certificate = services.certificate_save(project=project, acting_user=district_officer, data={
        "number": "建字001", "name": "construction", "issued_on": date(2026, 1, 5), "issuer": "谯城区住建局"})
    return {"project": project, "building": building, "developer": developer, "contractor": contractor, "person": person,
            "contract": contract, "resettlement": resettlement, "certificate": certificate}


@pytest.fixture
def officer_client(client, district_officer):
    """The 谯城区 officer, logged in."""
    client.force_login(district_officer)
    return client


def _api(user):
    api = APIClient()
    api.force_authenticate(user)
    return api


def _contract_post(contract, **changes):
    data = {"party_a": contract.party_a_id, "party_b": contract.party_b_id, "building": contract.building_id or "",
            "category": contract.category, "contract_number": contract.contract_number, "name": contract.name,
            "summary": contract.summary, "amount": str(contract.amount), "quantity": contract.quantity,
            "signed_on": contract.signed_on.isoformat(), "is_valid": "on"}
    data.update(changes)
    return data


# ---------------------------------------------------------------- edit pages (UI)


def test_the_construction_contract_edit_page_changes_the_filing_but_not_its_number(officer_client, records):
    # given
    contract = records["contract"]
    url = reverse("housing:construction_contract_edit", args=[contract.pk])
    # when
    form_page = officer_client.get(url)
    response = officer_client.post(url, _contract_post(contract, amount="3200.50", name="施工总承包合同（补充）"))
    # then
    assert form_page.status_code == 200
    assert 'value="SG-001"' in form_page.content.decode()
    assert response.status_code == 302
    contract.refresh_from_db()
    assert (contract.amount, contract.name) == (Decimal("3200.50"), "施工总承包合同（补充）")
    assert contract.record_number == f"SG{records['project'].number}-001"
    detail = officer_client.get(contract.get_absolute_url()).content.decode()
    assert url in detail  # the 编辑 button


def test_a_wrong_construction_contract_edit_keeps_the_input_and_changes_nothing(officer_client, records):
    # given
    contract = records["contract"]
    # when: the same organisation on both sides
    response = officer_client.post(reverse("housing:construction_contract_edit", args=[contract.pk]),
                                   _contract_post(contract, party_b=contract.party_a_id, name="改过的名称"))
    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert "合同甲方和乙方不能是同一单位。" in html
    assert "改过的名称" in html
    contract.refresh_from_db()
    assert contract.name == "施工总承包合同"


def test_the_resettlement_contract_edit_page_saves(officer_client, records):
    # given
    contract = records["resettlement"]
    # when
    response = officer_client.post(reverse("housing:resettlement_contract_edit", args=[contract.pk]), {
        "contract_number": "AZ001", "signed_on": "2026-02-01", "effective_on": "2026-01-01", "compensation_mode": "property_swap",
        "displaced_person": "王某某"})
    # then: effective before signing is refused in Chinese
    assert "合同生效日期不能早于合同签订日期。" in response.content.decode()
    # when
    response = officer_client.post(reverse("housing:resettlement_contract_edit", args=[contract.pk]), {
        "contract_number": "AZ001", "signed_on": "2026-02-01", "effective_on": "2026-02-03", "compensation_mode": "property_swap",
        "displaced_person": "王某某", "resettlement_floor_area": "90.50"})
    # then
    assert response.status_code == 302
    contract.refresh_from_db()
    assert (contract.compensation_mode, contract.displaced_person, contract.resettlement_floor_area) == (
        "property_swap", "王某某", Decimal("90.50"))


def test_edit_pages_are_for_editors_and_scoped(client, records, community_clerk, other_district_clerk):
    # given
    urls = [reverse("housing:construction_contract_edit", args=[records["contract"].pk]),
            reverse("housing:resettlement_contract_edit", args=[records["resettlement"].pk]),
            reverse("housing:person_edit", args=[records["person"].pk]),
            reverse("housing:certificate_delete", args=[records["certificate"].pk])]
    # when / then: a reader role is refused
    client.force_login(community_clerk)
    assert [client.get(url).status_code for url in urls] == [403] * 4
    # when / then: the 涡阳县 officer does not see 谯城区 records
    client.force_login(other_district_clerk)
    assert [client.get(url).status_code for url in urls] == [404] * 4
    assert client.get(reverse("housing:person_detail", args=[records["person"].pk])).status_code == 404
    assert client.post(reverse("housing:certificate_restore", args=[records["certificate"].pk])).status_code == 404


def test_a_certificate_is_created_through_the_page_with_its_number(officer_client, records):
    # when
    response = officer_client.post(reverse("housing:certificate_create", args=[records["project"].pk]), {
        "number": "规字2026-009", "name": "works_planning", "issued_on": "2026-03-01", "issuer": "亳州市自然资源和规划局"})
    # then
    assert response.status_code == 302
    assert Certificate.objects.filter(number="规字2026-009", project=records["project"]).exists()


# ---------------------------------------------------------------- participant people (A.5.5)


def test_the_people_list_masks_identifiers_filters_and_exports(officer_client, records):
    # when
    page = officer_client.get(reverse("housing:person_list"))
    by_id = officer_client.get(reverse("housing:person_list"), {"id_number": PERSON_ID.lower()})
    wrong_id = officer_client.get(reverse("housing:person_list"), {"id_number": "110105194912310038"})
    export = officer_client.get(reverse("housing:person_list"), {"export": "xlsx"})
    # then
    html = page.content.decode()
    assert "王工" in html and "亳州建工" in html
    assert PERSON_ID not in html and "13800138000" not in html
    assert [p.name for p in by_id.context["object_list"]] == ["王工"]
    assert list(wrong_id.context["object_list"]) == []
    rows = list(load_workbook(io.BytesIO(export.content)).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("人员编号", "人员名称", "所属单位")
    assert rows[1][1] == "王工"
    assert PERSON_ID not in str(rows) and "13800138000" not in str(rows)


def test_the_person_page_is_masked_and_an_empty_id_on_edit_keeps_it(officer_client, records):
    # given
    person = records["person"]
    # when
    detail = officer_client.get(reverse("housing:person_detail", args=[person.pk])).content.decode()
    response = officer_client.post(reverse("housing:person_edit", args=[person.pk]), {
        "name": "王建国", "category": "site_manager", "id_type": "111", "id_number": "", "nationality": "中国"})
    # then
    assert PERSON_ID not in detail and person.id_number_masked in detail
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.name, person.id_number) == ("王建国", PERSON_ID)


def test_the_people_api_is_scoped_filtered_and_masked(records, district_officer, other_district_clerk):
    # when
    mine = _api(district_officer).get("/api/v1/housing/people/", {"participant": records["contractor"].pk})
    theirs = _api(other_district_clerk).get("/api/v1/housing/people/")
    one = _api(district_officer).get(f"/api/v1/housing/people/{records['person'].pk}/")
    # then
    assert mine.status_code == 200
    assert [p["name"] for p in mine.json()["results"]] == ["王工"]
    assert PERSON_ID not in mine.content.decode() and "13800138000" not in mine.content.decode()
    assert one.json()["id_number"] == records["person"].id_number_masked
    assert theirs.json()["count"] == 0
    assert _api(other_district_clerk).get(f"/api/v1/housing/people/{records['person'].pk}/").status_code == 404


def test_a_person_is_created_through_the_api_only_for_a_visible_participant(records, district_officer, other_district_clerk):
    # given
    stranger = other_district_clerk
    body = {"participant": records["developer"].pk, "name": "李总", "category": "project_leader", "id_number": PERSON_ID}
    # when
    created = _api(district_officer).post("/api/v1/housing/people/", body, format="json")
    refused = _api(stranger).post("/api/v1/housing/people/", body, format="json")
    # then
    assert created.status_code == 201, created.content
    assert created.json()["number"] == f"{records['developer'].number}-001"
    assert refused.status_code == 400, refused.content.decode()
    assert refused.json()["errors"]["participant"][0]["message"] == "项目参与单位不存在或不在您的管辖范围内。"
    assert ParticipantPerson.objects.filter(name="李总").count() == 1


# ---------------------------------------------------------------- update API


def test_patch_updates_a_construction_contract_and_refuses_bad_data(records, district_officer):
    # given
    contract = records["contract"]
    url = f"/api/v1/housing/construction-contracts/{contract.pk}/"
    # when
    ok = _api(district_officer).patch(url, {"amount": "3100.00", "quantity": "3栋"}, format="json")
    bad = _api(district_officer).patch(url, {"party_b": contract.party_a_id}, format="json")
    # then
    assert ok.status_code == 200, ok.content
    assert ok.json()["amount"] == "3100.00"
    assert bad.status_code == 400, bad.content.decode()
    assert bad.json()["errors"]["party_b"][0]["message"] == "合同甲方和乙方不能是同一单位。"
    contract.refresh_from_db()
    assert (contract.amount, contract.party_b_id, contract.quantity) == (Decimal("3100.00"), records["contractor"].pk, "3栋")


def test_patch_updates_a_resettlement_contract_and_other_districts_get_404(records, district_officer, other_district_clerk,
                                                                           operator):
    # given
    contract = records["resettlement"]
    url = f"/api/v1/housing/resettlement-contracts/{contract.pk}/"
    # when
    ok = _api(district_officer).patch(url, {"compensation_amount": "20.00", "displaced_person": "王某某"}, format="json")
    stranger = _api(other_district_clerk).patch(url, {"displaced_person": "X"}, format="json")
    reader = _api(operator).patch(url, {"displaced_person": "Y"}, format="json")
    # then
    assert ok.status_code == 200, ok.content
    assert stranger.status_code == 404
    assert reader.status_code == 403
    contract.refresh_from_db()
    assert (contract.compensation_amount, contract.displaced_person) == (Decimal("20.00"), "王某某")


def test_contracts_and_certificates_are_created_through_the_api(records, district_officer):
    # when
    contract = _api(district_officer).post("/api/v1/housing/resettlement-contracts/", {
        "project": records["project"].pk, "contract_number": "AZ002", "signed_on": "2026-03-01", "compensation_mode": "monetary",
        "displaced_person": "张某"}, format="json")
    certificate = _api(district_officer).post("/api/v1/housing/certificates/", {
        "project": records["project"].pk, "number": "地字009", "name": "land_planning", "issued_on": "2026-01-02",
        "issuer": "亳州市自然资源和规划局"}, format="json")
    # then
    assert contract.status_code == 201, contract.content
    assert contract.json()["record_number"] == f"CQ{records['project'].number}-002"
    assert certificate.status_code == 201, certificate.content
    assert ResettlementContract.objects.filter(displaced_person="张某").exists()


# ---------------------------------------------------------------- delete (recoverable) and restore


def test_a_contract_deleted_with_a_reason_leaves_the_list_and_comes_back_on_restore(officer_client, records):
    # given
    contract = records["contract"]
    list_url = reverse("housing:construction_contract_list")
    # when: no reason
    refused = officer_client.post(reverse("housing:construction_contract_delete", args=[contract.pk]), {"reason": ""})
    # then
    assert refused.status_code == 200
    assert ConstructionContract.objects.get(pk=contract.pk).is_deleted is False
    # when
    deleted = officer_client.post(reverse("housing:construction_contract_delete", args=[contract.pk]), {"reason": "重复录入"})
    # then
    assert deleted.status_code == 302
    assert list(officer_client.get(list_url).context["object_list"]) == []
    assert [c.pk for c in officer_client.get(list_url, {"deleted": "1"}).context["object_list"]] == [contract.pk]
    detail = officer_client.get(contract.get_absolute_url()).content.decode()
    assert "已删除" in detail and "重复录入" in detail
    assert reverse("housing:construction_contract_restore", args=[contract.pk]) in detail
    assert "施工总承包合同" not in officer_client.get(records["project"].get_absolute_url()).content.decode()
    # when
    officer_client.post(reverse("housing:construction_contract_restore", args=[contract.pk]))
    # then
    contract.refresh_from_db()
    assert (contract.is_deleted, contract.delete_reason) == (False, "")
    assert [c.pk for c in officer_client.get(list_url).context["object_list"]] == [contract.pk]


def test_a_participant_still_in_use_is_refused_with_the_reason(officer_client, records):
    # given
    contractor = records["contractor"]
    # when
    response = officer_client.post(reverse("housing:participant_delete", args=[contractor.pk]), {"reason": "不再合作"})
    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert f"该单位是施工合同“{records['contract'].record_number}”的当事方，不能删除" in html
    assert "不再合作" in html  # the typed reason is kept
    assert Participant.objects.get(pk=contractor.pk).is_deleted is False


def test_a_deleted_record_cannot_be_edited_or_linked(records, district_officer):
    # given
    services.record_delete(record=records["contract"], reason="作废", acting_user=district_officer)
    services.record_delete(record=records["person"], reason="离职", acting_user=district_officer)
    contract = ConstructionContract.objects.get(pk=records["contract"].pk)
    # when / then
    with pytest.raises(ValidationError, match="已删除"):
        services.construction_contract_save(project=records["project"], contract=contract, data={"name": "X"},
                                            acting_user=district_officer)
    # the contractor is free now: its only contract and person are deleted
    services.record_delete(record=records["contractor"], reason="注销", acting_user=district_officer)
    with pytest.raises(ValidationError) as excinfo:
        services.construction_contract_save(project=records["project"], acting_user=district_officer, data={
            "party_a": records["developer"], "party_b": Participant.objects.get(pk=records["contractor"].pk), "category": "general",
            "contract_number": "SG-002", "name": "二标段", "amount": Decimal("1.00"), "signed_on": date(2026, 5, 1)})
    assert "已删除" in excinfo.value.message_dict["party_b"][0]
    # a person of a deleted organisation comes back only after it
    with pytest.raises(ValidationError, match="所属单位已删除"):
        services.record_restore(record=ParticipantPerson.objects.get(pk=records["person"].pk), acting_user=district_officer)


def test_delete_and_restore_are_audited(records, district_officer):
    # given
    from anju.audit.models import AuditEvent

    certificate = records["certificate"]
    # when
    services.record_delete(record=certificate, reason="证件录错", acting_user=district_officer)
    services.record_restore(record=Certificate.objects.get(pk=certificate.pk), acting_user=district_officer)
    # then
    events = [e.detail.get("event") for e in AuditEvent.objects.filter(object_id=str(certificate.pk)).order_by("id")]
    assert events[-2:] == ["HOUSING_RECORD_DELETED", "HOUSING_RECORD_RESTORED"]


def test_api_delete_needs_a_reason_refuses_records_in_use_and_restores(records, district_officer):
    # given
    api = _api(district_officer)
    url = f"/api/v1/housing/certificates/{records['certificate'].pk}/"
    # when
    no_reason = api.delete(url)
    in_use = api.delete(f"/api/v1/housing/participants/{records['developer'].pk}/?reason=x")
    deleted = api.delete(url + "?reason=录错")
    listed = api.get("/api/v1/housing/certificates/")
    listed_deleted = api.get("/api/v1/housing/certificates/", {"deleted": "1"})
    restored = api.post(url + "restore/")
    # then
    assert no_reason.status_code == 400
    assert in_use.status_code == 400
    assert "的当事方，不能删除" in str(in_use.json())
    assert deleted.status_code == 200 and deleted.json()["is_deleted"] is True
    assert listed.json()["count"] == 0 and listed_deleted.json()["count"] == 1
    assert restored.status_code == 200 and restored.json()["is_deleted"] is False


def test_every_housing_list_shows_the_housing_tabs(officer_client, records):
    # when
    html = officer_client.get(reverse("housing:person_list")).content.decode()
    # then: each list can be reached from the others, the current one marked
    for name in ("project_list", "building_list", "unit_list", "land_reserve_list", "participant_list", "person_list",
                 "certificate_list", "construction_contract_list", "resettlement_contract_list", "progress_log_list",
                 "handover_list", "map"):
        assert f'href="{reverse(f"housing:{name}")}"' in html, name
    assert f'active" aria-current="page" href="{reverse("housing:person_list")}"' in html
