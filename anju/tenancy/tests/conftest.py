"""Fixtures of the tenancy tests: code tables, a district officer's signed lease on an allocated unit."""

import pytest


@pytest.fixture
def dictionaries(db):
    """The platform's code tables and the admission-specific ones."""
    from anju.admission.dictionaries import admission_dictionaries_ensure
    from anju.core.services.dictionaries import dictionary_load_seed

    dictionary_load_seed()
    admission_dictionaries_ensure()


@pytest.fixture
def building(demo_regions):
    """A building of 白布社区."""
    from anju.tenancy.tests.factories import building_make

    return building_make()


@pytest.fixture
def lease(building):
    """A signed lease of a household for an allocated unit (rent 300, deposit 600)."""
    from anju.tenancy.tests.factories import entry_make, lease_make, unit_make

    return lease_make(entry_make(), unit_make(building))


@pytest.fixture
def processes(db):
    """The tenancy workflow definitions (annual review, exit), active."""
    from io import StringIO

    from django.core.management import call_command

    from anju.tenancy.processes import PROCESS_FILES

    call_command("load_processes", *[str(p) for p in PROCESS_FILES], stdout=StringIO())
