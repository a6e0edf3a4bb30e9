"""Staff pages of 保障规则: lists, the version page with its condition tree, edits, 试算 and 影响评估.

Every staff role reads rules within its jurisdiction; only 市保障处 edits (services check it).
"""

from __future__ import annotations

import copy
from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views import View

from anju.core.listing import Column, StaffListView
from anju.rules import selectors
from anju.rules.choices import VersionStatus
from anju.rules.forms import (
    BenefitStandardForm,
    ConditionForm,
    EnableForm,
    ModeForm,
    OrderingFactorForm,
    OrderingSchemeForm,
    ParameterForm,
    ProgramForm,
    SupportConditionForm,
    SupportModeForm,
    SupportProgramForm,
    SupportStandardForm,
    TryForm,
)
from anju.rules.models import (
    BenefitStandard,
    Condition,
    OrderingFactor,
    OrderingScheme,
    SupportCondition,
    SupportStandard,
)
from anju.rules.permissions import READER_ROLES, can_edit_rules
from anju.rules.services import rulesets
from anju.rules.services.evaluation import evaluate_facts, explain_text
from anju.rules.services.programs import (
    mode_save,
    ordering_factor_remove,
    ordering_factor_save,
    ordering_scheme_save,
    program_save,
    support_condition_save,
    support_mode_save,
    support_program_save,
    support_standard_save,
)
from anju.rules.services.whatif import WHATIF_JOB_KIND, whatif_start

NAV = [
    ("规则版本", "rules:index"),
    ("保障项目", "rules:program_list"),
    ("保障方式", "rules:mode_list"),
    ("规则参数", "rules:parameter_list"),
    ("交换信息", "rules:exchange_list"),
    ("支持项目", "rules:support_program_list"),
    ("支持方式", "rules:support_mode_list"),
]


