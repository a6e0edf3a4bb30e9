"""Document platform: PDF rendering with CJK fonts and page counter, sandboxed editable templates, admin pages."""

import re
import subprocess
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils.safestring import mark_safe

from anju.core.documents import body_render, document_render, register_document, render_pdf
from anju.core.models import DocumentTemplate
from anju.core.services.documents import document_template_restore_default, document_template_save

pytestmark = pytest.mark.django_db

SPEC = register_document(
    code="test_notice",
    name="测试通知书",
    title="测试通知书",
    default_body="<p>{{ applicant_name }}同志：您的申请编号为 {{ number }}。</p>",
    sample_context={"applicant_name": "张*", "number": "SQ341602202600001"},
)


def _pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout  # noqa: S603, S607 - fixed poppler command on a temp file
    return "".join(text.split())  # CJK lines break anywhere; compare without whitespace


def _pdf_fonts(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout  # noqa: S603, S607 - fixed poppler command on a temp file


def test_render_pdf_has_chinese_text_embedded_cjk_font_and_page_counter(tmp_path):
    # given a notice long enough for two pages
    body = "".join(f"<p>第{i}段：住房保障申请家庭准予登记。</p>" for i in range(60))
    # when
    safe_body = mark_safe(body)  # noqa: S308 - literal test markup
    pdf = render_pdf(template_name="documents/notice.html", context={"title": "准予登记通知书", "body": safe_body})
    # then
    assert pdf.startswith(b"%PDF")
    text = _pdf_text(pdf, tmp_path)
    assert "准予登记通知书" in text and "住房保障申请家庭准予登记" in text
    pages = int(re.search(r"第1页/共(\d+)页", text).group(1))
    assert pages >= 2 and f"第{pages}页/共{pages}页" in text
    assert "<p>" not in text
    fonts = _pdf_fonts(pdf, tmp_path)
    cjk_lines = [line for line in fonts.splitlines() if "CJK" in line]
    assert cjk_lines and all(" yes " in line for line in cjk_lines)


def test_document_render_uses_default_then_edited_version(tmp_path, system_admin):
    # when rendered with the shipped default
    title, pdf = document_render(code="test_notice", context={"applicant_name": "李*", "number": "SQ1"})
    assert title == "测试通知书" and "李*同志" in _pdf_text(pdf, tmp_path)
    # when the administrator saves an edited body
    document_template_save(
        code="test_notice",
        title="改后的通知书",
        body="<p>尊敬的{{ applicant_name }}：已受理。</p>",
        change_reason="措辞调整",
        acting_user=system_admin,
    )
    title, pdf = document_render(code="test_notice", context={"applicant_name": "李*", "number": "SQ1"})
    # then the new version applies
    assert title == "改后的通知书"
    assert "尊敬的李*：已受理" in _pdf_text(pdf, tmp_path)


def test_save_creates_versions_and_keeps_history(system_admin):
    # given two saves
    first = document_template_save(
        code="test_notice", title="甲", body="<p>一</p>", change_reason="一", acting_user=system_admin
    )
    second = document_template_save(
        code="test_notice", title="乙", body="<p>二</p>", change_reason="二", acting_user=system_admin
    )
    # then
    first.refresh_from_db()
    assert (first.version, first.is_active, second.version, second.is_active) == (1, False, 2, True)
    # when restored to the default / then no version is active, history stays
    document_template_restore_default(code="test_notice", acting_user=system_admin)
    assert DocumentTemplate.objects.filter(code="test_notice").count() == 2
    assert not DocumentTemplate.objects.filter(code="test_notice", is_active=True).exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ("{% load static %}<p>x</p>", "body"),
        ('{% include "base.html" %}', "body"),
        ("{% debug %}", "body"),
        ("{% url 'core:workbench' %}", "body"),
        ("{% if %}", "body"),
        ("", "body"),
    ],
)
def test_save_refuses_unsafe_or_broken_bodies_and_changes_nothing(system_admin, body, field):
    # when / then
    with pytest.raises(ValidationError) as exc:
        document_template_save(code="test_notice", title="甲", body=body, change_reason="x", acting_user=system_admin)
    assert field in exc.value.message_dict
    assert not DocumentTemplate.objects.exists()


def test_save_needs_reason_title_and_system_admin(system_admin, city_officer):
    with pytest.raises(ValidationError) as exc:
        document_template_save(
            code="test_notice", title="", body="<p>x</p>", change_reason="", acting_user=system_admin
        )
    assert set(exc.value.message_dict) == {"title", "change_reason"}
    with pytest.raises(PermissionDenied):
        document_template_save(
            code="test_notice", title="甲", body="<p>x</p>", change_reason="x", acting_user=city_officer
        )
    with pytest.raises(LookupError):
        document_template_save(code="no_such", title="甲", body="<p>x</p>", change_reason="x", acting_user=system_admin)
    assert not DocumentTemplate.objects.exists()


def test_body_render_autoescapes_values_and_sees_only_the_context():
    # when a value carries markup and the body names something not given
    html = body_render("<p>{{ name }}{{ settings.SECRET_KEY }}{{ request.user }}</p>", {"name": "<b>王</b>"})
    # then
    assert html == "<p>&lt;b&gt;王&lt;/b&gt;</p>"


def test_pages_for_system_admin_only(client, login, system_admin, city_officer):
    # given
    login(city_officer)
    assert client.get(reverse("core:document_template_list")).status_code == 403
    login(system_admin)
    # when
    listing = client.get(reverse("core:document_template_list"))
    page = client.get(reverse("core:document_template_edit", args=["test_notice"]))
    # then
    assert "测试通知书" in listing.content.decode()
    assert "张*同志" in page.content.decode()
    assert client.get(reverse("core:document_template_edit", args=["no_such"])).status_code == 404


def test_edit_page_previews_saves_and_shows_errors(client, login, system_admin):
    login(system_admin)
    url = reverse("core:document_template_edit", args=["test_notice"])
    # when previewed: nothing stored, the preview shows the sample data
    response = client.post(
        url, {"title": "甲", "body": "<p>预览{{ number }}</p>", "change_reason": "", "action": "preview"}
    )
    assert "预览SQ341602202600001" in response.content.decode()
    assert not DocumentTemplate.objects.exists()
    # when the PDF preview is asked for
    response = client.post(url, {"title": "甲", "body": "<p>预览</p>", "action": "pdf"})
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    # when saved without a reason / then the error shows and the input is kept
    response = client.post(
        url, {"title": "甲", "body": "<p>保存{{ number }}</p>", "change_reason": "", "action": "save"}
    )
    assert "请填写修改原因" in response.content.decode() and "保存{{ number }}" in response.content.decode()
    # when saved properly
    response = client.post(url, {"title": "甲", "body": "<p>保存</p>", "change_reason": "调整", "action": "save"})
    assert response.status_code == 302
    assert DocumentTemplate.objects.get(code="test_notice").version == 1
