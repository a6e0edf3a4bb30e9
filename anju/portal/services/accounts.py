"""Applicant accounts: mobile number + text-message code + password (security.md #1, #2, #9).

Applicants are `accounts.User` rows holding only the applicant role; the mobile number is stored
encrypted with its blind index (never in the username). Code sending is rate-limited per number
and per client address from the `VerificationCode` rows themselves (so the limits hold across
processes); login failures are counted and locked by django-axes like the staff login.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from anju.accounts.models import User
from anju.accounts.roles import Role
from anju.core.fields import blind_index
from anju.core.validators import validate_mobile
from anju.portal import errors, events
from anju.portal.models.accounts import CodePurpose, VerificationCode
from anju.portal.sms import sms_sender


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def code_ttl() -> timedelta:
    """How long a code is valid (PORTAL_CODE_TTL_SECONDS, default 5 minutes)."""
    return timedelta(seconds=_setting("PORTAL_CODE_TTL_SECONDS", 300))


def mobile_clean(mobile: str) -> str:
    """A valid mainland mobile number, stripped; ValidationError on the field `mobile`."""
    mobile = (mobile or "").strip().replace(" ", "")
    try:
        validate_mobile(mobile)
    except ValidationError as exc:
        raise ValidationError({"mobile": exc.messages}) from exc
    return mobile


def mobile_index(mobile: str) -> str:
    """The blind index of a mobile number (the same as `accounts.User.mobile_index`)."""
    return blind_index(mobile, purpose="mobile")


def applicant_username(index: str) -> str:
    """The internal user name of an applicant account (derived from the blind index, never the number)."""
    return f"app_{index[:32]}"


def _code_hash(index: str, code: str) -> str:
    return salted_hmac("anju.portal.verification_code", f"{index}:{code}").hexdigest()


def applicant_by_mobile(mobile: str) -> User | None:
    """The applicant account of a mobile number, or None."""
    return User.objects.filter(mobile_index=mobile_index(mobile), role_grants__role=Role.APPLICANT).first()


def verification_code_send(
    *, mobile: str, purpose: str = CodePurpose.REGISTER, client_ip: str = ""
) -> VerificationCode:
    """Send a 6-digit code by text message, within the limits; only its hash is stored.

    Limits (settings): one code per number per PORTAL_CODE_INTERVAL_SECONDS (60), at most
    PORTAL_CODE_MAX_PER_HOUR (5) per number and PORTAL_CODE_MAX_PER_IP_HOUR (20) per address.
    """
    mobile = mobile_clean(mobile)
    index = mobile_index(mobile)
    exists = applicant_by_mobile(mobile) is not None
    if purpose == CodePurpose.REGISTER and exists:
        raise ValidationError({"mobile": errors.MOBILE_TAKEN})
    if purpose == CodePurpose.RESET and not exists:
        raise ValidationError({"mobile": errors.MOBILE_UNKNOWN})
    now = timezone.now()
    interval = _setting("PORTAL_CODE_INTERVAL_SECONDS", 60)
    with transaction.atomic():
        recent = VerificationCode.objects.filter(mobile_index=index, created_at__gte=now - timedelta(hours=1))
        last = recent.order_by("-created_at").first()
        if last is not None and (now - last.created_at).total_seconds() < interval:
            wait = interval - int((now - last.created_at).total_seconds())
            raise errors.RateLimitedError(errors.CODE_TOO_SOON.format(seconds=max(wait, 1)))
        if recent.count() >= _setting("PORTAL_CODE_MAX_PER_HOUR", 5):
            raise errors.RateLimitedError(errors.CODE_TOO_MANY_MOBILE)
        if client_ip and VerificationCode.objects.filter(
            client_ip=client_ip, created_at__gte=now - timedelta(hours=1)
        ).count() >= _setting("PORTAL_CODE_MAX_PER_IP_HOUR", 20):
            raise errors.RateLimitedError(errors.CODE_TOO_MANY_IP)
        code = f"{secrets.randbelow(10**6):06d}"
        row = VerificationCode.objects.create(
            mobile_index=index, purpose=purpose, code_hash=_code_hash(index, code), client_ip=client_ip[:45],
            expires_at=now + code_ttl(),
        )  # fmt: skip
    minutes = int(code_ttl().total_seconds() // 60)
    # sent after the row is written (a send failure raises to the caller, who asks to try again)
    sms_sender().send(mobile, f"【安居住房保障】您的验证码是 {code}，{minutes} 分钟内有效。请勿告诉他人。")
    return row


def verification_code_check(*, mobile: str, code: str, purpose: str = CodePurpose.REGISTER) -> VerificationCode:
    """Consume the latest code of a number: wrong attempts are counted and kill the code after 5."""
    index = mobile_index(mobile)
    row = (
        VerificationCode.objects.filter(mobile_index=index, purpose=purpose, used_at__isnull=True)
        .order_by("-created_at", "-id")
        .first()
    )
    if row is None or row.expires_at <= timezone.now():
        raise ValidationError({"code": errors.CODE_EXPIRED})
    max_attempts = _setting("PORTAL_CODE_MAX_ATTEMPTS", 5)
    if row.attempts >= max_attempts:
        raise ValidationError({"code": errors.CODE_LOCKED})
    # the attempt is counted before the comparison and outside any caller's transaction outcome
    VerificationCode.objects.filter(pk=row.pk).update(attempts=F("attempts") + 1)
    if not constant_time_compare(row.code_hash, _code_hash(index, (code or "").strip())):
        if row.attempts + 1 >= max_attempts:
            raise ValidationError({"code": errors.CODE_LOCKED})
        raise ValidationError({"code": errors.CODE_INVALID})
    updated = VerificationCode.objects.filter(pk=row.pk, used_at__isnull=True).update(used_at=timezone.now())
    if updated != 1:  # a concurrent request consumed it first
        raise ValidationError({"code": errors.CODE_EXPIRED})
    return row


def _password_check(password: str, user: User) -> None:
    try:
        validate_password(password, user=user)
    except ValidationError as exc:
        raise ValidationError({"password1": exc.messages}) from exc


def applicant_register(*, mobile: str, code: str, password: str, full_name: str = "", request: Any = None) -> User:
    """Create an applicant account after the code is checked; the account holds only the applicant role."""
    from anju.accounts.services.passwords import password_history_record
    from anju.accounts.services.roles import role_grant_record
    from anju.accounts.services.users import user_mobile_set

    mobile = mobile_clean(mobile)
    if applicant_by_mobile(mobile) is not None:
        raise ValidationError({"mobile": errors.MOBILE_TAKEN})
    index = mobile_index(mobile)
    user = User(username=applicant_username(index), full_name=(full_name or "").strip()[:50])
    user_mobile_set(user, mobile)
    _password_check(password, user)
    verification_code_check(mobile=mobile, code=code, purpose=CodePurpose.REGISTER)
    with transaction.atomic():
        if User.objects.filter(username=user.username).exists():
            raise ValidationError({"mobile": errors.MOBILE_TAKEN})
        user.set_password(password)
        user.password_changed_at = timezone.now()
        user.full_clean(exclude=["password"])
        user.save()
        password_history_record(user=user)
        role_grant_record(user=user, role=Role.APPLICANT, granted_by=None)
        events.audit(
            events.ACCOUNT_CREATED, user=user, obj=user, detail={"channel": "portal", "role": Role.APPLICANT.value}
        )
    return user


def applicant_password_reset(*, mobile: str, code: str, password: str) -> User:
    """Set a new password for an applicant who proved the number with a code."""
    from anju.accounts.services.passwords import password_history_record

    mobile = mobile_clean(mobile)
    user = applicant_by_mobile(mobile)
    if user is None or user.role_codes != {Role.APPLICANT.value}:
        raise ValidationError({"mobile": errors.MOBILE_UNKNOWN})
    _password_check(password, user)
    verification_code_check(mobile=mobile, code=code, purpose=CodePurpose.RESET)
    with transaction.atomic():
        user.set_password(password)
        user.password_changed_at = timezone.now()
        user.save(update_fields=["password", "password_changed_at"])
        password_history_record(user=user)
        events.audit(events.PASSWORD_RESET, user=user, obj=user, detail={"channel": "portal"})
    return user


def login_address_check(client_ip: str) -> None:
    """Refuse a sign-in from an address with too many failed sign-ins in the last hour (any numbers).

    django-axes locks a number at one address after `AXES_FAILURE_LIMIT` failures; this stops one
    address trying a few passwords on many numbers. Failures come from axes' failure log.
    """
    from axes.models import AccessFailureLog

    limit = _setting("PORTAL_LOGIN_MAX_FAILURES_PER_IP_HOUR", 20)
    if not client_ip:
        return
    since = timezone.now() - timedelta(hours=1)
    if AccessFailureLog.objects.filter(ip_address=client_ip, attempt_time__gte=since).count() >= limit:
        raise errors.RateLimitedError(errors.LOGIN_TOO_MANY_IP, field="__all__")


def applicant_authenticate(*, request: Any, mobile: str, password: str) -> User | None:
    """Check mobile + password through Django's authenticate (django-axes counts and locks failures).

    A known number is tried under its account's user name (portal registration derives it; an account
    made at the window or by the demo has its own). An unknown number is tried under the user name it
    would have, so that guessing numbers is locked out like guessing passwords and the answer never
    tells whether the number is registered.
    """
    try:
        mobile = mobile_clean(mobile)
    except ValidationError:
        return None
    # an account made outside portal registration (the window, the demo) keeps its own user name
    known = applicant_by_mobile(mobile)
    username = known.username if known is not None else applicant_username(mobile_index(mobile))
    user = authenticate(request, username=username, password=password)
    if user is None or not user.has_role(Role.APPLICANT):
        return None
    return user
