"""Staff pages of the 资源配置 subsystem: 供需监测, 配置方案, 支持项目方案, 台账 (views parse, call, render)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.html import format_html
from django.views import View

from anju.allocation import forms, selectors
from anju.allocation.choices import PlanStatus, ResourceCategory, mode_resource_category
from anju.allocation.filtersets import (
    LedgerEntryFilterSet,
    LedgerFilterSet,
    PlanFilterSet,
    SupportLedgerFilterSet,
    SupportPlanFilterSet,
)
from anju.allocation.models import AllocationPlan, SupportPlan
from anju.allocation.permissions import READER_ROLES, can_edit_allocation
from anju.allocation.selectors_monitoring import custom_measure, monitoring_compute
from anju.allocation.services import ledger_jobs, ledgers, plans, support_plans
from anju.core.listing import Column, StaffListView, cell_text

SECTION = "资源配置"


def _crumbs(*items: tuple[str, str | None]) -> list[tuple[str, str | None]]:
    return [(SECTION, reverse("allocation:index")), *items]


def form_errors_add(form: django_forms.Form, exc: ValidationError) -> None:
    """Put a service's Chinese ValidationError on the form (fields it knows, otherwise the whole form)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def error_message(request: HttpRequest, exc: ValidationError) -> None:
    """A service refusal as one Chinese message."""
    messages.error(request, "；".join(exc.messages))


def _mode_name(code: str) -> str:
    from anju.core.selectors import dictionary_label

    return dictionary_label("security_mode", code) if code else ""


class ReaderMixin(LoginRequiredMixin):
    """Business staff who read allocation records (default deny)."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """403 for roles that do not read allocation records."""
        if request.user.is_authenticated and not request.user.has_role(*READER_ROLES):
            raise PermissionDenied("您的角色无权查看资源配置数据。")
        return super().dispatch(request, *args, **kwargs)


class EditorMixin(LoginRequiredMixin):
    """District and city officers who make plans and run the ledgers."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """403 before the jurisdiction look-up (404)."""
        if request.user.is_authenticated and not can_edit_allocation(request.user):
            raise PermissionDenied("只有区县保障科或市保障处可以编制资源配置方案和台账。")
        return super().dispatch(request, *args, **kwargs)


# ---------------------------------------------------------------- 供需监测


class MonitoringView(ReaderMixin, View):
    """供需监测 (9.2.1): automatic measures and one custom measure, as tables and ECharts charts."""

    def get(self, request: HttpRequest) -> HttpResponse:
        """The measures of the user's jurisdiction (or of one district)."""
        district = (request.GET.get("district") or "").strip()
        if district and not district.isdigit():
            district = ""
        monitoring = monitoring_compute(user=request.user, district=district)
        custom_form = forms.CustomMeasureForm(request.GET if "subject" in request.GET else None)
        custom = None
        if custom_form.is_bound and custom_form.is_valid():
            data = custom_form.cleaned_data
            custom = custom_measure(
                user=request.user,
                subject=data["subject"],
                rows=data["rows"],
                columns=data["columns"],
                district=district,
            )
        charts = monitoring.charts()
        if custom is not None:
            charts["custom"] = custom.as_chart()
        return render(request, "allocation/monitoring.html", {
            "page_title": "供需监测", "breadcrumbs": _crumbs(("供需监测", None)), "monitoring": monitoring,
            "tables": [(key, getattr(monitoring, key)) for key in
                       ("gap", "demand_by_mode", "demand_by_program", "demand_by_size", "supply_by_layout", "supply_by_band")],
            "custom_form": custom_form, "custom": custom, "charts": charts, "district": district,
            "regions": forms.region_choices(request.user), "active_tab": "monitoring",
        })  # fmt: skip


# ---------------------------------------------------------------- plans


class AllocationListView(StaffListView):
    """A list of this subsystem: readers only; the create button for editors; the sub-navigation."""

    required_roles = tuple(READER_ROLES)
    template_name = "allocation/list.html"
    active_tab = ""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """Hide the create button from readers; breadcrumbs start at 资源配置."""
        context = super().get_context_data(**kwargs)
        if not can_edit_allocation(self.request.user):
            context["create_url_name"] = None
        context["breadcrumbs"] = _crumbs((self.title, None))
        context["active_tab"] = self.active_tab
        context["can_edit"] = can_edit_allocation(self.request.user)
        return context


