"""Error codes and domain errors of the workflow module (messages are Chinese and shown as is)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models


class WorkflowErrorCode(models.TextChoices):
    """Why a workflow operation was refused (stable codes for API clients)."""

    DEFINITION_INVALID = "workflow_definition_invalid", "流程定义无效"
    TEMPLATE_FROZEN = "workflow_template_frozen", "已有流程实例的模板版本不能修改"
    TEMPLATE_INACTIVE = "workflow_template_inactive", "流程模板未激活"
    IMPORT_INVALID = "workflow_import_invalid", "导入文件无效"
    CONDITION_INVALID = "workflow_condition_invalid", "条件表达式无效"
    PRECONDITION_FAILED = "workflow_precondition_failed", "不满足前置条件"
    POSTCONDITION_FAILED = "workflow_postcondition_failed", "不满足后置条件"
    NO_ROUTE = "workflow_no_route", "没有满足条件的后续节点"
    ALREADY_RUNNING = "workflow_already_running", "该业务记录已有办理中的流程"
    INSTANCE_NOT_RUNNING = "workflow_instance_not_running", "流程已结束"
    TASK_ALREADY_HANDLED = "workflow_task_already_handled", "该待办已被办理"
    TASK_CLAIMED_BY_OTHER = "workflow_task_claimed_by_other", "该待办已由他人认领"
    NOT_CANDIDATE = "workflow_not_candidate", "您不是该待办的办理人"
    RETURN_TARGET_INVALID = "workflow_return_target_invalid", "退回节点无效"
    TRANSFER_TARGET_INVALID = "workflow_transfer_target_invalid", "转办对象无效"
    OPINION_REQUIRED = "workflow_opinion_required", "须填写审核意见"
    REQUIRED_NODE_SKIPPED = "workflow_required_node_skipped", "未经过必经节点"
    NO_REGION = "workflow_no_region", "业务记录没有行政区划代码"


class WorkflowError(ValidationError):
    """A refused workflow operation: a Chinese message and a `WorkflowErrorCode`."""

    def __init__(self, message: str, code: str = WorkflowErrorCode.DEFINITION_INVALID, params: dict | None = None) -> None:
        super().__init__(message, code=str(code), params=params)
        self.error_code = str(code)

    @property
    def text(self) -> str:
        """The message as one sentence."""
        return "；".join(self.messages)


class TaskConflictError(WorkflowError):
    """Someone else handled (or claimed) the task first; the message names them."""

    def __init__(self, message: str, code: str = WorkflowErrorCode.TASK_ALREADY_HANDLED) -> None:
        super().__init__(message, code=code)


__all__ = ["TaskConflictError", "WorkflowError", "WorkflowErrorCode"]
