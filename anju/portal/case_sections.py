"""The applicant's case page: the registry from which apps add sections (配租结果, 轮候, 合同, 租金 …).

The portal shows the progress of the admission process itself. Later apps register a section
from their ``AppConfig.ready()`` without the portal importing them:

    from anju.portal.case_sections import CaseLink, CaseSection, register_case_section

    def queue_section(application, user):
        position = QueuePosition.objects.filter(application=application).first()
        if position is None:
            return None                      # nothing to show yet: the section is left out
        return CaseSection(
            title="轮候排序",
            rows=[("轮候序号", str(position.number)), ("排序依据", position.explanation)],
            links=[CaseLink("查看轮候名单", reverse("portal:publicity"))],
        )

    register_case_section("轮候排序", queue_section)

``fn(application, user)`` gets the applicant's own ``admission.Application`` (ownership is
checked by the portal before) and the signed-in applicant; it returns a ``CaseSection`` or None.
A section that raises is logged and named on the page as temporarily unavailable; it never breaks
the page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CaseLink:
    """A link shown under a section (a page, or a file to download)."""

    label: str
    url: str
    download: bool = False


@dataclass(frozen=True)
class CaseSection:
    """A small block of the case page: a title, label/value rows and links."""

    title: str
    rows: list[tuple[str, str]] = field(default_factory=list)
    links: list[CaseLink] = field(default_factory=list)
    note: str = ""


@dataclass(frozen=True)
class CaseSectionProvider:
    """A registered source of one section."""

    name: str
    func: Callable[[Any, Any], CaseSection | None]


@dataclass
class CaseSections:
    """The sections of one case, in registration order, and the providers that failed."""

    sections: list[CaseSection] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


_REGISTRY: list[CaseSectionProvider] = []


def register_case_section(name: str, fn: Callable[[Any, Any], CaseSection | None]) -> None:
    """Register ``fn(application, user) -> CaseSection | None``; the same name twice replaces the first."""
    unregister_case_section(name)
    _REGISTRY.append(CaseSectionProvider(name=name, func=fn))


def unregister_case_section(name: str) -> None:
    """Remove a provider (tests, or an app switching one off)."""
    _REGISTRY[:] = [p for p in _REGISTRY if p.name != name]


def case_section_providers() -> list[CaseSectionProvider]:
    """The registered providers in registration order."""
    return list(_REGISTRY)


def case_sections_collect(*, application: Any, user: Any) -> CaseSections:
    """Every provider's section for one application (None results left out)."""
    result = CaseSections()
    for provider in _REGISTRY:
        try:
            section = provider.func(application, user)
        except Exception:
            logger.exception("portal case section %s failed", provider.name)
            result.failed.append(provider.name)
            continue
        if section is not None:
            result.sections.append(section)
    return result
