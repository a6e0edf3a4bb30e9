"""API v1: health check (unauthenticated), for load balancers and monitoring."""

from importlib import metadata

from django.db import DatabaseError, connection
from django.urls import path
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView


def anju_version() -> str:
    """The installed package version, or the one in pyproject when run from a checkout."""
    try:
        return metadata.version("anju")
    except metadata.PackageNotFoundError:
        from django.conf import settings

        return str(settings.SPECTACULAR_SETTINGS.get("VERSION", "0"))


HealthSerializer = inline_serializer(
    name="Health",
    fields={
        "status": serializers.ChoiceField(choices=["ok", "degraded"], help_text="ok：服务正常；degraded：数据库不可用"),
        "database": serializers.ChoiceField(choices=["ok", "error"], help_text="数据库连接检查结果"),
        "version": serializers.CharField(help_text="安居版本号"),
    },
)


class HealthView(APIView):
    """GET /api/v1/health/: is the service up and can it reach its database?"""

    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="health_check",
        summary="健康检查",
        description="无需登录。检查应用与数据库连接；数据库不可用时返回 503。",
        tags=["平台"],
        responses={200: HealthSerializer, 503: OpenApiResponse(HealthSerializer, description="数据库不可用")},
    )
    def get(self, request: Request) -> Response:
        """Run `SELECT 1` and report."""
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
            database = "ok"
        except DatabaseError:
            database = "error"
        healthy = database == "ok"
        return Response(
            {"status": "ok" if healthy else "degraded", "database": database, "version": anju_version()},
            status=200 if healthy else 503,
        )


urlpatterns = [path("health/", HealthView.as_view(), name="api-health")]
