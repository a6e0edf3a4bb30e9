"""Staff pages: list filters and export, detail scoping and masking, the clerk's forms."""

import io
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from anju.admission.models import Application, Member
from anju.admission.services import application_submit
from anju.admission.tests.factories import application_for, member_data, resident_id

pytestmark = pytest.mark.django_db

LIST = reverse("admission:household_list")


def login(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def two(draft, community_clerk):
    """Two applications of 白布社区: 王建国 (draft) and 赵六 (submitted)."""
    other = application_for(community_clerk, applicant_name="赵六", id_number=resident_id(seq=30), phone="13800001111")
    application_submit(application=other, acting_user=community_clerk)
    return draft, other


def test_list_shows_masked_identifiers(client, two, district_officer):
    # when the district officer opens the list
    response = login(client, district_officer).get(LIST)
    # then both households are there and no full ID number or mobile is on the page
    html = response.content.decode()
    assert response.status_code == 200
    assert "王建国" in html and "赵六" in html
    assert resident_id() not in html and "13912345678" not in html
    assert "341602" + "*" * 8 + resident_id()[-4:] in html and "139****5678" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status": "accepting"}, {"赵六"}),
        ({"status": "draft"}, {"王建国"}),
        ({"applicant_name": "建"}, {"王建国"}),
        ({"id_number": resident_id(seq=30)}, {"赵六"}),
        ({"id_number": resident_id(seq=30).lower()[:-1] + resident_id(seq=30)[-1].lower()}, {"赵六"}),
        ({"region": "341602001001"}, {"王建国", "赵六"}),
        ({"region": "341621000000"}, set()),
        ({"submitted_from": (timezone.localdate() - timedelta(days=1)).isoformat()}, {"赵六"}),
        ({"submitted_to": (timezone.localdate() - timedelta(days=1)).isoformat()}, set()),
    ],
)
def test_list_filters(client, two, district_officer, query, expected):
    response = login(client, district_officer).get(LIST, query)
    names = {obj.applicant_name for obj, _ in response.context["rows"]}
    assert names == expected


def test_list_pagination(client, draft, community_clerk, district_officer):
    for seq in range(40, 52):
        application_for(community_clerk, applicant_name=f"户{seq}", id_number=resident_id(seq=seq))
    response = login(client, district_officer).get(LIST, {"page_size": 10, "page": 2})
    assert response.context["page_obj"].number == 2
    assert len(response.context["rows"]) == 3


def test_export_header_row_and_masked_cells(client, two, district_officer):
    # when the list is exported
    response = login(client, district_officer).get(LIST, {"export": "xlsx"})
    # then the header row names the columns and identifiers stay masked
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("申请编号", "申请人姓名", "证件号码", "联系电话")
    assert len(rows) == 3
    flat = " ".join(str(c) for row in rows for c in row)
    assert resident_id() not in flat and "13912345678" not in flat


def test_list_refused_to_applicant(client, applicant):
    assert login(client, applicant).get(LIST).status_code == 403


