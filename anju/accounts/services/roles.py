"""Granting and revoking roles under the three-role separation (security.md #5, #11)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from anju.accounts import errors, events
from anju.accounts.models import RoleGrant, User
from anju.accounts.roles import Role, roles_conflict
from anju.core.crypto import get_provider

MAC_PURPOSE = "role_grant"


def role_grant_mac(grant: RoleGrant) -> str:
    """HMAC-SM3 over user id, role, grantor id and grant time (ISO 8601)."""
    message = f"{grant.user_id}|{grant.role}|{grant.granted_by_id}|{grant.granted_at.isoformat()}"
    return get_provider().mac_hex(message.encode(), purpose=MAC_PURPOSE)


def role_grant_verify(grant: RoleGrant) -> bool:
    """True if the grant's stored MAC matches its data (an edited row fails)."""
    return bool(grant.integrity_mac) and get_provider().mac_equal(grant.integrity_mac, role_grant_mac(grant))


def role_grant_record(*, user: User, role: str, granted_by: User | None) -> RoleGrant:
    """Store a grant with its MAC, without permission checks (bootstrap and demo data only)."""
    grant = RoleGrant(user=user, role=role, granted_by=granted_by)
    grant.granted_at = timezone.now()
    grant.full_clean(exclude=["integrity_mac"])
    grant.save()
    grant.integrity_mac = role_grant_mac(grant)
    grant.save(update_fields=["integrity_mac"])
    user.__dict__.pop("_role_codes", None)
    return grant


def _check_grantor(*, user: User, acting_user: User) -> None:
    if not acting_user.is_active or not acting_user.has_role(Role.SECURITY_ADMIN):
        raise PermissionDenied(errors.NOT_SECURITY_ADMIN)
    if acting_user.pk == user.pk:
        raise ValidationError(errors.SELF_GRANT, code="self_grant")


def _valid_role(role: str) -> str:
    if role not in Role.values:
        raise ValidationError("未知角色。", code="unknown_role")
    return str(role)


@transaction.atomic
def role_grant(*, user: User, role: str, acting_user: User, request: Any = None) -> RoleGrant:
    """Grant a role: only a security administrator, never to themselves, never breaking 三权分立."""
    _check_grantor(user=user, acting_user=acting_user)
    role = _valid_role(role)
    User.objects.select_for_update(of=("self",)).filter(pk=user.pk).first()  # serialise grants to one user
    current = set(RoleGrant.objects.filter(user=user).values_list("role", flat=True))
    if role in current:
        raise ValidationError(errors.ROLE_ALREADY_HELD, code="role_held")
    conflict = roles_conflict(current | {role})
    if conflict:
        raise ValidationError(conflict, code="roles_conflict")
    grant = role_grant_record(user=user, role=role, granted_by=acting_user)
    events.audit(
        events.ROLE_GRANTED,
        user=acting_user,
        obj=user,
        detail={"username": user.username, "role": role, "role_label": Role(role).label},
        request=request,
    )
    return grant


@transaction.atomic
def role_revoke(*, user: User, role: str, acting_user: User, request: Any = None) -> None:
    """Revoke a role: only a security administrator, never their own."""
    _check_grantor(user=user, acting_user=acting_user)
    role = _valid_role(role)
    deleted, _ = RoleGrant.objects.filter(user=user, role=role).delete()
    if not deleted:
        raise ValidationError(errors.ROLE_NOT_HELD, code="role_not_held")
    user.__dict__.pop("_role_codes", None)
    events.audit(
        events.ROLE_REVOKED,
        user=acting_user,
        obj=user,
        detail={"username": user.username, "role": role, "role_label": Role(role).label},
        request=request,
    )


def assert_not_self_approval(*, maker: Any, approver: Any) -> None:
    """Refuse an approval by the person who made the record (money flows, security.md #5)."""
    maker_id = getattr(maker, "pk", maker)
    approver_id = getattr(approver, "pk", approver)
    if maker_id is not None and maker_id == approver_id:
        raise ValidationError(errors.SELF_APPROVAL, code="self_approval")
