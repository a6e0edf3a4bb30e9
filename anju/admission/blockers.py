"""Application blockers: other apps refuse an application for a household without admission importing them.

A blocker receives the blind indexes (HMAC-SM3) of the ID numbers of the people in an application and
returns Chinese reasons why they may not apply now (empty list: no objection). The supervision app
registers the credit ban (失信惩戒) from its `AppConfig.ready()`:

    from anju.admission.blockers import register_application_blocker

    register_application_blocker("credit_ban", credit_ban_reasons)

Admission calls `application_blocker_reasons` wherever it runs the double-benefit check.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

ApplicationBlocker = Callable[[list[str]], list[str]]

_BLOCKERS: dict[str, ApplicationBlocker] = {}


def register_application_blocker(name: str, blocker: ApplicationBlocker) -> None:
    """Register (or replace) the blocker of this name."""
    _BLOCKERS[name] = blocker


def unregister_application_blocker(name: str) -> None:
    """Remove a blocker (tests)."""
    _BLOCKERS.pop(name, None)


def application_blocker_reasons(id_number_indexes: Iterable[str]) -> list[str]:
    """Every registered blocker's reasons for these people, in registration order."""
    indexes = sorted({i for i in id_number_indexes if i})
    if not indexes:
        return []
    reasons: list[str] = []
    for blocker in _BLOCKERS.values():
        reasons.extend(blocker(indexes))
    return reasons
