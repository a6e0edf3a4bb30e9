"""Staff pages of 公示, 举报, 拟保障实施方案, 登记 (准予/不予, notices), 准入登记簿 and 供给单位/个人登记审批.

Views only parse, call a service and render; reads go through `registration_selectors` (jurisdiction
scoped: 404 outside it); writes need the service's role (403 from PermissionDenied).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views import View

from anju.accounts.roles import Role
from anju.admission import registration_selectors as sel
from anju.admission.forms_registration import (
    ObjectionDecideForm,
    ObjectionFilterSet,
    ObjectionForm,
    ObjectionVerifyForm,
    PlanAdjustForm,
    PlanCreateForm,
    PublicityFilterSet,
    PublicityForm,
    RegisterDenyForm,
    RegisterFilterSet,
    RegisterForm,
    SupplierFilterSet,
    SupplierPersonForm,
    SupplierReviewForm,
    SupplierUnitForm,
)
from anju.admission.models import ObjectionStatus, PublicityStatus, SupplierApprovalStatus
from anju.admission.permissions import READER_ROLES
from anju.admission.services import objections as objection_services
from anju.admission.services import plans as plan_services
from anju.admission.services import publicity as publicity_services
from anju.admission.services import registration as registration_services
from anju.admission.services import suppliers as supplier_services
from anju.admission.validation import code_name
from anju.core.listing import Column, StaffListView
from anju.core.masking import mask_id_number, mask_name
from anju.core.views.regions import form_errors_from

OFFICER = Role.DISTRICT_OFFICER


class ReaderMixin(LoginRequiredMixin):
    """Staff readers of admission records; 403 for other roles (before any 404)."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """Role check."""
        if request.user.is_authenticated and not request.user.has_role(*READER_ROLES):
            raise PermissionDenied("您没有访问此页面的权限。")
        return super().dispatch(request, *args, **kwargs)


def _is_officer(user: Any) -> bool:
    return user.has_role(OFFICER)


def _detail(request: HttpRequest, context: dict[str, Any]) -> HttpResponse:
    return render(request, "admission/registration/detail.html", context)


def _form_page(request: HttpRequest, *, title: str, form: forms.Form, crumbs: list, cancel_url: str) -> HttpResponse:
    return render(
        request,
        "core/object_form.html",
        {"page_title": title, "form": form, "breadcrumbs": [*crumbs, (title, None)], "cancel_url": cancel_url},
    )


def _redirect_with(request: HttpRequest, url: str, message: str) -> HttpResponseRedirect:
    messages.success(request, message)
    return HttpResponseRedirect(url)


def _submit(request: HttpRequest, form: Any, call: Callable[[dict[str, Any]], tuple[str, str]]) -> HttpResponse | None:
    """Validate `form` and run `call(cleaned_data)` -> (url, message): redirect there with the message.

    None when the form is invalid or the service refused it (its errors are then on the form, the input kept).
    """
    if not form.is_valid():
        return None
    try:
        url, message = call(form.cleaned_data)
    except ValidationError as exc:
        form_errors_from(form, exc)
        return None
    return _redirect_with(request, url, message)


def _errors_to_messages(request: HttpRequest, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


def _counties(user: Any) -> list[tuple[str, str]]:
    from anju.core.models import Region
    from anju.core.scoping import jurisdiction_prefix

    prefix = jurisdiction_prefix(user) or ""
    rows = Region.objects.filter(level=3, code__startswith=prefix[:6]).order_by("code").values_list("code", "name")
    return list(rows)


# --- 公示 ------------------------------------------------------------------------------------------------


class AdmissionListView(StaffListView):
    """StaffListView with the 准入登记 sub-navigation."""

    template_name = "admission/registration/list.html"


class PublicityListView(AdmissionListView):
    """公示列表."""

    title = "公示"
    selector = staticmethod(sel.publicity_list)
    filterset_class = PublicityFilterSet
    required_roles = READER_ROLES
    create_url_name = "admission:publicity_create"
    create_label = "新建公示"
    columns = [
        Column("公示编号", "number", link=True),
        Column("公示标题", "title"),
        Column("公示类型", "kind"),
        Column("公示开始时间", "start_date"),
        Column("公示截止时间", "end_date"),
        Column("公示方式", lambda p: code_name(p, "channel")),
        Column("公示状态", "status"),
        Column("名单户数", lambda p: p.entries.count()),
    ]

    def link_for(self, obj: Any) -> str:
        """The notice's page."""
        return reverse("admission:publicity_detail", args=[obj.pk])

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """Only the county officer creates."""
        context = super().get_context_data(**kwargs)
        if not _is_officer(self.request.user):
            context["create_url_name"] = None
        return context


