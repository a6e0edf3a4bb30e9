"""Fixtures of the admission tests: code tables loaded, a draft application of 白布社区."""

import pytest


@pytest.fixture
def dictionaries(db):
    """The platform's code tables and the admission-specific ones."""
    from anju.admission.dictionaries import admission_dictionaries_ensure
    from anju.core.services.dictionaries import dictionary_load_seed

    dictionary_load_seed()
    admission_dictionaries_ensure()


@pytest.fixture
def draft(community_clerk, dictionaries):
    """A draft application with only the applicant."""
    from anju.admission.tests.factories import application_for

    return application_for(community_clerk)
