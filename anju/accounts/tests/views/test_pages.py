"""Organisation and user pages: jurisdiction, filters, masking, export, forms."""

import re

import pytest
from django.urls import reverse

from anju.accounts.models import Organisation, User
from anju.accounts.roles import Role
from anju.accounts.services.users import user_mobile_set
from anju.accounts.tests.helpers import audit_rows, verified_login

pytestmark = pytest.mark.django_db


def test_district_officer_gets_404_for_another_districts_organisation(client, district_officer, organisations):
    # given a 谯城区 officer
    client.force_login(district_officer)
    # then an organisation of 涡阳县 does not exist for them, their own does
    assert client.get(reverse("accounts:organisation_detail", args=[organisations["guoyang"].pk])).status_code == 404
    assert client.get(reverse("accounts:organisation_detail", args=[organisations["qiaocheng"].pk])).status_code == 200


def test_other_district_gets_404_for_a_qiaocheng_user(client, other_district_clerk, district_officer):
    client.force_login(other_district_clerk)
    assert client.get(reverse("accounts:user_detail", args=[district_officer.pk])).status_code == 404


def listed(response) -> set[str]:
    """Names of the organisations listed as rows (their first cell links to the detail)."""
    return set(re.findall(r'<a href="/accounts/organisations/\d+/">([^<]+)</a>', response.content.decode()))


def test_organisation_list_is_scoped_and_filtered(client, district_officer, organisations):
    client.force_login(district_officer)
    url = reverse("accounts:organisation_list")
    assert listed(client.get(url)) == {"谯城区住房和城乡建设局", "白布社区居民委员会"}
    assert listed(client.get(url, {"kind": "community"})) == {"白布社区居民委员会"}
    assert listed(client.get(url, {"name": "住房"})) == {"谯城区住房和城乡建设局"}


def test_organisation_list_filters_by_region(client, city_officer, organisations):
    client.force_login(city_officer)
    assert listed(client.get(reverse("accounts:organisation_list"), {"region": "341621000000"})) == {"涡阳县住房和城乡建设局"}


def test_organisation_export_is_scoped_and_audited(client, district_officer, organisations):
    from io import BytesIO

    from openpyxl import load_workbook

    client.force_login(district_officer)
    response = client.get(reverse("accounts:organisation_list"), {"export": "xlsx"})
    assert response.status_code == 200
    rows = list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][0] == "机构名称"
    assert {row[0] for row in rows[1:]} == {"谯城区住房和城乡建设局", "白布社区居民委员会"}
    assert audit_rows("EXPORT").count() == 1


def test_user_list_masks_the_mobile_and_filters(client, system_admin, district_officer, city_officer, organisations):
    user_mobile_set(district_officer, "13905581234")
    district_officer.organisation = organisations["qiaocheng"]
    district_officer.save()
    verified_login(client, system_admin)
    html = client.get(reverse("accounts:user_list")).content.decode()
    assert "139****1234" in html and "13905581234" not in html
    by_role = client.get(reverse("accounts:user_list"), {"role": Role.CITY_OFFICER}).content.decode()
    assert city_officer.username in by_role and district_officer.username not in by_role
    by_org = client.get(reverse("accounts:user_list"), {"organisation": organisations["qiaocheng"].pk}).content.decode()
    assert district_officer.username in by_org and city_officer.username not in by_org
    district_officer.is_active = False
    district_officer.save()
    inactive = client.get(reverse("accounts:user_list"), {"is_active": "false"}).content.decode()
    assert district_officer.username in inactive and city_officer.username not in inactive


def test_user_list_query_count_does_not_grow_with_rows(client, system_admin, organisations, django_assert_max_num_queries):
    from conftest import make_user

    for n in range(15):
        make_user(f"bulk{n}", Role.COMMUNITY_CLERK, "341602001001")
    verified_login(client, system_admin)
    with django_assert_max_num_queries(20):
        assert client.get(reverse("accounts:user_list")).status_code == 200


def test_user_create_form_keeps_input_on_error_then_creates(client, system_admin, organisations):
    verified_login(client, system_admin)
    url = reverse("accounts:user_create")
    # given a bad mobile number
    bad = client.post(url, {"username": "li_clerk", "full_name": "李经办", "organisation": organisations["baibu"].pk, "mobile": "12345"})
    html = bad.content.decode()
    assert bad.status_code == 200
    assert "手机" in html and 'value="李经办"' in html and 'value="li_clerk"' in html
    # when corrected
    good = client.post(url, {"username": "li_clerk", "full_name": "李经办", "organisation": organisations["baibu"].pk, "mobile": "13905580001"})
    # then the temporary password is shown once and must be changed
    assert good.status_code == 200
    assert "临时密码" in good.content.decode()
    user = User.objects.get(username="li_clerk")
    assert user.must_change_password and user.organisation == organisations["baibu"]


def test_organisation_form_refuses_a_region_outside_the_jurisdiction(client, demo_regions, organisations):
    from conftest import make_user

    admin = make_user("qc_sysadmin", Role.SYSTEM_ADMIN, "341602000000")
    verified_login(client, admin)
    data = {"code": "NEW-1", "name": "新机构", "kind": "partner", "region_code": "341621000000", "is_active": "on"}
    response = client.post(reverse("accounts:organisation_create"), data)
    assert "不在您的管辖范围内" in response.content.decode()
    data["region_code"] = "341602000000"
    response = client.post(reverse("accounts:organisation_create"), data)
    assert response.status_code == 302
    assert Organisation.objects.filter(code="NEW-1", region_code="341602000000").exists()


def test_disable_page_ends_the_user(client, system_admin, district_officer):
    verified_login(client, system_admin)
    response = client.post(reverse("accounts:user_disable", args=[district_officer.pk]), {"reason": "离职"})
    assert response.status_code == 302
    district_officer.refresh_from_db()
    assert not district_officer.is_active


def test_roles_page_grants_refuses_conflicts_and_sets_jurisdiction(client, security_officer, district_officer):
    verified_login(client, security_officer)
    url = reverse("accounts:user_roles", args=[district_officer.pk])
    assert client.post(url, {"action": "grant", "role": Role.CITY_OFFICER}).status_code == 302
    assert district_officer.role_grants.filter(role=Role.CITY_OFFICER, granted_by=security_officer).exists()
    refused = client.post(url, {"action": "grant", "role": Role.AUDIT_ADMIN})
    assert "三权分立" in refused.content.decode()
    assert client.post(url, {"action": "jurisdiction", "region_code": "341621000000"}).status_code == 302
    district_officer.refresh_from_db()
    assert district_officer.jurisdiction_id == "341621000000"
    # the security administrator never manages themselves
    assert client.get(reverse("accounts:user_roles", args=[security_officer.pk])).status_code == 403


def test_security_policy_page_reads_the_settings(client, security_officer, settings):
    settings.PASSWORD_MIN_LENGTH = 14
    verified_login(client, security_officer)
    html = client.get(reverse("accounts:security_policy")).content.decode()
    assert "14 个字符" in html and "15 分钟" in html and "8 小时" in html
