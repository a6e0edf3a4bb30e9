"""Edit pages of programs, modes, support programs (A.1.1, A.1.2, A.1.8–A.1.11) and ordering schemes; support API."""

from decimal import Decimal

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from anju.audit.models import AuditEvent
from anju.rules.models import (
    Mode,
    OrderingFactor,
    OrderingScheme,
    Program,
    RuleSetVersion,
    SupportCondition,
    SupportMode,
    SupportProgram,
    SupportStandard,
)

pytestmark = pytest.mark.django_db
CITY = "341600000000"


def login(client, user):
    """Signed-in client."""
    client.force_login(user)
    return client


def test_program_create_edit_and_errors_keep_input(client, bozhou_rules, city_officer):
    client = login(client, city_officer)
    assert "新增" in client.get(reverse("rules:program_list")).content.decode()
    url = reverse("rules:program_add")
    data = {
        "code": "BZ-P04",
        "name": "人才公寓保障",
        "region_code": CITY,
        "income_class": "",
        "special_group": "",
        "description": "引进人才",
        "is_enabled": "on",
    }
    # a duplicate code is refused in Chinese, the typed values stay
    response = client.post(url, {**data, "code": "BZ-P01"})
    html = response.content.decode()
    assert response.status_code == 200 and "已存在" in html and 'value="人才公寓保障"' in html
    assert not Program.objects.filter(name="人才公寓保障").exists()
    # a region outside the city is refused
    response = client.post(url, {**data, "region_code": "340100000000"})
    assert response.status_code == 403 or "管辖范围" in response.content.decode()
    # saved
    response = client.post(url, data)
    program = Program.objects.get(code="BZ-P04")
    assert response.status_code == 302 and program.enabled_at is not None
    assert AuditEvent.objects.filter(detail__kind="program", detail__code="BZ-P04").exists()
    # edited from the list link
    assert (
        reverse("rules:program_edit", args=[program.pk]) in client.get(reverse("rules:program_list")).content.decode()
    )
    response = client.post(reverse("rules:program_edit", args=[program.pk]), {**data, "name": "人才公寓保障（修订）"})
    program.refresh_from_db()
    assert response.status_code == 302 and program.name == "人才公寓保障（修订）"


