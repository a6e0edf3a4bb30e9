"""Eligibility evaluation: one application with a Chinese explanation, or many set-wise.

Public API (used by the admission and annual-review code):

- `evaluate_application(*, application, mode=None, as_of=None, acting_user=None, record=True)`
  → `EligibilityDecision` (saved when record=True).
- `explain_text(decision)` → Chinese lines.
- `evaluate_batch(*, queryset, mode=None, as_of=None)` → {application_id: bool}, one SQL query.
- `verdict_queryset(*, queryset, mode=None, as_of=None)` → the same verdict as a lazy queryset of
  applications annotated `rules_ok` (compose it, or use it as the SELECT of an INSERT … SELECT).
- `evaluate_version_batch(*, queryset, version, as_of=None)` → the same for one version (what-if).
- `evaluate_facts(*, facts, rule_set, as_of=None)` → `Decision` for typed facts (试算).

`mode` is a `Mode` (only its rule set) or a 保障方式 code (every program offering that mode whose
region covers the application; eligible when any admits). Default: 公共租赁住房配租 (code 12).
Both paths read the same columns, resolve the same thresholds, and combine the same tree:
top-level conditions are joined by AND, a group by its 逻辑关系, disabled nodes are skipped.
"""

from __future__ import annotations

import datetime
import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.db.models import BooleanField, Case, Count, DecimalField, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Cast

from anju.core.scoping import significant_prefix
from anju.rules.choices import DEFAULT_MODE_CODE, ConditionKind, Logic, MemberQuantifier, Relation, VersionStatus
from anju.rules.errors import NoActiveRuleSetError, ParameterMissingError, RulesError
from anju.rules.factors import BOOL, CODE, MEMBER, NOT_EMPLOYED_CODES, Factor, code_name, factor_get
from anju.rules.services.facts import (
    household_facts,
    household_facts_queryset,
    per_application,
    queryset_column,
    today,
)

PYTHON_OPS: dict[str, Callable[[Any, Any], bool]] = {
    Relation.GT: operator.gt,
    Relation.GE: operator.ge,
    Relation.LT: operator.lt,
    Relation.LE: operator.le,
    Relation.EQ: operator.eq,
    Relation.NE: operator.ne,
}
LOOKUPS = {Relation.GT: "gt", Relation.GE: "gte", Relation.LT: "lt", Relation.LE: "lte", Relation.EQ: "exact"}
RELATION_TEXT = dict(Relation.choices)
TRUE_WORDS = frozenset({"true", "1", "是", "yes", "y"})
NUMBER_FIELD = DecimalField(max_digits=20, decimal_places=4)


@dataclass
class Threshold:
    """A resolved bound of a quantitative condition: relation, number, and how it was obtained."""

    relation: str
    value: Decimal
    text: str


@dataclass
class Node:
    """A condition with its resolved thresholds and enabled children."""

    condition: Any
    factor: Factor | None = None
    bounds: list[Threshold] = field(default_factory=list)
    expected: frozenset[str] | bool | None = None
    negate: bool = False
    children: list[Node] = field(default_factory=list)


@dataclass
class Decision:
    """The verdict of one rule-set version on one set of facts."""

    eligible: bool
    items: list[dict[str, Any]]
    facts: dict[str, Any]
    version: Any = None

    def text(self) -> list[str]:
        """Chinese lines of the explanation."""
        return [item["text"] for item in self.items]


# --- preparation: thresholds, parameters ---------------------------------------------------------


def region_ancestors(code: str) -> list[str]:
    """The code and the codes of its ancestors, most specific first."""
    codes = [code[:n].ljust(12, "0") for n in (12, 9, 6, 4, 2)]
    return list(dict.fromkeys(codes))


def parameter_resolve(*, code: str, region_code: str, year: int) -> Any:
    """The RuleParameter for a region (or its nearest ancestor) and the latest year ≤ year."""
    from anju.rules.models import RuleParameter

    for region in region_ancestors(region_code):
        parameter = (
            RuleParameter.objects.filter(code=code, region_code=region, year__lte=year).order_by("-year").first()
        )
        if parameter is not None:
            return parameter
    raise ParameterMissingError(f"规则参数“{code}”在 {region_code} 及其上级区划没有 {year} 年或更早的数值。")


