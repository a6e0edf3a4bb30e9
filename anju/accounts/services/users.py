"""Creating, editing and disabling users (system administrator); jurisdictions (security administrator)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from anju.accounts import errors, events
from anju.accounts.models import Organisation, User
from anju.accounts.roles import Role
from anju.accounts.services.organisations import _check_system_admin
from anju.accounts.services.passwords import password_history_record, temporary_password_generate
from anju.accounts.services.sessions import user_sessions_end
from anju.core.fields import blind_index
from anju.core.models import Region

USER_FIELDS = ("full_name", "email", "organisation", "mobile")


def user_mobile_set(user: User, mobile: str) -> None:
    """Set the encrypted mobile and its blind index together (never one without the other)."""
    user.mobile = (mobile or "").strip()
    user.mobile_index = blind_index(user.mobile, purpose="mobile")


@transaction.atomic
def user_create(
    *,
    username: str,
    acting_user: User,
    full_name: str = "",
    email: str = "",
    organisation: Organisation | None = None,
    mobile: str = "",
    request: Any = None,
) -> tuple[User, str]:
    """Create a user with a temporary password that must be changed at first login.

    The jurisdiction starts as the organisation's region (the security administrator may
    change it); roles are granted separately by the security administrator. Returns the user
    and the temporary password, shown once to the system administrator.
    """
    _check_system_admin(acting_user)
    temporary = temporary_password_generate()
    user = User(username=username, full_name=full_name, email=email, organisation=organisation)
    user_mobile_set(user, mobile)
    if organisation is not None:
        user.jurisdiction = Region.objects.filter(code=organisation.region_code).first()
    user.set_password(temporary)
    user.password_changed_at = timezone.now()
    user.must_change_password = True
    user.full_clean()
    user.save()
    password_history_record(user=user)
    events.audit(events.USER_CREATED, user=acting_user, obj=user, detail={"username": username, "temporary_password": True}, request=request)
    return user, temporary


@transaction.atomic
def user_update(*, user: User, acting_user: User, request: Any = None, **fields: Any) -> User:
    """Change a user's name, e-mail, organisation or mobile (not roles, not the jurisdiction)."""
    _check_system_admin(acting_user)
    changed = []
    for name, value in fields.items():
        if name not in USER_FIELDS:
            continue
        if name == "mobile":
            if (user.mobile or "") != (value or ""):
                user_mobile_set(user, value)
                changed.append(name)
        elif getattr(user, name) != value:
            setattr(user, name, value)
            changed.append(name)
    user.full_clean()
    user.save()
    events.audit(events.USER_UPDATED, user=acting_user, obj=user, detail={"changed": sorted(changed)}, request=request)
    return user


@transaction.atomic
def user_disable(*, user: User, acting_user: User, reason: str = "", request: Any = None) -> int:
    """Disable a user, end all their sessions and delete their API tokens; returns sessions ended."""
    _check_system_admin(acting_user)
    if user.pk == acting_user.pk:
        raise ValidationError(errors.DISABLE_SELF, code="disable_self")
    user.is_active = False
    user.save(update_fields=["is_active"])
    from rest_framework.authtoken.models import Token

    Token.objects.filter(user=user).delete()
    ended = user_sessions_end(user=user)
    events.audit(
        events.USER_DISABLED,
        user=acting_user,
        obj=user,
        detail={"username": user.username, "reason": reason, "sessions_ended": ended},
        request=request,
    )
    return ended


@transaction.atomic
def user_enable(*, user: User, acting_user: User, request: Any = None) -> User:
    """Re-enable a disabled user."""
    _check_system_admin(acting_user)
    user.is_active = True
    user.save(update_fields=["is_active"])
    events.audit(events.USER_ENABLED, user=acting_user, obj=user, detail={"username": user.username}, request=request)
    return user


@transaction.atomic
def user_jurisdiction_set(*, user: User, region: Region | None, acting_user: User, request: Any = None) -> User:
    """Set the region subtree a user may see (security administrator only, not for oneself)."""
    if not acting_user.is_active or not acting_user.has_role(Role.SECURITY_ADMIN):
        raise PermissionDenied(errors.NOT_SECURITY_ADMIN)
    if user.pk == acting_user.pk:
        raise ValidationError(errors.SELF_GRANT, code="self_grant")
    before = user.jurisdiction_id
    user.jurisdiction = region
    user.save(update_fields=["jurisdiction"])
    events.audit(
        events.USER_UPDATED,
        user=acting_user,
        obj=user,
        detail={"changed": ["jurisdiction"], "before": before, "after": region.code if region else None},
        request=request,
    )
    return user