class PublicityCreateView(ReaderMixin, View):
    """新建公示: the officer picks applications at the 公示 node."""

    def _form(self, request: HttpRequest, data: Any = None) -> PublicityForm:
        return PublicityForm(data, candidates=sel.publicity_candidates(user=request.user))

    def _page(self, request: HttpRequest, form: PublicityForm) -> HttpResponse:
        return _form_page(request, title="新建公示", form=form, crumbs=[("公示", reverse("admission:publicity_list"))],
                          cancel_url=reverse("admission:publicity_list"))  # fmt: skip

    def get(self, request: HttpRequest) -> HttpResponse:
        """Empty form."""
        if not _is_officer(request.user):
            raise PermissionDenied("只有区县住房保障部门可以办理公示。")
        return self._page(request, self._form(request))

    def post(self, request: HttpRequest) -> HttpResponse:
        """Create the draft notice."""
        form = self._form(request, request.POST)

        def create(data: dict[str, Any]) -> tuple[str, str]:
            publicity = publicity_services.publicity_create(
                title=data["title"], start_date=data["start_date"], end_date=data["end_date"], channel=data["channel"],
                place=data["place"], applications=list(data["applications"]), acting_user=request.user,
            )  # fmt: skip
            return reverse("admission:publicity_detail", args=[publicity.pk]), f"已创建公示 {publicity.number}。"

        return _submit(request, form, create) or self._page(request, form)


class PublicityDetailView(ReaderMixin, View):
    """One notice: header, masked list, objections; publish / close / print / export."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Render."""
        publicity = sel.publicity_get(user=request.user, pk=pk)
        rows = publicity_services.publicity_rows(publicity)
        entries = list(publicity.entries.order_by("id").values_list("id", flat=True))
        officer = _is_officer(request.user)
        can_log = publicity.status == PublicityStatus.PUBLISHED and request.user.has_role(
            *objection_services.OBJECTION_LOG_ROLES
        )
        actions = [
            {"label": "打印公示（PDF）", "url": reverse("admission:publicity_pdf", args=[pk]), "icon": "printer"},
            {
                "label": "导出名单",
                "url": reverse("admission:publicity_entries", args=[pk]) + "?export=xlsx",
                "icon": "file-earmark-excel",
            },
        ]
        if officer and publicity.status == PublicityStatus.DRAFT:
            actions.append(
                {
                    "label": "发布",
                    "url": reverse("admission:publicity_publish", args=[pk]),
                    "method": "post",
                    "style": "primary",
                    "confirm": "确定发布该公示？",
                }
            )
        if officer and publicity.status == PublicityStatus.PUBLISHED:
            actions.append(
                {
                    "label": "结束公示",
                    "url": reverse("admission:publicity_close", args=[pk]),
                    "method": "post",
                    "style": "primary",
                    "confirm": "确定结束公示？名单中的申请将进入审批环节。",
                }
            )
        table_rows = []
        for entry_id, row in zip(entries, rows, strict=True):
            cells = [
                row["index"],
                row["application_number"],
                row["applicant_name"],
                row["id_number"],
                row["household_size"],
                row["community"],
                row["passed"],
            ]
            if can_log:
                cells.append(_Link("登记举报", reverse("admission:objection_create", args=[entry_id])))
            table_rows.append(cells)
        columns = ["序号", "申请编号", "申请人", "证件号码", "家庭人口", "所在社区", "公示结果"] + (
            ["举报"] if can_log else []
        )
        objections = [
            [
                _Link(o.number, reverse("admission:objection_detail", args=[o.pk])),
                o.application.number,
                o.reported_at,
                o.get_status_display(),
            ]
            for o in sel.objection_list(user=request.user).filter(publicity=publicity)
        ]
        return _detail(request, {
            "page_title": f"公示 {publicity.number}",
            "subtitle": f"{publicity.title} · {publicity.get_status_display()}",
            "breadcrumbs": [("公示", reverse("admission:publicity_list")), (publicity.number, None)],
            "fields": [
                ("公示标题", publicity.title), ("公示类型", publicity.get_kind_display()),
                ("公示开始时间", publicity.start_date), ("公示截止时间", publicity.end_date),
                ("公示方式", code_name(publicity, "channel")), ("公示地点", publicity.place),
                ("公示状态", publicity.get_status_display()), ("发布时间", publicity.published_at),
            ],
            "actions": actions,
            "related": [
                {"title": "公示名单", "columns": columns, "rows": table_rows},
                {"title": "举报", "columns": ["举报编号", "申请编号", "举报时间", "处理状态"], "rows": objections, "empty": "暂无举报。"},
            ],
        })  # fmt: skip


