"""Fixtures of the core tests: a clean cache per test, the seeded code tables."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clear_cache():
    """Dictionary choices are cached; no test sees another's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def seeded_dictionaries(db):
    """All shipped code tables."""
    from anju.core.services.dictionaries import dictionary_load_seed

    return dictionary_load_seed()


@pytest.fixture
def login(client):
    """Sign a persona in; administrators also get a verified TOTP device (security.md #4)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    def _login(user):
        client.force_login(user)
        if user.is_superuser or user.has_role("system_admin", "security_admin", "audit_admin"):
            device = TOTPDevice.objects.create(user=user, name="测试令牌", confirmed=True)
            session = client.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()
        return client

    return _login
