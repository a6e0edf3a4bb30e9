"""Machine-readable API error codes (Saleor-style enums; each app may add its own in `errors.py`).

Every API error body is `{"code", "message", "errors", "request_id"}`; `code` is one of these
values (or an app's own code), stable across releases, so clients branch on it, never on text.
"""

from enum import StrEnum


class ApiErrorCode(StrEnum):
    """Codes of the platform-wide error classes."""

    INVALID = "invalid"
    PARSE_ERROR = "parse_error"
    AUTHENTICATION_FAILED = "authentication_failed"
    NOT_AUTHENTICATED = "not_authenticated"
    PERMISSION_DENIED = "permission_denied"
    NOT_FOUND = "not_found"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    NOT_ACCEPTABLE = "not_acceptable"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
    THROTTLED = "throttled"
    SERVER_ERROR = "server_error"


# The Chinese sentence a client may show for each code when the error carries no better one.
DEFAULT_MESSAGES: dict[str, str] = {
    ApiErrorCode.INVALID: "提交的数据未通过校验，请检查后重试。",
    ApiErrorCode.PARSE_ERROR: "请求内容格式错误，无法解析。",
    ApiErrorCode.AUTHENTICATION_FAILED: "身份认证失败，请重新登录或检查令牌。",
    ApiErrorCode.NOT_AUTHENTICATED: "请先登录。",
    ApiErrorCode.PERMISSION_DENIED: "您没有执行该操作的权限。",
    ApiErrorCode.NOT_FOUND: "记录不存在或不在您的管辖范围内。",
    ApiErrorCode.METHOD_NOT_ALLOWED: "不支持该请求方法。",
    ApiErrorCode.NOT_ACCEPTABLE: "无法按请求的格式返回结果。",
    ApiErrorCode.UNSUPPORTED_MEDIA_TYPE: "不支持请求的内容类型。",
    ApiErrorCode.THROTTLED: "请求过于频繁，请稍后重试。",
    ApiErrorCode.SERVER_ERROR: "服务器内部错误，请稍后重试或联系系统管理员。",
}