class _Link:
    """A table cell rendered as a link (core/detail.html prints cells with {{ cell }})."""

    def __init__(self, label: str, url: str) -> None:
        self.label, self.url = label, url

    def __str__(self) -> str:
        from django.utils.html import format_html

        return format_html('<a href="{}">{}</a>', self.url, self.label)

    def __html__(self) -> str:
        return str(self)


class PublicityActionView(ReaderMixin, View):
    """发布 / 结束公示 (POST)."""

    action = ""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Call the service; errors come back as messages."""
        publicity = sel.publicity_get(user=request.user, pk=pk)
        url = reverse("admission:publicity_detail", args=[pk])
        try:
            if self.action == "publish":
                publicity_services.publicity_publish(publicity=publicity, acting_user=request.user)
                return _redirect_with(request, url, "公示已发布。")
            publicity_services.publicity_close(publicity=publicity, acting_user=request.user)
            return _redirect_with(request, url, "公示已结束，名单中的申请已进入审批环节。")
        except ValidationError as exc:
            _errors_to_messages(request, exc)
        return HttpResponseRedirect(url)


class PublicityPdfView(ReaderMixin, View):
    """The printable notice (PDF, masked)."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Render the PDF inline; the export is audited."""
        from anju.core.services.auditing import audit_record

        publicity = sel.publicity_get(user=request.user, pk=pk)
        pdf = publicity_services.publicity_pdf(publicity=publicity)
        audit_record(
            action="EXPORT", user=request.user, obj=publicity, detail={"format": "pdf", "publicity": publicity.number}
        )
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{publicity.number}.pdf"'
        return response


class PublicityEntryListView(AdmissionListView):
    """公示名单 of one notice (the page behind 导出名单; masked)."""

    required_roles = READER_ROLES
    columns = [
        Column("申请编号", "application.number"),
        Column("申请人", lambda e: mask_name(e.application.applicant_name)),
        Column("证件号码", lambda e: mask_id_number(e.application.id_number)),
        Column("家庭人口", "application.household_size"),
        Column("公示结果", lambda e: {True: "通过", False: "未通过", None: "公示中"}[e.passed]),
    ]

    def get_base_queryset(self) -> Any:
        """The entries of the notice in the jurisdiction (404 outside)."""
        self.publicity = sel.publicity_get(user=self.request.user, pk=self.kwargs["pk"])
        self.title = f"公示名单 {self.publicity.number}"
        return self.publicity.entries.select_related("application").order_by("id")

    def link_for(self, obj: Any) -> str:
        """The notice page."""
        return reverse("admission:publicity_detail", args=[obj.publicity_id])


# --- 举报 ------------------------------------------------------------------------------------------------