def test_detail_shows_tables_and_masks(client, draft, community_clerk, district_officer):
    from anju.admission.services import member_add

    member_add(application=draft, acting_user=community_clerk, **member_data())
    response = login(client, district_officer).get(draft.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "家庭成员" in html and "住房信息" in html and "资产信息" in html
    assert "李秀英" in html and "配偶" in html
    assert resident_id() not in html and member_data()["id_number"] not in html


def test_detail_offers_reveal_to_officer_not_clerk(client, draft, community_clerk, district_officer):
    html = login(client, district_officer).get(draft.get_absolute_url()).content.decode()
    assert 'data-testid="reveal-card"' in html and "查看明文" in html
    client.logout()
    html = login(client, community_clerk).get(draft.get_absolute_url()).content.decode()
    assert 'data-testid="reveal-card"' not in html


def test_detail_of_other_district_is_404(client, draft, other_district_clerk, district_officer):
    # given a household of 谯城区
    # then 涡阳县 gets 404 and 谯城区 gets the page
    assert login(client, other_district_clerk).get(draft.get_absolute_url()).status_code == 404
    client.logout()
    assert login(client, district_officer).get(draft.get_absolute_url()).status_code == 200


def test_create_form_saves_and_redirects(client, community_clerk, dictionaries):
    data = {"region_code": "341602001001", "applicant_name": "孙立", "id_type": "111", "id_number": resident_id(seq=60), "phone": "13712345678"}
    response = login(client, community_clerk).post(reverse("admission:household_create"), data)
    application = Application.objects.get()
    assert response.status_code == 302 and response["Location"] == application.get_absolute_url()
    assert application.applicant_name == "孙立"


def test_create_form_keeps_input_on_error(client, community_clerk, dictionaries):
    # when the ID check digit is wrong
    bad = resident_id(seq=60)[:17] + ("1" if resident_id(seq=60)[17] != "1" else "2")
    data = {"region_code": "341602001001", "applicant_name": "孙立", "id_type": "111", "id_number": bad, "phone": "13712345678", "hukou_road": "药都路"}
    response = login(client, community_clerk).post(reverse("admission:household_create"), data)
    # then the form is shown again with the typed values and the Chinese message, nothing saved
    html = response.content.decode()
    assert response.status_code == 200
    assert "校验位错误" in html
    assert 'value="孙立"' in html and 'value="药都路"' in html and f'value="{bad}"' in html
    assert Application.objects.count() == 0


def test_member_add_form_error_and_success(client, draft, community_clerk):
    url = reverse("admission:member_add", args=[draft.pk])
    login(client, community_clerk)
    data = {"name": "李秀英", "relation": "10", "id_type": "111", "id_number": member_data()["id_number"], "sex": "1", "annual_income": "24000", "is_resident": "on", "lives_together": "on"}
    response = client.post(url, data)
    assert response.status_code == 200 and "性别与身份证号码不一致" in response.content.decode()
    assert Member.objects.filter(application=draft).count() == 1
    data["sex"] = ""
    response = client.post(url, data)
    assert response.status_code == 302
    assert Member.objects.filter(application=draft).count() == 2


def test_edit_form_never_shows_plain_identifiers(client, draft, community_clerk):
    response = login(client, community_clerk).get(reverse("admission:household_edit", args=[draft.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert resident_id() not in html and "13912345678" not in html
    assert "留空表示不修改" in html


def test_forms_refused_to_reader_roles(client, draft, district_officer):
    assert login(client, district_officer).get(reverse("admission:household_edit", args=[draft.pk])).status_code == 403


def test_clerk_of_other_community_gets_404_on_forms(client, draft, demo_regions):
    from conftest import make_user

    clerk = make_user("clerk_beiguan", "community_clerk", "341621001001")
    assert login(client, clerk).get(reverse("admission:household_edit", args=[draft.pk])).status_code == 404


def test_delete_and_restore_buttons(client, draft, community_clerk):
    login(client, community_clerk)
    client.post(reverse("admission:household_delete", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.is_deleted
    client.post(reverse("admission:household_restore", args=[draft.pk]))
    draft.refresh_from_db()
    assert not draft.is_deleted


def test_delete_submitted_shows_chinese_refusal(client, draft, community_clerk):
    application_submit(application=draft, acting_user=community_clerk)
    login(client, community_clerk)
    response = client.post(reverse("admission:household_delete", args=[draft.pk]), follow=True)
    assert "只能删除草稿" in response.content.decode()
    draft.refresh_from_db()
    assert not draft.is_deleted


def test_list_query_count_does_not_grow(client, draft, community_clerk, district_officer, django_assert_max_num_queries):
    for seq in range(70, 80):
        application_for(community_clerk, applicant_name=f"户{seq}", id_number=resident_id(seq=seq))
    login(client, district_officer)
    client.get(LIST)  # warm caches (session, roles)
    with django_assert_max_num_queries(15):
        client.get(LIST)
    assert date.today()
