"""Every HTML response carries the CSP without inline script (security.md #15)."""

import pytest
from django.conf import settings
from django.urls import reverse

from anju.archive.tests.factories import upload

PUBLIC_PAGES = ["/", "/accounts/login/", "/api/docs/", "/api/redoc/", "/no-such-page/"]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files go to a temporary directory."""
    settings.MEDIA_ROOT = str(tmp_path)


def assert_csp(response, path):
    """The header is present and forbids inline script."""
    policy = response.get("Content-Security-Policy", "")
    assert policy, f"{path} has no CSP"
    script_src = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src, path
    assert "frame-ancestors 'none'" in policy


@pytest.mark.django_db
def test_public_html_responses_carry_the_csp(client, demo_regions):
    for path in PUBLIC_PAGES:
        response = client.get(path)
        if response.get("Content-Type", "").startswith("text/html"):
            assert_csp(response, path)


@pytest.mark.django_db
def test_staff_html_responses_carry_the_csp(client, district_officer):
    # given
    from anju.accounts.models import Organisation

    organisation = Organisation.objects.create(code="QC-9", name="谯城区测试机构", kind="district_bureau", region_code="341602000000")
    file = upload(organisation, district_officer)
    client.force_login(district_officer)
    pages = [
        reverse("archive:file_list"),
        file.get_absolute_url(),
        reverse("archive:file_upload") + f"?owner=accounts.organisation:{organisation.pk}",
        "/staff/",
    ]

    # then
    html_pages = 0
    for path in pages:
        response = client.get(path, follow=True)
        if response.get("Content-Type", "").startswith("text/html"):
            html_pages += 1
            assert_csp(response, path)
    assert html_pages >= 3


def test_base_policy_has_no_inline_script():
    assert "'unsafe-inline'" not in settings.CSP_POLICY
