"""Staff pages of contracts (A.7.3/A.7.4), subsidies (A.7.5/A.7.6) and support objects (A.7.7/A.7.8).

Views only parse input, call a selector or a service, and render (style.md 2-3); every read goes
through `selectors_contracts` (jurisdiction-scoped, 404 outside), every write through a service.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.views import View

from anju.core.listing import Column, StaffListView, cell_text
from anju.core.models import Region
from anju.distribution import selectors_contracts as selectors
from anju.distribution.choices import ContractStatus
from anju.distribution.filtersets_contracts import (
    ContractFilterSet,
    LandSupplyFilterSet,
    SubsidyDueFilterSet,
    SubsidyPaymentFilterSet,
    SupportPlanFilterSet,
)
from anju.distribution.forms_contracts import (
    ContractCreateForm,
    ContractTermsForm,
    LandSupplyForm,
    PayOutstandingForm,
    RenewalForm,
    SubsidyPaymentForm,
    SubsidyRunForm,
    SupportPlanForm,
    TerminationForm,
)
from anju.distribution.permissions import READER_ROLES, can_edit_distribution
from anju.distribution.services import contracts as contract_services
from anju.distribution.services import subsidies as subsidy_services
from anju.distribution.services import support as support_services

CONTRACTS = ("配给管理", "distribution:contract_list")


def _crumbs(*items: tuple[str, str | None]) -> list[tuple[str, str | None]]:
    return [(label, reverse(url) if url and ":" in url else url) for label, url in items]


def _link(url: str, text: Any) -> str:
    return format_html('<a href="{}">{}</a>', url, text)


class ReaderMixin(LoginRequiredMixin):
    """Distribution readers only (default deny)."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """403 for roles that do not read distribution records."""
        if request.user.is_authenticated and not request.user.has_role(*READER_ROLES):
            raise PermissionDenied("您的角色无权查看配给管理数据。")
        return super().dispatch(request, *args, **kwargs)


class EditorMixin(LoginRequiredMixin):
    """District and city officers who sign contracts and pay subsidies."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """403 before the jurisdiction look-up (404)."""
        if request.user.is_authenticated and not can_edit_distribution(request.user):
            raise PermissionDenied("只有区县保障科或市保障处可以办理合同和补贴业务。")
        return super().dispatch(request, *args, **kwargs)


def _form_page(
    request: HttpRequest, form: Any, *, title: str, cancel_url: str, crumbs: list, submit: str = "保存", intro: str = ""
) -> HttpResponse:
    return render(
        request,
        "core/form.html",
        {
            "form": form,
            "page_title": title,
            "breadcrumbs": crumbs,
            "cancel_url": cancel_url,
            "submit_label": submit,
            "intro": intro,
        },
    )


# ---------------------------------------------------------------- contracts


class ContractListView(StaffListView):
    """保障对象合同 (A.7.3)."""

    title = "保障对象合同"
    required_roles = tuple(READER_ROLES)
    selector = staticmethod(selectors.contract_list)
    filterset_class = ContractFilterSet
    template_name = "distribution/contracts/contract_list.html"
    create_url_name = "distribution:contract_create"
    create_label = "新建合同"
    export_filename = "保障对象合同"
    columns = [
        Column("合同编号", "number", link=True),
        Column("合同类型", "contract_type"),
        Column("登记编号", "register_entry.number"),
        Column("签约人", "signer_name"),
        Column("房屋编号", lambda c: c.unit.number if c.unit_id else ""),
        Column("月租金/售价/补贴", lambda c: c.monthly_rent or c.sale_price or c.subsidy_amount or ""),
        Column("合同签署时间", "signed_at"),
        Column("合同生效时间", "effective_on"),
        Column("合同失效时间", "expires_on"),
        Column("合同状态", "status"),
    ]

    def link_for(self, obj: Any) -> str:
        """The contract page."""
        return obj.get_absolute_url()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """Hide the create button from readers."""
        context = super().get_context_data(**kwargs)
        context["can_edit"] = can_edit_distribution(self.request.user)
        if not context["can_edit"]:
            context["create_url_name"] = None
        return context


def _contract_fields(contract: Any) -> list[tuple[str, Any]]:
    entry = contract.register_entry
    unit = contract.unit
    rows = [
        ("合同编号", contract.number),
        ("合同类型", contract.get_contract_type_display()),
        ("合同状态", contract.get_status_display()),
        ("申请人（登记编号）", f"{entry.applicant_name}（{entry.number}）"),
        ("申请编号", contract.application_number),
        ("房屋", _link(reverse("housing:unit_detail", args=[unit.pk]), f"{unit.number} {unit}") if unit else ""),
        ("建筑面积（㎡）", contract.floor_area),
        ("月租金（元）", contract.monthly_rent),
        ("押金（元）", contract.deposit),
        ("售价（元）", contract.sale_price),
        ("补贴金额（元/月）", contract.subsidy_amount),
        ("本月适用补贴金额（元/月）", _subsidy_in_force(contract)),
        ("补贴发放方式", contract.get_subsidy_payment_method_display() if contract.subsidy_payment_method else ""),
        ("发放起始时间", contract.subsidy_starts_on),
        ("签约人", contract.signer_name),
        ("签约人身份证号", contract.signer_id_number and _masked(contract.signer_id_number)),
        ("代理人", contract.agent_name),
        ("代理人身份证号", contract.agent_id_number and _masked(contract.agent_id_number)),
        ("合同签署时间", contract.signed_at),
        ("合同生效时间", contract.effective_on),
        ("合同有效期（月）", contract.term_months or "长期"),
        ("合同失效时间", contract.expires_on),
        ("是否自动续签", contract.auto_renew),
        (
            "续签自",
            _link(reverse("distribution:contract_detail", args=[contract.renewal_of_id]), contract.renewal_of.number)
            if contract.renewal_of_id
            else "",
        ),
        ("续签申请时间", contract.renewal_requested_at),
        ("解除日期", contract.terminated_on),
        ("解除原因", contract.termination_reason),
        ("合同模板版本", contract.template_version),
        ("签章文件摘要（SM3）", contract.signed_pdf_digest),
    ]
    return [
        (label, value if hasattr(value, "__html__") else cell_text(value) if value not in (None, "") else "")
        for label, value in rows
    ]


def _subsidy_in_force(contract: Any) -> Any:
    """补贴合同: the standard in force this month (after any 补贴标准调整); empty for other contracts."""
    if contract.contract_type != "subsidy":
        return ""
    return subsidy_services.subsidy_standard_in_force(contract, timezone.localdate().replace(day=1))


def _masked(value: str) -> str:
    from anju.core.masking import mask_id_number

    return mask_id_number(value)


class ContractDetailView(ReaderMixin, View):
    """One contract: its fields, the signature check of the archived PDF, renewals, actions, e-archive."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Render (404 outside the jurisdiction)."""
        contract = selectors.contract_get(user=request.user, pk=pk)
        verification = contract_services.contract_verify(contract=contract) if contract.signed_pdf_digest else None
        actions = []
        if verification is not None and verification.archive_file is not None:
            actions.append(
                {
                    "label": "下载合同 PDF",
                    "url": reverse("distribution:contract_pdf", args=[pk]),
                    "icon": "file-earmark-pdf",
                }
            )
        if can_edit_distribution(request.user):
            if contract.status == ContractStatus.DRAFT:
                actions.append(
                    {
                        "label": "签约（生成并签章）",
                        "url": reverse("distribution:contract_sign", args=[pk]),
                        "method": "post",
                        "style": "primary",
                        "icon": "pen",
                        "confirm": "确定按当前内容生成合同并加盖电子签章？",
                    }
                )
            if contract.status == ContractStatus.SIGNED and contract.expires_on:
                actions.append(
                    {
                        "label": "申请续签",
                        "url": reverse("distribution:contract_renew", args=[pk]),
                        "icon": "arrow-repeat",
                    }
                )
            if contract.status in contract_services.LIVE_STATUSES:
                actions.append(
                    {
                        "label": "解除合同",
                        "url": reverse("distribution:contract_terminate", args=[pk]),
                        "style": "outline-danger",
                        "icon": "x-circle",
                    }
                )
        renewals = contract.renewals.all()
        related = [
            {
                "title": "续签合同",
                "columns": ["合同编号", "状态", "生效", "失效"],
                "rows": [
                    [
                        _link(reverse("distribution:contract_detail", args=[r.pk]), r.number),
                        r.get_status_display(),
                        cell_text(r.effective_on or ""),
                        cell_text(r.expires_on or ""),
                    ]
                    for r in renewals
                ],
            },
            {
                "title": "补贴应发",
                "columns": ["应发编号", "年月", "补贴金额", "应发时间"],
                "rows": [
                    [
                        _link(reverse("distribution:subsidy_due_detail", args=[d.pk]), d.number),
                        f"{d.year}年{d.month}月",
                        d.amount,
                        cell_text(d.due_on),
                    ]
                    for d in contract.subsidy_dues.all()[:24]
                ],
            },
            {
                "title": "补贴标准调整",
                "columns": ["起始月份", "调整前（元/月）", "调整后（元/月）", "调整理由", "调整依据", "登记时间"],
                "rows": [
                    [
                        f"{c.effective_from:%Y-%m}",
                        c.old_amount,
                        c.amount,
                        c.reason,
                        c.source,
                        cell_text(c.created_at),
                    ]
                    for c in contract.subsidy_standard_changes.order_by("effective_from", "pk")
                ],
            },
        ]
        context = {
            "page_title": f"{contract.get_contract_type_display()} {contract.number}",
            "subtitle": f"{contract.register_entry.applicant_name} · {contract.get_status_display()}",
            "breadcrumbs": _crumbs(CONTRACTS, (contract.number, None)),
            "fields": _contract_fields(contract),
            "actions": actions,
            "related": related if contract.contract_type == "subsidy" else related[:1],
            "verification": verification,
            "archive_obj": contract,
        }
        return render(request, "distribution/contracts/contract_detail.html", context)


