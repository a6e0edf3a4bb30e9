"""API v1 of 保障规则: reads within jurisdiction, city-officer writes, evaluate."""

import pytest
from rest_framework.test import APIClient

from anju.rules.models import EligibilityDecision
from anju.rules.tests.factories import household

pytestmark = pytest.mark.django_db


def api(user):
    """Authenticated API client."""
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_programs_modes_versions_read_by_district(bozhou_rules, district_officer):
    """A district officer reads the city's programs, modes and versions."""
    client = api(district_officer)
    assert len(client.get("/api/v1/rules/programs/").json()["results"]) == 3
    assert client.get("/api/v1/rules/modes/").json()["results"][0]["mode_name"] == "公共租赁住房配租"
    versions = client.get("/api/v1/rules/versions/").json()["results"]
    detail = client.get(f"/api/v1/rules/versions/{versions[0]['id']}/").json()
    assert detail["conditions"] and detail["standards"]


def test_district_officer_cannot_copy(bozhou_rules, district_officer):
    """Writes are the city officer's: 403 in the common error shape."""
    version = bozhou_rules["BZ-P01"].enabled_version
    response = api(district_officer).post(f"/api/v1/rules/versions/{version.pk}/copy/")
    assert response.status_code == 403


def test_city_officer_copies_and_enables(bozhou_rules, city_officer):
    """生成模板 then 启用 through the API."""
    client = api(city_officer)
    version = bozhou_rules["BZ-P03"].enabled_version
    draft = client.post(f"/api/v1/rules/versions/{version.pk}/copy/").json()
    assert draft["status"] == "draft"
    bad = client.post(f"/api/v1/rules/versions/{draft['id']}/enable/", {"effective_from": "2024-01-01"}, format="json")
    assert bad.status_code == 400
    ok = client.post(f"/api/v1/rules/versions/{draft['id']}/enable/", {"effective_from": "2026-01-01"}, format="json")
    assert ok.status_code == 200 and ok.json()["status"] == "enabled"


def test_evaluate_application_and_facts(bozhou_rules, city_officer):
    """evaluate/ explains an application (optionally recorded) or typed facts."""
    client = api(city_officer)
    application = household(members=[{"hukou_years": 5, "annual_income": 20000}])
    response = client.post("/api/v1/rules/evaluate/", {"application": application.pk, "as_of": "2025-06-30",
                                                        "record": True}, format="json")
    body = response.json()
    assert response.status_code == 200 and body["eligible"] is True
    assert body["text"][0] == "判定结论：符合保障条件"
    assert EligibilityDecision.objects.filter(pk=body["decision_id"]).exists()
    version = bozhou_rules["BZ-P03"].enabled_version
    facts = {"income_per_capita": "50000", "owns_home": False, "assets_total": 0, "credit_status": "none",
             "members": [{"name": "甲", "is_migrant_worker": True, "is_employed": True}]}
    response = client.post("/api/v1/rules/evaluate/", {"version": version.pk, "facts": facts, "as_of": "2025-06-30"},
                           format="json")
    assert response.status_code == 200 and response.json()["eligible"] is False
    assert any("实际4,166.67元；不符合" in line for line in response.json()["text"])


def test_evaluate_needs_input(bozhou_rules, city_officer):
    """Neither application nor facts: 400 with a Chinese message."""
    response = api(city_officer).post("/api/v1/rules/evaluate/", {}, format="json")
    assert response.status_code == 400
    assert "请提供申请 ID" in response.content.decode()


def test_evaluate_application_outside_jurisdiction_is_404(bozhou_rules, other_district_clerk):
    """An application of 谯城区 is not visible to the 涡阳县 officer."""
    application = household(members=[{"hukou_years": 5, "annual_income": 20000}])
    response = api(other_district_clerk).post("/api/v1/rules/evaluate/", {"application": application.pk},
                                              format="json")
    assert response.status_code == 404


def test_spec_coverage_a1_complete():
    """Every field of A.1.1–A.1.12 is mapped to a model field or property."""
    from anju.core.spec_registry import coverage_build

    coverage, errors = coverage_build(None)
    assert not [e for e in errors if e.startswith("A.1.")]
    totals = {section: (mapped, total) for section, _title, mapped, total in coverage.section_totals()}
    assert totals["A.1"] == (87, 87)


def test_whatif_runs_as_a_job(bozhou_rules, city_officer, other_district_clerk):
    """POST starts the 影响评估 job (202 + job); the job endpoint gives progress and the counts."""
    from decimal import Decimal

    from anju.rules.services.rulesets import condition_update, version_copy

    household(members=[{"hukou_years": 5, "annual_income": 30000}])
    household(members=[{"hukou_years": 5, "annual_income": 20000}])
    draft = version_copy(version=bozhou_rules["BZ-P01"].enabled_version, acting_user=city_officer)
    condition_update(condition=draft.conditions.get(code="L02-2"), acting_user=city_officer,
                     end_value=Decimal(25000), end_parameter="")
    client = api(city_officer)
    response = client.post(f"/api/v1/rules/versions/{draft.pk}/whatif/")
    assert response.status_code == 202, response.content
    job = response.json()
    assert job["kind"] == "rules_whatif"
    body = client.get(f"/api/v1/rules/whatif-jobs/{job['id']}/").json()
    assert body["status"] == "succeeded" and body["percent"] == 100
    assert {k: body["result"][k] for k in ("total", "admitted", "dropped")} == {"total": 2, "admitted": 0, "dropped": 1}
    assert api(other_district_clerk).get(f"/api/v1/rules/whatif-jobs/{job['id']}/").status_code == 404
    enabled = bozhou_rules["BZ-P01"].enabled_version
    assert client.post(f"/api/v1/rules/versions/{enabled.pk}/whatif/").status_code == 400
