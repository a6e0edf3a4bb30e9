"""Demo photos: drawn at demo time with Pillow, stored through the upload service, published, idempotent."""

import pytest
from PIL import Image

from anju.housing.demo import DISTRICTS, _demo_photos
from anju.housing.models import PhotoKind, ProjectPhoto
from anju.housing.tests.factories import project_for

pytestmark = pytest.mark.django_db


def test_each_demo_estate_gets_a_published_exterior_and_layout_once(settings, tmp_path, demo_regions):
    # given two demo projects and one that is not a demo project
    import random

    settings.MEDIA_ROOT = str(tmp_path)
    first = project_for(name=DISTRICTS[0].projects[0])
    second = project_for("341621000000", name=DISTRICTS[1].projects[0])
    other = project_for(name="不是演示项目")
    # when
    added = _demo_photos(random.Random(1))
    again = _demo_photos(random.Random(1))
    # then
    assert (added, again) == (4, 0)
    assert not other.photos.exists()
    for project in (first, second):
        photos = list(project.photos.order_by("sort_order"))
        assert [p.kind for p in photos] == [PhotoKind.EXTERIOR, PhotoKind.LAYOUT]
        assert all(p.is_published and not p.is_deleted and p.caption for p in photos)
        assert Image.open(photos[0].image).size == (960, 640)
    assert ProjectPhoto.objects.count() == 4
