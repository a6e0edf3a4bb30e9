"""Contracts (A.7.3 保障对象合同签约, A.7.4 配给合同电子档案): create, sign, renew, terminate, expire.

- `contract_create` writes a draft lease (配租), sale (配售) or subsidy (补贴) contract of a registered
  household; a lease or sale takes a unit, which moves to 已配给 through
  `anju.housing.services.units.unit_state_transition` unless the household's house selection
  already put it there. `contract_create_from_selection` takes the unit and household of a
  selection (A.7.2).
- `contract_sign` renders the contract from its editable template (`documents_contracts`), signs
  the PDF (`anju.core.signing.sign_pdf`), stores it in the contract's e-archive (A.7.4: 档案编号,
  合同编号, 申请编号, 档案名称, 档案内容说明) and records the SM3 digest of the signed file.
- `contract_renewal_request` (only in the last RENEWAL_WINDOW_DAYS before expiry) re-checks the
  household against the rules in force (`anju.rules` evaluator, the decision is recorded) and,
  when it still qualifies, writes the draft of the renewal; signing it marks the old one 已续签.
- `contract_terminate` ends a contract with a reason; a unit not yet moved into goes back to 空置.
- `contracts_expire` marks signed contracts past their end date 已到期 (daily task).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from anju.admission.models import RegisterEntry
from anju.core.fields import blind_index
from anju.core.masking import mask_id_number
from anju.distribution.choices import ContractStatus, ContractType, SelectionStatus, SubsidyPaymentMethod
from anju.distribution.events_contracts import ContractEvent
from anju.distribution.models import Contract, Selection
from anju.distribution.services.common_contracts import actor, audit, edit_check

ARCHIVE_FILE_TYPE = "09"  # 合同
ARCHIVE_STAGE = "contract"
RENEWAL_WINDOW_DAYS = 90
LIVE_STATUSES = (ContractStatus.DRAFT, ContractStatus.SIGNED)
# 保障状态 (security_state dictionary) of a household once its contract is signed.
SECURITY_STATE_BY_TYPE = {ContractType.LEASE: "02", ContractType.SALE: "03", ContractType.SUBSIDY: "04"}
# 实施住房保障方式 (security_mode dictionary) when the register entry names none more precise.
MODE_BY_TYPE = {ContractType.LEASE: "10", ContractType.SALE: "20", ContractType.SUBSIDY: "30"}
MONEY_QUANT = Decimal("0.01")


# --- terms ----------------------------------------------------------------------------------------


def contract_type_for_mode(security_mode: str) -> str:
    """The contract a 保障方式 code leads to: 1x 配租 → lease, 2x 配售 → sale, 3x/4x 补贴 → subsidy."""
    first = (security_mode or "1")[:1]
    return {"2": ContractType.SALE, "3": ContractType.SUBSIDY, "4": ContractType.SUBSIDY}.get(first, ContractType.LEASE)


def contract_term(*, contract_type: str, entry: RegisterEntry) -> tuple[int, str]:
    """(months, why) of a contract by type and applicant category (合同期限按申请人类别确定).

    公共租赁住房合同期限一般不超过五年: 低保家庭五年, 新就业无房职工和外来务工人员两年, 其他三年;
    租赁补贴按年度复核, 一年; 配售合同长期有效 (0 = no end date).
    """
    if contract_type == ContractType.SALE:
        return 0, "配售合同长期有效"
    if contract_type == ContractType.SUBSIDY:
        return 12, "租赁补贴按年度复核，协议期限一年"
    if entry.is_minimum_living or entry.income_class == "01":
        return 60, "最低生活保障家庭，合同期限五年"
    if entry.special_group in ("01", "02"):
        return 24, "新就业无房职工、城镇稳定就业外来务工人员，合同期限两年"
    return 36, "一般保障家庭，合同期限三年"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day when it has fewer days)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def contract_end(effective_on: dt.date, term_months: int) -> dt.date | None:
    """合同失效时间: the last day of the term (None for a contract without end)."""
    if not term_months:
        return None
    return add_months(effective_on, term_months) - dt.timedelta(days=1)


def _chinese_date(day: dt.date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def _department(region_code: str) -> str:
    from anju.core.models import Region

    county = Region.objects.filter(code=region_code[:6].ljust(12, "0")).values_list("name", flat=True).first()
    return f"{county or ''}住房保障部门"


def _money(value: Decimal | None) -> str:
    return f"{value:.2f}" if value is not None else ""


def contract_context(
    contract: Contract, *, effective_on: dt.date, expires_on: dt.date | None, sign_date: dt.date
) -> dict[str, Any]:
    """The values a contract template may use (see documents_contracts.SAMPLE)."""
    entry = contract.register_entry
    unit = contract.unit
    _, term_basis = contract_term(contract_type=contract.contract_type, entry=entry)
    project_name = unit.building.project.name if unit is not None else ""
    return {
        "contract_number": contract.number,
        "contract_type": contract.get_contract_type_display(),
        "department": _department(contract.region_code),
        "applicant_name": entry.applicant_name,
        "register_number": entry.number,
        "application_number": contract.application_number,
        "household_size": entry.household_size,
        "signer_name": contract.signer_name,
        "signer_id_masked": mask_id_number(contract.signer_id_number),
        "agent_name": contract.agent_name,
        "agent_id_masked": mask_id_number(contract.agent_id_number) if contract.agent_id_number else "",
        "project_name": project_name,
        "unit_address": f"{project_name} {unit}" if unit is not None else "",
        "unit_number": unit.number if unit is not None else "",
        "floor_area": _money(contract.floor_area),
        "monthly_rent": _money(contract.monthly_rent),
        "deposit": _money(contract.deposit),
        "sale_price": _money(contract.sale_price),
        "subsidy_amount": _money(contract.subsidy_amount),
        "subsidy_payment_method": contract.get_subsidy_payment_method_display()
        if contract.subsidy_payment_method
        else "",
        "subsidy_starts_on": _chinese_date(contract.subsidy_starts_on),
        "term_months": contract.term_months,
        "term_basis": term_basis
        if contract.term_months == contract_term(contract_type=contract.contract_type, entry=entry)[0]
        else f"经批准，合同期限 {contract.term_months} 个月",
        "effective_on": _chinese_date(effective_on),
        "expires_on": _chinese_date(expires_on),
        "auto_renew": "是" if contract.auto_renew else "否",
        "sign_date": _chinese_date(sign_date),
        "renewal_of": contract.renewal_of.number if contract.renewal_of_id else "",
    }


# --- create ---------------------------------------------------------------------------------------


@dataclass
class ContractTerms:
    """What the clerk enters for a contract (validated by `contract_create`)."""

    signer_name: str = ""
    signer_id_number: str = ""
    agent_name: str = ""
    agent_id_number: str = ""
    monthly_rent: Decimal | None = None
    deposit: Decimal | None = None
    sale_price: Decimal | None = None
    subsidy_amount: Decimal | None = None
    subsidy_payment_method: str = ""
    subsidy_starts_on: dt.date | None = None
    effective_on: dt.date | None = None
    term_months: int | None = None
    auto_renew: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def _terms_check(contract_type: str, terms: ContractTerms, unit: Any) -> dict[str, list[str]]:
    from anju.core.validators import validate_resident_id

    errors: dict[str, list[str]] = {}

    def add(name: str, message: str) -> None:
        errors.setdefault(name, []).append(message)

    if not terms.signer_name.strip():
        add("signer_name", "请填写签约人。")
    for name, value in (("signer_id_number", terms.signer_id_number), ("agent_id_number", terms.agent_id_number)):
        if name == "signer_id_number" and not value.strip():
            add(name, "请填写签约人身份证号。")
        elif value.strip():
            try:
                validate_resident_id(value.strip())
            except ValidationError as exc:
                add(name, "；".join(exc.messages))
    if terms.agent_name.strip() and not terms.agent_id_number.strip():
        add("agent_id_number", "有代理人时请填写代理人身份证号。")
    if contract_type in (ContractType.LEASE, ContractType.SALE) and unit is None:
        add("unit", "配租、配售合同须指定房屋。")
    if contract_type == ContractType.LEASE and (terms.monthly_rent is None or terms.monthly_rent <= 0):
        add("monthly_rent", "请填写大于 0 的月租金。")
    if contract_type == ContractType.SALE and (terms.sale_price is None or terms.sale_price <= 0):
        add("sale_price", "请填写大于 0 的售价。")
    if contract_type == ContractType.SUBSIDY:
        if terms.subsidy_amount is None or terms.subsidy_amount <= 0:
            add("subsidy_amount", "请填写大于 0 的每月补贴金额。")
        if terms.subsidy_payment_method not in SubsidyPaymentMethod.values:
            add("subsidy_payment_method", "请选择补贴发放方式。")
        if terms.subsidy_starts_on is None:
            add("subsidy_starts_on", "请填写发放起始时间。")
    for name in ("monthly_rent", "deposit", "sale_price", "subsidy_amount"):
        value = getattr(terms, name)
        if value is not None and value < 0:
            add(name, "金额不能为负数。")
    if terms.term_months is not None and not (0 <= terms.term_months <= 120):
        add("term_months", "合同有效期应在 0 至 120 个月之间。")
    if contract_type != ContractType.SALE and terms.term_months == 0:
        add("term_months", "配租合同和补贴协议须有有效期。")
    return errors


def _unit_allocate(*, unit: Any, entry: RegisterEntry, contract: Contract, acting_user: Any) -> None:
    """Put the unit into 已配给 for this contract (or accept it there when this household selected it)."""
    from anju.housing.choices import UnitState
    from anju.housing.services.units import ALLOCATABLE_STATES, ALLOCATION, unit_state_transition

    unit.refresh_from_db(fields=["state"])
    if unit.state in ALLOCATABLE_STATES:
        unit_state_transition(
            unit=unit,
            to_state=UnitState.ALLOCATED,
            acting_user=acting_user,
            source=ALLOCATION,
            reason=f"签订{contract.get_contract_type_display()} {contract.number}（{entry.applicant_name}）",
        )
        return
    selected_here = Selection.objects.filter(
        unit=unit, register_entry=entry, status__in=[SelectionStatus.CHOSEN, SelectionStatus.CONFIRMED]
    ).exists()
    if unit.state == UnitState.ALLOCATED and selected_here:
        return
    raise ValidationError({"unit": [f"住房 {unit.number} 当前为“{unit.get_state_display()}”，不能签订合同。"]})


def contract_create(
    *,
    register_entry: RegisterEntry,
    contract_type: str,
    terms: ContractTerms,
    acting_user: Any,
    unit: Any = None,
    selection: Selection | None = None,
    renewal_of: Contract | None = None,
) -> Contract:
    """A draft contract of a registered household (number HT…); a lease or sale allocates its unit."""
    from anju.core.services.numbers import business_number_next

    edit_check(acting_user, register_entry.region_code, what="该保障家庭")
    if contract_type not in ContractType.values:
        raise ValidationError({"contract_type": ["请选择合同类型。"]})
    if not register_entry.is_active:
        raise ValidationError({"register_entry": ["该家庭已退出保障，不能签订合同。"]})
    if contract_type == ContractType.SUBSIDY:
        unit = None
    errors = _terms_check(contract_type, terms, unit)
    if unit is not None and not unit.region_code.startswith(register_entry.region_code[:6]):
        errors.setdefault("unit", []).append("房屋与保障家庭不在同一区县。")
    if errors:
        raise ValidationError(errors)
    default_term, _ = contract_term(contract_type=contract_type, entry=register_entry)
    term_months = default_term if terms.term_months is None else terms.term_months
    with transaction.atomic():
        entry = RegisterEntry.objects.select_for_update(of=("self",)).get(pk=register_entry.pk)
        if renewal_of is None:
            live = Contract.objects.filter(register_entry=entry, contract_type=contract_type, status__in=LIVE_STATUSES)
            existing = live.values_list("number", flat=True).first()
            if existing:
                raise ValidationError({"register_entry": [f"该家庭已有未解除的同类合同 {existing}，不能重复签订。"]})
            if unit is not None:
                taken = (
                    Contract.objects.filter(unit=unit, status__in=LIVE_STATUSES)
                    .values_list("number", flat=True)
                    .first()
                )
                if taken:
                    raise ValidationError({"unit": [f"住房 {unit.number} 已有合同 {taken}。"]})
        contract = Contract(
            region_code=entry.region_code,
            number=business_number_next(kind="contract", region_code=entry.region_code),
            contract_type=contract_type,
            register_entry=entry,
            selection=selection,
            unit=unit,
            floor_area=unit.floor_area if unit is not None else None,
            monthly_rent=terms.monthly_rent if contract_type == ContractType.LEASE else None,
            deposit=terms.deposit if contract_type == ContractType.LEASE else None,
            sale_price=terms.sale_price if contract_type == ContractType.SALE else None,
            subsidy_amount=terms.subsidy_amount if contract_type == ContractType.SUBSIDY else None,
            subsidy_payment_method=terms.subsidy_payment_method if contract_type == ContractType.SUBSIDY else "",
            subsidy_starts_on=terms.subsidy_starts_on if contract_type == ContractType.SUBSIDY else None,
            signer_name=terms.signer_name.strip(),
            signer_id_number=terms.signer_id_number.strip().upper(),
            signer_id_number_index=blind_index(terms.signer_id_number.strip().upper(), purpose="id_number"),
            agent_name=terms.agent_name.strip(),
            agent_id_number=terms.agent_id_number.strip().upper(),
            effective_on=terms.effective_on,
            term_months=term_months,
            auto_renew=terms.auto_renew,
            renewal_of=renewal_of,
            status=ContractStatus.DRAFT,
            created_by=actor(acting_user),
            updated_by=actor(acting_user),
        )
        contract.full_clean()
        contract.save()
        if unit is not None and renewal_of is None:
            _unit_allocate(unit=unit, entry=entry, contract=contract, acting_user=acting_user)
        audit(
            action="RECORD_CREATED",
            user=acting_user,
            obj=contract,
            event=ContractEvent.CONTRACT_CREATED,
            detail={
                "number": contract.number,
                "type": contract_type,
                "register": entry.number,
                "unit": unit.number if unit is not None else "",
                "renewal_of": renewal_of.number if renewal_of else "",
            },
        )
    return contract


def contract_create_from_selection(*, selection: Selection, terms: ContractTerms, acting_user: Any) -> Contract:
    """The lease or sale contract of a house selection (A.7.2): its household and the unit it chose."""
    if selection.status not in (SelectionStatus.CHOSEN, SelectionStatus.CONFIRMED) or selection.unit_id is None:
        raise ValidationError(
            {"selection": [f"该选房记录为“{selection.get_status_display()}”，尚未选定住房，不能签约。"]}
        )
    existing = (
        Contract.objects.filter(selection=selection, status__in=LIVE_STATUSES).values_list("number", flat=True).first()
    )
    if existing:
        raise ValidationError({"selection": [f"该选房记录已生成合同 {existing}。"]})
    entry = selection.register_entry
    contract_type = contract_type_for_mode(entry.security_mode or entry.implemented_mode)
    if contract_type == ContractType.SUBSIDY:
        contract_type = ContractType.LEASE
    return contract_create(
        register_entry=entry,
        contract_type=contract_type,
        terms=terms,
        acting_user=acting_user,
        unit=selection.unit,
        selection=selection,
    )


# --- sign -----------------------------------------------------------------------------------------


def _template_version(code: str) -> str:
    from anju.core.selectors import document_template_active

    active = document_template_active(code=code)
    return f"{code}@v{active.version}" if active else f"{code}@默认"


def _register_state_follow(*, entry: RegisterEntry, contract: Contract, acting_user: Any, on_date: dt.date) -> None:
    """保障状态 of the household follows the signed contract (已配租/已配售/领取租赁补贴)."""
    from anju.admission.services.registration import register_entry_state_follow

    state = SECURITY_STATE_BY_TYPE[contract.contract_type]
    if entry.security_state == state or not entry.is_active:
        return
    mode = entry.security_mode if contract_type_for_mode(entry.security_mode) == contract.contract_type else ""
    # the signature was authorised by the caller (staff edit check, or the tenant's own confirmation):
    # the state follows the signed contract whoever signed it
    register_entry_state_follow(
        entry=entry,
        security_state=state,
        acting_user=acting_user,
        on_date=on_date,
        implemented_mode=mode or MODE_BY_TYPE[contract.contract_type],
        cause=f"合同 {contract.number} 签约",
    )


def _sign_dates(contract: Contract, sign_date: dt.date) -> tuple[dt.date, dt.date | None]:
    """(effective_on, expires_on) of a draft signed on `sign_date`."""
    effective_on = contract.effective_on or sign_date
    if contract.renewal_of_id and contract.effective_on is None:
        effective_on = max(sign_date, (contract.renewal_of.expires_on or sign_date) + dt.timedelta(days=1))
    return effective_on, contract_end(effective_on, contract.term_months)


@dataclass(frozen=True)
class ContractText:
    """The text of a draft as it will be signed on `sign_date`, and the SM3 digest of that text."""

    title: str
    body_html: str
    digest: str
    sign_date: dt.date
    effective_on: dt.date
    expires_on: dt.date | None
    department: str


def contract_text(*, contract: Contract, sign_date: dt.date | None = None) -> ContractText:
    """Render the draft's text from its template (what the tenant reads, what is signed) with its SM3 digest.

    The digest covers the title and the rendered body, so any change of the template, the terms or the
    dates printed in the contract changes it (no write).
    """
    from anju.core.crypto import get_provider
    from anju.core.documents import document_render_html
    from anju.distribution.documents_contracts import CODES

    sign_date = sign_date or timezone.localdate()
    effective_on, expires_on = _sign_dates(contract, sign_date)
    context = contract_context(contract, effective_on=effective_on, expires_on=expires_on, sign_date=sign_date)
    title, body_html = document_render_html(code=CODES[contract.contract_type], context=context)
    digest = get_provider().sm3_hex(f"{title}\n{body_html}".encode())
    return ContractText(
        title=title, body_html=body_html, digest=digest, sign_date=sign_date, effective_on=effective_on,
        expires_on=expires_on, department=context["department"],
    )  # fmt: skip


def _text_pdf(text: ContractText, *, footer: str) -> bytes:
    """The PDF of an already rendered contract text (the same frame as `document_render`)."""
    from django.utils.safestring import mark_safe

    from anju.core.documents import FRAME_TEMPLATE, render_pdf

    return render_pdf(
        template_name=FRAME_TEMPLATE,
        context={"title": text.title, "body": mark_safe(text.body_html), "footer": footer},  # noqa: S308 - sandboxed render, variables autoescaped
    )


def contract_draft_pdf(*, contract: Contract, sign_date: dt.date | None = None) -> tuple[ContractText, bytes]:
    """The unsigned preview PDF of a draft (marked 草稿) for the tenant to read before confirming (no write)."""
    text = contract_text(contract=contract, sign_date=sign_date)
    return text, _text_pdf(text, footer=f"合同编号 {contract.number}（草稿，未签章，仅供阅读）")


def _tenant_sign_date(contract: Contract) -> dt.date | None:
    """A contract the tenant confirmed online is signed as of the confirmation day (the text they read)."""
    return timezone.localdate(contract.tenant_confirmed_at) if contract.tenant_confirmed_at else None


def contract_sign(*, contract: Contract, acting_user: Any, sign_date: dt.date | None = None) -> Contract:
    """签约 at the counter: render from the template, sign the PDF, archive it (A.7.4), mark signed.

    When the tenant already confirmed the draft online, the text signed must be the one they read
    (same SM3 digest, signed as of the confirmation day); otherwise it is refused.
    """
    edit_check(acting_user, contract.region_code, what="该合同")
    if acting_user is None:
        raise PermissionDenied("合同签约须由经办人办理。")
    expected = contract.tenant_confirm_digest or None
    sign_date = sign_date or _tenant_sign_date(contract) or timezone.localdate()
    return _contract_sign(contract=contract, acting_user=acting_user, sign_date=sign_date, expected_digest=expected)


def _contract_sign(
    *,
    contract: Contract,
    acting_user: Any,
    sign_date: dt.date,
    expected_digest: str | None = None,
    reason: str = "",
    detail: dict[str, Any] | None = None,
) -> Contract:
    """Render, check the text against what the tenant confirmed, sign, archive (A.7.4), mark signed."""
    from anju.archive.services import archive_file_upload
    from anju.core.crypto import get_provider
    from anju.core.signing import SigningError, sign_pdf
    from anju.distribution.documents_contracts import CODES

    if contract.status != ContractStatus.DRAFT:
        raise ValidationError({"status": [f"合同为“{contract.get_status_display()}”，不能再次签约。"]})
    text = contract_text(contract=contract, sign_date=sign_date)
    if expected_digest and text.digest != expected_digest:
        raise ValidationError({"status": [TEXT_CHANGED]})
    code = CODES[contract.contract_type]
    title, effective_on, expires_on = text.title, text.effective_on, text.expires_on
    pdf = _text_pdf(text, footer=f"合同编号 {contract.number}")
    try:
        signed = sign_pdf(pdf, reason=reason or f"{title}签约（合同编号 {contract.number}）", location=text.department)
    except SigningError as exc:
        raise ValidationError({"status": [str(exc)]}) from exc
    digest = get_provider().sm3_hex(signed)
    with transaction.atomic():
        locked = (
            Contract.objects.select_for_update(of=("self",))
            .select_related("register_entry__application", "renewal_of", "selection__round__plan")
            .get(pk=contract.pk)
        )
        if locked.status != ContractStatus.DRAFT:
            raise ValidationError({"status": ["合同已被他人签约，请刷新页面。"]})
        if expected_digest and locked.tenant_confirm_digest and locked.tenant_confirm_digest != expected_digest:
            raise ValidationError({"status": [TEXT_CHANGED]})
        archive = archive_file_upload(
            owner=locked,
            uploaded_file=ContentFile(signed, name=f"{locked.number}.pdf"),
            file_type=ARCHIVE_FILE_TYPE,
            stage=ARCHIVE_STAGE,
            acting_user=acting_user,
            title=f"{title}（{locked.number}）",
            note=f"{locked.get_contract_type_display()}电子签章文本；签约人 {locked.signer_name}；"
            f"合同期限 {locked.term_months} 个月；文件 SM3 {digest}。",
        )
        locked.status = ContractStatus.SIGNED
        locked.signed_at = timezone.now()
        locked.effective_on = effective_on
        locked.expires_on = expires_on
        locked.signed_pdf_digest = digest
        locked.template_version = _template_version(code)
        locked.updated_by = actor(acting_user)
        locked.full_clean()
        locked.save()
        if locked.renewal_of_id:
            Contract.objects.filter(pk=locked.renewal_of_id).update(
                status=ContractStatus.RENEWED, updated_by=actor(acting_user), updated_at=timezone.now()
            )
        _register_state_follow(
            entry=locked.register_entry, contract=locked, acting_user=acting_user, on_date=effective_on
        )
        _plan_allocation_follow(contract=locked, acting_user=acting_user)
        audit(
            action="APPROVAL",
            user=acting_user,
            obj=locked,
            event=ContractEvent.CONTRACT_SIGNED,
            detail={
                "number": locked.number,
                "archive": archive.number,
                "sm3": digest,
                "text_sm3": text.digest,
                "template": locked.template_version,
                "effective_on": effective_on.isoformat(),
                "expires_on": expires_on.isoformat() if expires_on else None,
                "channel": "counter",
                **(detail or {}),
            },
        )
    return locked


# --- online signing by the tenant (网上签约) --------------------------------------------------------

TENANT_CONFIRM_METHOD = "短信验证码"
TEXT_CHANGED = "合同文本在您阅读后已发生变化，不能签约。请重新阅读合同后再确认。"


def _tenant_check(contract: Contract, applicant: Any) -> None:
    """Raise PermissionDenied unless `applicant` is the applicant account of the contract's household."""
    from anju.accounts.roles import Role

    if not (
        getattr(applicant, "is_authenticated", False) and applicant.is_active and applicant.has_role(Role.APPLICANT)
    ):
        raise PermissionDenied("只有申请人本人可以网上签约。")
    if not contract_is_tenants_own(contract, applicant):
        raise PermissionDenied("该合同不是您家庭的合同。")


