"""API v1 of households: scoped list and detail (masked), create and update through the services."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from anju.admission import services
from anju.admission.api.serializers import (
    HouseholdDetailSerializer,
    HouseholdListSerializer,
    HouseholdWriteSerializer,
    MemberSerializer,
    MemberWriteSerializer,
)
from anju.admission.filtersets import HouseholdFilterSet
from anju.admission.selectors import household_get, household_list

TAG = ["准入登记"]


class HouseholdListCreateView(generics.ListCreateAPIView):
    """申请家庭列表 and 新建申请."""

    serializer_class = HouseholdListSerializer
    filterset_class = HouseholdFilterSet
    ordering_fields = ["number", "submitted_at", "created_at", "income_per_capita"]

    def get_queryset(self) -> Any:
        """Scoped by the caller's jurisdiction and role."""
        return household_list(user=self.request.user)

    @extend_schema(
        operation_id="households_list", tags=TAG, summary="申请家庭列表",
        description="管辖范围内的申请家庭；证件号码和电话已脱敏。可按区划、办理阶段、提交日期、证件号码（精确）和申请人姓名筛选。",
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """List."""
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="households_create", tags=TAG, summary="受理申请（新建草稿）",
        description="社区经办人为本社区家庭新建申请草稿；申请人自动成为第一名家庭成员。",
        request=HouseholdWriteSerializer, responses={201: HouseholdDetailSerializer},
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """application_create."""
        serializer = HouseholdWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        missing = [name for name in ("region_code", "applicant_name", "id_number") if not data.get(name)]
        if missing:
            raise ValidationError({name: ["该字段是必填项。"] for name in missing})
        application = services.application_create(
            region_code=data.pop("region_code"),
            applicant_name=data.pop("applicant_name"),
            id_number=data.pop("id_number"),
            acting_user=request.user,
            **data,
        )
        application = household_get(user=request.user, pk=application.pk)
        return Response(HouseholdDetailSerializer(application).data, status=status.HTTP_201_CREATED)


class HouseholdDetailView(generics.GenericAPIView):
    """申请家庭详情 and 修改."""

    serializer_class = HouseholdDetailSerializer

    @extend_schema(operation_id="households_retrieve", tags=TAG, summary="申请家庭详情", description="申请基本信息及家庭成员、住房、资产；标识已脱敏。")
    def get(self, request: Request, pk: int) -> Response:
        """Detail (404 outside the jurisdiction)."""
        return Response(HouseholdDetailSerializer(household_get(user=request.user, pk=pk)).data)

    @extend_schema(
        operation_id="households_partial_update", tags=TAG, summary="修改申请基本信息",
        description="仅草稿或退回的申请可以修改。", request=HouseholdWriteSerializer, responses=HouseholdDetailSerializer,
    )
    def patch(self, request: Request, pk: int) -> Response:
        """application_update."""
        application = household_get(user=request.user, pk=pk)
        serializer = HouseholdWriteSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data.pop("region_code", None)
        services.application_update(application=application, acting_user=request.user, **data)
        return Response(HouseholdDetailSerializer(household_get(user=request.user, pk=pk)).data)


class HouseholdMemberCreateView(generics.GenericAPIView):
    """添加家庭成员."""

    serializer_class = MemberSerializer

    @extend_schema(
        operation_id="households_members_create", tags=TAG, summary="添加家庭成员",
        request=MemberWriteSerializer, responses={201: MemberSerializer},
    )
    def post(self, request: Request, pk: int) -> Response:
        """向草稿或退回补正的申请添加一名家庭成员；证件号码经校验，已在其他有效申请中的成员被拒绝（服务 member_add）。"""
        application = household_get(user=request.user, pk=pk)
        serializer = MemberWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        member = services.member_add(
            application=application,
            acting_user=request.user,
            name=data.pop("name", ""),
            relation=data.pop("relation", ""),
            id_number=data.pop("id_number", ""),
            **data,
        )
        return Response(MemberSerializer(member).data, status=status.HTTP_201_CREATED)
