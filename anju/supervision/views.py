"""Staff pages of the 监督管理 subsystem (mounted at /supervision/).

Views only parse, call a selector or a service, and render (style.md 2-3).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import OuterRef, QuerySet, Subquery
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.views import View

from anju.core.listing import Column, StaffListView, cell_text
from anju.core.models import Region
from anju.core.selectors import dictionary_label
from anju.supervision import forms, selectors, services
from anju.supervision.choices import LEVEL_SEVERE, ComplaintStatus, CreditState
from anju.supervision.filtersets import (
    ComplaintFilterSet,
    CreditRecordFilterSet,
    InspectionFilterSet,
    SanctionFilterSet,
)
from anju.supervision.models import Complaint, CreditBanRule, CreditRecord
from anju.supervision.permissions import READER_ROLES, can_edit_supervision

SECTION = "监督管理"


def index(request: HttpRequest) -> HttpResponse:
    """The subsystem's entry: the credit records."""
    return redirect("supervision:credit_list")


def _with_region_name(queryset: QuerySet) -> QuerySet:
    """Annotate the region name (one subquery, no per-row look-up)."""
    return queryset.annotate(
        region_name=Subquery(Region.objects.filter(code=OuterRef("region_code")).values("name")[:1])
    )


def _region_name(code: str) -> str:
    return Region.objects.filter(code=code).values_list("name", flat=True).first() or code


def _display(obj: models.Model, name: str) -> Any:
    """A field's value as a clerk reads it (choice labels, code names, 是/否, related names)."""
    field = obj._meta.get_field(name)
    dictionary = getattr(field, "dictionary", None)
    value = getattr(obj, name)
    if dictionary and value:
        return dictionary_label(dictionary, value)
    getter = getattr(obj, f"get_{name}_display", None)
    if callable(getter):
        return getter()
    if isinstance(value, models.Model):
        return getattr(value, "full_name", "") or str(value)
    return "" if value is None else cell_text(value)


def _rows(obj: models.Model, names: list[str]) -> list[tuple[str, Any]]:
    return [(str(obj._meta.get_field(name).verbose_name), _display(obj, name)) for name in names]


def _action(label: str, url: str, icon: str = "pencil", style: str = "outline-primary", **extra: Any) -> dict[str, Any]:
    return {"label": label, "url": url, "icon": icon, "style": style, **extra}


