"""Forms of accounts: Chinese labels and errors; what was typed is kept on error."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.contrib.auth.password_validation import password_validators_help_text_html

from anju.accounts.models import Organisation, User
from anju.accounts.roles import Role
from anju.core.models import Region
from anju.core.scoping import jurisdiction_prefix
from anju.core.validators import validate_credit_code, validate_mobile

INPUT = {"class": "form-control"}
SELECT = {"class": "form-select"}


class LoginForm(AuthenticationForm):
    """用户名 + 密码; axes receives the request through `authenticate(request, ...)`."""

    error_messages = {
        "invalid_login": "用户名或密码不正确。连续失败 5 次将锁定 15 分钟。",
        "inactive": "该账号已停用，请联系系统管理员。",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "用户名"
        self.fields["password"].label = "密码"
        self.fields["username"].widget.attrs.update({"class": "form-control", "autocomplete": "username", "autofocus": True})
        self.fields["password"].widget.attrs.update({"class": "form-control", "autocomplete": "current-password"})


class AnjuPasswordChangeForm(PasswordChangeForm):
    """Old password + new password twice; the policy validators run on the new one."""

    error_messages = {
        "password_mismatch": "两次输入的新密码不一致。",
        "password_incorrect": "原密码不正确，请重新输入。",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = {"old_password": "原密码", "new_password1": "新密码", "new_password2": "再次输入新密码"}
        for name, label in labels.items():
            self.fields[name].label = label
            self.fields[name].widget.attrs.update({"class": "form-control"})
        self.fields["new_password1"].help_text = password_validators_help_text_html()
        self.fields["new_password2"].help_text = ""


class OtpTokenForm(forms.Form):
    """The 6-digit code from the authenticator app."""

    token = forms.RegexField(
        label="动态口令",
        regex=r"^\d{6}$",
        error_messages={"invalid": "请输入 6 位数字动态口令。", "required": "请输入动态口令。"},
        widget=forms.TextInput(attrs={"class": "form-control", "inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}),
    )


class OrganisationForm(forms.ModelForm):
    """Organisation create/edit; the region must lie inside the editor's jurisdiction."""

    class Meta:
        model = Organisation
        fields = ["code", "name", "kind", "parent", "region_code", "credit_code", "contact_phone", "address", "is_active"]
        widgets = {
            "code": forms.TextInput(attrs=INPUT),
            "name": forms.TextInput(attrs=INPUT),
            "kind": forms.Select(attrs=SELECT),
            "parent": forms.Select(attrs=SELECT),
            "region_code": forms.TextInput(attrs={**INPUT, "inputmode": "numeric", "maxlength": 12}),
            "credit_code": forms.TextInput(attrs=INPUT),
            "contact_phone": forms.TextInput(attrs=INPUT),
            "address": forms.TextInput(attrs=INPUT),
            "is_active": forms.CheckboxInput(attrs={"class": "form-check-input"}),
        }
        help_texts = {"region_code": "12 位统计用区划代码，须在您的管辖范围内。"}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        parents = Organisation.objects.visible_to(user)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents
        self.fields["parent"].empty_label = "（无）"

    def clean_region_code(self) -> str:
        """An existing region inside the editor's jurisdiction."""
        code = (self.cleaned_data.get("region_code") or "").strip()
        if not re.fullmatch(r"\d{12}", code):
            raise forms.ValidationError("行政区划代码应为 12 位数字。")
        if not Region.objects.filter(code=code).exists():
            raise forms.ValidationError("行政区划代码不存在，请先在行政区划中维护。")
        prefix = jurisdiction_prefix(self.user)
        if prefix is None or not code.startswith(prefix):
            raise forms.ValidationError("该行政区划不在您的管辖范围内。")
        return code

    def clean_credit_code(self) -> str:
        """Unified social credit code (GB 32100), when given."""
        value = (self.cleaned_data.get("credit_code") or "").strip().upper()
        if value:
            validate_credit_code(value)
        return value


class UserForm(forms.Form):
    """User create/edit by the system administrator (roles and jurisdiction are not here)."""

    username = forms.RegexField(
        label="用户名",
        regex=r"^[A-Za-z0-9_.@+-]{3,150}$",
        error_messages={"invalid": "用户名只能包含字母、数字和 _ . @ + -，长度 3 到 150。"},
        widget=forms.TextInput(attrs=INPUT),
    )
    full_name = forms.CharField(label="姓名", max_length=50, widget=forms.TextInput(attrs=INPUT))
    organisation = forms.ModelChoiceField(label="所属机构", queryset=Organisation.objects.none(), widget=forms.Select(attrs=SELECT))
    mobile = forms.CharField(label="手机号码", max_length=20, required=False, widget=forms.TextInput(attrs={**INPUT, "inputmode": "numeric"}))
    email = forms.EmailField(label="电子邮箱", required=False, widget=forms.EmailInput(attrs=INPUT))

    def __init__(self, *args: Any, user: Any, instance: User | None = None, **kwargs: Any) -> None:
        if instance is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "username": instance.username,
                "full_name": instance.full_name,
                "organisation": instance.organisation_id,
                "mobile": instance.mobile,
                "email": instance.email,
            }
        super().__init__(*args, **kwargs)
        self.instance = instance
        self.fields["organisation"].queryset = Organisation.objects.visible_to(user).filter(is_active=True)
        self.fields["organisation"].empty_label = "请选择"
        if instance is not None:
            self.fields["username"].disabled = True

    def clean_username(self) -> str:
        """A username nobody else has."""
        username = self.cleaned_data["username"]
        others = User.objects.filter(username__iexact=username)
        if self.instance is not None:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError("该用户名已被使用。")
        return username

    def clean_mobile(self) -> str:
        """A mainland mobile number, when given."""
        value = re.sub(r"[\s-]", "", self.cleaned_data.get("mobile") or "")
        if value:
            validate_mobile(value)
        return value.removeprefix("+86")


class UserDisableForm(forms.Form):
    """Why a user is disabled (kept in the audit row)."""

    reason = forms.CharField(label="停用原因", max_length=200, widget=forms.TextInput(attrs=INPUT))


class RoleGrantForm(forms.Form):
    """One role to grant or revoke."""

    role = forms.ChoiceField(label="角色", choices=Role.choices, widget=forms.Select(attrs=SELECT))


class JurisdictionForm(forms.Form):
    """The region subtree a user may see (security administrator)."""

    region_code = forms.CharField(label="管辖区域代码", max_length=12, widget=forms.TextInput(attrs={**INPUT, "inputmode": "numeric"}))

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_region_code(self) -> Region:
        """An existing region inside the security administrator's own jurisdiction."""
        code = self.cleaned_data["region_code"].strip()
        region = Region.objects.filter(code=code).first()
        if region is None:
            raise forms.ValidationError("行政区划代码不存在。")
        prefix = jurisdiction_prefix(self.user)
        if prefix is None or not code.startswith(prefix):
            raise forms.ValidationError("该行政区划不在您的管辖范围内。")
        return region
