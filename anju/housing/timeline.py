"""一房一档: the registry from which apps contribute events to a unit's file (timeline).

The housing app contributes the project, building, handover, state changes and archive files;
later apps (allocation, distribution, tenancy …) register their own providers from their
`AppConfig.ready()` without housing importing them:

    from anju.housing.timeline import UnitEvent, register_unit_events

    def my_events(unit, user):
        return [UnitEvent(when=contract.signed_at, title="签订配租合同", source="配给管理", url=...)]

    register_unit_events("配租合同", my_events)

A provider returns only real records (no placeholders). One that raises is logged and named
on the page as unavailable; it never breaks the file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils import timezone

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class UnitEvent:
    """One entry of a unit's file: when, what, where to read more."""

    when: datetime | date
    title: str
    source: str = ""
    detail: str = ""
    url: str = ""
    icon: str = "circle"

    @property
    def moment(self) -> datetime:
        """`when` as an aware datetime (a date counts as the start of its day), for ordering."""
        value = self.when
        if not isinstance(value, datetime):
            value = datetime.combine(value, time.min)
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        return value

    @property
    def is_date_only(self) -> bool:
        """True when the source records only a date."""
        return not isinstance(self.when, datetime)


@dataclass(frozen=True)
class UnitEventProvider:
    """A registered source of unit events."""

    label: str
    func: Callable[[Any, Any], Iterable[UnitEvent]]


@dataclass
class UnitTimeline:
    """A unit's events, oldest first, and the providers that failed."""

    events: list[UnitEvent] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


_REGISTRY: list[UnitEventProvider] = []


def url_or_blank(name: str, *args: Any) -> str:
    """The address of a page, or "" while that page is not wired (the entry then shows plain text)."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


def register_unit_events(label: str, func: Callable[[Any, Any], Iterable[UnitEvent]]) -> None:
    """Register `func(unit, user) -> iterable of UnitEvent`; the same label twice replaces the first."""
    unregister_unit_events(label)
    _REGISTRY.append(UnitEventProvider(label=label, func=func))


def unregister_unit_events(label: str) -> None:
    """Remove a provider (tests, or an app switching one off)."""
    _REGISTRY[:] = [p for p in _REGISTRY if p.label != label]


def unit_event_providers() -> list[UnitEventProvider]:
    """The registered providers in registration order."""
    return list(_REGISTRY)


def unit_timeline_collect(*, unit: Any, user: Any) -> UnitTimeline:
    """Every provider's events for one unit, oldest first (stable for equal times)."""
    timeline = UnitTimeline()
    for provider in _REGISTRY:
        timeline.sources.append(provider.label)
        try:
            events = list(provider.func(unit, user))
        except Exception:
            logger.exception("unit timeline provider %s failed", provider.label)
            timeline.failed.append(provider.label)
            continue
        timeline.events.extend(events)
    timeline.events.sort(key=lambda event: event.moment)
    return timeline
