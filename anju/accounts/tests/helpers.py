"""Helpers of the accounts tests: web login through the real form, verified admin sessions."""

from __future__ import annotations

from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def form_login(client, username: str, password: str, **extra):
    """POST the login form (axes sees the request, unlike client.login)."""
    return client.post(reverse("accounts:login"), {"username": username, "password": password}, **extra)


def totp_token(device: TOTPDevice, *, offset_steps: int = 0) -> str:
    """The code an authenticator app would show for the device now."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset_steps):06d}"


def verified_login(client, user) -> TOTPDevice:
    """Log in with a confirmed TOTP device already verified in this session."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="test", confirmed=True
    )
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


def audit_rows(action: str, **filters):
    """Audit events of one action (the audit app records them)."""
    from anju.audit.models import AuditEvent

    return AuditEvent.objects.filter(action=action, **filters)