class ReaderMixin(LoginRequiredMixin):
    """Business staff who read supervision records (default deny)."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """403 for roles that do not read supervision records."""
        if request.user.is_authenticated and not request.user.has_role(*READER_ROLES):
            raise PermissionDenied("您的角色无权查看监督管理数据。")
        return super().dispatch(request, *args, **kwargs)


class EditorMixin(LoginRequiredMixin):
    """District and city officers who handle supervision business."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """403 before the jurisdiction look-up (404)."""
        if request.user.is_authenticated and not can_edit_supervision(request.user):
            raise PermissionDenied("只有区县保障科或市保障处可以办理监督管理业务。")
        return super().dispatch(request, *args, **kwargs)


# ---------------------------------------------------------------- lists


class SupervisionListView(StaffListView):
    """A supervision list: readers only; the create button for editors."""

    template_name = "supervision/list.html"
    required_roles = tuple(READER_ROLES)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """Hide the create button from readers."""
        context = super().get_context_data(**kwargs)
        if not can_edit_supervision(self.request.user):
            context["create_url_name"] = None
        context["breadcrumbs"] = [(SECTION, reverse("supervision:index")), (self.title, None)]
        return context


def credit_list_for_page(*, user: Any) -> QuerySet[CreditRecord]:
    """Credit records with the region name."""
    return _with_region_name(selectors.credit_record_list(user=user))


class CreditRecordListView(SupervisionListView):
    """信用档案."""

    title = "信用档案"
    selector = staticmethod(credit_list_for_page)
    filterset_class = CreditRecordFilterSet
    create_url_name = "supervision:credit_create"
    create_label = "列入信用记录"
    export_filename = "信用档案"
    columns = [
        Column("信用记录编号", "number", link=True),
        Column("对象类别", "subject_kind"),
        Column("保障对象编号", "subject_number"),
        Column("当事人/单位", "subject_name_masked"),
        Column("证件号码/信用代码", "subject_identifier_masked"),
        Column("失信程度", "level_name"),
        Column("失信行为类别", "ground"),
        Column("列入日期", "listed_on"),
        Column("惩戒截止日期", "ban_until"),
        Column("信用状态", "credit_status"),
        Column("行政区划", "region_name"),
    ]


def complaint_list_for_page(*, user: Any) -> QuerySet[Complaint]:
    """Complaints with the region name."""
    return _with_region_name(selectors.complaint_list(user=user))


class ComplaintListView(SupervisionListView):
    """投诉咨询."""

    title = "投诉咨询"
    selector = staticmethod(complaint_list_for_page)
    filterset_class = ComplaintFilterSet
    create_url_name = "supervision:complaint_create"
    create_label = "登记投诉咨询"
    export_filename = "投诉咨询"
    columns = [
        Column("投诉事件编号", "number", link=True),
        Column("类别", "kind"),
        Column("标题", "title"),
        Column("投诉人", "contact_name_masked"),
        Column("联系电话", "contact_phone_masked"),
        Column("投诉方式", lambda c: dictionary_label("complaint_channel", c.channel)),
        Column("投诉日期", "submitted_at"),
        Column("办理状态", "status"),
        Column("承办人", lambda c: (c.assigned_to.full_name or c.assigned_to.username) if c.assigned_to_id else ""),
        Column("行政区划", "region_name"),
    ]


class InspectionListView(SupervisionListView):
    """专项检查."""

    title = "专项检查"
    selector = staticmethod(lambda *, user: _with_region_name(selectors.inspection_list(user=user)))
    filterset_class = InspectionFilterSet
    create_url_name = "supervision:inspection_create"
    create_label = "登记专项检查"
    export_filename = "专项检查"
    columns = [
        Column("检查编号", "number", link=True),
        Column("检查日期", "inspected_on"),
        Column("检查负责部门", "department"),
        Column("检查负责人", "leader"),
        Column("检查对象", "target"),
        Column("检查结论", "result_kind"),
        Column("问题处理日期", "resolved_on"),
        Column("是否列入信用档案", "credit_listed"),
        Column("行政区划", "region_name"),
    ]


class SanctionListView(SupervisionListView):
    """支持对象行政奖罚."""

    title = "支持对象行政奖罚"
    selector = staticmethod(lambda *, user: _with_region_name(selectors.sanction_list(user=user)))
    filterset_class = SanctionFilterSet
    create_url_name = "supervision:sanction_create"
    create_label = "登记行政奖罚"
    export_filename = "支持对象行政奖罚"
    columns = [
        Column("奖罚编号", "number", link=True),
        Column("奖罚日期", "decided_on"),
        Column("奖罚类别", "kind"),
        Column("支持对象编号", "supplier_number"),
        Column("支持对象名称", "supplier_name"),
        Column("奖罚原因", "reason"),
        Column("决定机关", "decided_by"),
        Column("行政区划", "region_name"),
    ]


class BanRuleListView(SupervisionListView):
    """失信惩戒期限 (city policy; editable by officers)."""

    title = "失信惩戒期限"
    selector = staticmethod(lambda *, user: selectors.ban_rule_list())
    create_url_name = "supervision:ban_rule_create"
    create_label = "新增规则"
    export_filename = "失信惩戒期限"
    columns = [
        Column("失信程度", lambda r: dictionary_label("credit_level", r.level)),
        Column("失信行为类别", lambda r: r.get_ground_display() if r.ground else "默认（所有失信行为）", link=True),
        Column("惩戒期限（年）", "ban_years"),
        Column("惩戒期内禁止申请", "bans_application"),
        Column("允许信用修复", "repair_allowed"),
        Column("最短修复期限（月）", "repair_after_months"),
        Column("说明", "note"),
    ]


# ---------------------------------------------------------------- details

CREDIT_FIELDS = [
    "number",
    "subject_kind",
    "subject_number",
    "subject_name",
    "credit_code",
    "level",
    "ground",
    "fact",
    "evidence",
    "listed_on",
    "recorded_by",
    "ban_years",
    "ban_until",
    "bans_application",
    "publish",
    "state",
    "repaired_on",
    "revoked_on",
    "revoked_by",
    "revocation_reason",
]


class CreditRecordDetailView(ReaderMixin, View):
    """One credit record: its data, repairs, evidence files and the officer's actions."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Render (404 outside the jurisdiction)."""
        record = selectors.credit_record_get(user=request.user, pk=pk)
        fields = _rows(record, CREDIT_FIELDS)
        fields.insert(4, ("身份证件号码", record.id_number_masked))
        fields.insert(5, ("信用状态（当前）", record.credit_status))
        fields.append(("行政区划", _region_name(record.region_code)))
        if record.application_id:
            fields.append(
                (
                    "申请",
                    format_html(
                        '<a href="{}">{}</a>', record.application.get_absolute_url(), record.application.number
                    ),
                )
            )
        if record.complaint_id:
            fields.append(
                (
                    "来源投诉",
                    format_html('<a href="{}">{}</a>', record.complaint.get_absolute_url(), record.complaint.number),
                )
            )
        if record.inspection_id:
            fields.append(
                (
                    "来源专项检查",
                    format_html('<a href="{}">{}</a>', record.inspection.get_absolute_url(), record.inspection.number),
                )
            )
        repairs = {
            "title": "信用修复",
            "columns": ["申请修复日期", "修复条件履行情况", "修复决定", "决定日期", "决定人", "决定意见"],
            "rows": [
                [
                    r.applied_on,
                    r.conditions,
                    r.get_decision_display(),
                    r.decided_on,
                    (r.decided_by.full_name or r.decided_by.username) if r.decided_by_id else "",
                    r.opinion,
                ]
                for r in record.repairs.select_related("decided_by")
            ],
            "empty": "尚无信用修复申请。",
        }
        actions = []
        if can_edit_supervision(request.user) and record.state == CreditState.ACTIVE:
            actions += [
                _action("信用修复", reverse("supervision:credit_repair", args=[pk]), "bandaid"),
                _action("撤销", reverse("supervision:credit_revoke", args=[pk]), "x-circle", "outline-danger"),
            ]
            if record.level == LEVEL_SEVERE:
                label = "取消公开" if record.publish else "向社会公开"
                actions.append(
                    _action(
                        label,
                        reverse("supervision:credit_publish", args=[pk]),
                        "megaphone",
                        "outline-secondary",
                        method="post",
                        confirm=f"确定{label}该失信记录？",
                    )
                )
        context = {
            "page_title": f"信用记录 {record.number}",
            "subtitle": f"{record.subject_name_masked} · {record.level_name} · {record.credit_status}",
            "breadcrumbs": [
                (SECTION, reverse("supervision:index")),
                ("信用档案", reverse("supervision:credit_list")),
                (record.number, None),
            ],
            "fields": fields,
            "related": [repairs],
            "actions": actions,
            "archive_obj": record,
        }
        return render(request, "supervision/detail.html", context)


