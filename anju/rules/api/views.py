"""API v1 of 保障规则: programs, modes, versions (read; city officer acts), evaluate."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from anju.rules import selectors
from anju.rules.api.serializers import (
    EnableSerializer,
    EvaluateSerializer,
    ModeSerializer,
    ParameterSerializer,
    ProgramSerializer,
    VersionDetailSerializer,
    VersionSerializer,
)
from anju.rules.services import rulesets
from anju.rules.services.evaluation import evaluate_application, evaluate_facts, explain_text

TAG = ["保障规则"]


class ProgramListView(generics.ListAPIView):
    """保障项目列表."""

    serializer_class = ProgramSerializer

    def get_queryset(self) -> Any:
        """Visible programs."""
        return selectors.program_list(user=self.request.user)

    @extend_schema(operation_id="rules_programs_list", tags=TAG, summary="保障项目列表")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """List."""
        return super().get(request, *args, **kwargs)


class ModeListView(generics.ListAPIView):
    """保障方式列表."""

    serializer_class = ModeSerializer

    def get_queryset(self) -> Any:
        """Visible modes."""
        return selectors.mode_list(user=self.request.user)

    @extend_schema(operation_id="rules_modes_list", tags=TAG, summary="保障方式列表")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """List."""
        return super().get(request, *args, **kwargs)


class ParameterListView(generics.ListAPIView):
    """规则参数列表."""

    serializer_class = ParameterSerializer

    def get_queryset(self) -> Any:
        """Visible parameters."""
        return selectors.parameter_list(user=self.request.user)

    @extend_schema(operation_id="rules_parameters_list", tags=TAG, summary="规则参数列表")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """List."""
        return super().get(request, *args, **kwargs)


class VersionListView(generics.ListAPIView):
    """规则版本列表."""

    serializer_class = VersionSerializer

    def get_queryset(self) -> Any:
        """Visible versions."""
        return selectors.version_list(user=self.request.user)

    @extend_schema(operation_id="rules_versions_list", tags=TAG, summary="保障规则版本列表")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """List."""
        return super().get(request, *args, **kwargs)


class VersionDetailView(APIView):
    """One version with conditions and standards."""

    @extend_schema(operation_id="rules_versions_detail", tags=TAG, summary="保障规则版本详情",
                   responses=VersionDetailSerializer)
    def get(self, request: Request, pk: int) -> Response:
        """Detail."""
        version = selectors.version_get(user=request.user, pk=pk)
        return Response(VersionDetailSerializer(version).data)


class VersionCopyView(APIView):
    """生成模板 (city officer)."""

    @extend_schema(operation_id="rules_versions_copy", tags=TAG, summary="生成模板（复制为新草稿）", request=None,
                   responses={201: VersionSerializer})
    def post(self, request: Request, pk: int) -> Response:
        """Copy."""
        version = selectors.version_get(user=request.user, pk=pk)
        draft = rulesets.version_copy(version=version, acting_user=request.user)
        return Response(VersionSerializer(draft).data, status=status.HTTP_201_CREATED)


class VersionEnableView(APIView):
    """启用 (city officer)."""

    @extend_schema(operation_id="rules_versions_enable", tags=TAG, summary="启用草稿版本", request=EnableSerializer,
                   responses=VersionSerializer)
    def post(self, request: Request, pk: int) -> Response:
        """Enable."""
        version = selectors.version_get(user=request.user, pk=pk)
        data = EnableSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        version = rulesets.version_enable(version=version, acting_user=request.user, **data.validated_data)
        return Response(VersionSerializer(version).data)


class VersionStopView(APIView):
    """停止 (city officer)."""

    @extend_schema(operation_id="rules_versions_stop", tags=TAG, summary="停止已启用版本", request=None,
                   responses=VersionSerializer)
    def post(self, request: Request, pk: int) -> Response:
        """Stop."""
        version = selectors.version_get(user=request.user, pk=pk)
        version = rulesets.version_stop(version=version, acting_user=request.user)
        return Response(VersionSerializer(version).data)


class EvaluateView(APIView):
    """评估: an application against the rules in force, or typed facts against a version."""

    @extend_schema(
        operation_id="rules_evaluate", tags=TAG, summary="资格评估（试算）", request=EvaluateSerializer,
        responses={200: OpenApiTypes.OBJECT},
        description="提供申请 ID 时按现行规则判定（record=true 时保存判定记录）；提供规则版本 ID 和家庭事实时只试算不保存。"
        "返回结论和逐条说明（事实、比较、标准、结果）。",
    )
    def post(self, request: Request) -> Response:
        """Evaluate and explain."""
        from anju.admission.selectors import household_list

        data = EvaluateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        attrs = data.validated_data
        if attrs.get("application"):
            application = get_object_or_404(household_list(user=request.user), pk=attrs["application"])
            decision = evaluate_application(
                application=application, as_of=attrs.get("as_of"), acting_user=request.user, record=attrs["record"]
            )
            return Response({
                "eligible": decision.eligible, "decision_id": decision.pk, "version": decision.rule_set_version_id,
                "results": decision.results, "explanation": decision.explanation, "text": explain_text(decision),
            })
        version = selectors.version_get(user=request.user, pk=attrs["version"])
        decision = evaluate_facts(facts=attrs["facts"], rule_set=version, as_of=attrs.get("as_of"))
        return Response({
            "eligible": decision.eligible, "version": version.pk, "explanation": decision.items,
            "text": explain_text(decision),
        })
