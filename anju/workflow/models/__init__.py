"""Workflow models: definitions (A.3.2-A.3.5) and runtime (A.3.6, A.3.7)."""

from anju.workflow.models.definitions import Holiday, NodeTemplate, Participant, ProcessTemplate, Transition
from anju.workflow.models.runtime import NodeInstance, Notification, ProcessInstance, Task, TaskAction

__all__ = [
    "Holiday",
    "NodeInstance",
    "NodeTemplate",
    "Notification",
    "Participant",
    "ProcessInstance",
    "ProcessTemplate",
    "Task",
    "TaskAction",
    "Transition",
]
