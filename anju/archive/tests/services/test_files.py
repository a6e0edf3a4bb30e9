"""Services of the e-archive: upload, delete, restore, verify, download."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from anju.archive.models import ArchiveFile
from anju.archive.services import (
    archive_file_delete,
    archive_file_download,
    archive_file_restore,
    archive_file_upload,
    archive_file_verify,
)
from anju.archive.tests.factories import PDF_BYTES, PNG_BYTES, docx_bytes, pdf_upload, stored_files, upload
from anju.audit.models import AuditEvent
from anju.core.crypto import get_provider

pytestmark = pytest.mark.django_db


def test_upload_stores_file_under_random_name_with_sm3_digest(district_officer, qiaocheng_org, media_root):
    # given a PDF the client calls text/plain
    uploaded = pdf_upload(name="../../张三 收入证明.pdf", content_type="text/plain")

    # when
    file = archive_file_upload(owner=qiaocheng_org, uploaded_file=uploaded, file_type="03", stage="application", acting_user=district_officer, note="2025 年度")

    # then the digest is SM3 of the bytes, the type is sniffed, and the disk name is not the user's
    assert file.sm3 == get_provider().sm3_hex(PDF_BYTES)
    assert file.mime_type == "application/pdf"
    assert file.size == len(PDF_BYTES)
    assert file.original_name == "张三 收入证明.pdf"
    assert re.fullmatch(r"archive/\d{4}/\d{2}/[0-9a-f]{32}", file.file.name)
    assert [p.name for p in stored_files(media_root)] == [file.uid.hex]
    assert (media_root / file.file.name).read_bytes() == PDF_BYTES
    assert file.region_code == "341602000000"
    assert file.owner == qiaocheng_org
    assert file.title == "张三 收入证明"
    assert file.uploaded_by == district_officer


def test_upload_is_audited(district_officer, qiaocheng_org):
    # when
    file = upload(qiaocheng_org, district_officer)

    # then exactly one FILE_UPLOADED event names the file
    events = AuditEvent.objects.filter(action="FILE_UPLOADED")
    assert events.count() == 1
    event = events.get()
    assert event.user == district_officer
    assert event.object_id == str(file.pk)
    assert event.detail["number"] == file.number


def test_numbers_are_sequential_per_county_and_year(district_officer, qiaocheng_org):
    # when
    first = upload(qiaocheng_org, district_officer)
    second = upload(qiaocheng_org, district_officer)

    # then
    assert re.fullmatch(r"DA341602\d{4}000001", first.number)
    assert second.number == first.number[:-6] + "000002"


@pytest.mark.parametrize(
    ("name", "content", "code", "fragment"),
    [
        ("病毒.exe", b"MZ\x90\x00", "archive_file_type_not_allowed", "不支持的文件类型“.exe”"),
        ("无扩展名", PDF_BYTES, "archive_file_type_not_allowed", "无扩展名"),
        ("伪装.pdf", PNG_BYTES, "archive_file_content_mismatch", "文件内容与扩展名“.pdf”不符"),
        ("伪装.png", b"MZ\x90\x00\x00\x00", "archive_file_content_mismatch", "应为PNG 图片"),
        ("伪装.docx", b"PK\x03\x04not really a zip", "archive_file_content_mismatch", "Word 文档"),
        ("空.pdf", b"", "archive_file_empty", "文件为空"),
    ],
)
def test_upload_refuses_bad_files_and_stores_nothing(district_officer, qiaocheng_org, media_root, name, content, code, fragment):
    # given
    uploaded = SimpleUploadedFile(name, content, content_type="application/pdf")

    # when
    with pytest.raises(ValidationError) as info:
        archive_file_upload(owner=qiaocheng_org, uploaded_file=uploaded, file_type="03", stage="application", acting_user=district_officer)

    # then a Chinese message with the code, and nothing stored or recorded
    error = info.value.error_dict["file"][0]
    assert error.code == code
    assert fragment in error.messages[0]
    assert stored_files(media_root) == []
    assert ArchiveFile.objects.count() == 0
    assert not AuditEvent.objects.filter(action="FILE_UPLOADED").exists()


def test_upload_refuses_oversize_file(settings, district_officer, qiaocheng_org, media_root):
    # given a 1 KB limit
    settings.ARCHIVE_MAX_UPLOAD_BYTES = 1024
    uploaded = pdf_upload(content=PDF_BYTES + b"0" * 2048)

    # when
    with pytest.raises(ValidationError) as info:
        archive_file_upload(owner=qiaocheng_org, uploaded_file=uploaded, file_type="03", stage="application", acting_user=district_officer)

    # then
    error = info.value.error_dict["file"][0]
    assert error.code == "archive_file_too_large"
    assert "超过上限 1.0 KB" in error.messages[0]
    assert stored_files(media_root) == []


def test_upload_accepts_office_and_text_files(district_officer, qiaocheng_org):
    # when
    docx = upload(qiaocheng_org, district_officer, uploaded_file=SimpleUploadedFile("申请表.docx", docx_bytes()))
    text = upload(qiaocheng_org, district_officer, uploaded_file=SimpleUploadedFile("说明.txt", "入户调查说明".encode("gb18030")))

    # then
    assert docx.mime_type.endswith("wordprocessingml.document")
    assert text.mime_type == "text/plain"


def test_upload_refuses_unknown_file_type_and_stage(district_officer, qiaocheng_org):
    # when
    with pytest.raises(ValidationError) as info:
        upload(qiaocheng_org, district_officer, file_type="nope", stage="nope")

    # then
    assert set(info.value.message_dict) == {"file_type", "stage"}
    assert info.value.message_dict["file_type"] == ["请选择有效的档案类型。"]


def test_upload_uses_the_code_table_when_seeded(district_officer, qiaocheng_org):
    # given a seeded code table without the built-in code 99
    from anju.core.models import Dictionary

    dictionary = Dictionary.objects.create(code="archive_file_type", name="档案类型")
    dictionary.items.create(code="A1", name="身份证明")

    # when / then the table decides
    assert upload(qiaocheng_org, district_officer, file_type="A1").file_type_label == "身份证明"
    with pytest.raises(ValidationError):
        upload(qiaocheng_org, district_officer, file_type="99")


def test_upload_to_another_districts_record_is_refused(district_officer, guoyang_org, media_root):
    # when / then
    with pytest.raises(PermissionDenied):
        upload(guoyang_org, district_officer)
    assert stored_files(media_root) == []


def test_upload_to_region_owner_with_string_key(city_officer, demo_regions):
    # when a file is attached to a Region (12-digit string primary key)
    file = upload(demo_regions["341621000000"], city_officer)

    # then
    assert file.object_id == "341621000000"
    assert file.region_code == "341621000000"
    assert file.owner == demo_regions["341621000000"]


def test_upload_keeps_a57_catalogue(district_officer, qiaocheng_org):
    # when
    file = upload(qiaocheng_org, district_officer, stage="construction", catalogue={"certificate_number": "建字第 001 号", "volume_number": 3, "piece_name": "规划许可"})

    # then
    file.refresh_from_db()
    assert (file.certificate_number, file.volume_number, file.piece_name) == ("建字第 001 号", 3, "规划许可")


def test_delete_marks_and_keeps_the_file_then_restore(district_officer, street_reviewer, qiaocheng_org, media_root):
    # given
    file = upload(qiaocheng_org, district_officer)

    # when
    archive_file_delete(file=file, reason="重复上传", acting_user=district_officer)

    # then the row and bytes stay; it is hidden by default
    file.refresh_from_db()
    assert file.is_deleted and file.deleted_by == district_officer and file.delete_reason == "重复上传"
    assert (media_root / file.file.name).exists()
    assert not ArchiveFile.objects.active().filter(pk=file.pk).exists()
    assert AuditEvent.objects.filter(action="RECORD_DELETED", object_id=str(file.pk)).count() == 1

    # and a street reviewer cannot restore it, a district officer can
    with pytest.raises(PermissionDenied):
        archive_file_restore(file=file, acting_user=street_reviewer)
    archive_file_restore(file=file, acting_user=district_officer)
    file.refresh_from_db()
    assert not file.is_deleted and file.deleted_by is None and file.delete_reason == ""


def test_delete_needs_a_reason_and_the_right_person(district_officer, street_reviewer, qiaocheng_org):
    # given a file uploaded by the district officer
    file = upload(qiaocheng_org, district_officer)

    # when / then
    with pytest.raises(ValidationError) as info:
        archive_file_delete(file=file, reason="  ", acting_user=district_officer)
    assert info.value.message_dict == {"reason": ["请填写删除原因。"]}
    with pytest.raises(PermissionDenied):
        archive_file_delete(file=file, reason="误传", acting_user=street_reviewer)


def test_restore_of_a_file_that_is_not_deleted_is_refused(district_officer, qiaocheng_org):
    file = upload(qiaocheng_org, district_officer)
    with pytest.raises(ValidationError, match="未被删除"):
        archive_file_restore(file=file, acting_user=district_officer)


def test_verify_passes_then_detects_tampering_and_loss(district_officer, qiaocheng_org, media_root):
    # given
    file = upload(qiaocheng_org, district_officer)
    path = media_root / file.file.name

    # when intact
    assert archive_file_verify(file=file).ok

    # when one byte on disk changes
    data = bytearray(path.read_bytes())
    data[-2] ^= 0x01
    path.write_bytes(bytes(data))
    result = archive_file_verify(file=file, acting_user=district_officer)

    # then
    assert not result.ok
    assert "篡改" in result.message
    assert result.actual == get_provider().sm3_hex(bytes(data))
    file.refresh_from_db()
    assert file.verified_ok is False
    assert AuditEvent.objects.filter(action="RECORD_UPDATED", object_id=str(file.pk), result="failure").count() == 1

    # when the file is gone
    path.unlink()
    missing = archive_file_verify(file=file)
    assert not missing.ok and "找不到" in missing.message


def test_download_is_audited_and_refused_when_deleted(district_officer, qiaocheng_org):
    # given
    file = upload(qiaocheng_org, district_officer)

    # when
    with archive_file_download(file=file, acting_user=district_officer) as handle:
        assert handle.read() == PDF_BYTES

    # then
    assert AuditEvent.objects.filter(action="FILE_DOWNLOADED", object_id=str(file.pk)).count() == 1
    archive_file_delete(file=file, reason="误传", acting_user=district_officer)
    file.refresh_from_db()
    with pytest.raises(ValidationError, match="已删除"):
        archive_file_download(file=file, acting_user=district_officer)