COMPLAINT_FIELDS = [
    "number",
    "kind",
    "title",
    "content",
    "target_number",
    "target_name",
    "submitted_at",
    "contact_name",
    "contact_address",
    "contact_email",
    "channel",
    "status",
    "assigned_to",
    "assigned_at",
    "handling_department",
    "verification_method",
    "verification_result",
    "handling_opinion",
    "handled_on",
    "handled_by",
    "credit_listed",
    "closed_at",
]


class ComplaintDetailView(ReaderMixin, View):
    """One complaint: its data, the replies and the handling actions."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Render (404 outside the jurisdiction)."""
        complaint = selectors.complaint_get(user=request.user, pk=pk)
        fields = _rows(complaint, COMPLAINT_FIELDS)
        fields.insert(8, ("投诉人联系电话", complaint.contact_phone_masked))
        fields.append(("行政区划", _region_name(complaint.region_code)))
        actions = []
        if can_edit_supervision(request.user) and complaint.status != ComplaintStatus.CLOSED:
            actions += [
                _action("答复", reverse("supervision:complaint_reply", args=[pk]), "reply"),
                _action("交办", reverse("supervision:complaint_assign", args=[pk]), "person-check"),
                _action("办结", reverse("supervision:complaint_close", args=[pk]), "check2-circle", "outline-success"),
            ]
        if can_edit_supervision(request.user) and complaint.credit_listed:
            actions.append(
                _action(
                    "列入信用记录",
                    reverse("supervision:credit_create") + f"?complaint={pk}",
                    "journal-x",
                    "outline-secondary",
                )
            )
        related = []
        records = list(complaint.credit_records.all())
        if records:
            related.append(
                {
                    "title": "信用记录",
                    "columns": ["信用记录编号", "当事人/单位", "失信程度", "信用状态"],
                    "rows": [
                        [
                            format_html('<a href="{}">{}</a>', r.get_absolute_url(), r.number),
                            r.subject_name_masked,
                            r.level_name,
                            r.credit_status,
                        ]
                        for r in records
                    ],
                }
            )
        context = {
            "page_title": f"{complaint.get_kind_display()} {complaint.number}",
            "subtitle": f"{complaint.title} · {complaint.get_status_display()}",
            "breadcrumbs": [
                (SECTION, reverse("supervision:index")),
                ("投诉咨询", reverse("supervision:complaint_list")),
                (complaint.number, None),
            ],
            "fields": fields,
            "actions": actions,
            "replies": list(complaint.replies.all()),
            "related": related,
            "archive_obj": complaint,
        }
        return render(request, "supervision/detail.html", context)


