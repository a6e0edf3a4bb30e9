"""Housing code tables (代码表): seeded with the stored codes, validated, shown by their current names, editable."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from anju.core.models import Dictionary, DictionaryItem
from anju.core.selectors import dictionary_cache_clear, dictionary_item_usage_count
from anju.housing import services
from anju.housing.choices import FundSource, Orientation
from anju.housing.dictionaries import HOUSING_CODE_TABLES, CodeTable, code_choices, housing_dictionaries_ensure
from anju.housing.models import Project, Unit
from anju.housing.models.base import HousingCodeField
from anju.housing.tests.factories import building_for, project_for

pytestmark = pytest.mark.django_db


def _item(dictionary: str, code: str) -> DictionaryItem:
    return DictionaryItem.objects.get(dictionary__code=dictionary, code=code)


def _edited(item: DictionaryItem, **changes) -> None:
    for name, value in changes.items():
        setattr(item, name, value)
    item.save()
    dictionary_cache_clear(item.dictionary.code)


def test_the_migration_seeds_every_table_with_the_codes_already_stored():
    # then: every shipped code (the values existing rows hold) is an item of its table, so no stored value changes
    for code, (name, enum) in HOUSING_CODE_TABLES.items():
        dictionary = Dictionary.objects.get(code=code)
        assert dictionary.name == name
        assert set(dictionary.items.values_list("code", flat=True)) >= {str(v) for v in enum.values}, code


def test_every_code_field_of_housing_names_a_seeded_table():
    # given
    from django.apps import apps

    fields = [f for m in apps.get_app_config("housing").get_models() for f in m._meta.concrete_fields if isinstance(f, HousingCodeField)]
    # then
    assert len(fields) >= 25
    assert {f.dictionary for f in fields} == set(HOUSING_CODE_TABLES)


def test_a_renamed_item_shows_everywhere_with_its_new_name(client, demo_regions, district_officer):
    # given
    project = services.project_update(project=project_for(), data={"fund_source": FundSource.CENTRAL}, acting_user=None)
    _edited(_item("housing_fund_source", "central"), name="中央预算内投资")
    client.force_login(district_officer)
    # when
    detail = client.get(reverse("housing:project_detail", args=[project.pk])).content.decode()
    api = client.get(f"/api/v1/housing/projects/{project.pk}/").json()
    # then
    assert Project.objects.get(pk=project.pk).get_fund_source_display() == "中央预算内投资"
    assert "中央预算内投资" in detail
    assert (api["fund_source"], api["fund_source_display"]) == ("central", "中央预算内投资")


def test_an_added_code_is_accepted_an_unknown_one_refused_and_a_deactivated_one_kept(demo_regions):
    # given: the city adds 专项资金 and deactivates 银行贷款
    table = Dictionary.objects.get(code="housing_fund_source")
    DictionaryItem.objects.create(dictionary=table, code="special", name="省级专项资金", sort_order=999)
    dictionary_cache_clear("housing_fund_source")
    project = services.project_update(project=project_for(), data={"fund_source": FundSource.BANK}, acting_user=None)
    _edited(_item("housing_fund_source", "bank"), is_active=False)
    # when
    services.project_update(project=project, data={"total_investment": Decimal("1.00")}, acting_user=None)  # old code still valid
    services.project_update(project=project, data={"fund_source": "special"}, acting_user=None)
    with pytest.raises(ValidationError) as excinfo:
        services.project_update(project=project, data={"fund_source": "lottery"}, acting_user=None)
    # then
    assert excinfo.value.message_dict["fund_source"] == ["“lottery”不是代码表“housing_fund_source”中的代码。"]
    assert Project.objects.get(pk=project.pk).fund_source == "special"
    offered = dict(code_choices("housing_fund_source"))
    assert "special" in offered and "bank" not in offered


def test_forms_offer_the_active_items(client, demo_regions, district_officer):
    # given
    _edited(_item("housing_construction_mode", "extension"), is_active=False)
    client.force_login(district_officer)
    # when
    html = client.get(reverse("housing:project_create")).content.decode()
    # then
    assert 'value="new"' in html and "新建" in html
    assert 'value="extension"' not in html


def test_before_the_tables_are_loaded_the_shipped_codes_are_used(demo_regions):
    # given: a database without the housing tables
    Dictionary.objects.filter(code__in=list(HOUSING_CODE_TABLES)).delete()
    for code in HOUSING_CODE_TABLES:
        dictionary_cache_clear(code)
    # when
    project = services.project_update(project=project_for(), data={"fund_source": FundSource.LOCAL}, acting_user=None)
    # then
    assert project.get_fund_source_display() == "市县财政资金"
    assert dict(code_choices("housing_orientation"))[Orientation.SOUTH] == "南"
    with pytest.raises(ValidationError):
        services.project_update(project=project, data={"fund_source": "lottery"}, acting_user=None)


def test_the_loader_adds_what_is_missing_and_keeps_a_citys_edits():
    # given
    _edited(_item("housing_orientation", "S"), name="正南")
    DictionaryItem.objects.filter(dictionary__code="housing_decoration", code="full").delete()
    # when
    added = housing_dictionaries_ensure()
    # then
    assert added == 1
    assert _item("housing_orientation", "S").name == "正南"
    assert _item("housing_decoration", "full").name == "精装修"


def test_a_used_code_is_counted_so_core_refuses_to_delete_it(demo_regions):
    # given
    building = building_for(project_for())
    services.unit_save(building=building, acting_user=None, data={
        "entrance": "1", "room_number": "101", "floor_from": 1, "floor_to": 1, "floor_area": Decimal("60.00"),
        "inner_area": Decimal("50.00"), "shared_area": Decimal("10.00"), "initial_nature": "public_rental",
        "housing_kind": "public_rental", "orientation": Orientation.SOUTH_NORTH})
    # when / then
    assert dictionary_item_usage_count(_item("housing_orientation", "SN")) == 1
    assert Unit.objects.get().get_orientation_display() == "南北"


def test_the_import_reads_the_options_from_the_table():
    # given: the city adds an orientation
    table = Dictionary.objects.get(code="housing_orientation")
    DictionaryItem.objects.create(dictionary=table, code="ESE", name="东偏南", sort_order=999)
    dictionary_cache_clear("housing_orientation")
    # when
    options = dict(CodeTable("housing_orientation").choices)
    # then
    assert options["ESE"] == "东偏南"
    from anju.housing.imports import _choice_lookup

    assert _choice_lookup(CodeTable("housing_orientation"))["东偏南"] == "ESE"
