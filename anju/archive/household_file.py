"""一户一档: the registry from which apps contribute events to a household's file (timeline).

The counterpart of 一房一档 (`anju.housing.timeline`). A household's file is keyed by its
application (`admission.Application`). The archive app registers the admission, workflow, rules
and e-archive providers and, from `ArchiveConfig.ready()`, the providers of allocation,
distribution and supervision (`anju/<app>/household_events.py`) when those apps are installed.
Another app may register its own:

    from anju.archive.household_file import HouseholdEvent, register_household_events

    def my_events(application, user):
        return [HouseholdEvent(when=record.created_at, title="……", source="……", url=...)]

    register_household_events("……", my_events)

A provider returns only real records (no placeholders) and never shows a full ID number. One
that raises is logged and named on the page as unavailable; it never breaks the file.
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
class HouseholdEvent:
    """One entry of a household's file: when, what, where to read more."""

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
    def sort_key(self) -> tuple[date, int, time]:
        """Local day first; on one day, timed events before those that record only the day (which happened by its end)."""
        local = timezone.localtime(self.moment)
        return (local.date(), 1 if self.is_date_only else 0, local.time())

    @property
    def is_date_only(self) -> bool:
        """True when the source records only a date."""
        return not isinstance(self.when, datetime)


@dataclass(frozen=True)
class HouseholdEventProvider:
    """A registered source of household events."""

    label: str
    func: Callable[[Any, Any], Iterable[HouseholdEvent]]


@dataclass
class HouseholdTimeline:
    """A household's events, oldest first, and the providers that failed."""

    events: list[HouseholdEvent] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


_REGISTRY: list[HouseholdEventProvider] = []


def url_or_blank(name: str, *args: Any) -> str:
    """The address of a page, or "" while that page is not wired (the entry then shows plain text)."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


def register_household_events(label: str, func: Callable[[Any, Any], Iterable[HouseholdEvent]]) -> None:
    """Register `func(application, user) -> iterable of HouseholdEvent`; the same label twice replaces the first."""
    unregister_household_events(label)
    _REGISTRY.append(HouseholdEventProvider(label=label, func=func))


def unregister_household_events(label: str) -> None:
    """Remove a provider (tests, or an app switching one off)."""
    _REGISTRY[:] = [p for p in _REGISTRY if p.label != label]


def household_event_providers() -> list[HouseholdEventProvider]:
    """The registered providers in registration order."""
    return list(_REGISTRY)


def household_timeline_collect(*, application: Any, user: Any) -> HouseholdTimeline:
    """Every provider's events for one household, oldest first (stable for equal times; see `sort_key`)."""
    timeline = HouseholdTimeline()
    for provider in list(_REGISTRY):
        timeline.sources.append(provider.label)
        try:
            events = list(provider.func(application, user))
        except Exception:
            logger.exception("household timeline provider %s failed", provider.label)
            timeline.failed.append(provider.label)
            continue
        timeline.events.extend(events)
    timeline.events.sort(key=lambda event: event.sort_key)
    return timeline
