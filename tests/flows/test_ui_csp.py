"""CSP (security.md #15): every HTML response carries the policy; no template needs inline script or style."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.urls import path

from config.urls import urlpatterns as root_urlpatterns

REPO = Path(settings.BASE_DIR)
# templates/documents/ holds PDF sources (WeasyPrint, never served to a browser): not scanned.
TEMPLATES = sorted(
    p
    for p in (REPO / "anju").rglob("*.html")
    if "templates" in p.parts and "node_modules" not in p.parts and "vendor" not in p.parts and "documents" not in p.parts
)

SCRIPT_TAG = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.IGNORECASE | re.DOTALL)
STYLE_ATTR = re.compile(r"\sstyle\s*=", re.IGNORECASE)
STYLE_TAG = re.compile(r"<style\b", re.IGNORECASE)
EVENT_ATTR = re.compile(r"\son(?:click|change|submit|load|input|keyup|keydown|focus|blur|mouseover|error)\s*=", re.IGNORECASE)
JS_URL = re.compile(r"""href\s*=\s*["']\s*javascript:""", re.IGNORECASE)


def _boom(request):
    raise RuntimeError("deliberate failure for the 500 page test")


def _forbidden(request):
    raise PermissionDenied("您没有访问此页面的权限。")


urlpatterns = [path("test-ui/boom/", _boom), path("test-ui/forbidden/", _forbidden), *root_urlpatterns]


def test_there_are_templates_to_scan():
    assert len(TEMPLATES) >= 10
    assert any(p.name == "staff_base.html" for p in TEMPLATES)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(REPO)))
def test_template_has_no_inline_script_or_style(template):
    # given
    text = template.read_text(encoding="utf-8")
    # when
    inline_scripts = [m.group(0)[:80] for m in SCRIPT_TAG.finditer(text) if "src=" not in m.group(1) or m.group(2).strip()]
    # then
    assert not inline_scripts, f"inline <script> in {template}: {inline_scripts}"
    assert not STYLE_ATTR.search(text), f'style="…" attribute in {template}: use a class in anju.css'
    assert not STYLE_TAG.search(text), f"<style> element in {template}: use anju.css"
    assert not EVENT_ATTR.search(text), f"inline event handler in {template}: use anju.js"
    assert not JS_URL.search(text), f"javascript: URL in {template}"


def test_scanner_catches_what_it_should():
    # given: the patterns the scan relies on, against known-bad snippets
    bad_script = '<script>alert(1)</script><script src="/x.js"></script>'
    # then
    assert [m for m in SCRIPT_TAG.finditer(bad_script) if "src=" not in m.group(1) or m.group(2).strip()]
    assert STYLE_ATTR.search('<div style="color:red">')
    assert not STYLE_ATTR.search('<div data-style="x">')
    assert EVENT_ATTR.search('<a onclick="x()">')


def _assert_csp(response):
    csp = response.headers.get("Content-Security-Policy", "")
    assert csp == settings.CSP_POLICY, f"{response.status_code} lacks the CSP"
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/guide/", "/accounts/login/", "/no-such-page/"])
def test_public_html_responses_carry_the_csp(client, url):
    # when
    response = client.get(url)
    # then
    assert response["Content-Type"].startswith("text/html")
    _assert_csp(response)


def test_staff_html_responses_carry_the_csp(client, community_clerk):
    # given
    client.force_login(community_clerk)
    # when
    response = client.get("/staff/")
    # then
    assert response.status_code == 200
    _assert_csp(response)


@pytest.mark.urls("tests.flows.test_ui_csp")
def test_server_error_page_is_chinese_and_carries_the_csp(client, db):
    # given
    client.raise_request_exception = False
    # when
    response = client.get("/test-ui/boom/")
    # then
    assert response.status_code == 500
    assert "系统暂时出现问题" in response.content.decode()
    _assert_csp(response)


@pytest.mark.urls("tests.flows.test_ui_csp")
def test_forbidden_page_is_chinese_without_staff_navigation(client, community_clerk):
    # given
    client.force_login(community_clerk)
    # when
    response = client.get("/test-ui/forbidden/")
    # then
    html = response.content.decode()
    assert response.status_code == 403
    assert "没有访问权限" in html and "返回工作台" in html
    assert 'data-testid="sidebar"' not in html
    _assert_csp(response)