def _number_text(value: Decimal) -> str:
    """A number without trailing zeros, with thousands separators."""
    normal = value.quantize(Decimal("0.01")).normalize()
    return f"{normal:,f}"


def _bound(condition: Any, which: str, region_code: str, year: int) -> Threshold | None:
    relation = getattr(condition, f"{which}_relation")
    value = getattr(condition, f"{which}_value")
    parameter_code = getattr(condition, f"{which}_parameter")
    if not relation:
        return None
    if parameter_code:
        parameter = parameter_resolve(code=parameter_code, region_code=region_code, year=year)
        multiple = Decimal(value) if value is not None else Decimal(1)
        resolved = (multiple * parameter.value).quantize(Decimal("0.01"))
        if multiple == 1:
            text = f"{parameter.name}（{parameter.year}年）= {_number_text(resolved)}"
        else:
            text = (
                f"{_number_text(multiple)} × {parameter.name}（{parameter.year}年 "
                f"{_number_text(parameter.value)}{parameter.unit}）= {_number_text(resolved)}"
            )
        return Threshold(relation, resolved, text)
    if value is None:
        raise RulesError(f"条件“{condition.name}”缺少{'起始' if which == 'start' else '终止'}值。")
    return Threshold(relation, Decimal(value), _number_text(Decimal(value)))


def _expected(condition: Any, factor: Factor) -> frozenset[str] | bool:
    words = [w.strip() for w in condition.logic_value.replace("，", ",").replace("、", ",").split(",") if w.strip()]
    if factor.kind == BOOL:
        return (words[0].lower() if words else "true") in TRUE_WORDS
    return frozenset(words)


def prepare(version: Any, as_of: datetime.date) -> list[Node]:
    """The enabled condition tree of a version with every threshold resolved for its region and year."""
    conditions = list(version.conditions.filter(is_enabled=True).order_by("sequence", "id"))
    nodes = {c.pk: Node(condition=c) for c in conditions}
    roots: list[Node] = []
    region_code = version.rule_set.region_code
    for condition in conditions:
        node = nodes[condition.pk]
        if condition.kind != ConditionKind.GROUP:
            try:
                node.factor = factor_get(condition.factor)
            except KeyError as exc:
                raise RulesError(f"条件“{condition.name}”的因素“{condition.factor}”不存在。") from exc
        if condition.kind == ConditionKind.QUANTITATIVE:
            node.bounds = [b for b in (_bound(condition, w, region_code, as_of.year) for w in ("start", "end")) if b]
            if not node.bounds:
                raise RulesError(f"定量条件“{condition.name}”没有起始值或终止值。")
        elif condition.kind == ConditionKind.QUALITATIVE:
            node.expected = _expected(condition, node.factor)
            node.negate = condition.start_relation == Relation.NE
        if condition.parent_id is None:
            roots.append(node)
        elif condition.parent_id in nodes:
            nodes[condition.parent_id].children.append(node)
        # a child of a disabled group is skipped with its group
    return roots


# --- the single path ---------------------------------------------------------------------------


def _as_decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _compare_number(x: Any, bounds: list[Threshold], *, scale: Decimal = Decimal(1)) -> bool:
    x = _as_decimal(x)
    if x is None:
        return False
    return all(PYTHON_OPS[b.relation](x, b.value * scale) for b in bounds)


def _household_number(node: Node, facts: dict[str, Any]) -> bool:
    factor = node.factor
    if factor.base and factor.base in facts:
        scale = Decimal(factor.scale)
        if factor.per_capita:
            scale = _as_decimal(facts.get("household_size")) or Decimal(0)
        return _compare_number(facts[factor.base], node.bounds, scale=scale)
    return _compare_number(facts.get(factor.code), node.bounds)


