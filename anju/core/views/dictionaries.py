"""Staff pages: code tables (代码表). Staff read; the system administrator edits items."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.views import View

from anju.core.filtersets import DictionaryFilterSet
from anju.core.forms import DictionaryItemCreateForm, DictionaryItemUpdateForm
from anju.core.listing import Column, StaffListView
from anju.core.models import Dictionary, DictionaryItem
from anju.core.selectors import dictionary_get, dictionary_items, dictionary_list
from anju.core.services.dictionaries import (
    dictionary_item_create,
    dictionary_item_deactivate,
    dictionary_item_delete,
    dictionary_item_update,
)
from anju.core.views.regions import READER_ROLES, WRITER_ROLES, StaffRequiredMixin, form_errors_from


class DictionaryListView(StaffListView):
    """代码表列表."""

    title = "代码表"
    selector = staticmethod(dictionary_list)
    filterset_class = DictionaryFilterSet
    required_roles = READER_ROLES
    columns = [
        Column("名称", "name", link=True),
        Column("标识", "code"),
        Column("依据标准", "standard"),
        Column("条目数", "item_count"),
        Column("系统内置", "is_system"),
    ]


class DictionaryDetailView(StaffRequiredMixin, View):
    """One code table and all its items."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        """Render the items."""
        dictionary = dictionary_get(user=request.user, code=code)
        return render(
            request,
            "core/dictionary_detail.html",
            {
                "page_title": f"代码表：{dictionary.name}",
                "dictionary": dictionary,
                "items": dictionary_items(user=request.user, dictionary=dictionary),
                "can_edit": request.user.has_role(*WRITER_ROLES),
                "breadcrumbs": [("代码表", reverse("core:dictionary_list")), (dictionary.name, None)],
            },
        )


def _item_or_404(request: HttpRequest, code: str, item_code: str) -> tuple[Dictionary, DictionaryItem]:
    dictionary = dictionary_get(user=request.user, code=code)
    item = get_object_or_404(dictionary_items(user=request.user, dictionary=dictionary), code=item_code)
    return dictionary, item


def _render_form(request: HttpRequest, dictionary: Dictionary, form: Form, title: str) -> HttpResponse:
    return render(
        request,
        "core/object_form.html",
        {
            "page_title": title,
            "form": form,
            "breadcrumbs": [
                ("代码表", reverse("core:dictionary_list")),
                (dictionary.name, dictionary.get_absolute_url()),
                (title, None),
            ],
            "cancel_url": dictionary.get_absolute_url(),
        },
    )


class DictionaryItemCreateView(StaffRequiredMixin, View):
    """Add an item (system administrator)."""

    required_roles = WRITER_ROLES

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        """Empty form."""
        dictionary = dictionary_get(user=request.user, code=code)
        return _render_form(request, dictionary, DictionaryItemCreateForm(), f"新增条目：{dictionary.name}")

    def post(self, request: HttpRequest, code: str) -> HttpResponse:
        """Create through the service."""
        dictionary = dictionary_get(user=request.user, code=code)
        form = DictionaryItemCreateForm(request.POST)
        if form.is_valid():
            try:
                item = dictionary_item_create(dictionary=dictionary, acting_user=request.user, **form.cleaned_data)
            except ValidationError as exc:
                form_errors_from(form, exc)
            else:
                messages.success(request, f"已新增条目“{item.code} {item.name}”。")
                return redirect(dictionary.get_absolute_url())
        return _render_form(request, dictionary, form, f"新增条目：{dictionary.name}")


class DictionaryItemUpdateView(StaffRequiredMixin, View):
    """Edit an item (system administrator)."""

    required_roles = WRITER_ROLES

    def get(self, request: HttpRequest, code: str, item_code: str) -> HttpResponse:
        """The form filled with the item."""
        dictionary, item = _item_or_404(request, code, item_code)
        initial = {f: getattr(item, f) for f in ("name", "parent_code", "sort_order", "is_active")}
        return _render_form(request, dictionary, DictionaryItemUpdateForm(initial=initial), f"修改条目：{item.code}")

    def post(self, request: HttpRequest, code: str, item_code: str) -> HttpResponse:
        """Update through the service."""
        dictionary, item = _item_or_404(request, code, item_code)
        form = DictionaryItemUpdateForm(request.POST)
        if form.is_valid():
            try:
                dictionary_item_update(item=item, acting_user=request.user, **form.cleaned_data)
            except ValidationError as exc:
                form_errors_from(form, exc)
            else:
                messages.success(request, f"已保存条目“{item.code} {item.name}”。")
                return redirect(dictionary.get_absolute_url())
        return _render_form(request, dictionary, form, f"修改条目：{item.code}")


class DictionaryItemDeactivateView(StaffRequiredMixin, View):
    """Stop offering an item (POST)."""

    required_roles = WRITER_ROLES

    def post(self, request: HttpRequest, code: str, item_code: str) -> HttpResponse:
        """Deactivate and go back to the table."""
        dictionary, item = _item_or_404(request, code, item_code)
        dictionary_item_deactivate(item=item, acting_user=request.user)
        messages.success(request, f"已停用条目“{item.code} {item.name}”。")
        return redirect(dictionary.get_absolute_url())


class DictionaryItemDeleteView(StaffRequiredMixin, View):
    """Delete an unused item (POST); a used one is refused with the reason."""

    required_roles = WRITER_ROLES

    def post(self, request: HttpRequest, code: str, item_code: str) -> HttpResponse:
        """Delete, or explain why not."""
        dictionary, item = _item_or_404(request, code, item_code)
        label = f"{item.code} {item.name}"
        try:
            dictionary_item_delete(item=item, acting_user=request.user)
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(request, f"已删除条目“{label}”。")
        return redirect(dictionary.get_absolute_url())


urlpatterns = [
    path("dictionaries/", DictionaryListView.as_view(), name="dictionary_list"),
    path("dictionaries/<str:code>/", DictionaryDetailView.as_view(), name="dictionary_detail"),
    path("dictionaries/<str:code>/items/new/", DictionaryItemCreateView.as_view(), name="dictionary_item_create"),
    path("dictionaries/<str:code>/items/<str:item_code>/edit/", DictionaryItemUpdateView.as_view(), name="dictionary_item_update"),
    path(
        "dictionaries/<str:code>/items/<str:item_code>/deactivate/",
        DictionaryItemDeactivateView.as_view(),
        name="dictionary_item_deactivate",
    ),
    path(
        "dictionaries/<str:code>/items/<str:item_code>/delete/",
        DictionaryItemDeleteView.as_view(),
        name="dictionary_item_delete",
    ),
]
