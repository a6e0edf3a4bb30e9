"""影响评估: compare a (draft) version with the enabled version of its rule set over registered households."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from anju.core.scoping import significant_prefix
from anju.rules.services.evaluation import evaluate_version_batch
from anju.rules.services.facts import today


def registered_households(*, user: Any, region_code: str) -> Any:
    """Applications submitted or later (not drafts, not deleted) within the rule set's region and the user's view."""
    from anju.admission.models import Application

    return (
        Application.objects.visible_to(user)
        .filter(region_code__startswith=significant_prefix(region_code), is_deleted=False)
        .exclude(status="draft")
    )


def whatif_compare(*, version: Any, user: Any, as_of: Any = None) -> dict[str, Any]:
    """Counts admitted / dropped / unchanged when `version` replaces the enabled version (two set-wise queries)."""
    as_of = as_of or today()
    baseline = version.rule_set.enabled_version
    if baseline is None:
        raise ValidationError("该规则没有已启用的版本，无法比较。")
    queryset = registered_households(user=user, region_code=version.rule_set.region_code)
    before = evaluate_version_batch(queryset=queryset, version=baseline, as_of=as_of)
    after = evaluate_version_batch(queryset=queryset, version=version, as_of=as_of)
    admitted = [pk for pk, ok in after.items() if ok and not before.get(pk)]
    dropped = [pk for pk, ok in after.items() if not ok and before.get(pk)]
    return {
        "baseline": baseline,
        "as_of": as_of,
        "total": len(after),
        "eligible_before": sum(before.values()),
        "eligible_after": sum(after.values()),
        "admitted": len(admitted),
        "dropped": len(dropped),
        "unchanged": len(after) - len(admitted) - len(dropped),
        "admitted_sample": admitted[:20],
        "dropped_sample": dropped[:20],
    }
