"""Staff pages of the applying household: list, detail, and the clerk's forms.

Views only parse, call a selector or a service, and render (style.md 2-3).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import OuterRef, QuerySet, Subquery
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views import View

from anju.admission import services
from anju.admission.choices import ApplicationStatus
from anju.admission.filtersets import HouseholdFilterSet
from anju.admission.forms import ApplicationForm, AssetForm, DwellingForm, MemberForm, ServiceForm
from anju.admission.models import Application, Asset, Dwelling, Member
from anju.admission.permissions import READER_ROLES, can_edit_households
from anju.admission.selectors import household_get, household_list
from anju.admission.validation import field_display
from anju.admission.views_process import process_summary
from anju.core.listing import Column, StaffListView
from anju.core.models import Region


def _with_region_name(queryset: QuerySet[Application]) -> QuerySet[Application]:
    """Annotate the community name (one subquery, no per-row look-up)."""
    return queryset.annotate(
        region_name=Subquery(Region.objects.filter(code=OuterRef("region_code")).values("name")[:1])
    )


def household_list_for_page(*, user: Any) -> QuerySet[Application]:
    """The list selector with the community name for the page."""
    return _with_region_name(household_list(user=user))


class HouseholdListView(StaffListView):
    """申请家庭: filters, masked identifiers, pagination and Excel export."""

    title = "申请家庭"
    template_name = "admission/registration/list.html"  # core/list.html + the 准入登记 sub-navigation (AD2)
    selector = staticmethod(household_list_for_page)
    filterset_class = HouseholdFilterSet
    required_roles = tuple(READER_ROLES)
    create_url_name = "admission:household_create"
    create_label = "受理申请"
    export_filename = "申请家庭"
    columns = [
        Column("申请编号", "number", link=True),
        Column("申请人姓名", "applicant_name"),
        Column("证件号码", "id_number_masked"),
        Column("联系电话", "phone_masked"),
        Column("所在社区", "region_name"),
        Column("家庭人口数", "household_size"),
        Column("家庭人均年收入（元）", "income_per_capita"),
        Column("办理阶段", "status"),
        Column("提交时间", "submitted_at"),
    ]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """A 协同部门 user (no household access) lands on the verification requests assigned to them."""
        user = request.user
        if user.is_authenticated and not user.has_role(*READER_ROLES) and user.has_role("partner"):
            return HttpResponseRedirect(reverse("admission:verification_list"))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """Hide the create button from readers who do not enter applications."""
        context = super().get_context_data(**kwargs)
        if not can_edit_households(self.request.user):
            context["create_url_name"] = None
        return context


def _can_reveal(user: Any) -> bool:
    """True if the audit app lets this user see identifiers in plain text (with a reason, logged)."""
    from anju.audit.permissions import can_reveal_personal_data

    return can_reveal_personal_data(user)


APPLICATION_SECTIONS = (
    ("申请人与代理人", ["number", "registration_year", "applicant_name", "id_type", "id_number", "phone", "agent_name", "agent_id_type", "agent_id_number", "agent_phone"]),
    ("户籍所在地", ["hukou_county", "hukou_street", "hukou_community", "hukou_road", "hukou_house_number", "hukou_building", "hukou_room"]),
    ("家庭情况", ["household_size", "income_total", "income_per_capita", "floor_area_total", "floor_area_per_capita", "in_shantytown", "shantytown_name", "shantytown_type", "shantytown_affiliation", "is_low_income", "is_minimum_living", "minimum_living_certificate", "had_housing_support", "housing_support_mode"]),
    ("办理", ["status", "submitted_at", "review_status", "reviewer", "reviewed_at"]),
)
MASKED = {"id_number": "id_number_masked", "phone": "phone_masked", "agent_id_number": "agent_id_number_masked", "agent_phone": "agent_phone_masked"}
REGION_FIELDS = {"hukou_county", "hukou_street", "hukou_community"}


class HouseholdDetailView(LoginRequiredMixin, View):
    """One application with its members, dwellings and assets; identifiers masked."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Render the detail page (404 outside the jurisdiction)."""
        application = household_get(user=request.user, pk=pk, deleted=None)
        region_codes = {getattr(application, f) for f in REGION_FIELDS} | {application.region_code}
        region_names = dict(Region.objects.filter(code__in=region_codes).values_list("code", "name"))
        sections = []
        for title, names in APPLICATION_SECTIONS:
            rows = []
            for name in names:
                label = str(Application._meta.get_field(name).verbose_name)
                if name in MASKED:
                    value = getattr(application, MASKED[name])
                elif name in REGION_FIELDS:
                    code = getattr(application, name)
                    value = region_names.get(code, code)
                else:
                    value = field_display(application, name)
                rows.append((label, value))
            sections.append({"title": title, "fields": rows})
        editable = can_edit_households(request.user) and application.is_editable and not application.is_deleted
        context = {
            "page_title": f"申请 {application.number}",
            "subtitle": f"{region_names.get(application.region_code, application.region_code)} · {application.get_status_display()}"
            + ("（已删除）" if application.is_deleted else ""),
            "breadcrumbs": [("申请家庭", reverse("admission:household_list")), (application.number, None)],
            "application": application,
            "sections": sections,
            "members": [_member_row(m) for m in application.members.all()],
            "dwellings": [_dwelling_row(d) for d in application.dwellings.all()],
            "assets": [_asset_row(a) for a in application.assets.all()],
            "editable": editable,
            "actions": _actions(request.user, application, editable),
            "can_reveal": _can_reveal(request.user),
            "process": process_summary(user=request.user, application=application),
        }
        return render(request, "admission/household_detail.html", context)


