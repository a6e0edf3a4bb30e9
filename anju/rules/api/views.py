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

from anju.core.api.errors import error_responses
from anju.core.api.jobs import JobSerializer
from anju.rules import selectors
from anju.rules.api.serializers import (
    EnableSerializer,
    EvaluateSerializer,
    ModeSerializer,
    ParameterSerializer,
    ProgramSerializer,
    SupportProgramSerializer,
    VersionDetailSerializer,
    VersionSerializer,
)
from anju.rules.services import rulesets
from anju.rules.services.evaluation import evaluate_application, evaluate_facts, explain_text
from anju.rules.services.programs import support_program_save
from anju.rules.services.whatif import WHATIF_JOB_KIND, whatif_start

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


class VersionWhatIfView(APIView):
    """影响评估 of a version, as a background job."""

    @extend_schema(
        operation_id="rules_versions_whatif", tags=TAG, summary="影响评估（后台任务）", request=None,
        responses={202: JobSerializer, **error_responses(400, 401, 403, 404)},
        description="后台比较该版本与当前启用版本对已提交及以后阶段申请家庭（调用者管辖范围内）的判定结果；立即返回任务，"
        "轮询 /api/v1/rules/whatif-jobs/{id}/ 查看进度，完成后 result 含 total（参与评估家庭数）、admitted（新增符合）、"
        "dropped（不再符合）、unchanged、eligible_before、eligible_after 及样例申请编号。",
    )
    def post(self, request: Request, pk: int) -> Response:
        """Start."""
        version = selectors.version_get(user=request.user, pk=pk)
        job = whatif_start(version=version, user=request.user)
        return Response(JobSerializer(job).data, status=status.HTTP_202_ACCEPTED)


class WhatIfJobView(APIView):
    """One 影响评估 job (the caller's own)."""

    @extend_schema(
        operation_id="rules_whatif_jobs_retrieve", tags=TAG, summary="影响评估任务进度与结果",
        responses={200: JobSerializer, **error_responses(401, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        """Retrieve."""
        from django.http import Http404

        from anju.core.selectors import job_get

        job = job_get(user=request.user, pk=pk)
        if job.kind != WHATIF_JOB_KIND:
            raise Http404("任务不存在。")
        return Response(JobSerializer(job).data)


class SupportProgramListCreateView(generics.ListCreateAPIView):
    """支持项目 (A.1.8): list within jurisdiction; create (city officer)."""

    serializer_class = SupportProgramSerializer

    def get_queryset(self) -> Any:
        """Visible support programs with their modes."""
        return selectors.support_program_list(user=self.request.user).prefetch_related(
            "modes__conditions", "modes__standards"
        )

    @extend_schema(operation_id="rules_support_programs_list", tags=TAG, summary="支持项目列表",
                   description="支持项目（A.1.8）及其支持方式（A.1.9）、申请条件（A.1.10）、支持标准（A.1.11）；按管辖范围过滤。")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """List."""
        return super().get(request, *args, **kwargs)

    @extend_schema(operation_id="rules_support_programs_create", tags=TAG, summary="新增支持项目",
                   responses={201: SupportProgramSerializer, **error_responses(400, 401, 403)},
                   description="仅市保障处，行政区划须在其管辖范围内。")
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Create through support_program_save."""
        serializer = SupportProgramSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        program = support_program_save(acting_user=request.user, **serializer.validated_data)
        return Response(SupportProgramSerializer(program).data, status=status.HTTP_201_CREATED)


class SupportProgramDetailView(APIView):
    """One 支持项目: read; change (city officer)."""

    def _get(self, request: Request, pk: int) -> Any:
        return get_object_or_404(selectors.support_program_list(user=request.user), pk=pk)

    @extend_schema(operation_id="rules_support_programs_retrieve", tags=TAG, summary="支持项目详情",
                   responses={200: SupportProgramSerializer, **error_responses(401, 404)})
    def get(self, request: Request, pk: int) -> Response:
        """Detail."""
        return Response(SupportProgramSerializer(self._get(request, pk)).data)

    @extend_schema(operation_id="rules_support_programs_update", tags=TAG, summary="修改支持项目",
                   request=SupportProgramSerializer,
                   responses={200: SupportProgramSerializer, **error_responses(400, 401, 403, 404)},
                   description="部分修改（只传要改的字段）；仅市保障处，在其管辖范围内。")
    def patch(self, request: Request, pk: int) -> Response:
        """Change through support_program_save."""
        program = self._get(request, pk)
        serializer = SupportProgramSerializer(program, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        program = support_program_save(acting_user=request.user, support_program=program, **serializer.validated_data)
        return Response(SupportProgramSerializer(program).data)
