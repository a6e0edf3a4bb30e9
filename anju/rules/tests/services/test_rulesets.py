"""Versioning, editing rights, parameters, credit hook and the A.1.12 exchange record."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from anju.audit.models import AuditEvent
from anju.rules.factors import credit_provider_set
from anju.rules.models import EligibilityDecision, RuleParameter
from anju.rules.services.evaluation import evaluate_application, evaluate_facts, versions_in_force
from anju.rules.services.rulesets import (
    condition_add,
    condition_remove,
    condition_update,
    exchange_record_generate,
    parameter_set,
    version_copy,
    version_enable,
    version_stop,
)
from anju.rules.tests.factories import AS_OF, household

pytestmark = pytest.mark.django_db
LOCAL_LOW = {"members": [{"hukou_years": 5, "annual_income": 30000}]}


def test_copy_makes_a_draft_with_the_same_tree(bozhou_rules, city_officer):
    """生成模板 copies conditions (with their groups), standards and the ordering scheme."""
    # given
    enabled = bozhou_rules["BZ-P01"].enabled_version
    # when
    draft = version_copy(version=enabled, acting_user=city_officer)
    # then
    assert draft.status == "draft" and draft.number == 2 and draft.based_on == enabled
    assert draft.conditions.count() == enabled.conditions.count()
    assert sorted(c.code for c in draft.conditions.filter(parent__code="L02")) == ["L02-1", "L02-2"]
    assert draft.standards.count() == enabled.standards.count()
    assert draft.ordering_scheme.factors.count() == 3
    assert AuditEvent.objects.filter(action="RECORD_CREATED", object_id=str(draft.pk)).exists()


def test_only_drafts_are_edited(bozhou_rules, city_officer):
    """An enabled version refuses edits."""
    # given
    enabled = bozhou_rules["BZ-P01"].enabled_version
    # when / then
    with pytest.raises(ValidationError, match="草稿"):
        condition_add(version=enabled, acting_user=city_officer, kind="qualitative", name="x", factor="owns_home",
                      logic_value="false")


def test_district_officer_cannot_edit(bozhou_rules, district_officer, city_officer):
    """Only the city officer writes rules."""
    draft = version_copy(version=bozhou_rules["BZ-P01"].enabled_version, acting_user=city_officer)
    with pytest.raises(PermissionDenied):
        condition_add(version=draft, acting_user=district_officer, kind="qualitative", name="x",
                      factor="owns_home", logic_value="false")


def test_condition_validation_in_chinese(bozhou_rules, city_officer):
    """A quantitative condition needs a numeric factor and a bound; a member factor needs a quantifier."""
    draft = version_copy(version=bozhou_rules["BZ-P01"].enabled_version, acting_user=city_officer)
    with pytest.raises(ValidationError) as error:
        condition_add(version=draft, acting_user=city_officer, kind="quantitative", name="x", factor="owns_home")
    assert "定量条件须选择数值型因素。" in str(error.value)
    with pytest.raises(ValidationError) as error:
        condition_add(version=draft, acting_user=city_officer, kind="quantitative", name="y", factor="age",
                      start_relation="ge", start_value=Decimal(18))
    assert "成员因素须选择成员判断方式。" in str(error.value)


def test_enable_stops_previous_and_past_decisions_keep_their_version(bozhou_rules, city_officer):
    """A later, stricter version never changes a decision taken under the earlier one."""
    # given: a household eligible under version 1
    application = household(**LOCAL_LOW)
    first = evaluate_application(application=application, as_of=AS_OF, acting_user=city_officer)
    assert first.eligible
    old_version = first.rule_set_version
    # when: a draft lowers the income line to 20,000 and is enabled from 2025-07-01
    draft = version_copy(version=old_version, acting_user=city_officer)
    income = draft.conditions.get(code="L02-2")
    with pytest.raises(ValidationError):  # le without a value is refused
        condition_update(condition=income, acting_user=city_officer, end_relation="le", end_value=None,
                         end_parameter="")
    income.refresh_from_db()
    condition_update(condition=income, acting_user=city_officer, end_value=Decimal(20000), end_parameter="",
                     end_relation="le")
    version_enable(version=draft, effective_from=datetime.date(2025, 7, 1), acting_user=city_officer)
    # then
    old_version.refresh_from_db()
    assert old_version.status == "stopped" and old_version.effective_to == datetime.date(2025, 6, 30)
    first.refresh_from_db()
    assert first.eligible and first.rule_set_version == old_version
    assert any("33,200" in item["text"] for item in first.explanation)
    later = evaluate_application(application=application, as_of=datetime.date(2025, 7, 2))
    assert not later.eligible
    again = evaluate_application(application=application, as_of=AS_OF, record=False)
    assert again.eligible  # as of June the old version is still the one in force
    assert EligibilityDecision.objects.filter(application=application).count() == 2


def test_enable_refuses_a_date_not_after_the_current(bozhou_rules, city_officer):
    """The new version must start after the one it replaces."""
    draft = version_copy(version=bozhou_rules["BZ-P02"].enabled_version, acting_user=city_officer)
    with pytest.raises(ValidationError):
        version_enable(version=draft, effective_from=datetime.date(2024, 12, 31), acting_user=city_officer)


def test_stop_leaves_no_rules_in_force(bozhou_rules, city_officer):
    """After 停止 the program no longer admits anyone after the stop date."""
    version = bozhou_rules["BZ-P03"].enabled_version
    version_stop(version=version, acting_user=city_officer, effective_to=datetime.date(2025, 8, 31))
    assert version in versions_in_force(as_of=datetime.date(2025, 8, 31))
    assert version not in versions_in_force(as_of=datetime.date(2025, 9, 1))


def test_parameter_change_moves_the_threshold_and_is_audited(bozhou_rules, city_officer):
    """A parameter for a later year is used from that year; the explanation shows the resolved number."""
    # given
    parameter_set(code="urban_disposable_income", name="上年度城镇居民人均可支配收入", region_code="341600000000",
                  year=2026, value=Decimal(45000), unit="元", acting_user=city_officer)
    application = household(members=[{"hukou_years": 5, "annual_income": 35000}])
    # when
    in_2025 = evaluate_application(application=application, as_of=AS_OF, record=False)
    in_2026 = evaluate_application(application=application, as_of=datetime.date(2026, 3, 1), record=False)
    # then
    assert not in_2025.eligible
    assert in_2026.eligible
    assert any("0.8 × 上年度城镇居民人均可支配收入（2026年 45,000元）= 36,000" in i["text"] for i in in_2026.explanation)
    assert AuditEvent.objects.filter(action="RECORD_CREATED", detail__kind="rule_parameter").exists()
    assert RuleParameter.objects.filter(code="urban_disposable_income").count() == 2


def test_district_parameter_overrides_the_city(bozhou_rules, demo_regions):
    """A parameter of the rule set's own region wins over its ancestors'."""
    from anju.rules.services.evaluation import parameter_resolve

    RuleParameter.objects.create(code="minimum_living_standard", name="低保标准", region_code="341602000000",
                                 year=2025, value=Decimal(850))
    assert parameter_resolve(code="minimum_living_standard", region_code="341602001001", year=2025).value == 850
    assert parameter_resolve(code="minimum_living_standard", region_code="341621000000", year=2025).value == 810


def test_credit_hook_default_and_registered(bozhou_rules):
    """Credit status defaults to 无不良记录; a registered provider is used by both paths."""
    from django.db.models import Value
    from django.db.models.fields import CharField

    from anju.admission.models import Application
    from anju.rules.services.evaluation import evaluate_batch

    application = household(**LOCAL_LOW)
    assert evaluate_application(application=application, as_of=AS_OF, record=False).eligible

    class Severe:
        def status_for(self, application):
            return "severe"

        def annotation(self):
            return Value("severe", output_field=CharField())

    previous = credit_provider_set(Severe())
    try:
        decision = evaluate_application(application=application, as_of=AS_OF, record=False)
        batch = evaluate_batch(queryset=Application.objects.filter(pk=application.pk), as_of=AS_OF)
    finally:
        credit_provider_set(previous)
    assert not decision.eligible and batch == {application.pk: False}
    assert any("实际严重失信；不符合" in i["text"] for i in decision.explanation)


def test_evaluate_typed_facts(bozhou_rules):
    """The 试算 box evaluates typed facts without an application."""
    facts = {"household_size": 2, "income_per_capita": "30000", "floor_area_per_capita": 10, "owns_home": False,
             "assets_total": 0, "vehicle_value": 0, "credit_status": "none", "is_minimum_living": False,
             "members": [{"name": "甲", "hukou_years": 3}, {"name": "乙", "hukou_years": 0}]}
    decision = evaluate_facts(facts=facts, rule_set=bozhou_rules["BZ-P01"], as_of=AS_OF)
    assert decision.eligible
    facts["income_per_capita"] = "40000"
    assert not evaluate_facts(facts=facts, rule_set=bozhou_rules["BZ-P01"], as_of=AS_OF).eligible


def test_remove_condition_from_draft(bozhou_rules, city_officer):
    """Removing a group removes its children."""
    draft = version_copy(version=bozhou_rules["BZ-P01"].enabled_version, acting_user=city_officer)
    group = draft.conditions.get(code="L02")
    condition_remove(condition=group, acting_user=city_officer)
    assert not draft.conditions.filter(code__startswith="L02").exists()
    assert AuditEvent.objects.filter(action="RECORD_DELETED", detail__kind="condition").exists()


def test_exchange_record_from_enabled_version(bozhou_rules, city_officer):
    """A.1.12 is generated from the enabled version with its conditions and standards."""
    record = exchange_record_generate(version=bozhou_rules["BZ-P01"].enabled_version, acting_user=city_officer)
    assert record.year == 2025 and record.region_code == "341600000000"
    assert record.mode == "公共租赁住房配租"
    assert "le 0.8×urban_disposable_income" in record.condition_values
    assert "保障面积3人户=60.00平方米" in record.standard_values
    assert record.payload["保障项目"].startswith("城镇中等偏下收入")


def test_mode_instance_limits_evaluation_to_its_program(bozhou_rules):
    """mode=<Mode> evaluates that program only; the default code evaluates all three."""
    application = household(**LOCAL_LOW)
    mode = bozhou_rules["BZ-P02"].mode
    only = evaluate_application(application=application, mode=mode, as_of=AS_OF, record=False)
    every = evaluate_application(application=application, as_of=AS_OF, record=False)
    assert [r["program"] for r in only.results] == [mode.program.name]
    assert not only.eligible and every.eligible and len(every.results) == 3


def test_no_rules_in_force_is_a_chinese_error(bozhou_rules):
    """Before the demo versions start there is nothing to evaluate with."""
    from anju.rules.errors import NoActiveRuleSetError

    application = household(**LOCAL_LOW)
    with pytest.raises(NoActiveRuleSetError, match="没有已启用的保障规则"):
        evaluate_application(application=application, as_of=datetime.date(2024, 6, 1))