def contract_is_tenants_own(contract: Contract, user: Any) -> bool:
    """Is `user` the applicant account of the contract's household (网上申请 or linked at the window)?"""
    application = contract.register_entry.application
    if application.applicant_account_id is not None:
        return application.applicant_account_id == user.pk
    return user.online_applications.filter(application_id=application.pk).exists()


def contract_tenant_read_record(*, contract: Contract, applicant: Any, digest: str, what: str = "page") -> None:
    """Audit that the tenant opened the draft (page or preview PDF) with the digest of the text shown."""
    _tenant_check(contract, applicant)
    audit(
        action="FILE_DOWNLOADED" if what == "pdf" else "PERSONAL_DATA_VIEWED",
        user=applicant,
        obj=contract,
        event=ContractEvent.CONTRACT_TENANT_READ,
        detail={"number": contract.number, "text_sm3": digest, "what": what},
    )


def contract_tenant_sign_check(*, contract: Contract, applicant: Any, read_digest: str) -> ContractText:
    """Before the code is consumed: the tenant's own draft, and its text still the one they read."""
    _tenant_check(contract, applicant)
    if contract.status != ContractStatus.DRAFT:
        raise ValidationError({"status": [f"合同为“{contract.get_status_display()}”，不能网上签约。"]})
    text = contract_text(contract=contract)
    if not read_digest or read_digest != text.digest:
        audit(
            action="APPROVAL", user=applicant, obj=contract, event=ContractEvent.CONTRACT_TENANT_REFUSED,
            detail={"number": contract.number, "why": "text_changed", "read_sm3": read_digest, "text_sm3": text.digest},
        )  # fmt: skip
        raise ValidationError({"status": [TEXT_CHANGED]})
    return text


