"""Staff pages of 配后管理 (mounted at /tenancy/): lists, details, forms, PDFs.

Views only parse input, call a selector or a service, and render; a service's ValidationError goes back
onto the form (what was typed is kept), PermissionDenied is 403, another district's record is 404.
"""

from __future__ import annotations

import io
import uuid
from decimal import Decimal
from typing import Any, ClassVar
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.views import View

from anju.core.documents import document_render, render_pdf
from anju.core.listing import Column, StaffListView, cell_text
from anju.core.views_records import RecordFormView
from anju.tenancy import forms, selectors
from anju.tenancy.filtersets import (
    ChargeFilterSet,
    ExitCaseFilterSet,
    FixedCostFilterSet,
    MoveInFilterSet,
    PaymentFilterSet,
    ReminderFilterSet,
    ResaleFilterSet,
    ReturnFilterSet,
    ReviewResultFilterSet,
    VacateFilterSet,
)
from anju.tenancy.permissions import DECISION_ROLES, OPERATION_ROLES, PARAMETER_ROLES, READER_ROLES, has_roles
from anju.tenancy.services import exits, occupancy, parameters, rent, review, sold
from anju.tenancy.services.arrears import BUCKETS, household_ageing
from anju.tenancy.services.common import month_parse
from anju.tenancy.services.reminders import rent_reminder_record_paper, rent_reminders_send


class ReaderMixin(LoginRequiredMixin):
    """Business staff who read 配后管理 records (default deny)."""

    roles: tuple[str, ...] = READER_ROLES

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """403 for roles without access."""
        if request.user.is_authenticated and not request.user.has_role(*self.roles):
            raise PermissionDenied("您的角色无权办理此项配后管理业务。")
        return super().dispatch(request, *args, **kwargs)


def _apply_errors(form: Any, exc: ValidationError) -> None:
    """Put a service's Chinese errors onto the form (unknown fields become form-wide errors)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


class ServiceFormView(ReaderMixin, RecordFormView):
    """A 配后管理 form page on core's RecordFormView: POST parses the form and calls `perform`.

    Errors stay on the form; success is "<title>：已办理。" and a redirect to the address `perform`
    returns. Declared per page: `getter` (selector(user=, pk=), 404 outside the jurisdiction) for a
    form on one record, `cancel_to` (URL name) for 取消; pages whose service takes the record as
    `record_arg` and the form's `service_fields` as they are only declare `service`, and go to
    `done_to` (URL name) or the result's page.
    """

    roles = OPERATION_ROLES
    form_class: Any = None
    title = ""
    submit_label = "保存"
    intro = ""
    getter: ClassVar[Any] = None
    cancel_to = "tenancy:index"
    record_arg = ""
    service_fields: ClassVar[tuple[str, ...]] = ()
    done_to = ""

    def root_breadcrumb(self) -> tuple[str, str]:
        """配后管理."""
        return ("配后管理", reverse("tenancy:index"))

    def get_object(self) -> Any:
        """The record the form acts on (None for creates)."""
        return type(self).getter(user=self.request.user, pk=self.kwargs["pk"]) if self.getter is not None else None

    def load(self, **kwargs: Any) -> tuple[Any, Any]:
        """No parent; the record (also `self.object`)."""
        self.object = self.get_object()
        return None, self.object

    def form_kwargs(self, parent: Any, instance: Any) -> dict[str, Any]:
        """Extra keyword arguments of the form."""
        return {}

    def initial(self) -> dict[str, Any]:
        """Initial values."""
        return {}

    def make_form(self, parent: Any, instance: Any, data: Any = None, files: Any = None) -> Any:
        """The empty form with its initial values, or the submitted one."""
        if data is None:
            return self.form_class(initial=self.initial(), **self.form_kwargs(parent, instance))
        return self.form_class(data, **self.form_kwargs(parent, instance))

    def call(self, parent: Any, instance: Any, form: Any) -> str:
        """`perform` on the cleaned data; the address to go to."""
        return self.perform(form.cleaned_data)

    def perform(self, data: dict[str, Any]) -> str:
        """Call the service; return the address to go to."""
        kwargs = {self.record_arg: self.object} if self.record_arg else {}
        kwargs.update({name: data[name] for name in self.service_fields})
        result = type(self).service(**kwargs, acting_user=self.request.user)
        return reverse(self.done_to) if self.done_to else result.get_absolute_url()

    def cancel_url(self, parent: Any, instance: Any) -> str:
        """Where 取消 goes."""
        return reverse(self.cancel_to)

    def render_form(self, parent: Any, instance: Any, form: Any) -> HttpResponse:
        """The form page."""
        return render(
            self.request,
            "core/form.html",
            {
                "form": form,
                "page_title": self.title,
                "submit_label": self.submit_label,
                "intro": self.intro,
                "cancel_url": self.cancel_url(parent, instance),
                "breadcrumbs": [self.root_breadcrumb(), (self.title, None)],
            },
        )

    def service_errors(self, form: Any, exc: ValidationError) -> None:
        """The service's Chinese errors on the form."""
        _apply_errors(form, exc)

    def success_message(self, saved: Any) -> str:
        """<title>：已办理。"""
        return f"{self.title}：已办理。"

    def success_url(self, saved: Any) -> str:
        """The address `perform` returned."""
        return saved


def _link(url: str, text: Any) -> str:
    return format_html('<a href="{}">{}</a>', url, text)


