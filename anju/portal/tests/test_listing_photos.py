"""Estate photos on the portal: served only when published, not deleted and the estate is listed; shown on the listings."""

import io
import re
from datetime import date

import pytest
from django.urls import reverse
from PIL import Image

from anju.housing.choices import Layout, UnitState
from anju.housing.models import Handover, PhotoKind, Unit
from anju.housing.services.photos import project_photo_delete, project_photo_update, project_photo_upload
from anju.housing.tests.grid_data import make_building, make_project, make_unit
from anju.housing.tests.photo_data import image_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


def _listed_estate(number: str, name: str):
    """An estate with one handed-over vacant unit (so the portal lists it)."""
    project = make_project(number, name=name)
    unit = make_unit(make_building(project, name="1号楼"), 1, 1, state=UnitState.VACANT)
    handover = Handover.objects.create(
        project=project,
        batch_number=f"YJ{number}-01",
        handed_over_on=date(2026, 7, 1),
        handed_over_by="李建设",
        region_code=project.region_code,
        unit_count=1,
    )
    Unit.objects.filter(pk=unit.pk).update(handover=handover, layout=Layout.TWO_ONE)
    return project


@pytest.fixture
def estates(demo_regions, media):
    """城南 (listed) with a published, an unpublished and a deleted photo; 东关 with no allocatable units and a published one."""
    south = _listed_estate("XM341602-2026-001", "城南公租房小区")
    unlisted = make_project("XM341602-2026-002", name="东关在建小区")
    make_unit(make_building(unlisted, name="A栋"), 1, 1, state=UnitState.UNDELIVERED)
    published = project_photo_upload(
        project=south,
        upload=upload(image_bytes(size=(1200, 800))),
        acting_user=None,
        caption="城南小区南门外景",
        kind=PhotoKind.EXTERIOR,
        is_published=True,
    )
    hidden = project_photo_upload(
        project=south, upload=upload(), acting_user=None, caption="未公开的室内", is_published=False
    )
    deleted = project_photo_upload(
        project=south, upload=upload(), acting_user=None, caption="已删除的配套", is_published=True
    )
    project_photo_delete(photo=deleted, reason="过期", acting_user=None)
    other = project_photo_upload(
        project=unlisted, upload=upload(), acting_user=None, caption="未上架项目外景", is_published=True
    )
    return {"south": south, "published": published, "hidden": hidden, "deleted": deleted, "other": other}


def test_a_published_photo_and_its_thumbnail_are_served_with_cache_headers(client, estates):
    # given
    photo = estates["published"]
    # when
    full = client.get(reverse("portal:listing_photo", args=[photo.pk]))
    thumb = client.get(reverse("portal:listing_photo_thumbnail", args=[photo.pk]))
    # then
    assert full.status_code == 200 and full["Content-Type"] == "image/jpeg"
    assert "public" in full["Cache-Control"] and "max-age=3600" in full["Cache-Control"]
    assert full["X-Content-Type-Options"] == "nosniff" and full["ETag"]
    assert Image.open(io.BytesIO(b"".join(full.streaming_content))).size == (1200, 800)
    assert Image.open(io.BytesIO(b"".join(thumb.streaming_content))).size == (480, 320)
    again = client.get(reverse("portal:listing_photo", args=[photo.pk]), HTTP_IF_NONE_MATCH=full["ETag"])
    assert again.status_code == 304


@pytest.mark.parametrize("key", ["hidden", "deleted", "other"])
def test_unpublished_deleted_or_unlisted_photos_are_404(client, estates, key):
    # given an unpublished photo, a deleted one, and a published one of an estate the portal does not list
    photo = estates[key]
    # when / then
    assert client.get(reverse("portal:listing_photo", args=[photo.pk])).status_code == 404
    assert client.get(reverse("portal:listing_photo_thumbnail", args=[photo.pk])).status_code == 404