def contract_tenant_code_sent_record(*, contract: Contract, applicant: Any) -> None:
    """Audit that a signing code was sent to the tenant's account mobile (the code itself is never logged)."""
    _tenant_check(contract, applicant)
    audit(
        action="RECORD_CREATED", user=applicant, obj=contract, event=ContractEvent.CONTRACT_TENANT_CODE_SENT,
        detail={"number": contract.number, "method": TENANT_CONFIRM_METHOD},
    )  # fmt: skip


def contract_tenant_refusal_record(*, contract: Contract, applicant: Any, why: str) -> None:
    """Audit a refused online signing (e.g. a wrong or expired code); nothing else changes."""
    audit(
        action="APPROVAL", user=applicant, obj=contract, event=ContractEvent.CONTRACT_TENANT_REFUSED,
        detail={"number": contract.number, "why": why[:200]},
    )  # fmt: skip


def contract_tenant_sign(
    *,
    contract: Contract,
    applicant: Any,
    read_digest: str,
    client_ip: str = "",
    confirm_method: str = TENANT_CONFIRM_METHOD,
) -> Contract:
    """网上签约: record the tenant's confirmation (time, method, address, SM3 of the text read), then apply the
    department's e-seal automatically (`_contract_sign`, reason naming the tenant).

    The caller has verified the SMS code. The confirmation is kept even when sealing fails (e.g. no
    certificate configured): staff can then sign at the counter, and only the text the tenant read.
    """
    text = contract_tenant_sign_check(contract=contract, applicant=applicant, read_digest=read_digest)
    now = timezone.now()
    with transaction.atomic():
        locked = Contract.objects.select_for_update(of=("self",)).get(pk=contract.pk)
        if locked.status != ContractStatus.DRAFT:
            raise ValidationError({"status": ["合同已签约，请刷新页面。"]})
        locked.tenant_confirmed_at = now
        locked.tenant_confirm_method = confirm_method[:20]
        locked.tenant_confirm_digest = text.digest
        locked.tenant_confirm_ip = (client_ip or "")[:45]
        locked.tenant_confirmed_by = applicant
        locked.updated_at = now
        locked.save(
            update_fields=[
                "tenant_confirmed_at", "tenant_confirm_method", "tenant_confirm_digest", "tenant_confirm_ip",
                "tenant_confirmed_by", "updated_at",
            ]
        )  # fmt: skip
        audit(
            action="APPROVAL", user=applicant, obj=locked, event=ContractEvent.CONTRACT_TENANT_CONFIRMED,
            detail={"number": locked.number, "method": confirm_method, "ip": client_ip, "text_sm3": text.digest,
                    "confirmed_at": now.isoformat()},
        )  # fmt: skip
    confirmed_at = timezone.localtime(now).strftime("%Y-%m-%d %H:%M")
    reason = (
        f"{text.title}网上签约（合同编号 {locked.number}）：承租人 {locked.signer_name} 于 {confirmed_at} "
        f"经{confirm_method}确认，{text.department}电子印章自动签章"
    )
    return _contract_sign(
        contract=locked,
        acting_user=applicant,
        sign_date=text.sign_date,
        expected_digest=text.digest,
        reason=reason,
        detail={"channel": "online", "tenant": applicant.pk, "confirm_method": confirm_method},
    )


