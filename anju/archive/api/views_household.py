"""API of 一户一档: /api/v1/archive/households/<application id>/file/."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from anju.archive.api.serializers_household import HouseholdFileSerializer
from anju.archive.selectors_household_file import household_file_get
from anju.core.api.errors import error_responses


class HouseholdFileAPIView(APIView):
    """GET the household's file (the same events as the staff page)."""

    @extend_schema(
        operation_id="archive_household_file_retrieve",
        summary="一户一档",
        description="一户家庭（按申请主键）的全部档案时间线，自早至晚：申请、流程办理记录、资格判定、核查、公示与举报、"
        "准入登记与保障状态、配置方案、轮候排序、摇号、选房、合同、补贴应发与实发、信用档案、投诉、电子档案。"
        "成员证件号码一律脱敏；暂时无法读取的来源列在 unavailable 中；不在管辖范围内时返回 404。",
        tags=["电子档案"],
        responses={200: HouseholdFileSerializer, **error_responses(401, 403, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        """Scoped by the selector (404 outside the jurisdiction)."""
        household_file = household_file_get(user=request.user, application_id=pk)
        return Response(HouseholdFileSerializer(household_file).data)
