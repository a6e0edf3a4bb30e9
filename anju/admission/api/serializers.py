"""API serializers of the applying household: identifiers are always masked on the way out."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from anju.admission.models import Application, Asset, Dwelling, Member
from anju.admission.services.applications import APPLICATION_FIELDS
from anju.admission.services.members import MEMBER_FIELDS
from anju.admission.validation import code_name


@extend_schema_field(OpenApiTypes.STR)
class CodeNameField(serializers.Field):
    """The Chinese name of a coded field (the code itself is a separate field); read-only."""

    def __init__(self, source_field: str, **kwargs: Any) -> None:
        self.source_field = source_field
        kwargs.setdefault("help_text", "代码对应的中文名称")
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value: Any) -> str:
        """Look the code up in its code table (value is the whole record)."""
        return code_name(value, self.source_field)


class MemberSerializer(serializers.ModelSerializer):
    """申请家庭成员 (A.3.10), masked."""

    id_number_masked = serializers.CharField(read_only=True, help_text="身份证件号码（脱敏）")
    phone_masked = serializers.CharField(read_only=True, help_text="联系电话（脱敏）")
    relation_name = CodeNameField("relation")
    sex_name = CodeNameField("sex")
    employment_status_name = CodeNameField("employment_status")

    class Meta:
        model = Member
        fields = [
            "id", "sequence", "is_applicant", "relation", "relation_name", "name", "id_type", "id_number_masked",
            "sex", "sex_name", "birth_date", "ethnicity", "hukou_type", "phone_masked", "employment_status",
            "employment_status_name", "employer", "education", "graduation_date", "marital_status", "annual_income",
            "social_insurance_months",
            "disability_type", "disability_level", "review_status",
        ]
        read_only_fields = fields


class DwellingSerializer(serializers.ModelSerializer):
    """申请家庭住房 (A.3.9), masked."""

    owner_id_number_masked = serializers.CharField(read_only=True, help_text="产权人身份证（脱敏）")
    occupancy_status_name = CodeNameField("occupancy_status")

    class Meta:
        model = Dwelling
        exclude = ["application", "owner_id_number", "owner_id_number_index", "reviewer"]
        read_only_fields = ["id"]


class AssetSerializer(serializers.ModelSerializer):
    """申请家庭资产 (A.3.11)."""

    category_name = CodeNameField("category")

    class Meta:
        model = Asset
        fields = ["id", "sequence", "owner_name", "category", "category_name", "quantity", "total_value", "review_status"]
        read_only_fields = fields


class HouseholdListSerializer(serializers.ModelSerializer):
    """One row of the household list."""

    id_number_masked = serializers.CharField(read_only=True, help_text="证件号码（脱敏）")
    phone_masked = serializers.CharField(read_only=True, help_text="联系电话（脱敏）")
    status_name = serializers.CharField(source="get_status_display", read_only=True, help_text="办理阶段名称")

    class Meta:
        model = Application
        fields = [
            "id", "number", "registration_year", "region_code", "applicant_name", "id_number_masked", "phone_masked",
            "household_size", "income_total", "income_per_capita", "floor_area_total", "floor_area_per_capita",
            "status", "status_name", "submitted_at", "created_at",
        ]
        read_only_fields = fields


class HouseholdDetailSerializer(HouseholdListSerializer):
    """申请家庭基本信息 (A.3.8) with members, dwellings and assets."""

    agent_id_number_masked = serializers.CharField(read_only=True, help_text="代理人证件号码（脱敏）")
    agent_phone_masked = serializers.CharField(read_only=True, help_text="代理人联系电话（脱敏）")
    members = MemberSerializer(many=True, read_only=True)
    dwellings = DwellingSerializer(many=True, read_only=True)
    assets = AssetSerializer(many=True, read_only=True)

    class Meta(HouseholdListSerializer.Meta):
        fields = [
            *HouseholdListSerializer.Meta.fields,
            "id_type", "agent_name", "agent_id_type", "agent_id_number_masked", "agent_phone_masked",
            "hukou_county", "hukou_street", "hukou_community", "hukou_road", "hukou_house_number", "hukou_building",
            "hukou_room", "in_shantytown", "shantytown_name", "shantytown_type", "shantytown_affiliation",
            "is_low_income", "is_minimum_living", "minimum_living_certificate", "had_housing_support",
            "housing_support_mode", "review_status", "reviewed_at", "members", "dwellings", "assets",
        ]
        read_only_fields = fields


def _write_fields(model: type, names: frozenset[str]) -> dict[str, serializers.Field]:
    """Plain input fields for the service's keyword arguments (the service validates them)."""
    fields: dict[str, serializers.Field] = {}
    for model_field in model._meta.concrete_fields:
        if model_field.name not in names:
            continue
        label = str(model_field.verbose_name)
        internal = model_field.get_internal_type()
        if internal == "BooleanField":
            fields[model_field.name] = serializers.BooleanField(required=False, help_text=label)
        elif internal == "DecimalField":
            fields[model_field.name] = serializers.DecimalField(
                max_digits=model_field.max_digits, decimal_places=model_field.decimal_places, required=False, allow_null=True, help_text=label
            )
        elif internal in ("PositiveSmallIntegerField", "PositiveIntegerField", "IntegerField"):
            fields[model_field.name] = serializers.IntegerField(required=False, allow_null=True, help_text=label)
        elif internal == "DateField":
            fields[model_field.name] = serializers.DateField(required=False, allow_null=True, help_text=label)
        else:
            fields[model_field.name] = serializers.CharField(required=False, allow_blank=True, max_length=200, help_text=label)
    return fields


class HouseholdWriteSerializer(serializers.Serializer):
    """Input of application_create / application_update."""

    region_code = serializers.CharField(max_length=12, required=False, help_text="所在社区的12位行政区划代码（新建时必填）")

    def get_fields(self) -> dict[str, serializers.Field]:
        """The application fields the services accept."""
        fields = super().get_fields()
        fields.update(_write_fields(Application, APPLICATION_FIELDS))
        return fields


class MemberWriteSerializer(serializers.Serializer):
    """Input of member_add."""

    def get_fields(self) -> dict[str, serializers.Field]:
        """The member fields the service accepts."""
        return _write_fields(Member, MEMBER_FIELDS)