class ObjectionListView(AdmissionListView):
    """举报列表."""

    title = "公示期间举报"
    selector = staticmethod(sel.objection_list)
    filterset_class = ObjectionFilterSet
    required_roles = READER_ROLES
    columns = [
        Column("举报编号", "number", link=True),
        Column("公示编号", "publicity.number"),
        Column("申请编号", "application.number"),
        Column("举报时间", "reported_at"),
        Column("举报方式", lambda o: code_name(o, "channel")),
        Column("处理状态", "status"),
    ]

    def link_for(self, obj: Any) -> str:
        """The objection page."""
        return reverse("admission:objection_detail", args=[obj.pk])


class ObjectionCreateView(ReaderMixin, View):
    """登记举报 against one entry of a published notice."""

    def _entry(self, request: HttpRequest, entry_pk: int) -> Any:
        from django.http import Http404

        from anju.admission.models import PublicityEntry

        entry = PublicityEntry.objects.select_related("publicity", "application").filter(pk=entry_pk).first()
        if entry is None or not sel.publicity_list(user=request.user).filter(pk=entry.publicity_id).exists():
            raise Http404("公示名单不存在。")
        if not sel.application_get(user=request.user, pk=entry.application_id):
            raise Http404
        return entry

    def _page(self, request: HttpRequest, entry: Any, form: ObjectionForm) -> HttpResponse:
        url = reverse("admission:publicity_detail", args=[entry.publicity_id])
        return _form_page(request, title=f"登记举报：{entry.application.number}", form=form,
                          crumbs=[("公示", reverse("admission:publicity_list")), (entry.publicity.number, url)], cancel_url=url)  # fmt: skip

    def get(self, request: HttpRequest, entry_pk: int) -> HttpResponse:
        """Empty form."""
        return self._page(request, self._entry(request, entry_pk), ObjectionForm())

    def post(self, request: HttpRequest, entry_pk: int) -> HttpResponse:
        """Log the objection."""
        entry = self._entry(request, entry_pk)
        form = ObjectionForm(request.POST)

        def create(data: dict[str, Any]) -> tuple[str, str]:
            objection = objection_services.objection_create(entry=entry, acting_user=request.user, **data)
            return reverse("admission:objection_detail", args=[objection.pk]), f"已登记举报 {objection.number}。"

        return _submit(request, form, create) or self._page(request, entry, form)


class ObjectionDetailView(ReaderMixin, View):
    """One objection: the report, the verification and the decision (forms for the county officer)."""

    def _render(self, request: HttpRequest, objection: Any, verify: Any = None, decide: Any = None) -> HttpResponse:
        panels = []
        if _is_officer(request.user) and objection.status in (ObjectionStatus.RECEIVED, ObjectionStatus.VERIFYING):
            panels.append({"title": "查证", "url": reverse("admission:objection_verify", args=[objection.pk]),
                           "form": verify or ObjectionVerifyForm(), "submit": "保存查证结果", "testid": "verify-form"})  # fmt: skip
        if _is_officer(request.user) and objection.status == ObjectionStatus.VERIFYING:
            panels.append({"title": "处理决定", "url": reverse("admission:objection_decide", args=[objection.pk]),
                           "form": decide or ObjectionDecideForm(), "submit": "提交处理决定", "testid": "decide-form"})  # fmt: skip
        return _detail(request, {
            "page_title": f"举报 {objection.number}",
            "subtitle": objection.get_status_display(),
            "breadcrumbs": [("公示期间举报", reverse("admission:objection_list")), (objection.number, None)],
            "fields": [
                ("公示编号", objection.publicity.number), ("申请编号", objection.application.number),
                ("举报时间", objection.reported_at), ("举报方式", code_name(objection, "channel")),
                ("举报人", mask_name(objection.reporter_name)), ("举报人联系电话", objection.reporter_phone_masked),
                ("举报内容", objection.content), ("处理状态", objection.get_status_display()),
                ("查证人", objection.verifier or ""), ("查证方式", objection.verification_method),
                ("查证结果", code_name(objection, "verification_result")), ("查证说明", objection.verification_note),
                ("查证时间", objection.verified_at), ("处理意见", objection.decision_note), ("处理时间", objection.decided_at),
            ],
            "panels": panels,
        })  # fmt: skip

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Render."""
        return self._render(request, sel.objection_get(user=request.user, pk=pk))


class ObjectionVerifyView(ObjectionDetailView):
    """查证 (POST)."""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Record the verification."""
        objection = sel.objection_get(user=request.user, pk=pk)
        form = ObjectionVerifyForm(request.POST)

        def verify(data: dict[str, Any]) -> tuple[str, str]:
            objection_services.objection_verify(objection=objection, acting_user=request.user, **data)
            return reverse("admission:objection_detail", args=[pk]), "已保存查证结果。"

        return _submit(request, form, verify) or self._render(request, objection, verify=form)