class SimpleDetailView(ReaderMixin, View):
    """A record's fields, an edit button for officers and its e-archive panel."""

    selector: Any = None
    list_url_name = list_title = edit_url_name = ""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Render (404 outside the jurisdiction)."""
        obj = type(self).selector(user=request.user, pk=pk)
        names = [f.name for f in obj._meta.concrete_fields if f.name not in {"id", "created_at", "updated_at"}]
        fields = [row for row in _rows(obj, names) if row[0] != "行政区划代码"] + [
            ("行政区划", _region_name(obj.region_code))
        ]
        actions = []
        if can_edit_supervision(request.user):
            actions.append(_action("编辑", reverse(self.edit_url_name, args=[pk])))
        related = []
        records = list(obj.credit_records.all()) if hasattr(obj, "credit_records") else []
        if records:
            related.append(
                {
                    "title": "信用记录",
                    "columns": ["信用记录编号", "当事人/单位", "失信程度", "信用状态"],
                    "rows": [
                        [
                            format_html('<a href="{}">{}</a>', r.get_absolute_url(), r.number),
                            r.subject_name_masked,
                            r.level_name,
                            r.credit_status,
                        ]
                        for r in records
                    ],
                }
            )
        if can_edit_supervision(request.user) and getattr(obj, "credit_listed", False):
            actions.append(
                _action(
                    "列入信用记录",
                    reverse("supervision:credit_create") + f"?inspection={pk}",
                    "journal-x",
                    "outline-secondary",
                )
            )
        context = {
            "page_title": str(obj),
            "breadcrumbs": [
                (SECTION, reverse("supervision:index")),
                (self.list_title, reverse(self.list_url_name)),
                (obj.number, None),
            ],
            "fields": fields,
            "actions": actions,
            "related": related,
            "archive_obj": obj,
        }
        return render(request, "supervision/detail.html", context)


class InspectionDetailView(SimpleDetailView):
    """专项检查."""

    selector = staticmethod(selectors.inspection_get)
    list_url_name, list_title, edit_url_name = "supervision:inspection_list", "专项检查", "supervision:inspection_edit"


class SanctionDetailView(SimpleDetailView):
    """支持对象行政奖罚."""

    selector = staticmethod(selectors.sanction_get)
    list_url_name, list_title, edit_url_name = (
        "supervision:sanction_list",
        "支持对象行政奖罚",
        "supervision:sanction_edit",
    )


# ---------------------------------------------------------------- forms


class FormPageView(EditorMixin, View):
    """GET shows the form; POST calls the service (errors keep the input); redirect to the record."""

    form_class: Any = None
    title = ""

    def load(self, **kwargs: Any) -> Any:
        """The record this address is about (None for a create page)."""
        return None

    def form_kwargs(self, obj: Any) -> dict[str, Any]:
        """Extra form arguments."""
        return {}

    def initial(self, obj: Any) -> dict[str, Any]:
        """Initial values of an unbound form."""
        return {}

    def call(self, obj: Any, form: Any) -> Any:
        """Run the write; return the record to go to."""
        raise NotImplementedError

    def cancel_url(self, obj: Any) -> str:
        """Where 取消 goes."""
        return obj.get_absolute_url() if obj is not None else reverse("supervision:index")

    def render_form(self, obj: Any, form: Any) -> HttpResponse:
        """The form page."""
        return render(
            self.request,
            "supervision/form.html",
            {
                "form": form,
                "page_title": self.title,
                "cancel_url": self.cancel_url(obj),
                "breadcrumbs": [(SECTION, reverse("supervision:index")), (self.title, None)],
            },
        )

    def get(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        """An empty or pre-filled form."""
        obj = self.load(**kwargs)
        return self.render_form(obj, self.form_class(initial=self.initial(obj), **self.form_kwargs(obj)))

    def post(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        """Validate, call the service, redirect."""
        obj = self.load(**kwargs)
        form = self.form_class(request.POST, **self.form_kwargs(obj))
        if form.is_valid():
            try:
                saved = self.call(obj, form)
            except ValidationError as exc:
                form.service_errors(exc)
            else:
                messages.success(request, f"{self.title}已办理。")
                return HttpResponseRedirect(self.success_url(saved))
        return self.render_form(obj, form)

    def success_url(self, saved: Any) -> str:
        """The saved record's page."""
        return saved.get_absolute_url()