def _plan_allocation_follow(*, contract: Contract, acting_user: Any) -> None:
    """A contract signed from a selection of a plan's round records the allocation on the plan (已配置, A.6)."""
    from anju.allocation.choices import PlanStatus
    from anju.allocation.services.plans import plan_allocation_record

    if contract.selection is None:
        return
    plan = contract.selection.round.plan
    if plan.status != PlanStatus.PUBLISHED:
        return  # a closed plan keeps what the selection recorded
    plan_allocation_record(
        plan=plan, register_entry=contract.register_entry, unit=contract.unit, acting_user=acting_user
    )


# --- verify ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ContractVerification:
    """The signed file of a contract checked twice: its SM3 against the contract, its PDF signature."""

    archive_file: Any
    digest_ok: bool
    report: Any

    @property
    def valid(self) -> bool:
        """True when the file is the one signed and its signature verifies."""
        return self.digest_ok and self.report is not None and self.report.valid

    @property
    def message(self) -> str:
        """One Chinese sentence for the page and the API."""
        if self.archive_file is None:
            return "合同尚未签约，没有签章文件。"
        if not self.digest_ok:
            return "电子档案中的合同文件与签约时的 SM3 摘要不一致，可能已被替换或篡改。"
        return self.report.message


def contract_signed_file(contract: Contract) -> Any:
    """The archive file holding the signed PDF (the newest, not deleted), or None."""
    from anju.archive.models import ArchiveFile

    return (
        ArchiveFile.objects.for_owner(contract)
        .active()
        .filter(file_type=ARCHIVE_FILE_TYPE)
        .order_by("-uploaded_at", "-id")
        .first()
    )


