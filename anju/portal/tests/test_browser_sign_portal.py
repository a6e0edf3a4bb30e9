"""In Chromium on a phone (390×844): a tenant household sees its rent bills, then reads a draft contract,
gets an SMS code and signs online; the signed contract verifies. Controls labelled, no horizontal scroll.
"""

from __future__ import annotations

import datetime as dt

import pytest

from anju.distribution.tests.factories_contracts import (
    _signing_ca_dir,  # noqa: F401 - fixture
    lease_terms,
    signing_test_ca,  # noqa: F401 - fixture
)
from anju.portal.tests.conftest import APPLICANT_PASSWORD, applicant_account, last_code
from anju.portal.tests.test_browser_portal import (  # the same phone, Chromium and checks
    browser_context_args,  # noqa: F401 - fixture
    browser_type_launch_args,  # noqa: F401 - fixture
    page_ok,
    problems,  # noqa: F401 - fixture
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def tenant_household(demo_regions, dictionaries, operator, district_officer, signing_test_ca):  # noqa: F811
    """A household living in a leased unit: three months charged, 450 of 900 paid; a draft renewal to sign."""
    from anju.distribution.choices import ContractType
    from anju.distribution.services.contracts import contract_create
    from anju.portal.models import OnlineApplication, VerificationCode
    from anju.tenancy.services import payment_record, rent_run
    from anju.tenancy.tests.factories import tenancy_make

    move_in = tenancy_make(rent="300.00")
    for month in ("2026-01", "2026-02", "2026-03"):
        rent_run(period=month, acting_user=None)
    receipt = payment_record(
        register_entry=move_in.register_entry, amount="450.00", method="cash", acting_user=operator,
        shortfall_reason="分期缴纳",
    )  # fmt: skip
    draft = contract_create(
        register_entry=move_in.register_entry, contract_type=ContractType.LEASE, acting_user=district_officer,
        terms=lease_terms(monthly_rent=move_in.rent, effective_on=dt.date(2027, 1, 1)), unit=move_in.unit,
        renewal_of=move_in.lease,
    )  # fmt: skip
    user = applicant_account(mobile="13800000061", full_name=move_in.register_entry.applicant_name)
    VerificationCode.objects.all().delete()  # the registration code is not the signing code's concern
    case = OnlineApplication.objects.create(user=user, application=move_in.register_entry.application, step="submitted")
    return {"case": case, "draft": draft, "receipt": receipt}


def test_tenant_sees_a_rent_bill_and_signs_a_contract_online(page, live_server, problems, sms_outbox, tenant_household):  # noqa: F811
    from anju.distribution.choices import ContractStatus
    from anju.distribution.services.contracts import contract_verify

    base, case, draft = live_server.url, tenant_household["case"], tenant_household["draft"]
    # -- sign in ---------------------------------------------------------------------------------
    page.goto(f"{base}/account/login/?next=/my/{case.pk}/")
    page.get_by_label("手机号码").fill("13800000061")
    page.get_by_label("密码").fill(APPLICANT_PASSWORD)
    page.get_by_label("密码").press("Enter")
    page.wait_for_url(f"{base}/my/{case.pk}/")
    page_ok(page)
    assert "欠缴租金" in page.inner_text("main") and "450.00 元" in page.inner_text("main")
    # -- the rent bills ----------------------------------------------------------------------------
    page.get_by_role("link", name="查看租金账单和缴费记录").click()
    page.wait_for_url(f"{base}/my/{case.pk}/rent/")
    page_ok(page)
    assert page.get_by_test_id("rent-outstanding").inner_text() == "450.00 元"
    assert page.locator("[data-testid=rent-bill]").count() == 3
    assert "部分缴纳" in page.inner_text("[data-testid=rent-bills]")
    assert tenant_household["receipt"].number in page.inner_text("[data-testid=rent-receipts]")
    with page.expect_download() as download_info:
        page.get_by_role("link", name=f"下载收据 {tenant_household['receipt'].number}（PDF）").click()
    with open(download_info.value.path(), "rb") as handle:
        assert handle.read(4) == b"%PDF"
    # -- read the draft and sign with an SMS code ----------------------------------------------------
    page.goto(f"{base}/my/{case.pk}/")
    page.get_by_role("link", name=f"阅读并签约 {draft.number}").click()
    page.wait_for_url(f"{base}/my/{case.pk}/contracts/{draft.pk}/sign/")
    page_ok(page)
    assert draft.number in page.inner_text("[data-testid=contract-text]") or "租赁" in page.inner_text(
        "[data-testid=contract-text]"
    )
    page.get_by_test_id("send-code").click()
    page.wait_for_load_state("load")
    assert "验证码已发送至尾号 0061" in page.inner_text("main")
    page_ok(page)
    page.get_by_label("我已完整阅读上述合同").check()
    page.get_by_label("短信验证码").fill(last_code(sms_outbox))
    page.get_by_test_id("confirm-sign").click()
    page.wait_for_url(f"{base}/my/{case.pk}/")
    assert "已签约" in page.inner_text("main")
    page_ok(page)
    draft.refresh_from_db()
    assert draft.status == ContractStatus.SIGNED and draft.tenant_confirm_method == "短信验证码"
    assert contract_verify(contract=draft).valid
    with page.expect_download() as download_info:
        page.get_by_role("link", name=f"下载合同 {draft.number}（电子签章 PDF）").click()
    with open(download_info.value.path(), "rb") as handle:
        assert handle.read(4) == b"%PDF"
    assert not problems, problems
