"""Two factors for administrators (security.md #4)."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from anju.accounts.tests.helpers import audit_rows, form_login, totp_token, verified_login
from conftest import PERSONA_PASSWORD

pytestmark = pytest.mark.django_db

ADMIN_PAGES = ["/staff/", "/accounts/users/", "/accounts/security-policy/", "/accounts/organisations/", "/django-admin/"]


@pytest.mark.parametrize("persona", ["system_admin", "security_officer", "auditor"])
def test_password_only_admin_session_reaches_no_page(client, request, persona):
    # given an administrator with a TOTP device who typed only the password
    admin = request.getfixturevalue(persona)
    TOTPDevice.objects.create(user=admin, name="手机", confirmed=True)
    response = form_login(client, admin.username, PERSONA_PASSWORD)
    assert response.status_code == 302
    # when any page is requested, then the answer is the OTP page
    for path in ADMIN_PAGES:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(reverse("accounts:otp_verify")), path
    # the API refuses too
    assert client.get("/api/v1/accounts/me/").status_code == 403


def test_verifying_a_totp_token_opens_the_pages(client, security_officer):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        # given a password-only session of the security administrator
        device = TOTPDevice.objects.create(user=security_officer, name="手机", confirmed=True)
        form_login(client, security_officer.username, PERSONA_PASSWORD)
        assert client.get("/accounts/security-policy/").status_code == 302
        # when a wrong token is typed, it is refused in Chinese
        wrong_token = "000000" if totp_token(device) != "000000" else "111111"
        wrong = client.post(reverse("accounts:otp_verify"), {"token": wrong_token})
        assert "动态口令不正确" in wrong.content.decode()
        # when the current token is typed after the throttle delay (1 s after one failure)
        traveller.shift(timedelta(seconds=2))
        response = client.post(reverse("accounts:otp_verify"), {"token": totp_token(device), "next": "/accounts/security-policy/"})
        # then the page opens
        assert response.status_code == 302
        assert response["Location"] == "/accounts/security-policy/"
        assert client.get("/accounts/security-policy/").status_code == 200
    assert audit_rows("LOGIN", detail__factor="otp").count() == 1
    assert audit_rows("LOGIN_FAILED", username=security_officer.username).count() == 1


def test_a_token_is_not_accepted_twice(client, security_officer):
    # given a token already used in one session
    device = TOTPDevice.objects.create(user=security_officer, name="手机", confirmed=True)
    with time_machine.travel(timezone.now(), tick=False):
        token = totp_token(device)
        verified = client.__class__()
        form_login(verified, security_officer.username, PERSONA_PASSWORD)
        assert verified.post(reverse("accounts:otp_verify"), {"token": token}).status_code == 302
        # when the same token is replayed in another session, then it is refused
        form_login(client, security_officer.username, PERSONA_PASSWORD)
        assert client.post(reverse("accounts:otp_verify"), {"token": token}).status_code == 200


def test_admin_without_device_sets_one_up_with_qr_code(client, auditor):
    # given an auditor without a device
    form_login(client, auditor.username, PERSONA_PASSWORD)
    response = client.get("/accounts/security-policy/")
    assert response["Location"].startswith(reverse("accounts:otp_setup"))
    # when the setup page is shown
    page = client.get(response["Location"])
    html = page.content.decode()
    device = TOTPDevice.objects.get(user=auditor, confirmed=False)
    from anju.accounts.services.otp import otp_secret_base32

    assert otp_secret_base32(device) in html
    assert "<script>" not in html
    qr = client.get(reverse("accounts:otp_qrcode"))
    assert qr.status_code == 200 and qr["Content-Type"] == "image/svg+xml"
    assert qr.content.lstrip().startswith(b"<?xml") or b"<svg" in qr.content[:200]
    # and the first token confirms the device and verifies the session
    confirm = client.post(reverse("accounts:otp_setup"), {"token": totp_token(device), "next": "/accounts/security-policy/"})
    assert confirm.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/accounts/security-policy/").status_code == 200


def test_setup_is_refused_once_a_device_is_confirmed(client, auditor):
    TOTPDevice.objects.create(user=auditor, name="手机", confirmed=True)
    form_login(client, auditor.username, PERSONA_PASSWORD)
    response = client.get(reverse("accounts:otp_setup"))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:otp_verify")
    assert client.get(reverse("accounts:otp_qrcode")).status_code == 403


def test_business_users_need_no_second_factor(client, district_officer):
    form_login(client, district_officer.username, PERSONA_PASSWORD)
    assert client.get("/accounts/organisations/").status_code == 200
    assert client.get(reverse("accounts:otp_verify")).status_code == 403


def test_django_admin_needs_otp_and_the_system_admin_role(client, system_admin, security_officer):
    # anonymous: our login page
    response = client.get("/django-admin/")
    assert response["Location"].startswith(reverse("accounts:login"))
    # the verified system administrator enters
    system_admin.is_staff = True
    system_admin.save()
    verified_login(client, system_admin)
    assert client.get("/django-admin/").status_code == 200
    # a verified security administrator does not
    security_officer.is_staff = True
    security_officer.save()
    other = client.__class__()
    verified_login(other, security_officer)
    assert other.get("/django-admin/").status_code == 403


def test_superuser_needs_otp_for_django_admin(client, demo_regions):
    from anju.accounts.models import User

    root = User.objects.create_superuser("root", "root@example.com", "Root#Pass2026x")
    client.force_login(root)
    assert client.get("/django-admin/")["Location"].startswith("/accounts/otp/")
    verified_login(client, root)
    assert client.get("/django-admin/").status_code == 200
