"""Password validators of the China profile (security.md #1), all with Chinese messages.

Listed in `AUTH_PASSWORD_VALIDATORS`; Django runs them in forms (`validate_password`) and in
`user_password_set`. Length and history read `PASSWORD_MIN_LENGTH` and `PASSWORD_HISTORY`.
"""

from __future__ import annotations

import string
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password
from django.core.exceptions import ValidationError

CHARACTER_CLASSES: tuple[tuple[str, Any], ...] = (
    ("大写字母", str.isupper),
    ("小写字母", str.islower),
    ("数字", str.isdigit),
    ("符号", lambda ch: ch in string.punctuation or (not ch.isalnum() and not ch.isspace())),
)


class LengthValidator:
    """At least PASSWORD_MIN_LENGTH characters (12 by default)."""

    def __init__(self, min_length: int | None = None) -> None:
        self._min_length = min_length

    @property
    def min_length(self) -> int:
        """The configured minimum."""
        return self._min_length or settings.PASSWORD_MIN_LENGTH

    def validate(self, password: str, user: Any = None) -> None:
        """Raise if the password is too short."""
        if len(password) < self.min_length:
            raise ValidationError(
                f"密码太短：至少需要 {self.min_length} 个字符。", code="password_too_short", params={"min_length": self.min_length}
            )

    def get_help_text(self) -> str:
        """Chinese help text."""
        return f"密码至少 {self.min_length} 个字符。"


class CharacterClassValidator:
    """At least 3 of the 4 classes: upper case, lower case, digits, symbols."""

    def __init__(self, min_classes: int = 3) -> None:
        self.min_classes = min_classes

    def validate(self, password: str, user: Any = None) -> None:
        """Raise if fewer than `min_classes` classes are present."""
        present = [name for name, test in CHARACTER_CLASSES if any(test(ch) for ch in password)]
        if len(present) < self.min_classes:
            missing = "、".join(name for name, _ in CHARACTER_CLASSES if name not in present)
            raise ValidationError(
                f"密码须包含大写字母、小写字母、数字、符号中的至少 {self.min_classes} 类（缺少：{missing}）。",
                code="password_too_simple",
            )

    def get_help_text(self) -> str:
        """Chinese help text."""
        return f"密码须包含大写字母、小写字母、数字、符号中的至少 {self.min_classes} 类。"


class HistoryValidator:
    """Not one of the user's last PASSWORD_HISTORY passwords (the current one included)."""

    def __init__(self, history: int | None = None) -> None:
        self._history = history

    @property
    def history(self) -> int:
        """How many past passwords are refused."""
        return self._history if self._history is not None else settings.PASSWORD_HISTORY

    def validate(self, password: str, user: Any = None) -> None:
        """Raise if the password matches the current or a recent password of `user`."""
        if user is None or not getattr(user, "pk", None) or self.history <= 0:
            return
        hashes = list(user.password_history.values_list("password_hash", flat=True)[: self.history])
        if user.password and user.has_usable_password():
            stored = get_user_model().objects.filter(pk=user.pk).values_list("password", flat=True).first()
            hashes.append(stored or "")
        if any(encoded and check_password(password, encoded) for encoded in hashes):
            raise ValidationError(f"新密码不能与最近 {self.history} 次使用过的密码相同。", code="password_reused")

    def get_help_text(self) -> str:
        """Chinese help text."""
        return f"不能使用最近 {self.history} 次用过的密码。"
