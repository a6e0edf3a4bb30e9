"""API of the workflow module: generic for templates, explicit endpoints for every workflow step."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from anju.core.api.errors import error_responses
from anju.workflow import selectors, services
from anju.workflow.api.serializers import (
    DefinitionSerializer,
    InstanceStartSerializer,
    ProcessInstanceDetailSerializer,
    ProcessInstanceSerializer,
    ProcessTemplateSerializer,
    TaskCompleteSerializer,
    TaskRejectSerializer,
    TaskReturnSerializer,
    TaskSerializer,
    TaskTransferSerializer,
)
from anju.workflow.errors import TaskConflictError
from anju.workflow.filtersets import InstanceFilterSet
from anju.workflow.models import NodeTemplate, ProcessInstance, ProcessTemplate, Task
from anju.workflow.permissions import can_edit_templates, can_handle, can_monitor

TAG = "工作流"


class Conflict(exceptions.APIException):
    """409: someone else handled the task first."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "workflow_task_already_handled"
    default_detail = "该待办已被他人办理。"


def _conflict(exc: TaskConflictError) -> Conflict:
    return Conflict(detail=exc.text, code=exc.error_code)


@extend_schema_view(
    list=extend_schema(operation_id="workflow_templates_list", summary="流程模板列表", tags=[TAG],
                       responses={200: ProcessTemplateSerializer(many=True), **error_responses(401, 403)}),
    retrieve=extend_schema(operation_id="workflow_templates_retrieve", summary="流程模板（含完整定义）", tags=[TAG],
                           responses={200: ProcessTemplateSerializer, **error_responses(401, 403, 404)}),
)  # fmt: skip
class ProcessTemplateViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """/api/v1/workflow/templates/: read for administrators and monitors; writes for system administrators."""

    serializer_class = ProcessTemplateSerializer
    queryset = ProcessTemplate.objects.none()

    def get_queryset(self) -> QuerySet:
        """Via the selector."""
        if not (can_edit_templates(self.request.user) or can_monitor(self.request.user)):
            raise PermissionDenied("您没有查看流程模板的权限。")
        return selectors.template_list(user=self.request.user)

    def get_object(self) -> ProcessTemplate:
        """One version or 404."""
        self.get_queryset()
        return selectors.template_get(user=self.request.user, pk=self.kwargs["pk"])

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Header plus the full definition."""
        template = self.get_object()
        return Response({**ProcessTemplateSerializer(template).data, "definition": services.template_export(template)})

    @extend_schema(operation_id="workflow_templates_create", summary="新建或导入流程定义（新版本）",
                   description="以导出 JSON 格式提交完整定义，保存为该流程模板编号的新版本；定义无效（如无法到达结束节点、可绕过必经节点）时返回 400 及原因。",
                   tags=[TAG], request=DefinitionSerializer, responses={201: ProcessTemplateSerializer, **error_responses(400, 401, 403)})  # fmt: skip
    def create(self, request: Request) -> Response:
        """Import a definition as a new version."""
        serializer = DefinitionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        template = services.template_import(data=serializer.validated_data["definition"], acting_user=request.user,
                                            activate=serializer.validated_data["activate"])  # fmt: skip
        return Response(ProcessTemplateSerializer(template).data, status=status.HTTP_201_CREATED)

    @extend_schema(operation_id="workflow_templates_update", summary="替换未运行版本的流程定义", tags=[TAG],
                   request=DefinitionSerializer, responses={200: ProcessTemplateSerializer, **error_responses(400, 401, 403, 404)})  # fmt: skip
    def update(self, request: Request, pk: str | None = None) -> Response:
        """Replace the graph of a version that has no instances."""
        serializer = DefinitionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        template = services.template_replace_definition(template=self.get_object(), data=serializer.validated_data["definition"],
                                                        acting_user=request.user)  # fmt: skip
        return Response(ProcessTemplateSerializer(template).data)

    @extend_schema(operation_id="workflow_templates_destroy", summary="删除未运行的版本", tags=[TAG], request=None,
                   responses={204: None, **error_responses(400, 401, 403, 404)})  # fmt: skip
    def destroy(self, request: Request, pk: str | None = None) -> Response:
        """Delete a version that never ran."""
        services.template_delete(template=self.get_object(), acting_user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(operation_id="workflow_templates_export", summary="导出流程定义 JSON", tags=[TAG],
                   responses={200: dict, **error_responses(401, 403, 404)})  # fmt: skip
    @action(detail=True, methods=["get"], url_path="export")
    def export(self, request: Request, pk: str | None = None) -> Response:
        """The definition in the JSON export format."""
        return Response(services.template_export(self.get_object()))

    @extend_schema(operation_id="workflow_templates_activate", summary="激活版本", tags=[TAG], request=None,
                   responses={200: ProcessTemplateSerializer, **error_responses(400, 401, 403, 404)})  # fmt: skip
    @action(detail=True, methods=["post"], url_path="activate")
    def activate(self, request: Request, pk: str | None = None) -> Response:
        """Make this version the one new instances start on."""
        return Response(ProcessTemplateSerializer(services.template_activate(template=self.get_object(), acting_user=request.user)).data)

    @extend_schema(operation_id="workflow_templates_new_version", summary="复制为新版本", tags=[TAG], request=None,
                   responses={201: ProcessTemplateSerializer, **error_responses(401, 403, 404)})  # fmt: skip
    @action(detail=True, methods=["post"], url_path="new-version")
    def new_version(self, request: Request, pk: str | None = None) -> Response:
        """Copy into the next (inactive) version."""
        copy = services.template_new_version(template=self.get_object(), acting_user=request.user)
        return Response(ProcessTemplateSerializer(copy).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(operation_id="workflow_instances_list", summary="流程实例列表（流程监控）",
                       description="管辖范围内的流程实例；可按流程、区划、状态、是否超期筛选。", tags=[TAG],
                       responses={200: ProcessInstanceSerializer(many=True), **error_responses(401, 403)}),
    retrieve=extend_schema(operation_id="workflow_instances_retrieve", summary="流程实例详情（节点实例与办理记录）", tags=[TAG],
                           responses={200: ProcessInstanceDetailSerializer, **error_responses(401, 403, 404)}),
)  # fmt: skip
class ProcessInstanceViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """/api/v1/workflow/instances/."""

    serializer_class = ProcessInstanceSerializer
    filterset_class = InstanceFilterSet
    queryset = ProcessInstance.objects.none()

    def get_queryset(self) -> QuerySet:
        """Via the selector."""
        if not (can_monitor(self.request.user) or can_handle(self.request.user)):
            raise PermissionDenied("您没有查看流程实例的权限。")
        return selectors.instance_list(user=self.request.user).select_related("content_type")

    def get_serializer_class(self) -> Any:
        """Detail with history."""
        return ProcessInstanceDetailSerializer if self.action == "retrieve" else ProcessInstanceSerializer

    def get_object(self) -> ProcessInstance:
        """One visible instance or 404."""
        self.get_queryset()
        return selectors.instance_get(user=self.request.user, pk=self.kwargs["pk"])

    @extend_schema(operation_id="workflow_instances_start", summary="发起流程", tags=[TAG], request=InstanceStartSerializer,
                   responses={201: ProcessInstanceSerializer, **error_responses(400, 401, 403, 404)})  # fmt: skip
    def create(self, request: Request) -> Response:
        """Start an instance of the active version over a business record."""
        from anju.workflow.views import _business_object

        if not can_handle(request.user):
            raise PermissionDenied("您没有发起流程的权限。")
        serializer = InstanceStartSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        obj = _business_object(data["business_object"], request.user)
        instance = services.instance_start(template=data["template_code"], business_object=obj, acting_user=request.user, name=data["name"])
        return Response(ProcessInstanceSerializer(instance).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(operation_id="workflow_tasks_inbox", summary="我的待办", tags=[TAG],
                       responses={200: TaskSerializer(many=True), **error_responses(401)}),
    retrieve=extend_schema(operation_id="workflow_tasks_retrieve", summary="待办详情", tags=[TAG],
                           responses={200: TaskSerializer, **error_responses(401, 404)}),
)  # fmt: skip
class TaskViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """/api/v1/workflow/tasks/: the inbox and one endpoint per action."""

    serializer_class = TaskSerializer
    queryset = Task.objects.none()

    def get_queryset(self) -> QuerySet:
        """The user's inbox (done tasks with ?done=1)."""
        if self.request.query_params.get("done") == "1":
            return selectors.task_done(user=self.request.user)
        return selectors.task_inbox(user=self.request.user)

    def get_object(self) -> Task:
        """A task the user may see."""
        return selectors.task_get(user=self.request.user, pk=self.kwargs["pk"])

    def _run(self, func: Any, **kwargs: Any) -> Any:
        try:
            return func(**kwargs)
        except TaskConflictError as exc:
            raise _conflict(exc) from exc

    @extend_schema(operation_id="workflow_tasks_claim", summary="认领待办", tags=[TAG], request=None,
                   responses={200: TaskSerializer, **error_responses(400, 401, 403, 404)})  # fmt: skip
    @action(detail=True, methods=["post"])
    def claim(self, request: Request, pk: str | None = None) -> Response:
        """Take the task."""
        task = self._run(services.task_claim, task=self.get_object(), acting_user=request.user)
        return Response(TaskSerializer(task).data)

    @extend_schema(operation_id="workflow_tasks_complete", summary="提交（办理）待办",
                   description="填写审核意见与办理决定（approve 同意 / deny 不同意）；两人同时办理时只有一人成功，另一人得到 409 及办理人姓名。",
                   tags=[TAG], request=TaskCompleteSerializer, responses={200: TaskSerializer, **error_responses(400, 401, 403, 404)})  # fmt: skip
    @action(detail=True, methods=["post"])
    def complete(self, request: Request, pk: str | None = None) -> Response:
        """Complete with an opinion and a decision."""
        serializer = TaskCompleteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        task = self._run(services.task_complete, task=self.get_object(), acting_user=request.user, opinion=data["opinion"],
                         decision=data["decision"], form_data=data["form_data"], expected_version=data.get("lock_version"))  # fmt: skip
        task.refresh_from_db()
        return Response(TaskSerializer(task).data)

    @extend_schema(operation_id="workflow_tasks_return", summary="退回", tags=[TAG], request=TaskReturnSerializer,
                   responses={200: TaskSerializer, **error_responses(400, 401, 403, 404)})  # fmt: skip
    @action(detail=True, methods=["post"], url_path="return")
    def return_(self, request: Request, pk: str | None = None) -> Response:
        """Return to an earlier node."""
        serializer = TaskReturnSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        task = self.get_object()
        target = None
        if data.get("target_node"):
            target = NodeTemplate.objects.filter(template=task.instance.template, code=data["target_node"]).first()
            if target is None:
                raise exceptions.ValidationError({"target_node": ["节点不存在。"]})
        self._run(services.task_return, task=task, acting_user=request.user, opinion=data["opinion"], target=target,
                  expected_version=data.get("lock_version"))  # fmt: skip
        task.refresh_from_db()
        return Response(TaskSerializer(task).data)

    @extend_schema(operation_id="workflow_tasks_reject", summary="驳回（结束流程）", tags=[TAG], request=TaskRejectSerializer,
                   responses={200: TaskSerializer, **error_responses(400, 401, 403, 404)})  # fmt: skip
    @action(detail=True, methods=["post"])
    def reject(self, request: Request, pk: str | None = None) -> Response:
        """Reject: the instance ends."""
        serializer = TaskRejectSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        task = self.get_object()
        self._run(services.task_reject, task=task, acting_user=request.user, opinion=serializer.validated_data["opinion"],
                  expected_version=serializer.validated_data.get("lock_version"))  # fmt: skip
        task.refresh_from_db()
        return Response(TaskSerializer(task).data)

    @extend_schema(operation_id="workflow_tasks_transfer", summary="转办", tags=[TAG], request=TaskTransferSerializer,
                   responses={200: TaskSerializer, **error_responses(400, 401, 403, 404)})  # fmt: skip
    @action(detail=True, methods=["post"])
    def transfer(self, request: Request, pk: str | None = None) -> Response:
        """Hand the task to another candidate."""
        from anju.accounts.models import User

        serializer = TaskTransferSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        to_user = User.objects.filter(pk=data["to_user"]).first()
        task = self._run(services.task_transfer, task=self.get_object(), acting_user=request.user, to_user=to_user,
                         opinion=data["opinion"], expected_version=data.get("lock_version"))  # fmt: skip
        return Response(TaskSerializer(task).data)