def _household_value(factor: Factor, facts: dict[str, Any]) -> Any:
    """The fact shown for a household factor; a derived one is computed from its base when not given."""
    if facts.get(factor.code) is not None or not factor.base or facts.get(factor.base) is None:
        return facts.get(factor.code)
    base = _as_decimal(facts[factor.base])
    divisor = _as_decimal(facts.get("household_size")) if factor.per_capita else Decimal(factor.scale)
    if base is None or not divisor:
        return base
    return (base / divisor).quantize(Decimal("0.01"))


def _qualitative(node: Node, value: Any) -> bool:
    if node.factor.kind == BOOL:
        if isinstance(value, str):
            value = value.strip().lower() in TRUE_WORDS
        verdict = bool(value) == node.expected
    else:
        verdict = (value or "") in node.expected
    return not verdict if node.negate else verdict


def _member_verdict(node: Node, member: dict[str, Any]) -> bool:
    if node.condition.kind == ConditionKind.QUANTITATIVE:
        return _compare_number(member.get(node.factor.code), node.bounds)
    return _qualitative(node, member.get(node.factor.code))


def _quantify(node: Node, satisfied: int, total: int) -> bool:
    quantifier = node.condition.member_quantifier or MemberQuantifier.ANY
    if quantifier == MemberQuantifier.ALL:
        return satisfied == total
    if quantifier == MemberQuantifier.NONE:
        return satisfied == 0
    if quantifier == MemberQuantifier.COUNT:
        return PYTHON_OPS[node.condition.count_relation or Relation.GE](satisfied, node.condition.count_value or 0)
    return satisfied >= 1


def _fact_text(factor: Factor, value: Any) -> str:
    if value is None or value == "":
        return "（无数据）"
    if factor.kind == BOOL:
        if isinstance(value, str):
            value = value.strip().lower() in TRUE_WORDS
        return "是" if value else "否"
    if factor.kind == CODE:
        return code_name(factor, str(value))
    number = _as_decimal(value)
    return f"{_number_text(number)}{factor.unit}" if number is not None else str(value)


def _threshold_text(node: Node) -> tuple[str, str]:
    """(operator, threshold) texts of a leaf."""
    factor = node.factor
    if node.condition.kind == ConditionKind.QUANTITATIVE:
        ops = "且".join(RELATION_TEXT[b.relation] for b in node.bounds)
        values = "、".join(f"{b.text}{factor.unit}" for b in node.bounds)
        return ops, values
    if factor.kind == BOOL:
        return ("不是" if node.negate else "是"), ("是" if node.expected else "否")
    names = "、".join(code_name(factor, code) for code in sorted(node.expected))
    return ("不属于" if node.negate else "属于"), names


def _leaf_rule_text(node: Node) -> str:
    ops, values = _threshold_text(node)
    if node.factor.kind == BOOL and node.condition.kind == ConditionKind.QUALITATIVE:
        return f"为“{'是' if bool(node.expected) != node.negate else '否'}”"
    if node.condition.kind == ConditionKind.QUANTITATIVE:
        return "，".join(f"{RELATION_TEXT[b.relation]}{b.text}{node.factor.unit}" for b in node.bounds)
    return f"{ops}{values}"


QUANTIFIER_TEXT = {
    MemberQuantifier.ANY: "至少一名成员",
    MemberQuantifier.ALL: "全部成员",
    MemberQuantifier.NONE: "没有成员",
}


