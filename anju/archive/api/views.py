"""API of the e-archive: list (scoped, filtered), upload, detail, download, verify."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django.db.models import QuerySet
from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from anju.archive.api.serializers import ArchiveFileSerializer, ArchiveFileUploadSerializer, ArchiveVerifySerializer
from anju.archive.filtersets import ArchiveFileFilterSet
from anju.archive.models import ArchiveFile
from anju.archive.selectors import archive_file_get, archive_file_list, archive_files_for, owner_from_ref
from anju.archive.services import archive_file_download, archive_file_upload, archive_file_verify
from anju.core.api.errors import error_responses

TAG = "电子档案"


@extend_schema_view(
    list=extend_schema(
        operation_id="archive_files_list",
        summary="电子档案列表",
        description="当前用户管辖范围内的电子档案，可按类型、阶段、上传人、上传日期、所属记录类型筛选；"
        "owner=应用.模型:主键 只列出一条记录的档案；status=deleted 列出已删除（可恢复）的档案。",
        tags=[TAG],
        parameters=[OpenApiParameter("owner", str, description="所属记录，格式“应用.模型:主键”")],
        responses={200: ArchiveFileSerializer(many=True), **error_responses(400, 401, 403, 404)},
    ),
    retrieve=extend_schema(
        operation_id="archive_files_retrieve",
        summary="电子档案详情",
        description="一份电子档案的编目信息与 SM3 摘要；不在管辖范围内时返回 404。",
        tags=[TAG],
        responses={200: ArchiveFileSerializer, **error_responses(401, 403, 404)},
    ),
)
class ArchiveFileViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """/api/v1/archive/files/."""

    serializer_class = ArchiveFileSerializer
    filterset_class = ArchiveFileFilterSet
    ordering_fields = ["uploaded_at", "number", "size"]
    ordering = ["-uploaded_at", "-id"]
    parser_classes = [MultiPartParser, FormParser]  # uploads are multipart; nothing else takes a body
    queryset = ArchiveFile.objects.none()  # the real one comes from the selectors

    def get_queryset(self) -> QuerySet:
        """Scoped by the selectors; deleted files only on request."""
        include_deleted = self.request.query_params.get("status") in {"deleted", "all"}
        ref = self.request.query_params.get("owner")
        if ref:
            owner = owner_from_ref(user=self.request.user, ref=ref)
            return archive_files_for(user=self.request.user, owner=owner, include_deleted=include_deleted).select_related(
                "content_type", "uploaded_by"
            )
        return archive_file_list(user=self.request.user, include_deleted=include_deleted)

    def get_object(self) -> ArchiveFile:
        """One visible file or 404."""
        obj = archive_file_get(user=self.request.user, pk=self.kwargs["pk"])
        self.check_object_permissions(self.request, obj)
        return obj

    @extend_schema(
        operation_id="archive_files_upload",
        summary="上传电子档案",
        description="multipart/form-data 上传一个文件并挂到任一业务记录上。服务器按文件内容识别类型（不信任客户端声明），"
        "计算 SM3 摘要，以随机名存储；文件过大、类型不允许或内容与扩展名不符时返回 400 及中文说明。",
        tags=[TAG],
        request={"multipart/form-data": ArchiveFileUploadSerializer},
        responses={201: ArchiveFileSerializer, **error_responses(400, 401, 403, 404)},
    )
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Parse, resolve the owner, call the service."""
        serializer = ArchiveFileUploadSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        owner = owner_from_ref(user=request.user, ref=data["owner"])
        file = archive_file_upload(
            owner=owner,
            uploaded_file=data["file"],
            file_type=data["file_type"],
            stage=data["stage"],
            title=data.get("title", ""),
            note=data.get("note", ""),
            catalogue=serializer.catalogue(),
            acting_user=request.user,
            request=request,
        )
        return Response(ArchiveFileSerializer(file, context={"request": request}).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        operation_id="archive_files_download",
        summary="下载电子档案",
        description="以附件形式返回文件，文件名为上传时的原始文件名（UTF-8）；记入审计日志。已删除的档案需先恢复。",
        tags=[TAG],
        responses={
            (200, "application/octet-stream"): OpenApiResponse(OpenApiTypes.BINARY, description="文件内容"),
            **error_responses(400, 401, 403, 404),
        },
    )
    @action(detail=True, methods=["get"], url_path="download", url_name="download")
    def download(self, request: Request, pk: str | None = None) -> FileResponse:
        """Stream the file."""
        file = self.get_object()
        handle = archive_file_download(file=file, acting_user=request.user, request=request)
        return FileResponse(handle, as_attachment=True, filename=file.original_name, content_type=file.mime_type)

    @extend_schema(
        operation_id="archive_files_verify",
        summary="校验电子档案完整性",
        description="重新计算存储文件的 SM3 摘要并与上传时的摘要比较；不一致或文件缺失表示可能被篡改。",
        tags=[TAG],
        request=None,
        responses={200: ArchiveVerifySerializer, **error_responses(401, 403, 404)},
    )
    @action(detail=True, methods=["post"], url_path="verify", url_name="verify")
    def verify(self, request: Request, pk: str | None = None) -> Response:
        """Recompute the digest."""
        file = self.get_object()
        result = archive_file_verify(file=file, acting_user=request.user, request=request)
        return Response(ArchiveVerifySerializer(asdict(result)).data)
