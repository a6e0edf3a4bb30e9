"""security.md #14: schemathesis over the OpenAPI schema; no GET operation answers a server error.

The whole project's schema is loaded from the WSGI app and every GET operation is exercised
with generated parameters as an authenticated city officer (token), a bounded number of
examples each (derandomised, so a failure reproduces), in well under a minute.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from config.wsgi import application

MAX_EXAMPLES = 12


@pytest.fixture
def keep_test_connection():
    """Like Django's test client: the raw WSGI app must not close the test's DB connection."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def city_officer_token(city_officer):
    """An API token of the 市保障处 persona."""
    from rest_framework.authtoken.models import Token

    return Token.objects.create(user=city_officer).key


@pytest.fixture
def sample_records(city_officer, settings, tmp_path):
    """A few records so list and detail operations have something to return."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from anju.accounts.models import Organisation
    from anju.archive.services import archive_file_upload

    settings.MEDIA_ROOT = str(tmp_path)
    organisation = Organisation.objects.create(code="QC-S", name="谯城区样例机构", kind="district_bureau", region_code="341602000000")
    pdf = SimpleUploadedFile("样例.pdf", b"%PDF-1.4\n%%EOF\n")
    return archive_file_upload(owner=organisation, uploaded_file=pdf, file_type="03", stage="application", acting_user=city_officer)


@pytest.mark.django_db
def test_get_operations_never_answer_a_server_error(keep_test_connection, city_officer_token, sample_records):
    # given the project's schema, GET operations only
    schema = schemathesis.openapi.from_wsgi("/api/schema/", application).include(method="GET")
    headers = {"Authorization": f"Token {city_officer_token}"}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert any(op.path == "/api/v1/archive/files/" for op in operations)

    failures = []
    for operation in operations:

        @settings(max_examples=MAX_EXAMPLES, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def check(case):
            response = case.call(headers=headers)
            case.validate_response(response, checks=[not_a_server_error])

        # when
        try:
            check()
        except Exception as exc:  # collect every failing operation, not just the first
            failures.append(f"{operation.method.upper()} {operation.path}: {str(exc)[:500]}")

    # then
    assert not failures, "\n\n".join(failures)
