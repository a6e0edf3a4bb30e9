"""Demo data of the 建设项目 subsystem: projects, buildings and units in the four districts/counties of 亳州市.

Everything goes through the services (progress logs, handover, state transitions), so the demo
shows the same history a real project would. Idempotent: a district's demo projects are made
only when no project of that name exists there.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from stdnum.cn import uscc

from anju.housing import services
from anju.housing.choices import (
    BuildingCategory,
    BuildingStructure,
    CertificateType,
    CompensationMode,
    ConstructionMode,
    Decoration,
    FundSource,
    HousingKind,
    LandAcquisitionMode,
    LandDevelopmentLevel,
    Layout,
    Orientation,
    ParticipantCategory,
    ProgressKind,
    UnitState,
)
from anju.housing.models import Project, Unit
from anju.housing.services.units import ALLOCATION, MANAGEMENT, TENANCY, units_state_transition


@dataclass(frozen=True)
class District:
    """A district/county of 亳州市 with its seat's coordinates."""

    code: str
    name: str
    lat: float
    lng: float
    projects: tuple[str, ...]


DISTRICTS = (
    District("341602000000", "谯城区", 33.87, 115.78, ("谯城区希望家园公租房", "谯城区汤王棚户区改造安置小区")),
    District("341621000000", "涡阳县", 33.49, 116.21, ("涡阳县城北公租房", "涡阳县老子大道安置小区")),
    District("341622000000", "蒙城县", 33.26, 116.56, ("蒙城县庄周公租房", "蒙城县涡北安置小区")),
    District("341623000000", "利辛县", 33.14, 116.21, ("利辛县城东公租房", "利辛县西潘楼安置小区")),
)
LAYOUTS = ((Layout.ONE_ONE, Decimal("45.60")), (Layout.TWO_ONE, Decimal("59.80")), (Layout.TWO_TWO, Decimal("72.40")))


def _credit_code(rng: random.Random, county: str) -> str:
    """A valid 18-character unified social credit code of a company registered in the county."""
    body = f"91{county}" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(9))
    return body + uscc.calc_check_digit(body)


def _coordinates(rng: random.Random, district: District) -> tuple[Decimal, Decimal]:
    lat = Decimal(str(round(district.lat + rng.uniform(-0.03, 0.03), 6)))
    lng = Decimal(str(round(district.lng + rng.uniform(-0.03, 0.03), 6)))
    return lat, lng


@transaction.atomic
def demo_housing_create(*, seed: int = 2026) -> dict[str, int]:
    """Fill each district with 1–2 projects, 2–4 buildings each and units in believable states."""
    rng = random.Random(seed)  # noqa: S311 - demo data, not security
    counts = {"projects": 0, "buildings": 0, "units": 0}
    for district in DISTRICTS:
        county = district.code[:6]
        how_many = rng.randint(1, 2)
        developer = None
        for index, name in enumerate(district.projects[:how_many]):
            if Project.objects.filter(region_code=district.code, proposed_name=name).exists():
                continue
            if developer is None:
                developer = services.participant_save(
                    region_code=district.code, acting_user=None,
                    data={"name": f"{district.name}城市建设投资有限公司", "category": ParticipantCategory.DEVELOPER,
                          "id_number": _credit_code(rng, county), "legal_representative": "张建国",
                          "qualification_name": "房地产开发企业资质", "qualification_grade": "二级",
                          "qualification_start": date(2022, 1, 1), "qualification_end": date(2027, 12, 31)},
                ) if not _existing_developer(district) else _existing_developer(district)
            counts["projects"] += 1
            counts["buildings"], counts["units"] = _project(rng, district, name, index, developer, counts)
        _land_reserve(rng, district)
    # photos draw from their own stream, so the data above stays what it was for a seed
    counts["photos"] = _demo_photos(random.Random(seed + 1))  # noqa: S311 - demo data, not security
    return counts


def _existing_developer(district: District):
    from anju.housing.models import Participant

    return Participant.objects.filter(region_code=district.code, category=ParticipantCategory.DEVELOPER).first()


