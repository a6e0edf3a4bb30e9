"""Test-wide fixtures: the demo regions and the named personas of journeys.md.

Personas: 社区经办人 (community_clerk), 街道审核人 (street_reviewer), 区县保障科
(district_officer), 市保障处 (city_officer), 运营单位 (operator), 审计管理员 (auditor),
安全管理员 (security_officer), 系统管理员 (system_admin), 申请人 (applicant); plus
`other_district_clerk` in 涡阳县 for jurisdiction tests.
"""

import os

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop in the test thread

# CI explores a fixed sequence of hypothesis examples, so a red CI always reproduces; developers'
# runs keep random seeds and go on finding new cases (run with CI=true to replay CI's).
from hypothesis import settings as hypothesis_settings

hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

PERSONA_PASSWORD = "Anju#Persona2026"


@pytest.fixture
def demo_regions(db):
    """亳州市 with 谯城区 and 涡阳县, one street and one community in each."""
    from anju.core.models import Region

    rows = [
        ("340000000000", "安徽省", 1, None),
        ("341600000000", "亳州市", 2, "340000000000"),
        ("341602000000", "谯城区", 3, "341600000000"),
        ("341621000000", "涡阳县", 3, "341600000000"),
        ("341602001000", "花戏楼街道", 4, "341602000000"),
        ("341621001000", "城关街道", 4, "341621000000"),
        ("341602001001", "白布社区", 5, "341602001000"),
        ("341621001001", "北关社区", 5, "341621001000"),
    ]
    from anju.core.scoping import significant_prefix

    for code, name, level, parent in rows:
        Region.objects.update_or_create(
            code=code, defaults={"name": name, "level": level, "parent_id": parent, "prefix": significant_prefix(code)}
        )
    return {code: Region.objects.get(code=code) for code, *_ in rows}


def make_user(username, role, region_code, *, full_name=""):
    """A user holding one role with a jurisdiction."""
    from django.utils import timezone

    from anju.accounts.models import RoleGrant, User

    user = User.objects.create_user(
        username=username, password=PERSONA_PASSWORD, full_name=full_name or username, jurisdiction_id=region_code
    )
    user.password_changed_at = timezone.now()
    user.save(update_fields=["password_changed_at"])
    RoleGrant.objects.create(user=user, role=role)
    return user


@pytest.fixture
def community_clerk(demo_regions):
    """社区经办人 of 白布社区, 谯城区."""
    return make_user("clerk_baibu", "community_clerk", "341602001001", full_name="王社区")


@pytest.fixture
def street_reviewer(demo_regions):
    """街道审核人 of 花戏楼街道."""
    return make_user("reviewer_huaxilou", "street_reviewer", "341602001000", full_name="李街道")


@pytest.fixture
def district_officer(demo_regions):
    """区县保障科 of 谯城区."""
    return make_user("officer_qiaocheng", "district_officer", "341602000000", full_name="张区县")


@pytest.fixture
def other_district_clerk(demo_regions):
    """区县保障科 of 涡阳县 (another district)."""
    return make_user("officer_guoyang", "district_officer", "341621000000", full_name="赵涡阳")


@pytest.fixture
def city_officer(demo_regions):
    """市保障处 of 亳州市."""
    return make_user("officer_city", "city_officer", "341600000000", full_name="陈市处")


@pytest.fixture
def operator(demo_regions):
    """运营单位 user for 亳州市 estates."""
    return make_user("operator_bz", "operator", "341600000000", full_name="周运营")


@pytest.fixture
def system_admin(demo_regions):
    """系统管理员."""
    return make_user("sysadmin", "system_admin", "341600000000", full_name="系统管理员")


@pytest.fixture
def security_officer(demo_regions):
    """安全管理员."""
    return make_user("secadmin", "security_admin", "341600000000", full_name="安全管理员")


@pytest.fixture
def auditor(demo_regions):
    """审计管理员."""
    return make_user("auditadmin", "audit_admin", "341600000000", full_name="审计管理员")


@pytest.fixture
def applicant(demo_regions):
    """申请人 (a household member with a portal account)."""
    return make_user("applicant_li", "applicant", "341602001001", full_name="李申请")
