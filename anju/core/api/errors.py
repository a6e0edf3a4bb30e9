"""One error shape for the whole API (style.md 6).

Every error answered by an API view has this body:

    {"code": "invalid", "message": "提交的数据未通过校验，请检查后重试。",
     "errors": {"name": [{"code": "required", "message": "该字段是必填项。"}]},
     "request_id": "8f0c…"}

`exception_handler` (REST_FRAMEWORK["EXCEPTION_HANDLER"]) builds it from DRF exceptions, from
Django's `ValidationError` raised by services (their messages are already Chinese), from
`Http404` / Django `PermissionDenied`, and from any other exception (logged, answered 500).
The request id is the caller's `X-Request-ID` when it is well-formed, otherwise a new uuid; it
is echoed in the `X-Request-ID` response header and written to the log.
"""

from __future__ import annotations

import logging
import re
import uuid
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.utils import OpenApiResponse
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import set_rollback

from anju.core.api.error_codes import DEFAULT_MESSAGES, ApiErrorCode

logger = logging.getLogger("anju.api")

REQUEST_ID_PATTERN = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
FieldErrors = dict[str, list[dict[str, str]]]


def request_id_for(request: Any) -> str:
    """The caller's X-Request-ID if it is safe to echo, else a fresh uuid."""
    supplied = ""
    if request is not None:
        supplied = request.headers.get("X-Request-ID", "") if hasattr(request, "headers") else ""
    return supplied if REQUEST_ID_PATTERN.match(supplied or "") else uuid.uuid4().hex


def _flatten(detail: Any, prefix: str = "") -> FieldErrors:
    """DRF's nested `get_full_details()` as {"a.b.0.c": [{"code", "message"}]}."""
    errors: FieldErrors = {}
    if isinstance(detail, dict) and set(detail) == {"message", "code"}:
        errors.setdefault(prefix or api_settings.NON_FIELD_ERRORS_KEY, []).append(
            {"code": str(detail["code"]), "message": str(detail["message"])}
        )
    elif isinstance(detail, dict):
        for key, value in detail.items():
            name = api_settings.NON_FIELD_ERRORS_KEY if key == NON_FIELD_ERRORS else str(key)
            for field, items in _flatten(value, f"{prefix}.{name}" if prefix else name).items():
                errors.setdefault(field, []).extend(items)
    elif isinstance(detail, list):
        plain = all(isinstance(item, dict) and set(item) == {"message", "code"} for item in detail)
        for index, item in enumerate(detail):
            key = prefix if plain else (f"{prefix}.{index}" if prefix else str(index))
            for field, items in _flatten(item, key).items():
                errors.setdefault(field, []).extend(items)
    return errors


def _django_validation_errors(exc: DjangoValidationError) -> FieldErrors:
    """A service's ValidationError as field errors (non-field ones under `non_field_errors`)."""
    errors: FieldErrors = {}
    if hasattr(exc, "error_dict"):
        for field, items in exc.error_dict.items():
            name = api_settings.NON_FIELD_ERRORS_KEY if field == NON_FIELD_ERRORS else field
            for error in items:
                for message in error.messages:
                    errors.setdefault(name, []).append({"code": error.code or "invalid", "message": message})
    else:
        for error in exc.error_list:
            for message in error.messages:
                errors.setdefault(api_settings.NON_FIELD_ERRORS_KEY, []).append(
                    {"code": error.code or "invalid", "message": message}
                )
    return errors


def error_body(*, code: str, message: str, errors: FieldErrors | None = None, request_id: str) -> dict[str, Any]:
    """The one error shape."""
    return {"code": str(code), "message": message, "errors": errors or {}, "request_id": request_id}


def _is_default_detail(exc: exceptions.APIException) -> bool:
    """True when the exception carries DRF's stock sentence rather than one we wrote."""
    return str(exc.detail) == str(type(exc).default_detail)


def _top_message(code: str, exc: exceptions.APIException, errors: FieldErrors, method: str = "") -> str:
    """The Chinese summary sentence."""
    if isinstance(exc, exceptions.ValidationError):
        non_field = errors.get(api_settings.NON_FIELD_ERRORS_KEY) or []
        if non_field and len(errors) == 1:
            return non_field[0]["message"]
        return DEFAULT_MESSAGES[ApiErrorCode.INVALID]
    if isinstance(exc, exceptions.Throttled):
        wait = f"请在 {exc.wait:.0f} 秒后重试。" if exc.wait is not None else "请稍后重试。"
        return f"请求过于频繁，{wait}"
    if isinstance(exc, exceptions.MethodNotAllowed) and method:
        return f"不支持 {method} 请求方法。"
    if isinstance(exc.detail, str) and not _is_default_detail(exc) and _looks_chinese(str(exc.detail)):
        return str(exc.detail)
    return DEFAULT_MESSAGES.get(code, str(exc.detail))


