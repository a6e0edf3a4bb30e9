"""API serializers of accounts (Chinese descriptions for the OpenAPI document)."""

from __future__ import annotations

from rest_framework import serializers

from anju.accounts.models import Organisation, User


class RegionRefSerializer(serializers.Serializer):
    """A region reference."""

    code = serializers.CharField(help_text="12 位区划代码")
    name = serializers.CharField(help_text="名称")


class MeSerializer(serializers.ModelSerializer):
    """当前用户: identity, roles and jurisdiction."""

    roles = serializers.SerializerMethodField(help_text="角色代码")
    role_labels = serializers.ListField(child=serializers.CharField(), read_only=True, help_text="角色名称")
    jurisdiction = RegionRefSerializer(read_only=True, allow_null=True, help_text="管辖区域")
    organisation = serializers.SerializerMethodField(help_text="所属机构")
    otp_verified = serializers.SerializerMethodField(help_text="本会话是否已通过动态口令验证")

    class Meta:
        model = User
        fields = ["id", "username", "full_name", "roles", "role_labels", "organisation", "jurisdiction", "otp_verified"]

    def get_roles(self, obj: User) -> list[str]:
        """Sorted role codes."""
        return sorted(obj.role_codes)

    def get_organisation(self, obj: User) -> dict | None:
        """Organisation id and name."""
        if obj.organisation_id is None:
            return None
        return {"id": obj.organisation_id, "name": obj.organisation.name}

    def get_otp_verified(self, obj: User) -> bool:
        """True once the session verified a TOTP token."""
        is_verified = getattr(obj, "is_verified", None)
        return bool(callable(is_verified) and is_verified())


class OrganisationSerializer(serializers.ModelSerializer):
    """机构."""

    kind_label = serializers.CharField(source="get_kind_display", read_only=True, help_text="机构类型名称")
    parent_name = serializers.CharField(source="parent.name", read_only=True, allow_null=True, help_text="上级机构名称")

    class Meta:
        model = Organisation
        fields = ["id", "code", "name", "kind", "kind_label", "region_code", "parent", "parent_name", "contact_phone", "address", "is_active"]


class TokenRequestSerializer(serializers.Serializer):
    """用户名和密码."""

    username = serializers.CharField(help_text="用户名")
    password = serializers.CharField(help_text="密码", style={"input_type": "password"}, trim_whitespace=False)


class TokenResponseSerializer(serializers.Serializer):
    """访问令牌 (请求头 Authorization: Token <token>)."""

    token = serializers.CharField(help_text="访问令牌")
