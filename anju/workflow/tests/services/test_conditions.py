"""Conditions are evaluated by simpleeval: data in, no Python escapes out."""

import pytest

from anju.workflow.errors import WorkflowError
from anju.workflow.services.conditions import condition_check_syntax, condition_evaluate


def test_empty_condition_is_true():
    assert condition_evaluate("", {}) is True


def test_condition_over_names():
    assert condition_evaluate('decision == "approve" and members >= 2', {"decision": "approve", "members": 3})
    assert not condition_evaluate("income < 1500", {"income": 2000})


@pytest.mark.parametrize("expression", ["__import__('os').system('true')", "().__class__.__bases__", "open('/etc/passwd')"])
def test_dangerous_expressions_are_refused(expression):
    with pytest.raises(WorkflowError):
        condition_evaluate(expression, {})


def test_unknown_name_is_an_error():
    with pytest.raises(WorkflowError, match="无法求值"):
        condition_evaluate("missing > 1", {})


def test_syntax_error_is_described():
    assert "语法错误" in condition_check_syntax("a ==")