def _project(rng: random.Random, district: District, name: str, index: int, developer, counts: dict[str, int]) -> tuple[int, int]:
    resettlement = "安置" in name
    kind = HousingKind.RESETTLEMENT if resettlement else HousingKind.PUBLIC_RENTAL
    lat, lng = _coordinates(rng, district)
    project = services.project_create(
        region_code=district.code, acting_user=None,
        data={
            "proposed_name": name, "approved_name": name, "category": kind, "construction_mode": ConstructionMode.NEW,
            "year": 2025, "developer_name": developer.name, "address": f"{district.name}{name[3:7]}路{rng.randint(1, 300)}号",
            "latitude": lat, "longitude": lng, "land_area": Decimal(rng.randint(20000, 60000)),
            "planned_start": date(2024, 3, 1), "planned_completion": date(2025, 10, 31),
            "total_investment": Decimal(rng.randint(8000, 30000)), "fund_source": FundSource.CENTRAL,
            "land_acquisition_mode": LandAcquisitionMode.ALLOCATION, "land_supply_total": Decimal(rng.randint(20000, 60000)),
            "demolition_households_total": rng.randint(80, 300) if resettlement else 0,
            "compensation_mode": CompensationMode.PROPERTY_SWAP if resettlement else "",
        },
    )
    services.participation_add(project=project, participant=developer, role=ParticipantCategory.DEVELOPER, acting_user=None)
    services.certificate_save(project=project, acting_user=None, data={
        "number": f"建字第{district.code[:6]}2024{index + 1:04d}号", "name": CertificateType.CONSTRUCTION,
        "issued_on": date(2024, 2, 20), "issuer": f"{district.name}住房和城乡建设局", "builder": developer.name,
        "construction_project_name": name,
    })
    buildings, units = counts["buildings"], counts["units"]
    for number in range(1, rng.randint(2, 4) + 1):
        floors = rng.choice((6, 11, 18))
        per_floor = 4
        layout, area = rng.choice(LAYOUTS)
        building = services.building_save(project=project, acting_user=None, data={
            "name": f"{number}号楼", "category": BuildingCategory.RESIDENTIAL, "building_label": str(number),
            "structure": BuildingStructure.CONCRETE, "floors_total": floors, "floors_above": floors, "floors_below": 0,
            "units_per_floor": per_floor, "floor_area": (area * floors * per_floor * Decimal("1.08")).quantize(Decimal("0.01")),
            "residential_units": floors * per_floor, "residential_area": area * floors * per_floor,
            "latitude": lat + Decimal(str(round(rng.uniform(-0.002, 0.002), 6))),
            "longitude": lng + Decimal(str(round(rng.uniform(-0.002, 0.002), 6))),
        })
        buildings += 1
        rows = []
        for floor in range(1, floors + 1):
            for position in range(1, per_floor + 1):
                entrance = "1" if position <= per_floor // 2 else "2"
                room = f"{floor}{position:02d}"
                inner = (area * Decimal("0.82")).quantize(Decimal("0.01"))
                rows.append(Unit(
                    building=building, region_code=project.region_code, number=f"{building.number}-{entrance}-{room}",
                    initial_nature=kind, housing_kind=kind, floor_from=floor, floor_to=floor, nominal_floor=str(floor),
                    entrance=entrance, room_number=room, floor_area=area, inner_area=inner, shared_area=area - inner,
                    balcony_area=Decimal("4.20"), orientation=rng.choice((Orientation.SOUTH, Orientation.SOUTH_NORTH)),
                    room_count=1 if layout == Layout.ONE_ONE else 2, layout=layout, decoration=Decoration.SIMPLE,
                    storey_height=Decimal("2.90"), import_batch="demo",
                ))
        Unit.objects.bulk_create(rows)
        units += len(rows)
        started = date(2024, 3, 1) + timedelta(days=rng.randint(0, 60))
        services.progress_log_create(project=project, acting_user=None,
                                     data={"building": building, "kind": ProgressKind.START, "recorded_on": started})
        if number == 4 and rng.random() < 0.5:
            continue  # the last building of a large project is still under construction
        services.progress_log_create(project=project, acting_user=None, data={
            "building": building, "kind": ProgressKind.COMPLETION, "recorded_on": started + timedelta(days=rng.randint(420, 540)),
        })
    planned = project.buildings.all()
    services.project_update(project=project, acting_user=None, data={
        "planned_floor_area": sum((b.floor_area for b in planned), Decimal(0)),
        "planned_residential_area": sum((b.residential_area for b in planned), Decimal(0)),
        "planned_residential_units": sum(b.residential_units for b in planned), "planned_housing_kind": kind,
    })
    services.progress_log_create(project=project, acting_user=None, data={
        "kind": ProgressKind.INVESTMENT, "recorded_on": date(2025, 6, 30), "fund_source": FundSource.CENTRAL,
        "appropriation": (project.total_investment * Decimal("0.6")).quantize(Decimal("0.01")),
        "investment_completed": (project.total_investment * Decimal("0.8")).quantize(Decimal("0.01")),
    })
    if resettlement:
        services.progress_log_create(project=project, acting_user=None, data={
            "kind": ProgressKind.DEMOLITION, "recorded_on": date(2024, 1, 15), "agreements_signed": project.demolition_households_total,
            "demolition_households": project.demolition_households_total, "demolition_floor_area": Decimal(rng.randint(8000, 20000)),
            "compensation_mode": CompensationMode.PROPERTY_SWAP, "resettlement_households": project.demolition_households_total,
        })
    _handover_and_allocate(rng, project)
    return buildings, units


