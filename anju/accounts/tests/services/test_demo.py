"""Demo accounts for 亳州市 (idempotent, one per role, admins with TOTP)."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from anju.accounts.models import Organisation, OrganisationKind, User
from anju.accounts.roles import ADMIN_ROLES, Role
from anju.accounts.services.demo import DEMO_PASSWORD, demo_accounts_create
from anju.accounts.services.roles import role_grant_verify
from anju.accounts.tests.helpers import form_login, totp_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def bozhou_regions(db):
    """亳州市 with 谯城区 (two streets, three communities) and 涡阳县 (one street)."""
    from anju.core.models import Region
    from anju.core.scoping import significant_prefix

    rows = [
        ("340000000000", "安徽省", 1, None),
        ("341600000000", "亳州市", 2, "340000000000"),
        ("341602000000", "谯城区", 3, "341600000000"),
        ("341621000000", "涡阳县", 3, "341600000000"),
        ("341602001000", "花戏楼街道", 4, "341602000000"),
        ("341602002000", "薛阁街道", 4, "341602000000"),
        ("341602003000", "汤陵街道", 4, "341602000000"),
        ("341602001001", "白布社区", 5, "341602001000"),
        ("341602001002", "北关社区", 5, "341602001000"),
        ("341602001003", "南京巷社区", 5, "341602001000"),
        ("341621001000", "城关镇", 4, "341621000000"),
    ]
    for code, name, level, parent in rows:
        Region.objects.create(code=code, name=name, level=level, parent_id=parent, prefix=significant_prefix(code))


def test_demo_accounts_are_created_once_per_role(bozhou_regions):
    # when the demo is created twice
    first = demo_accounts_create()
    second = demo_accounts_create()
    # then ten accounts, one per role, the same both times
    assert [row["username"] for row in first] == [row["username"] for row in second]
    assert len(first) == 10
    assert {row["role"] for row in first} == {role.label for role in Role}
    assert User.objects.count() == 10
    for row in first:
        user = User.objects.get(username=row["username"])
        assert user.check_password(DEMO_PASSWORD)
        assert user.password_changed_at is not None
        assert all(role_grant_verify(grant) for grant in user.role_grants.all())
        assert (row["totp_secret"] != "") == user.has_role(*ADMIN_ROLES)


def test_demo_organisation_tree(bozhou_regions):
    demo_accounts_create()
    city = Organisation.objects.get(name="亳州市住房保障和房产管理局")
    assert city.kind == OrganisationKind.CITY_BUREAU and city.region_code == "341600000000"
    bureaus = Organisation.objects.filter(kind=OrganisationKind.DISTRICT_BUREAU)
    assert {b.region_code for b in bureaus} == {"341602000000", "341621000000", "341622000000", "341623000000"}
    streets = Organisation.objects.filter(kind=OrganisationKind.STREET_OFFICE)
    assert {s.region_code for s in streets} == {"341602001000", "341602002000", "341621001000"}  # first two streets per county
    assert Organisation.objects.get(region_code="341621001000").name == "城关镇人民政府"
    communities = Organisation.objects.filter(kind=OrganisationKind.COMMUNITY)
    assert {c.region_code for c in communities} == {"341602001001", "341602001002"}  # first two communities
    assert Organisation.objects.filter(kind=OrganisationKind.OPERATOR, name="亳州市公共租赁住房运营管理有限公司").exists()
    assert Organisation.objects.filter(kind=OrganisationKind.PARTNER).count() == 5
    clerk = User.objects.get(username="clerk")
    assert clerk.jurisdiction_id == "341602001001" and clerk.organisation.kind == OrganisationKind.COMMUNITY


def test_demo_admin_logs_in_with_the_printed_secret(client, bozhou_regions, capsys):
    rows = {row["username"]: row for row in demo_accounts_create()}
    # the command prints the current code of a demo administrator
    call_command("demo_totp", "secadmin")
    code = capsys.readouterr().out.strip()
    device = TOTPDevice.objects.get(user__username="secadmin")
    assert code == totp_token(device)
    import base64

    assert base64.b32decode(rows["secadmin"]["totp_secret"] + "=" * (-len(rows["secadmin"]["totp_secret"]) % 8)) == device.bin_key
    # and the code completes the login
    form_login(client, "secadmin", DEMO_PASSWORD)
    response = client.post(reverse("accounts:otp_verify"), {"token": code, "next": "/accounts/security-policy/"})
    assert response["Location"] == "/accounts/security-policy/"
    assert client.get("/accounts/security-policy/").status_code == 200


def test_demo_totp_refuses_real_accounts(bozhou_regions):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="不是演示账号"):
        call_command("demo_totp", "someone_real")
