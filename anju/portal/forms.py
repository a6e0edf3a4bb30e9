"""Forms of the portal: short, phone-friendly, Chinese messages; business rules stay in the services."""

from __future__ import annotations

from typing import Any

from django import forms

from anju.admission.forms import ServiceForm
from anju.admission.models import Application, Asset, Dwelling, Member
from anju.core.forms import MobileField
from anju.core.models import Region
from anju.core.models.regions import RegionLevel
from anju.portal.models import Article

TEXT = {"class": "form-control"}


def inline_check(form: forms.Form, **fields: str) -> None:
    """Mark fields for the inline check (portal/validate.js): field name -> kind (id_number, mobile, amount)."""
    from django.urls import reverse

    url = reverse("portal:validate_field")
    for name, kind in fields.items():
        if name in form.fields:
            form.fields[name].widget.attrs["data-validate"] = f"{url}?field={kind}"


class MobileForm(forms.Form):
    """The mobile number (and, on the register and reset pages, the code and password)."""

    mobile = MobileField(
        label="手机号码", widget=forms.TextInput(attrs={**TEXT, "inputmode": "tel", "autocomplete": "tel"})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        inline_check(self, mobile="mobile")


class CodeMixin(forms.Form):
    """A 6-digit code."""

    code = forms.CharField(
        label="短信验证码", max_length=6, min_length=6, required=False,
        widget=forms.TextInput(attrs={**TEXT, "inputmode": "numeric", "autocomplete": "one-time-code"}),
        help_text="点“获取验证码”后，6 位数字会发送到您的手机，5 分钟内有效。",
    )  # fmt: skip


class PasswordPairMixin(forms.Form):
    """A new password typed twice."""

    password1 = forms.CharField(
        label="设置密码", required=False, strip=False,
        widget=forms.PasswordInput(attrs={**TEXT, "autocomplete": "new-password"}),
        help_text="至少 12 位，包含大写字母、小写字母、数字、符号中的 3 类。",
    )  # fmt: skip
    password2 = forms.CharField(
        label="再次输入密码", required=False, strip=False,
        widget=forms.PasswordInput(attrs={**TEXT, "autocomplete": "new-password"}),
    )  # fmt: skip

    def clean(self) -> dict[str, Any]:
        """Both passwords present and equal when the account is being created."""
        data = super().clean()
        if self.data.get("action") != "send_code":
            if not data.get("code"):
                self.add_error("code", "请填写短信验证码。")
            if not data.get("password1"):
                self.add_error("password1", "请设置密码。")
            elif data.get("password1") != data.get("password2"):
                self.add_error("password2", "两次输入的密码不一致。")
        return data


class RegisterForm(MobileForm, CodeMixin, PasswordPairMixin):
    """注册: mobile, code, name, password."""

    full_name = forms.CharField(
        label="姓名", max_length=50, required=False, widget=forms.TextInput(attrs={**TEXT, "autocomplete": "name"})
    )
    field_order = ["mobile", "code", "full_name", "password1", "password2"]


class ResetForm(MobileForm, CodeMixin, PasswordPairMixin):
    """找回密码: mobile, code, new password."""

    field_order = ["mobile", "code", "password1", "password2"]


class LoginForm(MobileForm):
    """登录: mobile and password."""

    password = forms.CharField(
        label="密码", strip=False, widget=forms.PasswordInput(attrs={**TEXT, "autocomplete": "current-password"})
    )


def community_choices() -> list[tuple[str, str]]:
    """The communities (社区) of the city the portal serves (ANJU_DEMO_CITY), with their full names."""
    from django.conf import settings

    city = str(settings.ANJU_DEMO_CITY)[:4]
    rows = (
        Region.objects.filter(level=RegionLevel.COMMUNITY, code__startswith=city)
        .order_by("code")
        .values_list("code", "full_name", "name")
    )
    return [("", "——请选择——"), *((code, full or name) for code, full, name in rows)]


class HouseholdForm(ServiceForm):
    """第 1 步 申请人与家庭 (A.3.8, the fields a household fills itself)."""

    model = Application
    field_names = frozenset(
        {
            "applicant_name", "id_number", "phone", "hukou_road", "hukou_house_number", "hukou_building",
            "hukou_room", "is_minimum_living", "minimum_living_certificate", "is_low_income",
            "had_housing_support", "housing_support_mode",
        }
    )  # fmt: skip

    def __init__(self, *args: Any, creating: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if creating:
            self.fields["region_code"] = forms.ChoiceField(
                label="户籍所在社区", required=False, choices=community_choices,
                help_text="申请由该社区受理。部门数据能查到您的户籍时可不选，系统自动填写。",
            )  # fmt: skip
            self.order_fields(["applicant_name", "id_number", "region_code"])
            self.fields["id_number"].help_text = "18 位居民身份证号码，末位可为 X。"
        self.fields["phone"].required = True
        inline_check(self, id_number="id_number", phone="mobile")


class MemberForm(ServiceForm):
    """第 2 步 家庭成员 (A.3.10, short form)."""

    model = Member
    field_names = frozenset(
        {"relation", "name", "id_number", "annual_income", "marital_status", "employment_status", "education",
         "hukou_years", "is_migrant_worker", "disability_type"}
    )  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.order_fields(["name", "relation", "id_number", "annual_income"])
        self.fields["annual_income"].help_text = "上一年度全年收入（元），没有收入填 0。"
        inline_check(self, id_number="id_number", annual_income="amount")


class DwellingForm(ServiceForm):
    """第 3 步 住房情况 (A.3.9, short form)."""

    model = Dwelling
    field_names = frozenset(
        {"occupancy_status", "address_road", "address_house_number", "address_room", "floor_area", "owner_is_member",
         "title_certificate_number", "rent"}
    )  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.order_fields(["occupancy_status", "address_road", "address_house_number", "address_room", "floor_area"])
        self.fields["floor_area"].help_text = "建筑面积（平方米），租住的填所租房屋面积。"
        inline_check(self, floor_area="amount", rent="amount")


class AssetForm(ServiceForm):
    """第 4 步 家庭资产 (A.3.11)."""

    model = Asset
    field_names = frozenset({"owner_name", "category", "quantity", "total_value"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        inline_check(self, total_value="amount", quantity="amount")


MATERIAL_TYPES = [
    ("01", "身份证明（身份证）"),
    ("02", "户口簿"),
    ("03", "收入证明"),
    ("04", "住房证明"),
    ("05", "婚姻状况证明"),
    ("99", "其他材料"),
]


class MaterialForm(forms.Form):
    """第 5 步 证明材料: one file for the e-archive."""

    file_type = forms.ChoiceField(
        label="材料类别", choices=MATERIAL_TYPES, widget=forms.Select(attrs={"class": "form-select"})
    )
    file = forms.FileField(
        label="选择文件", widget=forms.ClearableFileInput(attrs={"class": "form-control", "accept": ".pdf,.jpg,.jpeg,.png,.ofd"}),
        help_text="PDF、JPG、PNG 或 OFD，单个文件不超过 50 MB；可用手机直接拍照上传。",
    )  # fmt: skip


class ArticleForm(forms.ModelForm):
    """政策/指南 edit form (staff)."""

    class Meta:
        model = Article
        fields = ["kind", "title", "issuer", "document_number", "published_on", "summary", "body", "is_published"]
        widgets = {
            "kind": forms.Select(attrs={"class": "form-select"}),
            "title": forms.TextInput(attrs=TEXT),
            "issuer": forms.TextInput(attrs=TEXT),
            "document_number": forms.TextInput(attrs=TEXT),
            "published_on": forms.DateInput(attrs={**TEXT, "type": "date"}, format="%Y-%m-%d"),
            "summary": forms.TextInput(attrs=TEXT),
            "body": forms.Textarea(attrs={**TEXT, "rows": 16}),
        }
