"""Reads of the rules app: rules are read by every staff user within jurisdiction; writes are the city's."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from anju.core.scoping import jurisdiction_prefix
from anju.core.selectors import dictionary_label

STAFF_ROLES = ("community_clerk", "street_reviewer", "district_officer", "city_officer", "operator", "auditor")


def dictionary_name(dictionary: str, code: str) -> str:
    """Chinese name of a code of a code table."""
    return dictionary_label(dictionary, code)


def _reader_prefix(user: Any) -> str | None:
    """The jurisdiction prefix of a staff user, None when the user may read no rules."""
    if not getattr(user, "is_authenticated", False) or not user.has_role(*STAFF_ROLES):
        return None
    return jurisdiction_prefix(user)


def _rules_scope(user: Any, field: str) -> Q | None:
    """Rules of the user's region, of its ancestors (city rules apply in a district) and of its subtree."""
    prefix = _reader_prefix(user)
    if prefix is None:
        return None
    if prefix == "":
        return Q()
    ancestors = [prefix[:n].ljust(12, "0") for n in (2, 4, 6, 9) if n <= len(prefix)]
    return Q(**{f"{field}__startswith": prefix}) | Q(**{f"{field}__in": ancestors})


def _scoped(queryset: QuerySet, user: Any, field: str) -> QuerySet:
    scope = _rules_scope(user, field)
    return queryset.none() if scope is None else queryset.filter(scope)


def program_list(*, user: Any) -> QuerySet:
    """Programs visible to the user."""
    from anju.rules.models import Program

    return _scoped(Program.objects.all(), user, "region_code")


def mode_list(*, user: Any) -> QuerySet:
    """Modes of the visible programs."""
    from anju.rules.models import Mode

    return _scoped(Mode.objects.select_related("program"), user, "program__region_code")


def rule_set_list(*, user: Any) -> QuerySet:
    """Rule sets visible to the user."""
    from anju.rules.models import RuleSet

    return _scoped(RuleSet.objects.select_related("mode__program"), user, "region_code")


def version_list(*, user: Any) -> QuerySet:
    """Rule-set versions visible to the user."""
    from anju.rules.models import RuleSetVersion

    return _scoped(RuleSetVersion.objects.select_related("rule_set__mode__program"), user, "rule_set__region_code")


def version_get(*, user: Any, pk: int) -> Any:
    """One visible version, else 404."""
    try:
        return version_list(user=user).get(pk=pk)
    except Exception as exc:
        raise Http404("规则版本不存在或不在您的管辖范围内。") from exc


def parameter_list(*, user: Any) -> QuerySet:
    """Named parameters visible to the user."""
    from anju.rules.models import RuleParameter

    return _scoped(RuleParameter.objects.all(), user, "region_code")


def exchange_record_list(*, user: Any) -> QuerySet:
    """A.1.12 exchange records visible to the user."""
    from anju.rules.models import RuleExchangeRecord

    return _scoped(RuleExchangeRecord.objects.select_related("version"), user, "region_code")


def decision_list(*, user: Any, application: Any) -> QuerySet:
    """Eligibility decisions of an application (the caller has checked the application is visible)."""
    from anju.rules.models import EligibilityDecision

    if _reader_prefix(user) is None:
        return EligibilityDecision.objects.none()
    return EligibilityDecision.objects.filter(application=application).select_related("rule_set_version__rule_set")


def support_program_list(*, user: Any) -> QuerySet:
    """支持项目 (A.1.8) visible to the user."""
    from anju.rules.models import SupportProgram

    return _scoped(SupportProgram.objects.all(), user, "region_code")


def support_mode_list(*, user: Any) -> QuerySet:
    """支持方式 (A.1.9) of the visible support programs."""
    from anju.rules.models import SupportMode

    return _scoped(SupportMode.objects.select_related("program"), user, "program__region_code")