class CreditRecordCreateView(FormPageView):
    """列入信用记录 (optionally from a complaint or an inspection: ?complaint= / ?inspection=)."""

    form_class, title = forms.CreditRecordForm, "列入信用记录"

    def form_kwargs(self, obj: Any) -> dict[str, Any]:
        """The user scopes the look-ups."""
        return {"user": self.request.user}

    def source(self) -> dict[str, Any]:
        """The complaint or inspection the record comes from (scoped; 404 outside)."""
        params = self.request.GET
        found: dict[str, Any] = {}
        if params.get("complaint", "").isdigit():
            found["complaint"] = selectors.complaint_get(user=self.request.user, pk=params["complaint"])
        if params.get("inspection", "").isdigit():
            found["inspection"] = selectors.inspection_get(user=self.request.user, pk=params["inspection"])
        return found

    def initial(self, obj: Any) -> dict[str, Any]:
        """From a complaint: its target and content."""
        source = self.source()
        complaint = source.get("complaint")
        if complaint is not None:
            return {
                "application_number": complaint.target_number if complaint.target_number.startswith("SQ") else "",
                "register_number": complaint.target_number if complaint.target_number.startswith("DJ") else "",
                "fact": complaint.handling_opinion or complaint.content,
            }
        return {}

    def cancel_url(self, obj: Any) -> str:
        """Back to the list."""
        return reverse("supervision:credit_list")

    def call(self, obj: Any, form: Any) -> Any:
        """credit_record_create."""
        return services.credit_record_create(**form.service_kwargs(), **self.source(), acting_user=self.request.user)