def test_mode_create_makes_rule_set_with_draft(client, bozhou_rules, city_officer):
    client = login(client, city_officer)
    program = Program.objects.get(code="BZ-P01")
    response = client.post(
        reverse("rules:mode_add"), {"program": program.pk, "code": "BZ-P01-M30", "mode": "30", "is_enabled": "on"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    mode = Mode.objects.get(code="BZ-P01-M30")
    version = RuleSetVersion.objects.get(rule_set__mode=mode)
    assert version.status == "draft" and version.number == 1 and mode.rule_set.region_code == CITY
    # the same mode twice in one program is refused
    response = client.post(reverse("rules:mode_add"), {"program": program.pk, "code": "BZ-P01-M30B", "mode": "30"})
    assert response.status_code == 200 and Mode.objects.filter(program=program, mode="30").count() == 1


def test_edit_pages_refused_to_readers(client, bozhou_rules, district_officer):
    client = login(client, district_officer)
    program = Program.objects.get(code="BZ-P01")
    assert client.get(reverse("rules:program_add")).status_code == 403
    assert client.get(reverse("rules:program_edit", args=[program.pk])).status_code == 403
    assert "新增" not in client.get(reverse("rules:program_list")).content.decode()
    version = bozhou_rules["BZ-P01"].enabled_version
    assert client.get(reverse("rules:scheme_edit", args=[version.pk])).status_code == 403


def test_ordering_scheme_edited_only_in_drafts(client, bozhou_rules, city_officer):
    from anju.rules.services.rulesets import version_copy

    client = login(client, city_officer)
    enabled = bozhou_rules["BZ-P01"].enabled_version
    # the enabled version is not edited
    response = client.post(
        reverse("rules:scheme_edit", args=[enabled.pk]), {"name": "改", "tie_breaker": "lottery", "description": ""}
    )
    assert response.status_code == 200 and "只能修改草稿版本" in response.content.decode()
    assert OrderingScheme.objects.get(version=enabled).tie_breaker == "application_time"
    # in a draft: scheme, lines added / edited / removed
    draft = version_copy(version=enabled, acting_user=city_officer)
    page = client.get(draft.get_absolute_url()).content.decode()
    assert reverse("rules:scheme_edit", args=[draft.pk]) in page
    response = client.post(
        reverse("rules:scheme_edit", args=[draft.pk]),
        {"name": "亳州市轮候排序（2026）", "tie_breaker": "lottery", "description": "同分摇号"},
    )
    assert response.status_code == 302
    scheme = OrderingScheme.objects.get(version=draft)
    assert scheme.tie_breaker == "lottery" and scheme.name == "亳州市轮候排序（2026）"
    add = reverse("rules:ordering_factor_add", args=[draft.pk])
    line = {
        "name": "残疾人家庭",
        "factor": "household_size",
        "relation": "ge",
        "value": "4",
        "points": "0",
        "priority_group": "",
        "sequence": "4",
    }
    response = client.post(add, line)
    assert response.status_code == 200 and "请填写加分或优先组" in response.content.decode()
    response = client.post(add, {**line, "factor": "nonsense"})
    assert response.status_code == 200
    response = client.post(add, {**line, "name": "四人及以上家庭", "points": "8"})
    assert response.status_code == 302
    factor = OrderingFactor.objects.get(scheme=scheme, name="四人及以上家庭")
    assert factor.points == Decimal(8)
    response = client.post(
        reverse("rules:ordering_factor_edit", args=[draft.pk, factor.pk]),
        {**line, "name": "四人及以上家庭", "points": "6", "priority_group": "2"},
    )
    factor.refresh_from_db()
    assert factor.points == Decimal(6) and factor.priority_group == 2
    client.post(reverse("rules:ordering_factor_remove", args=[draft.pk, factor.pk]))
    assert not OrderingFactor.objects.filter(pk=factor.pk).exists()
    assert OrderingFactor.objects.filter(scheme__version=enabled).count() == 3  # the enabled version untouched


def test_support_program_mode_condition_standard_pages(client, bozhou_rules, city_officer, district_officer):
    client = login(client, city_officer)
    response = client.post(
        reverse("rules:support_program_add"),
        {
            "code": "BZ-S01",
            "name": "公租房建设单位支持",
            "region_code": CITY,
            "supplier_type": "organisation",
            "is_enabled": "on",
        },
    )
    assert response.status_code == 302
    program = SupportProgram.objects.get(code="BZ-S01")
    response = client.post(
        reverse("rules:support_mode_add"),
        {"program": program.pk, "code": "BZ-S01-M1", "name": "税费减免", "is_enabled": "on"},
    )
    mode = SupportMode.objects.get(code="BZ-S01-M1")
    assert response.status_code == 302 and response.url == reverse("rules:support_mode_detail", args=[mode.pk])
    response = client.post(
        reverse("rules:support_condition_add", args=[mode.pk]),
        {"code": "BZ-S01-M1-C1", "name": "建设公共租赁住房", "detail": "", "is_enabled": "on"},
    )
    assert response.status_code == 200 and not SupportCondition.objects.exists()  # 具体条件 required
    client.post(
        reverse("rules:support_condition_add", args=[mode.pk]),
        {"code": "BZ-S01-M1-C1", "name": "建设公共租赁住房", "detail": "配建比例不低于10%", "is_enabled": "on"},
    )
    client.post(
        reverse("rules:support_standard_add", args=[mode.pk]),
        {
            "code": "BZ-S01-M1-S1",
            "current_standard": "免收城市基础设施配套费",
            "applied_standard": "全额免收",
            "is_enabled": "on",
        },
    )
    condition = SupportCondition.objects.get(mode=mode)
    standard = SupportStandard.objects.get(mode=mode)
    client.post(
        reverse("rules:support_standard_edit", args=[mode.pk, standard.pk]),
        {
            "code": "BZ-S01-M1-S1",
            "current_standard": "免收城市基础设施配套费",
            "applied_standard": "减半收取",
            "is_enabled": "on",
        },
    )
    standard.refresh_from_db()
    assert standard.applied_standard == "减半收取" and condition.detail == "配建比例不低于10%"
    page = client.get(reverse("rules:support_mode_detail", args=[mode.pk])).content.decode()
    assert "配建比例不低于10%" in page and "减半收取" in page
    # readers see it but get no edit links
    client.logout()
    page = login(client, district_officer).get(reverse("rules:support_mode_detail", args=[mode.pk])).content.decode()
    assert "减半收取" in page and reverse("rules:support_standard_edit", args=[mode.pk, standard.pk]) not in page
    assert "税费减免" in client.get(reverse("rules:support_mode_list")).content.decode()


def api(user):
    """Authenticated API client."""
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_support_program_api(bozhou_rules, city_officer, district_officer, other_district_clerk):
    client = api(city_officer)
    data = {
        "code": "BZ-S02",
        "name": "个人出租房源支持",
        "region_code": CITY,
        "supplier_type": "individual",
        "is_enabled": True,
    }
    response = client.post("/api/v1/rules/support-programs/", data, format="json")
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    assert response.json()["supplier_type_name"] == "个人"
    # duplicate code: 400 with a Chinese field error; outside jurisdiction: 403
    again = client.post("/api/v1/rules/support-programs/", data, format="json")
    assert again.status_code == 400 and "code" in again.json()["errors"]
    outside = client.post(
        "/api/v1/rules/support-programs/", {**data, "code": "X", "region_code": "340100000000"}, format="json"
    )
    assert outside.status_code == 403
    response = client.patch(f"/api/v1/rules/support-programs/{pk}/", {"name": "个人房源支持"}, format="json")
    assert response.status_code == 200 and response.json()["name"] == "个人房源支持"
    # a district's own support program is seen there and in the city, not in another district
    local = client.post(
        "/api/v1/rules/support-programs/", {**data, "code": "QC-S01", "region_code": "341602000000"}, format="json"
    ).json()["id"]
    reader = api(district_officer)
    assert [p["code"] for p in reader.get("/api/v1/rules/support-programs/").json()["results"]] == ["BZ-S02", "QC-S01"]
    assert reader.patch(f"/api/v1/rules/support-programs/{pk}/", {"name": "改"}, format="json").status_code == 403
    other = api(other_district_clerk)
    assert other.get(f"/api/v1/rules/support-programs/{local}/").status_code == 404
    assert other.get(f"/api/v1/rules/support-programs/{pk}/").status_code == 200  # city rules apply in every district
    assert SupportProgram.objects.get(pk=pk).name == "个人房源支持"
