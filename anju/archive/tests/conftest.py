"""Fixtures of the archive tests: an isolated MEDIA_ROOT, owners in two districts, sample files."""

import pytest


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Each test stores files in its own directory."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def qiaocheng_org(demo_regions):
    """An organisation in 谯城区 (the district_officer's district)."""
    from anju.accounts.models import Organisation

    return Organisation.objects.create(code="QC-01", name="谯城区住房保障中心", kind="district_bureau", region_code="341602000000")


@pytest.fixture
def guoyang_org(demo_regions):
    """An organisation in 涡阳县 (another district)."""
    from anju.accounts.models import Organisation

    return Organisation.objects.create(code="GY-01", name="涡阳县住房保障中心", kind="district_bureau", region_code="341621000000")