def _evaluate_node(node: Node, facts: dict[str, Any], depth: int, items: list[dict[str, Any]]) -> bool:
    condition = node.condition
    label = f"{condition.code} {condition.name}"
    if condition.kind == ConditionKind.GROUP:
        position = len(items)
        results = [_evaluate_node(child, facts, depth + 1, items) for child in node.children]
        verdict = any(results) if condition.logic == Logic.OR else all(results)
        logic = "或者" if condition.logic == Logic.OR else "并且"
        items.insert(
            position,
            {
                "condition": label,
                "factor": "",
                "fact": "",
                "operator": logic,
                "threshold": "",
                "verdict": verdict,
                "depth": depth,
                "text": f"{'　' * depth}组合条件“{condition.name}”（各项{logic}）：{'符合' if verdict else '不符合'}",
            },
        )
        return verdict
    factor = node.factor
    operator_text, threshold_text = _threshold_text(node)
    if factor.level == MEMBER:
        members = facts.get("members") or []
        passed = [m for m in members if _member_verdict(node, m)]
        verdict = _quantify(node, len(passed), len(members))
        listing = "、".join(
            f"{m.get('name') or m.get('sequence', '')} {_fact_text(factor, m.get(factor.code))}" for m in members
        )
        fact_text = f"满足的成员 {len(passed)} 人（共 {len(members)} 人）" + (f"：{listing}" if listing else "")
        quantifier = condition.member_quantifier or MemberQuantifier.ANY
        if quantifier == MemberQuantifier.COUNT:
            who = f"满足条件的成员人数{RELATION_TEXT[condition.count_relation or Relation.GE]}{condition.count_value or 0}人"
        else:
            who = QUANTIFIER_TEXT[quantifier]
        rule = f"{who}的{factor.name}{_leaf_rule_text(node)}"
    else:
        value = _household_value(factor, facts)
        fact_text = _fact_text(factor, value)
        rule = f"{factor.name}{_leaf_rule_text(node)}"
        verdict = (
            _household_number(node, facts)
            if condition.kind == ConditionKind.QUANTITATIVE
            else _qualitative(node, value)
        )
    items.append(
        {
            "condition": label,
            "factor": factor.name,
            "fact": fact_text,
            "operator": operator_text,
            "threshold": threshold_text,
            "verdict": verdict,
            "depth": depth,
            "text": f"{'　' * depth}{condition.name}：要求{rule}；实际{fact_text}；{'符合' if verdict else '不符合'}",
        }
    )
    return verdict


def evaluate_prepared(roots: list[Node], facts: dict[str, Any]) -> tuple[bool, list[dict[str, Any]]]:
    """Evaluate a prepared tree on facts: (eligible, explanation items)."""
    items: list[dict[str, Any]] = []
    results = [_evaluate_node(node, facts, 0, items) for node in roots]
    return all(results), items


def evaluate_facts(*, facts: dict[str, Any], rule_set: Any, as_of: datetime.date | None = None) -> Decision:
    """Evaluate typed or extracted facts against a RuleSet's enabled version or a given RuleSetVersion."""
    from anju.rules.models import RuleSet

    as_of = as_of or today()
    version = rule_set.enabled_version if isinstance(rule_set, RuleSet) else rule_set
    if version is None:
        raise NoActiveRuleSetError(f"“{rule_set}”没有已启用的版本。")
    eligible, items = evaluate_prepared(prepare(version, as_of), facts)
    return Decision(eligible=eligible, items=items, facts=facts, version=version)


# --- version selection -----------------------------------------------------------------------


def _mode_filter(mode: Any) -> Q:
    from anju.rules.models import Mode

    if isinstance(mode, Mode):
        return Q(rule_set__mode=mode)
    return Q(
        rule_set__mode__mode=mode or DEFAULT_MODE_CODE,
        rule_set__mode__is_enabled=True,
        rule_set__mode__program__is_enabled=True,
    )


def versions_in_force(*, mode: Any = None, as_of: datetime.date, region_code: str | None = None) -> list[Any]:
    """Enabled (or since stopped) versions whose effective period covers the date, by program code."""
    from anju.rules.models import RuleSetVersion

    queryset = RuleSetVersion.objects.filter(
        _mode_filter(mode),
        status__in=[VersionStatus.ENABLED, VersionStatus.STOPPED],
        effective_from__lte=as_of,
    ).filter(Q(effective_to__isnull=True) | Q(effective_to__gte=as_of))
    if region_code is not None:
        queryset = queryset.filter(rule_set__region_code__in=region_ancestors(region_code))
    return list(queryset.select_related("rule_set__mode__program").order_by("rule_set__mode__program__code", "pk"))


