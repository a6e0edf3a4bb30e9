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
def admission_process(db):
    """The shipped admission process (public_rental_admission), active."""
    from io import StringIO

    from django.core.management import call_command

    call_command("load_processes", stdout=StringIO())


@pytest.fixture
def draft(community_clerk, dictionaries, admission_process):
    """A draft application with only the applicant."""
    from anju.admission.tests.factories import application_for

    return application_for(community_clerk)