def contract_verify(*, contract: Contract) -> ContractVerification:
    """Re-read the signed PDF from the e-archive and verify digest and signature (no write)."""
    from anju.core.crypto import get_provider
    from anju.core.signing import verify_pdf

    archive_file = contract_signed_file(contract)
    if archive_file is None or not contract.signed_pdf_digest:
        return ContractVerification(archive_file=archive_file, digest_ok=False, report=None)
    with archive_file.file.storage.open(archive_file.file.name, "rb") as handle:
        data = handle.read()
    digest_ok = get_provider().sm3_hex(data) == contract.signed_pdf_digest
    return ContractVerification(archive_file=archive_file, digest_ok=digest_ok, report=verify_pdf(data))


# --- renew ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RenewalOutcome:
    """The result of a renewal request: the rules decision, and the draft renewal when eligible."""

    eligible: bool
    decision: Any
    lines: list[str]
    renewal: Contract | None = None


def contract_renewal_request(
    *, contract: Contract, acting_user: Any, term_months: int | None = None, today: dt.date | None = None
) -> RenewalOutcome:
    """续签: within the window before expiry, re-check the household against the rules in force."""
    from anju.rules.errors import NoActiveRuleSetError
    from anju.rules.services.evaluation import evaluate_application, explain_text

    edit_check(acting_user, contract.region_code, what="该合同")
    today = today or timezone.localdate()
    if contract.status != ContractStatus.SIGNED:
        raise ValidationError({"status": [f"合同为“{contract.get_status_display()}”，只有已签约的合同可以续签。"]})
    if contract.expires_on is None:
        raise ValidationError({"status": ["配售合同长期有效，无需续签。"]})
    if today > contract.expires_on:
        raise ValidationError({"status": [f"合同已于 {contract.expires_on:%Y-%m-%d} 到期，不能续签，请重新申请保障。"]})
    opens = contract.expires_on - dt.timedelta(days=RENEWAL_WINDOW_DAYS)
    if today < opens:
        raise ValidationError(
            {"status": [f"合同到期前 {RENEWAL_WINDOW_DAYS} 天内才能申请续签（{opens:%Y-%m-%d} 起）。"]}
        )
    pending = contract.renewals.filter(status__in=LIVE_STATUSES).values_list("number", flat=True).first()
    if pending:
        raise ValidationError({"status": [f"已有续签合同 {pending}。"]})
    entry = contract.register_entry
    try:
        decision = evaluate_application(
            application=entry.application,
            mode=entry.security_mode or MODE_BY_TYPE[contract.contract_type],
            as_of=today,
            acting_user=acting_user,
            record=True,
        )
    except NoActiveRuleSetError as exc:
        raise ValidationError({"status": [f"无法复核：{exc}"]}) from exc
    lines = explain_text(decision)
    with transaction.atomic():
        Contract.objects.filter(pk=contract.pk).update(
            renewal_requested_at=timezone.now(), updated_by=actor(acting_user), updated_at=timezone.now()
        )
        if not decision.eligible:
            audit(
                action="APPROVAL",
                user=acting_user,
                obj=contract,
                event=ContractEvent.CONTRACT_RENEWAL_REFUSED,
                detail={"number": contract.number, "decision": decision.pk, "eligible": False},
            )
            return RenewalOutcome(eligible=False, decision=decision, lines=lines)
        terms = ContractTerms(
            signer_name=contract.signer_name,
            signer_id_number=contract.signer_id_number,
            agent_name=contract.agent_name,
            agent_id_number=contract.agent_id_number,
            monthly_rent=contract.monthly_rent,
            deposit=contract.deposit,
            sale_price=contract.sale_price,
            subsidy_amount=contract.subsidy_amount,
            subsidy_payment_method=contract.subsidy_payment_method,
            subsidy_starts_on=(contract.expires_on + dt.timedelta(days=1)) if contract.subsidy_starts_on else None,
            effective_on=contract.expires_on + dt.timedelta(days=1),
            term_months=term_months,
            auto_renew=contract.auto_renew,
        )
        renewal = contract_create(
            register_entry=entry,
            contract_type=contract.contract_type,
            terms=terms,
            acting_user=acting_user,
            unit=contract.unit,
            selection=contract.selection,
            renewal_of=contract,
        )
        audit(
            action="APPROVAL",
            user=acting_user,
            obj=contract,
            event=ContractEvent.CONTRACT_RENEWAL_REQUESTED,
            detail={"number": contract.number, "decision": decision.pk, "eligible": True, "renewal": renewal.number},
        )
    return RenewalOutcome(eligible=True, decision=decision, lines=lines, renewal=renewal)


