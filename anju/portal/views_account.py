"""Applicant accounts on the portal: register with a text-message code, log in, reset the password."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from anju.audit.context import client_ip
from anju.portal import errors
from anju.portal.forms import LoginForm, RegisterForm, ResetForm
from anju.portal.models.accounts import CodePurpose
from anju.portal.services import accounts as account_services
from anju.portal.views import portal_context


def _errors_on(form: Any, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, messages_ in exc.message_dict.items():
            for message in messages_:
                form.add_error(field if field in form.fields else None, message)
    else:
        for message in exc.messages:
            form.add_error(None, message)


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("portal:my_cases")


def _code_send(request: HttpRequest, form: Any, purpose: str) -> int:
    """The 获取验证码 button: send and say so, or put the refusal on the mobile field; the HTTP status."""
    mobile = form.cleaned_data.get("mobile") if hasattr(form, "cleaned_data") else None
    if not mobile:
        return 200
    try:
        account_services.verification_code_send(mobile=mobile, purpose=purpose, client_ip=client_ip(request))
    except errors.RateLimitedError as exc:
        form.add_error("mobile", exc.message)
        return 429
    except ValidationError as exc:
        _errors_on(form, exc)
        return 200
    messages.success(request, "验证码已发送，请查看手机短信（5 分钟内有效）。")
    return 200


def _code_form_view(
    request: HttpRequest, *, form_class: type, purpose: str, template: str, title: str, done: Any
) -> HttpResponse:
    status = 200
    if request.method == "POST":
        form = form_class(request.POST)
        valid = form.is_valid()
        if request.POST.get("action") == "send_code":
            for name in [n for n in form.errors if n != "mobile"]:
                del form.errors[name]  # only the number matters for sending a code
            status = _code_send(request, form, purpose)
        elif valid:
            try:
                return done(form.cleaned_data)
            except ValidationError as exc:
                _errors_on(form, exc)
    else:
        form = form_class(initial={"mobile": request.GET.get("mobile", "")})
    context = portal_context(request, page_title=title, form=form, next=request.GET.get("next", ""))
    return render(request, template, context, status=status)


@require_http_methods(["GET", "POST"])
def register_view(request: HttpRequest) -> HttpResponse:
    """注册: mobile → code → name and password; signed in afterwards."""

    def done(data: dict[str, Any]) -> HttpResponse:
        user = account_services.applicant_register(
            mobile=data["mobile"],
            code=data["code"],
            password=data["password1"],
            full_name=data.get("full_name", ""),
            request=request,
        )
        user.backend = "django.contrib.auth.backends.ModelBackend"
        login(request, user)
        messages.success(request, "注册成功，已为您登录。")
        return HttpResponseRedirect(_next_url(request) if request.POST.get("next") else reverse("portal:apply"))

    return _code_form_view(
        request,
        form_class=RegisterForm,
        purpose=CodePurpose.REGISTER,
        template="portal/account/register.html",
        title="注册账号",
        done=done,
    )


@require_http_methods(["GET", "POST"])
def reset_view(request: HttpRequest) -> HttpResponse:
    """找回密码: mobile → code → new password."""

    def done(data: dict[str, Any]) -> HttpResponse:
        account_services.applicant_password_reset(mobile=data["mobile"], code=data["code"], password=data["password1"])
        messages.success(request, "密码已重设，请用新密码登录。")
        return HttpResponseRedirect(reverse("portal:login"))

    return _code_form_view(
        request,
        form_class=ResetForm,
        purpose=CodePurpose.RESET,
        template="portal/account/reset.html",
        title="找回密码",
        done=done,
    )


@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    """登录 with mobile and password; failures locked by django-axes like the staff login."""
    form = LoginForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            account_services.login_address_check(client_ip(request))
        except errors.RateLimitedError as exc:
            form.add_error(None, exc.message)
            context = portal_context(request, page_title="申请人登录", form=form, next=request.POST.get("next", ""))
            return render(request, "portal/account/login.html", context, status=429)
        user = account_services.applicant_authenticate(
            request=request, mobile=form.cleaned_data["mobile"], password=form.cleaned_data["password"]
        )
        if user is not None:
            login(request, user)
            return HttpResponseRedirect(_next_url(request))
        minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
        form.add_error(None, errors.LOGIN_FAILED.format(limit=settings.AXES_FAILURE_LIMIT, minutes=minutes))
    context = portal_context(
        request, page_title="申请人登录", form=form, next=request.GET.get("next", request.POST.get("next", ""))
    )
    return render(request, "portal/account/login.html", context, status=status)


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    """退出."""
    logout(request)
    messages.success(request, "您已安全退出。")
    return HttpResponseRedirect(reverse("portal:home"))
