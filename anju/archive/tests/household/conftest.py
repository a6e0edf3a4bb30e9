"""Fixtures of the 一户一档 tests: code tables, the admission process, households in two districts."""

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
    """A draft application of 白布社区 with the applicant and a spouse, entered by the clerk."""
    from anju.admission.services import member_add
    from anju.admission.tests.factories import application_for, member_data

    application = application_for(community_clerk)
    member_add(application=application, acting_user=community_clerk, **member_data())
    return application


@pytest.fixture
def household_registered(draft, community_clerk, street_reviewer, district_officer):
    """The draft taken through the admission workflow and registered (准予登记), then 已配租 (02)."""
    from anju.admission.services.plans import plan_create
    from anju.admission.services.registration import application_register, register_entry_state_set
    from anju.admission.tests.process.helpers import advance

    advance(draft, to="register", clerk=community_clerk, street=street_reviewer, district=district_officer)
    plan_create(application=draft, security_mode="12", acting_user=district_officer)
    entry = application_register(application=draft, acting_user=district_officer)
    register_entry_state_set(entry=entry, security_state="02", acting_user=district_officer)
    draft.refresh_from_db()
    return draft


@pytest.fixture
def guoyang_household(db, demo_regions):
    """A registered household of 涡阳县 (another district)."""
    from anju.allocation.tests.factories import register_entry_for

    return register_entry_for("341621001001").application
