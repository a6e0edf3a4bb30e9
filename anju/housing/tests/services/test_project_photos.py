"""项目照片 services: content-checked upload, EXIF stripped, thumbnail, random names, nothing stored on refusal, audit."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from PIL import Image

from anju.housing.models import PhotoKind, ProjectPhoto
from anju.housing.services.photos import (
    MAX_UPLOAD_BYTES,
    project_photo_delete,
    project_photo_restore,
    project_photo_update,
    project_photo_upload,
)
from anju.housing.tests.factories import project_for
from anju.housing.tests.photo_data import CAMERA, image_bytes, stored_files, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    """A private MEDIA_ROOT for each test, so "nothing stored" can be checked."""
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


@pytest.fixture
def project(demo_regions):
    return project_for(name="希望家园")


def _refusal(exc: pytest.ExceptionInfo) -> str:
    return " ".join(exc.value.message_dict["image"])


def test_a_jpeg_is_stored_reencoded_without_exif_under_a_random_name(media, project, district_officer):
    # given a photo with the camera make and a GPS position in its EXIF
    raw = image_bytes(gps=True)
    assert b"Exif" in raw and CAMERA.encode() in raw
    assert Image.open(io.BytesIO(raw)).getexif().get_ifd(0x8825)  # the GPS block is really there
    # when
    photo = project_photo_upload(
        project=project,
        upload=upload(raw, name="我家 门牌号.jpg"),
        acting_user=district_officer,
        caption="南门外景",
        kind=PhotoKind.EXTERIOR,
        is_published=True,
    )
    # then
    stored = photo.image.read()
    assert b"Exif" not in stored and CAMERA.encode() not in stored
    reopened = Image.open(io.BytesIO(stored))
    assert reopened.format == "JPEG" and not reopened.getexif() and "exif" not in reopened.info
    assert (reopened.width, reopened.height) == (photo.width, photo.height) == (800, 600)
    thumb = Image.open(photo.thumbnail)
    assert thumb.format == "JPEG" and thumb.width <= 480 and thumb.height <= 360
    assert photo.image.name.endswith(f"{photo.uid.hex}.jpg") and "门牌" not in photo.image.name
    assert photo.thumbnail.name.endswith(f"{photo.uid.hex}-t.jpg")
    assert (photo.region_code, photo.uploaded_by, photo.is_published) == (project.region_code, district_officer, True)
    assert len(stored_files(media)) == 2


def test_png_with_transparency_and_webp_are_accepted_as_jpeg(media, project, district_officer):
    # when
    png = project_photo_upload(
        project=project, upload=upload(image_bytes("PNG", mode="RGBA"), name="a.png"), acting_user=district_officer
    )
    webp = project_photo_upload(
        project=project, upload=upload(image_bytes("WEBP"), name="b.webp"), acting_user=district_officer
    )
    # then
    assert Image.open(png.image).format == "JPEG" and Image.open(webp.image).format == "JPEG"


def test_a_phone_camera_mpo_jpeg_is_accepted(media, project, district_officer):
    # given a JPEG with a second (preview) picture, as many phones write them; Pillow calls it MPO
    picture = Image.new("RGB", (640, 480), (10, 120, 200))
    buffer = io.BytesIO()
    picture.save(buffer, "MPO", save_all=True, append_images=[picture.copy()])
    assert Image.open(io.BytesIO(buffer.getvalue())).format == "MPO"
    # when
    photo = project_photo_upload(project=project, upload=upload(buffer.getvalue()), acting_user=district_officer)
    # then
    assert Image.open(photo.image).format == "JPEG" and (photo.width, photo.height) == (640, 480)


def test_a_large_photo_is_scaled_down_to_2048(media, project, district_officer):
    # when
    photo = project_photo_upload(
        project=project, upload=upload(image_bytes(size=(4000, 3000))), acting_user=district_officer
    )
    # then
    assert (photo.width, photo.height) == (2048, 1536)


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"this is a text file pretending to be a photo\n" * 50, "photo.jpg", "文件内容不是可识别的图片"),
        (image_bytes("GIF"), "photo.jpg", "只接受 JPEG、PNG 或 WebP"),
        (image_bytes(size=(120, 90)), "small.jpg", "照片太小"),
        (image_bytes()[:400], "cut.jpg", "照片文件已损坏"),
        (b"", "empty.jpg", "照片文件是空的"),
    ],
)
def test_bad_content_is_refused_in_chinese_and_nothing_is_stored(media, project, district_officer, data, name, message):
    # when
    with pytest.raises(ValidationError) as exc:
        project_photo_upload(project=project, upload=upload(data, name=name), acting_user=district_officer)
    # then
    assert message in _refusal(exc)
    assert not ProjectPhoto.objects.exists() and stored_files(media) == []


def test_a_file_over_8_mb_is_refused_and_nothing_is_stored(media, project, district_officer):
    # given a real JPEG padded past the limit (the size check comes before decoding)
    data = image_bytes() + b"\0" * (MAX_UPLOAD_BYTES + 1)
    # when
    with pytest.raises(ValidationError) as exc:
        project_photo_upload(project=project, upload=upload(data), acting_user=district_officer)
    # then
    assert "照片不能超过 8 MB" in _refusal(exc)
    assert not ProjectPhoto.objects.exists() and stored_files(media) == []


def test_too_many_pixels_is_refused(media, project, district_officer):
    # when
    with pytest.raises(ValidationError) as exc:
        project_photo_upload(
            project=project, upload=upload(image_bytes(size=(10001, 300))), acting_user=district_officer
        )
    # then
    assert "照片尺寸过大" in _refusal(exc)


def test_only_editors_inside_the_jurisdiction_upload(media, project, community_clerk, other_district_clerk):
    # when / then
    with pytest.raises(PermissionDenied, match="只有区县保障科或市保障处"):
        project_photo_upload(project=project, upload=upload(), acting_user=community_clerk)
    with pytest.raises(PermissionDenied, match="管辖范围"):
        project_photo_upload(project=project, upload=upload(), acting_user=other_district_clerk)
    assert not ProjectPhoto.objects.exists() and stored_files(media) == []


def test_update_delete_restore_are_audited(media, project, district_officer):
    from anju.audit.models import AuditEvent

    # given
    photo = project_photo_upload(project=project, upload=upload(), acting_user=district_officer)
    # when
    photo = project_photo_update(
        photo=photo, data={"caption": " 户型图 ", "is_published": True, "sort_order": 3}, acting_user=district_officer
    )
    with pytest.raises(ValidationError, match="删除原因"):
        project_photo_delete(photo=photo, reason="  ", acting_user=district_officer)
    photo = project_photo_delete(photo=photo, reason="照片有误", acting_user=district_officer)
    with pytest.raises(ValidationError, match="请先恢复"):
        project_photo_update(photo=photo, data={"caption": "x"}, acting_user=district_officer)
    photo = project_photo_restore(photo=photo, acting_user=district_officer)
    # then
    assert (photo.caption, photo.is_published, photo.sort_order, photo.is_deleted) == ("户型图", True, 3, False)
    events = [
        e.detail.get("event")
        for e in AuditEvent.objects.filter(object_type="housing.projectphoto", object_id=str(photo.pk)).order_by("id")
    ]
    assert events == [
        "HOUSING_PHOTO_UPLOADED",
        "HOUSING_PHOTO_UPDATED",
        "HOUSING_PHOTO_DELETED",
        "HOUSING_PHOTO_RESTORED",
    ]
    with pytest.raises(ValidationError, match="不能修改"):
        project_photo_update(photo=photo, data={"image": "x"}, acting_user=district_officer)
