"""Second-factor pages for administrators: verify a TOTP code, set up a device, its QR code."""

from __future__ import annotations

import io

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from anju.accounts.forms import OtpTokenForm
from anju.accounts.permissions import is_otp_verified, needs_otp
from anju.accounts.services.otp import otp_device_confirm, otp_device_pending, otp_secret_base32, otp_verify
from anju.accounts.views.auth import staff_home_url


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return staff_home_url(request.user)


def _admin_only(request: HttpRequest) -> None:
    if not needs_otp(request.user):
        raise PermissionDenied("只有管理员账号需要动态口令。")


@never_cache
@login_required
def otp_verify_view(request: HttpRequest) -> HttpResponse:
    """输入动态口令: the second step of an administrator's login."""
    _admin_only(request)
    if is_otp_verified(request.user):
        return HttpResponseRedirect(_next_url(request))
    from django_otp import devices_for_user

    if not any(True for _ in devices_for_user(request.user, confirmed=True)):
        return redirect(f"{reverse('accounts:otp_setup')}?{request.GET.urlencode()}")
    form = OtpTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if otp_verify(user=request.user, token=form.cleaned_data["token"], request=request):
            messages.success(request, "动态口令验证通过。")
            return HttpResponseRedirect(_next_url(request))
        form.add_error("token", "动态口令不正确或已过期，请查看验证器中的最新口令。")
    return render(request, "accounts/otp_verify.html", {"form": form, "next": _next_url(request), "page_title": "动态口令验证"})


@never_cache
@login_required
def otp_setup_view(request: HttpRequest) -> HttpResponse:
    """绑定动态口令: scan the QR code (or type the secret) and confirm with a first code."""
    _admin_only(request)
    try:
        device = otp_device_pending(user=request.user)
    except ValidationError as exc:
        messages.info(request, exc.messages[0])
        return redirect("accounts:otp_verify")
    form = OtpTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if otp_device_confirm(user=request.user, token=form.cleaned_data["token"], request=request):
            messages.success(request, "动态口令设备已绑定。")
            return HttpResponseRedirect(_next_url(request))
        form.add_error("token", "动态口令不正确，请确认手机时间准确后重试。")
    context = {"form": form, "secret": otp_secret_base32(device), "next": _next_url(request), "page_title": "绑定动态口令"}
    return render(request, "accounts/otp_setup.html", context)


@never_cache
@require_GET
@login_required
def otp_qrcode_view(request: HttpRequest) -> HttpResponse:
    """The pending device's otpauth:// address as an SVG QR code (served by us, no script)."""
    _admin_only(request)
    try:
        device = otp_device_pending(user=request.user)
    except ValidationError as exc:
        raise PermissionDenied(exc.messages[0]) from exc
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type="image/svg+xml")
    response["Cache-Control"] = "no-store"
    return response
