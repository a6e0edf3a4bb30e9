"""Staff pages of the workflow module: inbox, task handling, monitor, templates, statistics."""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from anju.core.listing import Column, StaffListView
from anju.core.signals import data_exported
from anju.workflow import selectors, services
from anju.workflow.diagram import instance_svg, template_svg
from anju.workflow.errors import WorkflowError
from anju.workflow.filtersets import InstanceFilterSet, TaskFilterSet
from anju.workflow.forms import (
    ImportForm,
    InstanceStartForm,
    NodeForm,
    StatisticsForm,
    TaskClaimForm,
    TaskCompleteForm,
    TaskRejectForm,
    TaskReturnForm,
    TaskTransferForm,
    TemplateForm,
    TransitionForm,
)
from anju.workflow.models import NodeTemplate, Notification, Transition
from anju.workflow.permissions import (
    HANDLER_ROLES,
    MONITOR_ROLES,
    can_edit_templates,
    can_handle,
    can_monitor,
    may_act_on,
)


def _crumbs(pairs: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """Breadcrumbs with URL names ("workflow:task_list") resolved."""
    return [(label, reverse(url) if url and ":" in url and not url.startswith("/") else url) for label, url in pairs]


def _error_text(exc: ValidationError) -> str:
    return "；".join(exc.messages)


def _require(check: bool) -> None:
    if not check:
        raise PermissionDenied("您没有访问此页面的权限。")


def _elapsed(delta: dt.timedelta) -> str:
    """"3 天 4 小时" / "5 小时 12 分"."""
    minutes = int(delta.total_seconds() // 60)
    days, minutes = divmod(minutes, 1440)
    hours, minutes = divmod(minutes, 60)
    return f"{days} 天 {hours} 小时" if days else f"{hours} 小时 {minutes} 分"


def _current_nodes(instance: Any) -> str:
    tasks = getattr(instance, "open_tasks", None)
    if tasks is None:
        tasks = selectors.current_tasks(instance)
    return "、".join(sorted({t.node_instance.name for t in tasks})) or "—"


def _handlers(instance: Any) -> str:
    tasks = getattr(instance, "open_tasks", None)
    if tasks is None:
        tasks = selectors.current_tasks(instance)
    names = sorted({str(t.assignee) if t.assignee_id else "待认领" for t in tasks})
    return "、".join(names) or "—"


# --- inbox ---------------------------------------------------------------------------------------


class TaskInboxView(StaffListView):
    """待办: the tasks the user may handle now; overdue ones flagged."""

    title = "待办"
    selector = staticmethod(selectors.task_inbox)
    filterset_class = TaskFilterSet
    required_roles = HANDLER_ROLES
    export_filename = "待办"
    template_name = "workflow/task_list.html"
    columns = [
        Column("待办事项", "title", link=True),
        Column("流程实例编号", "instance.number"),
        Column("业务记录", "instance.business_label"),
        Column("当前节点", "node_instance.name"),
        Column("状态", "state"),
        Column("到达时间", "created_at"),
        Column("办理期限", lambda t: t.deadline or "不限"),
        Column("超期", lambda t: "已超期" if t.is_overdue else ""),
    ]


class TaskDoneView(StaffListView):
    """已办: the tasks the user handled."""

    title = "已办"
    selector = staticmethod(selectors.task_done)
    required_roles = HANDLER_ROLES
    export_filename = "已办"
    columns = [
        Column("待办事项", "title", link=True),
        Column("流程实例编号", "instance.number"),
        Column("办理动作", "action"),
        Column("办理决定", "decision"),
        Column("审核意见", "opinion"),
        Column("办理时间", "completed_at"),
        Column("超期办理", lambda t: "是" if t.is_overdue else "否"),
    ]

    def link_for(self, obj: Any) -> str:
        """The instance page (the task itself is closed)."""
        return obj.instance.get_absolute_url()


@login_required
@require_http_methods(["GET"])
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One task: the instance, its diagram and history, and the action forms."""
    task = selectors.task_get(user=request.user, pk=pk)
    return _render_task(request, task)


def _render_task(request: HttpRequest, task: Any, **forms: Any) -> HttpResponse:
    instance = task.instance
    node_instance = task.node_instance
    actionable = task.is_open and may_act_on(request.user, task) and instance.is_running
    initial = {"lock_version": task.lock_version}
    context: dict[str, Any] = {
        "task": task,
        "instance": instance,
        "node": node_instance.node,
        "actionable": actionable,
        "diagram": instance_svg(instance),
        "history": selectors.instance_history(instance),
        "attachments": selectors.instance_attachments(instance),
        "page_title": task.title,
        "breadcrumbs": _crumbs([("待办", "workflow:task_list"), (task.title, None)]),
    }
    if actionable:
        targets = services.return_targets(instance, node_instance)
        context.update(
            complete_form=forms.get("complete_form") or TaskCompleteForm(initial=initial, node=node_instance.node),
            return_form=forms.get("return_form") or (TaskReturnForm(initial=initial, targets=targets) if targets else None),
            reject_form=forms.get("reject_form") or TaskRejectForm(initial=initial),
            transfer_form=forms.get("transfer_form")
            or TaskTransferForm(initial=initial, candidates=selectors.transfer_candidates(task=task, user=request.user)),
            claim_form=TaskClaimForm(initial=initial) if task.assignee_id is None else None,
        )
    return render(request, "workflow/task_detail.html", context)


def _task_action(request: HttpRequest, pk: int, form_class: Any, run: Any, success: str, **form_kwargs: Any) -> HttpResponse:
    task = selectors.task_get(user=request.user, pk=pk)
    kwargs = {key: value(task) for key, value in form_kwargs.items()}
    form = form_class(request.POST, request.FILES, **kwargs)
    if form.is_valid():
        try:
            run(task, form)
        except ValidationError as exc:
            messages.error(request, _error_text(exc))
            task.refresh_from_db()
            return redirect(task.get_absolute_url())
        messages.success(request, success)
        return redirect("workflow:task_list")
    messages.error(request, "提交的内容有误，请检查后重试。")
    name = {TaskCompleteForm: "complete_form", TaskReturnForm: "return_form", TaskRejectForm: "reject_form", TaskTransferForm: "transfer_form"}
    return _render_task(request, task, **{name.get(form_class, "claim_form"): form})


@login_required
@require_POST
def task_claim(request: HttpRequest, pk: int) -> HttpResponse:
    """认领."""
    task = selectors.task_get(user=request.user, pk=pk)
    form = TaskClaimForm(request.POST)
    version = form.cleaned_data["lock_version"] if form.is_valid() else None
    try:
        services.task_claim(task=task, acting_user=request.user, expected_version=version)
        messages.success(request, "已认领，该待办不再显示在其他人的待办中。")
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    return redirect(task.get_absolute_url())


@login_required
@require_POST
def task_complete(request: HttpRequest, pk: int) -> HttpResponse:
    """提交."""

    def run(task: Any, form: TaskCompleteForm) -> None:
        services.task_complete(
            task=task, acting_user=request.user, opinion=form.cleaned_data["opinion"], decision=form.cleaned_data["decision"],
            form_data=form.form_data(), attachments=form.cleaned_data["attachments"], expected_version=form.cleaned_data["lock_version"],
        )  # fmt: skip

    return _task_action(request, pk, TaskCompleteForm, run, "已提交。", node=lambda t: t.node_instance.node)


@login_required
@require_POST
def task_return(request: HttpRequest, pk: int) -> HttpResponse:
    """退回."""

    def run(task: Any, form: TaskReturnForm) -> None:
        target = NodeTemplate.objects.get(pk=form.cleaned_data["target"])
        services.task_return(task=task, acting_user=request.user, opinion=form.cleaned_data["opinion"], target=target,
                             expected_version=form.cleaned_data["lock_version"])  # fmt: skip

    return _task_action(request, pk, TaskReturnForm, run, "已退回。",
                        targets=lambda t: services.return_targets(t.instance, t.node_instance))  # fmt: skip


@login_required
@require_POST
def task_reject(request: HttpRequest, pk: int) -> HttpResponse:
    """驳回."""

    def run(task: Any, form: TaskRejectForm) -> None:
        services.task_reject(task=task, acting_user=request.user, opinion=form.cleaned_data["opinion"],
                             expected_version=form.cleaned_data["lock_version"])  # fmt: skip

    return _task_action(request, pk, TaskRejectForm, run, "已驳回，流程结束。")


@login_required
@require_POST
def task_transfer(request: HttpRequest, pk: int) -> HttpResponse:
    """转办."""

    def run(task: Any, form: TaskTransferForm) -> None:
        from anju.accounts.models import User

        services.task_transfer(task=task, acting_user=request.user, to_user=User.objects.get(pk=form.cleaned_data["to_user"]),
                               opinion=form.cleaned_data["opinion"], expected_version=form.cleaned_data["lock_version"])  # fmt: skip

    return _task_action(request, pk, TaskTransferForm, run, "已转办。",
                        candidates=lambda t: selectors.transfer_candidates(task=t, user=request.user))  # fmt: skip


# --- monitor -------------------------------------------------------------------------------------


class InstanceListView(StaffListView):
    """流程监控: instances with current node, handler, state, elapsed time; filters; export."""

    title = "流程监控"
    selector = staticmethod(selectors.instance_list)
    filterset_class = InstanceFilterSet
    required_roles = MONITOR_ROLES
    export_filename = "流程实例"
    create_url_name = "workflow:instance_start"
    create_label = "发起流程"
    columns = [
        Column("流程实例编号", "number", link=True),
        Column("流程实例名称", "name"),
        Column("流程", lambda i: f"{i.template_name} V{i.template_version}"),
        Column("行政区划代码", "region_code"),
        Column("当前节点", _current_nodes),
        Column("办理人", _handlers),
        Column("当前状态", "state"),
        Column("启动时间", "started_at"),
        Column("已用时长", lambda i: _elapsed(i.elapsed)),
        Column("超期", lambda i: "已超期" if getattr(i, "has_overdue", False) else ""),
    ]


@login_required
def instance_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One instance: diagram with path and current node, node instances, full history."""
    _require(can_monitor(request.user) or can_handle(request.user))
    instance = selectors.instance_get(user=request.user, pk=pk)
    return render(
        request,
        "workflow/instance_detail.html",
        {
            "instance": instance,
            "diagram": instance_svg(instance),
            "path": selectors.instance_path(instance),
            "history": selectors.instance_history(instance),
            "attachments": selectors.instance_attachments(instance),
            "open_tasks": selectors.current_tasks(instance),
            "page_title": f"流程实例 {instance.number}",
            "breadcrumbs": _crumbs([("流程监控", "workflow:instance_list"), (instance.number, None)]),
        },
    )


def _business_object(ref: str, user: Any) -> Any:
    """The record named by "app.model:pk", if the user's jurisdiction covers it."""
    from django.apps import apps

    try:
        label, pk = ref.strip().split(":", 1)
        model = apps.get_model(label)
        obj = model._default_manager.get(pk=pk)
    except (ValueError, LookupError, AttributeError) as exc:
        raise ValidationError("业务记录格式应为“应用.模型:主键”。") from exc
    except Exception as exc:  # the model's own DoesNotExist / bad key
        raise ValidationError("业务记录不存在。") from exc
    if not model._meta.app_label or not type(obj).__module__.startswith("anju."):
        raise ValidationError("只能对安居系统的业务记录发起流程。")
    return obj


@login_required
@require_http_methods(["GET", "POST"])
def instance_start(request: HttpRequest) -> HttpResponse:
    """发起流程 over any business record in the user's jurisdiction."""
    _require(can_handle(request.user))
    form = InstanceStartForm(request.POST or None, initial={"business_ref": request.GET.get("ref", "")})
    if request.method == "POST" and form.is_valid():
        try:
            obj = _business_object(form.cleaned_data["business_ref"], request.user)
            instance = services.instance_start(
                template=form.cleaned_data["template"], business_object=obj, acting_user=request.user, name=form.cleaned_data["name"]
            )
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, _error_text(exc) if isinstance(exc, ValidationError) else str(exc))
        else:
            messages.success(request, f"已发起流程 {instance.number}。")
            return redirect(instance.get_absolute_url())
    return render(request, "core/form.html", {"form": form, "page_title": "发起流程", "submit_label": "发起",
                                                  "breadcrumbs": _crumbs([("流程监控", "workflow:instance_list"), ("发起流程", None)])})  # fmt: skip


# --- templates -----------------------------------------------------------------------------------


class TemplateListView(StaffListView):
    """流程模板: every version, active ones marked."""

    title = "流程模板"
    selector = staticmethod(selectors.template_list)
    export_filename = "流程模板"
    template_name = "workflow/template_list.html"
    columns = [
        Column("流程模板编号", "code", link=True),
        Column("流程名称", "name"),
        Column("流程模板版本", "version"),
        Column("是否激活", "is_active"),
        Column("业务分类", "category"),
        Column("节点数", "node_count"),
        Column("实例数", "instance_count"),
        Column("定义时间", "defined_at"),
    ]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """Administrators edit, monitors read."""
        if request.user.is_authenticated:
            _require(can_edit_templates(request.user) or can_monitor(request.user))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """Creation and import are for administrators."""
        context = super().get_context_data(**kwargs)
        context["can_edit"] = can_edit_templates(self.request.user)
        return context


@login_required
def template_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A template version: diagram, nodes, transitions, remaining problems, actions."""
    template = selectors.template_get(user=request.user, pk=pk)
    nodes, transitions = selectors.template_graph(template)
    return render(
        request,
        "workflow/template_detail.html",
        {
            "template": template,
            "nodes": nodes,
            "transitions": transitions,
            "diagram": template_svg(template),
            "problems": services.definition_problems(services.template_export(template)),
            "frozen": template.instances.exists(),
            "can_edit": can_edit_templates(request.user),
            "versions": template_versions(template),
            "page_title": str(template),
            "breadcrumbs": _crumbs([("流程模板", "workflow:template_list"), (str(template), None)]),
        },
    )


def template_versions(template: Any) -> QuerySet:
    """All versions of the template's code."""
    return type(template).objects.filter(code=template.code).order_by("-version")


def _editor(request: HttpRequest) -> None:
    _require(can_edit_templates(request.user))


def _form_page(request: HttpRequest, form: Any, title: str, crumbs: list, submit: str = "保存", multipart: bool = False) -> HttpResponse:
    return render(request, "core/form.html", {"form": form, "page_title": title, "breadcrumbs": _crumbs(crumbs), "submit_label": submit,
                                                  "multipart": multipart})  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def template_create(request: HttpRequest) -> HttpResponse:
    """新建流程模板 (a draft with a start and an end node)."""
    _editor(request)
    form = TemplateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            template = services.template_create(acting_user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, _error_text(exc))
        else:
            messages.success(request, "已新建流程模板草稿，请添加节点和关联后激活。")
            return redirect(template.get_absolute_url())
    return _form_page(request, form, "新建流程模板", [("流程模板", "workflow:template_list"), ("新建", None)])


@login_required
@require_http_methods(["GET", "POST"])
def template_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """修改流程模板基本信息."""
    _editor(request)
    template = selectors.template_get(user=request.user, pk=pk)
    form = TemplateForm(request.POST or None, instance=template)
    form.fields["code"].disabled = True
    if request.method == "POST" and form.is_valid():
        try:
            fields = {k: v for k, v in form.cleaned_data.items() if k != "code"}
            services.template_update(template=selectors.template_get(user=request.user, pk=pk), acting_user=request.user, **fields)
        except ValidationError as exc:
            form.add_error(None, _error_text(exc))
        else:
            messages.success(request, "已保存。")
            return redirect(template.get_absolute_url())
    return _form_page(request, form, f"修改 {template}", [("流程模板", "workflow:template_list"), (str(template), template.get_absolute_url()), ("修改", None)])


@login_required
@require_http_methods(["GET", "POST"])
def node_edit(request: HttpRequest, pk: int, node_pk: int | None = None) -> HttpResponse:
    """新增或修改节点."""
    _editor(request)
    template = selectors.template_get(user=request.user, pk=pk)
    node = get_object_or_404(NodeTemplate, pk=node_pk, template=template) if node_pk else None
    form = NodeForm(request.POST or None, instance=node or NodeTemplate(template=template))
    if request.method == "POST" and form.is_valid():
        try:
            _, problems = services.node_save(template=template, acting_user=request.user, node=node,
                                             participants=form.participants(), **form.node_fields())  # fmt: skip
        except ValidationError as exc:
            form.add_error(None, _error_text(exc))
        else:
            _saved_message(request, problems)
            return redirect(template.get_absolute_url())
    return _form_page(request, form, f"{'修改' if node else '新增'}节点", [("流程模板", "workflow:template_list"), (str(template), template.get_absolute_url()), ("节点", None)])


@login_required
@require_http_methods(["GET", "POST"])
def transition_edit(request: HttpRequest, pk: int, transition_pk: int | None = None) -> HttpResponse:
    """新增或修改关联."""
    _editor(request)
    template = selectors.template_get(user=request.user, pk=pk)
    transition = get_object_or_404(Transition, pk=transition_pk, template=template) if transition_pk else None
    form = TransitionForm(request.POST or None, instance=transition or Transition(template=template), template=template)
    if request.method == "POST" and form.is_valid():
        try:
            _, problems = services.transition_save(template=template, acting_user=request.user, transition=transition,
                                                   **form.transition_fields())  # fmt: skip
        except ValidationError as exc:
            form.add_error(None, _error_text(exc))
        else:
            _saved_message(request, problems)
            return redirect(template.get_absolute_url())
    return _form_page(request, form, f"{'修改' if transition else '新增'}关联", [("流程模板", "workflow:template_list"), (str(template), template.get_absolute_url()), ("关联", None)])


def _saved_message(request: HttpRequest, problems: list[str]) -> None:
    if problems:
        messages.warning(request, "已保存。流程定义尚不完整，激活前须解决：" + "；".join(problems))
    else:
        messages.success(request, "已保存，流程定义完整。")


@login_required
@require_POST
def node_delete(request: HttpRequest, pk: int, node_pk: int) -> HttpResponse:
    """删除节点."""
    _editor(request)
    template = selectors.template_get(user=request.user, pk=pk)
    node = get_object_or_404(NodeTemplate, pk=node_pk, template=template)
    try:
        _saved_message(request, services.node_delete(node=node, acting_user=request.user))
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    return redirect(template.get_absolute_url())


@login_required
@require_POST
def transition_delete(request: HttpRequest, pk: int, transition_pk: int) -> HttpResponse:
    """删除关联."""
    _editor(request)
    template = selectors.template_get(user=request.user, pk=pk)
    transition = get_object_or_404(Transition, pk=transition_pk, template=template)
    try:
        _saved_message(request, services.transition_delete(transition=transition, acting_user=request.user))
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    return redirect(template.get_absolute_url())


@login_required
@require_POST
def template_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """激活 / 停用 / 新版本 / 删除."""
    _editor(request)
    template = selectors.template_get(user=request.user, pk=pk)
    try:
        if action == "activate":
            services.template_activate(template=template, acting_user=request.user)
            messages.success(request, f"已激活 {template}，新发起的流程将使用此版本。")
        elif action == "deactivate":
            services.template_deactivate(template=template, acting_user=request.user)
            messages.success(request, f"已停用 {template}，办理中的流程不受影响。")
        elif action == "new_version":
            template = services.template_new_version(template=template, acting_user=request.user)
            messages.success(request, f"已创建 {template}（未激活），修改后激活。")
        elif action == "delete":
            services.template_delete(template=template, acting_user=request.user)
            messages.success(request, "已删除。")
            return redirect("workflow:template_list")
        else:
            raise PermissionDenied("未知操作。")
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    return redirect(template.get_absolute_url())


@login_required
def template_export(request: HttpRequest, pk: int) -> HttpResponse:
    """导出 JSON."""
    template = selectors.template_get(user=request.user, pk=pk)
    body = json.dumps(services.template_export(template), ensure_ascii=False, indent=2)
    data_exported.send(sender=TemplateListView, user=request.user, request=request, model_label="workflow.ProcessTemplate",
                       row_count=1, filters={"pk": pk})  # fmt: skip
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(f'{template.code}-v{template.version}.json')}"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def template_import(request: HttpRequest) -> HttpResponse:
    """导入 JSON 为新版本."""
    _editor(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            template = services.template_import(data=form.cleaned_data["file"], acting_user=request.user, activate=form.cleaned_data["activate"])
        except ValidationError as exc:
            form.add_error(None, _error_text(exc))
        else:
            messages.success(request, f"已导入 {template}。")
            return redirect(template.get_absolute_url())
    return _form_page(request, form, "导入流程定义", [("流程模板", "workflow:template_list"), ("导入", None)], submit="导入", multipart=True)


@login_required
def template_diagram(request: HttpRequest, pk: int) -> HttpResponse:
    """The diagram as an SVG file."""
    template = selectors.template_get(user=request.user, pk=pk)
    return HttpResponse(str(template_svg(template)), content_type="image/svg+xml; charset=utf-8")


# --- statistics ----------------------------------------------------------------------------------


def _period(form: StatisticsForm) -> tuple[dt.datetime, dt.datetime, str]:
    start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    tz = timezone.get_current_timezone()
    return (
        dt.datetime.combine(start, dt.time.min, tzinfo=tz),
        dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz),
        form.cleaned_data.get("template") or "",
    )


