"""Fixtures of the rules tests: code tables and the 亳州市 demo rules."""

import pytest


@pytest.fixture
def dictionaries(db):
    """The platform's code tables and the admission-specific ones."""
    from anju.admission.dictionaries import admission_dictionaries_ensure
    from anju.core.services.dictionaries import dictionary_load_seed

    dictionary_load_seed()
    admission_dictionaries_ensure()


@pytest.fixture
def bozhou_rules(dictionaries, demo_regions):
    """The three demo programs of 亳州市, each with an enabled version from 2025-01-01."""
    from anju.rules.demo import rules_demo_load

    rules_demo_load()
    from anju.rules.models import RuleSet

    return {rs.mode.program.code: rs for rs in RuleSet.objects.select_related("mode__program")}
