"""Staff pages of 规范化考核 (A.10.5), 通报备案 (A.10.6), 工作人员考核评价 (A.10.7) and 行政奖罚及通报 (A.10.8).

Lists (filters, pagination, Excel export), detail, create/edit forms, 删除 with a reason and 恢复,
on the shared bases of `anju.core.views_records`. Staff names are masked on lists and exports.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html
from django.views import View

from anju.core.listing import Column
from anju.core.views_records import ReasonFormView, RecordFormView, RecordRestoreView
from anju.supervision import forms, selectors, services
from anju.supervision.filtersets import (
    AssessmentBulletinFilterSet,
    StaffAssessmentFilterSet,
    StaffSanctionFilterSet,
    UnitAssessmentFilterSet,
)
from anju.supervision.permissions import can_edit_supervision
from anju.supervision.views import (
    SECTION,
    EditorMixin,
    ReaderMixin,
    SupervisionListView,
    _action,
    _region_name,
    _rows,
    _with_region_name,
)

# name -> (title, selector list, selector get, form, service, instance argument)
KINDS: dict[str, dict[str, Any]] = {
    "unit_assessment": {
        "title": "规范化考核",
        "get": selectors.unit_assessment_get,
        "form": forms.UnitAssessmentForm,
        "service": services.unit_assessment_save,
        "arg": "assessment",
    },
    "assessment_bulletin": {
        "title": "考核结果通报备案",
        "get": selectors.assessment_bulletin_get,
        "form": forms.AssessmentBulletinForm,
        "service": services.assessment_bulletin_save,
        "arg": "bulletin",
    },
    "staff_assessment": {
        "title": "工作人员考核评价",
        "get": selectors.staff_assessment_get,
        "form": forms.StaffAssessmentForm,
        "service": services.staff_assessment_save,
        "arg": "staff_assessment",
    },
    "staff_sanction": {
        "title": "工作人员行政奖罚",
        "get": selectors.staff_sanction_get,
        "form": forms.StaffSanctionForm,
        "service": services.staff_sanction_save,
        "arg": "staff_sanction",
    },
}
# Shown masked instead of the plain value.
MASKED = {"staff_name": "staff_name_masked"}
HIDDEN = {"id", "created_at", "updated_at", "region_code", "is_deleted", "deleted_at", "deleted_by", "delete_reason"}


class AssessmentListView(SupervisionListView):
    """A 考核 list: live records, or the deleted ones with 记录状态 = 已删除."""

    list_selector: Any = None

    def get_base_queryset(self) -> QuerySet:
        """Scoped, live or deleted."""
        deleted = self.request.GET.get("deleted") == "1"
        return _with_region_name(type(self).list_selector(user=self.request.user, deleted=deleted))


class UnitAssessmentListView(AssessmentListView):
    """住房保障工作规范化考核 (A.10.5)."""

    title = "住房保障工作规范化考核"
    list_selector = staticmethod(selectors.unit_assessment_list)
    filterset_class = UnitAssessmentFilterSet
    create_url_name = "supervision:unit_assessment_create"
    create_label = "登记规范化考核"
    export_filename = "住房保障工作规范化考核"
    columns = [
        Column("考核编号", "number", link=True),
        Column("考核日期", "assessed_on"),
        Column("被考核单位编号", "unit_number"),
        Column("被考核单位名称", "unit_name"),
        Column("考核部门", "department"),
        Column("考核得分", "score"),
        Column("考核结果", "result"),
        Column("考核人", "assessor"),
        Column("行政区划", "region_name"),
    ]


class AssessmentBulletinListView(AssessmentListView):
    """规范化考核结果通报和备案 (A.10.6)."""

    title = "考核结果通报和备案"
    list_selector = staticmethod(selectors.assessment_bulletin_list)
    filterset_class = AssessmentBulletinFilterSet
    create_url_name = "supervision:assessment_bulletin_create"
    create_label = "登记通报备案"
    export_filename = "考核结果通报和备案"
    columns = [
        Column("通报备案编号", "number", link=True),
        Column("考核编号", "assessment.number"),
        Column("被考核单位编号", "unit_number"),
        Column("被考核单位名称", "unit_name"),
        Column("考核总分", "total_score"),
        Column("考核结果", "result"),
        Column("通报日期", "notified_on"),
        Column("备案日期", "filed_on"),
        Column("行政区划", "region_name"),
    ]


class StaffAssessmentListView(AssessmentListView):
    """行政机关工作人员考核评价 (A.10.7)."""

    title = "工作人员考核评价"
    list_selector = staticmethod(selectors.staff_assessment_list)
    filterset_class = StaffAssessmentFilterSet
    create_url_name = "supervision:staff_assessment_create"
    create_label = "登记考核评价"
    export_filename = "工作人员考核评价"
    columns = [
        Column("考核编号", "number", link=True),
        Column("考核日期", "assessed_on"),
        Column("考核部门", "department"),
        Column("考核负责人", "leader"),
        Column("被考核对象编号", "staff_number"),
        Column("被考核对象名称", "staff_name_masked"),
        Column("考核分值", "score"),
        Column("考核人", "assessor"),
        Column("行政区划", "region_name"),
    ]


class StaffSanctionListView(AssessmentListView):
    """行政机关工作人员行政奖罚及通报 (A.10.8)."""

    title = "工作人员行政奖罚及通报"
    list_selector = staticmethod(selectors.staff_sanction_list)
    filterset_class = StaffSanctionFilterSet
    create_url_name = "supervision:staff_sanction_create"
    create_label = "登记工作人员奖罚"
    export_filename = "工作人员行政奖罚及通报"
    columns = [
        Column("奖罚通报编号", "number", link=True),
        Column("工作人员编号", "staff_number"),
        Column("工作人员姓名", "staff_name_masked"),
        Column("考核总分", "total_score"),
        Column("考核结果", "result"),
        Column("奖罚类别", "kind"),
        Column("奖罚日期", "decided_on"),
        Column("通报日期", "notified_on"),
        Column("行政区划", "region_name"),
    ]


def _list_url(kind: str) -> str:
    return reverse(f"supervision:{kind}_list")


def _record_get(kind: str, request: HttpRequest, pk: int) -> Any:
    return KINDS[kind]["get"](user=request.user, pk=pk)


class AssessmentDetailView(ReaderMixin, View):
    """A 考核 record: its fields (names masked), linked records, 编辑/删除 or 恢复 for officers."""

    kind = ""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Render (404 outside the jurisdiction)."""
        obj = _record_get(self.kind, request, pk)
        names = [f.name for f in obj._meta.concrete_fields if f.name not in HIDDEN | {"created_by"}] + ["created_by"]
        fields = []
        for label, value in _rows(obj, names):
            fields.append((label, value))
        for index, name in enumerate(names):
            if name in MASKED:
                fields[index] = (fields[index][0], getattr(obj, MASKED[name]))
        fields.append(("行政区划", _region_name(obj.region_code)))
        if obj.is_deleted:
            fields += [("删除时间", obj.deleted_at), ("删除原因", obj.delete_reason)]
        actions = []
        if can_edit_supervision(request.user):
            if obj.is_deleted:
                actions.append(
                    _action(
                        "恢复",
                        reverse(f"supervision:{self.kind}_restore", args=[pk]),
                        "arrow-counterclockwise",
                        "outline-success",
                        method="post",
                    )
                )
            else:
                actions.append(_action("编辑", reverse(f"supervision:{self.kind}_edit", args=[pk])))
                actions.append(
                    _action("删除", reverse(f"supervision:{self.kind}_delete", args=[pk]), "trash", "outline-danger")
                )
        related = []
        children = (
            (
                "bulletins",
                "考核结果通报备案",
                ["通报备案编号", "通报日期", "备案日期"],
                ("number", "notified_on", "filed_on"),
            )
            if hasattr(obj, "bulletins")
            else (
                "sanctions",
                "行政奖罚及通报",
                ["奖罚通报编号", "奖罚类别", "奖罚日期"],
                ("number", "kind", "decided_on"),
            )
            if hasattr(obj, "sanctions")
            else None
        )
        if children:
            rows = []
            for child in getattr(obj, children[0]).filter(is_deleted=False):
                values = [getattr(child, f"get_{n}_display", None) or getattr(child, n) for n in children[3]]
                values = [v() if callable(v) else v for v in values]
                rows.append([format_html('<a href="{}">{}</a>', child.get_absolute_url(), values[0]), *values[1:]])
            related.append({"title": children[1], "columns": children[2], "rows": rows})
        title = KINDS[self.kind]["title"]
        context = {
            "page_title": str(obj) + ("（已删除）" if obj.is_deleted else ""),
            "breadcrumbs": [(SECTION, reverse("supervision:index")), (title, _list_url(self.kind)), (obj.number, None)],
            "fields": fields,
            "actions": actions,
            "related": related,
            "archive_obj": None,
        }
        return render(request, "supervision/detail.html", context)


