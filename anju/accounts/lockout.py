"""The response to a locked-out login (django-axes `AXES_LOCKOUT_CALLABLE`)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

LOCKED_MESSAGE = "登录失败次数过多，账号已被锁定 {minutes} 分钟，请稍后再试或联系安全管理员。"


def lockout_response(request: HttpRequest, original_response: HttpResponse | None = None, credentials: dict | None = None) -> HttpResponse:
    """HTTP 429: a Chinese page for the browser, JSON for the API."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    message = LOCKED_MESSAGE.format(minutes=minutes)
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message, "code": "locked_out"}, status=429)
    context = {"message": message, "cooloff_minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT, "page_title": "账号已锁定"}
    return render(request, settings.AXES_LOCKOUT_TEMPLATE, context, status=429)
