"""租金账单 of the applicant's own case: bills by month, payments with receipts, arrears, PDFs (owner only)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from anju.portal.selectors import online_application_get
from anju.portal.views import portal_context
from anju.portal.views_apply import applicant_required


def own_register_entry(*, user: Any, pk: int) -> tuple[Any, Any]:
    """(online case, register entry) of one of the applicant's own cases; someone else's or unregistered → 404."""
    from anju.admission.models import RegisterEntry

    online = online_application_get(user=user, pk=pk)
    entry = RegisterEntry.objects.filter(application=online.application).first()
    if entry is None:
        raise Http404("尚未登记，没有租金账单。")
    return online, entry


def _pdf(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response


def _audit_download(user: Any, obj: Any, what: str) -> None:
    from anju.core.services.auditing import audit_record

    audit_record(action="FILE_DOWNLOADED", user=user, obj=obj, detail={"channel": "portal", "document": what})


@applicant_required
def case_rent_view(request: HttpRequest, pk: int) -> HttpResponse:
    """租金账单: the household's bills (应收) by month, payments (实收) with receipts, arrears with ageing."""
    from anju.tenancy.selectors_household import household_rent

    online, entry = own_register_entry(user=request.user, pk=pk)
    rent = household_rent(register_entry=entry)
    context = portal_context(
        request, page_title="租金账单", online=online, entry=entry, rent=rent, today=timezone.localdate()
    )
    return render(request, "portal/case/rent.html", context)


@applicant_required
def case_rent_statement_view(request: HttpRequest, pk: int) -> HttpResponse:
    """对账单 PDF of the household (the same document as the operator's; audited FILE_DOWNLOADED)."""
    from anju.core.documents import render_pdf
    from anju.tenancy.selectors_household import household_statement

    _, entry = own_register_entry(user=request.user, pk=pk)
    pdf = render_pdf(
        template_name="documents/tenancy_statement.html",
        context={"entry": entry, "statement": household_statement(register_entry=entry), "today": timezone.localdate()},
    )
    _audit_download(request.user, entry, "tenancy_statement")
    return _pdf(pdf, f"租金对账单-{entry.number}.pdf")


@applicant_required
def case_rent_receipt_view(request: HttpRequest, pk: int, receipt_pk: int) -> HttpResponse:
    """租金收据 PDF of one of the household's receipts; another household's receipt → 404."""
    from anju.core.documents import render_pdf
    from anju.tenancy.selectors_household import household_receipt_get

    _, entry = own_register_entry(user=request.user, pk=pk)
    receipt = household_receipt_get(register_entry=entry, pk=receipt_pk)
    pdf = render_pdf(
        template_name="documents/tenancy_receipt.html",
        context={"receipt": receipt, "payments": receipt.payments.select_related("charge").order_by("charge__period")},
    )
    _audit_download(request.user, receipt, "tenancy_receipt")
    return _pdf(pdf, f"租金收据-{receipt.number}.pdf")
