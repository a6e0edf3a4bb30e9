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
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.generic import ListView

from anju.core.signals import data_exported

EXPORT_MAX_ROWS = 100_000
PAGE_SIZE_MIN, PAGE_SIZE_MAX = 10, 200
# Characters Excel refuses (openpyxl raises on them) and characters that start a formula.
_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SHEET_TITLE_FORBIDDEN = re.compile(r"[\\/*?:\[\]]")


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


def excel_value(value: Any) -> Any:
    """A value as an Excel cell value: numbers stay numbers, everything else is clean text."""
    if value is None:
        return ""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return value
    return _ILLEGAL_XLSX.sub("", cell_text(value))


def _xlsx_cell(sheet: Any, value: Any) -> Any:
    """Text that looks like a formula (=…) is written as a typed string cell, never evaluated."""
    value = excel_value(value)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value


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
        return max(PAGE_SIZE_MIN, min(size, PAGE_SIZE_MAX))

    def paginate_queryset(self, queryset: QuerySet, page_size: int) -> tuple:
        """Like ListView, but a page number out of range shows the nearest page instead of 404."""
        if hasattr(queryset, "ordered") and not queryset.ordered:
            queryset = queryset.order_by("pk")  # stable pages
        paginator: Paginator = self.get_paginator(queryset, page_size, allow_empty_first_page=True)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()

    def link_for(self, obj: Any) -> str:
        """The address a linked cell points to (the record's detail page)."""
        get_url = getattr(obj, "get_absolute_url", None)
        return get_url() if callable(get_url) else ""

    def build_rows(self, objects: Iterable[Any], columns: list[Column]) -> list[tuple[Any, list[tuple[Any, str]]]]:
        """Rows of (value, link) cells; `Column(link=True)` links (the first column when none is marked)."""
        linked = [col.link for col in columns]
        if columns and not any(linked):
            linked[0] = True
        rows = []
        for obj in objects:
            url = self.link_for(obj) if any(linked) else ""
            rows.append((obj, [(col.value(obj), url if link else "") for col, link in zip(columns, linked, strict=True)]))
        return rows

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
            rows=self.build_rows(context["object_list"], columns),
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

        queryset = self.get_queryset()
        if not queryset.ordered:
            queryset = queryset.order_by("pk")  # the file lists rows in the page order
        queryset = queryset[:EXPORT_MAX_ROWS]
        columns = list(self.columns)
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(title=_SHEET_TITLE_FORBIDDEN.sub("_", self.title or "导出")[:31])
        sheet.append([col.label for col in columns])
        count = 0
        for obj in queryset.iterator(chunk_size=2000) if hasattr(queryset, "iterator") else queryset:
            sheet.append([_xlsx_cell(sheet, col.value(obj)) for col in columns])
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


__all__ = ["Column", "StaffListView", "cell_text", "excel_value"]
