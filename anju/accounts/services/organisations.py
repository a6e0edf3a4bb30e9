"""Creating and editing organisations (system administrator only)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from anju.accounts import errors, events
from anju.accounts.models import Organisation, User
from anju.accounts.roles import Role

ORGANISATION_FIELDS = ("code", "name", "kind", "parent", "region_code", "credit_code", "contact_phone", "address", "is_active")


def _check_system_admin(acting_user: User) -> None:
    if not acting_user.is_active or not acting_user.has_role(Role.SYSTEM_ADMIN):
        raise PermissionDenied(errors.NOT_SYSTEM_ADMIN)


@transaction.atomic
def organisation_create(*, acting_user: User, request: Any = None, **fields: Any) -> Organisation:
    """Create an organisation from the fields of `ORGANISATION_FIELDS`."""
    _check_system_admin(acting_user)
    organisation = Organisation(**{k: v for k, v in fields.items() if k in ORGANISATION_FIELDS})
    organisation.full_clean()
    organisation.save()
    events.audit(events.RECORD_CREATED, user=acting_user, obj=organisation, detail={"name": organisation.name}, request=request)
    return organisation


@transaction.atomic
def organisation_update(*, organisation: Organisation, acting_user: User, request: Any = None, **fields: Any) -> Organisation:
    """Change an organisation; the audit row lists the changed fields."""
    _check_system_admin(acting_user)
    changed = {}
    for name, value in fields.items():
        if name in ORGANISATION_FIELDS and getattr(organisation, name) != value:
            changed[name] = str(value)
            setattr(organisation, name, value)
    organisation.full_clean()
    organisation.save()
    events.audit(events.RECORD_UPDATED, user=acting_user, obj=organisation, detail={"changed": sorted(changed)}, request=request)
    return organisation
