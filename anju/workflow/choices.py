"""Enumerations of the workflow module (A.3.2-A.3.7)."""

from django.db import models


class NodeType(models.TextChoices):
    """节点类型 (A.3.3)."""

    START = "start", "开始"
    TASK = "task", "人工办理"
    COUNTERSIGN = "countersign", "会签"
    AUTOMATIC = "automatic", "自动"
    END = "end", "结束"


class RegionLevelRequirement(models.TextChoices):
    """The administrative level a node's handlers work at (blank: any level)."""

    COMMUNITY = "community", "社区"
    STREET = "street", "街道"
    COUNTY = "county", "区县"
    CITY = "city", "市"


# core.Region.level of each requirement (1 province, 2 city, 3 county, 4 street, 5 community).
LEVEL_NUMBER = {
    RegionLevelRequirement.CITY: 2,
    RegionLevelRequirement.COUNTY: 3,
    RegionLevelRequirement.STREET: 4,
    RegionLevelRequirement.COMMUNITY: 5,
}


class DeadlineUnit(models.TextChoices):
    """办理时限的单位."""

    WORKING_DAYS = "working_days", "工作日"
    HOURS = "hours", "小时"


class ParticipantType(models.TextChoices):
    """参与者角色类型 (A.3.4)."""

    ROLE = "role", "按系统角色"
    INITIATOR = "initiator", "流程发起人"


class ProcessType(models.TextChoices):
    """流程类型 (A.3.6)."""

    STANDARD = "standard", "常规流程"
    URGENT = "urgent", "加急流程"


class Priority(models.IntegerChoices):
    """优先级 of an instance or node instance."""

    LOW = 1, "低"
    NORMAL = 2, "普通"
    HIGH = 3, "高"


class InstanceState(models.TextChoices):
    """当前状态 of a process instance (A.3.6)."""

    RUNNING = "running", "办理中"
    COMPLETED = "completed", "已办结"
    REJECTED = "rejected", "已驳回"
    CANCELLED = "cancelled", "已撤销"


class NodeInstanceState(models.TextChoices):
    """当前状态 of a node instance (A.3.7)."""

    ACTIVE = "active", "办理中"
    COMPLETED = "completed", "已完成"
    RETURNED = "returned", "已退回"
    REJECTED = "rejected", "已驳回"
    CANCELLED = "cancelled", "已取消"


class TaskState(models.TextChoices):
    """待办状态."""

    OPEN = "open", "待认领"
    CLAIMED = "claimed", "办理中"
    COMPLETED = "completed", "已办理"
    CANCELLED = "cancelled", "已取消"


OPEN_TASK_STATES = (TaskState.OPEN, TaskState.CLAIMED)


class Decision(models.TextChoices):
    """The handler's decision when completing a task (available to conditions as `decision`)."""

    APPROVE = "approve", "同意"
    DENY = "deny", "不同意"


class TaskActionKind(models.TextChoices):
    """办理记录的动作."""

    START = "start", "发起"
    CLAIM = "claim", "认领"
    COMPLETE = "complete", "提交"
    RETURN = "return", "退回"
    REJECT = "reject", "驳回"
    TRANSFER = "transfer", "转办"
    AUTO = "auto", "自动流转"
    END = "end", "办结"


class Outcome(models.TextChoices):
    """How an instance ended (passed to the owning app's `on_completed` hook)."""

    APPROVED = "approved", "准予"
    DENIED = "denied", "不予"
    COMPLETED = "completed", "办结"
    REJECTED = "rejected", "驳回"
    CANCELLED = "cancelled", "撤销"