# --- recording ---------------------------------------------------------------------------------


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def evaluate_application(
    *,
    application: Any,
    mode: Any = None,
    as_of: datetime.date | None = None,
    acting_user: Any = None,
    record: bool = True,
) -> Any:
    """Evaluate one application against the rules in force; store and return an EligibilityDecision."""
    from anju.rules.models import EligibilityDecision

    as_of = as_of or today()
    versions = versions_in_force(mode=mode, as_of=as_of, region_code=application.region_code)
    if not versions:
        raise NoActiveRuleSetError("该申请所在区域在判定日没有已启用的保障规则。")
    facts = household_facts(application, as_of)
    chosen, explanation, results = None, [], []
    for version in versions:
        eligible, items = evaluate_prepared(prepare(version, as_of), facts)
        program = version.rule_set.mode.program.name
        results.append(
            {
                "version": version.pk,
                "program": program,
                "rule_set": version.rule_set.name,
                "version_number": version.number,
                "eligible": eligible,
            }
        )
        explanation.append(
            {
                "condition": "",
                "factor": "",
                "fact": "",
                "operator": "",
                "threshold": "",
                "verdict": eligible,
                "depth": 0,
                "program": program,
                "text": f"【{program}】{version.rule_set.name} 第{version.number}版：{'符合' if eligible else '不符合'}",
            }
        )
        explanation.extend({**item, "program": program} for item in items)
        if chosen is None and eligible:
            chosen = version
    decision = EligibilityDecision(
        application=application,
        rule_set_version=chosen or versions[0],
        mode_code=(versions[0].rule_set.mode.mode),
        eligible=chosen is not None,
        as_of=as_of,
        facts=_jsonable(facts),
        explanation=_jsonable(explanation),
        results=results,
        decided_by=acting_user if getattr(acting_user, "pk", None) else None,
    )
    if record:
        with transaction.atomic():
            decision.full_clean(exclude=["facts", "explanation", "results"])
            decision.save()
            from anju.audit.events import AuditAction
            from anju.audit.services import audit_event_record

            audit_event_record(
                action=AuditAction.RECORD_CREATED,
                user=acting_user,
                obj=decision,
                region_code=application.region_code,
                detail={
                    "kind": "eligibility_decision",
                    "application": application.pk,
                    "eligible": decision.eligible,
                    "version": decision.rule_set_version_id,
                },
            )
    return decision


def explain_text(decision: Any) -> list[str]:
    """The Chinese lines of a decision's explanation."""
    items = decision.explanation if hasattr(decision, "explanation") else decision.items
    verdict = "符合" if decision.eligible else "不符合"
    return [f"判定结论：{verdict}保障条件", *[item["text"] for item in items]]


# --- the batch path ----------------------------------------------------------------------------

# Django drops an empty Q() when it is combined with `|` (and `~Q()` is still empty), so an
# empty Q() cannot stand for "always true" inside OR groups or negations. These two are explicit.
ALWAYS = Q(pk__isnull=False)
NEVER = Q(pk__in=[])


def _number_q(column: str, bounds: list[Threshold], *, scale: Any = None) -> Q:
    q = ALWAYS
    for bound in bounds:
        rhs: Any = Value(bound.value, output_field=NUMBER_FIELD)
        if scale is not None:
            rhs = Cast(scale, output_field=NUMBER_FIELD) * rhs
        if bound.relation == Relation.NE:
            q &= Q(**{f"{column}__lt": rhs}) | Q(**{f"{column}__gt": rhs})
        else:
            q &= Q(**{f"{column}__{LOOKUPS[bound.relation]}": rhs})
    return q


def _shift_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year - years, day=28)


