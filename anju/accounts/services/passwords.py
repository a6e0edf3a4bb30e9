"""Setting passwords and deciding when one must be changed (security.md #1)."""

from __future__ import annotations

import secrets
import string
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.utils import timezone

from anju.accounts import events
from anju.accounts.models import PasswordHistory, User
from anju.accounts.roles import Role


def password_history_record(*, user: User) -> PasswordHistory:
    """Keep the user's current hash in the history and drop entries beyond PASSWORD_HISTORY."""
    entry = PasswordHistory.objects.create(user=user, password_hash=user.password)
    keep = max(settings.PASSWORD_HISTORY, 1)
    stale = list(PasswordHistory.objects.filter(user=user).order_by("-created_at", "-pk").values_list("pk", flat=True)[keep:])
    if stale:
        PasswordHistory.objects.filter(pk__in=stale).delete()
    return entry


@transaction.atomic
def user_password_set(
    *, user: User, raw_password: str, acting_user: User | None, must_change: bool = False, request: Any = None
) -> User:
    """Validate and set a password, record it in the history and stamp `password_changed_at`.

    `must_change=True` marks a temporary password (set by an administrator) that the user
    must replace at the next login; a user changing their own password clears the flag.
    """
    validate_password(raw_password, user)
    user.set_password(raw_password)
    user.password_changed_at = timezone.now()
    user.must_change_password = must_change
    user.save(update_fields=["password", "password_changed_at", "must_change_password"])
    password_history_record(user=user)
    by_self = acting_user is None or acting_user.pk == user.pk
    events.audit(
        events.PASSWORD_CHANGED if by_self else events.PASSWORD_RESET,
        user=acting_user or user,
        obj=user,
        detail={"username": user.username, "by_self": by_self, "temporary": must_change},
        request=request,
    )
    return user


def password_is_expired(user: User, *, now: Any = None) -> bool:
    """True if a staff user's password is older than PASSWORD_MAX_AGE_DAYS (0 disables ageing).

    Applicants (portal users holding only the applicant role) are not aged. A user created
    without `password_changed_at` is aged from `date_joined`.
    """
    max_age = settings.PASSWORD_MAX_AGE_DAYS
    if max_age <= 0 or user.role_codes == {Role.APPLICANT.value}:
        return False
    changed = user.password_changed_at or user.date_joined
    return (now or timezone.now()) - changed > timedelta(days=max_age)


def password_change_required(user: User) -> bool:
    """True if the user must change the password before doing anything else."""
    return bool(user.must_change_password or password_is_expired(user))


def temporary_password_generate() -> str:
    """A random temporary password that satisfies the policy (upper, lower, digit, symbol)."""
    length = max(settings.PASSWORD_MIN_LENGTH, 12) + 2
    alphabet = string.ascii_letters + string.digits + "@#%+=-"
    while True:
        candidate = "".join(secrets.choice(alphabet) for _ in range(length))
        if (
            any(c.isupper() for c in candidate)
            and any(c.islower() for c in candidate)
            and any(c.isdigit() for c in candidate)
            and any(c in "@#%+=-" for c in candidate)
        ):
            return candidate
