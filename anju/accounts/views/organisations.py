"""Organisation pages: list (every staff role, scoped), detail, create and edit (system administrator)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import FormView, TemplateView

from anju.accounts import permissions
from anju.accounts.filtersets import OrganisationFilterSet
from anju.accounts.forms import OrganisationForm
from anju.accounts.models import Organisation
from anju.accounts.permissions import RoleRequiredMixin, check_roles
from anju.accounts.selectors import organisation_list, user_list
from anju.accounts.services.organisations import organisation_create, organisation_update
from anju.core.listing import Column, StaffListView
from anju.core.models import Region


def region_name(code: str) -> str:
    """The Chinese name of a region code ('' when unknown)."""
    return Region.objects.filter(code=code).values_list("name", flat=True).first() or ""


class OrganisationListView(RoleRequiredMixin, StaffListView):
    """机构: filter by kind, region and name; export to Excel."""

    title = "机构"
    required_roles = permissions.ORGANISATION_READERS
    selector = staticmethod(organisation_list)
    filterset_class = OrganisationFilterSet
    columns = [
        Column("机构名称", "name", link=True),
        Column("机构编码", "code"),
        Column("机构类型", "kind"),
        Column("行政区划代码", "region_code"),
        Column("上级机构", "parent.name"),
        Column("联系电话", "contact_phone"),
        Column("状态", lambda obj: "启用" if obj.is_active else "停用"),
    ]
    create_url_name = "accounts:organisation_create"
    create_label = "新增机构"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """Only the system administrator sees the create button."""
        context = super().get_context_data(**kwargs)
        if not self.request.user.has_role(*permissions.ORGANISATION_WRITERS):
            context["create_url_name"] = None
        return context


class OrganisationDetailView(RoleRequiredMixin, TemplateView):
    """机构详情: 404 outside the reader's jurisdiction."""

    template_name = "accounts/organisation_detail.html"
    required_roles = permissions.ORGANISATION_READERS

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """The organisation, its sub-organisations and users (all scoped)."""
        context = super().get_context_data(**kwargs)
        user = self.request.user
        organisation = get_object_or_404(organisation_list(user=user), pk=self.kwargs["pk"])
        context.update(
            organisation=organisation,
            region_name=region_name(organisation.region_code),
            children=organisation_list(user=user).filter(parent=organisation),
            members=user_list(user=user).filter(organisation=organisation) if user.has_role(*permissions.USER_READERS) else None,
            can_edit=user.has_role(*permissions.ORGANISATION_WRITERS),
            page_title=organisation.name,
            breadcrumbs=[("机构", reverse("accounts:organisation_list")), (organisation.name, None)],
        )
        return context


class OrganisationFormView(RoleRequiredMixin, FormView):
    """新增机构 / 编辑机构 (system administrator)."""

    template_name = "accounts/form.html"
    form_class = OrganisationForm
    required_roles = permissions.ORGANISATION_WRITERS
    organisation: Organisation | None = None

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        """Roles first (403), then the organisation being edited (404 outside the jurisdiction)."""
        response = check_roles(request, self.required_roles)
        if response is not None:
            return response
        if "pk" in kwargs:
            self.organisation = get_object_or_404(organisation_list(user=request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        """The editor scopes the parent and region choices."""
        kwargs = super().get_form_kwargs()
        kwargs.update(user=self.request.user, instance=self.organisation or Organisation())
        return kwargs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """Title and breadcrumbs."""
        context = super().get_context_data(**kwargs)
        title = f"编辑机构：{self.organisation.name}" if self.organisation else "新增机构"
        context.update(page_title=title, breadcrumbs=[("机构", reverse("accounts:organisation_list")), (title, None)], submit_label="保存")
        return context

    def form_valid(self, form: OrganisationForm) -> HttpResponse:
        """Call the service; model validation errors go back onto the form."""
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            if self.organisation is None:
                organisation = organisation_create(acting_user=self.request.user, request=self.request, **data)
            else:
                organisation = organisation_update(organisation=self.organisation, acting_user=self.request.user, request=self.request, **data)
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, f"机构“{organisation.name}”已保存。")
        return HttpResponseRedirect(organisation.get_absolute_url())
