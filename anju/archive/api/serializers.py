"""Serializers of the archive API."""

from django.conf import settings
from django.urls import reverse
from rest_framework import serializers

from anju.archive.choices import Stage
from anju.archive.models import ArchiveFile
from anju.archive.services.files import CATALOGUE_FIELDS
from anju.archive.validators import allowed_extensions_text


class ArchiveFileSerializer(serializers.ModelSerializer):
    """电子档案 (read)."""

    owner = serializers.CharField(source="owner_ref", read_only=True, help_text="所属记录，格式“应用.模型:主键”")
    owner_type = serializers.CharField(source="owner_type_label", read_only=True, help_text="所属记录类型（中文）")
    file_type_label = serializers.CharField(read_only=True, help_text="档案类型名称")
    stage_label = serializers.CharField(source="get_stage_display", read_only=True, help_text="办理阶段名称")
    uploaded_by = serializers.CharField(source="uploaded_by.__str__", read_only=True, help_text="上传人")
    download_url = serializers.SerializerMethodField(help_text="下载地址")

    class Meta:
        model = ArchiveFile
        fields = [
            "id", "number", "owner", "owner_type", "owner_label", "owner_number", "application_number", "region_code",
            "file_type", "file_type_label", "stage", "stage_label", "title", "note",
            "original_name", "mime_type", "size", "sm3", *CATALOGUE_FIELDS,
            "uploaded_by", "uploaded_at", "updated_at", "is_deleted", "deleted_at", "delete_reason",
            "verified_at", "verified_ok", "download_url",
        ]
        read_only_fields = fields

    def get_download_url(self, obj: ArchiveFile) -> str:
        """The API download address."""
        return reverse("archive-api:file-download", args=[obj.pk])


class ArchiveFileUploadSerializer(serializers.Serializer):
    """上传档案 (multipart/form-data)."""

    owner = serializers.CharField(max_length=200, help_text="所属记录，格式“应用.模型:主键”，例如 accounts.organisation:12")
    file = serializers.FileField(
        help_text=f"文件；允许 {allowed_extensions_text()}，不超过 {settings.ARCHIVE_MAX_UPLOAD_BYTES // (1024 * 1024)} MB"
    )
    file_type = serializers.CharField(max_length=32, help_text="档案类型代码（代码表 archive_file_type）")
    stage = serializers.ChoiceField(choices=Stage.choices, help_text="办理阶段")
    title = serializers.CharField(max_length=200, required=False, allow_blank=True, help_text="档案名称，默认为文件名")
    note = serializers.CharField(required=False, allow_blank=True, help_text="档案内容说明")
    certificate_number = serializers.CharField(max_length=64, required=False, allow_blank=True, help_text="证书编号（A.5.7）")
    volume_number = serializers.IntegerField(min_value=0, required=False, help_text="所属卷序号")
    volume_code = serializers.CharField(max_length=64, required=False, allow_blank=True, help_text="所属卷编码")
    volume_name = serializers.CharField(max_length=200, required=False, allow_blank=True, help_text="所属卷名称")
    volume_page_count = serializers.IntegerField(min_value=0, required=False, help_text="所属卷总页数")
    piece_number = serializers.IntegerField(min_value=0, required=False, help_text="宗序号")
    piece_code = serializers.CharField(max_length=64, required=False, allow_blank=True, help_text="宗编码")
    piece_name = serializers.CharField(max_length=200, required=False, allow_blank=True, help_text="宗名称")
    piece_page_count = serializers.IntegerField(min_value=0, required=False, help_text="宗总页数")
    start_page = serializers.IntegerField(min_value=0, required=False, help_text="图像起始页码")

    def catalogue(self) -> dict:
        """The A.5.7 catalogue values that were sent."""
        return {k: v for k, v in self.validated_data.items() if k in CATALOGUE_FIELDS and v not in (None, "")}


class ArchiveVerifySerializer(serializers.Serializer):
    """校验结果."""

    ok = serializers.BooleanField(help_text="是否与上传时的 SM3 摘要一致")
    expected = serializers.CharField(help_text="上传时的 SM3 摘要")
    actual = serializers.CharField(help_text="现在计算的 SM3 摘要（文件缺失时为空）")
    message = serializers.CharField(help_text="中文说明")
