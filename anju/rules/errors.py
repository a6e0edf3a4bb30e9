"""Errors of the rules app (Chinese messages for staff)."""

from django.core.exceptions import ValidationError


class RulesError(ValidationError):
    """A rule set cannot be used as configured."""


class NoActiveRuleSetError(RulesError):
    """No enabled rule-set version covers the application's region, mode and date."""


class ParameterMissingError(RulesError):
    """A threshold names a parameter that has no value for the region and year."""
