"""Login, logout and lockout through the real login form (security.md #2, #3, #7)."""

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from anju.accounts.models import UserSession
from anju.accounts.tests.helpers import audit_rows, form_login
from conftest import PERSONA_PASSWORD

pytestmark = pytest.mark.django_db


def test_login_page_is_chinese_and_has_no_sidebar(client):
    response = client.get(reverse("accounts:login"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "工作人员登录" in html and "用户名" in html and "密码" in html
    assert 'id="sidebar"' not in html


def test_login_goes_to_the_workbench_with_a_new_session_key(client, district_officer):
    # given an anonymous session that already exists
    before = client.session.session_key
    assert Session.objects.filter(session_key=before).exists()
    # when the officer logs in through the form
    response = form_login(client, district_officer.username, PERSONA_PASSWORD)
    # then they land on the workbench with a different session key (cycle_key)
    assert response.status_code == 302
    assert response["Location"] == "/staff/"
    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert after != before
    assert not Session.objects.filter(session_key=before).exists()
    # and the login is audited and the session is remembered for the user
    assert audit_rows("LOGIN", username=district_officer.username).count() == 1
    assert UserSession.objects.filter(user=district_officer, session_key=after).exists()


def test_login_honours_a_safe_next(client, district_officer):
    response = client.post(
        reverse("accounts:login"), {"username": district_officer.username, "password": PERSONA_PASSWORD, "next": "/accounts/organisations/"}
    )
    assert response["Location"] == "/accounts/organisations/"


def test_login_ignores_an_external_next(client, district_officer):
    response = client.post(
        reverse("accounts:login"), {"username": district_officer.username, "password": PERSONA_PASSWORD, "next": "https://evil.example/"}
    )
    assert response["Location"] == "/staff/"


def test_failed_login_is_chinese_and_audited(client, district_officer):
    response = form_login(client, district_officer.username, "wrong-password")
    assert response.status_code == 200
    assert "用户名或密码不正确" in response.content.decode()
    assert audit_rows("LOGIN_FAILED", result="failure").count() == 1


def test_disabled_user_cannot_log_in(client, district_officer):
    district_officer.is_active = False
    district_officer.save()
    response = form_login(client, district_officer.username, PERSONA_PASSWORD)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_logout_is_post_only_and_audited(client, district_officer):
    form_login(client, district_officer.username, PERSONA_PASSWORD)
    assert client.get(reverse("accounts:logout")).status_code == 405
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login")
    assert audit_rows("LOGOUT", username=district_officer.username).count() == 1
    assert not UserSession.objects.filter(user=district_officer).exists()
    assert client.get("/staff/").status_code == 302


def test_four_failures_do_not_lock(client, district_officer):
    for _ in range(4):
        form_login(client, district_officer.username, "wrong-password")
    response = form_login(client, district_officer.username, PERSONA_PASSWORD)
    assert response.status_code == 302


def test_locks_exactly_at_attempt_six_and_audits(client, district_officer):
    # given five failures
    for attempt in range(1, 6):
        response = form_login(client, district_officer.username, "wrong-password")
        assert response.status_code == (429 if attempt == 5 else 200), attempt
    assert audit_rows("LOCKOUT").count() == 1
    # when the sixth attempt uses the right password
    response = form_login(client, district_officer.username, PERSONA_PASSWORD)
    # then it is refused with the Chinese lockout page
    assert response.status_code == 429
    html = response.content.decode()
    assert "账号已锁定" in html and "15 分钟" in html
    assert "_auth_user_id" not in client.session


def test_lock_is_per_username_and_ip(client, district_officer, city_officer):
    for _ in range(5):
        form_login(client, district_officer.username, "wrong-password")
    # another user from the same address still logs in
    assert form_login(client, city_officer.username, PERSONA_PASSWORD).status_code == 302
    # the locked user from another address too
    other = form_login(client.__class__(), district_officer.username, PERSONA_PASSWORD, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_unlocks_after_15_minutes(client, district_officer):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        for _ in range(5):
            form_login(client, district_officer.username, "wrong-password")
        traveller.shift(timedelta(minutes=14, seconds=59))
        assert form_login(client, district_officer.username, PERSONA_PASSWORD).status_code == 429
        traveller.shift(timedelta(seconds=2))
        assert form_login(client, district_officer.username, PERSONA_PASSWORD).status_code == 302
