"""The staff list pattern: filters, pagination, Excel export (style.md 1, journeys.md).

A list page names a selector (which applies jurisdiction scoping), a django-filter
FilterSet and its columns; the view does the rest:

    class HouseholdListView(StaffListView):
        title = "申请家庭"
        selector = staticmethod(household_list)       # (*, user) -> QuerySet
        filterset_class = HouseholdFilterSet
        columns = [Column("申请编号", "number", link=True), Column("身份证号", "id_number_masked")]
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.generic import ListView

from anju.core.signals import data_exported

EXPORT_MAX_ROWS = 100_000


@dataclass(frozen=True)
class Column:
    """One column of a list: a Chinese header and an attribute path (a.b.c) or callable."""

    label: str
    accessor: str | Callable[[Any], Any]
    link: bool = False

    def value(self, obj: Any) -> Any:
        """The cell value for a record."""
        if callable(self.accessor):
            return self.accessor(obj)
        value: Any = obj
        for part in self.accessor.split("."):
            if value is None:
                return ""
            display = getattr(value, f"get_{part}_display", None)
            value = display() if callable(display) else getattr(value, part, "")
            if callable(value) and not hasattr(value, "all"):
                value = value()
        return "" if value is None else value


def cell_text(value: Any) -> str:
    """A value as the text a clerk reads (also used in Excel)."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if timezone.is_aware(value) else value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.strftime("%Y-%m-%d")
    return str(value)


class StaffListView(LoginRequiredMixin, ListView):
    """Filters (GET form), pagination and `?export=xlsx` for any scoped list."""

    template_name = "core/list.html"
    paginate_by = 20
    title = ""
    selector: Callable[..., QuerySet] | None = None
    filterset_class: Any = None
    columns: Iterable[Column] = ()
    create_url_name: str | None = None
    create_label = "新增"
    export_filename = ""
    required_roles: tuple[str, ...] = ()

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """Role check before anything else (default deny when roles are named)."""
        if self.required_roles and request.user.is_authenticated and not request.user.has_role(*self.required_roles):
            raise PermissionDenied("您没有访问此页面的权限。")
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self) -> QuerySet:
        """The selector's queryset for this user."""
        if self.selector is None:
            raise NotImplementedError("StaffListView needs a selector")
        return type(self).selector(user=self.request.user)

    def get_queryset(self) -> QuerySet:
        """Scoped and filtered."""
        queryset = self.get_base_queryset()
        self.filterset = None
        if self.filterset_class is not None:
            self.filterset = self.filterset_class(self.request.GET or None, queryset=queryset, request=self.request)
            if self.filterset.is_bound and self.filterset.is_valid():
                queryset = self.filterset.qs
            elif self.filterset.is_bound:
                queryset = queryset.none()
        return queryset

    def get_paginate_by(self, queryset: QuerySet) -> int:
        """?page_size= between 10 and 200."""
        try:
            size = int(self.request.GET.get("page_size", self.paginate_by))
        except ValueError:
            size = self.paginate_by
        return max(10, min(size, 200))

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """Render the page, or stream the Excel export."""
        if request.GET.get("export") == "xlsx":
            return self.export_xlsx()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """Rows as cell lists, the filter form and the query string for pagination links."""
        context = super().get_context_data(**kwargs)
        columns = list(self.columns)
        params = self.request.GET.copy()
        params.pop("page", None)
        context.update(
            page_title=self.title,
            columns=columns,
            rows=[(obj, [col.value(obj) for col in columns]) for obj in context["object_list"]],
            filter_form=self.filterset.form if self.filterset is not None else None,
            querystring_without_page=(params.urlencode() + "&") if params else "",
            export_querystring=(params.urlencode() + "&" if params else "") + "export=xlsx",
            create_url_name=self.create_url_name,
            create_label=self.create_label,
            breadcrumbs=[(self.title, None)],
            total_count=context["paginator"].count if context.get("paginator") else len(context["object_list"]),
        )
        return context

    def export_xlsx(self) -> HttpResponse:
        """The filtered list as an Excel file (write-only, streamed from the queryset); audited."""
        from openpyxl import Workbook

        queryset = self.get_queryset()[:EXPORT_MAX_ROWS]
        columns = list(self.columns)
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(title=(self.title or "导出")[:31])
        sheet.append([col.label for col in columns])
        count = 0
        for obj in queryset.iterator(chunk_size=2000) if hasattr(queryset, "iterator") else queryset:
            sheet.append([cell_text(col.value(obj)) for col in columns])
            count += 1
        buffer = io.BytesIO()
        workbook.save(buffer)
        data_exported.send(
            sender=type(self),
            user=self.request.user,
            request=self.request,
            model_label=queryset.model._meta.label,
            row_count=count,
            filters=self.request.GET.dict(),
        )
        name = self.export_filename or self.title or "export"
        stamp = timezone.localtime().strftime("%Y%m%d%H%M")
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(f'{name}-{stamp}.xlsx')}"
        return response


__all__ = ["Column", "StaffListView", "cell_text"]