def _age_q(bounds: list[Threshold], as_of: datetime.date) -> Q:
    """Member Q for integer age compared with the bounds (age ≥ n ⇔ birth_date ≤ as_of − n years)."""

    oldest = as_of.year - 1  # beyond this many years no birth date is representable

    def at_least(n: int) -> Q:
        if n <= 0:
            return ALWAYS
        return Q(birth_date__lte=_shift_years(as_of, n)) if n <= oldest else NEVER

    def at_most(n: int) -> Q:
        if n < 0:
            return NEVER
        return Q(birth_date__gt=_shift_years(as_of, n + 1)) if n + 1 <= oldest else ALWAYS

    q = ALWAYS
    for bound in bounds:
        v = bound.value
        floor_v, ceil_v = (
            int(v.to_integral_value(rounding="ROUND_FLOOR")),
            int(v.to_integral_value(rounding="ROUND_CEILING")),
        )
        if bound.relation == Relation.GT:
            q &= at_least(floor_v + 1)
        elif bound.relation == Relation.GE:
            q &= at_least(ceil_v)
        elif bound.relation == Relation.LT:
            q &= at_most(ceil_v - 1)
        elif bound.relation == Relation.LE:
            q &= at_most(floor_v)
        elif bound.relation == Relation.EQ:
            q &= (at_least(floor_v) & at_most(floor_v)) if floor_v == v else NEVER
        else:
            q &= (at_most(floor_v - 1) | at_least(floor_v + 1)) if floor_v == v else ALWAYS
    return q


def _years_since_q(field_name: str, bounds: list[Threshold], as_of: datetime.date) -> Q:
    """Member Q for whole years since a nullable date (毕业年限), compared with the bounds.

    years ≥ n ⇔ date ≤ as_of shifted back n years (n may be negative: a date after as_of); a
    member without the date satisfies no bound, as in the single path.
    """

    def shifted(n: int) -> datetime.date | None:
        year = as_of.year - n
        return _shift_years(as_of, n) if 1 <= year <= 9999 else None

    def at_least(n: int) -> Q:
        day = shifted(n)
        if day is None:
            return NEVER if as_of.year - n < 1 else ALWAYS
        return Q(**{f"{field_name}__lte": day})

    def at_most(n: int) -> Q:
        day = shifted(n + 1)
        if day is None:
            return ALWAYS if as_of.year - n - 1 < 1 else NEVER
        return Q(**{f"{field_name}__gt": day})

    q = Q(**{f"{field_name}__isnull": False})
    for bound in bounds:
        v = bound.value
        floor_v = int(v.to_integral_value(rounding="ROUND_FLOOR"))
        ceil_v = int(v.to_integral_value(rounding="ROUND_CEILING"))
        if bound.relation == Relation.GT:
            q &= at_least(floor_v + 1)
        elif bound.relation == Relation.GE:
            q &= at_least(ceil_v)
        elif bound.relation == Relation.LT:
            q &= at_most(ceil_v - 1)
        elif bound.relation == Relation.LE:
            q &= at_most(floor_v)
        elif bound.relation == Relation.EQ:
            q &= (at_least(floor_v) & at_most(floor_v)) if floor_v == v else NEVER
        elif floor_v == v:
            q &= at_most(floor_v - 1) | at_least(floor_v + 1)
    return q


def _member_q(node: Node, as_of: datetime.date) -> Q:
    factor = node.factor
    if node.condition.kind == ConditionKind.QUANTITATIVE:
        if factor.code == "age":
            return _age_q(node.bounds, as_of)
        if factor.code == "years_since_graduation":
            return _years_since_q("graduation_date", node.bounds, as_of)
        return _number_q(factor.field, node.bounds)
    if factor.code == "is_disabled":
        q = ~Q(disability_type="") if node.expected else Q(disability_type="")
    elif factor.code == "is_employed":
        q = (
            ~Q(employment_status__in=NOT_EMPLOYED_CODES)
            if node.expected
            else Q(employment_status__in=NOT_EMPLOYED_CODES)
        )
    elif factor.kind == BOOL:
        q = Q(**{factor.field: node.expected})
    else:
        q = Q(**{f"{factor.field}__in": sorted(node.expected)})
    return ~q if node.negate else q