class ObjectionDecideView(ObjectionDetailView):
    """处理决定 (POST)."""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Decide; upheld returns the application."""
        objection = sel.objection_get(user=request.user, pk=pk)
        form = ObjectionDecideForm(request.POST)

        def decide(data: dict[str, Any]) -> tuple[str, str]:
            objection_services.objection_decide(objection=objection, acting_user=request.user, **data)
            message = "举报成立，申请已退回审核。" if data["upheld"] else "举报不成立，申请继续办理。"
            return reverse("admission:objection_detail", args=[pk]), message

        return _submit(request, form, decide) or self._render(request, objection, decide=form)


# --- 登记 (方案、准予/不予、通知书) ------------------------------------------------------------------------


class RegisteringListView(AdmissionListView):
    """登记办理: applications at the 登记 node."""

    title = "登记办理"
    selector = staticmethod(sel.registering_list)
    required_roles = READER_ROLES
    columns = [
        Column("申请编号", "number", link=True),
        Column("申请人", lambda a: mask_name(a.applicant_name)),
        Column("证件号码", "id_number_masked"),
        Column("家庭人口数", "household_size"),
        Column("办理阶段", "status"),
    ]

    def link_for(self, obj: Any) -> str:
        """The registration page."""
        return reverse("admission:registration", args=[obj.pk])


class RegistrationView(ReaderMixin, View):
    """The registration page of an application: plan (compute / adjust), 准予登记 / 不予登记, notices."""

    def _render(self, request: HttpRequest, application: Any, **forms_: Any) -> HttpResponse:
        plan = sel.plan_for(user=request.user, application=application)
        officer = _is_officer(request.user)
        pk = application.pk
        panels = []
        in_plan_stage = application.status in plan_services.PLAN_STATUSES
        if officer and in_plan_stage and plan is None:
            panels.append({"title": "测算拟保障实施方案", "url": reverse("admission:plan_create", args=[pk]),
                           "form": forms_.get("plan_create") or PlanCreateForm(), "submit": "测算并保存", "testid": "plan-create"})  # fmt: skip
        if officer and in_plan_stage and plan is not None:
            initial = {
                "standard_amount": plan.standard_amount,
                "subsidy_amount": plan.subsidy_amount,
                "allocated_area": plan.allocated_area,
            }
            panels.append({"title": "调整方案（保留测算值）", "url": reverse("admission:plan_adjust", args=[pk]),
                           "form": forms_.get("plan_adjust") or PlanAdjustForm(initial=initial), "submit": "保存调整", "style": "outline-primary", "testid": "plan-adjust"})  # fmt: skip
        if officer and application.status == "registering":
            panels.append({"title": "准予登记", "url": reverse("admission:register_approve", args=[pk]),
                           "form": forms_.get("register") or RegisterForm(), "submit": "准予登记", "testid": "register-approve"})  # fmt: skip
            panels.append({"title": "不予登记", "url": reverse("admission:register_deny", args=[pk]),
                           "form": forms_.get("deny") or RegisterDenyForm(), "submit": "不予登记", "style": "danger", "testid": "register-deny"})  # fmt: skip
        plan_fields = []
        if plan is not None:
            plan_fields = [
                ("方案编号", plan.number), ("拟住房保障方式", code_name(plan, "security_mode")),
                ("标准额度（现值/测算）", f"{plan.standard_amount or '—'} / {plan.computed_standard_amount or '—'}"),
                ("拟补贴额度（现值/测算）", f"{plan.subsidy_amount or '—'} / {plan.computed_subsidy_amount or '—'}"),
                ("拟配给面积（现值/测算）", f"{plan.allocated_area or '—'} / {plan.computed_allocated_area or '—'}"),
                ("测算依据", plan.standard_source), ("调整原因", plan.adjustment_reason),
            ]  # fmt: skip
        notices = [
            (f.title or f.original_name, reverse("archive:file_download", args=[f.pk]))
            for f in sel.notice_files(user=request.user, application=application)
        ]
        return _detail(request, {
            "page_title": f"登记 {application.number}",
            "subtitle": f"{mask_name(application.applicant_name)} · {application.get_status_display()}",
            "breadcrumbs": [("登记办理", reverse("admission:registering_list")), (application.number, None)],
            "fields": [("申请编号", application.number), ("申请人", mask_name(application.applicant_name)),
                       ("证件号码", application.id_number_masked), ("家庭人口数", application.household_size),
                       ("家庭总建筑面积", application.floor_area_total), ("办理阶段", application.get_status_display())],
            "sections": [{"title": "拟保障实施方案", "fields": plan_fields}] if plan_fields else [],
            "actions": [{"label": "申请详情", "url": reverse("admission:household_detail", args=[pk])}],
            "panels": panels,
            "links": notices,
            "links_title": "通知书",
        })  # fmt: skip

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Render."""
        return self._render(request, sel.application_get(user=request.user, pk=pk))