class CreditRepairView(FormPageView):
    """信用修复."""

    form_class, title = forms.CreditRepairForm, "信用修复"

    def load(self, **kwargs: Any) -> Any:
        """The record."""
        return selectors.credit_record_get(user=self.request.user, pk=kwargs["pk"])

    def call(self, obj: Any, form: Any) -> Any:
        """credit_record_repair."""
        data = form.cleaned_data
        services.credit_record_repair(
            record=obj,
            applied_on=data["applied_on"],
            conditions=data["conditions"],
            decision=data["decision"],
            opinion=data.get("opinion", ""),
            acting_user=self.request.user,
        )
        return obj


class CreditRevokeView(FormPageView):
    """撤销信用记录."""

    form_class, title = forms.CreditRevokeForm, "撤销信用记录"

    def load(self, **kwargs: Any) -> Any:
        """The record."""
        return selectors.credit_record_get(user=self.request.user, pk=kwargs["pk"])

    def call(self, obj: Any, form: Any) -> Any:
        """credit_record_revoke."""
        return services.credit_record_revoke(
            record=obj,
            reason=form.cleaned_data["reason"],
            revoked_on=form.cleaned_data["revoked_on"],
            acting_user=self.request.user,
        )


class CreditPublishView(EditorMixin, View):
    """Toggle the publication of a 严重失信 record (POST only)."""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        """credit_record_publish_set."""
        record = selectors.credit_record_get(user=request.user, pk=pk)
        try:
            services.credit_record_publish_set(record=record, publish=not record.publish, acting_user=request.user)
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(request, "已向社会公开。" if not record.publish else "已取消公开。")
        return HttpResponseRedirect(record.get_absolute_url())


class BanRuleFormView(FormPageView):
    """新增或修改失信惩戒期限."""

    form_class = forms.BanRuleForm

    @property
    def title(self) -> str:  # type: ignore[override]
        """新增 or 修改."""
        return "修改失信惩戒期限" if "pk" in self.kwargs else "新增失信惩戒期限"

    def load(self, **kwargs: Any) -> Any:
        """The rule (None when creating)."""
        return get_object_or_404(CreditBanRule, pk=kwargs["pk"]) if "pk" in kwargs else None

    def initial(self, obj: Any) -> dict[str, Any]:
        """The rule's values."""
        if obj is None:
            return {"bans_application": True, "repair_allowed": True}
        return {name: getattr(obj, name) for name in services.credit.RULE_FIELDS}

    def cancel_url(self, obj: Any) -> str:
        """Back to the rules."""
        return reverse("supervision:ban_rule_list")

    def call(self, obj: Any, form: Any) -> Any:
        """ban_rule_save."""
        return services.ban_rule_save(data=form.cleaned_data, rule=obj, acting_user=self.request.user)

    def success_url(self, saved: Any) -> str:
        """Back to the rules."""
        return reverse("supervision:ban_rule_list")


class ComplaintCreateView(FormPageView):
    """登记投诉咨询 (letters, calls and visits; the portal calls complaint_submit directly)."""

    form_class, title = forms.ComplaintForm, "登记投诉咨询"

    def form_kwargs(self, obj: Any) -> dict[str, Any]:
        """Regions of the user's jurisdiction."""
        return {"user": self.request.user}

    def cancel_url(self, obj: Any) -> str:
        """Back to the list."""
        return reverse("supervision:complaint_list")

    def call(self, obj: Any, form: Any) -> Any:
        """complaint_submit."""
        data = dict(form.cleaned_data)
        region = data.pop("region")
        return services.complaint_submit(**data, region_code=region.code, acting_user=self.request.user)


