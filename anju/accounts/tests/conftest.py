"""Fixtures of the accounts tests."""

import pytest

from anju.accounts.models import Organisation, OrganisationKind


@pytest.fixture
def organisations(demo_regions):
    """A city bureau, the 谯城区 and 涡阳县 bureaus, a 谯城区 community."""
    city = Organisation.objects.create(code="ORG-CITY", name="亳州市住房保障和房产管理局", kind=OrganisationKind.CITY_BUREAU, region_code="341600000000")
    qiaocheng = Organisation.objects.create(
        code="ORG-QC", name="谯城区住房和城乡建设局", kind=OrganisationKind.DISTRICT_BUREAU, region_code="341602000000", parent=city
    )
    guoyang = Organisation.objects.create(
        code="ORG-GY", name="涡阳县住房和城乡建设局", kind=OrganisationKind.DISTRICT_BUREAU, region_code="341621000000", parent=city
    )
    baibu = Organisation.objects.create(
        code="ORG-BB", name="白布社区居民委员会", kind=OrganisationKind.COMMUNITY, region_code="341602001001", parent=qiaocheng
    )
    return {"city": city, "qiaocheng": qiaocheng, "guoyang": guoyang, "baibu": baibu}