class PlanCreateView(RegistrationView):
    """测算并保存方案 (POST)."""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Compute and store."""
        application = sel.application_get(user=request.user, pk=pk)
        form = PlanCreateForm(request.POST)

        def create(data: dict[str, Any]) -> tuple[str, str]:
            plan_services.plan_create(application=application, acting_user=request.user, **data)
            return reverse("admission:registration", args=[pk]), "已测算并保存拟保障实施方案。"

        return _submit(request, form, create) or self._render(request, application, plan_create=form)


class PlanAdjustView(RegistrationView):
    """调整方案 (POST)."""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Adjust with the reason."""
        application = sel.application_get(user=request.user, pk=pk)
        plan = sel.plan_for(user=request.user, application=application)
        form = PlanAdjustForm(request.POST)

        def adjust(data: dict[str, Any]) -> tuple[str, str]:
            plan_services.plan_adjust(plan=plan, acting_user=request.user, **data)
            return reverse("admission:registration", args=[pk]), "已保存方案调整。"

        response = _submit(request, form, adjust) if plan is not None else None
        return response or self._render(request, application, plan_adjust=form)


class RegisterApproveView(RegistrationView):
    """准予登记 (POST)."""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Register; the notice is archived."""
        application = sel.application_get(user=request.user, pk=pk)
        form = RegisterForm(request.POST)

        def register(data: dict[str, Any]) -> tuple[str, str]:
            entry = registration_services.application_register(
                application=application, acting_user=request.user, opinion=data["opinion"]
            )
            return reverse("admission:registration", args=[pk]), f"已准予登记，登记编号 {entry.number}，通知书已归档。"

        return _submit(request, form, register) or self._render(request, application, register=form)


class RegisterDenyView(RegistrationView):
    """不予登记 (POST)."""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Deny with the reason; the notice is archived."""
        application = sel.application_get(user=request.user, pk=pk)
        form = RegisterDenyForm(request.POST)

        def deny(data: dict[str, Any]) -> tuple[str, str]:
            registration_services.application_register_deny(
                application=application, acting_user=request.user, reason=data["reason"]
            )
            return reverse("admission:registration", args=[pk]), "已不予登记，通知书已归档。"

        return _submit(request, form, deny) or self._render(request, application, deny=form)


# --- 准入登记簿 -------------------------------------------------------------------------------------------


