"""Fixtures of the supervision tests: code tables, a household with an application, ready-made records."""

import pytest


@pytest.fixture
def dictionaries(db):
    """The platform's code tables (credit_level, complaint_channel, verification_result …) and admission's."""
    from anju.admission.dictionaries import admission_dictionaries_ensure
    from anju.core.services.dictionaries import dictionary_load_seed

    dictionary_load_seed()
    admission_dictionaries_ensure()


@pytest.fixture
def admission_process(db):
    """The shipped admission process (application_create needs it)."""
    from io import StringIO

    from django.core.management import call_command

    call_command("load_processes", stdout=StringIO())


@pytest.fixture
def household(community_clerk, dictionaries, admission_process):
    """A draft application of 白布社区 (applicant 王建国) with a spouse."""
    from anju.admission.services import member_add
    from anju.admission.tests.factories import application_for, member_data

    application = application_for(community_clerk)
    member_add(application=application, acting_user=community_clerk, **member_data())
    return application
