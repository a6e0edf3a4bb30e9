"""Fixtures of the portal tests: code tables, the admission process, demo rules, a memory SMS outbox."""

from __future__ import annotations

import re

import pytest

APPLICANT_PASSWORD = "Anju#Applicant2026"
ZHANG_ID = "341602198805200116"  # 张明 in anju/portal/data/partner_demo.json
PLAIN_ID = "341602198503150037"  # nobody in the partner data


@pytest.fixture(autouse=True)
def sms_outbox(settings):
    """Codes go to `anju.portal.sms.outbox` instead of the log."""
    from anju.portal import sms

    settings.PORTAL_SMS_SENDER = "anju.portal.sms.MemorySmsSender"
    sms.outbox.clear()
    yield sms.outbox
    sms.outbox.clear()


def last_code(outbox) -> str:
    """The 6-digit code of the last message."""
    return re.search(r"\d{6}", outbox[-1].text).group(0)


@pytest.fixture
def dictionaries(db):
    """The platform's code tables and the admission-specific ones."""
    from anju.admission.dictionaries import admission_dictionaries_ensure
    from anju.core.services.dictionaries import dictionary_load_seed

    dictionary_load_seed()
    admission_dictionaries_ensure()


@pytest.fixture
def admission_process(db):
    """The shipped admission process (public_rental_admission), active."""
    from io import StringIO

    from django.core.management import call_command

    call_command("load_processes", stdout=StringIO())


@pytest.fixture
def bozhou_rules(dictionaries, demo_regions):
    """The demo rules of 亳州市."""
    from anju.rules.demo import rules_demo_load

    rules_demo_load()


@pytest.fixture
def portal_ready(demo_regions, dictionaries, admission_process, bozhou_rules):
    """Everything an online application needs."""


def applicant_account(mobile: str = "13800000001", full_name: str = "张明"):
    """An applicant account registered through the service (code read from the outbox)."""
    from anju.portal import sms
    from anju.portal.services.accounts import applicant_register, verification_code_send

    verification_code_send(mobile=mobile)
    return applicant_register(
        mobile=mobile, code=last_code(sms.outbox), password=APPLICANT_PASSWORD, full_name=full_name
    )


@pytest.fixture
def portal_applicant(demo_regions):
    """An applicant registered on the portal."""
    return applicant_account()
