"""Models of the rules app (CJJ/T 196 A.1)."""

from anju.rules.models.conditions import Condition, ConditionCategory
from anju.rules.models.decisions import EligibilityDecision
from anju.rules.models.exchange import RuleExchangeRecord
from anju.rules.models.programs import Mode, Program, SupportCondition, SupportMode, SupportProgram, SupportStandard
from anju.rules.models.standards import BenefitStandard, OrderingFactor, OrderingScheme, RuleParameter
from anju.rules.models.versions import RuleSet, RuleSetVersion

__all__ = [
    "BenefitStandard",
    "Condition",
    "ConditionCategory",
    "EligibilityDecision",
    "Mode",
    "OrderingFactor",
    "OrderingScheme",
    "Program",
    "RuleExchangeRecord",
    "RuleParameter",
    "RuleSet",
    "RuleSetVersion",
    "SupportCondition",
    "SupportMode",
    "SupportProgram",
    "SupportStandard",
]
