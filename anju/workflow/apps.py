"""App configuration for anju.workflow."""

from django.apps import AppConfig


class WorkflowConfig(AppConfig):
    """工作流: process templates, instances, tasks (CJJ/T 196 6.2.2, 6.2.3, 16.1.4)."""

    name = "anju.workflow"
    label = "workflow"
    verbose_name = "工作流"

    def ready(self) -> None:
        """Register the workbench providers (待办 / 已办 / 通知) and the change-log tracking."""
        from anju.core.workbench import register_provider
        from anju.workflow import selectors

        register_provider("todo", "流程待办", selectors.workbench_todo)
        register_provider("done", "流程已办", selectors.workbench_done)
        register_provider("notice", "流程通知", selectors.workbench_notices)
        try:
            from anju.audit.registry import track
        except ImportError:  # the audit app is optional in a stripped deployment
            return
        for name in ("ProcessTemplate", "NodeTemplate", "Participant", "Transition"):
            track(self.get_model(name))
