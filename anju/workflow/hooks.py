"""The hook registry: the app that owns a business record makes its status follow the process.

The owning app registers, per template code (usually from its AppConfig.ready()):

    from anju.workflow.hooks import register_hooks

    register_hooks("public_rental_admission",
                   on_node_entered=lambda instance, node: ...,   # node: NodeTemplate
                   on_completed=lambda instance, outcome: ...)   # outcome: Outcome value

Hooks run inside the workflow transaction: if a hook raises, the step is rolled back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

NodeHook = Callable[[Any, Any], None]
CompletedHook = Callable[[Any, str], None]


@dataclass(frozen=True)
class TemplateHooks:
    """The callbacks of one template code."""

    on_node_entered: NodeHook | None = None
    on_completed: CompletedHook | None = None


_REGISTRY: dict[str, TemplateHooks] = {}


def register_hooks(template_code: str, *, on_node_entered: NodeHook | None = None, on_completed: CompletedHook | None = None) -> None:
    """Register (or replace) the callbacks of one template code."""
    _REGISTRY[template_code] = TemplateHooks(on_node_entered=on_node_entered, on_completed=on_completed)


def unregister_hooks(template_code: str) -> None:
    """Remove the callbacks of a template code (tests, switched-off apps)."""
    _REGISTRY.pop(template_code, None)


def hooks_for(template_code: str) -> TemplateHooks:
    """The callbacks of a template code (empty when none are registered)."""
    return _REGISTRY.get(template_code, TemplateHooks())


def fire_node_entered(instance: Any, node: Any) -> None:
    """Call the template's on_node_entered, if any."""
    hook = hooks_for(instance.template.code).on_node_entered
    if hook is not None:
        hook(instance, node)


def fire_completed(instance: Any, outcome: str) -> None:
    """Call the template's on_completed, if any."""
    hook = hooks_for(instance.template.code).on_completed
    if hook is not None:
        hook(instance, outcome)
