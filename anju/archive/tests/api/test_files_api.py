"""API of the e-archive: /api/v1/archive/files/."""

from urllib.parse import quote

import pytest
from rest_framework.test import APIClient

from anju.archive.models import ArchiveFile
from anju.archive.tests.factories import PDF_BYTES, pdf_upload, stored_files, upload

pytestmark = pytest.mark.django_db
LIST_URL = "/api/v1/archive/files/"


@pytest.fixture
def api(district_officer):
    """An API client logged in as the 谯城区 officer."""
    client = APIClient()
    client.force_authenticate(district_officer)
    return client


def test_list_is_scoped_filtered_and_paginated(api, district_officer, other_district_clerk, qiaocheng_org, guoyang_org, django_assert_max_num_queries):
    # given
    mine = upload(qiaocheng_org, district_officer)
    upload(qiaocheng_org, district_officer, stage="review")
    upload(guoyang_org, other_district_clerk)

    # when
    with django_assert_max_num_queries(8):
        body = api.get(LIST_URL, {"stage": "application"}).json()

    # then
    assert body["count"] == 1 and body["page_size"] == 20
    row = body["results"][0]
    assert row["number"] == mine.number
    assert row["owner"] == f"accounts.organisation:{qiaocheng_org.pk}"
    assert row["stage_label"] == "申请" and row["file_type_label"] == "收入证明"
    assert row["sm3"] == mine.sm3


def test_list_by_owner(api, district_officer, qiaocheng_org, guoyang_org):
    upload(qiaocheng_org, district_officer)
    assert api.get(LIST_URL, {"owner": f"accounts.organisation:{qiaocheng_org.pk}"}).json()["count"] == 1
    hidden = api.get(LIST_URL, {"owner": f"accounts.organisation:{guoyang_org.pk}"})
    assert hidden.status_code == 404 and hidden.json()["code"] == "not_found"


def test_upload_multipart_creates_file(api, qiaocheng_org):
    # when
    response = api.post(
        LIST_URL,
        {"owner": f"accounts.organisation:{qiaocheng_org.pk}", "file": pdf_upload(), "file_type": "01", "stage": "review", "volume_number": 4},
        format="multipart",
    )

    # then
    assert response.status_code == 201, response.json()
    body = response.json()
    file = ArchiveFile.objects.get(pk=body["id"])
    assert body["mime_type"] == "application/pdf" and file.volume_number == 4
    assert body["download_url"] == f"/api/v1/archive/files/{file.pk}/download/"


def test_upload_bad_file_gives_the_error_shape_in_chinese(api, qiaocheng_org, media_root):
    # when
    response = api.post(
        LIST_URL,
        {"owner": f"accounts.organisation:{qiaocheng_org.pk}", "file": pdf_upload(name="a.exe"), "file_type": "01", "stage": "review"},
        format="multipart",
    )

    # then
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert body["errors"]["file"][0]["code"] == "archive_file_type_not_allowed"
    assert "不支持的文件类型" in body["errors"]["file"][0]["message"]
    assert body["request_id"]
    assert stored_files(media_root) == []


def test_upload_missing_fields(api):
    body = api.post(LIST_URL, {}, format="multipart").json()
    assert body["code"] == "invalid"
    assert {"owner", "file", "file_type", "stage"} <= set(body["errors"])


def test_upload_to_hidden_owner_is_404(api, guoyang_org, media_root):
    response = api.post(
        LIST_URL,
        {"owner": f"accounts.organisation:{guoyang_org.pk}", "file": pdf_upload(), "file_type": "01", "stage": "review"},
        format="multipart",
    )
    assert response.status_code == 404
    assert response.json()["message"] == "记录不存在或不在您的管辖范围内。"
    assert stored_files(media_root) == []


def test_detail_download_and_verify(api, district_officer, qiaocheng_org):
    # given
    file = upload(qiaocheng_org, district_officer, uploaded_file=pdf_upload(name="合同.pdf"))

    # when / then
    assert api.get(f"{LIST_URL}{file.pk}/").json()["number"] == file.number
    download = api.get(f"{LIST_URL}{file.pk}/download/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF_BYTES
    assert quote("合同.pdf") in download["Content-Disposition"]
    assert api.post(f"{LIST_URL}{file.pk}/verify/").json()["ok"] is True


def test_detail_and_download_of_another_district_are_404(api, other_district_clerk, guoyang_org):
    theirs = upload(guoyang_org, other_district_clerk)
    for url in (f"{LIST_URL}{theirs.pk}/", f"{LIST_URL}{theirs.pk}/download/"):
        response = api.get(url)
        assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_anonymous_is_401(qiaocheng_org):
    response = APIClient().get(LIST_URL)
    assert response.status_code == 401
    assert response.json()["message"] == "请先登录。"