def _handover_and_allocate(rng: random.Random, project: Project) -> None:
    """Hand completed buildings over, then allocate, move in, vacate and repair some units (through the services)."""
    completed = Unit.objects.filter(building__project=project, building__status="completed", handover__isnull=True)
    if not completed.exists():
        return
    services.handover_create(project=project, units=completed, handed_over_on=date(2025, 11, 20), handed_over_by="李建设",
                             acting_user=None)
    units = list(Unit.objects.filter(building__project=project, state=UnitState.DELIVERED).order_by("pk"))
    rng.shuffle(units)
    occupied_count = int(len(units) * 0.55)
    allocated = units[: occupied_count + int(len(units) * 0.1)]
    if allocated:
        units_state_transition(units=allocated, to_state=UnitState.ALLOCATED, reason="演示：配租", acting_user=None, source=ALLOCATION)
    occupied = allocated[:occupied_count]
    if occupied:
        units_state_transition(units=occupied, to_state=UnitState.OCCUPIED, reason="演示：入住", acting_user=None, source=TENANCY)
    vacated = occupied[: max(1, len(occupied) // 12)]
    units_state_transition(units=vacated, to_state=UnitState.VACANT, reason="演示：腾退", acting_user=None, source=TENANCY)
    repair = vacated[: max(1, len(vacated) // 3)]
    units_state_transition(units=repair, to_state=UnitState.MAINTENANCE, reason="演示：维修", acting_user=None, source=MANAGEMENT)


def _land_reserve(rng: random.Random, district: District) -> None:
    from anju.housing.models import LandReserve

    plot = f"TD{district.code[:6]}2026001"
    if LandReserve.objects.filter(plot_number=plot).exists():
        return
    area = Decimal(rng.randint(15000, 40000))
    services.land_reserve_save(region_code=district.code, acting_user=None, data={
        "plot_number": plot, "parcel_name": f"{district.name}保障性住房储备地块", "location": f"{district.name}城区",
        "land_area": area, "construction_land_area": (area * Decimal("0.85")).quantize(Decimal("0.01")),
        "planned_floor_area": (area * Decimal("2.2")).quantize(Decimal("0.01")),
        "planned_use": HousingKind.AFFORDABLE_RENTAL, "development_level": LandDevelopmentLevel.FIVE,
        "reserved_on": date(2026, 3, 1), "plan_year": 2026, "plan_reference": "亳住保〔2026〕1号",
    })


# ---------------------------------------------------------------- 项目照片 (drawn at demo time, no image files in git)

PHOTO_SIZE = (960, 640)


def _draw_exterior(rng: random.Random) -> bytes:
    """A simple drawing of residential blocks under a sky (PNG bytes)."""
    import io

    from PIL import Image, ImageDraw

    width, height = PHOTO_SIZE
    image = Image.new("RGB", PHOTO_SIZE)
    draw = ImageDraw.Draw(image)
    for y in range(height):  # sky gradient, then grass
        shade = int(160 + 80 * y / height)
        draw.line([(0, y), (width, y)], fill=(110, shade, 235) if y < height * 0.72 else (92, 150, 70))
    x = 40
    while x < width - 120:
        block_w, floors = rng.randint(120, 190), rng.randint(6, 18)
        top = int(height * 0.72) - floors * 24
        wall = rng.choice([(226, 214, 196), (236, 228, 214), (205, 190, 170)])
        draw.rectangle([x, top, x + block_w, int(height * 0.72)], fill=wall)
        for floor in range(floors):
            for col in range(4):
                wx = x + 14 + col * (block_w - 28) // 4
                wy = top + 8 + floor * 24
                draw.rectangle([wx, wy, wx + 16, wy + 12], fill=(150, 190, 215))
        x += block_w + rng.randint(30, 60)
    for tree in range(8):  # a row of trees in front
        cx, cy = 60 + tree * 115 + rng.randint(-10, 10), int(height * 0.8)
        draw.rectangle([cx - 4, cy, cx + 4, cy + 40], fill=(110, 80, 50))
        draw.ellipse([cx - 28, cy - 50, cx + 28, cy + 6], fill=(46, 120, 60))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _draw_layout(rng: random.Random) -> bytes:
    """A simple floor plan of a two-room unit (PNG bytes)."""
    import io

    from PIL import Image, ImageDraw

    width, height = PHOTO_SIZE
    image = Image.new("RGB", PHOTO_SIZE, (250, 248, 242))
    draw = ImageDraw.Draw(image)
    left, top, right, bottom = 80, 60, width - 80, height - 60
    split_x = rng.randint(400, 520)
    split_y = rng.randint(280, 340)
    rooms = [
        ([left, top, split_x, split_y], (232, 222, 200)),  # 卧室
        ([split_x, top, right, split_y], (220, 232, 214)),  # 卧室
        ([left, split_y, right - 220, bottom], (240, 236, 226)),  # 客厅
        ([right - 220, split_y, right, split_y + 140], (210, 226, 236)),  # 卫生间
        ([right - 220, split_y + 140, right, bottom], (236, 220, 210)),  # 厨房
    ]
    for box, colour in rooms:
        draw.rectangle(box, fill=colour, outline=(60, 60, 60), width=6)
    for door_x in (left + 120, split_x + 120):  # door gaps
        draw.line([(door_x, split_y), (door_x + 70, split_y)], fill=(250, 248, 242), width=8)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _demo_photos(rng: random.Random) -> int:
    """Two published photos (外景, 户型) for each demo project that has none yet; returns how many were added."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from anju.housing.models import PhotoKind
    from anju.housing.services.photos import project_photo_upload

    added = 0
    names = [name for district in DISTRICTS for name in district.projects]
    for project in Project.objects.filter(proposed_name__in=names).order_by("region_code", "number"):
        if project.photos.exists():
            continue
        for order, (kind, caption, draw) in enumerate((
            (PhotoKind.EXTERIOR, f"{project.name}小区外景（示意图）", _draw_exterior),
            (PhotoKind.LAYOUT, "两室一厅户型平面（示意图）", _draw_layout),
        )):  # fmt: skip
            upload = SimpleUploadedFile(f"demo-{order}.png", draw(rng), content_type="image/png")
            project_photo_upload(project=project, upload=upload, acting_user=None, caption=caption, kind=kind,
                                 sort_order=order * 10, is_published=True)
            added += 1
    return added
