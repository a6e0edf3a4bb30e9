"""Code tables: the seed, the cached choices, the field, item edits, pages and API."""

import pytest
from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from anju.core.data.dictionaries import DICTIONARIES
from anju.core.models import Dictionary, DictionaryCodeField, DictionaryItem, Region
from anju.core.selectors import dictionary_choices, dictionary_label, dictionary_names
from anju.core.services.dictionaries import (
    dictionary_item_create,
    dictionary_item_deactivate,
    dictionary_item_delete,
    dictionary_item_update,
    dictionary_load_seed,
)

pytestmark = pytest.mark.django_db


def test_seed_has_the_national_codes(seeded_dictionaries):
    # then GB/T 2261.1, GB/T 3304, GB/T 4761, GB/T 2261.2 codes are there, exactly
    assert dictionary_choices("sex") == [("0", "未知的性别"), ("1", "男"), ("2", "女"), ("9", "未说明的性别")]
    ethnicity = dict(dictionary_choices("ethnicity"))
    assert len(ethnicity) == 58
    assert (ethnicity["01"], ethnicity["56"], ethnicity["97"], ethnicity["98"]) == ("汉族", "基诺族", "其他未识别民族", "外国血统中国籍人士")
    relation = dictionary_names("family_relation")
    assert (relation["01"], relation["02"], relation["10"], relation["11"], relation["12"]) == ("本人", "户主", "配偶", "夫", "妻")
    assert (relation["20"], relation["30"], relation["99"]) == ("子", "女", "非亲属")
    assert DictionaryItem.objects.get(dictionary__code="family_relation", code="12").parent_code == "10"
    assert DictionaryItem.objects.get(dictionary__code="family_relation", code="93").parent_code == "80"
    assert [c for c, _ in dictionary_choices("marital_status")] == ["10", "20", "21", "22", "23", "30", "40", "90"]
    assert dictionary_names("political_status")["13"] == "群众"
    # and the housing-security enumerations of Appendix A
    for code in ("security_mode", "income_class", "special_group", "house_nature", "property_right_nature", "housing_type",
                 "unit_layout", "building_structure", "asset_type", "application_status", "verification_result", "logic_relation"):
        assert dictionary_choices(code), code
    assert seeded_dictionaries.dictionaries_created == len(DICTIONARIES)


def test_seed_is_idempotent_and_keeps_admin_deactivation(seeded_dictionaries, system_admin):
    item = DictionaryItem.objects.get(dictionary__code="sex", code="0")
    dictionary_item_deactivate(item=item, acting_user=system_admin)
    # when the seed runs again / then nothing is created and the deactivated item stays inactive
    again = dictionary_load_seed()
    assert (again.dictionaries_created, again.items_created, again.items_updated) == (0, 0, 0)
    assert not DictionaryItem.objects.get(dictionary__code="sex", code="0").is_active
    # a renamed shipped item is put back to the standard's name
    DictionaryItem.objects.filter(dictionary__code="sex", code="1").update(name="男性")
    assert dictionary_load_seed().items_updated == 1
    assert DictionaryItem.objects.get(dictionary__code="sex", code="1").name == "男"


def test_choices_are_cached_and_refreshed_by_services(seeded_dictionaries, system_admin, django_assert_num_queries):
    dictionary_choices("sex")
    with django_assert_num_queries(0):
        dictionary_choices("sex")
        dictionary_label("sex", "2")
    # when an item is deactivated / then the choices drop it at once
    dictionary_item_deactivate(item=DictionaryItem.objects.get(dictionary__code="sex", code="9"), acting_user=system_admin)
    assert "9" not in dict(dictionary_choices("sex"))
    assert dictionary_label("sex", "9") == "未说明的性别"  # old records still read


def test_dictionary_field_validates_and_builds_a_select(seeded_dictionaries):
    field = DictionaryCodeField("性别", dictionary="sex", blank=True)
    field.clean("1", None)
    field.clean("", None)
    with pytest.raises(ValidationError, match="不是代码表"):
        field.clean("5", None)
    form_field = field.formfield()
    assert ("2", "女") in list(form_field.choices)

    class PersonForm(forms.Form):
        sex = field.formfield()

    assert not PersonForm({"sex": "7"}).is_valid()
    assert PersonForm({"sex": "2"}).is_valid()
    _name, _path, _args, kwargs = field.deconstruct()
    assert kwargs["dictionary"] == "sex"