class AssessmentFormView(EditorMixin, RecordFormView):
    """登记 (no pk) or 修改 (pk) a 考核 record through its save service."""

    kind = ""
    service_form_class = forms.AssessmentRecordForm
    with_region = True

    def setup(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        """Bind the kind's form, service and instance argument."""
        super().setup(request, *args, **kwargs)
        spec = KINDS[self.kind]
        self.form_class, self.instance_arg = spec["form"], spec["arg"]
        self.title = f"{'修改' if 'pk' in kwargs else '登记'}{spec['title']}"

    def root_breadcrumb(self) -> tuple[str, str]:
        """The kind's list."""
        return KINDS[self.kind]["title"], _list_url(self.kind)

    def load(self, **kwargs: Any) -> tuple[Any, Any]:
        """(None, the record or None); a deleted record cannot be edited (404)."""
        if "pk" not in kwargs:
            return None, None
        obj = _record_get(self.kind, self.request, kwargs["pk"])
        if obj.is_deleted:
            from django.http import Http404

            raise Http404("该记录已删除。")
        return None, obj

    def call(self, parent: Any, instance: Any, form: Any) -> Any:
        """The save service (region from the form when creating)."""
        kwargs: dict[str, Any] = {}
        if instance is None:
            kwargs["region_code"] = form.cleaned_data["region"].code
        else:
            kwargs[self.instance_arg] = instance
        return KINDS[self.kind]["service"](data=form.service_data(), acting_user=self.request.user, **kwargs)


class AssessmentDeleteView(EditorMixin, ReasonFormView):
    """删除 a 考核 record with a reason (恢复 brings it back)."""

    kind = ""
    form_class = forms.AssessmentDeleteForm
    submit_label = "删除"

    def record_get(self, pk: int) -> Any:
        """The record (404 outside the jurisdiction)."""
        return _record_get(self.kind, self.request, pk)

    def perform(self, record: Any, reason: str) -> None:
        """assessment_record_delete."""
        services.assessment_record_delete(record=record, reason=reason, acting_user=self.request.user)

    def page(self, record: Any) -> dict[str, Any]:
        """Title and breadcrumbs."""
        title = KINDS[self.kind]["title"]
        return {
            "page_title": f"删除{title}",
            "intro": f"删除“{record}”。删除后可在列表“记录状态：已删除”中找到并恢复。",
            "breadcrumbs": [(SECTION, reverse("supervision:index")), (title, _list_url(self.kind)), ("删除", None)],
        }

    def success(self, record: Any) -> tuple[str, str]:
        """Back to the list."""
        return f"{record._meta.verbose_name}“{record}”已删除。", _list_url(self.kind)


class AssessmentRestoreView(EditorMixin, RecordRestoreView):
    """恢复 a deleted 考核 record."""

    kind = ""

    def record_get(self, pk: int) -> Any:
        """The record, deleted included."""
        return _record_get(self.kind, self.request, pk)

    def perform(self, record: Any) -> None:
        """assessment_record_restore."""
        services.assessment_record_restore(record=record, acting_user=self.request.user)


LIST_VIEWS = {
    "unit_assessment": UnitAssessmentListView,
    "assessment_bulletin": AssessmentBulletinListView,
    "staff_assessment": StaffAssessmentListView,
    "staff_sanction": StaffSanctionListView,
}
