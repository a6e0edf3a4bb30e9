"""Errors of the portal with Chinese messages."""

from __future__ import annotations


class RateLimitedError(Exception):
    """Too many requests of one kind from one number or address: refused for a while (HTTP 429)."""

    def __init__(self, message: str, *, field: str = "mobile") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


CODE_TOO_SOON = "验证码已发送，请 {seconds} 秒后再获取。"
CODE_TOO_MANY_MOBILE = "该手机号码获取验证码过于频繁，已暂停 1 小时，请稍后再试。"
CODE_TOO_MANY_IP = "当前网络获取验证码过于频繁，已暂停 1 小时，请稍后再试。"
CODE_INVALID = "验证码不正确，请核对短信中的 6 位数字。"
CODE_EXPIRED = "验证码已失效，请重新获取。"
CODE_LOCKED = "验证码输入错误次数过多，该验证码已作废，请重新获取。"
MOBILE_TAKEN = "该手机号码已注册，请直接登录；忘记密码可通过“找回密码”重设。"
MOBILE_UNKNOWN = "该手机号码尚未注册。"
LOGIN_TOO_MANY_IP = "当前网络登录失败次数过多，已暂停 1 小时，请稍后再试。"
LOGIN_FAILED = "手机号码或密码不正确。连续输错 {limit} 次将锁定 {minutes} 分钟。"
NOT_OWNER = "申请不存在。"