def test_item_create_update_and_errors(seeded_dictionaries, system_admin, community_clerk):
    income = Dictionary.objects.get(code="income_class")
    item = dictionary_item_create(dictionary=income, code="05", name="中等偏上收入家庭", acting_user=system_admin)
    assert item.sort_order > 0
    with pytest.raises(ValidationError) as info:
        dictionary_item_create(dictionary=income, code="05", name="重复", acting_user=system_admin)
    assert "已存在" in info.value.message_dict["code"][0]
    with pytest.raises(ValidationError) as info:
        dictionary_item_update(item=item, name="", parent_code="77", acting_user=system_admin)
    assert "请填写名称" in info.value.message_dict["name"][0]
    assert "不在本代码表中" in info.value.message_dict["parent_code"][0]
    with pytest.raises(PermissionDenied):
        dictionary_item_create(dictionary=income, code="06", name="x", acting_user=community_clerk)


def test_delete_refuses_an_item_in_use(seeded_dictionaries, system_admin, demo_regions, monkeypatch):
    # given an item whose code a record holds (Region.name stands in for a DictionaryCodeField)
    import anju.core.selectors as selectors

    monkeypatch.setattr(selectors, "dictionary_fields", lambda code: [(Region, "name")] if code == "income_class" else [])
    income = Dictionary.objects.get(code="income_class")
    used = dictionary_item_create(dictionary=income, code="used", name="谯城区", acting_user=system_admin)
    DictionaryItem.objects.filter(pk=used.pk).update(code="谯城区")
    used.refresh_from_db()
    # when deleted / then refused with the count, and the item stays
    with pytest.raises(ValidationError, match="已被 1 条记录使用"):
        dictionary_item_delete(item=used, acting_user=system_admin)
    assert DictionaryItem.objects.filter(pk=used.pk).exists()
    # an unused item can be deleted
    unused = dictionary_item_create(dictionary=income, code="x1", name="临时", acting_user=system_admin)
    dictionary_item_delete(item=unused, acting_user=system_admin)
    assert not DictionaryItem.objects.filter(pk=unused.pk).exists()


def test_pages_staff_read_admin_edits(login, community_clerk, system_admin, seeded_dictionaries):
    client = login(community_clerk)
    html = client.get(reverse("core:dictionary_list"), {"q": "民族"}).content.decode()
    assert "GB/T 3304-1991" in html
    html = client.get(reverse("core:dictionary_detail", args=["ethnicity"])).content.decode()
    assert "基诺族" in html and reverse("core:dictionary_item_create", args=["ethnicity"]) not in html
    assert client.get(reverse("core:dictionary_item_create", args=["ethnicity"])).status_code == 403
    assert client.post(reverse("core:dictionary_item_deactivate", args=["sex", "0"])).status_code == 403

    client = login(system_admin)
    response = client.post(reverse("core:dictionary_item_create", args=["unit_layout"]), {"code": "", "name": "五居室"})
    assert response.status_code == 200
    assert "该字段是必填项" in response.content.decode() and 'value="五居室"' in response.content.decode()
    response = client.post(reverse("core:dictionary_item_create", args=["unit_layout"]), {"code": "60", "name": "五居室"})
    assert response.status_code == 302
    response = client.post(
        reverse("core:dictionary_item_update", args=["unit_layout", "60"]), {"name": "五居室及以上", "parent_code": "", "sort_order": "65"}
    )
    assert response.status_code == 302
    item = DictionaryItem.objects.get(dictionary__code="unit_layout", code="60")
    assert (item.name, item.sort_order, item.is_active) == ("五居室及以上", 65, False)
    client.post(reverse("core:dictionary_item_delete", args=["unit_layout", "60"]))
    assert not DictionaryItem.objects.filter(dictionary__code="unit_layout", code="60").exists()


def test_dictionary_export_header(login, community_clerk, seeded_dictionaries):
    import io

    from openpyxl import load_workbook

    response = login(community_clerk).get(reverse("core:dictionary_list"), {"export": "xlsx"})
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0] == ("名称", "标识", "依据标准", "条目数", "系统内置")
    # every code table in the database (core's seeds and those other apps' migrations load), one row each
    assert len(rows) == Dictionary.objects.count() + 1
    assert Dictionary.objects.count() >= len(DICTIONARIES)


def test_api(login, community_clerk, seeded_dictionaries):
    client = login(community_clerk)
    body = client.get("/api/v1/dictionaries/", {"q": "sex"}).json()
    assert [d["code"] for d in body["results"]] == ["sex"]
    assert body["results"][0]["item_count"] == 4
    items = client.get("/api/v1/dictionaries/marital_status/items/").json()
    assert items[0] == {"code": "10", "name": "未婚", "parent_code": "", "sort_order": 10, "is_active": True}
    assert client.get("/api/v1/dictionaries/nope/items/").status_code == 404