class ComplaintStepView(FormPageView):
    """A handling step on one complaint."""

    def load(self, **kwargs: Any) -> Any:
        """The complaint."""
        return selectors.complaint_get(user=self.request.user, pk=kwargs["pk"])


class ComplaintReplyView(ComplaintStepView):
    """答复."""

    form_class, title = forms.ComplaintReplyForm, "答复投诉咨询"

    def initial(self, obj: Any) -> dict[str, Any]:
        """Public by default."""
        return {"is_public": True}

    def call(self, obj: Any, form: Any) -> Any:
        """complaint_reply."""
        services.complaint_reply(
            complaint=obj,
            body=form.cleaned_data["body"],
            is_public=form.cleaned_data["is_public"],
            acting_user=self.request.user,
        )
        return obj


class ComplaintAssignView(ComplaintStepView):
    """交办."""

    form_class, title = forms.ComplaintAssignForm, "交办投诉咨询"

    def form_kwargs(self, obj: Any) -> dict[str, Any]:
        """Officers covering the complaint."""
        return {"complaint": obj}

    def call(self, obj: Any, form: Any) -> Any:
        """complaint_assign."""
        return services.complaint_assign(
            complaint=obj,
            assignee=form.cleaned_data["assignee"],
            department=form.cleaned_data.get("department", ""),
            acting_user=self.request.user,
        )


class ComplaintCloseView(ComplaintStepView):
    """办结."""

    form_class, title = forms.ComplaintCloseForm, "办结投诉咨询"

    def initial(self, obj: Any) -> dict[str, Any]:
        """The department already named."""
        return {"handling_department": obj.handling_department} if obj else {}

    def call(self, obj: Any, form: Any) -> Any:
        """complaint_close."""
        return services.complaint_close(complaint=obj, acting_user=self.request.user, **form.cleaned_data)


class RecordFormView(FormPageView):
    """Create or edit an inspection or a sanction."""

    service: Any = None
    selector: Any = None
    instance_arg = ""
    noun = ""

    @property
    def title(self) -> str:  # type: ignore[override]
        """新增 or 修改."""
        return f"修改{self.noun}" if "pk" in self.kwargs else f"登记{self.noun}"

    def load(self, **kwargs: Any) -> Any:
        """The record (None when creating)."""
        return type(self).selector(user=self.request.user, pk=kwargs["pk"]) if "pk" in kwargs else None

    def form_kwargs(self, obj: Any) -> dict[str, Any]:
        """Region choice when creating."""
        return {"user": self.request.user, "creating": obj is None}

    def initial(self, obj: Any) -> dict[str, Any]:
        """The record's values."""
        if obj is None:
            return {}
        form = self.form_class(user=self.request.user, creating=False)
        return {name: getattr(obj, name) for name in form.fields}

    def call(self, obj: Any, form: Any) -> Any:
        """The save service."""
        kwargs = {self.instance_arg: obj} if obj is not None else {"region_code": form.cleaned_data["region"].code}
        return type(self).service(data=form.service_data(), acting_user=self.request.user, **kwargs)


class InspectionFormView(RecordFormView):
    """专项检查."""

    form_class, noun, instance_arg = forms.InspectionForm, "专项检查", "inspection"
    service = staticmethod(services.inspection_save)
    selector = staticmethod(selectors.inspection_get)


class SanctionFormView(RecordFormView):
    """支持对象行政奖罚."""

    form_class, noun, instance_arg = forms.SanctionForm, "支持对象行政奖罚", "sanction"
    service = staticmethod(services.sanction_save)
    selector = staticmethod(selectors.sanction_get)
