"""OpenAPI schema and the API docs: valid, served offline, under the site's CSP."""

import re
from html.parser import HTMLParser

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command

EXTERNAL = re.compile(r"^(https?:)?//", re.IGNORECASE)


class AssetCollector(HTMLParser):
    """Every script src, link href and inline script/style of a page."""

    def __init__(self):
        super().__init__()
        self.sources: list[str] = []
        self.inline_scripts = 0
        self.inline_styles = 0
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script":
            if attributes.get("src"):
                self.sources.append(attributes["src"])
            else:
                self._in_script = True
        if tag == "link" and attributes.get("href"):
            self.sources.append(attributes["href"])
        if tag == "style":
            self.inline_styles += 1
        if "style" in attributes:
            self.inline_styles += 1

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline_scripts += 1

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False


def collect(html: str) -> AssetCollector:
    """Parse a page."""
    parser = AssetCollector()
    parser.feed(html)
    return parser


@pytest.mark.django_db
def test_schema_is_openapi_3_with_our_operations(client):
    # when
    response = client.get("/api/schema/")

    # then
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    operation_ids = {op["operationId"] for path in schema["paths"].values() for op in path.values() if isinstance(op, dict) and "operationId" in op}
    assert {"health_check", "archive_files_list", "archive_files_upload", "archive_files_retrieve", "archive_files_download", "archive_files_verify"} <= operation_ids
    upload = schema["paths"]["/api/v1/archive/files/"]["post"]
    assert upload["summary"] == "上传电子档案"
    assert "multipart/form-data" in upload["requestBody"]["content"]
    assert "ApiError" in schema["components"]["schemas"]


def test_archive_and_platform_endpoints_generate_without_warnings(capsys):
    # when the schema of our own endpoints is generated and validated, failing on any warning
    call_command("spectacular", "--validate", "--fail-on-warn", "--urlconf", "anju.core.tests.api_urls", "--file", "/dev/null")

    # then nothing was reported
    assert "Warning" not in capsys.readouterr().err


def test_whole_project_schema_generates_without_warnings():
    # every app's endpoints: a warning (unresolvable field, missing annotation) fails the build
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", "/dev/null")


def test_every_operation_has_a_chinese_summary_and_no_placeholder_description(tmp_path):
    # the provincial and partner systems read these: a bare service name ("round_close.") is not a description
    import re

    import yaml

    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--file", str(target))
    schema = yaml.safe_load(target.read_text(encoding="utf-8"))
    bad = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            summary, description = operation.get("summary", ""), operation.get("description", "")
            if not re.search(r"[\u4e00-\u9fff]", summary) or re.fullmatch(r"[a-z_]+\.?", description or ""):
                bad.append(f"{method.upper()} {path}: {summary!r} / {description!r}")
    assert not bad, "\n".join(bad)


@pytest.mark.django_db
def test_swagger_ui_is_served_locally_without_inline_script(client):
    # when
    response = client.get("/api/docs/")

    # then every asset is a local sidecar/static file and there is no inline script
    page = collect(response.content.decode())
    assert response.status_code == 200
    assert page.sources and not [src for src in page.sources if EXTERNAL.match(src)]
    assert any(src.startswith("/static/drf_spectacular_sidecar/swagger-ui-dist/") for src in page.sources)
    assert page.inline_scripts == 0 and page.inline_styles == 0
    assert "/api/docs/?script=" in page.sources
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_swagger_init_script_is_a_separate_file(client):
    response = client.get("/api/docs/", {"script": ""})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert "SwaggerUIBundle" in response.content.decode()


@pytest.mark.django_db
def test_redoc_is_served_locally(client):
    # when
    response = client.get("/api/redoc/")

    # then no web fonts or scripts from the internet; only styles may be inline on this page
    page = collect(response.content.decode())
    assert not [src for src in page.sources if EXTERNAL.match(src)]
    assert "/static/drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js" in page.sources
    assert page.inline_scripts == 0
    policy = response["Content-Security-Policy"]
    assert "script-src 'self';" in policy and "style-src 'self' 'unsafe-inline'" in policy


def test_sidecar_assets_exist():
    from pathlib import Path

    import drf_spectacular_sidecar

    root = Path(drf_spectacular_sidecar.__file__).parent / "static" / "drf_spectacular_sidecar"
    for name in ("swagger-ui-dist/swagger-ui-bundle.js", "swagger-ui-dist/swagger-ui.css", "redoc/bundles/redoc.standalone.js"):
        assert (root / name).is_file()
    assert settings.SPECTACULAR_SETTINGS["SWAGGER_UI_DIST"] == "SIDECAR"