class RegisterListView(AdmissionListView):
    """准入登记簿."""

    title = "准入登记簿"
    selector = staticmethod(sel.register_list)
    filterset_class = RegisterFilterSet
    required_roles = READER_ROLES
    columns = [
        Column("登记编号", "number", link=True),
        Column("申请编号", "application.number"),
        Column("申请人姓名", lambda e: mask_name(e.applicant_name)),
        Column("证件号码", "id_number_masked"),
        Column("家庭人口数", "household_size"),
        Column("申请保障方式", lambda e: code_name(e, "security_mode")),
        Column("登记时间", "registered_at"),
        Column("保障状态", lambda e: code_name(e, "security_state")),
    ]

    def link_for(self, obj: Any) -> str:
        """The entry page."""
        return reverse("admission:register_detail", args=[obj.pk])


class RegisterDetailView(ReaderMixin, View):
    """One register entry (masked), with the notices of its application."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Render."""
        entry = sel.register_get(user=request.user, pk=pk)
        notices = [
            (f.title or f.original_name, reverse("archive:file_download", args=[f.pk]))
            for f in sel.notice_files(user=request.user, application=entry.application)
        ]
        return _detail(request, {
            "page_title": f"准入登记 {entry.number}",
            "subtitle": code_name(entry, "security_state"),
            "breadcrumbs": [("准入登记簿", reverse("admission:register_list")), (entry.number, None)],
            "fields": [
                ("登记编号", entry.number), ("申请编号", entry.application.number),
                ("申请人姓名", mask_name(entry.applicant_name)), ("证件号码", entry.id_number_masked),
                ("联系电话", entry.phone_masked), ("家庭人口数", entry.household_size),
                ("家庭人均年收入", entry.income_per_capita), ("家庭总资产", entry.assets_total),
                ("家庭人均建筑面积", entry.floor_area_per_capita), ("申请保障方式", code_name(entry, "security_mode")),
                ("登记时间", entry.registered_at), ("实施保障时间", entry.security_started_at),
                ("保障状态", code_name(entry, "security_state")), ("保障退出时间", entry.exited_at),
            ],
            "actions": [{"label": "申请详情", "url": reverse("admission:household_detail", args=[entry.application_id])}],
            "links": notices,
            "links_title": "通知书",
        })  # fmt: skip


# --- 供给单位/个人登记审批 ----------------------------------------------------------------------------------

SUPPLIER_KINDS = {
    "unit": ("供给单位登记审批", SupplierUnitForm, supplier_services.supplier_unit_create),
    "person": ("供给个人登记审批", SupplierPersonForm, supplier_services.supplier_person_create),
}


class SupplierUnitListView(AdmissionListView):
    """供给单位登记审批列表 (A.3.17)."""

    title = "供给单位登记审批"
    selector = staticmethod(sel.supplier_unit_list)
    filterset_class = SupplierFilterSet
    required_roles = READER_ROLES
    create_url_name = "admission:supplier_unit_create"
    create_label = "登记单位申请"
    columns = [
        Column("审批编号", "number", link=True),
        Column("单位名称", "organisation_name"),
        Column("申请支持对象类别", "target_category"),
        Column("申请支持方式", "support_mode"),
        Column("申请额度", "requested_amount"),
        Column("核定额度", "approved_amount"),
        Column("审批状态", "status"),
    ]

    def link_for(self, obj: Any) -> str:
        """The approval page."""
        return reverse("admission:supplier_detail", args=["unit", obj.pk])

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """Only the county officer registers."""
        context = super().get_context_data(**kwargs)
        if not _is_officer(self.request.user):
            context["create_url_name"] = None
        return context


class SupplierPersonListView(SupplierUnitListView):
    """供给个人登记审批列表 (A.3.18); ID numbers masked."""

    title = "供给个人登记审批"
    selector = staticmethod(sel.supplier_person_list)
    create_url_name = "admission:supplier_person_create"
    create_label = "登记个人申请"
    columns = [
        Column("审批编号", "number", link=True),
        Column("申请人姓名", lambda a: mask_name(a.applicant_name)),
        Column("申请人证件证号", "id_number_masked"),
        Column("申请支持对象类别", "target_category"),
        Column("申请额度", "requested_amount"),
        Column("核定额度", "approved_amount"),
        Column("审批状态", "status"),
    ]

    def link_for(self, obj: Any) -> str:
        """The approval page."""
        return reverse("admission:supplier_detail", args=["person", obj.pk])