class ContractPdfView(ReaderMixin, View):
    """The signed PDF from the e-archive (download audited by the archive service)."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Stream it."""
        from anju.archive.services import archive_file_download

        contract = selectors.contract_get(user=request.user, pk=pk)
        archive_file = contract_services.contract_signed_file(contract)
        if archive_file is None:
            raise Http404("该合同尚未签约。")
        handle = archive_file_download(file=archive_file, acting_user=request.user, request=request)
        response = FileResponse(handle, content_type="application/pdf")
        response["Content-Disposition"] = f"inline; filename*=UTF-8''{quote(contract.number + '.pdf')}"
        return response


class ContractSignView(EditorMixin, View):
    """签约: render, sign, archive."""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Sign and go back to the contract."""
        contract = selectors.contract_get(user=request.user, pk=pk)
        try:
            contract_services.contract_sign(contract=contract, acting_user=request.user)
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(request, f"合同 {contract.number} 已签约，签章文本已存入电子档案。")
        return redirect("distribution:contract_detail", pk=pk)


def _create(request: HttpRequest, form: Any, **kwargs: Any) -> Any:
    try:
        return contract_services.contract_create(terms=form.terms(), acting_user=request.user, **kwargs)
    except ValidationError as exc:
        form.service_errors(exc)
        return None


class ContractCreateView(EditorMixin, View):
    """新建合同 for a registered household (by 登记编号)."""

    title = "新建合同"

    def _page(self, request: HttpRequest, form: Any) -> HttpResponse:
        return _form_page(
            request,
            form,
            title=self.title,
            cancel_url=reverse("distribution:contract_list"),
            crumbs=_crumbs(CONTRACTS, (self.title, None)),
            submit="生成合同",
            intro="合同生成后为“待签约”；核对无误后在合同页面签约，系统按合同模板生成 PDF 并加盖电子签章。",
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        """Empty form."""
        return self._page(request, ContractCreateForm(initial={"contract_type": request.GET.get("type", "subsidy")}))

    def post(self, request: HttpRequest) -> HttpResponse:
        """Create the draft."""
        from anju.admission.models import RegisterEntry
        from anju.housing.models import Unit

        form = ContractCreateForm(request.POST)
        if form.is_valid():
            entry = (
                RegisterEntry.objects.visible_to(request.user)
                .filter(number=form.cleaned_data["register_number"].strip())
                .first()
            )
            unit = None
            if form.cleaned_data.get("unit_number"):
                unit = (
                    Unit.objects.visible_to(request.user)
                    .filter(number=form.cleaned_data["unit_number"].strip())
                    .first()
                )
                if unit is None:
                    form.add_error("unit_number", "管辖范围内没有该房屋编号。")
            if entry is None:
                form.add_error("register_number", "管辖范围内没有该登记编号。")
            if not form.errors:
                contract = _create(
                    request, form, register_entry=entry, contract_type=form.cleaned_data["contract_type"], unit=unit
                )
                if contract is not None:
                    messages.success(request, f"已生成合同 {contract.number}，请核对后签约。")
                    return redirect("distribution:contract_detail", pk=contract.pk)
        return self._page(request, form)


class SelectionAwaitingListView(StaffListView):
    """选房结果待签约: chosen units without a contract."""

    title = "选房结果待签约"
    required_roles = tuple(READER_ROLES)
    selector = staticmethod(selectors.selections_awaiting_contract)
    export_filename = "选房结果待签约"
    columns = [
        Column("登记编号", "register_entry.number", link=True),
        Column("申请人", "register_entry.applicant_name"),
        Column("配给批次", "round"),
        Column("选房顺序", "order"),
        Column("房屋编号", "unit.number"),
        Column("建筑面积", "unit.floor_area"),
        Column("选房状态", "status"),
        Column("选房时间", "chosen_at"),
    ]

    def link_for(self, obj: Any) -> str:
        """The create-from-selection form."""
        return reverse("distribution:contract_from_selection", args=[obj.pk])


class ContractFromSelectionView(EditorMixin, View):
    """签订选房结果的配租（配售）合同."""

    def _page(self, request: HttpRequest, form: Any, selection: Any) -> HttpResponse:
        title = f"签订合同：{selection.register_entry.applicant_name} · {selection.unit.number}"
        return _form_page(
            request,
            form,
            title=title,
            cancel_url=reverse("distribution:selection_awaiting_list"),
            crumbs=_crumbs(CONTRACTS, ("选房结果待签约", "distribution:selection_awaiting_list"), (title, None)),
            submit="生成合同",
            intro=f"房屋 {selection.unit.number}（{selection.unit}），建筑面积 {selection.unit.floor_area} 平方米。",
        )

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The terms form, the signer prefilled with the applicant."""
        selection = selectors.selection_get(user=request.user, pk=pk)
        if selection.unit_id is None:
            raise Http404("该选房记录尚未选定住房。")
        return self._page(
            request, ContractTermsForm(initial={"signer_name": selection.register_entry.applicant_name}), selection
        )

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Create the draft from the selection."""
        selection = selectors.selection_get(user=request.user, pk=pk)
        if selection.unit_id is None:
            raise Http404("该选房记录尚未选定住房。")
        form = ContractTermsForm(request.POST)
        if form.is_valid():
            try:
                contract = contract_services.contract_create_from_selection(
                    selection=selection, terms=form.terms(), acting_user=request.user
                )
            except ValidationError as exc:
                form.service_errors(exc)
            else:
                messages.success(request, f"已生成合同 {contract.number}，请核对后签约。")
                return redirect("distribution:contract_detail", pk=contract.pk)
        return self._page(request, form, selection)


class ContractRenewView(EditorMixin, View):
    """申请续签: re-check against the rules in force; draft the renewal when still eligible."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The form."""
        contract = selectors.contract_get(user=request.user, pk=pk)
        return self._page(request, RenewalForm(), contract)

    def _page(self, request: HttpRequest, form: Any, contract: Any) -> HttpResponse:
        title = f"申请续签：{contract.number}"
        return _form_page(
            request,
            form,
            title=title,
            cancel_url=reverse("distribution:contract_detail", args=[contract.pk]),
            crumbs=_crumbs(
                CONTRACTS,
                (contract.number, reverse("distribution:contract_detail", args=[contract.pk])),
                ("申请续签", None),
            ),
            submit="复核并续签",
            intro=f"合同 {contract.expires_on:%Y-%m-%d} 到期，到期前 {contract_services.RENEWAL_WINDOW_DAYS} 天内可申请续签。提交后按现行保障规则复核该家庭，符合条件的生成续签合同（待签约）。"
            if contract.expires_on
            else "",
        )

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Re-check and show the decision."""
        contract = selectors.contract_get(user=request.user, pk=pk)
        form = RenewalForm(request.POST)
        if form.is_valid():
            try:
                outcome = contract_services.contract_renewal_request(
                    contract=contract, acting_user=request.user, term_months=form.cleaned_data.get("term_months")
                )
            except ValidationError as exc:
                form.service_errors(exc)
            else:
                context = {
                    "page_title": f"续签复核结果：{contract.number}",
                    "breadcrumbs": _crumbs(
                        CONTRACTS,
                        (contract.number, reverse("distribution:contract_detail", args=[pk])),
                        ("续签复核结果", None),
                    ),
                    "contract": contract,
                    "outcome": outcome,
                }
                return render(request, "distribution/contracts/renewal_result.html", context)
        return self._page(request, form, contract)


class ContractTerminateView(EditorMixin, View):
    """解除合同 with a reason."""

    def _page(self, request: HttpRequest, form: Any, contract: Any) -> HttpResponse:
        title = f"解除合同：{contract.number}"
        return _form_page(
            request,
            form,
            title=title,
            cancel_url=reverse("distribution:contract_detail", args=[contract.pk]),
            crumbs=_crumbs(
                CONTRACTS,
                (contract.number, reverse("distribution:contract_detail", args=[contract.pk])),
                ("解除合同", None),
            ),
            submit="解除合同",
            intro="解除后不可恢复；尚未入住的住房退回为空置，已入住的须由配后管理办理腾退。",
        )

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The form."""
        return self._page(request, TerminationForm(), selectors.contract_get(user=request.user, pk=pk))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Terminate."""
        contract = selectors.contract_get(user=request.user, pk=pk)
        form = TerminationForm(request.POST)
        if form.is_valid():
            try:
                ended = contract_services.contract_terminate(
                    contract=contract,
                    reason=form.cleaned_data["reason"],
                    terminated_on=form.cleaned_data["terminated_on"],
                    acting_user=request.user,
                )
            except ValidationError as exc:
                form.service_errors(exc)
            else:
                messages.success(request, f"合同 {ended.number} 已解除。{ended.unit_note}")
                return redirect("distribution:contract_detail", pk=pk)
        return self._page(request, form, contract)


# ---------------------------------------------------------------- subsidies

SUBSIDIES = ("补贴应发", "distribution:subsidy_due_list")


class SubsidyDueListView(StaffListView):
    """补贴应发 (A.7.5): filters, Excel export, payment list printing."""

    title = "补贴应发"
    required_roles = tuple(READER_ROLES)
    selector = staticmethod(selectors.subsidy_due_list)
    filterset_class = SubsidyDueFilterSet
    template_name = "distribution/subsidies/due_list.html"
    export_filename = "补贴应发"
    columns = [
        Column("应发编号", "number", link=True),
        Column("对象编号", "target_number"),
        Column("对象类型", "target_type"),
        Column("补贴项目编号", "subsidy_program_number"),
        Column("补贴类型", "subsidy_type"),
        Column("原标准金额", "standard_amount"),
        Column("补贴金额", "amount"),
        Column("已实发", "paid_total"),
        Column("补贴年月", lambda d: f"{d.year}年{d.month}月"),
        Column("应发时间", "due_on"),
        Column("是否已打印单据", "is_printed"),
    ]

    def link_for(self, obj: Any) -> str:
        """The due page."""
        return reverse("distribution:subsidy_due_detail", args=[obj.pk])

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """Editors see the run and pay buttons; the print links keep the filters."""
        context = super().get_context_data(**kwargs)
        context["can_edit"] = can_edit_distribution(self.request.user)
        params = self.request.GET.copy()
        params.pop("page", None)
        params.pop("export", None)
        context["print_querystring"] = params.urlencode()
        return context


def _month_dues(request: HttpRequest) -> tuple[Any, str]:
    """The filtered dues of the list page (the same filters) and a title naming the month."""
    filterset = SubsidyDueFilterSet(
        request.GET or None, queryset=selectors.subsidy_due_list(user=request.user), request=request
    )
    queryset = filterset.qs if filterset.is_bound and filterset.is_valid() else filterset.queryset
    year, month = request.GET.get("year", ""), request.GET.get("month", "")
    period = f"{year}年{month}月" if year and month else f"{year}年" if year else "全部"
    return queryset.order_by("region_code", "number"), period


def _region_name(code: str) -> str:
    return Region.objects.filter(code=code).values_list("name", flat=True).first() or code


class SubsidyListPrintView(ReaderMixin, View):
    """补贴发放清单 as PDF or Excel (the list page's filters); the dues are marked 已打印."""

    def get(self, request: HttpRequest, kind: str) -> HttpResponse:
        """Render, mark printed (editors), respond as a download."""
        from anju.core.documents import render_pdf

        if kind not in ("pdf", "xlsx"):
            raise Http404("不支持的格式。")
        dues, period = _month_dues(request)
        rows = list(dues[:20000])
        total = sum((d.amount for d in rows), Decimal("0.00"))
        paid = sum((d.paid_total for d in rows), Decimal("0.00"))
        title = f"住房租赁补贴发放清单（{period}）"
        stamp = timezone.localtime().strftime("%Y%m%d%H%M")
        if kind == "pdf":
            context = {
                "title": title,
                "rows": rows,
                "total": total,
                "paid": paid,
                "count": len(rows),
                "department": _region_name((request.user.jurisdiction_id or "")[:6].ljust(12, "0")),
                "printed_at": timezone.localtime(),
            }
            body = render_pdf(template_name="distribution/documents/subsidy_payment_list.html", context=context)
            response = HttpResponse(body, content_type="application/pdf")
            filename = f"补贴发放清单-{stamp}.pdf"
        else:
            body = _payment_list_xlsx(title, rows, total, paid)
            response = HttpResponse(
                body, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            )
            filename = f"补贴发放清单-{stamp}.xlsx"
        subsidy_services.subsidy_dues_mark_printed(
            dues=dues.model.objects.filter(pk__in=[d.pk for d in rows]),
            acting_user=request.user,
            kind=kind,
            mark=can_edit_distribution(request.user),
        )
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
        return response


def _payment_list_xlsx(title: str, rows: list[Any], total: Decimal, paid: Decimal) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "补贴发放清单"
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    headers = [
        "序号",
        "应发编号",
        "对象编号",
        "补贴类型",
        "补贴年月",
        "原标准金额",
        "补贴金额",
        "已实发",
        "未发",
        "应发时间",
        "领取人签字",
    ]
    sheet.append(headers)
    for index, due in enumerate(rows, start=1):
        sheet.append(
            [
                index,
                due.number,
                due.target_number,
                due.subsidy_type,
                f"{due.year}年{due.month}月",
                due.standard_amount,
                due.amount,
                due.paid_total,
                due.amount - due.paid_total,
                due.due_on,
                "",
            ]
        )
    sheet.append(["合计", "", "", "", "", "", total, paid, total - paid, "", ""])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


class SubsidyRunView(EditorMixin, View):
    """生成补贴应发: a background job with progress."""

    def _page(self, request: HttpRequest, form: Any) -> HttpResponse:
        return _form_page(
            request,
            form,
            title="生成补贴应发",
            cancel_url=reverse("distribution:subsidy_due_list"),
            crumbs=_crumbs(SUBSIDIES, ("生成补贴应发", None)),
            submit="开始生成",
            intro="按管辖范围内已签约的补贴合同生成该月应发记录（不足整月按天折算）；同一月份重复生成不会产生重复记录。",
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        """The month form (default: this month)."""
        today = timezone.localdate()
        return self._page(request, SubsidyRunForm(initial={"year": today.year, "month": today.month}))

    def post(self, request: HttpRequest) -> HttpResponse:
        """Start the job and show its progress page."""
        form = SubsidyRunForm(request.POST)
        if form.is_valid():
            try:
                job = subsidy_services.subsidy_month_start(
                    year=form.cleaned_data["year"], month=form.cleaned_data["month"], acting_user=request.user
                )
            except ValidationError as exc:
                form.service_errors(exc)
            else:
                return redirect("core:job_detail", pk=job.pk)
        return self._page(request, form)


class SubsidyDueDetailView(ReaderMixin, View):
    """One due: its fields, payments and (for editors) the payment form."""

    def _page(self, request: HttpRequest, due: Any, form: Any) -> HttpResponse:
        payments = list(due.payments.order_by("paid_on", "id"))
        fields = [
            ("应发编号", due.number),
            ("对象编号", due.target_number),
            ("对象类型", due.get_target_type_display()),
            (
                "补贴合同",
                _link(reverse("distribution:contract_detail", args=[due.contract_id]), due.contract.number)
                if due.contract_id
                else "",
            ),
            ("补贴项目编号", due.subsidy_program_number),
            ("补贴类型", due.subsidy_type),
            ("原标准金额（元）", due.standard_amount),
            ("补贴金额（元）", due.amount),
            ("已实发（元）", due.paid_total),
            ("补贴年月", f"{due.year}年{due.month}月"),
            ("应发时间", cell_text(due.due_on)),
            ("是否已打印单据", cell_text(due.is_printed)),
        ]
        related = [
            {
                "title": "补贴实发",
                "columns": ["实发编号", "发放状态", "实发金额", "不足金额", "不足额原因", "实发时间", "实发方式"],
                "rows": [
                    [
                        p.number,
                        p.get_status_display(),
                        p.paid_amount,
                        p.shortfall,
                        p.shortfall_reason,
                        cell_text(p.paid_on),
                        p.get_method_display(),
                    ]
                    for p in payments
                ],
            }
        ]
        context = {
            "page_title": f"补贴应发 {due.number}",
            "subtitle": f"{due.year}年{due.month}月 · {due.target_number}",
            "breadcrumbs": _crumbs(SUBSIDIES, (due.number, None)),
            "fields": fields,
            "related": related,
            "payment_form": form if can_edit_distribution(request.user) and due.amount > due.paid_total else None,
            "due": due,
        }
        return render(request, "distribution/subsidies/due_detail.html", context)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Render."""
        due = selectors.subsidy_due_get(user=request.user, pk=pk)
        return self._page(
            request, due, SubsidyPaymentForm(initial={"paid_amount": due.amount - due.paid_total, "method": "bank"})
        )

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Record a payment (editors)."""
        if not can_edit_distribution(request.user):
            raise PermissionDenied("只有区县保障科或市保障处可以登记补贴实发。")
        due = selectors.subsidy_due_get(user=request.user, pk=pk)
        form = SubsidyPaymentForm(request.POST)
        if form.is_valid():
            try:
                payment = subsidy_services.subsidy_payment_record(
                    due=due, acting_user=request.user, **form.cleaned_data
                )
            except ValidationError as exc:
                form.service_errors(exc)
            else:
                messages.success(request, f"已登记补贴实发 {payment.number}（{payment.get_status_display()}）。")
                return redirect("distribution:subsidy_due_detail", pk=pk)
        return self._page(request, due, form)


class PayOutstandingView(EditorMixin, View):
    """按清单发放: every due of a month without a payment, in full."""

    def _page(self, request: HttpRequest, form: Any) -> HttpResponse:
        return _form_page(
            request,
            form,
            title="按清单发放补贴",
            cancel_url=reverse("distribution:subsidy_due_list"),
            crumbs=_crumbs(SUBSIDIES, ("按清单发放", None)),
            submit="登记发放",
            intro="为该月尚未登记实发的每笔应发登记一笔足额实发；不足额发放请在应发页面逐笔登记并填写原因。",
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        """The form."""
        today = timezone.localdate()
        return self._page(
            request, PayOutstandingForm(initial={"year": today.year, "month": today.month, "method": "bank"})
        )

    def post(self, request: HttpRequest) -> HttpResponse:
        """Pay and go to the payments."""
        form = PayOutstandingForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            dues = selectors.subsidy_due_list(user=request.user).filter(year=data["year"], month=data["month"])
            try:
                count = subsidy_services.subsidy_payments_pay_outstanding(
                    dues=dues, paid_on=data["paid_on"], method=data["method"], acting_user=request.user
                )
            except ValidationError as exc:
                form.service_errors(exc)
            else:
                messages.success(request, f"已登记 {count} 笔足额发放。")
                return redirect(
                    reverse("distribution:subsidy_payment_list") + f"?year={data['year']}&month={data['month']}"
                )
        return self._page(request, form)


class SubsidyPaymentListView(StaffListView):
    """补贴实发 (A.7.6)."""

    title = "补贴实发"
    required_roles = tuple(READER_ROLES)
    selector = staticmethod(selectors.subsidy_payment_list)
    filterset_class = SubsidyPaymentFilterSet
    export_filename = "补贴实发"
    columns = [
        Column("实发编号", "number", link=True),
        Column("应发编号", "due.number"),
        Column("对象编号", "due.target_number"),
        Column("发放状态", "status"),
        Column("实发金额", "paid_amount"),
        Column("不足金额", "shortfall"),
        Column("不足额原因", "shortfall_reason"),
        Column("实发时间", "paid_on"),
        Column("实发方式", "method"),
    ]

    def link_for(self, obj: Any) -> str:
        """The due page."""
        return reverse("distribution:subsidy_due_detail", args=[obj.due_id])


# ---------------------------------------------------------------- support objects (A.7.7, A.7.8)


class SupportPlanListView(StaffListView):
    """支持对象资金拨付配置计划 (A.7.7)."""

    title = "支持对象资金拨付计划"
    required_roles = tuple(READER_ROLES)
    selector = staticmethod(selectors.support_plan_list)
    filterset_class = SupportPlanFilterSet
    create_url_name = "distribution:support_plan_create"
    export_filename = "支持对象资金拨付计划"
    columns = [
        Column("支持对象拨付计划编号", "number", link=True),
        Column("支持对象编号", "target_number"),
        Column("支持对象名称", "target_name"),
        Column("拨付总金额", "total_amount"),
        Column("期别类型", "period_type"),
        Column("计划发放周期", "period"),
        Column("开始发放时间", "starts_on"),
    ]

    def link_for(self, obj: Any) -> str:
        """The edit page."""
        return reverse("distribution:support_plan_edit", args=[obj.pk])

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """Hide the create button from readers."""
        context = super().get_context_data(**kwargs)
        if not can_edit_distribution(self.request.user):
            context["create_url_name"] = None
        return context


class LandSupplyListView(SupportPlanListView):
    """土地供应记录信息 (A.7.8)."""

    title = "土地供应记录"
    selector = staticmethod(selectors.land_supply_list)
    filterset_class = LandSupplyFilterSet
    create_url_name = "distribution:land_supply_create"
    export_filename = "土地供应记录"
    columns = [
        Column("记录编号", "number", link=True),
        Column("宗地编号", "parcel_number"),
        Column("宗地名称", "parcel_name"),
        Column("项目", lambda r: r.project.name if r.project_id else ""),
        Column("用地批准文号", "approval_number"),
        Column("用地批准日期", "approved_on"),
        Column("取得方式", "acquisition_mode"),
        Column("土地面积", "land_area"),
        Column("土地估值", "land_value"),
        Column("土地使用年限", "use_years"),
    ]

    def link_for(self, obj: Any) -> str:
        """The edit page."""
        return reverse("distribution:land_supply_edit", args=[obj.pk])


class _RecordFormView(EditorMixin, View):
    """Create or edit one support-object record through its service."""

    form_class: Any = None
    service: Any = None
    getter: Any = None
    list_url = ""
    noun = ""

    def _instance(self, request: HttpRequest, pk: int | None) -> Any:
        return type(self).getter(user=request.user, pk=pk) if pk else None

    def _page(self, request: HttpRequest, form: Any, instance: Any) -> HttpResponse:
        title = f"编辑{self.noun} {instance.number}" if instance else f"新增{self.noun}"
        return _form_page(
            request,
            form,
            title=title,
            cancel_url=reverse(self.list_url),
            crumbs=_crumbs((self.noun, self.list_url), (title, None)),
        )

    def get(self, request: HttpRequest, pk: int | None = None) -> HttpResponse:
        """The form."""
        instance = self._instance(request, pk)
        return self._page(request, self.form_class(instance=instance, user=request.user), instance)

    def post(self, request: HttpRequest, pk: int | None = None) -> HttpResponse:
        """Save through the service."""
        instance = self._instance(request, pk)
        form = self.form_class(request.POST, instance=instance, user=request.user)
        if form.is_valid():
            region = form.cleaned_data.get("region")
            try:
                saved = type(self).service(
                    data=form.service_data(),
                    acting_user=request.user,
                    instance=instance,
                    region_code=region.code if region else "",
                )
            except ValidationError as exc:
                form.service_errors(exc)
            else:
                messages.success(request, f"已保存{self.noun} {saved.number}。")
                return redirect(self.list_url)
        return self._page(request, form, instance)


class SupportPlanFormView(_RecordFormView):
    """新增/编辑 支持对象资金拨付计划."""

    form_class = SupportPlanForm
    service = staticmethod(support_services.support_plan_save)
    getter = staticmethod(selectors.support_plan_get)
    list_url = "distribution:support_plan_list"
    noun = "支持对象资金拨付计划"


class LandSupplyFormView(_RecordFormView):
    """新增/编辑 土地供应记录."""

    form_class = LandSupplyForm
    service = staticmethod(support_services.land_supply_save)
    getter = staticmethod(selectors.land_supply_get)
    list_url = "distribution:land_supply_list"
    noun = "土地供应记录"
