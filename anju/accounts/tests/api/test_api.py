"""API v1 of accounts: me, organisations, token (security.md #2, #6, #7)."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from anju.accounts.tests.helpers import audit_rows, verified_login
from conftest import PERSONA_PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    """A DRF test client."""
    return APIClient()


def test_me_returns_roles_and_jurisdiction(api, district_officer):
    api.force_login(district_officer)
    data = api.get("/api/v1/accounts/me/").json()
    assert data["username"] == district_officer.username
    assert data["roles"] == ["district_officer"]
    assert data["role_labels"] == ["区县保障科"]
    assert data["jurisdiction"] == {"code": "341602000000", "name": "谯城区"}


def test_me_needs_authentication(api):
    assert api.get("/api/v1/accounts/me/").status_code in (401, 403)


def test_organisations_are_scoped_and_filtered(api, district_officer, organisations):
    api.force_login(district_officer)
    data = api.get("/api/v1/accounts/organisations/").json()
    names = {row["name"] for row in data["results"]}
    assert names == {"谯城区住房和城乡建设局", "白布社区居民委员会"}
    data = api.get("/api/v1/accounts/organisations/", {"kind": "community"}).json()
    assert [row["name"] for row in data["results"]] == ["白布社区居民委员会"]


def test_token_login_is_audited_and_works(api, district_officer):
    response = api.post("/api/v1/accounts/token/", {"username": district_officer.username, "password": PERSONA_PASSWORD}, format="json")
    assert response.status_code == 200
    token = response.json()["token"]
    assert audit_rows("LOGIN", detail__channel="api_token").count() == 1
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get("/api/v1/accounts/me/").json()["username"] == district_officer.username


def test_token_login_failures_lock_out(api, district_officer):
    for attempt in range(1, 6):
        response = api.post("/api/v1/accounts/token/", {"username": district_officer.username, "password": "bad"}, format="json")
        assert response.status_code == (429 if attempt == 5 else 400)
    response = api.post("/api/v1/accounts/token/", {"username": district_officer.username, "password": PERSONA_PASSWORD}, format="json")
    assert response.status_code == 429
    assert "锁定" in response.json()["detail"]
    assert audit_rows("LOGIN_FAILED").count() >= 5


def test_no_token_for_administrators(api, security_officer):
    TOTPDevice.objects.create(user=security_officer, name="手机", confirmed=True)
    response = api.post("/api/v1/accounts/token/", {"username": security_officer.username, "password": PERSONA_PASSWORD}, format="json")
    assert response.status_code == 403
    assert response.json()["code"] == "otp_required"


def test_verified_admin_session_reaches_the_api(client, auditor):
    verified_login(client, auditor)
    data = client.get("/api/v1/accounts/me/").json()
    assert data["otp_verified"] is True
