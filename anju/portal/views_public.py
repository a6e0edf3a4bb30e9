"""Open information (no login): policies and guides, publicity lists, housing listings and the map."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse

from anju.portal.models import ArticleKind
from anju.portal.selectors import (
    article_public_get,
    articles_public,
    public_rent_levels,
    publicity_current,
)
from anju.portal.views import portal_context


def articles_view(request: HttpRequest) -> HttpResponse:
    """政策指南: published policies and guides with their dates (filter by kind)."""
    kind = request.GET.get("kind", "")
    kind = kind if kind in ArticleKind.values else ""
    context = portal_context(
        request,
        page_title="政策与指南",
        articles=list(articles_public(kind=kind or None)),
        kind=kind,
        kinds=ArticleKind.choices,
    )
    return render(request, "portal/articles.html", context)


def article_view(request: HttpRequest, pk: int) -> HttpResponse:
    """One policy or guide (plain text, paragraphs by blank lines)."""
    article = article_public_get(pk)
    paragraphs = [p.strip() for p in article.body.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return render(
        request,
        "portal/article.html",
        portal_context(request, page_title=article.title, article=article, paragraphs=paragraphs),
    )


def publicity_view(request: HttpRequest) -> HttpResponse:
    """公示名单: the admission publicity lists in their period, names masked, no ID numbers."""
    tabs = [(key, label, reverse(name), key == "publicity") for key, label, name in OPEN_LISTS]
    context = portal_context(request, page_title="公示名单", notices=publicity_current(), tabs=tabs)
    return render(request, "portal/publicity.html", context)


def _housing_public() -> Any:
    """The housing app's public selectors, or None where it is not installed."""
    try:
        from anju.housing import selectors_public
    except ImportError:
        return None
    return selectors_public


def _region_prefix() -> str:
    """The portal serves the demo city (ANJU_DEMO_CITY, e.g. 341600 → 3416)."""
    return str(settings.ANJU_DEMO_CITY)[:4]


def listings_view(request: HttpRequest) -> HttpResponse:
    """房源信息: estates with allocatable units, layouts, areas and rent levels; filters by district, kind, layout."""
    from anju.core.models import Region
    from anju.core.models.regions import RegionLevel

    housing = _housing_public()
    filters = {name: (request.GET.get(name) or "").strip()[:12] for name in ("district", "kind", "layout")}
    estates = housing.public_estates(region_prefix=_region_prefix(), **filters) if housing else []
    choices: dict[str, Any] = {}
    if housing is not None:
        from anju.housing.choices import HousingKind, Layout

        choices = {"kinds": HousingKind.choices, "layouts": Layout.choices}
    districts = Region.objects.filter(level=RegionLevel.COUNTY, code__startswith=_region_prefix()).order_by("code")
    covers = {pid: photos[0] for pid, photos in _estate_photos([e.id for e in estates]).items()}
    context = portal_context(
        request, page_title="房源信息", estates=estates, filters=filters, districts=districts, available=housing is not None,
        rent_levels=public_rent_levels(), rows=[(e, covers.get(e.id)) for e in estates], **choices,
    )  # fmt: skip
    return render(request, "portal/listings.html", context)


def listing_view(request: HttpRequest, pk: int) -> HttpResponse:
    """One estate (only while it has allocatable units)."""
    housing = _housing_public()
    estate = housing.public_estate_get(pk=pk) if housing else None
    if estate is None:
        raise Http404("该项目暂无可配租房源。")
    photos = _estate_photos([estate.id]).get(estate.id, [])
    context = portal_context(
        request, page_title=estate.name, estate=estate, rent_levels=public_rent_levels(), photos=photos
    )
    return render(request, "portal/listing.html", context)


def _estate_photos(project_ids: list[int]) -> dict[int, list[Any]]:
    """Published photos per listed estate (housing's `selectors_photos`), {} where housing is not installed."""
    try:
        from anju.housing.selectors_photos import public_photos
    except ImportError:
        return {}
    return public_photos(project_ids=project_ids)


PHOTO_CACHE_SECONDS = 3600  # an unpublished or deleted photo disappears from shared caches within the hour


def listing_photo_view(request: HttpRequest, pk: int, thumbnail: bool = False) -> HttpResponse:
    """One estate photo (or its thumbnail): only published, not deleted, of an estate on the listings; else 404.

    The file is streamed from storage (its MEDIA path is never shown); the ETag is the photo's
    random storage id plus its size, so an unchanged photo is answered 304.
    """
    from django.http import FileResponse, HttpResponseNotModified
    from django.utils.cache import patch_cache_control

    try:
        from anju.housing.selectors_photos import public_photo_get
    except ImportError as exc:
        raise Http404("房源照片暂未接入。") from exc
    photo = public_photo_get(pk=pk)
    if photo is None:
        raise Http404("照片不存在或未公开。")
    etag = f'"{photo.uid.hex}-{"t" if thumbnail else "f"}"'
    if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
        response: HttpResponse = HttpResponseNotModified()
    else:
        field = photo.thumbnail if thumbnail else photo.image
        try:
            handle = field.storage.open(field.name, "rb")
        except (FileNotFoundError, OSError) as exc:
            raise Http404("照片文件不存在。") from exc
        response = FileResponse(handle, content_type="image/jpeg")
        response["X-Content-Type-Options"] = "nosniff"
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=PHOTO_CACHE_SECONDS)
    return response


