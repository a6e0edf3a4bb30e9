"""API v1: progress of background jobs."""

from __future__ import annotations

from typing import Any

from django.urls import path
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from anju.core.api.errors import error_responses
from anju.core.models import JobProgress
from anju.core.selectors import job_get


class JobSerializer(serializers.ModelSerializer):
    """A job's state and progress."""

    status_display = serializers.CharField(source="get_status_display", read_only=True, help_text="状态名称")
    percent = serializers.IntegerField(read_only=True, help_text="完成百分比 0–100")
    is_finished = serializers.BooleanField(read_only=True, help_text="是否已结束（成功或失败）")

    class Meta:
        model = JobProgress
        fields = [
            "id",
            "kind",
            "title",
            "status",
            "status_display",
            "percent",
            "done",
            "total",
            "is_finished",
            "message",
            "result",
            "created_at",
            "started_at",
            "finished_at",
        ]
        read_only_fields = fields


class JobDetailView(generics.RetrieveAPIView):
    """后台任务进度."""

    serializer_class = JobSerializer

    def get_object(self) -> JobProgress:
        """A job the caller started (any job for the system administrator)."""
        return job_get(user=self.request.user, pk=self.kwargs["pk"])

    @extend_schema(
        operation_id="core_jobs_retrieve",
        summary="后台任务进度",
        description="查询后台任务的状态与完成百分比；任务运行时可每 2 秒轮询一次。",
        parameters=[OpenApiParameter("id", int, OpenApiParameter.PATH, description="任务编号")],
        responses={200: JobSerializer, **error_responses(401, 404)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Retrieve."""
        return super().get(request, *args, **kwargs)


urlpatterns = [path("jobs/<int:pk>/", JobDetailView.as_view(), name="api-job-detail")]
