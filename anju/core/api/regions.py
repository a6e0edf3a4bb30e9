"""API v1: administrative divisions (read-only reference data)."""

from __future__ import annotations

from typing import Any

from django.urls import path
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from anju.core.api.errors import error_responses
from anju.core.filtersets import RegionApiFilterSet
from anju.core.models import Region
from anju.core.selectors import region_children, region_get, region_list


class RegionSerializer(serializers.ModelSerializer):
    """One division."""

    level_display = serializers.CharField(source="get_level_display", read_only=True, help_text="级别名称")
    parent = serializers.CharField(source="parent_id", read_only=True, allow_null=True, help_text="上级区划代码")

    class Meta:
        model = Region
        fields = ["code", "name", "level", "level_display", "parent", "prefix", "full_name", "is_active"]
        read_only_fields = fields


class RegionListView(generics.ListAPIView):
    """行政区划列表."""

    serializer_class = RegionSerializer
    filterset_class = RegionApiFilterSet
    ordering_fields = ["code", "name", "level"]

    def get_queryset(self) -> Any:
        """All regions for a signed-in caller."""
        return region_list(user=self.request.user)

    @extend_schema(
        operation_id="core_regions_list",
        summary="行政区划列表",
        description="全国省、市、县、乡四级及已导入的村（社区）级行政区划。可按级别（level）、上级区划代码（parent）、"
        "代码前缀（prefix）、名称（name）或关键字（q：名称包含或代码开头）筛选。",
        responses={200: RegionSerializer(many=True), **error_responses(400, 401)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """List."""
        return super().get(request, *args, **kwargs)


class RegionDetailView(generics.RetrieveAPIView):
    """一个行政区划."""

    serializer_class = RegionSerializer

    def get_object(self) -> Region:
        """By 12-digit code."""
        return region_get(user=self.request.user, code=self.kwargs["code"])

    @extend_schema(
        operation_id="core_regions_retrieve",
        summary="行政区划详情",
        description="按12位区划代码查询一个行政区划。",
        parameters=[OpenApiParameter("code", str, OpenApiParameter.PATH, description="12位区划代码")],
        responses={200: RegionSerializer, **error_responses(401, 404)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Retrieve."""
        return super().get(request, *args, **kwargs)


class RegionChildrenView(generics.ListAPIView):
    """一个行政区划的下级区划."""

    serializer_class = RegionSerializer
    filter_backends: list = []

    def get_queryset(self) -> Any:
        """Direct children, by code."""
        region = region_get(user=self.request.user, code=self.kwargs["code"])
        return region_children(user=self.request.user, region=region)

    @extend_schema(
        operation_id="core_regions_children",
        summary="下级行政区划",
        description="按12位区划代码列出直接下级区划（用于级联选择）。",
        parameters=[OpenApiParameter("code", str, OpenApiParameter.PATH, description="12位区划代码")],
        responses={200: RegionSerializer(many=True), **error_responses(401, 404)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """List."""
        return super().get(request, *args, **kwargs)


urlpatterns = [
    path("regions/", RegionListView.as_view(), name="api-region-list"),
    path("regions/<str:code>/", RegionDetailView.as_view(), name="api-region-detail"),
    path("regions/<str:code>/children/", RegionChildrenView.as_view(), name="api-region-children"),
]
