"""项目照片 staff pages and API: upload with Chinese refusals, permissions, scoping, list/edit/delete/restore, schema."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from anju.housing.models import ProjectPhoto
from anju.housing.services.photos import MAX_UPLOAD_BYTES, project_photo_upload
from anju.housing.tests.factories import project_for
from anju.housing.tests.photo_data import image_bytes, stored_files, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


@pytest.fixture
def project(demo_regions):
    return project_for(name="希望家园")


@pytest.fixture
def partner_clerk(demo_regions):
    """A clerk of a partner department (民政、公安 …): a staff user without housing rights."""
    from anju.accounts.roles import Role
    from conftest import make_user

    return make_user("partner_city", Role.PARTNER, "341600000000")


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def _form(**extra):
    return {"caption": "南门外景", "kind": "exterior", "sort_order": "0", **extra}


# ---------------------------------------------------------------- staff pages


def test_project_page_links_to_its_photos(client, project, operator):
    # given a reader (运营单位, city-wide)
    client.force_login(operator)
    # when
    page = client.get(reverse("housing:project_detail", args=[project.pk])).content.decode()
    # then
    assert reverse("housing:project_photos", args=[project.pk]) in page and "项目照片" in page


def test_officer_uploads_a_photo_from_the_page(client, media, project, district_officer):
    # given
    client.force_login(district_officer)
    # when
    response = client.post(
        reverse("housing:project_photo_upload", args=[project.pk]),
        _form(image=upload(image_bytes(gps=True)), is_published="on"),
    )
    # then
    assert response.status_code == 302
    photo = ProjectPhoto.objects.get()
    assert (photo.caption, photo.is_published, photo.uploaded_by) == ("南门外景", True, district_officer)
    page = client.get(reverse("housing:project_photos", args=[project.pk])).content.decode()
    assert reverse("housing:photo_thumbnail", args=[photo.pk]) in page and 'alt="南门外景"' in page
    assert "/media/" not in page and photo.image.name not in page
    image = client.get(reverse("housing:photo_thumbnail", args=[photo.pk]))
    assert image.status_code == 200 and image["Content-Type"] == "image/jpeg" and "private" in image["Cache-Control"]


def test_a_text_file_named_jpg_is_refused_on_the_form_and_keeps_the_input(client, media, project, district_officer):
    # given
    client.force_login(district_officer)
    fake = upload(b"just text, not a photo " * 40, name="photo.jpg")
    # when
    response = client.post(
        reverse("housing:project_photo_upload", args=[project.pk]), _form(image=fake, caption="保留的说明")
    )
    # then
    page = response.content.decode()
    assert response.status_code == 200 and "文件内容不是可识别的图片" in page and "保留的说明" in page
    assert not ProjectPhoto.objects.exists() and stored_files(media) == []


def test_a_file_over_8_mb_is_refused_on_the_form(client, media, project, district_officer):
    # given
    client.force_login(district_officer)
    big = upload(image_bytes() + b"\0" * (MAX_UPLOAD_BYTES + 1))
    # when
    response = client.post(reverse("housing:project_photo_upload", args=[project.pk]), _form(image=big))
    # then
    assert "照片不能超过 8 MB" in response.content.decode()
    assert not ProjectPhoto.objects.exists() and stored_files(media) == []


def test_roles_without_housing_rights_are_refused(client, media, project, operator, partner_clerk):
    # given an operator (reads housing, may not change it) and a partner-department clerk (no housing rights at all)
    client.force_login(operator)
    # when / then
    assert client.get(reverse("housing:project_photos", args=[project.pk])).status_code == 200
    assert client.get(reverse("housing:project_photo_upload", args=[project.pk])).status_code == 403
    assert (
        client.post(reverse("housing:project_photo_upload", args=[project.pk]), _form(image=upload())).status_code
        == 403
    )
    client.force_login(partner_clerk)
    assert client.get(reverse("housing:project_photos", args=[project.pk])).status_code == 403
    assert (
        client.post(reverse("housing:project_photo_upload", args=[project.pk]), _form(image=upload())).status_code
        == 403
    )
    assert not ProjectPhoto.objects.exists() and stored_files(media) == []


def test_another_district_gets_404(client, media, project, district_officer, other_district_clerk):
    # given
    photo = project_photo_upload(project=project, upload=upload(), acting_user=district_officer)
    client.force_login(other_district_clerk)
    # when / then
    assert client.get(reverse("housing:project_photos", args=[project.pk])).status_code == 404
    assert client.get(reverse("housing:photo_image", args=[photo.pk])).status_code == 404
    assert client.get(reverse("housing:photo_edit", args=[photo.pk])).status_code == 404
    assert client.post(reverse("housing:photo_delete", args=[photo.pk]), {"reason": "x"}).status_code == 404


def test_edit_publish_delete_with_reason_and_restore(client, media, project, district_officer):
    # given
    photo = project_photo_upload(project=project, upload=upload(), acting_user=district_officer, caption="旧说明")
    client.force_login(district_officer)
    photos_url = reverse("housing:project_photos", args=[project.pk])
    # when: edit and publish
    response = client.post(
        reverse("housing:photo_edit", args=[photo.pk]),
        {"caption": "小区全景", "kind": "amenity", "sort_order": "5", "is_published": "on"},
    )
    assert response.status_code == 302
    photo.refresh_from_db()
    assert (photo.caption, photo.kind, photo.sort_order, photo.is_published) == ("小区全景", "amenity", 5, True)
    # when: delete without a reason, then with one
    assert "删除原因" in client.post(reverse("housing:photo_delete", args=[photo.pk]), {"reason": ""}).content.decode()
    assert client.post(reverse("housing:photo_delete", args=[photo.pk]), {"reason": "照片过期"}).status_code == 302
    photo.refresh_from_db()
    assert photo.is_deleted and photo.delete_reason == "照片过期"
    assert 'data-testid="photo-row"' not in client.get(photos_url).content.decode()
    assert "原因：照片过期" in client.get(photos_url + "?deleted=1").content.decode()
    # when: restore
    assert client.post(reverse("housing:photo_restore", args=[photo.pk])).status_code == 302
    photo.refresh_from_db()
    assert not photo.is_deleted and photo.is_published


# ---------------------------------------------------------------- API


def test_api_create_and_list(media, project, district_officer):
    # given
    api = _api(district_officer)
    url = reverse("housing-project-photos", args=[project.pk])
    # when
    created = api.post(
        url,
        {"image": upload(image_bytes(gps=True)), "caption": "外景", "kind": "exterior", "is_published": "true"},
        format="multipart",
    )
    # then
    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["caption"], body["kind_display"], body["is_published"], body["width"]) == ("外景", "外景", True, 800)
    assert body["thumbnail_url"] == reverse("housing:photo_thumbnail", args=[body["id"]])
    photo = ProjectPhoto.objects.get()
    assert photo.uid.hex not in created.content.decode() and ".jpg" not in created.content.decode()  # no storage path
    listed = api.get(url).json()
    assert [p["id"] for p in listed] == [body["id"]]


def test_api_refuses_non_images_with_a_chinese_400(media, project, district_officer):
    # when
    response = _api(district_officer).post(
        reverse("housing-project-photos", args=[project.pk]),
        {"image": upload(b"plain text " * 100, name="x.jpg")},
        format="multipart",
    )
    # then
    assert response.status_code == 400 and "文件内容不是可识别的图片" in response.content.decode()
    assert stored_files(media) == []


def test_api_update_delete_restore_and_permissions(
    media, project, district_officer, operator, other_district_clerk, partner_clerk
):
    # given
    photo = project_photo_upload(project=project, upload=upload(), acting_user=district_officer)
    api = _api(district_officer)
    detail = reverse("housing-photos-detail", args=[photo.pk])
    # when / then
    assert api.patch(detail, {"is_published": True, "sort_order": 2}, format="json").json()["is_published"] is True
    assert api.delete(detail).status_code == 400  # reason required
    deleted = api.delete(detail + "?reason=重复")
    assert deleted.status_code == 200 and deleted.json()["is_deleted"] is True
    assert api.get(reverse("housing-project-photos", args=[project.pk])).json() == []
    assert [p["id"] for p in api.get(reverse("housing-project-photos", args=[project.pk]) + "?deleted=1").json()] == [
        photo.pk
    ]
    assert api.post(reverse("housing-photos-restore", args=[photo.pk])).json()["is_deleted"] is False
    # a reader may list but not write; another district gets 404; a role without housing rights 403
    assert _api(operator).get(detail).status_code == 200
    assert _api(operator).patch(detail, {"caption": "x"}, format="json").status_code == 403
    assert (
        _api(operator)
        .post(reverse("housing-project-photos", args=[project.pk]), {"image": upload()}, format="multipart")
        .status_code
        == 403
    )
    assert _api(other_district_clerk).get(detail).status_code == 404
    assert _api(partner_clerk).get(reverse("housing-project-photos", args=[project.pk])).status_code == 403
    assert ProjectPhoto.objects.count() == 1


def test_photo_endpoints_are_in_the_openapi_schema(client):
    # when
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").content.decode()
    # then
    for operation in (
        "housing_project_photos_list",
        "housing_project_photos_create",
        "housing_photos_update",
        "housing_photos_destroy",
        "housing_photos_restore",
    ):
        assert operation in schema


def test_the_photo_page_does_not_query_per_photo(client, media, project, district_officer):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    # given
    client.force_login(district_officer)
    url = reverse("housing:project_photos", args=[project.pk]) + "?deleted=1"
    first = project_photo_upload(project=project, upload=upload(), acting_user=district_officer)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    # when three more photos, one of them deleted by someone, are on the page
    for _ in range(3):
        project_photo_upload(project=project, upload=upload(), acting_user=district_officer)
    from anju.housing.services.photos import project_photo_delete

    project_photo_delete(photo=first, reason="重复", acting_user=district_officer)
    with CaptureQueriesContext(connection) as four:
        page = client.get(url).content.decode()
    # then
    assert page.count('data-testid="photo-row"') == 4
    assert len(four) == len(one)
