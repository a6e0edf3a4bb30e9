"""Case sections for a household that has a contract: 网上签约 (drafts to sign online) and 租金 (bills, arrears).

Registered by `tenant_sections_register()`; the providers read tenancy and distribution lazily, so the
portal still works without them. Both key on the application's register entry (A.3.16).
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from anju.portal.case_sections import CaseLink, CaseSection, register_case_section


def _entry_and_case(application: Any, user: Any) -> tuple[Any, Any]:
    from anju.admission.models import RegisterEntry
    from anju.portal.models import OnlineApplication

    entry = RegisterEntry.objects.filter(application=application).first()
    online = OnlineApplication.objects.filter(application=application, user=user).first()
    return entry, online


def contract_sign_section(application: Any, user: Any) -> CaseSection | None:
    """网上签约: each draft contract of the household, with the page to read and sign it."""
    entry, online = _entry_and_case(application, user)
    if entry is None or online is None:
        return None
    from anju.distribution.choices import ContractStatus
    from anju.distribution.models import Contract

    drafts = list(Contract.objects.filter(register_entry=entry, status=ContractStatus.DRAFT).order_by("-created_at"))
    if not drafts:
        return None
    rows: list[tuple[str, str]] = []
    links: list[CaseLink] = []
    for c in drafts:
        rows += [("待签合同", f"{c.number}（{c.get_contract_type_display()}）")]
        if c.renewal_of_id:
            rows.append(("续签自", c.renewal_of.number))
        links.append(CaseLink(f"阅读并签约 {c.number}", reverse("portal:case_contract_sign", args=[online.pk, c.pk])))
    return CaseSection(
        title="网上签约",
        rows=rows,
        links=links,
        note="请阅读合同全文，用短信验证码确认后即完成签约，住房保障部门的电子印章自动加盖。",
    )


def rent_section(application: Any, user: Any) -> CaseSection | None:
    """租金: totals and arrears of the household's rent bills, with the page of bills and payments."""
    entry, online = _entry_and_case(application, user)
    if entry is None or online is None:
        return None
    from anju.tenancy.selectors_household import household_rent

    rent = household_rent(register_entry=entry)
    if not rent.has_any:
        return None
    rows = [
        ("累计应收", f"{rent.charged:.2f} 元"),
        ("累计已缴", f"{rent.paid:.2f} 元"),
        ("欠缴租金", f"{rent.outstanding:.2f} 元" + (f"（{rent.ageing.months} 个月）" if rent.ageing.months else "")),
    ]
    latest = rent.charges[0] if rent.charges else None
    if latest is not None:
        rows.append(("最近账单", f"{latest.year}年{latest.month}月 {latest.amount:.2f} 元，{latest.status}"))
    return CaseSection(
        title="租金",
        rows=rows,
        links=[CaseLink("查看租金账单和缴费记录", reverse("portal:case_rent", args=[online.pk]))],
        note="请在每月 10 日前缴纳当月租金；缴费请到运营单位或按通知的方式办理。",
    )


def tenant_sections_register() -> None:
    """Register 网上签约 and 租金 after the portal's own sections (idempotent: same name replaces)."""
    register_case_section("网上签约", contract_sign_section)
    register_case_section("租金", rent_section)