def test_unknown_photo_is_404_and_unpublishing_takes_effect_at_once(client, estates):
    # when / then
    assert client.get(reverse("portal:listing_photo", args=[999999])).status_code == 404
    photo = estates["published"]
    project_photo_update(photo=photo, data={"is_published": False}, acting_user=None)
    assert client.get(reverse("portal:listing_photo", args=[photo.pk])).status_code == 404


def test_an_estate_that_stops_being_listed_stops_serving_its_photos(client, estates):
    # given the last vacant unit is allocated
    Unit.objects.filter(building__project=estates["south"]).update(state=UnitState.ALLOCATED)
    # when / then
    assert client.get(reverse("portal:listing_photo", args=[estates["published"].pk])).status_code == 404


def test_the_listing_page_shows_the_published_thumbnail_only(client, estates):
    # when
    page = client.get(reverse("portal:listing", args=[estates["south"].pk])).content.decode()
    # then
    published = estates["published"]
    assert reverse("portal:listing_photo_thumbnail", args=[published.pk]) in page
    assert 'alt="城南小区南门外景"' in page and 'loading="lazy"' in page and 'width="480" height="320"' in page
    assert reverse("portal:listing_photo", args=[published.pk]) in page  # the full-size link
    assert "未公开的室内" not in page and "已删除的配套" not in page
    assert published.uid.hex not in page and "/media/" not in page  # no storage path


def test_the_listings_page_shows_a_cover_thumbnail(client, estates):
    # when
    page = client.get(reverse("portal:listings")).content.decode()
    # then
    assert 'data-testid="listing-cover"' in page
    assert reverse("portal:listing_photo_thumbnail", args=[estates["published"].pk]) in page
    assert reverse("portal:listing_photo_thumbnail", args=[estates["other"].pk]) not in page


def test_photos_add_one_query_to_the_listings_whatever_their_number(client, estates):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    # given the listings with one estate and one photo
    with CaptureQueriesContext(connection) as before:
        client.get(reverse("portal:listings"))
    # when two more listed estates with two published photos each are added
    for n in (3, 4):
        estate = _listed_estate(f"XM341602-2026-00{n}", f"第{n}小区")
        for _ in range(2):
            project_photo_upload(project=estate, upload=upload(), acting_user=None, is_published=True)
    with CaptureQueriesContext(connection) as after:
        page = client.get(reverse("portal:listings")).content.decode()
    # then
    assert page.count('data-testid="listing-cover"') == 3
    assert len(after) == len(before)


def test_an_estate_without_photos_shows_no_gallery(client, estates):
    # given
    for photo in (estates["published"],):
        project_photo_delete(photo=photo, reason="换新照片", acting_user=None)
    # when
    page = client.get(reverse("portal:listing", args=[estates["south"].pk])).content.decode()
    # then
    assert 'data-testid="listing-photos"' not in page


# ---------------------------------------------------------------- in a real Chromium on a phone (390 px)

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, headless, without the sandbox a container lacks (as test_browser_portal.py)."""
    return {
        **browser_type_launch_args, "executable_path": CHROMIUM, "headless": True,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
    }  # fmt: skip


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """A phone-sized screen."""
    return {**browser_context_args, "locale": "zh-CN", "viewport": {"width": 390, "height": 844}, "has_touch": True}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_gallery_on_a_phone_loads_fits_390px_and_names_every_image(page, live_server, estates):
    # given
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    # when
    for path in (reverse("portal:listings"), reverse("portal:listing", args=[estates["south"].pk])):
        page.goto(live_server.url + path)
        images = page.locator("main img")
        images.last.scroll_into_view_if_needed()
        page.wait_for_function(
            "() => Array.from(document.querySelectorAll('main img')).every(i => i.complete && i.naturalWidth > 0)"
        )
        # then
        widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1], f"{path} is {widths[0]}px wide on a {widths[1]}px screen"
        assert images.count() == 1
        assert images.first.get_attribute("alt") == "城南小区南门外景"
    assert page.get_by_role("link", name=re.compile(r"^城南小区南门外景\s*（查看大图）$")).count() == 1
    assert problems == []
