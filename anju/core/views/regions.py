"""Staff pages: administrative divisions (行政区划).

Every signed-in staff member reads them; only the system administrator adds or edits.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.views import View

from anju.accounts.roles import ADMIN_ROLES, STAFF_ROLES, Role
from anju.core.filtersets import RegionFilterSet
from anju.core.forms import RegionCreateForm, RegionUpdateForm
from anju.core.listing import Column, StaffListView
from anju.core.selectors import region_ancestors, region_children, region_get, region_list
from anju.core.services.regions import region_create, region_update

READER_ROLES = tuple(sorted(STAFF_ROLES | ADMIN_ROLES))
WRITER_ROLES = (Role.SYSTEM_ADMIN,)


class StaffRequiredMixin(LoginRequiredMixin):
    """Signed in and holding one of `required_roles` (default: any staff or admin role), else 403."""

    required_roles: tuple[str, ...] = READER_ROLES

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """Role check after the login check."""
        if request.user.is_authenticated and not request.user.has_role(*self.required_roles):
            raise PermissionDenied("您没有访问此页面的权限。")
        return super().dispatch(request, *args, **kwargs)


def form_errors_from(form: Form, error: ValidationError) -> None:
    """Put a service's ValidationError beside the form's fields (unknown fields go on top)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


class RegionListView(StaffListView):
    """行政区划列表: level, parent, prefix and name filters; Excel export."""

    title = "行政区划"
    selector = staticmethod(region_list)
    filterset_class = RegionFilterSet
    required_roles = READER_ROLES
    create_url_name = "core:region_create"
    create_label = "新增区划"
    columns = [
        Column("区划代码", "code", link=True),
        Column("名称", "name"),
        Column("级别", "level"),
        Column("全称", "full_name"),
        Column("上级区划", "parent.name"),
        Column("有效", "is_active"),
    ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """Only the system administrator sees the add button."""
        context = super().get_context_data(**kwargs)
        if not self.request.user.has_role(*WRITER_ROLES):
            context["create_url_name"] = None
        return context


class RegionDetailView(StaffRequiredMixin, View):
    """One region, its chain of parents and its children."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        """Render the detail page."""
        region = region_get(user=request.user, code=code)
        ancestors = region_ancestors(region)
        breadcrumbs = [("行政区划", reverse("core:region_list"))]
        breadcrumbs += [(r.name, r.get_absolute_url()) for r in ancestors]
        breadcrumbs.append((region.name, None))
        return render(
            request,
            "core/region_detail.html",
            {
                "page_title": f"行政区划：{region.name}",
                "region": region,
                "ancestors": ancestors,
                "children": region_children(user=request.user, region=region),
                "can_edit": request.user.has_role(*WRITER_ROLES),
                "breadcrumbs": breadcrumbs,
            },
        )


class RegionCreateView(StaffRequiredMixin, View):
    """Add a region (system administrator)."""

    required_roles = WRITER_ROLES

    def _render(self, request: HttpRequest, form: Form) -> HttpResponse:
        return render(
            request,
            "core/object_form.html",
            {
                "page_title": "新增行政区划",
                "form": form,
                "breadcrumbs": [("行政区划", reverse("core:region_list")), ("新增", None)],
                "cancel_url": reverse("core:region_list"),
            },
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        """An empty form (parent pre-filled from ?parent=)."""
        return self._render(request, RegionCreateForm(initial={"parent": request.GET.get("parent", "")}))

    def post(self, request: HttpRequest) -> HttpResponse:
        """Create through the service; errors keep what was typed."""
        form = RegionCreateForm(request.POST)
        if form.is_valid():
            try:
                region = region_create(acting_user=request.user, **form.cleaned_data)
            except ValidationError as exc:
                form_errors_from(form, exc)
            else:
                messages.success(request, f"已新增行政区划“{region.name}”。")
                return redirect(region.get_absolute_url())
        return self._render(request, form)


class RegionUpdateView(StaffRequiredMixin, View):
    """Rename, enable or disable a region (system administrator)."""

    required_roles = WRITER_ROLES

    def _render(self, request: HttpRequest, region: Any, form: Form) -> HttpResponse:
        return render(
            request,
            "core/object_form.html",
            {
                "page_title": f"修改行政区划：{region.name}",
                "form": form,
                "region": region,
                "breadcrumbs": [
                    ("行政区划", reverse("core:region_list")),
                    (region.name, region.get_absolute_url()),
                    ("修改", None),
                ],
                "cancel_url": region.get_absolute_url(),
            },
        )

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        """The form filled with the region."""
        region = region_get(user=request.user, code=code)
        initial = {f: getattr(region, f) for f in ("name", "is_active", "valid_from", "valid_to")}
        return self._render(request, region, RegionUpdateForm(initial=initial))

    def post(self, request: HttpRequest, code: str) -> HttpResponse:
        """Update through the service."""
        region = region_get(user=request.user, code=code)
        form = RegionUpdateForm(request.POST)
        if form.is_valid():
            try:
                region_update(region=region, acting_user=request.user, **form.cleaned_data)
            except ValidationError as exc:
                form_errors_from(form, exc)
            else:
                messages.success(request, f"已保存行政区划“{region.name}”。")
                return redirect(region.get_absolute_url())
        return self._render(request, region, form)


urlpatterns = [
    path("regions/", RegionListView.as_view(), name="region_list"),
    path("regions/new/", RegionCreateView.as_view(), name="region_create"),
    path("regions/<str:code>/", RegionDetailView.as_view(), name="region_detail"),
    path("regions/<str:code>/edit/", RegionUpdateView.as_view(), name="region_update"),
]
