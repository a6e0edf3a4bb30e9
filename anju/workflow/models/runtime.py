"""Process runtime: instances, node instances, tasks and their action log (A.3.6, A.3.7)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone

from anju.core.scoping import RegionScopedQuerySet
from anju.workflow.choices import (
    OPEN_TASK_STATES,
    Decision,
    InstanceState,
    NodeInstanceState,
    NodeType,
    Priority,
    ProcessType,
    TaskActionKind,
    TaskState,
)


class ProcessInstance(models.Model):
    """业务流程实例 (A.3.6): one run of a template version over one business record."""

    number = models.CharField("流程实例编号", max_length=40, unique=True)
    template = models.ForeignKey(
        "workflow.ProcessTemplate", verbose_name="流程模板编号", on_delete=models.PROTECT, related_name="instances"
    )
    template_name = models.CharField("流程模板名称", max_length=100)
    name = models.CharField("流程实例名称", max_length=200)
    priority = models.PositiveSmallIntegerField("优先级", choices=Priority.choices, default=Priority.NORMAL)
    description = models.TextField("描述", blank=True)
    category = models.CharField("业务分类", max_length=64, blank=True)
    state = models.CharField("当前状态", max_length=16, choices=InstanceState.choices, default=InstanceState.RUNNING)
    started_at = models.DateTimeField("启动时间", default=timezone.now)
    finished_at = models.DateTimeField("完成时间", null=True, blank=True)
    process_type = models.CharField("流程类型", max_length=16, choices=ProcessType.choices, default=ProcessType.STANDARD)
    precondition = models.TextField("前置条件", blank=True)
    postcondition = models.TextField("后置条件", blank=True)
    extra = models.JSONField("扩展属性", default=dict, blank=True)
    template_version = models.PositiveIntegerField("流程版本号")

    content_type = models.ForeignKey(ContentType, verbose_name="业务记录类型", on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField("业务记录标识", max_length=64)
    business_object = GenericForeignKey("content_type", "object_id")
    business_label = models.CharField("业务记录", max_length=200, blank=True)
    region_code = models.CharField("行政区划代码", max_length=12, db_index=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="发起人", null=True, on_delete=models.PROTECT, related_name="+"
    )
    outcome = models.CharField("办理结果", max_length=16, blank=True)
    variables = models.JSONField("流程变量", default=dict, blank=True)
    lock_version = models.PositiveIntegerField("版本号", default=0)

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        verbose_name = "业务流程实例"
        verbose_name_plural = "业务流程实例"
        ordering = ["-started_at", "-id"]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="workflow_instance_object"),
            models.Index(fields=["state", "region_code"], name="workflow_instance_state"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.name}"

    def get_absolute_url(self) -> str:
        """The monitoring page of the instance."""
        return reverse("workflow:instance_detail", args=[self.pk])

    @property
    def is_running(self) -> bool:
        """True while the instance has not ended."""
        return self.state == InstanceState.RUNNING

    @property
    def elapsed(self) -> timedelta:
        """Time from start to finish (or to now while running)."""
        return (self.finished_at or timezone.now()) - self.started_at


class NodeInstance(models.Model):
    """业务节点实例 (A.3.7): one visit of a node by an instance (a returned node is visited again)."""

    instance = models.ForeignKey(ProcessInstance, verbose_name="流程实例编号", on_delete=models.CASCADE, related_name="node_instances")
    number = models.CharField("节点实例编号", max_length=48, unique=True)
    previous = models.ForeignKey(
        "self", verbose_name="前一节点实例编号", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    node = models.ForeignKey("workflow.NodeTemplate", verbose_name="节点模板编号", on_delete=models.PROTECT, related_name="+")
    name = models.CharField("实例名称", max_length=100)
    node_type = models.CharField("实例类型", max_length=16, choices=NodeType.choices)
    extra = models.JSONField("扩展属性", default=dict, blank=True)
    state = models.CharField("当前状态", max_length=16, choices=NodeInstanceState.choices, default=NodeInstanceState.ACTIVE)
    created_at = models.DateTimeField("创建时间", default=timezone.now)
    finished_at = models.DateTimeField("完成时间", null=True, blank=True)
    precondition = models.TextField("前置条件", blank=True)
    postcondition = models.TextField("后置条件", blank=True)
    priority = models.PositiveSmallIntegerField("优先级", choices=Priority.choices, default=Priority.NORMAL)
    description = models.TextField("描述", blank=True)

    region_code = models.CharField("行政区划代码", max_length=12, db_index=True)
    via_transition = models.ForeignKey(
        "workflow.Transition", verbose_name="经由关联", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    deadline = models.DateTimeField("办理期限", null=True, blank=True)
    decision = models.CharField("办理决定", max_length=16, choices=Decision.choices, blank=True)
    sequence = models.PositiveIntegerField("序号", default=1)

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        verbose_name = "业务节点实例"
        verbose_name_plural = "业务节点实例"
        ordering = ["instance", "sequence"]
        indexes = [models.Index(fields=["state", "finished_at"], name="workflow_nodeinst_state")]

    def __str__(self) -> str:
        return f"{self.instance.number} · {self.name}"

    def get_absolute_url(self) -> str:
        """The instance page (node instances have no page of their own)."""
        return reverse("workflow:instance_detail", args=[self.instance_id])

    @property
    def duration(self) -> timedelta | None:
        """How long the node took (None while active)."""
        return self.finished_at - self.created_at if self.finished_at else None


class TaskQuerySet(RegionScopedQuerySet):
    """Tasks with the inbox filters."""

    def open(self) -> TaskQuerySet:
        """Tasks still waiting for a handler."""
        return self.filter(state__in=OPEN_TASK_STATES)

    def overdue(self, now: datetime | None = None) -> TaskQuerySet:
        """Open tasks past their deadline."""
        return self.open().filter(deadline__lt=now or timezone.now())


class Task(models.Model):
    """待办 (16.1.4 任务机制): the work one node instance asks of its candidate roles in a region.

    `roles` holds the candidate role codes as ",a,b," so a LIKE filter finds them on every
    database. A task node has one task; a countersign node one task per participant role, all
    of which must be completed. `lock_version` is compared-and-set on every state change.
    """

    node_instance = models.ForeignKey(NodeInstance, verbose_name="节点实例", on_delete=models.CASCADE, related_name="tasks")
    instance = models.ForeignKey(ProcessInstance, verbose_name="流程实例", on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField("待办事项", max_length=200)
    region_code = models.CharField("行政区划代码", max_length=12, db_index=True)
    roles = models.CharField("候选角色", max_length=200, blank=True)
    level = models.CharField("办理层级", max_length=16, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="办理人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField("状态", max_length=16, choices=TaskState.choices, default=TaskState.OPEN)
    created_at = models.DateTimeField("创建时间", default=timezone.now)
    claimed_at = models.DateTimeField("认领时间", null=True, blank=True)
    deadline = models.DateTimeField("办理期限", null=True, blank=True)
    completed_at = models.DateTimeField("办理时间", null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="实际办理人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField("办理动作", max_length=16, choices=TaskActionKind.choices, blank=True)
    decision = models.CharField("办理决定", max_length=16, choices=Decision.choices, blank=True)
    opinion = models.TextField("审核意见", blank=True)
    form_data = models.JSONField("表单数据", default=dict, blank=True)
    overdue_notified_at = models.DateTimeField("超期提醒时间", null=True, blank=True)
    lock_version = models.PositiveIntegerField("版本号", default=0)

    objects = TaskQuerySet.as_manager()

    class Meta:
        verbose_name = "待办"
        verbose_name_plural = "待办"
        ordering = ["deadline", "created_at", "id"]
        indexes = [
            models.Index(fields=["state", "region_code"], name="workflow_task_state_region"),
            models.Index(fields=["assignee", "state"], name="workflow_task_assignee"),
            models.Index(fields=["completed_by", "completed_at"], name="workflow_task_completed"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        """The page where the task is handled."""
        return reverse("workflow:task_detail", args=[self.pk])

    @property
    def role_list(self) -> list[str]:
        """The candidate role codes."""
        return [code for code in self.roles.split(",") if code]

    @property
    def is_open(self) -> bool:
        """True while the task waits for a handler."""
        return self.state in OPEN_TASK_STATES

    @property
    def is_overdue(self) -> bool:
        """Open and past its deadline, or completed after it."""
        if self.deadline is None:
            return False
        if self.is_open:
            return self.deadline < timezone.now()
        return bool(self.completed_at and self.completed_at > self.deadline)


class TaskAction(models.Model):
    """办理记录: who did what to an instance, when, with which opinion (the history of 16.1.4)."""

    instance = models.ForeignKey(ProcessInstance, verbose_name="流程实例", on_delete=models.CASCADE, related_name="actions")
    node_instance = models.ForeignKey(
        NodeInstance, verbose_name="节点实例", null=True, blank=True, on_delete=models.CASCADE, related_name="actions"
    )
    task = models.ForeignKey(Task, verbose_name="待办", null=True, blank=True, on_delete=models.CASCADE, related_name="actions")
    kind = models.CharField("动作", max_length=16, choices=TaskActionKind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="办理人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField("时间", default=timezone.now)
    decision = models.CharField("办理决定", max_length=16, choices=Decision.choices, blank=True)
    opinion = models.TextField("审核意见", blank=True)
    detail = models.JSONField("详情", default=dict, blank=True)

    class Meta:
        verbose_name = "办理记录"
        verbose_name_plural = "办理记录"
        ordering = ["instance", "at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d %H:%M}"


class Notification(models.Model):
    """通知: a message to one user (overdue reminders, returns), shown on the workbench."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="接收人", on_delete=models.CASCADE, related_name="+")
    title = models.CharField("标题", max_length=200)
    body = models.TextField("内容", blank=True)
    link = models.CharField("链接", max_length=300, blank=True)
    level = models.CharField("级别", max_length=16, default="info")
    created_at = models.DateTimeField("时间", default=timezone.now)
    read_at = models.DateTimeField("已读时间", null=True, blank=True)
    dedup_key = models.CharField("去重键", max_length=100, blank=True)

    class Meta:
        verbose_name = "通知"
        verbose_name_plural = "通知"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "dedup_key"], condition=~models.Q(dedup_key=""), name="workflow_notification_dedup"
            )
        ]

    def __str__(self) -> str:
        return self.title
