"""Fixtures of the process tests: applications at the 公示 and 登记 nodes."""

import pytest

from anju.admission.tests.factories import application_for, resident_id
from anju.admission.tests.process.helpers import advance


@pytest.fixture
def at_publicity(draft, community_clerk, street_reviewer, district_officer):
    """The draft application moved to the 公示 node."""
    return advance(draft, to="publicity", clerk=community_clerk, street=street_reviewer, district=district_officer)


@pytest.fixture
def second_at_publicity(at_publicity, community_clerk, street_reviewer, district_officer):
    """Another application of 白布社区 at the 公示 node."""
    from datetime import date

    other = application_for(
        community_clerk, applicant_name="刘小红", id_number=resident_id(birth=date(1990, 1, 2), seq=7)
    )
    return advance(other, to="publicity", clerk=community_clerk, street=street_reviewer, district=district_officer)


@pytest.fixture
def at_register(draft, community_clerk, street_reviewer, district_officer):
    """The draft application moved to the 登记 node."""
    return advance(draft, to="register", clerk=community_clerk, street=street_reviewer, district=district_officer)


@pytest.fixture
def at_publicity_other_or_draft(at_register, community_clerk):
    """Another application of the community that is only a draft (not at the 登记 node)."""
    from datetime import date

    return application_for(
        community_clerk, applicant_name="孙七", id_number=resident_id(birth=date(1970, 5, 5), seq=11)
    )