# --- terminate and expire ------------------------------------------------------------------------


def contract_terminate(
    *, contract: Contract, reason: str, acting_user: Any, terminated_on: dt.date | None = None
) -> Contract:
    """解除合同 with a reason; a unit not yet moved into goes back to 空置, an occupied one waits for 腾退."""
    from anju.housing.choices import UnitState
    from anju.housing.services.units import ALLOCATION, unit_state_transition

    edit_check(acting_user, contract.region_code, what="该合同")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": ["请填写解除原因。"]})
    terminated_on = terminated_on or timezone.localdate()
    if terminated_on > timezone.localdate():
        raise ValidationError({"terminated_on": ["解除日期不能晚于今天。"]})
    with transaction.atomic():
        locked = Contract.objects.select_for_update(of=("self",)).select_related("unit").get(pk=contract.pk)
        if locked.status not in LIVE_STATUSES:
            raise ValidationError({"status": [f"合同为“{locked.get_status_display()}”，不能解除。"]})
        if locked.effective_on and terminated_on < locked.effective_on and locked.status == ContractStatus.SIGNED:
            raise ValidationError({"terminated_on": ["解除日期不能早于合同生效日期。"]})
        previous = locked.status
        locked.status = ContractStatus.TERMINATED
        locked.terminated_on = terminated_on
        locked.termination_reason = reason[:500]
        locked.updated_by = actor(acting_user)
        locked.full_clean()
        locked.save()
        # a renewal drafted for this contract ends with it
        drafts = list(locked.renewals.filter(status=ContractStatus.DRAFT).values_list("number", flat=True))
        locked.renewals.filter(status=ContractStatus.DRAFT).update(
            status=ContractStatus.TERMINATED,
            terminated_on=terminated_on,
            updated_at=timezone.now(),
            termination_reason=f"原合同 {locked.number} 解除：{reason}"[:500],
            updated_by=actor(acting_user),
        )
        unit_note = ""
        still_used = (
            locked.unit_id is not None
            and Contract.objects.filter(unit=locked.unit_id, status__in=LIVE_STATUSES).exclude(pk=locked.pk).exists()
        )
        if locked.unit is not None and not still_used:
            if locked.unit.state == UnitState.ALLOCATED:
                unit_state_transition(
                    unit=locked.unit,
                    to_state=UnitState.VACANT,
                    acting_user=acting_user,
                    source=ALLOCATION,
                    reason=f"合同 {locked.number} 解除：{reason[:100]}",
                )
                unit_note = "住房已退回为空置。"
            elif locked.unit.state == UnitState.OCCUPIED:
                unit_note = "住房已入住，须由配后管理办理腾退。"
        audit(
            action="RECORD_UPDATED",
            user=acting_user,
            obj=locked,
            event=ContractEvent.CONTRACT_TERMINATED,
            detail={
                "number": locked.number,
                "reason": locked.termination_reason,
                "terminated_on": terminated_on.isoformat(),
                "changes": {"status": [previous, locked.status]},
                "unit": unit_note,
                "renewals_ended": drafts,
            },
        )
    locked.unit_note = unit_note  # type: ignore[attr-defined]  # shown once by the view
    return locked