def map_view(request: HttpRequest) -> HttpResponse:
    """地图找房: an offline Leaflet map (local assets; tiles only if the city serves them)."""
    context = portal_context(
        request, page_title="地图找房", points_url=reverse("portal:map_data"),
        boundaries_url=reverse("portal:map_boundaries") if settings.ANJU_PUBLIC_MAP_BOUNDARIES else "",
        tile_url=settings.ANJU_MAP_TILE_URL,
        tile_attribution=settings.ANJU_MAP_TILE_ATTRIBUTION, centre=settings.ANJU_MAP_CENTRE,
    )  # fmt: skip
    return render(request, "portal/map.html", context)


def map_data_view(request: HttpRequest) -> JsonResponse:
    """The map's points: estates with coordinates and allocatable units (public fields only)."""
    housing = _housing_public()
    points = housing.public_map_points(region_prefix=_region_prefix()) if housing else []
    for point in points:
        point["url"] = reverse("portal:listing", args=[point["id"]])
    return JsonResponse({"points": points}, json_dumps_params={"ensure_ascii": False})


def map_boundaries_view(request: HttpRequest) -> HttpResponse:
    """The city's district outlines (from `manage.py load_boundaries`), or an empty collection.

    Served only when ANJU_PUBLIC_MAP_BOUNDARIES is on: the bundled outlines have no 审图号 and must
    not be published (decision 14); otherwise 404.
    """
    from anju.housing.boundaries import boundary_geojson

    if not settings.ANJU_PUBLIC_MAP_BOUNDARIES:
        raise Http404("公众地图未启用行政区划边界。")

    body = boundary_geojson(str(settings.ANJU_DEMO_CITY)[:4] + "00")
    if body is None:
        return JsonResponse({"type": "FeatureCollection", "features": [], "loaded": False})
    response = HttpResponse(body, content_type="application/geo+json; charset=utf-8")
    response["Cache-Control"] = "public, max-age=3600"
    return response


def validate_field_view(request: HttpRequest) -> JsonResponse:
    """Inline check of one typed value (format only, nothing looked up): {"message": "" or the Chinese error}."""
    from decimal import Decimal, InvalidOperation

    from django.core.exceptions import ValidationError

    from anju.core.validators import normalize_resident_id, validate_mobile, validate_resident_id

    field = request.GET.get("field", "")
    value = (request.GET.get("value") or "").strip()[:40]
    message = ""
    try:
        if field == "id_number":
            validate_resident_id(normalize_resident_id(value))
        elif field == "mobile":
            validate_mobile(value)
        elif field == "amount":
            try:
                if Decimal(value) < 0:
                    message = "不能为负数。"
            except InvalidOperation:
                message = "请填写数字。"
    except ValidationError as exc:
        message = exc.messages[0]
    return JsonResponse({"message": message}, json_dumps_params={"ensure_ascii": False})


# --- open lists next to the publicity lists: 轮候名单, 摇号结果, 失信名单 --------------------------------

OPEN_LIST_PAGE_SIZE = 20
OPEN_LISTS = (
    ("publicity", "准入公示", "portal:publicity"),
    ("waitlists", "轮候名单", "portal:waitlists"),
    ("lotteries", "摇号结果", "portal:lotteries"),
    ("credit", "失信名单", "portal:credit_list"),
)


def _open_list_context(request: HttpRequest, *, current: str, page_title: str, rows: Any, **extra: Any) -> dict:
    """Tabs of the open lists and one page of `rows` (?page=, out-of-range → last page)."""
    from django.core.paginator import Paginator

    page = Paginator(rows, OPEN_LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    tabs = [(key, label, reverse(name), key == current) for key, label, name in OPEN_LISTS]
    return portal_context(request, page_title=page_title, tabs=tabs, page_obj=page, **extra)


def waitlists_view(request: HttpRequest) -> HttpResponse:
    """轮候名单: the rounds whose order is published, each with its 排序时间."""
    from anju.portal.selectors_open import waitlist_rounds

    context = _open_list_context(request, current="waitlists", page_title="轮候名单", rows=waitlist_rounds())
    return render(request, "portal/open/waitlists.html", context)


def waitlist_view(request: HttpRequest, number: str) -> HttpResponse:
    """One round's waitlist: group, position, masked name and points, paginated."""
    from anju.portal.selectors_open import waitlist_round_get, waitlist_rows

    round_ = waitlist_round_get(number)
    context = _open_list_context(
        request, current="waitlists", page_title=f"轮候名单 · {round_.name}", rows=waitlist_rows(round_), round=round_
    )
    return render(request, "portal/open/waitlist.html", context)


def lotteries_view(request: HttpRequest) -> HttpResponse:
    """摇号结果: every published lottery with its dates and the link to its public verification page."""
    from anju.portal.selectors_open import lottery_lines

    context = _open_list_context(request, current="lotteries", page_title="摇号结果", rows=lottery_lines())
    return render(request, "portal/open/lotteries.html", context)


def credit_list_view(request: HttpRequest) -> HttpResponse:
    """失信名单: 严重失信 records in force, people masked (surname, ID first 6 and last 4)."""
    from django.utils import timezone

    from anju.portal.selectors_open import credit_entries

    today = timezone.localdate()
    context = _open_list_context(
        request, current="credit", page_title="失信名单", rows=credit_entries(day=today), today=today
    )
    return render(request, "portal/open/credit.html", context)
