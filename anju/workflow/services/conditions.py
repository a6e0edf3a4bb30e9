"""Conditions of transitions and nodes, evaluated safely with simpleeval (never `eval`).

A condition is a Python-like expression over names: the business record's data (its
`workflow_data()` when it defines one, else its plain field values), the instance's variables,
and `decision` (the last handler's decision: "approve" or "deny"). An empty condition is true.
Examples: `decision == "approve"`, `member_count >= 3 and income_per_capita < 1500`.
"""

from __future__ import annotations

import ast
import datetime as dt
from decimal import Decimal
from typing import Any

from simpleeval import EvalWithCompoundTypes, InvalidExpression

from anju.workflow.errors import WorkflowError, WorkflowErrorCode

MAX_CONDITION_LENGTH = 1000
SAFE_FUNCTIONS = {"len": len, "abs": abs, "min": min, "max": max, "int": int, "float": float, "str": str}
PLAIN_TYPES = (str, int, float, bool, Decimal, dt.date, dt.datetime, type(None))


def condition_check_syntax(expression: str) -> str | None:
    """None if the expression parses, else a Chinese description of the error."""
    expression = (expression or "").strip()
    if not expression:
        return None
    if len(expression) > MAX_CONDITION_LENGTH:
        return f"条件表达式过长（最多 {MAX_CONDITION_LENGTH} 个字符）"
    try:
        ast.parse(expression, mode="eval")
    except SyntaxError as exc:
        return f"条件表达式“{expression}”语法错误：第 {exc.offset or 0} 个字符附近"
    return None


def condition_evaluate(expression: str, names: dict[str, Any]) -> bool:
    """True if the expression holds over `names` (an empty expression holds)."""
    expression = (expression or "").strip()
    if not expression:
        return True
    problem = condition_check_syntax(expression)
    if problem:
        raise WorkflowError(problem, code=WorkflowErrorCode.CONDITION_INVALID)
    evaluator = EvalWithCompoundTypes(names=dict(names), functions=SAFE_FUNCTIONS)
    try:
        return bool(evaluator.eval(expression))
    except InvalidExpression as exc:
        raise WorkflowError(f"条件“{expression}”无法求值：{exc}", code=WorkflowErrorCode.CONDITION_INVALID) from exc
    except (TypeError, ValueError, ZeroDivisionError, KeyError, AttributeError) as exc:
        raise WorkflowError(f"条件“{expression}”求值出错：{exc}", code=WorkflowErrorCode.CONDITION_INVALID) from exc


def business_data(obj: Any) -> dict[str, Any]:
    """The names a business record offers to conditions."""
    provider = getattr(obj, "workflow_data", None)
    if callable(provider):
        return dict(provider())
    data: dict[str, Any] = {}
    meta = getattr(obj, "_meta", None)
    if meta is None:
        return data
    for field in meta.concrete_fields:
        value = getattr(obj, field.attname, None)
        if isinstance(value, PLAIN_TYPES):
            data[field.attname] = float(value) if isinstance(value, Decimal) else value
    return data


def instance_names(instance: Any, *, decision: str = "", extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """Every name a condition of this instance may use."""
    names: dict[str, Any] = {}
    obj = instance.business_object
    if obj is not None:
        names.update(business_data(obj))
    names.update(instance.variables or {})
    names["decision"] = decision or (instance.variables or {}).get("decision", "")
    names["region_code"] = instance.region_code
    names.update(extra or {})
    return names