def _looks_chinese(text: str) -> bool:
    """True if the text contains CJK characters (our own messages always do)."""
    return any("\u4e00" <= char <= "\u9fff" for char in text)


def _as_api_exception(exc: Exception) -> exceptions.APIException | None:
    """Django's own exceptions as their DRF counterparts; None for anything unexpected."""
    if isinstance(exc, exceptions.APIException):
        return exc
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        message = str(exc)
        return exceptions.PermissionDenied(message if _looks_chinese(message) else None)
    return None


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response:
    """DRF's EXCEPTION_HANDLER: every API error in the one shape, in Chinese."""
    request = context.get("request")
    request_id = request_id_for(request)
    headers: dict[str, str] = {"X-Request-ID": request_id}

    if isinstance(exc, DjangoValidationError):
        errors = _django_validation_errors(exc)
        non_field = errors.get(api_settings.NON_FIELD_ERRORS_KEY) or []
        message = non_field[0]["message"] if non_field and len(errors) == 1 else DEFAULT_MESSAGES[ApiErrorCode.INVALID]
        set_rollback()
        body = error_body(code=ApiErrorCode.INVALID, message=message, errors=errors, request_id=request_id)
        return Response(body, status=status.HTTP_400_BAD_REQUEST, headers=headers)

    api_exc = _as_api_exception(exc)
    if api_exc is None:
        logger.exception("API 未处理的异常 request_id=%s", request_id, exc_info=exc)
        set_rollback()
        body = error_body(
            code=ApiErrorCode.SERVER_ERROR, message=DEFAULT_MESSAGES[ApiErrorCode.SERVER_ERROR], request_id=request_id
        )
        return Response(body, status=status.HTTP_500_INTERNAL_SERVER_ERROR, headers=headers)

    if getattr(api_exc, "auth_header", None):
        headers["WWW-Authenticate"] = api_exc.auth_header
    if getattr(api_exc, "wait", None):
        headers["Retry-After"] = f"{api_exc.wait:.0f}"

    if isinstance(api_exc, exceptions.ValidationError):
        code = ApiErrorCode.INVALID
        errors = _flatten(api_exc.get_full_details())
    else:
        code = getattr(api_exc.detail, "code", None) or api_exc.default_code
        if code == "error":  # a bare APIException
            code = ApiErrorCode.SERVER_ERROR if api_exc.status_code >= 500 else ApiErrorCode.INVALID
        errors = {}
    message = _top_message(str(code), api_exc, errors, getattr(request, "method", "") or "")
    set_rollback()
    if api_exc.status_code >= 500:
        logger.error("API 错误 %s request_id=%s: %s", code, request_id, api_exc.detail)
    body = error_body(code=str(code), message=message, errors=errors, request_id=request_id)
    return Response(body, status=api_exc.status_code, headers=headers)


class ApiFieldErrorSerializer(serializers.Serializer):
    """One field error (OpenAPI only)."""

    code = serializers.CharField(help_text="机器可读的错误代码")
    message = serializers.CharField(help_text="中文说明")


class ApiErrorSerializer(serializers.Serializer):
    """The one error shape (OpenAPI only)."""

    code = serializers.CharField(help_text="机器可读的错误代码，见 anju.core.api.error_codes")
    message = serializers.CharField(help_text="中文说明，可直接展示给用户")
    errors = serializers.DictField(
        child=ApiFieldErrorSerializer(many=True), help_text="按字段的错误；non_field_errors 为非字段错误"
    )
    request_id = serializers.CharField(help_text="请求标识（X-Request-ID），用于查日志")


def error_responses(*statuses: int) -> dict[int, OpenApiResponse]:
    """`extend_schema(responses=...)` entries for the error statuses an operation can answer."""
    descriptions = {
        400: "数据未通过校验",
        401: "未登录或令牌无效",
        403: "无权限",
        404: "记录不存在或不在管辖范围内",
        413: "文件过大",
    }
    return {code: OpenApiResponse(ApiErrorSerializer, description=descriptions.get(code, "错误")) for code in statuses}
