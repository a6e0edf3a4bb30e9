"""Fixtures of the workflow tests: templates, a business record, the Playwright launch args."""

import pytest

from anju.workflow.tests.factories import admission_definition, linear_definition, make_organisation


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Attachments go to a directory of the test's own."""
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def record(demo_regions):
    """A business record in 白布社区 (谯城区 花戏楼街道)."""
    return make_organisation()


@pytest.fixture
def other_record(demo_regions):
    """A business record in 北关社区 (涡阳县)."""
    return make_organisation(code="ORG-2", region_code="341621001001", name="北关社区居委会")


@pytest.fixture
def linear_template(db):
    """The three-node test process, active."""
    from anju.workflow.services import template_import

    return template_import(data=linear_definition(), acting_user=None, activate=True)


@pytest.fixture
def admission_template(db):
    """The shipped admission process, active."""
    from anju.workflow.services import template_import

    return template_import(data=admission_definition(), acting_user=None, activate=True)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, headless, without the sandbox a container lacks (as tests/browser)."""
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "headless": True,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    }
