"""Role × action matrix of the accounts pages (security.md #5, #6): allowed → 200, otherwise 403."""

import pytest
from django.urls import reverse

from anju.accounts.roles import Role
from anju.accounts.tests.helpers import verified_login
from conftest import make_user

pytestmark = pytest.mark.django_db

PERSONAS = {
    "community_clerk": Role.COMMUNITY_CLERK,
    "street_reviewer": Role.STREET_REVIEWER,
    "district_officer": Role.DISTRICT_OFFICER,
    "city_officer": Role.CITY_OFFICER,
    "operator": Role.OPERATOR,
    "system_admin": Role.SYSTEM_ADMIN,
    "security_officer": Role.SECURITY_ADMIN,
    "auditor": Role.AUDIT_ADMIN,
    "applicant": Role.APPLICANT,
}
EVERY_STAFF = {Role.COMMUNITY_CLERK, Role.STREET_REVIEWER, Role.DISTRICT_OFFICER, Role.CITY_OFFICER, Role.OPERATOR}
ADMINS = {Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN}
# action -> (url name, needs a pk of: organisation | user | None, roles allowed)
MATRIX = {
    "organisation_list": ("accounts:organisation_list", None, EVERY_STAFF | ADMINS),
    "organisation_detail": ("accounts:organisation_detail", "organisation", EVERY_STAFF | ADMINS),
    "organisation_create": ("accounts:organisation_create", None, {Role.SYSTEM_ADMIN}),
    "organisation_edit": ("accounts:organisation_edit", "organisation", {Role.SYSTEM_ADMIN}),
    "user_list": ("accounts:user_list", None, ADMINS | {Role.CITY_OFFICER, Role.DISTRICT_OFFICER}),
    "user_detail": ("accounts:user_detail", "user", ADMINS | {Role.CITY_OFFICER, Role.DISTRICT_OFFICER}),
    "user_create": ("accounts:user_create", None, {Role.SYSTEM_ADMIN}),
    "user_edit": ("accounts:user_edit", "user", {Role.SYSTEM_ADMIN}),
    "user_disable": ("accounts:user_disable", "user", {Role.SYSTEM_ADMIN}),
    "user_roles": ("accounts:user_roles", "user", {Role.SECURITY_ADMIN}),
    "security_policy": ("accounts:security_policy", None, {Role.SECURITY_ADMIN, Role.AUDIT_ADMIN}),
}


@pytest.fixture
def target_user(demo_regions, organisations):
    """A clerk of 白布社区 whom every reader can see."""
    user = make_user("target_clerk", Role.COMMUNITY_CLERK, "341602001001", full_name="目标用户")
    user.organisation = organisations["baibu"]
    user.save()
    return user


@pytest.mark.parametrize("persona", list(PERSONAS))
@pytest.mark.parametrize("action", list(MATRIX))
def test_role_matrix(client, request, organisations, target_user, persona, action):
    # given the persona, signed in (administrators with a verified second factor)
    user = request.getfixturevalue(persona)
    verified_login(client, user) if PERSONAS[persona] in ADMINS else client.force_login(user)
    url_name, pk_of, allowed = MATRIX[action]
    args = {"organisation": [organisations["baibu"].pk], "user": [target_user.pk], None: []}[pk_of]
    # when the page is requested
    response = client.get(reverse(url_name, args=args))
    # then only the allowed roles see it
    expected = 200 if PERSONAS[persona] in allowed else 403
    assert response.status_code == expected, (persona, action, response.status_code)


@pytest.mark.parametrize("persona", ["system_admin", "auditor", "city_officer"])
def test_only_the_security_admin_posts_role_grants(client, request, target_user, persona):
    user = request.getfixturevalue(persona)
    verified_login(client, user) if PERSONAS[persona] in ADMINS else client.force_login(user)
    response = client.post(reverse("accounts:user_roles", args=[target_user.pk]), {"action": "grant", "role": Role.STREET_REVIEWER})
    assert response.status_code == 403
    assert not target_user.role_grants.filter(role=Role.STREET_REVIEWER).exists()


@pytest.mark.parametrize("persona", ["security_officer", "auditor", "district_officer"])
def test_only_the_system_admin_posts_user_writes(client, request, target_user, persona):
    user = request.getfixturevalue(persona)
    verified_login(client, user) if PERSONAS[persona] in ADMINS else client.force_login(user)
    response = client.post(reverse("accounts:user_disable", args=[target_user.pk]), {"reason": "测试"})
    assert response.status_code == 403
    target_user.refresh_from_db()
    assert target_user.is_active


def test_auditor_reaches_no_write_view(client, auditor, organisations, target_user):
    verified_login(client, auditor)
    writes = [
        ("accounts:organisation_create", []),
        ("accounts:organisation_edit", [organisations["city"].pk]),
        ("accounts:user_create", []),
        ("accounts:user_edit", [target_user.pk]),
        ("accounts:user_disable", [target_user.pk]),
        ("accounts:user_roles", [target_user.pk]),
    ]
    for name, args in writes:
        assert client.get(reverse(name, args=args)).status_code == 403, name
        assert client.post(reverse(name, args=args), {}).status_code == 403, name
