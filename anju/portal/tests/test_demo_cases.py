"""The demo's applicant cases: `applicant` has a draft lease to sign online, `tenant` has bills and arrears.

Runs the real `demo_setup` chain (distribution and tenancy demos, then `load_portal_demo`) on the
test regions, with the test signing CA, and signs in the way the printed account table says.
"""

from __future__ import annotations

import re
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from anju.accounts.services.demo import DEMO_PASSWORD
from anju.distribution.tests.factories_contracts import (
    _signing_ca_dir,  # noqa: F401 - fixture
    signing_test_ca,  # noqa: F401 - fixture
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("signing_test_ca")]


def _demo_setup() -> str:
    out = StringIO()
    call_command("demo_setup", households=200, stdout=out)
    return out.getvalue()


@pytest.fixture
def demo(demo_regions):
    """The whole demo, once; its printed output."""
    return _demo_setup()


def _signed_in(client, username: str):
    response = client.post(reverse("accounts:login"), {"username": username, "password": DEMO_PASSWORD})
    assert response.status_code == 302, f"{username} cannot sign in"
    return client


def _case(username: str):
    from anju.portal.models import OnlineApplication

    return OnlineApplication.objects.select_related("application").get(user__username=username)


def _text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_applicant_sees_a_draft_contract_with_a_sign_link(client, demo):
    from anju.distribution.choices import ContractStatus
    from anju.distribution.services.contracts import contract_is_tenants_own

    case = _case("applicant")
    contract = case.application.register_entry.contracts.get()
    assert contract.status == ContractStatus.DRAFT
    assert case.application.applicant_account.username == "applicant"
    assert contract_is_tenants_own(contract, case.user)
    _signed_in(client, "applicant")
    assert case.application.number in _text(client.get(reverse("portal:my_cases")))
    page = client.get(reverse("portal:case", args=[case.pk]))
    sign_url = reverse("portal:case_contract_sign", args=[case.pk, contract.pk])
    assert page.status_code == 200 and "网上签约" in _text(page)
    assert f'href="{sign_url}"' in page.content.decode()
    sign_page = client.get(sign_url)
    assert sign_page.status_code == 200 and 'name="digest"' in sign_page.content.decode()
    assert "applicant" in demo and contract.number in demo


def test_tenant_sees_bills_with_a_partial_payment_and_arrears(client, demo):
    from anju.distribution.choices import ContractStatus
    from anju.tenancy.models import MoveIn, RentReceipt
    from anju.tenancy.selectors_household import household_rent

    case = _case("tenant")
    entry = case.application.register_entry
    assert entry.contracts.get().status == ContractStatus.SIGNED
    assert MoveIn.objects.filter(register_entry=entry).count() == 1
    rent = household_rent(register_entry=entry)
    assert len(rent.charges) == 4
    receipts = RentReceipt.objects.filter(register_entry=entry)
    assert receipts.count() == 1 and Decimal(0) < rent.paid < rent.charged
    assert rent.outstanding == rent.charged - rent.paid > 0 and rent.ageing.months >= 2
    _signed_in(client, "tenant")
    section = _text(client.get(reverse("portal:case", args=[case.pk])))
    assert "租金" in section and f"{rent.outstanding:.2f} 元" in section
    bills = client.get(reverse("portal:case_rent", args=[case.pk]))
    assert bills.status_code == 200
    text = _text(bills)
    assert receipts.get().number in text and f"{rent.outstanding:.2f}" in text
    assert "tenant" in demo and "13905580011" in demo


def test_running_the_demo_twice_adds_nothing(client, demo):
    from anju.accounts.models import User
    from anju.admission.models import Application
    from anju.distribution.models import Contract, Selection
    from anju.portal.models import OnlineApplication
    from anju.tenancy.models import MoveIn, RentCharge, RentReceipt

    def counts() -> dict[str, int]:
        return {
            "users": User.objects.count(),
            "linked": Application.objects.filter(applicant_account__isnull=False).count(),
            "online": OnlineApplication.objects.count(),
            "contracts": Contract.objects.count(),
            "chosen": Selection.objects.filter(unit__isnull=False).count(),
            "move_ins": MoveIn.objects.count(),
            "charges": RentCharge.objects.count(),
            # the tenancy demo itself may add payments for other households on a re-run; not the tenant's
            "receipts": RentReceipt.objects.filter(
                register_entry__application__online__user__username="tenant"
            ).count(),
        }

    first = counts()
    assert first["online"] == 2 and first["linked"] == 2 and first["receipts"] == 1
    again = _demo_setup()
    assert counts() == first
    assert "门户演示申请案例：新增 0 个。" in again and "门户演示申请案例：新增 2 个。" in demo


def test_without_a_round_in_selection_nothing_is_built(demo_regions):
    from anju.accounts.services.demo import demo_accounts_create
    from anju.distribution.models import Contract
    from anju.portal.models import OnlineApplication

    demo_accounts_create()
    out = StringIO()
    call_command("load_portal_demo", stdout=out)
    assert "没有正在选房的轮候家庭" in out.getvalue() and "Anju" not in out.getvalue()
    assert not OnlineApplication.objects.exists() and not Contract.objects.exists()
