"""Staff pages of the e-archive."""

from urllib.parse import quote

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from anju.archive.models import ArchiveFile
from anju.archive.services import archive_file_delete
from anju.archive.tests.factories import PDF_BYTES, PNG_BYTES, pdf_upload, stored_files, upload
from anju.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_list_shows_own_district_only_and_filters(client, district_officer, other_district_clerk, qiaocheng_org, guoyang_org):
    # given
    mine = upload(qiaocheng_org, district_officer, title="谯城收入证明")
    upload(qiaocheng_org, district_officer, title="谯城申请表", file_type="07")
    theirs = upload(guoyang_org, other_district_clerk, title="涡阳收入证明")
    client.force_login(district_officer)

    # when
    page = client.get(reverse("archive:file_list")).content.decode()
    filtered = client.get(reverse("archive:file_list"), {"file_type": "03"}).content.decode()

    # then
    assert mine.number in page and theirs.number not in page
    assert "谯城收入证明" in filtered and "谯城申请表" not in filtered


def test_list_export_is_xlsx(client, district_officer, qiaocheng_org):
    upload(qiaocheng_org, district_officer)
    client.force_login(district_officer)
    response = client.get(reverse("archive:file_list"), {"export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_list_forbidden_for_applicant(client, applicant):
    client.force_login(applicant)
    assert client.get(reverse("archive:file_list")).status_code == 403


def test_detail_shows_digest_and_is_404_for_another_district(client, district_officer, other_district_clerk, qiaocheng_org, guoyang_org):
    # given
    mine = upload(qiaocheng_org, district_officer)
    theirs = upload(guoyang_org, other_district_clerk)
    client.force_login(district_officer)

    # then
    page = client.get(mine.get_absolute_url())
    assert page.status_code == 200
    assert mine.sm3 in page.content.decode()
    assert "校验完整性" in page.content.decode()
    assert client.get(theirs.get_absolute_url()).status_code == 404


def test_download_streams_file_with_utf8_name_and_is_audited(client, district_officer, qiaocheng_org):
    # given
    file = upload(qiaocheng_org, district_officer, uploaded_file=pdf_upload(name="李四 住房证明.pdf"))
    client.force_login(district_officer)

    # when
    response = client.get(reverse("archive:file_download", args=[file.pk]))

    # then
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert f"filename*=utf-8''{quote('李四 住房证明.pdf')}" in response["Content-Disposition"]
    assert AuditEvent.objects.filter(action="FILE_DOWNLOADED", object_id=str(file.pk), user=district_officer).count() == 1


def test_download_of_another_districts_file_is_404_and_not_audited(client, district_officer, other_district_clerk, guoyang_org):
    # given
    theirs = upload(guoyang_org, other_district_clerk)
    client.force_login(district_officer)

    # when
    response = client.get(reverse("archive:file_download", args=[theirs.pk]))

    # then
    assert response.status_code == 404
    assert not AuditEvent.objects.filter(action="FILE_DOWNLOADED").exists()


def test_upload_page_stores_file_and_returns_to_next(client, district_officer, qiaocheng_org):
    # given
    client.force_login(district_officer)
    ref = f"accounts.organisation:{qiaocheng_org.pk}"
    url = reverse("archive:file_upload") + f"?owner={ref}"
    assert client.get(url).status_code == 200

    # when
    response = client.post(
        url,
        {"owner": ref, "file": pdf_upload(), "file_type": "03", "stage": "application", "title": "", "note": "", "next": "/archive/", "catalogue-volume_number": "2"},
    )

    # then
    assert response.status_code == 302 and response["Location"] == "/archive/"
    file = ArchiveFile.objects.get()
    assert file.owner == qiaocheng_org and file.volume_number == 2


def test_upload_page_keeps_typed_fields_on_error_and_stores_nothing(client, district_officer, qiaocheng_org, media_root):
    # given
    client.force_login(district_officer)
    ref = f"accounts.organisation:{qiaocheng_org.pk}"

    # when a PNG named .pdf is sent
    response = client.post(
        reverse("archive:file_upload"),
        {"owner": ref, "file": pdf_upload(content=PNG_BYTES), "file_type": "03", "stage": "review", "title": "王五收入证明", "note": "单位开具"},
    )

    # then the page shows the Chinese error and keeps what was typed
    page = response.content.decode()
    assert response.status_code == 200
    assert "文件内容与扩展名“.pdf”不符" in page
    assert 'value="王五收入证明"' in page
    assert "单位开具" in page
    assert '<option value="review" selected>' in page
    assert stored_files(media_root) == [] and not ArchiveFile.objects.exists()


def test_upload_page_for_another_districts_record_is_404(client, district_officer, guoyang_org):
    client.force_login(district_officer)
    response = client.get(reverse("archive:file_upload"), {"owner": f"accounts.organisation:{guoyang_org.pk}"})
    assert response.status_code == 404


def test_verify_button_reports_tampering(client, district_officer, qiaocheng_org, media_root):
    # given a file altered on disk
    file = upload(qiaocheng_org, district_officer)
    (media_root / file.file.name).write_bytes(PDF_BYTES + b"x")
    client.force_login(district_officer)

    # when
    response = client.post(reverse("archive:file_verify", args=[file.pk]), follow=True)

    # then
    assert "校验失败" in response.content.decode()


def test_delete_and_restore_pages(client, district_officer, qiaocheng_org):
    # given
    file = upload(qiaocheng_org, district_officer)
    client.force_login(district_officer)

    # when deleting without a reason, nothing happens
    client.post(reverse("archive:file_delete", args=[file.pk]), {"reason": ""})
    file.refresh_from_db()
    assert not file.is_deleted

    # when deleting with a reason, then restoring
    client.post(reverse("archive:file_delete", args=[file.pk]), {"reason": "上传错误"})
    file.refresh_from_db()
    assert file.is_deleted
    listed = client.get(reverse("archive:file_list"), {"status": "deleted"}).content.decode()
    assert file.number in listed
    client.post(reverse("archive:file_restore", args=[file.pk]))
    file.refresh_from_db()
    assert not file.is_deleted


def test_archive_panel_lists_files_with_links(district_officer, other_district_clerk, qiaocheng_org):
    # given
    file = upload(qiaocheng_org, district_officer)
    deleted = upload(qiaocheng_org, district_officer, title="已删除的")
    archive_file_delete(file=deleted, reason="误传", acting_user=district_officer)
    template = Template("{% load archive_tags %}{% archive_panel obj %}")
    request = RequestFactory().get("/orgs/1/")

    # when
    request.user = district_officer
    html = template.render(Context({"obj": qiaocheng_org, "request": request}))
    request.user = other_district_clerk
    hidden = template.render(Context({"obj": qiaocheng_org, "request": request}))

    # then
    assert file.number in html and deleted.number not in html
    assert reverse("archive:file_download", args=[file.pk]) in html
    assert "owner=accounts.organisation%3A" in html and "next=%2Forgs%2F1%2F" in html
    assert hidden.strip() == ""