class SupplierCreateView(ReaderMixin, View):
    """登记 a unit or person application."""

    kind = "unit"

    def _page(self, request: HttpRequest, form: forms.Form) -> HttpResponse:
        title = SUPPLIER_KINDS[self.kind][0]
        url = reverse(f"admission:supplier_{self.kind}_list")
        return _form_page(request, title=f"登记：{title}", form=form, crumbs=[(title, url)], cancel_url=url)

    def get(self, request: HttpRequest) -> HttpResponse:
        """Empty form."""
        if not _is_officer(request.user):
            raise PermissionDenied("只有区县住房保障部门可以办理供给单位/个人登记审批。")
        return self._page(request, SUPPLIER_KINDS[self.kind][1](regions=_counties(request.user)))

    def post(self, request: HttpRequest) -> HttpResponse:
        """Create through the service."""
        _, form_class, create = SUPPLIER_KINDS[self.kind]
        form = form_class(request.POST, regions=_counties(request.user))

        def save(_data: dict[str, Any]) -> tuple[str, str]:
            record = create(acting_user=request.user, **form.service_data())
            return reverse("admission:supplier_detail", args=[self.kind, record.pk]), f"已登记 {record.number}。"

        return _submit(request, form, save) or self._page(request, form)


class SupplierDetailView(ReaderMixin, View):
    """One supplier approval with the review form while pending."""

    def _render(self, request: HttpRequest, kind: str, record: Any, form: Any = None) -> HttpResponse:
        title = SUPPLIER_KINDS[kind][0]
        if kind == "unit":
            who = [("单位编号", record.organisation_number), ("单位名称", record.organisation_name),
                   ("项目编号", record.project_number), ("项目名称", record.project_name)]  # fmt: skip
        else:
            who = [("申请人姓名", mask_name(record.applicant_name)), ("申请人证件证号", record.id_number_masked)]
        panels = []
        if _is_officer(request.user) and record.status == SupplierApprovalStatus.SUBMITTED:
            panels.append({"title": "审核", "url": reverse("admission:supplier_review", args=[kind, record.pk]),
                           "form": form or SupplierReviewForm(), "submit": "提交审核", "testid": "review-form"})  # fmt: skip
        return _detail(request, {
            "page_title": f"{title} {record.number}",
            "subtitle": record.get_status_display(),
            "breadcrumbs": [(title, reverse(f"admission:supplier_{kind}_list")), (record.number, None)],
            "fields": [
                *who, ("申请支持对象类别", record.get_target_category_display()),
                ("申请支持项目类别", code_name(record, "project_category")), ("申请支持方式", record.get_support_mode_display()),
                ("申请支持条件编号", record.condition_number), ("标准额度", record.standard_amount),
                ("应补贴额度", record.subsidy_due), ("应缴纳额度", record.payable_amount), ("核减额度", record.deduction_amount),
                ("申请额度", record.requested_amount), ("申请时间", record.applied_at), ("核定额度", record.approved_amount),
                ("审核时间", record.reviewed_at), ("审核单位", record.reviewing_unit), ("审核意见", record.review_opinion),
                ("审批状态", record.get_status_display()),
            ],
            "panels": panels,
        })  # fmt: skip

    def get(self, request: HttpRequest, kind: str, pk: int) -> HttpResponse:
        """Render."""
        return self._render(request, kind, sel.supplier_get(user=request.user, kind=kind, pk=pk))


class SupplierReviewView(SupplierDetailView):
    """审核 (POST)."""

    def post(self, request: HttpRequest, kind: str, pk: int) -> HttpResponse:
        """Approve or refuse."""
        record = sel.supplier_get(user=request.user, kind=kind, pk=pk)
        form = SupplierReviewForm(request.POST)

        def review(data: dict[str, Any]) -> tuple[str, str]:
            supplier_services.supplier_review(approval=record, acting_user=request.user, **data)
            return reverse("admission:supplier_detail", args=[kind, pk]), "审核已完成。"

        return _submit(request, form, review) or self._render(request, kind, record, form)