def _errors_to_form(form: Any, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


class RulesListView(StaffListView):
    """A rules list with the rules sub-navigation."""

    template_name = "rules/list.html"
    required_roles = tuple(READER_ROLES)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """Add the sub-navigation."""
        context = super().get_context_data(**kwargs)
        context["rules_nav"] = [(label, reverse(name)) for label, name in NAV]
        return context


class VersionListView(RulesListView):
    """规则版本: every version of every visible rule set."""

    title = "保障规则版本"
    selector = staticmethod(selectors.version_list)
    export_filename = "保障规则版本"
    columns = [
        Column("规则名称", "rule_set.name", link=True),
        Column("保障项目", "rule_set.mode.program.name"),
        Column("保障方式", "rule_set.mode.mode_name"),
        Column("版本号", "number"),
        Column("状态", "get_status_display"),
        Column("生效日期", "effective_from"),
        Column("失效日期", "effective_to"),
        Column("修订说明", "note"),
    ]


class EditableListView(RulesListView):
    """A rules list whose rows open the edit page and which offers 新增, for the city officer."""

    edit_url_name = ""
    add_url_name = ""

    def link_for(self, obj: Any) -> str:
        """The edit page (editors only)."""
        return reverse(self.edit_url_name, args=[obj.pk]) if can_edit_rules(self.request.user) else ""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """新增 for editors."""
        context = super().get_context_data(**kwargs)
        if can_edit_rules(self.request.user):
            context["create_url_name"] = self.add_url_name
        return context


class ProgramListView(EditableListView):
    """保障项目 (A.1.1)."""

    edit_url_name, add_url_name = "rules:program_edit", "rules:program_add"
    title = "保障项目"
    selector = staticmethod(selectors.program_list)
    export_filename = "保障项目"
    columns = [
        Column("保障项目编号", "code"),
        Column("保障项目", "name"),
        Column("行政区划代码", "region_code"),
        Column("收入分类", "income_class"),
        Column("特殊人群分类", "special_group"),
        Column("是否启用", "is_enabled"),
        Column("启用时间", "enabled_at"),
    ]


class ModeListView(EditableListView):
    """保障方式 (A.1.2)."""

    edit_url_name, add_url_name = "rules:mode_edit", "rules:mode_add"
    title = "保障方式"
    selector = staticmethod(selectors.mode_list)
    export_filename = "保障方式"
    columns = [
        Column("保障方式编号", "code"),
        Column("保障项目", "program.name"),
        Column("保障方式", "mode_name"),
        Column("是否启用", "is_enabled"),
        Column("启用时间", "enabled_at"),
    ]


class ParameterListView(RulesListView):
    """规则参数 per region and year."""

    title = "规则参数"
    selector = staticmethod(selectors.parameter_list)
    export_filename = "规则参数"
    columns = [
        Column("参数代码", "code"),
        Column("参数名称", "name"),
        Column("行政区划代码", "region_code"),
        Column("年度", "year"),
        Column("数值", "value"),
        Column("单位", "unit"),
    ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """The 新增 button for editors only."""
        context = super().get_context_data(**kwargs)
        if can_edit_rules(self.request.user):
            context["create_url_name"] = "rules:parameter_set"
            context["create_label"] = "设置参数"
        return context


class ExchangeListView(RulesListView):
    """保障规则交换信息 (A.1.12)."""

    title = "保障规则交换信息"
    selector = staticmethod(selectors.exchange_record_list)
    export_filename = "保障规则交换信息"
    columns = [
        Column("保障规则年度", "year", link=True),
        Column("行政区划代码", "region_code"),
        Column("保障项目", "program"),
        Column("保障（支持）方式", "mode"),
        Column("保障（支持）条件因素值", "condition_values"),
        Column("保障（支持）标准因素值", "standard_values"),
        Column("生成时间", "generated_at"),
    ]

    def link_for(self, obj: Any) -> str:
        """The record page."""
        return reverse("rules:exchange_detail", args=[obj.pk])


class ReaderView(LoginRequiredMixin, View):
    """Base of the rules pages: staff readers only."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """Role check."""
        if request.user.is_authenticated and not request.user.has_role(*READER_ROLES):
            raise PermissionDenied("您没有访问此页面的权限。")
        return super().dispatch(request, *args, **kwargs)


def _tree(version: Any) -> list[dict[str, Any]]:
    """Nested nodes [{condition, children}] of a version (one query)."""
    conditions = list(version.conditions.select_related("category").order_by("sequence", "id"))
    children: dict[int | None, list[Any]] = {}
    for condition in conditions:
        children.setdefault(condition.parent_id, []).append(condition)

    def build(parent: int | None) -> list[dict[str, Any]]:
        return [{"condition": c, "children": build(c.pk)} for c in children.get(parent, [])]

    return build(None)


def _version_breadcrumbs(version: Any) -> list[tuple[str, str]]:
    return [("保障规则", reverse("rules:index")), (str(version), version.get_absolute_url())]


class VersionDetailView(ReaderView):
    """A version: facts, condition tree, standards, ordering scheme and the actions its state allows."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Render."""
        version = selectors.version_get(user=request.user, pk=pk)
        scheme = getattr(version, "ordering_scheme", None) if _has_scheme(version) else None
        context = {
            "version": version,
            "page_title": str(version),
            "breadcrumbs": [("保障规则", reverse("rules:index")), (str(version), "")],
            "tree": _tree(version),
            "standards": version.standards.order_by("factor", "household_size"),
            "scheme": scheme,
            "scheme_factors": scheme.factors.all() if scheme else [],
            "editable": version.is_editable and can_edit_rules(request.user),
            "can_edit": can_edit_rules(request.user),
            "enable_form": EnableForm(),
            "other_versions": version.rule_set.versions.exclude(pk=version.pk).order_by("-number"),
            "is_enabled": version.status == VersionStatus.ENABLED,
            "decision_count": version.decisions.count(),
        }
        return render(request, "rules/version_detail.html", context)


def _has_scheme(version: Any) -> bool:
    from anju.rules.models import OrderingScheme

    return OrderingScheme.objects.filter(version=version).exists()


class VersionActionView(ReaderView):
    """POST actions on a version: 生成模板, 启用, 停止, 生成交换信息."""

    def post(self, request: HttpRequest, pk: int, action: str) -> HttpResponse:
        """Call the service and go back to the page (or the new draft)."""
        version = selectors.version_get(user=request.user, pk=pk)
        target = version
        try:
            if action == "copy":
                target = rulesets.version_copy(version=version, acting_user=request.user)
                messages.success(request, f"已生成草稿：第{target.number}版。")
            elif action == "enable":
                form = EnableForm(request.POST)
                if not form.is_valid():
                    messages.error(request, "请填写有效的生效日期。")
                    return HttpResponseRedirect(version.get_absolute_url())
                rulesets.version_enable(
                    version=version, effective_from=form.cleaned_data["effective_from"], acting_user=request.user
                )
                messages.success(request, "已启用该版本；原启用版本已停止。")
            elif action == "stop":
                rulesets.version_stop(version=version, acting_user=request.user)
                messages.success(request, "已停止该版本。")
            elif action == "exchange":
                record = rulesets.exchange_record_generate(version=version, acting_user=request.user)
                messages.success(request, "已生成保障规则交换信息。")
                return HttpResponseRedirect(reverse("rules:exchange_detail", args=[record.pk]))
            else:
                raise PermissionDenied("未知操作。")
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        return HttpResponseRedirect(target.get_absolute_url())


class ConditionFormView(ReaderView):
    """Add (under a group or at the top) or edit a condition node of a draft."""

    def _load(self, request: HttpRequest, pk: int | None, version_pk: int | None) -> tuple[Any, Any, Any]:
        if not can_edit_rules(request.user):
            raise PermissionDenied("只有市保障处可以修改保障规则。")
        if pk is not None:
            condition = get_object_or_404(Condition, pk=pk)
            version = selectors.version_get(user=request.user, pk=condition.version_id)
            return version, condition, condition.parent
        version = selectors.version_get(user=request.user, pk=version_pk)
        parent_pk = request.GET.get("parent") or request.POST.get("parent")
        parent = get_object_or_404(Condition, pk=parent_pk, version=version) if parent_pk else None
        return version, None, parent

    def _render(self, request: HttpRequest, form: Any, version: Any, condition: Any, parent: Any) -> HttpResponse:
        title = f"修改条件：{condition.name}" if condition else "添加条件" + (f"（在“{parent.name}”下）" if parent else "")
        return render(request, "rules/condition_form.html", {
            "form": form, "page_title": title, "cancel_url": version.get_absolute_url(),
            "breadcrumbs": [*_version_breadcrumbs(version), (title, "")], "parent": parent,
        })

    def get(self, request: HttpRequest, pk: int | None = None, version_pk: int | None = None) -> HttpResponse:
        """The form."""
        version, condition, parent = self._load(request, pk, version_pk)
        return self._render(request, ConditionForm(instance=condition), version, condition, parent)

    def post(self, request: HttpRequest, pk: int | None = None, version_pk: int | None = None) -> HttpResponse:
        """Validate, call condition_add / condition_update, or show the errors."""
        version, condition, parent = self._load(request, pk, version_pk)
        instance = Condition(version=version) if condition is None else copy.copy(condition)
        form = ConditionForm(request.POST, instance=instance)
        if form.is_valid():
            fields = form.cleaned_fields()
            try:
                if condition is None:
                    rulesets.condition_add(version=version, parent=parent, acting_user=request.user, **fields)
                    messages.success(request, "已添加条件。")
                else:
                    rulesets.condition_update(condition=condition, acting_user=request.user, **fields)
                    messages.success(request, "已保存条件。")
                return HttpResponseRedirect(version.get_absolute_url())
            except ValidationError as exc:
                _errors_to_form(form, exc)
        return self._render(request, form, version, condition, parent)


class ConditionRemoveView(ReaderView):
    """Remove a condition node (and its children) from a draft."""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Call condition_remove."""
        condition = get_object_or_404(Condition, pk=pk)
        version = selectors.version_get(user=request.user, pk=condition.version_id)
        try:
            rulesets.condition_remove(condition=condition, acting_user=request.user)
            messages.success(request, "已删除条件。")
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        return HttpResponseRedirect(version.get_absolute_url())


class TryView(ReaderView):
    """试算: evaluate a version on an application (by number) or typed facts; nothing is stored."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Empty form, or the result when submitted by GET."""
        version = selectors.version_get(user=request.user, pk=pk)
        form = TryForm(request.GET or None)
        result = None
        if form.is_bound and form.is_valid():
            result = self._evaluate(request, form, version)
        return render(request, "rules/try.html", {
            "version": version, "form": form, "result": result, "page_title": f"试算：{version}",
            "breadcrumbs": [*_version_breadcrumbs(version), ("试算", "")],
        })

    def _evaluate(self, request: HttpRequest, form: TryForm, version: Any) -> dict[str, Any] | None:
        from anju.admission.selectors import household_list
        from anju.rules.services.facts import household_facts, today

        as_of = form.cleaned_data.get("as_of") or today()
        number = form.cleaned_data.get("application_number", "").strip()
        if number:
            application = household_list(user=request.user).filter(number=number).first()
            if application is None:
                form.add_error("application_number", "未找到该申请，或不在您的管辖范围内。")
                return None
            facts = household_facts(application, as_of)
        else:
            facts = form.facts()
        try:
            decision = evaluate_facts(facts=facts, rule_set=version, as_of=as_of)
        except ValidationError as exc:
            form.add_error(None, exc.messages)
            return None
        return {"decision": decision, "lines": explain_text(decision), "items": decision.items}


class WhatIfView(ReaderView):
    """影响评估: start a background comparison of this version with the enabled one (progress, then counts)."""

    def _render(self, request: HttpRequest, version: Any, error: str = "") -> HttpResponse:
        return render(request, "rules/whatif.html", {
            "version": version, "error": error, "page_title": f"影响评估：{version}",
            "baseline": version.rule_set.enabled_version,
            "breadcrumbs": [*_version_breadcrumbs(version), ("影响评估", "")],
        })

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The start form."""
        return self._render(request, selectors.version_get(user=request.user, pk=pk))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Start the job and open its progress page."""
        version = selectors.version_get(user=request.user, pk=pk)
        try:
            job = whatif_start(version=version, user=request.user)
        except ValidationError as exc:
            return self._render(request, version, "；".join(exc.messages))
        return HttpResponseRedirect(reverse("rules:whatif_job", args=[version.pk, job.pk]))


def _whatif_job(request: HttpRequest, version_pk: int, pk: int) -> tuple[Any, Any]:
    from anju.core.selectors import job_get

    version = selectors.version_get(user=request.user, pk=version_pk)
    job = job_get(user=request.user, pk=pk)
    if job.kind != WHATIF_JOB_KIND or (job.result and job.result.get("version_id") not in (None, version.pk)):
        raise Http404("任务不存在。")
    return version, job


class WhatIfJobView(ReaderView):
    """The 影响评估 job: progress (polled every 2 s), then the counts."""

    def get(self, request: HttpRequest, version_pk: int, pk: int) -> HttpResponse:
        """Full page."""
        version, job = _whatif_job(request, version_pk, pk)
        return render(request, "rules/whatif_job.html", {
            "version": version, "job": job, "page_title": f"影响评估：{version}",
            "breadcrumbs": [*_version_breadcrumbs(version), ("影响评估", reverse("rules:version_whatif", args=[version.pk])),
                            (f"任务 {job.pk}", "")],
        })


class WhatIfJobProgressView(ReaderView):
    """The polled fragment."""

    def get(self, request: HttpRequest, version_pk: int, pk: int) -> HttpResponse:
        """Fragment."""
        version, job = _whatif_job(request, version_pk, pk)
        return render(request, "rules/_whatif_progress.html", {"version": version, "job": job})


class ParameterSetView(ReaderView):
    """设置参数 (city officer)."""

    def get(self, request: HttpRequest) -> HttpResponse:
        """The form."""
        return self._render(request, ParameterForm(initial={"region_code": getattr(request.user, "jurisdiction_id", "")}))

    def _render(self, request: HttpRequest, form: Any) -> HttpResponse:
        if not can_edit_rules(request.user):
            raise PermissionDenied("只有市保障处可以修改保障规则。")
        return render(request, "core/form.html", {
            "form": form, "page_title": "设置规则参数", "cancel_url": reverse("rules:parameter_list"),
            "breadcrumbs": [("规则参数", reverse("rules:parameter_list")), ("设置规则参数", "")],
        })

    def post(self, request: HttpRequest) -> HttpResponse:
        """Call parameter_set."""
        form = ParameterForm(request.POST)
        if form.is_valid():
            try:
                rulesets.parameter_set(acting_user=request.user, **form.cleaned_data)
                messages.success(request, "已保存规则参数。")
                return HttpResponseRedirect(reverse("rules:parameter_list"))
            except PermissionDenied:
                raise
            except ValidationError as exc:
                _errors_to_form(form, exc)
        return self._render(request, form)


class ExchangeDetailView(ReaderView):
    """One A.1.12 record with its JSON payload."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Render."""
        import json

        record = get_object_or_404(selectors.exchange_record_list(user=request.user), pk=pk)
        fields = [(f.verbose_name, getattr(record, f.name)) for f in record._meta.fields if f.name not in {"id", "version", "payload"}]
        return render(request, "rules/exchange_detail.html", {
            "record": record, "fields": fields, "page_title": f"保障规则交换信息：{record}",
            "payload": json.dumps(record.payload, ensure_ascii=False, indent=2),
            "breadcrumbs": [("交换信息", reverse("rules:exchange_list")), (str(record), "")],
        })


class SupportProgramListView(EditableListView):
    """支持项目 (A.1.8)."""

    edit_url_name, add_url_name = "rules:support_program_edit", "rules:support_program_add"
    title = "支持项目"
    selector = staticmethod(selectors.support_program_list)
    export_filename = "支持项目"
    columns = [
        Column("支持项目编号", "code"),
        Column("支持项目", "name"),
        Column("行政区划代码", "region_code"),
        Column("支持对象类型", "get_supplier_type_display"),
        Column("是否启用", "is_enabled"),
        Column("启用时间", "enabled_at"),
    ]


class StandardAddView(ReaderView):
    """添加保障标准 to a draft (city officer)."""

    def _version(self, request: HttpRequest, pk: int) -> Any:
        if not can_edit_rules(request.user):
            raise PermissionDenied("只有市保障处可以修改保障规则。")
        return selectors.version_get(user=request.user, pk=pk)

    def _render(self, request: HttpRequest, form: Any, version: Any) -> HttpResponse:
        return render(request, "core/form.html", {
            "form": form, "page_title": "添加保障标准", "cancel_url": version.get_absolute_url(),
            "breadcrumbs": [*_version_breadcrumbs(version), ("添加保障标准", "")],
        })

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The form."""
        return self._render(request, BenefitStandardForm(), self._version(request, pk))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Call benefit_standard_add."""
        version = self._version(request, pk)
        form = BenefitStandardForm(request.POST, instance=BenefitStandard(version=version))
        if form.is_valid():
            try:
                rulesets.benefit_standard_add(version=version, acting_user=request.user, **form.cleaned_data)
                messages.success(request, "已添加保障标准。")
                return HttpResponseRedirect(version.get_absolute_url())
            except ValidationError as exc:
                _errors_to_form(form, exc)
        return self._render(request, form, version)


class StandardRemoveView(ReaderView):
    """Remove a benefit standard from a draft."""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Call benefit_standard_remove."""
        standard = get_object_or_404(BenefitStandard, pk=pk)
        version = selectors.version_get(user=request.user, pk=standard.version_id)
        try:
            rulesets.benefit_standard_remove(standard=standard, acting_user=request.user)
            messages.success(request, "已删除保障标准。")
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        return HttpResponseRedirect(version.get_absolute_url())


# --- edit pages: programs, modes, support programs (A.1.1, A.1.2, A.1.8–A.1.11), ordering schemes ----------


def _editor_prefix(user: Any) -> str:
    from anju.core.scoping import jurisdiction_prefix

    if not can_edit_rules(user):
        raise PermissionDenied("只有市保障处可以修改保障规则。")
    return jurisdiction_prefix(user) or ""


class EditView(ReaderView):
    """A create/edit form whose data a service saves; errors stay on the form with what was typed.

    Subclasses set `form_class`, `title`, and implement `load` (→ (parent, instance)), `call` and
    `done_url`; `form_kwargs` adds form arguments; `back` gives the breadcrumbs' list page.
    """

    form_class: Any = None
    title = ""
    back: tuple[str, str] = ("保障规则", "rules:index")

    def load(self, request: HttpRequest, **kwargs: Any) -> tuple[Any, Any]:
        """(parent, instance) — instance None when creating."""
        raise NotImplementedError

    def call(self, request: HttpRequest, parent: Any, instance: Any, data: dict[str, Any]) -> Any:
        """The service call."""
        raise NotImplementedError

    def done_url(self, parent: Any, saved: Any) -> str:
        """Where to go after saving."""
        return reverse(self.back[1])

    def form_kwargs(self, request: HttpRequest, parent: Any) -> dict[str, Any]:
        """Extra form arguments."""
        return {}

    def page_title(self, parent: Any, instance: Any) -> str:
        """修改… / 新增…."""
        return f"修改{self.title}：{instance}" if instance is not None else f"新增{self.title}"

    def crumbs(self, parent: Any, instance: Any) -> list[tuple[str, Any]]:
        """Breadcrumbs."""
        return [(self.back[0], reverse(self.back[1])), (self.page_title(parent, instance), "")]

    def _render(self, request: HttpRequest, form: Any, parent: Any, instance: Any) -> HttpResponse:
        return render(request, "core/form.html", {
            "form": form, "page_title": self.page_title(parent, instance), "cancel_url": self.done_url(parent, instance),
            "breadcrumbs": self.crumbs(parent, instance),
        })

    def get(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        """The form."""
        _editor_prefix(request.user)
        parent, instance = self.load(request, **kwargs)
        form = self.form_class(instance=instance, **self.form_kwargs(request, parent))
        return self._render(request, form, parent, instance)

    def post(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        """Validate, call the service, or show the errors."""
        _editor_prefix(request.user)
        parent, instance = self.load(request, **kwargs)
        form = self.form_class(request.POST, instance=instance, **self.form_kwargs(request, parent))
        if form.is_valid():
            try:
                saved = self.call(request, parent, instance, form.service_data())
            except ValidationError as exc:
                _errors_to_form(form, exc)
            else:
                messages.success(request, f"已保存{self.title}。")
                return HttpResponseRedirect(self.done_url(parent, saved))
        return self._render(request, form, parent, instance)


def _editable_programs(request: HttpRequest) -> Any:
    return selectors.program_list(user=request.user).filter(region_code__startswith=_editor_prefix(request.user))


def _editable_support_programs(request: HttpRequest) -> Any:
    return selectors.support_program_list(user=request.user).filter(region_code__startswith=_editor_prefix(request.user))


class ProgramEditView(EditView):
    """新增/修改保障项目."""

    form_class, title, back = ProgramForm, "保障项目", ("保障项目", "rules:program_list")

    def load(self, request: HttpRequest, pk: int | None = None) -> tuple[Any, Any]:
        """The program (editable ones only)."""
        return None, get_object_or_404(_editable_programs(request), pk=pk) if pk else None

    def call(self, request: HttpRequest, parent: Any, instance: Any, data: dict[str, Any]) -> Any:
        """program_save."""
        return program_save(acting_user=request.user, program=instance, **data)


class ModeEditView(EditView):
    """新增/修改保障方式."""

    form_class, title, back = ModeForm, "保障方式", ("保障方式", "rules:mode_list")

    def load(self, request: HttpRequest, pk: int | None = None) -> tuple[Any, Any]:
        """The mode (of an editable program)."""
        if not pk:
            return None, None
        modes = selectors.mode_list(user=request.user).filter(program__in=_editable_programs(request))
        return None, get_object_or_404(modes, pk=pk)

    def form_kwargs(self, request: HttpRequest, parent: Any) -> dict[str, Any]:
        """Only programs the officer may edit."""
        return {"programs": _editable_programs(request)}

    def call(self, request: HttpRequest, parent: Any, instance: Any, data: dict[str, Any]) -> Any:
        """mode_save."""
        return mode_save(acting_user=request.user, instance=instance, **data)


class SupportProgramEditView(EditView):
    """新增/修改支持项目 (A.1.8)."""

    form_class, title, back = SupportProgramForm, "支持项目", ("支持项目", "rules:support_program_list")

    def load(self, request: HttpRequest, pk: int | None = None) -> tuple[Any, Any]:
        """The support program."""
        return None, get_object_or_404(_editable_support_programs(request), pk=pk) if pk else None

    def call(self, request: HttpRequest, parent: Any, instance: Any, data: dict[str, Any]) -> Any:
        """support_program_save."""
        return support_program_save(acting_user=request.user, support_program=instance, **data)


class SupportModeEditView(EditView):
    """新增/修改支持方式 (A.1.9)."""

    form_class, title, back = SupportModeForm, "支持方式", ("支持方式", "rules:support_mode_list")

    def load(self, request: HttpRequest, pk: int | None = None) -> tuple[Any, Any]:
        """The support mode (of an editable support program)."""
        if not pk:
            return None, None
        modes = selectors.support_mode_list(user=request.user).filter(program__in=_editable_support_programs(request))
        return None, get_object_or_404(modes, pk=pk)

    def form_kwargs(self, request: HttpRequest, parent: Any) -> dict[str, Any]:
        """Only support programs the officer may edit."""
        return {"programs": _editable_support_programs(request)}

    def call(self, request: HttpRequest, parent: Any, instance: Any, data: dict[str, Any]) -> Any:
        """support_mode_save."""
        return support_mode_save(acting_user=request.user, support_mode=instance, **data)

    def done_url(self, parent: Any, saved: Any) -> str:
        """The support mode page."""
        return reverse("rules:support_mode_detail", args=[saved.pk]) if saved is not None else reverse(self.back[1])


class SupportPartEditView(EditView):
    """新增/修改 a condition (A.1.10) or standard (A.1.11) of a support mode."""

    model: Any = None
    service: Any = None
    instance_kwarg = ""

    def load(self, request: HttpRequest, mode_pk: int, pk: int | None = None) -> tuple[Any, Any]:
        """(support mode, the condition/standard)."""
        modes = selectors.support_mode_list(user=request.user).filter(program__in=_editable_support_programs(request))
        mode = get_object_or_404(modes, pk=mode_pk)
        return mode, get_object_or_404(self.model, pk=pk, mode=mode) if pk else None

    def call(self, request: HttpRequest, parent: Any, instance: Any, data: dict[str, Any]) -> Any:
        """support_condition_save / support_standard_save."""
        return type(self).service(acting_user=request.user, support_mode=parent, **{self.instance_kwarg: instance}, **data)

    def done_url(self, parent: Any, saved: Any) -> str:
        """The support mode page."""
        return reverse("rules:support_mode_detail", args=[parent.pk])

    def crumbs(self, parent: Any, instance: Any) -> list[tuple[str, Any]]:
        """Support modes → the mode → this form."""
        return [("支持方式", reverse("rules:support_mode_list")), (str(parent), self.done_url(parent, None)),
                (self.page_title(parent, instance), "")]


class SupportConditionEditView(SupportPartEditView):
    """新增/修改支持对象申请条件 (A.1.10)."""

    form_class, title, model, instance_kwarg = SupportConditionForm, "支持对象申请条件", SupportCondition, "support_condition"
    service = staticmethod(support_condition_save)


class SupportStandardEditView(SupportPartEditView):
    """新增/修改支持对象支持标准 (A.1.11)."""

    form_class, title, model, instance_kwarg = SupportStandardForm, "支持对象支持标准", SupportStandard, "support_standard"
    service = staticmethod(support_standard_save)


class SupportModeListView(RulesListView):
    """支持方式 (A.1.9)."""

    title = "支持方式"
    selector = staticmethod(selectors.support_mode_list)
    export_filename = "支持方式"
    columns = [
        Column("支持方式编号", "code", link=True),
        Column("支持项目", "program.name"),
        Column("支持方式", "name"),
        Column("是否启用", "is_enabled"),
        Column("启用时间", "enabled_at"),
    ]

    def link_for(self, obj: Any) -> str:
        """The support mode page."""
        return reverse("rules:support_mode_detail", args=[obj.pk])

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """新增 for editors."""
        context = super().get_context_data(**kwargs)
        if can_edit_rules(self.request.user):
            context["create_url_name"] = "rules:support_mode_add"
        return context


class SupportModeDetailView(ReaderView):
    """A support mode with its conditions (A.1.10) and standards (A.1.11)."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Render."""
        mode = get_object_or_404(selectors.support_mode_list(user=request.user), pk=pk)
        return render(request, "rules/support_mode_detail.html", {
            "mode": mode, "page_title": f"支持方式：{mode}", "can_edit": can_edit_rules(request.user),
            "conditions": mode.conditions.all(), "standards": mode.standards.all(),
            "breadcrumbs": [("支持方式", reverse("rules:support_mode_list")), (str(mode), "")],
        })


class SchemeEditView(EditView):
    """修改轮候排队规则 of a draft version (created when missing)."""

    form_class, title = OrderingSchemeForm, "轮候排队规则"

    def load(self, request: HttpRequest, version_pk: int) -> tuple[Any, Any]:
        """(version, its scheme or None)."""
        version = selectors.version_get(user=request.user, pk=version_pk)
        return version, OrderingScheme.objects.filter(version=version).first()

    def call(self, request: HttpRequest, parent: Any, instance: Any, data: dict[str, Any]) -> Any:
        """ordering_scheme_save."""
        return ordering_scheme_save(version=parent, acting_user=request.user, **data)

    def done_url(self, parent: Any, saved: Any) -> str:
        """The version page."""
        return parent.get_absolute_url()

    def crumbs(self, parent: Any, instance: Any) -> list[tuple[str, Any]]:
        """Version → this form."""
        return [*_version_breadcrumbs(parent), (self.page_title(parent, instance), "")]


class OrderingFactorEditView(SchemeEditView):
    """添加/修改 a line of a draft version's ordering scheme."""

    form_class, title = OrderingFactorForm, "排队因素"

    def load(self, request: HttpRequest, version_pk: int, pk: int | None = None) -> tuple[Any, Any]:
        """(version, the line or None)."""
        version = selectors.version_get(user=request.user, pk=version_pk)
        instance = get_object_or_404(OrderingFactor, pk=pk, scheme__version=version) if pk else None
        return version, instance

    def call(self, request: HttpRequest, parent: Any, instance: Any, data: dict[str, Any]) -> Any:
        """ordering_factor_save (the scheme is created with a default name when missing)."""
        scheme = OrderingScheme.objects.filter(version=parent).first()
        if scheme is None:
            scheme = ordering_scheme_save(version=parent, acting_user=request.user, name=f"{parent.rule_set.name}轮候排序")
        return ordering_factor_save(scheme=scheme, acting_user=request.user, ordering_factor=instance, **data)


class OrderingFactorRemoveView(ReaderView):
    """Remove a line of a draft version's ordering scheme."""

    def post(self, request: HttpRequest, version_pk: int, pk: int) -> HttpResponse:
        """ordering_factor_remove."""
        version = selectors.version_get(user=request.user, pk=version_pk)
        line = get_object_or_404(OrderingFactor, pk=pk, scheme__version=version)
        try:
            ordering_factor_remove(ordering_factor=line, acting_user=request.user)
            messages.success(request, "已删除排队因素。")
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        return HttpResponseRedirect(version.get_absolute_url())