class PlanListView(AllocationListView):
    """保障项目资源配置方案."""

    title = "资源配置方案"
    active_tab = "plans"
    selector = staticmethod(selectors.plan_list)
    filterset_class = PlanFilterSet
    create_url_name = "allocation:plan_create"
    create_label = "新建方案"
    export_filename = "资源配置方案"
    columns = [
        Column("方案编号", "number", link=True),
        Column("方案名称", "name"),
        Column("保障项目", "program.name"),
        Column("保障方式", lambda p: _mode_name(p.mode)),
        Column("期别类型", "period_type"),
        Column("方案周期", "period"),
        Column("本期保障总户数", "total_households"),
        Column("本期住房分配总套数", "total_units"),
        Column("本期住房分配总面积", "total_area"),
        Column("本期补贴总金额", "total_subsidy"),
        Column("方案状态", "status"),
        Column("行政区划代码", "region_code"),
    ]


def _plan(request: HttpRequest, pk: int) -> AllocationPlan:
    return selectors.plan_get(user=request.user, pk=pk)


class FormPageView(EditorMixin, View):
    """GET shows a form; POST validates, calls the service (Chinese errors keep the input) and redirects."""

    title = ""

    def load(self, **kwargs: Any) -> Any:
        """The record the form belongs to (404 outside the jurisdiction)."""
        return None

    def make_form(self, obj: Any, data: Any = None) -> django_forms.Form:
        """The bound or unbound form."""
        raise NotImplementedError

    def call(self, obj: Any, form: django_forms.Form) -> Any:
        """Run the service; return the record to go to."""
        raise NotImplementedError

    def cancel_url(self, obj: Any) -> str:
        """Where 取消 goes."""
        return obj.get_absolute_url() if obj is not None else reverse("allocation:plan_list")

    def render_form(self, obj: Any, form: django_forms.Form) -> HttpResponse:
        """The form page."""
        return render(self.request, "core/form.html", {
            "form": form, "page_title": self.title, "cancel_url": self.cancel_url(obj),
            "breadcrumbs": _crumbs((self.title, None)),
        })  # fmt: skip

    def get(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        """An empty or pre-filled form."""
        obj = self.load(**kwargs)
        return self.render_form(obj, self.make_form(obj))

    def post(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        """Validate, call, redirect."""
        obj = self.load(**kwargs)
        form = self.make_form(obj, request.POST)
        if form.is_valid():
            try:
                saved = self.call(obj, form)
            except ValidationError as exc:
                form_errors_add(form, exc)
            else:
                messages.success(request, f"{self.title}已完成。")
                return HttpResponseRedirect(saved.get_absolute_url())
        return self.render_form(obj, form)


class PlanCreateView(FormPageView):
    """新建资源配置方案."""

    title = "新建资源配置方案"

    def make_form(self, obj: Any, data: Any = None) -> django_forms.Form:
        """PlanForm for this user's regions and programs."""
        return forms.PlanForm(data, user=self.request.user)

    def call(self, obj: Any, form: django_forms.Form) -> Any:
        """plan_create."""
        return plans.plan_create(acting_user=self.request.user, **form.cleaned_data)


class PlanEditView(FormPageView):
    """修改草稿方案."""

    title = "修改资源配置方案"

    def load(self, **kwargs: Any) -> Any:
        """The plan."""
        return _plan(self.request, kwargs["pk"])

    def make_form(self, obj: Any, data: Any = None) -> django_forms.Form:
        """Pre-filled with the plan."""
        initial = {name: getattr(obj, name) for name in plans.EDITABLE_FIELDS}
        return forms.PlanEditForm(data, initial=initial)

    def call(self, obj: Any, form: django_forms.Form) -> Any:
        """plan_update."""
        return plans.plan_update(plan=obj, data=form.cleaned_data, acting_user=self.request.user)


def _remove_button(request: HttpRequest, url: str, label: str = "移出") -> str:
    """A small POST form (with the CSRF token) for a table cell."""
    from django.middleware.csrf import get_token

    return format_html(
        '<form method="post" action="{}" class="d-inline" data-confirm="确定{}？">'
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
        '<button type="submit" class="btn btn-link btn-sm p-0 text-danger">{}</button></form>', url, label, get_token(request), label,
    )  # fmt: skip


class PlanDetailView(ReaderMixin, View):
    """One plan: its fields, households, resources and the actions its state allows."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The detail page."""
        plan = _plan(request, pk)
        editable = can_edit_allocation(request.user) and plan.status == PlanStatus.DRAFT
        housing = mode_resource_category(plan.mode) == ResourceCategory.HOUSING
        households = list(selectors.plan_households(plan=plan)[:500])
        resources = list(selectors.plan_resources(plan=plan)[:500])
        actions = []
        if editable:
            actions += [
                {"label": "修改", "url": reverse("allocation:plan_edit", args=[pk]), "icon": "pencil"},
                {
                    "label": "加入保障对象",
                    "url": reverse("allocation:plan_households", args=[pk]),
                    "icon": "people",
                    "style": "primary",
                },
            ]
            if housing:
                actions.append(
                    {
                        "label": "配置住房",
                        "url": reverse("allocation:plan_units", args=[pk]),
                        "icon": "house",
                        "style": "primary",
                    }
                )
            else:
                actions += [
                    {"label": "测算补贴", "url": reverse("allocation:plan_subsidies", args=[pk]), "method": "post", "icon": "calculator",
                     "confirm": "按保障标准测算方案中每户的补贴金额？"},
                    {"label": "加入资金", "url": reverse("allocation:plan_fund", args=[pk]), "icon": "cash"},
                ]  # fmt: skip
            actions.append({"label": "发布", "url": reverse("allocation:plan_publish", args=[pk]), "method": "post", "style": "success",
                            "icon": "megaphone", "confirm": "发布后方案不能再修改，配给管理将据此组织配给。确定发布？"})  # fmt: skip
        if can_edit_allocation(request.user) and plan.status != PlanStatus.CLOSED:
            actions.append({"label": "关闭", "url": reverse("allocation:plan_close", args=[pk]), "method": "post", "style": "outline-danger",
                            "confirm": "关闭后方案中的家庭可加入同一保障方式的其他方案。确定关闭？"})  # fmt: skip
        household_rows = []
        for row in households:
            entry = row.register_entry
            cells = [
                entry.number,
                entry.applicant_name,
                entry.household_size,
                _mode_name(entry.security_mode),
                row.get_state_display(),
            ]
            if editable:
                cells.append(_remove_button(request, reverse("allocation:plan_household_remove", args=[pk, row.pk])))
            household_rows.append(cells)
        resource_rows = []
        for row in resources:
            unit = row.unit
            cells = [row.resource_number, row.get_resource_category_display(), unit.building.name if unit else "",
                     unit.get_layout_display() if unit else "", unit.floor_area if unit else "",
                     cell_text(row.amount) if not unit else "", row.get_state_display()]  # fmt: skip
            if editable:
                cells.append(_remove_button(request, reverse("allocation:plan_resource_remove", args=[pk, row.pk])))
            resource_rows.append(cells)
        action_col = ["操作"] if editable else []
        fields = [
            ("方案编号", plan.number), ("方案名称", plan.name), ("保障项目", plan.program.name), ("保障方式", _mode_name(plan.mode)),
            ("期别类型", plan.get_period_type_display()), ("方案周期", plan.period), ("保障对象类型", plan.target_type),
            ("方案状态", plan.get_status_display()), ("本期保障总户数", plan.total_households), ("本期住房分配总套数", plan.total_units),
            ("本期住房分配总面积", plan.total_area), ("本期补贴总金额", plan.total_subsidy), ("行政区划代码", plan.region_code),
            ("编制人", plan.created_by or ""), ("发布时间", cell_text(plan.published_at) if plan.published_at else ""),
            ("发布人", plan.published_by or ""), ("说明", plan.note),
        ]  # fmt: skip
        return render(request, "allocation/plan_detail.html", {
            "page_title": f"资源配置方案 {plan.number}", "subtitle": plan.name, "plan": plan,
            "breadcrumbs": _crumbs(("资源配置方案", reverse("allocation:plan_list")), (plan.number, None)),
            "fields": fields, "actions": actions,
            "related": [
                {"title": "保障对象（A.6.6）", "columns": ["登记编号", "申请人", "家庭人口", "申请保障方式", "配置状态", *action_col],
                 "rows": household_rows, "empty": "尚未加入家庭。"},
                {"title": "配置资源（A.6.9）", "columns": ["资源编号", "资源类别", "楼栋", "户型", "建筑面积", "金额", "配置状态", *action_col],
                 "rows": resource_rows, "empty": "尚未配置资源。"},
            ],
        })  # fmt: skip


class PostActionView(EditorMixin, View):
    """A POST-only action on a record: call the service, say what happened, go back to the record."""

    success = ""

    def load(self, request: HttpRequest, **kwargs: Any) -> Any:
        """The record (404 outside the jurisdiction)."""
        return _plan(request, kwargs["pk"])

    def call(self, obj: Any, request: HttpRequest, **kwargs: Any) -> str | None:
        """Run the service; return a message or None for the default."""
        raise NotImplementedError

    def post(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        """Call, message, redirect."""
        obj = self.load(request, **kwargs)
        try:
            message = self.call(obj, request, **kwargs)
        except ValidationError as exc:
            error_message(request, exc)
        else:
            messages.success(request, message or self.success)
        return HttpResponseRedirect(obj.get_absolute_url())


class PlanPublishView(PostActionView):
    """发布方案."""

    success = "方案已发布，配给管理可据此组织配给。"

    def call(self, obj: Any, request: HttpRequest, **kwargs: Any) -> str | None:
        """plan_publish."""
        plans.plan_publish(plan=obj, acting_user=request.user)
        return None


class PlanCloseView(PostActionView):
    """关闭方案."""

    success = "方案已关闭。"

    def call(self, obj: Any, request: HttpRequest, **kwargs: Any) -> str | None:
        """plan_close."""
        plans.plan_close(plan=obj, acting_user=request.user, reason=request.POST.get("reason", ""))
        return None


class PlanSubsidiesView(PostActionView):
    """测算补贴."""

    def call(self, obj: Any, request: HttpRequest, **kwargs: Any) -> str | None:
        """plan_subsidies_compute."""
        count = plans.plan_subsidies_compute(plan=obj, acting_user=request.user)
        obj.refresh_from_db()
        return f"已按保障标准测算{count}户的补贴，本期补贴总金额 {obj.total_subsidy} 元。"


class PlanHouseholdRemoveView(PostActionView):
    """移出家庭."""

    success = "已移出该家庭。"

    def call(self, obj: Any, request: HttpRequest, **kwargs: Any) -> str | None:
        """plan_household_remove."""
        household = get_object_or_404(obj.households.select_related("register_entry"), pk=kwargs["row"])
        plans.plan_household_remove(plan=obj, household=household, acting_user=request.user)
        return None


class PlanResourceRemoveView(PostActionView):
    """移出资源."""

    success = "已移出该资源。"

    def call(self, obj: Any, request: HttpRequest, **kwargs: Any) -> str | None:
        """plan_resource_remove."""
        resource = get_object_or_404(obj.resources, pk=kwargs["row"])
        plans.plan_resource_remove(plan=obj, resource=resource, acting_user=request.user)
        return None


class PlanFundView(FormPageView):
    """加入资金 (补贴类方案)."""

    title = "加入资金"

    def load(self, **kwargs: Any) -> Any:
        """The plan."""
        return _plan(self.request, kwargs["pk"])

    def make_form(self, obj: Any, data: Any = None) -> django_forms.Form:
        """FundForm."""
        return forms.FundForm(data)

    def call(self, obj: Any, form: django_forms.Form) -> Any:
        """plan_fund_add."""
        plans.plan_fund_add(plan=obj, acting_user=self.request.user, **form.cleaned_data)
        return obj


class PickerView(EditorMixin, View):
    """A filtered, paginated list of candidates with checkboxes; POST adds the checked rows or every match."""

    template_name = "allocation/picker.html"
    title = ""
    filter_form_class: type = forms.HouseholdFilterForm
    columns: list[str] = []

    def candidates(self, plan: AllocationPlan, filters: dict[str, Any]) -> Any:
        """The candidate queryset."""
        raise NotImplementedError

    def row(self, obj: Any) -> list[Any]:
        """The cells of a candidate."""
        raise NotImplementedError

    def add_selected(self, plan: AllocationPlan, ids: list[int], filters: dict[str, Any]) -> int:
        """Add the checked candidates."""
        raise NotImplementedError

    def add_all(self, plan: AllocationPlan, filters: dict[str, Any]) -> int:
        """Add every candidate matching the filters."""
        raise NotImplementedError

    def _filters(self, data: Any) -> tuple[django_forms.Form, dict[str, Any]]:
        form = self.filter_form_class(data or None)
        filters = (
            {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
            if form.is_bound and form.is_valid()
            else {}
        )
        return form, filters

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The picker."""
        plan = _plan(request, pk)
        if plan.status != PlanStatus.DRAFT:
            messages.error(request, "只有草稿方案可以修改。")
            return HttpResponseRedirect(plan.get_absolute_url())
        form, filters = self._filters(request.GET)
        page = Paginator(self.candidates(plan, filters), 50).get_page(request.GET.get("page"))
        params = request.GET.copy()
        params.pop("page", None)
        return render(request, self.template_name, {
            "page_title": f"{self.title}：{plan.number}", "plan": plan, "filter_form": form, "columns": self.columns,
            "rows": [(obj.pk, self.row(obj)) for obj in page.object_list], "page_obj": page,
            "querystring_without_page": (params.urlencode() + "&") if params else "", "filter_query": params.urlencode(),
            "breadcrumbs": _crumbs(("资源配置方案", reverse("allocation:plan_list")), (plan.number, plan.get_absolute_url()), (self.title, None)),
        })  # fmt: skip

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Add the checked rows (or all matches with add_all)."""
        plan = _plan(request, pk)
        _form, filters = self._filters(request.POST)
        try:
            if request.POST.get("add_all"):
                count = self.add_all(plan, filters)
            else:
                ids = [int(v) for v in request.POST.getlist("selected") if v.isdigit()]
                count = self.add_selected(plan, ids, filters)
        except ValidationError as exc:
            error_message(request, exc)
            return HttpResponseRedirect(request.get_full_path())
        messages.success(request, f"已加入{count}条。")
        return HttpResponseRedirect(plan.get_absolute_url())


class PlanHouseholdsView(PickerView):
    """加入保障对象: registered households of the plan's region in no open plan of the same mode."""

    title = "加入保障对象"
    filter_form_class = forms.HouseholdFilterForm
    columns = ["登记编号", "申请人", "家庭人口", "申请保障方式", "家庭人均年收入", "登记时间", "行政区划代码"]

    def candidates(self, plan: AllocationPlan, filters: dict[str, Any]) -> Any:
        """household_candidates."""
        return selectors.household_candidates(user=self.request.user, plan=plan, filters=filters)

    def row(self, obj: Any) -> list[Any]:
        """Register entry cells."""
        return [obj.number, obj.applicant_name, obj.household_size, _mode_name(obj.security_mode), obj.income_per_capita,
                cell_text(obj.registered_at), obj.region_code]  # fmt: skip

    def add_selected(self, plan: AllocationPlan, ids: list[int], filters: dict[str, Any]) -> int:
        """plan_households_add (refusals are explained)."""
        from anju.admission.models import RegisterEntry

        entries = RegisterEntry.objects.visible_to(self.request.user).filter(pk__in=ids)
        return plans.plan_households_add(plan=plan, entries=entries, acting_user=self.request.user)

    def add_all(self, plan: AllocationPlan, filters: dict[str, Any]) -> int:
        """plan_households_add_by_filter."""
        return plans.plan_households_add_by_filter(plan=plan, filters=filters, acting_user=self.request.user)


class PlanUnitsView(PickerView):
    """配置住房: allocatable units of the plan's region that no open plan offers."""

    title = "配置住房"
    filter_form_class = forms.UnitFilterForm
    columns = ["房屋编号", "项目", "楼栋", "单元", "房号", "户型", "建筑面积", "住房状态"]

    def candidates(self, plan: AllocationPlan, filters: dict[str, Any]) -> Any:
        """unit_candidates."""
        return selectors.unit_candidates(user=self.request.user, plan=plan, filters=filters)

    def row(self, obj: Any) -> list[Any]:
        """Unit cells."""
        return [obj.number, obj.building.project.name, obj.building.name, obj.entrance, obj.room_number,
                obj.get_layout_display(), obj.floor_area, obj.get_state_display()]  # fmt: skip

    def add_selected(self, plan: AllocationPlan, ids: list[int], filters: dict[str, Any]) -> int:
        """plan_units_add."""
        from anju.housing.selectors import unit_list

        return plans.plan_units_add(
            plan=plan, units=unit_list(user=self.request.user).filter(pk__in=ids), acting_user=self.request.user
        )

    def add_all(self, plan: AllocationPlan, filters: dict[str, Any]) -> int:
        """Every matching candidate unit."""
        units = list(self.candidates(plan, filters)[:5000])
        if not units:
            raise ValidationError("没有符合条件且可配置的住房。")
        return plans.plan_units_add(plan=plan, units=units, acting_user=self.request.user)


# ---------------------------------------------------------------- support plans


class SupportPlanListView(AllocationListView):
    """支持项目资源配置方案."""

    title = "支持项目配置方案"
    active_tab = "support"
    selector = staticmethod(selectors.support_plan_list)
    filterset_class = SupportPlanFilterSet
    create_url_name = "allocation:support_plan_create"
    create_label = "新建方案"
    export_filename = "支持项目配置方案"
    columns = [
        Column("方案编号", "number", link=True),
        Column("方案名称", "name"),
        Column("支持项目", "support_program.name"),
        Column("支持方式", "support_mode.name"),
        Column("期别类型", "period_type"),
        Column("方案周期", "period"),
        Column("支持对象类型", "target_type"),
        Column("本期支持对象数量", "target_count"),
        Column("本期土地分配总面积", "land_area_total"),
        Column("本期补贴总金额", "subsidy_total"),
        Column("方案状态", "status"),
    ]


def _support_plan(request: HttpRequest, pk: int) -> SupportPlan:
    return selectors.support_plan_get(user=request.user, pk=pk)


class SupportPlanCreateView(FormPageView):
    """新建支持项目配置方案."""

    title = "新建支持项目配置方案"

    def cancel_url(self, obj: Any) -> str:
        """The list."""
        return reverse("allocation:support_plan_list")

    def make_form(self, obj: Any, data: Any = None) -> django_forms.Form:
        """SupportPlanForm."""
        return forms.SupportPlanForm(data, user=self.request.user)

    def call(self, obj: Any, form: django_forms.Form) -> Any:
        """support_plan_create."""
        return support_plans.support_plan_create(acting_user=self.request.user, **form.cleaned_data)


class SupportTargetAddView(FormPageView):
    """加入支持对象."""

    title = "加入支持对象"

    def load(self, **kwargs: Any) -> Any:
        """The support plan."""
        return _support_plan(self.request, kwargs["pk"])

    def make_form(self, obj: Any, data: Any = None) -> django_forms.Form:
        """SupportTargetForm."""
        return forms.SupportTargetForm(data)

    def call(self, obj: Any, form: django_forms.Form) -> Any:
        """support_plan_target_add."""
        data = form.cleaned_data
        support_plans.support_plan_target_add(
            plan=obj, target_number=data["target_number"], target_name=data["target_name"],
            land_area=data["land_area"] or Decimal(0), amount=data["amount"] or Decimal(0), acting_user=self.request.user,
        )  # fmt: skip
        return obj


class SupportPlanDetailView(ReaderMixin, View):
    """One support plan with its suppliers."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The detail page."""
        plan = _support_plan(request, pk)
        editable = can_edit_allocation(request.user) and plan.status == PlanStatus.DRAFT
        actions = []
        if editable:
            actions += [
                {"label": "加入支持对象", "url": reverse("allocation:support_target_add", args=[pk]), "icon": "plus-lg", "style": "primary"},
                {"label": "发布", "url": reverse("allocation:support_plan_publish", args=[pk]), "method": "post", "style": "success",
                 "confirm": "发布后方案不能再修改。确定发布？"},
            ]  # fmt: skip
        if can_edit_allocation(request.user) and plan.status != PlanStatus.CLOSED:
            actions.append({"label": "关闭", "url": reverse("allocation:support_plan_close", args=[pk]), "method": "post",
                            "style": "outline-danger", "confirm": "确定关闭该方案？"})  # fmt: skip
        rows = []
        for target in plan.targets.order_by("id"):
            cells = [
                target.target_number,
                target.target_name,
                target.land_area,
                target.amount,
                target.get_state_display(),
            ]
            if editable:
                cells.append(_remove_button(request, reverse("allocation:support_target_remove", args=[pk, target.pk])))
            rows.append(cells)
        fields = [
            ("方案编号", plan.number), ("方案名称", plan.name), ("支持项目", plan.support_program.name),
            ("支持方式", plan.support_mode.name if plan.support_mode else ""), ("期别类型", plan.get_period_type_display()),
            ("方案周期", plan.period), ("支持对象类型", plan.target_type), ("方案状态", plan.get_status_display()),
            ("本期支持对象数量", plan.target_count), ("本期土地分配总面积", plan.land_area_total),
            ("本期补贴总金额", plan.subsidy_total), ("行政区划代码", plan.region_code),
        ]  # fmt: skip
        return render(request, "allocation/plan_detail.html", {
            "page_title": f"支持项目配置方案 {plan.number}", "subtitle": plan.name, "fields": fields, "actions": actions,
            "breadcrumbs": _crumbs(("支持项目配置方案", reverse("allocation:support_plan_list")), (plan.number, None)),
            "related": [{"title": "支持对象（A.6.8）", "rows": rows, "empty": "尚未加入支持对象。",
                         "columns": ["支持对象编号", "支持对象名称", "土地面积", "补贴金额", "配置状态", *(["操作"] if editable else [])]}],
        })  # fmt: skip


class SupportPostActionView(PostActionView):
    """A POST action on a support plan."""

    def load(self, request: HttpRequest, **kwargs: Any) -> Any:
        """The support plan."""
        return _support_plan(request, kwargs["pk"])


class SupportPlanPublishView(SupportPostActionView):
    """发布支持项目方案."""

    success = "方案已发布。"

    def call(self, obj: Any, request: HttpRequest, **kwargs: Any) -> str | None:
        """support_plan_publish."""
        support_plans.support_plan_publish(plan=obj, acting_user=request.user)
        return None


class SupportPlanCloseView(SupportPostActionView):
    """关闭支持项目方案."""

    success = "方案已关闭。"

    def call(self, obj: Any, request: HttpRequest, **kwargs: Any) -> str | None:
        """support_plan_close."""
        support_plans.support_plan_close(plan=obj, acting_user=request.user)
        return None


class SupportTargetRemoveView(SupportPostActionView):
    """移出支持对象."""

    success = "已移出该支持对象。"

    def call(self, obj: Any, request: HttpRequest, **kwargs: Any) -> str | None:
        """support_plan_target_remove."""
        target = get_object_or_404(obj.targets, pk=kwargs["row"])
        support_plans.support_plan_target_remove(plan=obj, target=target, acting_user=request.user)
        return None


# ---------------------------------------------------------------- ledgers


LEDGER_MEASURES = (
    ("money", "资金（元）"),
    ("units", "住房套数"),
    ("area", "住房面积（平方米）"),
    ("households", "保障户数"),
    ("persons", "保障人数"),
)


class LedgerListView(AllocationListView):
    """保障项目台账 with the collect, compute and check buttons."""

    title = "保障项目台账"
    active_tab = "ledgers"
    template_name = "allocation/ledger_list.html"
    selector = staticmethod(selectors.ledger_list)
    filterset_class = LedgerFilterSet
    export_filename = "保障项目台账"
    columns = [
        Column("台账编号", "number", link=True),
        Column("台账分类（保障项目）", "program.name"),
        Column("周期类型", "period_type"),
        Column("统计周期", "period"),
        Column("行政区划代码", "region_code"),
        Column("期初资金余额", "money_opening"), Column("本期资金增加额", "money_increase"),
        Column("本期资金减少额", "money_decrease"), Column("期末资金余额", "money_closing"),
        Column("期初住房套数余额", "units_opening"), Column("本期住房增加套数", "units_increase"),
        Column("本期住房减少套数", "units_decrease"), Column("期末住房套数余额", "units_closing"),
        Column("期初住房面积余额", "area_opening"), Column("本期住房增加面积", "area_increase"),
        Column("本期住房减少面积", "area_decrease"), Column("期末住房面积余额", "area_closing"),
        Column("期初保障户数余额", "households_opening"), Column("本期新增保障户数", "households_increase"),
        Column("本期减少保障户数", "households_decrease"), Column("期末保障户数余额", "households_closing"),
        Column("期初保障人数余额", "persons_opening"), Column("本期新增保障人数", "persons_increase"),
        Column("本期减少保障人数", "persons_decrease"), Column("期末保障人数余额", "persons_closing"),
        Column("统计日期", "stat_date"),
    ]  # fmt: skip

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """The compute and collect forms for editors."""
        context = super().get_context_data(**kwargs)
        if context["can_edit"]:
            context["compute_form"] = forms.LedgerComputeForm(user=self.request.user)
            context["collect_form"] = forms.LedgerCollectForm()
        return context


class LedgerDetailView(ReaderMixin, View):
    """One program ledger: the balance table and the entries it sums (drill-down)."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The detail page."""
        ledger = selectors.ledger_get(user=request.user, pk=pk)
        balance = [[label, *(getattr(ledger, f"{prefix}_{part}") for part in ("opening", "increase", "decrease", "closing"))]
                   for prefix, label in LEDGER_MEASURES]  # fmt: skip
        entries = selectors.ledger_entries(ledger=ledger).order_by("received_on", "id")
        rows = [[e.number, cell_text(e.received_on), e.get_direction_display(), e.get_resource_category_display(),
                 ledgers.SOURCE_LABELS.get(e.source_type, e.source_type), e.households, e.persons, e.amount, e.units,
                 e.floor_area, e.note] for e in entries[:500]]  # fmt: skip
        query = f"?program={ledger.program_id}&region={ledger.region_code}&received_from={ledger.period_start}&received_to={ledger.period_end}"
        return render(request, "core/detail.html", {
            "page_title": f"保障项目台账 {ledger.number}", "subtitle": f"{ledger.program.name} · {ledger.period}",
            "breadcrumbs": _crumbs(("保障项目台账", reverse("allocation:ledger_list")), (ledger.number, None)),
            "fields": [("台账编号", ledger.number), ("台账分类", ledger.program.name), ("周期类型", ledger.get_period_type_display()),
                       ("统计周期", ledger.period), ("周期", f"{ledger.period_start} 至 {ledger.period_end}"),
                       ("行政区划代码", ledger.region_code), ("统计日期", cell_text(ledger.stat_date))],
            "related": [
                {"title": "余额（期末 = 期初 + 增加 − 减少）", "columns": ["项目", "期初余额", "本期增加", "本期减少", "期末余额"], "rows": balance},
                {"title": "本期收支明细（A.6.2）", "rows": rows, "empty": "本期没有收支明细。",
                 "url": reverse("allocation:entry_list") + query,
                 "columns": ["明细账编号", "接收日期", "收支类型", "资源类别", "来源业务", "保障户数", "保障人数", "金额", "套数", "建筑面积", "摘要"]},
            ],
        })  # fmt: skip


class LedgerEntryListView(AllocationListView):
    """保障项目台账收支明细."""

    title = "台账收支明细"
    active_tab = "entries"
    selector = staticmethod(selectors.ledger_entry_list)
    filterset_class = LedgerEntryFilterSet
    export_filename = "台账收支明细"
    columns = [
        Column("明细账编号", "number"),
        Column("交接批次编号", "batch_number"),
        Column("资源类别", "resource_category"),
        Column("台账分类（保障项目）", "program.name"),
        Column("行政区划代码", "region_code"),
        Column("收支类型", "direction"),
        Column("保障户数", "households"),
        Column("保障人数", "persons"),
        Column("金额", "amount"),
        Column("套数", "units"),
        Column("建筑面积", "floor_area"),
        Column("接收日期", "received_on"),
        Column("移交人", "handed_over_by"),
        Column("接收人", "received_by"),
        Column("来源业务", lambda e: ledgers.SOURCE_LABELS.get(e.source_type, e.source_type)),
        Column("摘要", "note"),
    ]

    def link_for(self, obj: Any) -> str:
        """Entries have no page of their own."""
        return ""


class SupportLedgerListView(AllocationListView):
    """支持项目台账."""

    title = "支持项目台账"
    active_tab = "support_ledgers"
    selector = staticmethod(selectors.support_ledger_list)
    filterset_class = SupportLedgerFilterSet
    export_filename = "支持项目台账"
    columns = [
        Column("台账编号", "number"),
        Column("台账分类（支持项目）", "support_program.name"),
        Column("周期类型", "period_type"),
        Column("上报周期", "period"),
        Column("收支类型", "direction_summary"),
        Column("行政区划代码", "region_code"),
        Column("期初资金余额", "money_opening"), Column("本期资金增加额", "money_increase"),
        Column("本期资金减少额", "money_decrease"), Column("期末资金余额", "money_closing"),
        Column("期初土地面积余额", "land_opening"), Column("本期土地增加面积", "land_increase"),
        Column("本期土地减少面积", "land_decrease"), Column("期末土地面积余额", "land_closing"),
        Column("统计日期", "stat_date"),
    ]  # fmt: skip

    def link_for(self, obj: Any) -> str:
        """Support ledgers are read in the list."""
        return ""


class LedgerCollectView(EditorMixin, View):
    """归集: derive the missing entries now, or as a background job when there are many."""

    def post(self, request: HttpRequest) -> HttpResponse:
        """Run or enqueue."""
        form = forms.LedgerCollectForm(request.POST)
        if not form.is_valid():
            messages.error(request, "起始日期格式不正确。")
            return HttpResponseRedirect(reverse("allocation:ledger_list"))
        job, result = ledger_jobs.ledger_collect_start(since=form.cleaned_data["since"], acting_user=request.user)
        if job is not None:
            messages.info(request, "待归集的业务较多，已提交后台任务，页面会自动刷新进度。")
            return HttpResponseRedirect(job.get_absolute_url())
        messages.success(request, f"归集完成：新增收支明细 {result['total']} 条（竣工移交 {result['handovers']}、合同签约 {result['contracts']}、"
                                  f"补贴实发 {result['subsidies']}、退出保障 {result['exits']}）。")  # fmt: skip
        if result["unassigned"]:
            messages.warning(
                request,
                f"有 {result['unassigned']} 条业务无法确定保障项目，未入账；请先在保障规则中配置覆盖其区划的保障项目。",
            )
        return HttpResponseRedirect(reverse("allocation:entry_list"))


class LedgerComputeView(FormPageView):
    """计算台账 of a region and period."""

    title = "计算台账"

    def cancel_url(self, obj: Any) -> str:
        """The ledger list."""
        return reverse("allocation:ledger_list")

    def make_form(self, obj: Any, data: Any = None) -> django_forms.Form:
        """LedgerComputeForm."""
        return forms.LedgerComputeForm(data, user=self.request.user)

    def post(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        """Compute or enqueue; errors keep the input."""
        form = self.make_form(None, request.POST)
        if form.is_valid():
            try:
                job, counts = ledger_jobs.ledger_compute_start(acting_user=request.user, **form.cleaned_data)
            except ValidationError as exc:
                form_errors_add(form, exc)
            else:
                if job is not None:
                    messages.info(request, "收支明细较多，已提交后台任务计算台账。")
                    return HttpResponseRedirect(job.get_absolute_url())
                messages.success(
                    request,
                    f"台账已计算：保障项目台账 {counts['program_ledgers']} 本，支持项目台账 {counts['support_ledgers']} 本。",
                )
                data = form.cleaned_data
                return HttpResponseRedirect(
                    f"{reverse('allocation:ledger_list')}?period_type={data['period_type']}&period={data['period']}"
                )
        return self.render_form(None, form)


class LedgerCheckView(ReaderMixin, View):
    """校验台账: every stored ledger in the jurisdiction balances, matches its entries and chains."""

    def get(self, request: HttpRequest) -> HttpResponse:
        """The check's report."""
        problems = ledgers.ledger_check(user=request.user)
        checked = (
            selectors.ledger_list(user=request.user).count() + selectors.support_ledger_list(user=request.user).count()
        )
        return render(request, "allocation/ledger_check.html", {
            "page_title": "台账校验", "problems": problems, "checked": checked, "active_tab": "ledgers",
            "breadcrumbs": _crumbs(("保障项目台账", reverse("allocation:ledger_list")), ("台账校验", None)),
        })  # fmt: skip
