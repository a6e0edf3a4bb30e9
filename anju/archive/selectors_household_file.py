"""一户一档: one household (its application) with its members and the timeline of every app."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from anju.archive.household_file import HouseholdTimeline, household_timeline_collect


@dataclass
class HouseholdMemberRow:
    """A member as the file shows it: never a full ID number or phone number."""

    sequence: int
    name: str
    relation: str
    id_number_masked: str
    is_applicant: bool


@dataclass
class HouseholdFile:
    """The application, its register entry (if registered), members and timeline (oldest first)."""

    application: Any
    register_entry: Any
    members: list[HouseholdMemberRow] = field(default_factory=list)
    timeline: HouseholdTimeline = field(default_factory=HouseholdTimeline)


def household_file_get(*, user: Any, application_id: Any) -> HouseholdFile:
    """The file of an application visible to the user (404 outside the jurisdiction, deleted ones included)."""
    from anju.admission.selectors import household_get
    from anju.core.selectors import dictionary_label

    try:
        pk = int(application_id)
    except (TypeError, ValueError):
        pk = 0
    application = household_get(user=user, pk=pk, deleted=None)
    register_entry = getattr(application, "register_entry", None)  # a missing one-to-one raises AttributeError
    members = [
        HouseholdMemberRow(
            sequence=member.sequence,
            name=member.name,
            relation=dictionary_label("family_relation", member.relation),
            id_number_masked=member.id_number_masked,
            is_applicant=member.is_applicant,
        )
        for member in sorted(application.members.all(), key=lambda m: (m.sequence, m.pk))
    ]
    return HouseholdFile(
        application=application,
        register_entry=register_entry,
        members=members,
        timeline=household_timeline_collect(application=application, user=user),
    )
