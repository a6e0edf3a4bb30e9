"""Users, their role grants and password history."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.urls import reverse

from anju.accounts.roles import Role
from anju.core.fields import EncryptedTextField


class User(AbstractUser):
    """用户: a staff member, partner-department user, operator or applicant.

    Roles are `RoleGrant` rows (codes from `Role`); the jurisdiction is a region subtree.
    """

    full_name = models.CharField("姓名", max_length=50, blank=True)
    organisation = models.ForeignKey(
        "accounts.Organisation", verbose_name="所属机构", null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )
    jurisdiction = models.ForeignKey(
        "core.Region", verbose_name="管辖区域", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    mobile = EncryptedTextField("手机号码", blank=True, default="")
    mobile_index = models.CharField("手机号码索引", max_length=64, blank=True, db_index=True, editable=False)
    password_changed_at = models.DateTimeField("密码修改时间", null=True, blank=True)
    must_change_password = models.BooleanField("下次登录须修改密码", default=False)

    class Meta:
        verbose_name = "用户"
        verbose_name_plural = "用户"
        ordering = ["username"]

    def __str__(self) -> str:
        return self.full_name or self.username

    def get_absolute_url(self) -> str:
        """The user's detail page."""
        return reverse("accounts:user_detail", args=[self.pk])

    @property
    def role_codes(self) -> set[str]:
        """The codes of the roles this user holds."""
        if not hasattr(self, "_role_codes"):
            prefetched = getattr(self, "_prefetched_objects_cache", {}).get("role_grants")
            if prefetched is not None:
                self._role_codes = {grant.role for grant in prefetched}
            else:
                self._role_codes = set(self.role_grants.values_list("role", flat=True))
        return self._role_codes

    def has_role(self, *roles: str) -> bool:
        """True if the user holds any of the roles."""
        return bool(self.role_codes & set(roles))

    @property
    def role_labels(self) -> list[str]:
        """Chinese names of the roles held."""
        return [Role(r).label for r in sorted(self.role_codes)]


class RoleGrant(models.Model):
    """角色授予: one role held by one user; granted only by the security administrator."""

    user = models.ForeignKey(User, verbose_name="用户", on_delete=models.CASCADE, related_name="role_grants")
    role = models.CharField("角色", max_length=32, choices=Role.choices)
    granted_by = models.ForeignKey(
        User, verbose_name="授予人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    granted_at = models.DateTimeField("授予时间", auto_now_add=True)
    integrity_mac = models.CharField("完整性校验值", max_length=64, blank=True)

    class Meta:
        verbose_name = "角色授予"
        verbose_name_plural = "角色授予"
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="accounts_rolegrant_unique")]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()}"


class PasswordHistory(models.Model):
    """Hashes of a user's recent passwords (security.md #1: no reuse of the last 5)."""

    user = models.ForeignKey(User, verbose_name="用户", on_delete=models.CASCADE, related_name="password_history")
    password_hash = models.CharField("密码摘要", max_length=256)
    created_at = models.DateTimeField("设置时间", auto_now_add=True)

    class Meta:
        verbose_name = "历史密码"
        verbose_name_plural = "历史密码"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.user} @ {self.created_at:%Y-%m-%d}"