def _member_row(member: Member) -> dict[str, Any]:
    return {
        "obj": member,
        "cells": [
            member.sequence,
            member.name + ("（申请人）" if member.is_applicant else ""),
            field_display(member, "relation"),
            member.id_number_masked,
            field_display(member, "sex"),
            member.birth_date,
            member.phone_masked,
            field_display(member, "employment_status"),
            member.annual_income,
        ],
    }


def _dwelling_row(dwelling: Dwelling) -> dict[str, Any]:
    address = "".join(filter(None, [dwelling.address_road, dwelling.address_house_number and f"{dwelling.address_house_number}号", dwelling.address_building and f"{dwelling.address_building}栋", dwelling.address_room and f"{dwelling.address_room}室"]))
    return {
        "obj": dwelling,
        "cells": [
            dwelling.sequence,
            address,
            field_display(dwelling, "occupancy_status"),
            field_display(dwelling, "property_nature"),
            dwelling.floor_area,
            dwelling.owner_name,
            dwelling.rent if dwelling.rent is not None else "",
        ],
    }


def _asset_row(asset: Asset) -> dict[str, Any]:
    return {
        "obj": asset,
        "cells": [asset.sequence, asset.owner_name, field_display(asset, "category"), asset.quantity, asset.total_value],
    }


def _actions(user: Any, application: Application, editable: bool) -> list[dict[str, Any]]:
    """The buttons of the detail page for this user and state."""
    if not can_edit_households(user):
        return []
    pk = application.pk
    if application.is_deleted:
        return [{"label": "恢复", "url": reverse("admission:household_restore", args=[pk]), "method": "post", "style": "primary", "icon": "arrow-counterclockwise"}]
    actions = []
    if editable:
        actions += [
            {"label": "编辑基本信息", "url": reverse("admission:household_edit", args=[pk]), "style": "outline-primary", "icon": "pencil"},
            {"label": "提交", "url": reverse("admission:household_submit", args=[pk]), "method": "post", "style": "primary", "confirm": "确定提交该申请？提交后不能修改。", "icon": "send"},
        ]
    if application.status == ApplicationStatus.DRAFT:
        actions.append({"label": "删除草稿", "url": reverse("admission:household_delete", args=[pk]), "method": "post", "style": "outline-danger", "confirm": "确定删除该草稿？删除后可恢复。", "icon": "trash"})
    return actions


class EditorMixin(LoginRequiredMixin):
    """Only a clerk enters data; the application must be inside the clerk's jurisdiction (404 otherwise)."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """Role check (403) before the jurisdiction look-up (404)."""
        if request.user.is_authenticated and not can_edit_households(request.user):
            raise PermissionDenied("只有社区经办人可以录入和修改申请。")
        return super().dispatch(request, *args, **kwargs)

    def application(self, pk: int, *, deleted: bool | None = False) -> Application:
        """The application in the user's jurisdiction, or 404."""
        return household_get(user=self.request.user, pk=pk, deleted=deleted)