def _pdf(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f"inline; filename*=UTF-8''{quote(filename)}"
    return response


def _detail(
    request: HttpRequest,
    *,
    title: str,
    fields: list,
    related: list | None = None,
    actions: list | None = None,
    subtitle: str = "",
    back: tuple[str, str] | None = None,
) -> HttpResponse:
    crumbs = [("配后管理", reverse("tenancy:index"))] + ([back] if back else []) + [(title, None)]
    return render(
        request,
        "core/detail.html",
        {
            "page_title": title,
            "subtitle": subtitle,
            "fields": fields,
            "related": related or [],
            "actions": actions or [],
            "breadcrumbs": crumbs,
        },
    )


def _rows(obj: Any, names: list[str]) -> list[tuple[str, Any]]:
    out = []
    for name in names:
        field = obj._meta.get_field(name)
        getter = getattr(obj, f"get_{name}_display", None)
        value = getter() if callable(getter) else getattr(obj, name)
        out.append(
            (
                str(field.verbose_name),
                "" if value is None else (cell_text(value) if not hasattr(value, "_meta") else str(value)),
            )
        )
    return out


def _action(label: str, name: str, pk: int, style: str = "") -> dict[str, str]:
    """A button to the tenancy page `name` of record `pk` (style: primary, danger)."""
    return {"label": label, "url": reverse(f"tenancy:{name}", args=[pk]), **({"style": style} if style else {})}


class RecordDetailView(ReaderMixin, View):
    """The detail page of one record: `getter` (selector(user=, pk=)), `back` (label, URL name) and `page`."""

    getter: ClassVar[Any] = None
    back: ClassVar[tuple[str, str]] = ("", "")

    def page(self, obj: Any) -> dict[str, Any]:
        """title, fields and the optional related, actions and subtitle of the page."""
        raise NotImplementedError

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The record's page (404 outside the jurisdiction)."""
        label, name = self.back
        return _detail(request, back=(label, reverse(name)), **self.page(type(self).getter(user=request.user, pk=pk)))


# ---------------------------------------------------------------- index


class IndexView(ReaderMixin, View):
    """配后管理 home: figures and links."""

    def get(self, request: HttpRequest) -> HttpResponse:
        """Counts in the jurisdiction and the entry points."""
        user = request.user
        arrears = selectors.arrears_list(user=user)
        figures = [
            ("在住户数", selectors.move_in_list(user=user).filter(status="occupied").count(), "tenancy:move_in_list"),
            ("待入住合同", selectors.leases_awaiting_move_in(user=user).count(), "tenancy:move_in_create"),
            ("欠租户数", len(arrears), "tenancy:arrears"),
            ("欠租总额（元）", sum((r["total"] for r in arrears), Decimal(0)), "tenancy:arrears"),
            ("腾退中", selectors.vacate_list(user=user).exclude(status="closed").count(), "tenancy:vacate_list"),
            ("退出审核中", selectors.exit_case_list(user=user).filter(status="open").count(), "tenancy:exit_case_list"),
        ]
        links = [
            ("入住", "tenancy:move_in_list"),
            ("租金应收", "tenancy:charge_list"),
            ("租金实收", "tenancy:payment_list"),
            ("欠租与催缴", "tenancy:arrears"),
            ("生成租金应收", "tenancy:rent_run"),
            ("每月固定款项", "tenancy:fixed_cost_list"),
            ("腾退", "tenancy:vacate_list"),
            ("年审", "tenancy:review_round_list"),
            ("年审结果", "tenancy:review_result_list"),
            ("保障退出", "tenancy:exit_case_list"),
            ("已配售房源退回", "tenancy:return_list"),
            ("已配售房源再上市", "tenancy:resale_list"),
            ("参数", "tenancy:parameters"),
        ]
        return render(
            request, "tenancy/index.html", {"figures": figures, "links": links, "breadcrumbs": [("配后管理", None)]}
        )


# ---------------------------------------------------------------- lists


class TenancyListView(StaffListView):
    """A tenancy list: business readers only."""

    required_roles = READER_ROLES


class MoveInListView(TenancyListView):
    """入住."""

    title = "入住"
    selector = staticmethod(selectors.move_in_list)
    filterset_class = MoveInFilterSet
    create_url_name = "tenancy:move_in_create"
    create_label = "办理入住"
    export_filename = "入住"
    columns = [
        Column("申请人编号", "applicant_number", link=True),
        Column("申请人", "register_entry.applicant_name"),
        Column("房源编号", "unit_number"),
        Column("合同编号", "lease.number"),
        Column("入住时间", "moved_in_on"),
        Column("租金", "rent"),
        Column("租金是否减免", "has_reduction"),
        Column("租金减免金额", "reduction_amount"),
        Column("入住状态", "status"),
    ]


class ChargeListView(TenancyListView):
    """租金应收 (A.8.5)."""

    title = "租金应收"
    selector = staticmethod(selectors.charge_list)
    filterset_class = ChargeFilterSet
    create_url_name = "tenancy:rent_run"
    create_label = "生成租金应收"
    export_filename = "租金应收"
    columns = [
        Column("应收编号", "number", link=True),
        Column("申请人编号", "applicant_number"),
        Column("申请人", "register_entry.applicant_name"),
        Column("房源编号", "unit_number"),
        Column("租金年度", "year"),
        Column("租金月份", "month"),
        Column("租金金额", "amount"),
        Column("已收金额", "paid_amount"),
        Column("应收时间", "due_on"),
    ]


class ReminderListView(TenancyListView):
    """催缴记录 (Anju extension of A.8.5)."""

    title = "催缴记录"
    selector = staticmethod(selectors.reminder_list)
    filterset_class = ReminderFilterSet
    export_filename = "催缴记录"
    columns = [
        Column("申请人编号", "applicant_number", link=True),
        Column("申请人", "register_entry.applicant_name"),
        Column("欠租月数", "months_owed"),
        Column("欠缴金额", "amount_owed"),
        Column("催缴方式", "channel"),
        Column("催缴时间", "sent_at"),
        Column("催缴人", "sent_by"),
        Column("通知内容", "message"),
    ]


class PaymentListView(TenancyListView):
    """租金实收 (A.8.6)."""

    title = "租金实收"
    selector = staticmethod(selectors.payment_list)
    filterset_class = PaymentFilterSet
    export_filename = "租金实收"
    columns = [
        Column("实收编号", "number"),
        Column("应收编号", "charge_number"),
        Column("申请人编号", "applicant_number", link=True),
        Column("申请人", "register_entry.applicant_name"),
        Column("房源编号", "unit_number"),
        Column("实收金额", "amount"),
        Column("租金年度", "year"),
        Column("租金月份", "month"),
        Column("是否足额收取", "is_full"),
        Column("未足额收取原因", "shortfall_reason"),
        Column("实收时间", "paid_at"),
        Column("实收方式", "method"),
    ]

    def link_for(self, obj: Any) -> str:
        """The household's statement."""
        return reverse("tenancy:household_detail", args=[obj.register_entry_id])


class VacateListView(TenancyListView):
    """腾退 (A.8.4)."""

    title = "腾退"
    selector = staticmethod(selectors.vacate_list)
    filterset_class = VacateFilterSet
    export_filename = "腾退"
    columns = [
        Column("申请人编号", "applicant_number", link=True),
        Column("申请人", "register_entry.applicant_name"),
        Column("房源编号", "unit_number"),
        Column("腾退方式", "kind"),
        Column("通知日期", "notified_on"),
        Column("搬离期限", "move_out_deadline"),
        Column("腾退时间", "vacated_on"),
        Column("结算金额", "balance"),
        Column("腾退进度", "status"),
    ]


class FixedCostListView(TenancyListView):
    """每月固定发生款项 (A.8.7)."""

    title = "每月固定发生款项"
    selector = staticmethod(selectors.fixed_cost_list)
    filterset_class = FixedCostFilterSet
    create_url_name = "tenancy:fixed_cost_create"
    create_label = "登记款项"
    export_filename = "每月固定发生款项"
    columns = [
        Column("款项编号", "number"),
        Column("小区（项目）", "project.name"),
        Column("发生款项说明", "description"),
        Column("发生年度", "year"),
        Column("发生月份", "month"),
        Column("款项金额", "amount"),
    ]


class ReviewRoundListView(TenancyListView):
    """年审 (A.8.8)."""

    title = "年审"
    selector = staticmethod(selectors.review_round_list)
    create_url_name = "tenancy:review_round_create"
    create_label = "发起年审"
    export_filename = "年审"
    columns = [
        Column("年审编号", "number", link=True),
        Column("年审年度", "year"),
        Column("年审范围时间节点", "scope_date"),
        Column("行政区划代码", "region_code"),
        Column("状态", "status"),
        Column("参审户数", "total"),
        Column("不再符合条件户数", "ineligible_count"),
        Column("欠租户数", "arrears_count"),
        Column("转复核户数", "flagged_count"),
    ]


class ReviewResultListView(TenancyListView):
    """年审结果."""

    title = "年审结果"
    selector = staticmethod(selectors.review_result_list)
    filterset_class = ReviewResultFilterSet
    export_filename = "年审结果"
    columns = [
        Column("年审年度", "round.year"),
        Column("登记编号", "register_entry.number", link=True),
        Column("申请人", "register_entry.applicant_name"),
        Column("仍符合保障条件", "eligible"),
        Column("欠缴租金", "arrears_amount"),
        Column("欠租月数", "arrears_months"),
        Column("违规记录数", "violations"),
        Column("年审结论", "outcome"),
    ]


class ExitCaseListView(TenancyListView):
    """保障退出."""

    title = "保障退出"
    selector = staticmethod(selectors.exit_case_list)
    filterset_class = ExitCaseFilterSet
    create_url_name = "tenancy:exit_case_create"
    create_label = "发起退出"
    export_filename = "保障退出"
    columns = [
        Column("退出编号", "number", link=True),
        Column("申请人", "register_entry.applicant_name"),
        Column("退出事由", "ground"),
        Column("办理状态", "status"),
        Column("决定时间", "decided_at"),
        Column("腾退（退出）期限", "move_out_deadline"),
        Column("通知书编号", "notice_number"),
    ]


class ReturnListView(TenancyListView):
    """已配售房源退回 (A.8.1)."""

    title = "已配售房源退回"
    selector = staticmethod(selectors.return_list)
    filterset_class = ReturnFilterSet
    create_url_name = "tenancy:return_create"
    create_label = "登记退回"
    export_filename = "已配售房源退回"
    columns = [
        Column("申请人编号", "applicant_number"),
        Column("房源编号", "unit_number"),
        Column("回退原因", "reason"),
        Column("应回退时间", "due_on"),
        Column("实回退时间", "returned_on"),
        Column("退回状态", "status"),
        Column(
            "办理",
            lambda r: _link(reverse("tenancy:return_complete", args=[r.pk]), "实回退") if r.status == "pending" else "",
        ),
    ]

    def link_for(self, obj: Any) -> str:
        """No detail page: the complete form."""
        return ""


class ResaleListView(TenancyListView):
    """已配售房源再上市 (A.8.2)."""

    title = "已配售房源再上市"
    selector = staticmethod(selectors.resale_list)
    filterset_class = ResaleFilterSet
    create_url_name = "tenancy:resale_create"
    create_label = "再上市登记"
    export_filename = "已配售房源再上市"
    columns = [
        Column("申请人编号", "applicant_number", link=True),
        Column("房源编号", "unit_number"),
        Column("产权证号", "certificate_number"),
        Column("预售价格", "asking_price"),
        Column("签约金额", "contract_amount"),
        Column("持有年数", "years_held"),
        Column("处理方式", "route"),
        Column("政府回购价格", "buyback_price"),
        Column("应缴差价收益", "government_share"),
    ]


# ---------------------------------------------------------------- move-in, vacate


class MoveInCreateView(ServiceFormView):
    """办理入住."""

    form_class = forms.MoveInForm
    title = "办理入住"
    submit_label = "办理入住"
    cancel_to = "tenancy:move_in_list"

    def form_kwargs(self, parent: Any, instance: Any) -> dict[str, Any]:
        return {"leases": selectors.leases_awaiting_move_in(user=self.request.user)}

    def initial(self) -> dict[str, Any]:
        return {"lease": self.request.GET.get("lease")}

    def perform(self, data: dict[str, Any]) -> str:
        move_in = occupancy.move_in_create(
            lease=data["lease"],
            moved_in_on=data["moved_in_on"],
            rent=data["rent"],
            reduction_amount=data["reduction_amount"] or 0,
            reduction_reason=data["reduction_reason"],
            is_printed=data["is_printed"],
            acting_user=self.request.user,
        )
        return move_in.get_absolute_url()


class MoveInDetailView(RecordDetailView):
    """入住 detail with the household's charges."""

    getter, back = staticmethod(selectors.move_in_get), ("入住", "tenancy:move_in_list")

    def page(self, move_in: Any) -> dict[str, Any]:
        """Fields, charges, actions."""
        charges = move_in.charges.order_by("-period")[:24]
        actions = [_action("租金台账", "household_detail", move_in.register_entry_id)]
        if move_in.status == "occupied" and has_roles(self.request.user, OPERATION_ROLES):
            actions.append(_action("办理腾退", "vacate_create", move_in.pk, "danger"))
        fields = [
            ("申请人编号", move_in.applicant_number),
            ("申请人", move_in.register_entry.applicant_name),
            ("房源编号", move_in.unit_number),
            ("房屋", str(move_in.unit)),
            ("配租合同", move_in.lease.number),
        ]
        fields += _rows(
            move_in,
            [
                "moved_in_on",
                "rent",
                "has_reduction",
                "reduction_amount",
                "reduction_reason",
                "deposit",
                "status",
                "is_printed",
                "created_at",
                "created_by",
                "updated_at",
                "updated_by",
            ],
        )
        from anju.tenancy.models import StandardAdjustment
        from anju.tenancy.services.rent import rent_in_force

        this_month = timezone.localdate().replace(day=1)
        fields.insert(5, ("本月适用租金（元/月）", rent_in_force(move_in, this_month)))
        adjustments = StandardAdjustment.objects.filter(move_in=move_in).order_by("-effective_from", "-pk")
        related = [
            {
                "title": "租金应收（最近24个月）",
                "columns": ["应收编号", "年月", "租金金额", "已收金额"],
                "rows": [[c.number, f"{c.year}-{c.month:02d}", c.amount, c.paid_amount] for c in charges],
            },
            {
                "title": "租金调整（年审）",
                "columns": ["调整编号", "起始月份", "调整前（元/月）", "调整后（元/月）", "理由"],
                "rows": [
                    [a.number, a.effective_from.strftime("%Y-%m"), a.old_amount, a.new_amount, a.reason]
                    for a in adjustments
                ],
            },
        ]
        return {
            "title": f"入住 {move_in.register_entry.applicant_name}",
            "fields": fields,
            "related": related,
            "actions": actions,
        }


class VacateCreateView(ServiceFormView):
    """办理腾退."""

    form_class = forms.VacateForm
    title = "办理腾退"
    getter, service = staticmethod(selectors.move_in_get), staticmethod(occupancy.vacate_create)
    record_arg, service_fields = "move_in", ("kind", "reason", "notified_on", "move_out_deadline")


class VacateDetailView(RecordDetailView):
    """腾退 detail."""

    getter, back = staticmethod(selectors.vacate_get), ("腾退", "tenancy:vacate_list")

    def page(self, vacate: Any) -> dict[str, Any]:
        """Fields and the next step."""
        actions = []
        if has_roles(self.request.user, OPERATION_ROLES):
            if vacate.status == "notified":
                actions.append(_action("登记搬离", "vacate_move_out", vacate.pk, "primary"))
            elif vacate.status == "moved_out":
                actions.append(_action("验房结算", "vacate_close", vacate.pk, "primary"))
        fields = [
            ("申请人编号", vacate.applicant_number),
            ("申请人", vacate.register_entry.applicant_name),
            ("房源编号", vacate.unit_number),
        ]
        fields += _rows(
            vacate,
            [
                "kind",
                "reason",
                "notified_on",
                "move_out_deadline",
                "vacated_on",
                "inspected_on",
                "inspection_note",
                "rent_owed",
                "damage_amount",
                "deposit",
                "balance",
                "status",
                "is_printed",
            ],
        )
        return {
            "title": f"腾退 {vacate.register_entry.applicant_name}",
            "fields": fields,
            "actions": actions,
        }


class VacateMoveOutView(ServiceFormView):
    """登记搬离."""

    form_class = forms.MoveOutForm
    title = "登记搬离"
    getter, service = staticmethod(selectors.vacate_get), staticmethod(occupancy.vacate_move_out)
    record_arg, service_fields = "vacate", ("vacated_on",)


class VacateCloseView(ServiceFormView):
    """验房结算."""

    form_class = forms.InspectionForm
    title = "验房结算"
    intro = "结算金额 = 欠缴租金 + 损坏赔偿 − 押金；验房后住房恢复为“空置”，可再次配给。"
    getter = staticmethod(selectors.vacate_get)

    def perform(self, data: dict[str, Any]) -> str:
        return occupancy.vacate_close(
            vacate=self.object,
            inspected_on=data["inspected_on"],
            inspection_note=data["inspection_note"],
            damage_amount=data["damage_amount"] or 0,
            acting_user=self.request.user,
        ).get_absolute_url()


# ---------------------------------------------------------------- rent


class RentRunView(ServiceFormView):
    """生成租金应收 (background job)."""

    form_class = forms.RentRunForm
    title = "生成租金应收"
    submit_label = "开始生成"
    intro = "为管辖范围内每户在租家庭生成所选月份的租金应收；同一合同同一月份只生成一次。"

    def perform(self, data: dict[str, Any]) -> str:
        job = rent.rent_run_start(period=month_parse(data["month"]), acting_user=self.request.user)
        return reverse("core:job_detail", args=[job.pk])


class ArrearsView(ReaderMixin, View):
    """欠租与催缴: households with arrears and ageing; Excel export; printable reminder list."""

    def get(self, request: HttpRequest) -> HttpResponse:
        """The list (filtered by name/number), `?export=xlsx`, `?print=1`."""
        rows = selectors.arrears_list(user=request.user)
        query = (request.GET.get("q") or "").strip()
        min_months = request.GET.get("min_months") or ""
        if query:
            rows = [
                r
                for r in rows
                if r["entry"] and (query in r["entry"].applicant_name or r["entry"].number.startswith(query))
            ]
        if min_months.isdigit():
            rows = [r for r in rows if r["months"] >= int(min_months)]
        if request.GET.get("export") == "xlsx":
            return self.export(rows)
        printing = bool(request.GET.get("print"))
        page = Paginator(rows, 50).get_page(request.GET.get("page"))
        params = request.GET.copy()
        params.pop("page", None)
        return render(
            request,
            "tenancy/arrears_print.html" if printing else "tenancy/arrears.html",
            {
                "rows": rows if printing else page.object_list,
                "page_obj": page,
                "count": len(rows),
                "querystring_without_page": (params.urlencode() + "&") if params else "",
                "buckets": BUCKETS,
                "q": query,
                "min_months": min_months,
                "today": timezone.localdate(),
                "total": sum((r["total"] for r in rows), Decimal(0)),
                "can_remind": has_roles(request.user, OPERATION_ROLES),
                "breadcrumbs": [("配后管理", reverse("tenancy:index")), ("欠租与催缴", None)],
            },
        )

    def export(self, rows: list[dict[str, Any]]) -> HttpResponse:
        """The reminder list as Excel (audited as an export)."""
        from openpyxl import Workbook

        from anju.core.services.auditing import audit_record

        book = Workbook()
        sheet = book.active
        sheet.title = "欠租催缴名单"
        sheet.append(["登记编号", "申请人", "房源编号", "欠租月数", "欠缴总额", *[label for _, label in BUCKETS]])
        for r in rows:
            sheet.append(
                [
                    r["entry"].number,
                    r["entry"].applicant_name,
                    r["unit_number"],
                    r["months"],
                    r["total"],
                    *[r[key] for key, _ in BUCKETS],
                ]
            )
        buffer = io.BytesIO()
        book.save(buffer)
        audit_record(
            action="EXPORT", user=self.request.user, obj=None, detail={"list": "tenancy_arrears", "rows": len(rows)}
        )
        response = HttpResponse(
            buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote('欠租催缴名单.xlsx')}"
        return response

    def post(self, request: HttpRequest) -> HttpResponse:
        """Send 催缴提醒 to every household owing at least `min_months` months (operation roles)."""
        if not has_roles(request.user, OPERATION_ROLES):
            raise PermissionDenied("您的角色无权发送催缴提醒。")
        min_months = request.POST.get("min_months") or ""
        result = rent_reminders_send(
            acting_user=request.user, min_months=int(min_months) if min_months.isdigit() else 1
        )
        messages.success(request, result.message)
        return redirect("tenancy:arrears")


def _statement(entry: Any) -> dict[str, Any]:
    """Charges and payments of a household in date order with a running balance."""
    from anju.tenancy.models import RentCharge, RentPayment

    lines = [
        (c.due_on, f"{c.year}年{c.month}月租金（{c.number}）", c.amount, Decimal(0))
        for c in RentCharge.objects.filter(register_entry=entry)
    ]
    lines += [
        (timezone.localtime(p.paid_at).date(), f"实收（{p.number}，{p.get_method_display()}）", Decimal(0), p.amount)
        for p in RentPayment.objects.filter(register_entry=entry)
    ]
    lines.sort(key=lambda line: (line[0], line[3] > 0))
    balance, rows = Decimal(0), []
    for when, text, debit, credit in lines:
        balance += debit - credit
        rows.append({"date": when, "text": text, "debit": debit, "credit": credit, "balance": balance})
    return {"rows": rows, "balance": balance}


class HouseholdDetailView(ReaderMixin, View):
    """租金台账 of one household: statement, ageing, receipts; payment and PDFs."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The statement page."""
        entry = selectors.household_get(user=request.user, pk=pk)
        statement = _statement(entry)
        ageing = household_ageing(register_entry=entry, as_of=timezone.localdate())
        return render(
            request,
            "tenancy/household.html",
            {
                "entry": entry,
                "statement": statement,
                "ageing": ageing,
                "buckets": [(label, ageing.buckets[key]) for key, label in BUCKETS],
                "receipts": entry.rent_receipts.order_by("-paid_at")[:50],
                "can_collect": has_roles(request.user, OPERATION_ROLES),
                "breadcrumbs": [
                    ("配后管理", reverse("tenancy:index")),
                    ("欠租与催缴", reverse("tenancy:arrears")),
                    (entry.applicant_name, None),
                ],
            },
        )


class StatementPdfView(ReaderMixin, View):
    """对账单 PDF."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Render the statement."""
        entry = selectors.household_get(user=request.user, pk=pk)
        pdf = render_pdf(
            template_name="documents/tenancy_statement.html",
            context={"entry": entry, "statement": _statement(entry), "today": timezone.localdate()},
        )
        return _pdf(pdf, f"租金对账单-{entry.number}.pdf")


class ReminderPdfView(ReaderMixin, View):
    """租金催缴通知书 PDF of one household."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Render the editable reminder notice."""
        from datetime import timedelta

        entry = selectors.household_get(user=request.user, pk=pk)
        ageing = household_ageing(register_entry=entry, as_of=timezone.localdate())
        move_in = entry.move_ins.select_related("unit__building").order_by("-pk").first()
        today = timezone.localdate()
        _title, pdf = document_render(
            code="tenancy_rent_reminder",
            context={
                "applicant_name": entry.applicant_name,
                "register_number": entry.number,
                "unit": str(move_in.unit) if move_in else "",
                "arrears": f"{ageing.total:,.2f}",
                "months": ageing.months,
                "decision_date": f"{today:%Y年%m月%d日}",
                "deadline": f"{today + timedelta(days=15):%Y年%m月%d日}",
                "department": "公共租赁住房运营单位",
            },
        )
        if has_roles(request.user, OPERATION_ROLES) and ageing.months:
            rent_reminder_record_paper(
                acting_user=request.user,
                register_entry=entry,
                total=ageing.total,
                months=ageing.months,
                text=f"打印租金催缴通知书：欠缴租金{ageing.months}个月，共{ageing.total:,.2f}元。",
            )
        return _pdf(pdf, f"租金催缴通知书-{entry.number}.pdf")


class PaymentCreateView(ServiceFormView):
    """收取租金 (oldest charges first)."""

    form_class = forms.PaymentForm
    title = "收取租金"
    submit_label = "确认收款"
    getter = staticmethod(selectors.household_get)

    def initial(self) -> dict[str, Any]:
        owed = household_ageing(register_entry=self.object, as_of=timezone.localdate()).total
        return {"amount": owed, "payer_name": self.object.applicant_name, "idempotency_key": uuid.uuid4().hex}

    def render_form(self, parent: Any, instance: Any, form: Any) -> HttpResponse:
        owed = household_ageing(register_entry=self.object, as_of=timezone.localdate()).total
        self.intro = (
            f"{self.object.applicant_name}（{self.object.number}）当前欠缴租金 {owed} 元；收款按应收月份从早到晚冲抵。"
        )
        return super().render_form(parent, instance, form)

    def cancel_url(self, parent: Any, instance: Any) -> str:
        return reverse("tenancy:household_detail", args=[self.kwargs["pk"]])

    def perform(self, data: dict[str, Any]) -> str:
        receipt = rent.payment_record(
            register_entry=self.object,
            amount=data["amount"],
            method=data["method"],
            payer_name=data["payer_name"],
            shortfall_reason=data["shortfall_reason"],
            note=data["note"],
            idempotency_key=data["idempotency_key"] or None,
            acting_user=self.request.user,
        )
        return reverse("tenancy:household_detail", args=[receipt.register_entry_id])


class ReceiptPdfView(ReaderMixin, View):
    """租金收据 PDF."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Render the receipt with its allocation."""
        receipt = selectors.receipt_get(user=request.user, pk=pk)
        pdf = render_pdf(
            template_name="documents/tenancy_receipt.html",
            context={
                "receipt": receipt,
                "payments": receipt.payments.select_related("charge").order_by("charge__period"),
            },
        )
        return _pdf(pdf, f"租金收据-{receipt.number}.pdf")


class FixedCostCreateView(ServiceFormView):
    """登记每月固定发生款项."""

    form_class = forms.FixedCostForm
    title = "登记每月固定发生款项"
    cancel_to = done_to = "tenancy:fixed_cost_list"
    service, service_fields = (
        staticmethod(rent.fixed_cost_create),
        ("project", "description", "year", "month", "amount"),
    )

    def form_kwargs(self, parent: Any, instance: Any) -> dict[str, Any]:
        from anju.housing.selectors import project_list

        return {"projects": project_list(user=self.request.user)}


# ---------------------------------------------------------------- annual review


class ReviewRoundCreateView(ServiceFormView):
    """发起年审 (evaluated in the background)."""

    roles = DECISION_ROLES
    form_class = forms.ReviewRoundForm
    title = "发起年审"
    submit_label = "发起并评估"

    def perform(self, data: dict[str, Any]) -> str:
        user = self.request.user
        review_round = review.review_round_create(
            year=data["year"], region_code=user.jurisdiction_id, scope_date=data["scope_date"], acting_user=user
        )
        job = review.review_round_start(review_round=review_round, acting_user=user)
        return reverse("core:job_detail", args=[job.pk])


class ReviewRoundDetailView(RecordDetailView):
    """年审批次: counts per outcome."""

    getter, back = staticmethod(selectors.review_round_get), ("年审", "tenancy:review_round_list")

    def page(self, review_round: Any) -> dict[str, Any]:
        """Fields and the outcome table."""
        fields = _rows(
            review_round,
            [
                "number",
                "year",
                "scope_date",
                "region_code",
                "status",
                "total",
                "eligible_count",
                "ineligible_count",
                "arrears_count",
                "flagged_count",
                "evaluated_at",
            ],
        )
        counts = review.review_outcome_counts(review_round)
        related = [
            {"title": "各结论户数", "columns": ["年审结论", "户数"], "rows": [[k, v] for k, v in counts.items()]}
        ]
        actions = [{"label": "查看结果", "url": reverse("tenancy:review_result_list") + "?flagged=true"}]
        return {
            "title": str(review_round),
            "fields": fields,
            "related": related,
            "actions": actions,
        }


class ReviewResultDetailView(RecordDetailView):
    """年审结果 of one household."""

    getter, back = staticmethod(selectors.review_result_get), ("年审结果", "tenancy:review_result_list")

    def page(self, result: Any) -> dict[str, Any]:
        """Fields and the decision action."""
        fields = [
            ("登记编号", result.register_entry.number),
            ("申请人", result.register_entry.applicant_name),
            ("转复核原因", result.reasons),
        ]
        fields += _rows(
            result,
            [
                "eligible",
                "arrears_amount",
                "arrears_months",
                "violations",
                "outcome",
                "opinion",
                "decided_at",
                "notice_number",
            ],
        )
        for adjustment in result.adjustments.order_by("pk"):
            fields.append((
                adjustment.get_kind_display(),
                f"{adjustment.old_amount} → {adjustment.new_amount} 元/月，自{adjustment.effective_from:%Y年%m月}起"
                f"（{adjustment.reason}，{adjustment.number}）",
            ))  # fmt: skip
        actions = []
        if result.outcome == "pending" and has_roles(self.request.user, DECISION_ROLES):
            actions.append(_action("作出结论", "review_result_decide", result.pk, "primary"))
        if result.notice_number:
            actions.append(_action("年审结论通知书", "review_result_notice", result.pk))
        return {
            "title": f"年审结果 {result.register_entry.applicant_name}",
            "fields": fields,
            "actions": actions,
        }


class ReviewResultDecideView(ServiceFormView):
    """年审复核结论."""

    roles = DECISION_ROLES
    form_class = forms.ReviewDecisionForm
    title = "年审复核结论"
    getter = staticmethod(selectors.review_result_get)

    def perform(self, data: dict[str, Any]) -> str:
        adjust = {}
        if data["outcome"] == "adjust":
            adjust = {key: data.get(key) for key in ("adjust_kind", "new_amount", "effective_month", "adjust_reason")}
        review.review_result_decide(
            result=self.object, outcome=data["outcome"], opinion=data["opinion"], acting_user=self.request.user,
            **adjust,
        )  # fmt: skip
        return self.object.get_absolute_url()


class ReviewNoticeView(ReaderMixin, View):
    """年审结论通知书 PDF."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Render the notice."""
        result = selectors.review_result_get(user=request.user, pk=pk)
        _title, pdf = document_render(code="tenancy_review_notice", context=review.review_notice_context(result))
        return _pdf(pdf, f"年审结论通知书-{result.notice_number}.pdf")


# ---------------------------------------------------------------- exit


class ExitCaseCreateView(ServiceFormView):
    """发起退出."""

    form_class = forms.ExitCaseForm
    title = "发起退出"
    cancel_to = "tenancy:exit_case_list"

    def perform(self, data: dict[str, Any]) -> str:
        from anju.admission.models import RegisterEntry

        entry = (
            RegisterEntry.objects.visible_to(self.request.user).filter(number=data["register_entry"].strip()).first()
        )
        if entry is None:
            raise ValidationError({"register_entry": ["管辖范围内没有该登记编号。"]})
        case = exits.exit_case_open(
            register_entry=entry,
            ground=data["ground"],
            facts=data["facts"],
            measured_months=data["measured_months"],
            acting_user=self.request.user,
        )
        return case.get_absolute_url()


class ExitCaseDetailView(RecordDetailView):
    """保障退出 detail."""

    getter, back = staticmethod(selectors.exit_case_get), ("保障退出", "tenancy:exit_case_list")

    def page(self, case: Any) -> dict[str, Any]:
        """Fields, workflow link, decision and notice."""
        fields = [("登记编号", case.register_entry.number), ("申请人", case.register_entry.applicant_name)]
        fields += _rows(
            case,
            [
                "number",
                "ground",
                "facts",
                "measured_months",
                "status",
                "opinion",
                "decided_at",
                "decided_by",
                "move_out_deadline",
                "notice_number",
            ],
        )
        actions = []
        if case.process_instance_id:
            actions.append(
                {"label": "流程", "url": reverse("workflow:instance_detail", args=[case.process_instance_id])}
            )
        if case.status == "open" and has_roles(self.request.user, DECISION_ROLES):
            actions.append(_action("作出决定", "exit_case_decide", case.pk, "primary"))
        if case.notice_number:
            actions.append(_action("退出通知书", "exit_case_notice", case.pk))
        return {
            "title": f"保障退出 {case.number}",
            "fields": fields,
            "actions": actions,
        }


class ExitCaseDecideView(ServiceFormView):
    """退出决定."""

    roles = DECISION_ROLES
    form_class = forms.ExitDecisionForm
    title = "退出决定"
    getter, service = staticmethod(selectors.exit_case_get), staticmethod(exits.exit_case_decide)
    record_arg, service_fields = "case", ("approve", "opinion", "move_out_deadline")


class ExitNoticeView(ReaderMixin, View):
    """退出住房保障通知书 PDF."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Render the notice (only after the decision)."""
        from django.http import Http404

        case = selectors.exit_case_get(user=request.user, pk=pk)
        if not case.notice_number:
            raise Http404("尚未作出退出决定。")
        _title, pdf = document_render(code="tenancy_exit_notice", context=exits.exit_notice_context(case))
        return _pdf(pdf, f"退出住房保障通知书-{case.notice_number}.pdf")


# ---------------------------------------------------------------- sold homes, parameters


class ReturnCreateView(ServiceFormView):
    """登记已配售房源退回."""

    form_class = forms.ReturnForm
    title = "登记已配售房源退回"
    cancel_to = done_to = "tenancy:return_list"
    service, service_fields = staticmethod(sold.return_create), ("contract", "reason", "due_on", "is_printed")

    def form_kwargs(self, parent: Any, instance: Any) -> dict[str, Any]:
        return {"contracts": selectors.sale_contracts(user=self.request.user)}


class ReturnCompleteView(ServiceFormView):
    """实回退 (the unit becomes 空置)."""

    form_class = forms.ReturnCompleteForm
    title = "实回退"
    getter, service = staticmethod(selectors.return_get), staticmethod(sold.return_complete)
    record_arg, service_fields = "record", ("returned_on",)
    cancel_to = done_to = "tenancy:return_list"


class ResaleCreateView(ServiceFormView):
    """再上市登记."""

    form_class = forms.ResaleForm
    title = "再上市登记"
    intro = (
        "未满规定年限的由政府按原价扣除折旧回购；满规定年限的上市交易，按差价的规定比例缴纳收益，政府享有优先回购权。"
    )

    cancel_to = "tenancy:resale_list"
    service = staticmethod(sold.resale_register)
    service_fields = (
        "contract", "certificate_number", "certificate_date", "deed_tax_date", "applied_on", "asking_price",
        "guide_price", "contract_amount", "is_first_purchase", "is_printed",
    )  # fmt: skip

    def form_kwargs(self, parent: Any, instance: Any) -> dict[str, Any]:
        return {"contracts": selectors.sale_contracts(user=self.request.user)}


class ResaleDetailView(RecordDetailView):
    """再上市 detail with the rule's result."""

    getter, back = staticmethod(selectors.resale_get), ("已配售房源再上市", "tenancy:resale_list")

    def page(self, resale: Any) -> dict[str, Any]:
        """Fields."""
        fields = [("申请人编号", resale.applicant_number), ("房源编号", resale.unit_number)]
        fields += _rows(
            resale,
            [
                "certificate_number",
                "certificate_date",
                "deed_tax_date",
                "applied_on",
                "asking_price",
                "guide_price",
                "contract_amount",
                "original_price",
                "years_held",
                "route",
                "buyback_price",
                "government_share",
                "is_first_purchase",
                "is_printed",
                "status",
            ],
        )
        return {
            "title": f"再上市 {resale.unit_number}",
            "fields": fields,
        }


class ParameterView(ServiceFormView):
    """配后管理参数 of the user's region."""

    roles = PARAMETER_ROLES
    form_class = forms.ParameterForm
    title = "配后管理参数"

    def initial(self) -> dict[str, Any]:
        row = parameters.parameter_for(self.request.user.jurisdiction_id)
        return {name: getattr(row, name) for name in parameters.EDITABLE}

    def perform(self, data: dict[str, Any]) -> str:
        parameters.parameter_set(
            region_code=self.request.user.jurisdiction_id, values=data, acting_user=self.request.user
        )
        return reverse("tenancy:parameters")
