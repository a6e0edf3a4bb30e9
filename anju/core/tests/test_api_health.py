"""GET /api/v1/health/."""

from unittest import mock

import pytest
from django.db import DatabaseError


@pytest.mark.django_db
def test_health_is_open_and_checks_the_database(client):
    response = client.get("/api/v1/health/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["database"] == "ok" and body["version"]


@pytest.mark.django_db
def test_health_reports_a_broken_database(client):
    with mock.patch("anju.core.api.auth.connection.cursor", side_effect=DatabaseError("down")):
        response = client.get("/api/v1/health/")
    assert response.status_code == 503
    assert response.json()["database"] == "error"