class ServiceFormView(EditorMixin, View):
    """GET shows the form; POST calls the service and keeps the input on error."""

    form_class: type[ServiceForm]
    title = ""

    def get_instance(self, application: Application) -> Any:
        """The record being edited, or None when adding."""
        return None

    def call_service(self, application: Application, instance: Any, data: dict[str, Any]) -> Any:
        """Run the write; return the saved record."""
        raise NotImplementedError

    def form(self, application: Application | None, instance: Any, data: Any = None) -> ServiceForm:
        """The form for this page."""
        return self.form_class(data, instance=instance)

    def render_form(self, application: Application | None, form: ServiceForm) -> HttpResponse:
        """The form page."""
        cancel = application.get_absolute_url() if application else reverse("admission:household_list")
        breadcrumbs = [("申请家庭", reverse("admission:household_list"))]
        if application:
            breadcrumbs.append((application.number, cancel))
        breadcrumbs.append((self.title, None))
        return render(
            self.request,
            "core/form.html",
            {"form": form, "page_title": self.title, "breadcrumbs": breadcrumbs, "cancel_url": cancel},
        )

    def load(self, kwargs: dict[str, Any]) -> tuple[Application | None, Any]:
        """The application and the record of this address."""
        application = self.application(kwargs["pk"])
        return application, self.get_instance(application)

    def get(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        """An empty or pre-filled form."""
        application, instance = self.load(kwargs)
        return self.render_form(application, self.form(application, instance))

    def post(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        """Validate, call the service, redirect; on error show the form again with the input."""
        application, instance = self.load(kwargs)
        form = self.form(application, instance, request.POST)
        if form.is_valid():
            try:
                saved = self.call_service(application, instance, form.service_data())
            except ValidationError as exc:
                form.service_errors(exc)
            else:
                messages.success(request, f"{self.title}已保存。")
                target = saved if isinstance(saved, Application) else saved.application
                return HttpResponseRedirect(target.get_absolute_url())
        return self.render_form(application, form)


class HouseholdCreateView(ServiceFormView):
    """受理申请: a new draft application."""

    form_class = ApplicationForm
    title = "受理申请"

    def load(self, kwargs: dict[str, Any]) -> tuple[Application | None, Any]:
        """No application yet."""
        return None, None

    def form(self, application: Application | None, instance: Any, data: Any = None) -> ServiceForm:
        """The form with the communities of the clerk's jurisdiction."""
        return ApplicationForm(data, user=self.request.user, creating=True)

    def call_service(self, application: Application | None, instance: Any, data: dict[str, Any]) -> Application:
        """application_create."""
        form_data = dict(data)
        return services.application_create(
            region_code=form_data.pop("region_code"),
            applicant_name=form_data.pop("applicant_name"),
            id_number=form_data.pop("id_number"),
            acting_user=self.request.user,
            **form_data,
        )


class HouseholdUpdateView(ServiceFormView):
    """编辑申请基本信息."""

    form_class = ApplicationForm
    title = "编辑基本信息"

    def get_instance(self, application: Application) -> Application:
        """The application itself."""
        return application

    def call_service(self, application: Application, instance: Any, data: dict[str, Any]) -> Application:
        """application_update."""
        return services.application_update(application=application, acting_user=self.request.user, **data)


class MemberAddView(ServiceFormView):
    """添加家庭成员."""

    form_class = MemberForm
    title = "添加家庭成员"

    def call_service(self, application: Application, instance: Any, data: dict[str, Any]) -> Member:
        """member_add."""
        data = dict(data)
        return services.member_add(
            application=application,
            acting_user=self.request.user,
            name=data.pop("name"),
            relation=data.pop("relation"),
            id_number=data.pop("id_number"),
            **data,
        )


class MemberEditView(ServiceFormView):
    """修改家庭成员."""

    form_class = MemberForm
    title = "修改家庭成员"

    def get_instance(self, application: Application) -> Member:
        """The member of this application."""
        return get_object_or_404(Member, application=application, pk=self.kwargs["item_pk"])

    def call_service(self, application: Application, instance: Member, data: dict[str, Any]) -> Member:
        """member_update."""
        return services.member_update(member=instance, acting_user=self.request.user, **data)


class DwellingAddView(ServiceFormView):
    """添加住房."""

    form_class = DwellingForm
    title = "添加住房信息"

    def call_service(self, application: Application, instance: Any, data: dict[str, Any]) -> Dwelling:
        """dwelling_add."""
        return services.dwelling_add(application=application, acting_user=self.request.user, **data)


class DwellingEditView(ServiceFormView):
    """修改住房."""

    form_class = DwellingForm
    title = "修改住房信息"

    def get_instance(self, application: Application) -> Dwelling:
        """The dwelling of this application."""
        return get_object_or_404(Dwelling, application=application, pk=self.kwargs["item_pk"])

    def call_service(self, application: Application, instance: Dwelling, data: dict[str, Any]) -> Dwelling:
        """dwelling_update."""
        return services.dwelling_update(dwelling=instance, acting_user=self.request.user, **data)


class AssetAddView(ServiceFormView):
    """添加资产."""

    form_class = AssetForm
    title = "添加资产信息"

    def call_service(self, application: Application, instance: Any, data: dict[str, Any]) -> Asset:
        """asset_add."""
        return services.asset_add(application=application, acting_user=self.request.user, **data)


class AssetEditView(ServiceFormView):
    """修改资产."""

    form_class = AssetForm
    title = "修改资产信息"

    def get_instance(self, application: Application) -> Asset:
        """The asset of this application."""
        return get_object_or_404(Asset, application=application, pk=self.kwargs["item_pk"])

    def call_service(self, application: Application, instance: Asset, data: dict[str, Any]) -> Asset:
        """asset_update."""
        return services.asset_update(asset=instance, acting_user=self.request.user, **data)


class ActionView(EditorMixin, View):
    """A POST-only action on an application (submit, delete, restore, remove a record)."""

    deleted: bool | None = False
    done_message = ""

    def act(self, application: Application) -> None:
        """Call the service."""
        raise NotImplementedError

    def post(self, request: HttpRequest, pk: int, **kwargs: Any) -> HttpResponse:
        """Run the action; a refusal is shown as a message on the detail page."""
        application = self.application(pk, deleted=self.deleted)
        try:
            self.act(application)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, self.done_message)
        return HttpResponseRedirect(self.redirect_to(application))

    def redirect_to(self, application: Application) -> str:
        """Back to the detail page."""
        return application.get_absolute_url()


class HouseholdSubmitView(ActionView):
    """提交申请."""

    done_message = "申请已提交。"

    def act(self, application: Application) -> None:
        """application_submit."""
        services.application_submit(application=application, acting_user=self.request.user)


class HouseholdDeleteView(ActionView):
    """删除草稿 (soft)."""

    done_message = "草稿已删除，可在详情页恢复。"

    def act(self, application: Application) -> None:
        """application_delete."""
        services.application_delete(application=application, acting_user=self.request.user)


class HouseholdRestoreView(ActionView):
    """恢复已删除的草稿."""

    deleted = True
    done_message = "申请已恢复。"

    def act(self, application: Application) -> None:
        """application_restore."""
        services.application_restore(application=application, acting_user=self.request.user)


class MemberRemoveView(ActionView):
    """删除家庭成员."""

    done_message = "家庭成员已删除。"

    def act(self, application: Application) -> None:
        """member_remove."""
        member = get_object_or_404(Member, application=application, pk=self.kwargs["item_pk"])
        services.member_remove(member=member, acting_user=self.request.user)


class DwellingRemoveView(ActionView):
    """删除住房."""

    done_message = "住房信息已删除。"

    def act(self, application: Application) -> None:
        """dwelling_remove."""
        dwelling = get_object_or_404(Dwelling, application=application, pk=self.kwargs["item_pk"])
        services.dwelling_remove(dwelling=dwelling, acting_user=self.request.user)


class AssetRemoveView(ActionView):
    """删除资产."""

    done_message = "资产信息已删除。"

    def act(self, application: Application) -> None:
        """asset_remove."""
        asset = get_object_or_404(Asset, application=application, pk=self.kwargs["item_pk"])
        services.asset_remove(asset=asset, acting_user=self.request.user)
