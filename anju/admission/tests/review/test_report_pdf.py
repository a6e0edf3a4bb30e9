"""核查报告 as a PDF from its editable template, archived with the application, downloadable from its pages."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from anju.admission.services.verification import (
    verification_answer,
    verification_assign,
    verification_conclude,
    verification_report_context,
)


@pytest.fixture
def report(at_county, district_officer, partner_org, partner_user):
    """A concluded verification (income check answered 属实)."""
    item = verification_assign(
        application=at_county, kind="income", acting_user=district_officer, assignee_organisation=partner_org,
        request_note="请核查家庭成员 2025 年收入", due_date=timezone.localdate() + timedelta(days=5),
    )  # fmt: skip
    verification_answer(verification=item, result="1", result_detail="收入属实", acting_user=partner_user)
    return verification_conclude(
        application=at_county, conclusion="eligible", opinion="经核查收入属实，符合条件", acting_user=district_officer
    )


def test_report_is_archived_as_pdf(report):
    from anju.archive.models import ArchiveFile

    file = report.archive_file
    assert file is not None and file.file_type == "99" and file.stage == "review"
    assert file.title == f"住房保障申请家庭核查报告（{report.number}）"
    assert file.object_id == str(report.application_id)
    with file.file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"
    assert ArchiveFile.objects.filter(pk=file.pk, is_deleted=False).exists()


def test_report_context_names_checks_and_conclusion(report):
    context = verification_report_context(report)
    assert context["report_number"] == report.number and context["conclusion"] == "符合准入条件"
    assert context["verifications"][0]["detail"] == "收入属实"
    assert "*" in context["id_number_masked"]


def test_pdf_text_contains_the_report(report):
    from anju.admission.services.verification import verification_report_pdf
    from anju.admission.tests.process.helpers import pdf_text

    title, pdf = verification_report_pdf(report)
    text = pdf_text(pdf)
    assert title == "住房保障申请家庭核查报告"
    assert report.number in text and "收入属实" in text and "符合准入条件" in text


def test_edited_template_is_used(report, system_admin):
    from anju.core.models import DocumentTemplate
    from anju.core.services.documents import document_template_save

    document_template_save(
        code="admission_verification_report",
        title="核查报告（修订）",
        body="<p>{{ report_number }} 修订</p>",
        change_reason="格式调整",
        acting_user=system_admin,
    )
    assert DocumentTemplate.objects.filter(code="admission_verification_report", is_active=True).exists()
    from anju.admission.services.verification import verification_report_pdf

    title, pdf = verification_report_pdf(report)
    assert title == "核查报告（修订）" and pdf.startswith(b"%PDF-")


def test_pages_link_and_download_the_pdf(client, report, district_officer, other_district_clerk):
    client.force_login(district_officer)
    url = reverse("admission:verification_report_pdf", args=[report.pk])
    detail = client.get(report.application.get_absolute_url()).content.decode()
    assert url in detail and report.get_absolute_url() in detail  # PDF and the HTML print view
    review = client.get(reverse("admission:application_review", args=[report.application_id])).content.decode()
    assert url in review
    response = client.get(url)
    assert response.status_code == 302 and response.url == reverse(
        "archive:file_download", args=[report.archive_file_id]
    )
    download = client.get(response.url)
    assert download.status_code == 200 and b"".join(
        download.streaming_content if download.streaming else [download.content]
    ).startswith(b"%PDF-")
    assert client.get(report.get_absolute_url()).status_code == 200  # print view kept
    client.logout()
    client.force_login(other_district_clerk)
    assert client.get(url).status_code == 404


def test_older_report_without_file_is_rendered_on_request(client, report, district_officer):
    from anju.admission.models import VerificationReport

    VerificationReport.objects.filter(pk=report.pk).update(archive_file=None)
    client.force_login(district_officer)
    response = client.get(reverse("admission:verification_report_pdf", args=[report.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