def _compile(node: Node, as_of: datetime.date, annotations: dict[str, Any], prefix: str) -> Q:
    from anju.admission.models import Member

    condition = node.condition
    if condition.kind == ConditionKind.GROUP:
        parts = [_compile(child, as_of, annotations, prefix) for child in node.children]
        if condition.logic == Logic.OR:
            q = NEVER
            for part in parts:
                q |= part
            return q
        q = ALWAYS
        for part in parts:
            q &= part
        return q
    factor = node.factor
    if factor.level == MEMBER:
        name = f"rm_{prefix}_{condition.pk}"
        annotations[name] = per_application(Member.objects.filter(_member_q(node, as_of)), Count("id"), IntegerField())
        quantifier = condition.member_quantifier or MemberQuantifier.ANY
        if quantifier == MemberQuantifier.ALL:
            return Q(**{name: F("rf_member_count")})
        if quantifier == MemberQuantifier.NONE:
            return Q(**{name: 0})
        if quantifier == MemberQuantifier.COUNT:
            bound = Threshold(condition.count_relation or Relation.GE, Decimal(condition.count_value or 0), "")
            return _number_q(name, [bound])
        return Q(**{f"{name}__gte": 1})
    if condition.kind == ConditionKind.QUALITATIVE:
        column = queryset_column(factor.code)
        q = Q(**{column: node.expected}) if factor.kind == BOOL else Q(**{f"{column}__in": sorted(node.expected)})
        return ~q if node.negate else q
    if factor.base:
        scale = F("household_size") if factor.per_capita else Value(factor.scale)
        return _number_q(queryset_column(factor.base), node.bounds, scale=scale)
    return _number_q(queryset_column(factor.code), node.bounds)


def compile_version(version: Any, as_of: datetime.date, annotations: dict[str, Any]) -> Q:
    """The Q over an annotated Application queryset that admits exactly what the version admits."""
    q = ALWAYS
    for node in prepare(version, as_of):
        q &= _compile(node, as_of, annotations, str(version.pk))
    return q


def _verdicts(queryset: QuerySet, versions: list[Any], as_of: datetime.date, *, scope_by_region: bool) -> QuerySet:
    if not versions:
        return queryset.annotate(rules_ok=Value(False, output_field=BooleanField()))
    annotations: dict[str, Any] = {}
    whens = []
    for version in versions:
        q = compile_version(version, as_of, annotations)
        if scope_by_region:
            q &= Q(region_code__startswith=significant_prefix(version.rule_set.region_code))
        whens.append(When(q, then=Value(True)))
    annotated = household_facts_queryset(queryset).annotate(**annotations)
    return annotated.annotate(rules_ok=Case(*whens, default=Value(False), output_field=BooleanField()))


def _batch(queryset: QuerySet, versions: list[Any], as_of: datetime.date, *, scope_by_region: bool) -> dict[int, bool]:
    annotated = _verdicts(queryset, versions, as_of, scope_by_region=scope_by_region)
    return dict(annotated.order_by().values_list("pk", "rules_ok"))


def verdict_queryset(*, queryset: QuerySet, mode: Any = None, as_of: datetime.date | None = None) -> QuerySet:
    """The applications of the queryset annotated with `rules_ok` (the batch verdict), not yet evaluated.

    The same SQL as `evaluate_batch`, left to the caller to compose: filter on `rules_ok`, add columns with
    `.annotate()`/`.values()`, or take `query.sql_with_params()` as the SELECT of an `INSERT … SELECT`
    (the annual review stores its results that way). Never a Python loop over the households.
    """
    as_of = as_of or today()
    return _verdicts(queryset, versions_in_force(mode=mode, as_of=as_of), as_of, scope_by_region=True)


def evaluate_batch(*, queryset: QuerySet, mode: Any = None, as_of: datetime.date | None = None) -> dict[int, bool]:
    """{application_id: eligible} for every application of the queryset, in one set-wise query."""
    as_of = as_of or today()
    return _batch(queryset, versions_in_force(mode=mode, as_of=as_of), as_of, scope_by_region=True)


def evaluate_version_batch(*, queryset: QuerySet, version: Any, as_of: datetime.date | None = None) -> dict[int, bool]:
    """{application_id: eligible} under one version (any state), for the what-if comparison."""
    as_of = as_of or today()
    return _batch(queryset, [version], as_of, scope_by_region=False)
