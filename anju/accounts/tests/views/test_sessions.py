"""Session timeout: idle 15 minutes, absolute 8 hours; disabling a user ends their sessions (security.md #3)."""

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from anju.accounts.services.users import user_disable
from anju.accounts.tests.helpers import audit_rows, form_login
from conftest import PERSONA_PASSWORD

pytestmark = pytest.mark.django_db

PAGE = "/accounts/organisations/"


def test_idle_for_more_than_15_minutes_logs_out(client, district_officer):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        # given a logged-in officer
        form_login(client, district_officer.username, PERSONA_PASSWORD)
        assert client.get(PAGE).status_code == 200
        # when 14 minutes pass, the session is alive (and the idle clock restarts)
        traveller.shift(timedelta(minutes=14))
        assert client.get(PAGE).status_code == 200
        # when 15 minutes and 1 second pass without a request
        traveller.shift(timedelta(minutes=15, seconds=1))
        response = client.get(PAGE)
        # then the officer is logged out and sent to the login page with next and a message
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('accounts:login')}?next=%2Faccounts%2Forganisations%2F"
        login_page = client.get(response["Location"])
        assert "分钟未操作" in login_page.content.decode()
        assert "_auth_user_id" not in client.session
    assert audit_rows("SESSION_EXPIRED", username=district_officer.username).count() == 1


def test_absolute_limit_of_8_hours_despite_activity(client, district_officer):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        form_login(client, district_officer.username, PERSONA_PASSWORD)
        # active every 10 minutes for 8 hours
        for _ in range(48):
            traveller.shift(timedelta(minutes=10))
            assert client.get(PAGE).status_code == 200
        # one more minute crosses 8 hours since login
        traveller.shift(timedelta(minutes=1))
        response = client.get(PAGE)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
        assert "超过 8 小时" in client.get(response["Location"]).content.decode()


def test_api_session_timeout_answers_401(client, district_officer):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        form_login(client, district_officer.username, PERSONA_PASSWORD)
        traveller.shift(timedelta(minutes=16))
        response = client.get("/api/v1/accounts/me/")
        assert response.status_code == 401
        assert response.json()["code"] == "session_idle"


def test_disabling_a_user_ends_all_their_sessions(district_officer, system_admin):
    # given the officer logged in from two browsers
    browsers = [Client(), Client()]
    for browser in browsers:
        assert form_login(browser, district_officer.username, PERSONA_PASSWORD).status_code == 302
    keys = [browser.cookies[settings.SESSION_COOKIE_NAME].value for browser in browsers]
    assert Session.objects.filter(session_key__in=keys).count() == 2
    # when the system administrator disables the officer
    ended = user_disable(user=district_officer, acting_user=system_admin, reason="离职")
    # then both sessions are gone and neither browser reaches a page
    assert ended == 2
    assert not Session.objects.filter(session_key__in=keys).exists()
    for browser in browsers:
        assert browser.get(PAGE).status_code == 302
    assert audit_rows("USER_DISABLED").count() == 1


def test_disabled_user_sessions_end_later_in_time_too(district_officer, system_admin):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        browser = Client()
        form_login(browser, district_officer.username, PERSONA_PASSWORD)
        traveller.shift(timedelta(minutes=5))
        user_disable(user=district_officer, acting_user=system_admin)
        traveller.shift(timedelta(minutes=1))
        assert browser.get(PAGE).status_code == 302


def test_an_applicant_whose_session_expires_goes_to_the_portal_login(client, applicant):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        # given a signed-in applicant (portal account) on a portal page
        client.force_login(applicant)
        client.get("/")
        # when 15 minutes and 1 second pass without a request
        traveller.shift(timedelta(minutes=15, seconds=1))
        response = client.get("/")
        # then the applicant is sent to the portal's login, not the staff login
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("portal:login"))
        assert "_auth_user_id" not in client.session
