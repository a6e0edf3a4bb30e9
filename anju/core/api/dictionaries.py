"""API v1: code tables (read-only reference data)."""

from __future__ import annotations

from typing import Any

from django.urls import path
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from anju.core.api.errors import error_responses
from anju.core.filtersets import DictionaryFilterSet
from anju.core.models import Dictionary, DictionaryItem
from anju.core.selectors import dictionary_get, dictionary_items, dictionary_list


class DictionarySerializer(serializers.ModelSerializer):
    """One code table."""

    item_count = serializers.IntegerField(read_only=True, help_text="条目数")

    class Meta:
        model = Dictionary
        fields = ["code", "name", "standard", "description", "is_system", "item_count"]
        read_only_fields = fields


class DictionaryItemSerializer(serializers.ModelSerializer):
    """One item of a code table."""

    class Meta:
        model = DictionaryItem
        fields = ["code", "name", "parent_code", "sort_order", "is_active"]
        read_only_fields = fields


class DictionaryListView(generics.ListAPIView):
    """代码表列表."""

    serializer_class = DictionarySerializer
    filterset_class = DictionaryFilterSet
    ordering_fields = ["code", "name"]

    def get_queryset(self) -> Any:
        """All code tables."""
        return dictionary_list(user=self.request.user)

    @extend_schema(
        operation_id="core_dictionaries_list",
        summary="代码表列表",
        description="系统内的全部代码表（性别 GB/T 2261.1、民族 GB/T 3304、家庭关系 GB/T 4761、保障方式等）。q 按名称或标识筛选。",
        responses={200: DictionarySerializer(many=True), **error_responses(400, 401)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """List."""
        return super().get(request, *args, **kwargs)


class DictionaryItemListView(generics.ListAPIView):
    """一个代码表的条目."""

    serializer_class = DictionaryItemSerializer
    filter_backends: list = []
    pagination_class = None

    def get_queryset(self) -> Any:
        """Items of the code table; ?active=1 keeps the enabled ones only."""
        dictionary = dictionary_get(user=self.request.user, code=self.kwargs["code"])
        items = dictionary_items(user=self.request.user, dictionary=dictionary)
        if self.request.query_params.get("active") in {"1", "true"}:
            items = items.filter(is_active=True)
        return items

    @extend_schema(
        operation_id="core_dictionary_items_list",
        summary="代码表条目",
        description="一个代码表的全部条目（不分页，按排序）；active=1 只返回启用的条目。",
        parameters=[
            OpenApiParameter("code", str, OpenApiParameter.PATH, description="代码表标识，如 sex、ethnicity"),
            OpenApiParameter("active", str, OpenApiParameter.QUERY, required=False, description="1 只返回启用条目"),
        ],
        responses={200: DictionaryItemSerializer(many=True), **error_responses(401, 404)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """List."""
        return super().get(request, *args, **kwargs)


urlpatterns = [
    path("dictionaries/", DictionaryListView.as_view(), name="api-dictionary-list"),
    path("dictionaries/<str:code>/items/", DictionaryItemListView.as_view(), name="api-dictionary-items"),
]
