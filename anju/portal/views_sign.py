"""网上签约: the applicant reads a draft contract of their own case and confirms it with an SMS code.

The confirmation (time, method 短信验证码, address, SM3 of the text read) is recorded by
`distribution.services.contracts.contract_tenant_sign`, which then applies the department's e-seal
automatically. The code goes to the account's own mobile; sending is rate-limited like registration
codes. Anyone but the owner gets 404.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods

from anju.audit.context import client_ip
from anju.portal import errors
from anju.portal.models.accounts import CodePurpose
from anju.portal.selectors import online_application_get
from anju.portal.views import portal_context
from anju.portal.views_apply import applicant_required

# VerificationCode.purpose of signing codes (a plain value until portal's CodePurpose lists it).
CONTRACT_SIGN_PURPOSE = CodePurpose.CONTRACT_SIGN


class ContractSignForm(forms.Form):
    """确认签约: the agreement box, the SMS code and the digest of the text shown."""

    agree = forms.BooleanField(label="我已完整阅读上述合同，同意按此文本签约", required=True,
                               error_messages={"required": "请先阅读合同并勾选同意。"})  # fmt: skip
    code = forms.RegexField(
        label="短信验证码", regex=r"^\d{6}$", max_length=6, required=True,
        error_messages={"required": "请输入短信验证码。", "invalid": "验证码为 6 位数字。"},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )  # fmt: skip
    digest = forms.CharField(widget=forms.HiddenInput, required=False)


def _own_contract(user: Any, pk: int, contract_pk: int) -> tuple[Any, Any]:
    """(online case, contract) of a contract of the applicant's own case, or 404."""
    from anju.distribution.models import Contract

    online = online_application_get(user=user, pk=pk)
    contract = (
        Contract.objects.filter(pk=contract_pk, register_entry__application=online.application)
        .select_related("register_entry", "unit__building__project", "renewal_of")
        .first()
    )
    if contract is None:
        raise Http404("合同不存在。")
    return online, contract


def _errors_on(form: forms.Form, exc: ValidationError) -> None:
    for message in exc.messages:
        form.add_error("code" if "验证码" in message else None, message)


def _render(
    request: HttpRequest, online: Any, contract: Any, form: ContractSignForm, status: int = 200
) -> HttpResponse:
    from anju.distribution.choices import ContractStatus
    from anju.distribution.services.contracts import contract_tenant_read_record, contract_text

    text = None
    if contract.status == ContractStatus.DRAFT:
        text = contract_text(contract=contract)
        contract_tenant_read_record(contract=contract, applicant=request.user, digest=text.digest)
        form.data = form.data.copy() if form.is_bound else form.data
        if form.is_bound:
            form.data["digest"] = text.digest  # the page now shows this text
        else:
            form.initial["digest"] = text.digest
    context = portal_context(
        request, page_title=f"网上签约 {contract.number}", online=online, contract=contract, form=form,
        text=text, body=mark_safe(text.body_html) if text else "",  # noqa: S308 - sandboxed template render, values autoescaped
        mobile_tail=(request.user.mobile or "")[-4:],
    )  # fmt: skip
    return render(request, "portal/case/contract_sign.html", context, status=status)


@applicant_required
@require_http_methods(["GET", "POST"])
def case_contract_sign_view(request: HttpRequest, pk: int, contract_pk: int) -> HttpResponse:
    """Read the draft, get a code, confirm: signed with the department's e-seal; errors change nothing."""
    from anju.distribution.choices import ContractStatus
    from anju.distribution.services import contracts as contract_services
    from anju.portal.services.accounts import verification_code_check, verification_code_send

    online, contract = _own_contract(request.user, pk, contract_pk)
    if request.method == "GET" or contract.status != ContractStatus.DRAFT:
        return _render(request, online, contract, ContractSignForm())
    form = ContractSignForm(request.POST)
    mobile = request.user.mobile or ""
    if request.POST.get("action") == "send_code":
        form = ContractSignForm(initial={"agree": request.POST.get("agree") == "on"})
        if not mobile:
            messages.error(request, "您的账号没有登记手机号码，无法发送验证码，请到窗口签约。")
            return _render(request, online, contract, form)
        try:
            verification_code_send(mobile=mobile, purpose=CONTRACT_SIGN_PURPOSE, client_ip=client_ip(request))
        except errors.RateLimitedError as exc:
            messages.error(request, exc.message)
            return _render(request, online, contract, form, status=429)
        contract_services.contract_tenant_code_sent_record(contract=contract, applicant=request.user)
        messages.success(request, f"验证码已发送至尾号 {mobile[-4:]} 的手机，5 分钟内有效。")
        return _render(request, online, contract, form)
    if not form.is_valid():
        return _render(request, online, contract, form)
    read_digest = form.cleaned_data["digest"]
    try:
        contract_services.contract_tenant_sign_check(contract=contract, applicant=request.user, read_digest=read_digest)
        verification_code_check(mobile=mobile, code=form.cleaned_data["code"], purpose=CONTRACT_SIGN_PURPOSE)
    except ValidationError as exc:
        contract_services.contract_tenant_refusal_record(
            contract=contract, applicant=request.user, why="；".join(exc.messages)
        )
        _errors_on(form, exc)
        return _render(request, online, contract, form)
    except PermissionDenied as exc:
        raise Http404("合同不存在。") from exc
    try:
        contract_services.contract_tenant_sign(
            contract=contract, applicant=request.user, read_digest=read_digest, client_ip=client_ip(request)
        )
    except ValidationError as exc:
        contract.refresh_from_db()
        if contract.tenant_confirmed_at:
            messages.warning(
                request, f"您的确认已记录，但电子签章暂未完成（{'；'.join(exc.messages)}）。工作人员将为您完成签章。"
            )
            return HttpResponseRedirect(reverse("portal:case", args=[online.pk]))
        _errors_on(form, exc)
        return _render(request, online, contract, form)
    messages.success(request, f"合同 {contract.number} 已签约，已加盖住房保障部门电子印章，可在本页下载。")
    return HttpResponseRedirect(reverse("portal:case", args=[online.pk]))


@applicant_required
@require_GET
def case_contract_preview_view(request: HttpRequest, pk: int, contract_pk: int) -> HttpResponse:
    """The draft as a PDF (marked 草稿, unsigned) for reading; only while it is a draft."""
    from anju.distribution.choices import ContractStatus
    from anju.distribution.services.contracts import contract_draft_pdf, contract_tenant_read_record

    _, contract = _own_contract(request.user, pk, contract_pk)
    if contract.status != ContractStatus.DRAFT:
        raise Http404("合同已不是草稿。")
    text, pdf = contract_draft_pdf(contract=contract)
    contract_tenant_read_record(contract=contract, applicant=request.user, digest=text.digest, what="pdf")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f"inline; filename*=UTF-8''{quote(f'合同草稿-{contract.number}.pdf')}"
    return response
