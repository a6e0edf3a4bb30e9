"""Fixtures of the admission process tests: isolated media, materials, a partner department and its user."""

import pytest

from conftest import make_user


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Archive files of each test in their own directory."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def partner_org(demo_regions):
    """协同部门: 亳州市民政局 (city level)."""
    from anju.accounts.models import Organisation

    return Organisation.objects.create(code="341600-MZ", name="亳州市民政局", kind="partner", region_code="341600000000")


@pytest.fixture
def partner_user(partner_org):
    """A 协同部门 user of the civil affairs bureau, jurisdiction the whole city."""
    user = make_user("partner_mz", "partner", "341600000000", full_name="吴民政")
    user.organisation = partner_org
    user.save(update_fields=["organisation"])
    return user


@pytest.fixture
def other_partner(demo_regions):
    """A 协同部门 user of another department."""
    from anju.accounts.models import Organisation

    org = Organisation.objects.create(code="341600-GA", name="亳州市公安局", kind="partner", region_code="341600000000")
    user = make_user("partner_ga", "partner", "341600000000", full_name="郑公安")
    user.organisation = org
    user.save(update_fields=["organisation"])
    return user


@pytest.fixture
def with_materials(draft, community_clerk):
    """The draft with the four mandatory materials in its e-archive."""
    from anju.admission.tests.review.steps import upload_materials

    upload_materials(draft, community_clerk)
    return draft


@pytest.fixture
def submitted(with_materials, community_clerk):
    """The application submitted: the process waits at 受理."""
    from anju.admission.services import application_submit

    return application_submit(application=with_materials, acting_user=community_clerk)


@pytest.fixture
def at_county(submitted, community_clerk, street_reviewer):
    """The application at 审核（区县）."""
    from anju.admission.services.review import review_decide

    review_decide(application=submitted, decision="approve", opinion="材料齐全", acting_user=community_clerk)
    return review_decide(application=submitted, decision="approve", opinion="初审通过", acting_user=street_reviewer)
