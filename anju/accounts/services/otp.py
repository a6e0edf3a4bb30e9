"""The administrators' second factor: TOTP devices (django-otp) set up, verified and reset."""

from __future__ import annotations

import base64
from typing import Any

import django_otp
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from anju.accounts import errors, events
from anju.accounts.models import User
from anju.accounts.roles import Role

DEVICE_NAME = "安居动态口令"


def otp_secret_base32(device: TOTPDevice) -> str:
    """The device secret as an authenticator app expects it (base32, no padding)."""
    return base64.b32encode(device.bin_key).decode("ascii").rstrip("=")


def otp_device_pending(*, user: User) -> TOTPDevice:
    """The unconfirmed device being set up; refused once a confirmed device exists.

    Re-enrolment needs the security administrator to reset the old device first, so a stolen
    password alone cannot register a new second factor.
    """
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        raise ValidationError("您已绑定动态口令设备；如需更换，请联系安全管理员重置。", code="device_exists")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def _verify(device: TOTPDevice, token: str) -> bool:
    allowed, _ = device.verify_is_allowed()
    return bool(allowed) and device.verify_token(token.strip())


@transaction.atomic
def otp_device_confirm(*, user: User, token: str, request: Any) -> bool:
    """Confirm the pending device with a first token and mark this session verified."""
    device = otp_device_pending(user=user)
    if not _verify(device, token):
        events.audit(events.LOGIN_FAILED, user=user, result="failure", detail={"factor": "otp_setup"}, request=request)
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    django_otp.login(request, device)
    events.audit(events.USER_UPDATED, user=user, obj=user, detail={"changed": ["otp_device"], "confirmed": True}, request=request)
    return True


def otp_verify(*, user: User, token: str, request: Any) -> bool:
    """Check a token against the user's confirmed devices; on success this session is verified."""
    for device in TOTPDevice.objects.filter(user=user, confirmed=True):
        if _verify(device, token):
            django_otp.login(request, device)
            events.audit(events.LOGIN, user=user, detail={"factor": "otp"}, request=request)
            return True
    events.audit(events.LOGIN_FAILED, user=user, result="failure", detail={"factor": "otp"}, request=request)
    return False


@transaction.atomic
def otp_devices_reset(*, user: User, acting_user: User, request: Any = None) -> int:
    """Delete a user's TOTP devices so they enrol again (security administrator, not oneself)."""
    if not acting_user.is_active or not acting_user.has_role(Role.SECURITY_ADMIN):
        raise PermissionDenied(errors.NOT_SECURITY_ADMIN)
    if acting_user.pk == user.pk:
        raise ValidationError(errors.SELF_GRANT, code="self_grant")
    deleted, _ = TOTPDevice.objects.filter(user=user).delete()
    events.audit(events.USER_UPDATED, user=acting_user, obj=user, detail={"changed": ["otp_device"], "reset": deleted}, request=request)
    return deleted
