"""API v1 of accounts: the current user, organisations (scoped), and token login."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import authenticate
from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions, status
from rest_framework.authtoken.models import Token
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from anju.accounts import events
from anju.accounts.api.serializers import (
    MeSerializer,
    OrganisationSerializer,
    TokenRequestSerializer,
    TokenResponseSerializer,
)
from anju.accounts.filtersets import OrganisationFilterSet
from anju.accounts.permissions import needs_otp
from anju.accounts.selectors import organisation_list
from anju.accounts.services.passwords import password_change_required


class MeView(APIView):
    """当前用户."""

    @extend_schema(operation_id="accounts_me", summary="当前用户", description="当前登录用户的身份、角色和管辖区域。", responses=MeSerializer)
    def get(self, request: Request) -> Response:
        """The caller."""
        return Response(MeSerializer(request.user).data)


class OrganisationListView(generics.ListAPIView):
    """机构列表 (管辖范围内)."""

    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilterSet
    ordering_fields = ["code", "name", "region_code"]

    def get_queryset(self) -> Any:
        """Scoped by the caller's jurisdiction."""
        return organisation_list(user=self.request.user)

    @extend_schema(operation_id="accounts_organisations_list", summary="机构列表", description="管辖范围内的机构；可按类型、区划、名称筛选。")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """List."""
        return super().get(request, *args, **kwargs)


class TokenView(APIView):
    """用户名和密码换取访问令牌; failures count towards the login lockout."""

    authentication_classes: list = []
    permission_classes = [permissions.AllowAny]

    @extend_schema(
        operation_id="accounts_token_create",
        summary="获取访问令牌",
        description="用用户名和密码换取令牌。连续失败 5 次锁定 15 分钟（HTTP 429）。管理员账号须使用带动态口令的网页登录，不签发令牌。",
        request=TokenRequestSerializer,
        responses={200: TokenResponseSerializer},
    )
    def post(self, request: Request) -> Response:
        """Authenticate through axes (the Django request is passed) and return the user's token."""
        serializer = TokenRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        django_request = request._request
        user = authenticate(django_request, **serializer.validated_data)
        if user is None:
            return Response({"detail": "用户名或密码不正确。", "code": "invalid_credentials"}, status=status.HTTP_400_BAD_REQUEST)
        if needs_otp(user):
            events.audit(events.LOGIN_FAILED, user=user, result="denied", detail={"channel": "api_token", "reason": "admin_needs_otp"}, request=django_request)
            return Response({"detail": "管理员账号须通过网页登录并验证动态口令，不签发 API 令牌。", "code": "otp_required"}, status=status.HTTP_403_FORBIDDEN)
        if password_change_required(user):
            events.audit(events.LOGIN_FAILED, user=user, result="denied", detail={"channel": "api_token", "reason": "password_expired"}, request=django_request)
            return Response({"detail": "密码已过期或须修改，请先在网页上修改密码。", "code": "password_expired"}, status=status.HTTP_403_FORBIDDEN)
        token, _ = Token.objects.get_or_create(user=user)
        events.audit(events.LOGIN, user=user, detail={"username": user.username, "channel": "api_token"}, request=django_request)
        return Response({"token": token.key})