@login_required
def statistics(request: HttpRequest) -> HttpResponse:
    """业务流程统计: by template, node and handler over a period; tables, charts, Excel."""
    _require(can_monitor(request.user))
    form = StatisticsForm(request.GET or None, initial=StatisticsForm.default_period())
    if not request.GET:
        form = StatisticsForm(StatisticsForm.default_period())
    result = None
    if form.is_valid():
        start, end, code = _period(form)
        result = selectors.workflow_statistics(user=request.user, start=start, end=end, template_code=code)
        if request.GET.get("export") == "xlsx":
            return _statistics_xlsx(request, result)
    return render(request, "workflow/statistics.html", {
        "form": form, "result": result, "chart_data": result.chart_data() if result else {},
        "page_title": "业务流程统计", "breadcrumbs": _crumbs([("业务流程统计", None)]),
        "export_querystring": (request.GET.urlencode() + "&" if request.GET else "") + "export=xlsx",
    })  # fmt: skip


def _statistics_xlsx(request: HttpRequest, result: Any) -> HttpResponse:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    rows = 0
    for title, table in (("按流程", result.by_template), ("按节点", result.by_node), ("按办理人", result.by_handler)):
        sheet = workbook.create_sheet(title=title)
        sheet.append(["分组", "办结数", "中位时长（小时）", "90 分位时长（小时）", "超期数", "超期率"])
        for row in table:
            sheet.append([row.label, row.count, row.median_hours, row.p90_hours, row.overdue, row.overdue_percent])
            rows += 1
    buffer = io.BytesIO()
    workbook.save(buffer)
    data_exported.send(sender=TemplateListView, user=request.user, request=request, model_label="workflow.Task",
                       row_count=rows, filters=request.GET.dict())  # fmt: skip
    response = HttpResponse(buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    stamp = timezone.localtime().strftime("%Y%m%d%H%M")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(f'业务流程统计-{stamp}.xlsx')}"
    return response


# --- notifications -------------------------------------------------------------------------------


class NotificationListView(StaffListView):
    """通知."""

    title = "通知"
    selector = staticmethod(selectors.notification_list)
    template_name = "workflow/notification_list.html"
    columns = [
        Column("标题", "title", link=True),
        Column("内容", "body"),
        Column("时间", "created_at"),
        Column("已读", lambda n: "已读" if n.read_at else "未读"),
    ]

    def link_for(self, obj: Any) -> str:
        """The notification's link."""
        return obj.link


@login_required
@require_POST
def notification_read(request: HttpRequest, pk: int) -> HttpResponse:
    """标记已读."""
    notification = get_object_or_404(Notification, pk=pk, user=request.user)
    services.notification_mark_read(notification=notification, acting_user=request.user)
    return redirect("workflow:notification_list")


@login_required
@require_POST
def notification_read_all(request: HttpRequest) -> HttpResponse:
    """全部标记已读."""
    Notification.objects.filter(user=request.user, read_at__isnull=True).update(read_at=timezone.now())
    return redirect("workflow:notification_list")


__all__ = ["WorkflowError"]
