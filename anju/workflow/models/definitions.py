"""Process definitions: templates, node templates, participants, transitions (A.3.2-A.3.5)."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils import timezone

from anju.accounts.roles import Role
from anju.workflow.choices import DeadlineUnit, NodeType, ParticipantType, RegionLevelRequirement


class ProcessTemplate(models.Model):
    """业务流程模板 (A.3.2): one version of a process; instances keep the version they started on.

    Versions of one process share `code`; at most one version per code is active. A version
    that has instances is frozen (edits go into a new version).
    """

    code = models.CharField("流程模板编号", max_length=64)
    name = models.CharField("流程名称", max_length=100)
    description = models.TextField("流程描述", blank=True)
    start_node = models.ForeignKey(
        "workflow.NodeTemplate", verbose_name="开始节点", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    category = models.CharField("业务分类", max_length=64, blank=True)
    defined_at = models.DateTimeField("定义时间", default=timezone.now)
    extra = models.JSONField("扩展属性", default=dict, blank=True)
    precondition = models.TextField("前置条件", blank=True, help_text="启动时对业务数据求值的条件表达式，留空为无条件")
    postcondition = models.TextField("后置条件", blank=True, help_text="到达结束节点时须成立的条件表达式，留空为无条件")
    version = models.PositiveIntegerField("流程模板版本", default=1)
    is_active = models.BooleanField("是否激活", default=False)
    defined_by = models.ForeignKey(
        "accounts.User", verbose_name="定义人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "业务流程模板"
        verbose_name_plural = "业务流程模板"
        ordering = ["code", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="workflow_template_code_version"),
            models.UniqueConstraint(
                fields=["code"], condition=models.Q(is_active=True), name="workflow_template_one_active_version"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}（V{self.version}）"

    def get_absolute_url(self) -> str:
        """The template's page (diagram, nodes, transitions)."""
        return reverse("workflow:template_detail", args=[self.pk])


class NodeTemplate(models.Model):
    """业务节点模板 (A.3.3): one step of a template, with its handlers' level and deadline."""

    code = models.CharField("节点模板编号", max_length=64)
    template = models.ForeignKey(
        ProcessTemplate, verbose_name="流程模板编号", on_delete=models.CASCADE, related_name="nodes"
    )
    name = models.CharField("节点名称", max_length=100)
    description = models.TextField("节点描述", blank=True)
    node_type = models.CharField("节点类型", max_length=16, choices=NodeType.choices)
    extra = models.JSONField("扩展属性", default=dict, blank=True)
    precondition = models.TextField("前置条件", blank=True, help_text="进入节点时须成立的条件表达式")
    postcondition = models.TextField("后置条件", blank=True, help_text="完成节点时须成立的条件表达式")
    category = models.CharField("业务分类", max_length=64, blank=True)
    template_version = models.PositiveIntegerField("流程版本", default=1)
    level = models.CharField(
        "办理层级", max_length=16, choices=RegionLevelRequirement.choices, blank=True, help_text="留空则任一层级均可办理"
    )
    deadline_amount = models.PositiveIntegerField("办理时限", default=0, help_text="0 表示不限")
    deadline_unit = models.CharField(
        "时限单位", max_length=16, choices=DeadlineUnit.choices, default=DeadlineUnit.WORKING_DAYS
    )
    is_required = models.BooleanField("必经节点", default=False, help_text="办结前必须经过（已完成）的节点")
    form_fields = models.JSONField(
        "办理表单/核查清单", default=list, blank=True, help_text='如 [{"name": "checked_income", "label": "已核查收入", "type": "checkbox"}]'
    )
    sort_order = models.PositiveIntegerField("排序", default=0)

    class Meta:
        verbose_name = "业务节点模板"
        verbose_name_plural = "业务节点模板"
        ordering = ["template", "sort_order", "id"]
        constraints = [models.UniqueConstraint(fields=["template", "code"], name="workflow_node_code_unique")]

    def __str__(self) -> str:
        return self.name

    @property
    def has_deadline(self) -> bool:
        """True when the node has a 办理时限."""
        return self.deadline_amount > 0

    @property
    def deadline_text(self) -> str:
        """办理时限 as read: "5 个工作日", "48 小时" or "不限"."""
        if not self.has_deadline:
            return "不限"
        return f"{self.deadline_amount} 个工作日" if self.deadline_unit == DeadlineUnit.WORKING_DAYS else f"{self.deadline_amount} 小时"


class Participant(models.Model):
    """节点参与者模板 (A.3.4): a role that handles a node, resolved in the business record's region."""

    node = models.ForeignKey(NodeTemplate, verbose_name="节点模板编号", on_delete=models.CASCADE, related_name="participants")
    role_code = models.CharField("参与者角色编号", max_length=32, choices=Role.choices, blank=True)
    role_type = models.CharField(
        "参与者角色类型", max_length=16, choices=ParticipantType.choices, default=ParticipantType.ROLE
    )

    class Meta:
        verbose_name = "节点参与者模板"
        verbose_name_plural = "节点参与者模板"
        ordering = ["node", "id"]
        constraints = [
            models.UniqueConstraint(fields=["node", "role_type", "role_code"], name="workflow_participant_unique")
        ]

    def __str__(self) -> str:
        if self.role_type == ParticipantType.INITIATOR:
            return ParticipantType.INITIATOR.label
        return self.get_role_code_display()


class Transition(models.Model):
    """节点关联模板 (A.3.5): an arrow between two nodes; the first true condition by priority wins."""

    code = models.CharField("节点关联编号", max_length=64)
    template = models.ForeignKey(
        ProcessTemplate, verbose_name="流程模板编号", on_delete=models.CASCADE, related_name="transitions"
    )
    source = models.ForeignKey(NodeTemplate, verbose_name="前导节点编号", on_delete=models.CASCADE, related_name="outgoing")
    target = models.ForeignKey(NodeTemplate, verbose_name="后继节点编号", on_delete=models.CASCADE, related_name="incoming")
    priority = models.IntegerField("优先级", default=10, help_text="数字小者优先")
    condition = models.TextField("条件", blank=True, help_text='如 decision == "approve" and member_count >= 2；留空为恒真')
    name = models.CharField("节点关联名称", max_length=100, blank=True)
    description = models.TextField("节点关联描述", blank=True)

    class Meta:
        verbose_name = "节点关联模板"
        verbose_name_plural = "节点关联模板"
        ordering = ["template", "source", "priority", "id"]
        constraints = [models.UniqueConstraint(fields=["template", "code"], name="workflow_transition_code_unique")]

    def __str__(self) -> str:
        return self.name or f"{self.source} → {self.target}"


class Holiday(models.Model):
    """法定节假日与调休: a date that is not a working day, or (is_workday) a weekend made one."""

    date = models.DateField("日期", unique=True)
    name = models.CharField("名称", max_length=50)
    is_workday = models.BooleanField("调休上班", default=False)

    class Meta:
        verbose_name = "节假日"
        verbose_name_plural = "节假日"
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.name}"