AUTO_RENEW_DAYS = 60  # 自动续签: the renewal is filed this many days before the end (inside RENEWAL_WINDOW_DAYS)


@dataclass
class AutoRenewalResult:
    """What one auto-renewal pass did: renewals drafted, households refused by the rules, errors."""

    renewed: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def _renewal_notice(contract: Contract, text: str) -> None:
    """通知: a text message to the household's applicant accounts on the portal (none without an account)."""
    import logging

    from django.apps import apps

    if not apps.is_installed("anju.portal"):
        return
    from anju.accounts.models import User
    from anju.portal.sms import sms_sender

    users = User.objects.filter(online_applications__application_id=contract.register_entry.application_id)
    for user in users.distinct():
        if not user.mobile:
            continue
        try:
            sms_sender().send(user.mobile, f"【安居住房保障】{text}")
        except Exception:  # a gateway failure must not stop the daily job; the audit row keeps the notice
            logging.getLogger(__name__).exception("renewal notice to user %s failed", user.pk)


def contracts_auto_renew(*, today: dt.date | None = None) -> AutoRenewalResult:
    """自动续签: for signed auto-renew contracts ending within AUTO_RENEW_DAYS, file the renewal request.

    Each goes through `contract_renewal_request` (the rules re-check; eligible → a draft renewal the
    household signs online or at the counter; not eligible → refused with reasons). The household is
    notified either way; a contract is requested once (``renewal_requested_at``).
    """
    today = today or timezone.localdate()
    result = AutoRenewalResult()
    due = (
        Contract.objects.filter(
            status=ContractStatus.SIGNED,
            auto_renew=True,
            renewal_requested_at__isnull=True,
            expires_on__gte=today,
            expires_on__lte=today + dt.timedelta(days=AUTO_RENEW_DAYS),
        )
        .exclude(renewals__status__in=LIVE_STATUSES)
        .select_related("register_entry__application")
        .order_by("expires_on", "id")
    )
    for contract in due:
        try:
            outcome = contract_renewal_request(contract=contract, acting_user=None, today=today)
        except ValidationError as exc:
            result.failed.append(contract.number)
            audit(
                action="BATCH_RUN", user=None, obj=contract, event=ContractEvent.CONTRACTS_AUTO_RENEWAL,
                detail={"number": contract.number, "error": "；".join(exc.messages)[:500]},
            )  # fmt: skip
            continue
        end = f"{contract.expires_on:%Y年%m月%d日}"
        if outcome.eligible:
            result.renewed.append(contract.number)
            _renewal_notice(
                contract,
                f"您的合同 {contract.number} 将于 {end} 到期，已按约定自动申请续签，经复核符合保障条件。"
                f"续签合同 {outcome.renewal.number} 已生成，请登录网站在“我的申请”中阅读并网上签约。",
            )
        else:
            result.refused.append(contract.number)
            _renewal_notice(
                contract,
                f"您的合同 {contract.number} 将于 {end} 到期。自动续签复核未通过，合同到期后终止；"
                f"如有异议请联系住房保障部门。",
            )
    if result.renewed or result.refused or result.failed:
        audit(
            action="BATCH_RUN", user=None, obj=None, event=ContractEvent.CONTRACTS_AUTO_RENEWAL,
            detail={"as_of": today.isoformat(), "renewed": result.renewed, "refused": result.refused,
                    "failed": result.failed},
        )  # fmt: skip
    return result


