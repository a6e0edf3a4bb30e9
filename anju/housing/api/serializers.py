"""Serializers of the housing API: reads show every field (choice codes plus Chinese names); writes go through the services."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from anju.housing.models import (
    Building,
    Certificate,
    ConstructionContract,
    Handover,
    LandReserve,
    Participant,
    ParticipantPerson,
    PhotoKind,
    ProgressLog,
    Project,
    ProjectPhoto,
    ResettlementContract,
    Unit,
)
from anju.housing.models.base import HousingCodeField

HIDDEN = {"created_by", "deleted_by"}


def read_serializer(model: type, extra: tuple[str, ...] = ()) -> type[serializers.ModelSerializer]:
    """A read-only serializer of all concrete fields (FKs as ids) plus the named properties."""
    names = [f.name for f in model._meta.concrete_fields if f.name not in HIDDEN and not f.name.endswith("_index")]
    attrs: dict[str, Any] = {"__doc__": f"{model._meta.verbose_name}（只读）."}
    for name in names:
        field = model._meta.get_field(name)
        if getattr(field, "choices", None) or isinstance(field, HousingCodeField):
            attrs[f"{name}_display"] = serializers.CharField(source=f"get_{name}_display", read_only=True, help_text=f"{field.verbose_name}名称")
    for name in extra:
        attrs[name] = serializers.ReadOnlyField(help_text=name)
    all_fields = [*names, *[k for k in attrs if k.endswith("_display")], *extra]
    attrs["Meta"] = type("Meta", (), {"model": model, "fields": all_fields, "read_only_fields": all_fields})
    return type(f"{model.__name__}Serializer", (serializers.ModelSerializer,), attrs)


ProjectSerializer = read_serializer(Project, ("name", "building_count", "units_started", "units_completed"))
BuildingSerializer = read_serializer(Building, ("is_handed_over", "handover_batch_number"))
UnitSerializer = read_serializer(Unit, ("is_handed_over", "handover_batch_number", "handed_over_on", "handed_over_by"))
LandReserveSerializer = read_serializer(LandReserve)
ParticipantSerializer = read_serializer(Participant)
CertificateSerializer = read_serializer(Certificate)
ConstructionContractSerializer = read_serializer(ConstructionContract)
ResettlementContractSerializer = read_serializer(ResettlementContract)
ProgressLogSerializer = read_serializer(ProgressLog)


class PersonSerializer(read_serializer(ParticipantPerson, ("participant_number",))):  # type: ignore[misc]
    """项目参与人员（只读）: 证件号码 and 电话 masked (the plain values are never sent)."""

    id_number = serializers.CharField(source="id_number_masked", read_only=True, help_text="证件号码（脱敏）")
    phone = serializers.CharField(source="phone_masked", read_only=True, help_text="电话（脱敏）")

HandoverSerializer = read_serializer(Handover)


def write_serializer(
    model: type, exclude: tuple[str, ...] = (), *, region: bool = False, include: tuple[str, ...] = ()
) -> type[serializers.ModelSerializer]:
    """A serializer of the editable fields a service accepts (partial updates allowed); `include` adds typed identifiers."""
    from anju.housing.forms import _editable

    names = [*include, *_editable(model, exclude)]
    attrs: dict[str, Any] = {"__doc__": f"{model._meta.verbose_name}（写入）."}
    if region:
        attrs["region_code"] = serializers.RegexField(r"^\d{12}$", help_text="所在区县或街道的12位行政区划代码", required=False)
        names.append("region_code")
    attrs["Meta"] = type("Meta", (), {"model": model, "fields": names, "validators": []})
    return type(f"{model.__name__}WriteSerializer", (serializers.ModelSerializer,), attrs)


ProjectWriteSerializer = write_serializer(Project, ("developer",), region=True)
LandReserveWriteSerializer = write_serializer(LandReserve, region=True)
ParticipantWriteSerializer = write_serializer(Participant, region=True)
ProgressLogWriteSerializer = write_serializer(ProgressLog, ("project",))
PersonWriteSerializer = write_serializer(ParticipantPerson)
CertificateWriteSerializer = write_serializer(Certificate, include=("number",))
ConstructionContractWriteSerializer = write_serializer(ConstructionContract)
ResettlementContractWriteSerializer = write_serializer(ResettlementContract)


class HandoverWriteSerializer(serializers.Serializer):
    """竣工移交 request: unit ids (or building ids: all their not yet handed-over units), date and person."""

    units = serializers.ListField(child=serializers.IntegerField(), required=False, help_text="住房ID列表")
    buildings = serializers.ListField(child=serializers.IntegerField(), required=False, help_text="楼栋ID列表")
    handed_over_on = serializers.DateField(help_text="移交时间")
    handed_over_by = serializers.CharField(max_length=50, help_text="移交人")
    note = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class ImportUploadSerializer(serializers.Serializer):
    """装数 upload: the filled template and the mode."""

    file = serializers.FileField(help_text="填好的装数模板（.xlsx）")
    valid_only = serializers.BooleanField(default=False, help_text="仅导入正确的行")


class ProjectPhotoSerializer(serializers.ModelSerializer):
    """项目照片（只读）: no storage path, only the staff addresses of the photo and its thumbnail (login needed)."""

    kind_display = serializers.CharField(source="get_kind_display", read_only=True, help_text="照片类别名称")
    image_url = serializers.SerializerMethodField(help_text="照片（工作人员，须登录）")
    thumbnail_url = serializers.SerializerMethodField(help_text="缩略图（工作人员，须登录）")

    class Meta:
        model = ProjectPhoto
        fields = [
            "id", "project", "caption", "kind", "kind_display", "sort_order", "is_published", "width", "height", "size",
            "uploaded_by", "uploaded_at", "is_deleted", "deleted_at", "delete_reason", "image_url", "thumbnail_url",
        ]  # fmt: skip
        read_only_fields = fields

    def get_image_url(self, photo: ProjectPhoto) -> str:
        """The staff address of the photo."""
        from django.urls import reverse

        return reverse("housing:photo_image", args=[photo.pk])

    def get_thumbnail_url(self, photo: ProjectPhoto) -> str:
        """The staff address of the thumbnail."""
        from django.urls import reverse

        return reverse("housing:photo_thumbnail", args=[photo.pk])


class ProjectPhotoWriteSerializer(serializers.Serializer):
    """项目照片的说明、类别、排序、公开 (PATCH: any of them)."""

    caption = serializers.CharField(max_length=100, required=False, allow_blank=True, help_text="说明（公众页面的替代文字）")
    kind = serializers.ChoiceField(choices=PhotoKind.choices, required=False, help_text="照片类别")
    sort_order = serializers.IntegerField(min_value=0, max_value=32767, required=False, help_text="排序，小的在前")
    is_published = serializers.BooleanField(required=False, help_text="公开（门户房源页面显示）")


class ProjectPhotoUploadSerializer(ProjectPhotoWriteSerializer):
    """上传项目照片: the file (JPEG, PNG or WebP, ≤ 8 MB) and its details."""

    image = serializers.FileField(help_text="照片文件：JPEG、PNG 或 WebP，不超过 8 MB，每边 200–10000 像素")
