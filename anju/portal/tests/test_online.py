"""The online application: draft step by step, partner pre-fill (零证明), pre-check, materials, submission."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from anju.portal.services import online as online_services
from anju.portal.tests.conftest import PLAIN_ID, ZHANG_ID, applicant_account

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _household(user, *, id_number=ZHANG_ID, name="张明", region_code=""):
    return online_services.household_save(
        user=user,
        data={"applicant_name": name, "id_number": id_number, "phone": "13800000001"},
        region_code=region_code,
    )


def _upload(online, code):
    return online_services.material_upload(
        online=online,
        uploaded_file=SimpleUploadedFile(f"p{code}.pdf", PDF, content_type="application/pdf"),
        file_type=code,
    )


def test_partner_data_prefills_the_draft_and_waives_proofs(portal_ready):
    # given
    user = applicant_account()
    # when: only name and ID number typed, no community chosen
    online = _household(user)
    # then: community, hukou, members, income come from partner data
    application = online.application
    assert application.region_code == "341602001001"
    assert application.hukou_road == "人民中路"
    assert application.created_by_id == user.pk
    assert application.applicant_account_id == user.pk  # the applicant's own: they may change it as a draft
    assert sorted(application.members.values_list("name", flat=True)) == sorted(["张明", "刘芳", "张小宇"])
    assert application.members.get(is_applicant=True).annual_income == Decimal("36000.00")
    assert set(online.proofs_waived) == {"01", "02", "03", "04", "05"}
    assert online_services.materials_missing(online) == []


def test_name_mismatch_gets_no_partner_data(portal_ready):
    # given
    user = applicant_account()
    # when: someone types 张明's ID number with another name
    with pytest.raises(ValidationError) as caught:
        _household(user, name="李四")
    # then: no pre-fill, so the community must be chosen
    assert "region_code" in caught.value.message_dict


def test_without_partner_data_every_proof_is_asked_for(portal_ready):
    # given
    user = applicant_account()
    # when
    online = _household(user, id_number=PLAIN_ID, name="王建国", region_code="341602001001")
    # then
    assert online.proofs_waived == {}
    assert online_services.materials_missing(online) == ["身份证明（身份证）", "户口簿", "收入证明", "住房证明"]
    with pytest.raises(ValidationError, match="请先上传以下证明材料"):
        online_services.online_submit(online=online)


def test_invalid_id_number_gives_a_chinese_message_and_no_draft(portal_ready):
    from anju.portal.models import OnlineApplication

    user = applicant_account()
    # when / then
    with pytest.raises(ValidationError) as caught:
        _household(user, id_number="341602198503150038", name="王建国", region_code="341602001001")
    assert "id_number" in caught.value.message_dict
    assert not OnlineApplication.objects.exists()


def test_parts_are_added_changed_and_removed_through_admission(portal_ready):
    # given
    user = applicant_account()
    online = _household(user, id_number=PLAIN_ID, name="王建国", region_code="341602001001")
    # when
    dwelling = online_services.part_save(
        online=online,
        kind="housing",
        data={"occupancy_status": "3", "floor_area": Decimal("40"), "address_road": "药都路"},
    )
    asset = online_services.part_save(
        online=online, kind="assets", data={"owner_name": "王建国", "category": "01", "total_value": Decimal("20000")}
    )
    online_services.part_save(online=online, kind="assets", data={"total_value": Decimal("25000")}, pk=asset.pk)
    # then
    application = online.application
    application.refresh_from_db()
    assert application.floor_area_total == Decimal("40.00")
    assert application.assets.get().total_value == Decimal("25000")
    online_services.part_remove(online=online, kind="housing", pk=dwelling.pk)
    assert not application.dwellings.exists()


def test_precheck_explains_each_condition(portal_ready):
    # given
    user = applicant_account()
    online = _household(user)
    # when
    result = online_services.eligibility_precheck(online=online)
    # then: an explained verdict, and nothing recorded
    assert result["ok"] is True
    texts = " ".join(item["text"] for item in result["items"])
    assert "本地无自有住房" in texts
    assert any(item["verdict"] is True for item in result["items"])
    assert not online.application.eligibility_decisions.exists()


def test_submit_starts_the_admission_process_at_the_community(portal_ready):
    from anju.admission.services.process import application_instance, open_task

    # given
    user = applicant_account()
    online = _household(user)
    # when
    online = online_services.online_submit(online=online)
    # then
    application = online.application
    application.refresh_from_db()
    assert application.status == "accepting"
    instance = application_instance(application)
    assert instance.region_code == "341602001001"
    assert instance.started_by_id == user.pk
    assert open_task(application, node_code="accept") is not None
    # 零证明: the verification records are filed under the waived proofs' types
    assert online_services.materials_present(application) >= {"01", "02", "03", "04"}


def test_submit_twice_creates_one_case(portal_ready):
    from anju.workflow.models import ProcessInstance

    # given
    user = applicant_account()
    online = _household(user)
    online_services.online_submit(online=online)
    # when
    online_services.online_submit(online=online)
    # then
    assert ProcessInstance.objects.count() == 1


def test_submit_with_uploaded_materials(portal_ready):
    # given
    user = applicant_account()
    online = _household(user, id_number=PLAIN_ID, name="王建国", region_code="341602001001")
    for code in ("01", "02", "03", "04"):
        _upload(online, code)
    # when
    online = online_services.online_submit(online=online)
    # then
    online.application.refresh_from_db()
    assert online.application.status == "accepting"


def test_one_draft_per_account(portal_ready):
    from anju.portal.models import OnlineApplication

    # given
    user = applicant_account()
    _household(user)
    # when: step 1 saved again changes the same draft
    online = online_services.household_save(user=user, data={"applicant_name": "张明", "phone": "13800000002"})
    # then
    assert OnlineApplication.objects.filter(user=user).count() == 1
    online.application.refresh_from_db()
    assert online.application.phone == "13800000002"


def test_the_pages_walk_from_step_1_to_submission(client, portal_ready):
    # given
    user = applicant_account()
    client.force_login(user)
    # when: step 1 with a bad ID, then a good one
    bad = client.post(
        reverse("portal:apply_household"), {"applicant_name": "张明", "id_number": "123", "phone": "13800000001"}
    )
    assert bad.status_code == 200
    assert 'value="张明"' in bad.content.decode()
    assert "form-error-summary" in bad.content.decode()
    response = client.post(
        reverse("portal:apply_household"), {"applicant_name": "张明", "id_number": ZHANG_ID, "phone": "13800000001"}
    )
    assert response.status_code == 302
    # then: members were pre-filled, materials are waived, the check page shows the verdict
    assert "刘芳" in client.get(reverse("portal:apply_members")).content.decode()
    materials = client.get(reverse("portal:apply_materials")).content.decode()
    assert materials.count('data-state="waived"') == 5
    check = client.get(reverse("portal:apply_check")).content.decode()
    assert "预审结果" in check
    response = client.post(reverse("portal:apply_check"))
    assert response.status_code == 302
    case = client.get(response["Location"]).content.decode()
    assert "受理中" in case


def test_apply_pages_need_an_applicant(client, community_clerk, demo_regions):
    # anonymous: to the portal login
    response = client.get(reverse("portal:apply_household"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("portal:login"))
    # staff: refused
    client.force_login(community_clerk)
    assert client.get(reverse("portal:apply_household")).status_code == 403
    # the intro page is public
    client.logout()
    assert client.get(reverse("portal:apply")).status_code == 200


def test_unknown_part_kind_is_404(client, portal_ready):
    client.force_login(applicant_account())
    assert client.get("/apply/secrets/1/edit/").status_code == 404
