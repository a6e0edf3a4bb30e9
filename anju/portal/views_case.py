"""我的申请 and 进度查询: the applicant's own cases, their progress, corrections and notices."""

from __future__ import annotations

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render

from anju.portal.case_sections import case_sections_collect
from anju.portal.permissions import is_applicant
from anju.portal.selectors import (
    application_files,
    case_progress,
    online_application_get,
    online_application_list,
    own_contract_file_get,
    own_file_get,
)
from anju.portal.views import portal_context
from anju.portal.views_apply import applicant_required

NOTICE_FILE_TYPE = "08"


def progress_view(request: HttpRequest) -> HttpResponse:
    """进度查询: the applicant's cases; visitors are asked to sign in (progress is personal data)."""
    if not is_applicant(request.user):
        return render(request, "portal/case/progress_intro.html", portal_context(request, page_title="进度查询"))
    return my_cases_view(request)


@applicant_required
def my_cases_view(request: HttpRequest) -> HttpResponse:
    """我的申请: every online application of the signed-in applicant."""
    cases = list(online_application_list(user=request.user))
    return render(request, "portal/case/list.html", portal_context(request, page_title="我的申请", cases=cases))


@applicant_required
def case_view(request: HttpRequest, pk: int) -> HttpResponse:
    """One case: current step, history with dates, correction request, notices and other apps' sections."""
    online = online_application_get(user=request.user, pk=pk)
    application = online.application
    context = portal_context(
        request, page_title=f"申请 {application.number}", online=online, application=application,
        progress=case_progress(online), notices=list(application_files(application, file_types=[NOTICE_FILE_TYPE])),
        uploads=list(application_files(application).exclude(file_type=NOTICE_FILE_TYPE)),
        extra=case_sections_collect(application=application, user=request.user),
    )  # fmt: skip
    return render(request, "portal/case/detail.html", context)


@applicant_required
def case_file_view(request: HttpRequest, pk: int, file_pk: int) -> HttpResponse:
    """Download a notice or an own upload of one's own case (audited as FILE_DOWNLOADED); others' → 404."""
    from anju.archive.services import archive_file_download

    _, archive_file = own_file_get(user=request.user, online_pk=pk, file_pk=file_pk)
    handle = archive_file_download(file=archive_file, acting_user=request.user, request=request)
    return FileResponse(
        handle, as_attachment=True, filename=archive_file.original_name, content_type=archive_file.mime_type
    )


@applicant_required
def case_contract_file_view(request: HttpRequest, pk: int, contract_pk: int) -> HttpResponse:
    """Download the signed contract PDF of one's own case (audited as FILE_DOWNLOADED); anyone else → 404."""
    from anju.archive.services import archive_file_download

    archive_file = own_contract_file_get(user=request.user, online_pk=pk, contract_pk=contract_pk)
    handle = archive_file_download(file=archive_file, acting_user=request.user, request=request)
    return FileResponse(
        handle, as_attachment=True, filename=archive_file.original_name, content_type=archive_file.mime_type
    )
