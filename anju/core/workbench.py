"""The workbench (工作台) registry: apps contribute 待办 / 已办 / 通知 without core importing them.

An app registers providers from its `AppConfig.ready()`:

    from anju.core.workbench import WorkItemView, register_provider

    def my_tasks(user):
        return [WorkItemView(title="审核申请 AJ2026…", url=..., deadline=..., source="准入登记")]

    register_provider("todo", "流程待办", my_tasks)

Core ships no provider, so the workbench shows an honest empty state until an app adds one.
A provider that raises is logged and reported on the page; it never breaks the workbench.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.utils import timezone

logger = logging.getLogger(__name__)

KINDS: dict[str, str] = {"todo": "待办", "done": "已办", "notice": "通知"}
MAX_ITEMS_PER_PROVIDER = 50


@dataclass(frozen=True)
class WorkItemView:
    """One line of the workbench: what to do (or what was done / announced), where, by when."""

    title: str
    url: str = ""
    source: str = ""
    created_at: datetime | None = None
    deadline: datetime | None = None
    detail: str = ""
    level: str = "info"  # info / warning / danger: colours the badge of a notice

    @property
    def is_overdue(self) -> bool:
        """True when a deadline has passed."""
        return self.deadline is not None and self.deadline < timezone.now()


@dataclass(frozen=True)
class Provider:
    """A registered source of work items of one kind."""

    kind: str
    label: str
    func: Callable[[Any], list[WorkItemView]]


@dataclass
class WorkbenchSection:
    """The items of one tab as collected for one user."""

    kind: str
    label: str
    items: list[WorkItemView] = field(default_factory=list)
    providers: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        """How many items the tab holds."""
        return len(self.items)

    @property
    def overdue_count(self) -> int:
        """How many items are past their deadline."""
        return sum(1 for item in self.items if item.is_overdue)


_REGISTRY: list[Provider] = []


def register_provider(kind: str, label: str, func: Callable[[Any], list[WorkItemView]]) -> None:
    """Register `func(user) -> list[WorkItemView]` under a tab ("todo", "done" or "notice").

    Registering the same (kind, label) twice replaces the earlier provider, so a reloaded
    AppConfig.ready() never duplicates a tab's items.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown workbench kind {kind!r}; use one of {sorted(KINDS)}")
    unregister_provider(kind, label)
    _REGISTRY.append(Provider(kind=kind, label=label, func=func))


def unregister_provider(kind: str, label: str) -> None:
    """Remove a provider (used by tests and by apps that switch one off)."""
    _REGISTRY[:] = [p for p in _REGISTRY if not (p.kind == kind and p.label == label)]


def providers(kind: str | None = None) -> list[Provider]:
    """The registered providers, optionally of one kind."""
    return [p for p in _REGISTRY if kind is None or p.kind == kind]


def _sort_key(kind: str) -> Callable[[WorkItemView], tuple]:
    """待办 by deadline (items without one last); 已办 and 通知 newest first."""

    def key(item: WorkItemView) -> tuple:
        created = -item.created_at.timestamp() if item.created_at else 0.0
        if kind == "todo":
            deadline = item.deadline.timestamp() if item.deadline else float("inf")
            return (deadline, created)
        return (created,)

    return key


def collect(user: Any) -> list[WorkbenchSection]:
    """The three tabs for one user, each with the items of every provider of its kind."""
    sections = []
    for kind, label in KINDS.items():
        section = WorkbenchSection(kind=kind, label=label)
        for provider in providers(kind):
            section.providers.append(provider.label)
            try:
                items = list(provider.func(user))[:MAX_ITEMS_PER_PROVIDER]
            except Exception:
                logger.exception("workbench provider %s (%s) failed", provider.label, kind)
                section.failed.append(provider.label)
                continue
            section.items.extend(items)
        section.items.sort(key=_sort_key(kind))
        sections.append(section)
    return sections


__all__ = ["KINDS", "WorkItemView", "WorkbenchSection", "collect", "providers", "register_provider", "unregister_provider"]
