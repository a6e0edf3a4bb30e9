"""Three-role separation and role grants (security.md #5, #11)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from anju.accounts.models import RoleGrant
from anju.accounts.roles import Role
from anju.accounts.services.roles import assert_not_self_approval, role_grant, role_grant_verify, role_revoke
from anju.accounts.tests.helpers import audit_rows
from conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def newcomer(demo_regions):
    """A user who holds one business role."""
    return make_user("newcomer", Role.COMMUNITY_CLERK, "341602001001")


def test_security_admin_grants_with_a_mac_and_an_audit_row(newcomer, security_officer):
    # when the security administrator grants a second business role
    grant = role_grant(user=newcomer, role=Role.STREET_REVIEWER, acting_user=security_officer)
    # then it is stored with the grantor and a valid MAC, and audited
    grant.refresh_from_db()
    assert grant.granted_by == security_officer
    assert len(grant.integrity_mac) == 64
    assert role_grant_verify(grant)
    assert newcomer.has_role(Role.STREET_REVIEWER)
    assert audit_rows("ROLE_GRANTED", username=security_officer.username).count() == 1


def test_a_tampered_grant_fails_verification(newcomer, security_officer, district_officer):
    grant = role_grant(user=newcomer, role=Role.STREET_REVIEWER, acting_user=security_officer)
    untouched = RoleGrant.objects.get(user=district_officer)
    # when someone edits the role in the database
    RoleGrant.objects.filter(pk=grant.pk).update(role=Role.CITY_OFFICER)
    grant.refresh_from_db()
    # then that row fails and no other row does
    assert not role_grant_verify(grant)
    assert not role_grant_verify(untouched)  # conftest grants carry no MAC: flagged, not trusted
    from anju.accounts.selectors import role_grants_tampered

    assert grant in role_grants_tampered(user=security_officer)


@pytest.mark.parametrize("grantor", ["system_admin", "auditor", "city_officer", "district_officer"])
def test_only_the_security_admin_grants(request, newcomer, grantor):
    acting = request.getfixturevalue(grantor)
    with pytest.raises(PermissionDenied, match="只有安全管理员"):
        role_grant(user=newcomer, role=Role.STREET_REVIEWER, acting_user=acting)
    with pytest.raises(PermissionDenied):
        role_revoke(user=newcomer, role=Role.COMMUNITY_CLERK, acting_user=acting)


def test_no_one_grants_to_themselves(security_officer):
    with pytest.raises(ValidationError, match="不能给自己"):
        role_grant(user=security_officer, role=Role.AUDIT_ADMIN, acting_user=security_officer)


@pytest.mark.parametrize(
    ("held", "wanted"),
    [
        (Role.COMMUNITY_CLERK, Role.SYSTEM_ADMIN),
        (Role.SYSTEM_ADMIN, Role.AUDIT_ADMIN),
        (Role.AUDIT_ADMIN, Role.SECURITY_ADMIN),
        (Role.SECURITY_ADMIN, Role.CITY_OFFICER),
    ],
)
def test_roles_conflict_is_enforced(demo_regions, security_officer, held, wanted):
    user = make_user(f"u_{held}", held, "341600000000")
    with pytest.raises(ValidationError, match="三权分立"):
        role_grant(user=user, role=wanted, acting_user=security_officer)
    assert not user.role_grants.filter(role=wanted).exists()


def test_revoke_is_audited_and_removes_the_role(newcomer, security_officer):
    role_revoke(user=newcomer, role=Role.COMMUNITY_CLERK, acting_user=security_officer)
    assert not newcomer.role_grants.exists()
    assert audit_rows("ROLE_REVOKED").count() == 1
    with pytest.raises(ValidationError, match="没有此角色"):
        role_revoke(user=newcomer, role=Role.COMMUNITY_CLERK, acting_user=security_officer)


def test_granting_a_held_role_is_refused(newcomer, security_officer):
    with pytest.raises(ValidationError, match="已拥有"):
        role_grant(user=newcomer, role=Role.COMMUNITY_CLERK, acting_user=security_officer)


def test_self_approval_is_refused_in_chinese(district_officer, city_officer):
    with pytest.raises(ValidationError) as excinfo:
        assert_not_self_approval(maker=district_officer, approver=district_officer)
    assert excinfo.value.code == "self_approval"
    assert "同一人不能既经办又审批" in excinfo.value.messages[0]
    assert_not_self_approval(maker=district_officer, approver=city_officer)
    with pytest.raises(ValidationError):
        assert_not_self_approval(maker=district_officer.pk, approver=district_officer)