def contracts_expire(*, today: dt.date | None = None) -> int:
    """Daily: file renewals of auto-renew contracts nearing their end, then mark past contracts 已到期."""
    today = today or timezone.localdate()
    contracts_auto_renew(today=today)
    with transaction.atomic():
        queryset = Contract.objects.filter(status=ContractStatus.SIGNED, expires_on__lt=today)
        numbers = list(queryset.values_list("number", flat=True)[:1000])
        count = queryset.update(status=ContractStatus.EXPIRED, updated_at=timezone.now())
        if count:
            audit(
                action="BATCH_RUN",
                user=None,
                obj=None,
                event=ContractEvent.CONTRACTS_EXPIRED,
                detail={"count": count, "numbers": numbers, "as_of": today.isoformat()},
            )
    return count


__all__ = [
    "AUTO_RENEW_DAYS",
    "AutoRenewalResult",
    "ContractTerms",
    "ContractText",
    "ContractVerification",
    "RenewalOutcome",
    "add_months",
    "contract_context",
    "contract_create",
    "contract_create_from_selection",
    "contract_draft_pdf",
    "contract_end",
    "contract_renewal_request",
    "contract_sign",
    "contract_signed_file",
    "contract_tenant_code_sent_record",
    "contract_tenant_read_record",
    "contract_tenant_refusal_record",
    "contract_tenant_sign",
    "contract_tenant_sign_check",
    "contract_term",
    "contract_terminate",
    "contract_text",
    "contract_type_for_mode",
    "contract_verify",
    "contracts_auto_renew",
    "contracts_expire",
]
