"""User and organisation services (system administrator), jurisdiction (security administrator)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from rest_framework.authtoken.models import Token

from anju.accounts.models import Organisation, PasswordHistory, User
from anju.accounts.services.organisations import organisation_create, organisation_update
from anju.accounts.services.users import user_create, user_disable, user_enable, user_jurisdiction_set, user_update
from anju.accounts.tests.helpers import audit_rows
from anju.core.fields import blind_index
from anju.core.models import Region

pytestmark = pytest.mark.django_db


def test_user_create_sets_a_temporary_password_and_encrypted_mobile(organisations, system_admin):
    # when the system administrator creates a user
    user, temporary = user_create(
        username="new_clerk", full_name="新社区", organisation=organisations["baibu"], mobile="13905581234", acting_user=system_admin
    )
    # then the password is temporary and valid, the mobile encrypted with its index
    user = User.objects.get(pk=user.pk)
    assert user.check_password(temporary) and user.must_change_password
    assert user.mobile == "13905581234"
    assert user.mobile_index == blind_index("13905581234", purpose="mobile")
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT mobile FROM accounts_user WHERE id = %s", [user.pk])
        stored = cursor.fetchone()[0]
    assert "13905581234" not in stored
    assert user.jurisdiction_id == "341602001001"
    assert not user.role_grants.exists()
    assert PasswordHistory.objects.filter(user=user).count() == 1
    assert audit_rows("USER_CREATED").count() == 1


def test_only_the_system_admin_manages_users_and_organisations(organisations, security_officer, auditor, district_officer):
    for acting in (security_officer, auditor, district_officer):
        with pytest.raises(PermissionDenied):
            user_create(username="x_user", acting_user=acting)
        with pytest.raises(PermissionDenied):
            organisation_create(acting_user=acting, code="X", name="X", kind="partner", region_code="341600000000")
        with pytest.raises(PermissionDenied):
            user_disable(user=district_officer, acting_user=acting)


def test_user_update_changes_the_mobile_index(organisations, system_admin, district_officer):
    user_update(user=district_officer, mobile="13800001111", full_name="张区县二", acting_user=system_admin)
    district_officer.refresh_from_db()
    assert district_officer.full_name == "张区县二"
    assert district_officer.mobile_index == blind_index("13800001111", purpose="mobile")
    assert audit_rows("USER_UPDATED").count() == 1


def test_disable_deletes_tokens_and_enable_restores(system_admin, district_officer):
    Token.objects.create(user=district_officer)
    user_disable(user=district_officer, acting_user=system_admin, reason="调岗")
    district_officer.refresh_from_db()
    assert not district_officer.is_active
    assert not Token.objects.filter(user=district_officer).exists()
    user_enable(user=district_officer, acting_user=system_admin)
    district_officer.refresh_from_db()
    assert district_officer.is_active


def test_system_admin_cannot_disable_themselves(system_admin):
    with pytest.raises(ValidationError, match="不能停用自己"):
        user_disable(user=system_admin, acting_user=system_admin)


def test_jurisdiction_belongs_to_the_security_admin(security_officer, system_admin, district_officer, demo_regions):
    guoyang = Region.objects.get(code="341621000000")
    with pytest.raises(PermissionDenied):
        user_jurisdiction_set(user=district_officer, region=guoyang, acting_user=system_admin)
    user_jurisdiction_set(user=district_officer, region=guoyang, acting_user=security_officer)
    district_officer.refresh_from_db()
    assert district_officer.jurisdiction_id == "341621000000"


def test_organisation_create_and_update_are_validated_and_audited(demo_regions, system_admin):
    organisation = organisation_create(acting_user=system_admin, code="MZ", name="亳州市民政局", kind="partner", region_code="341600000000")
    organisation_update(organisation=organisation, acting_user=system_admin, name="亳州市民政局（新）")
    assert Organisation.objects.get(pk=organisation.pk).name == "亳州市民政局（新）"
    assert audit_rows("RECORD_CREATED").count() == 1
    assert audit_rows("RECORD_UPDATED").count() == 1
    with pytest.raises(ValidationError):
        organisation_create(acting_user=system_admin, code="MZ", name="重复编码", kind="partner", region_code="341600000000")
