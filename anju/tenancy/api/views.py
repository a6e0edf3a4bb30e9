"""API v1 of 配后管理 (mounted at /api/v1/tenancy/): scoped reads, writes through the services."""

from __future__ import annotations

from typing import Any

from django.db import models
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from anju.core.api.errors import error_responses
from anju.core.api.jobs import JobSerializer
from anju.tenancy import filtersets, selectors
from anju.tenancy.api import serializers as s
from anju.tenancy.permissions import READER_ROLES
from anju.tenancy.services import exits, occupancy, rent, review
from anju.tenancy.services.common import month_parse

TAG = ["配后管理"]


class ReaderPermissionMixin:
    """Business roles only (default deny)."""

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        """Role check after authentication."""
        super().initial(request, *args, **kwargs)  # type: ignore[misc]
        if not request.user.has_role(*READER_ROLES):
            raise PermissionDenied("您的角色无权查看配后管理数据。")


def _list_view(name: str, selector: Any, serializer: Any, filterset: Any, summary: str) -> type:
    """A scoped, filtered, paginated list endpoint."""

    class View(ReaderPermissionMixin, generics.ListAPIView):
        serializer_class = serializer
        filterset_class = filterset

        def get_queryset(self) -> models.QuerySet:
            return selector(user=self.request.user).order_by("-pk")

        @extend_schema(
            operation_id=f"tenancy_{name}_list",
            tags=TAG,
            summary=summary,
            description=f"{summary}（管辖范围内）。",
            responses={200: serializer(many=True), **error_responses(401, 403)},
        )
        def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
            return super().get(request, *args, **kwargs)

    View.__name__ = View.__qualname__ = f"{name.title().replace('_', '')}ListView"
    View.__doc__ = f"{summary}."
    return View


MoveInListView = _list_view("move_ins", selectors.move_in_list, s.MoveInSerializer, filtersets.MoveInFilterSet, "入住")
ChargeListView = _list_view(
    "charges", selectors.charge_list, s.RentChargeSerializer, filtersets.ChargeFilterSet, "租金应收"
)
PaymentListView = _list_view(
    "payments", selectors.payment_list, s.RentPaymentSerializer, filtersets.PaymentFilterSet, "租金实收"
)
VacateListView = _list_view("vacates", selectors.vacate_list, s.VacateSerializer, filtersets.VacateFilterSet, "腾退")
FixedCostListView = _list_view(
    "fixed_costs", selectors.fixed_cost_list, s.FixedCostSerializer, filtersets.FixedCostFilterSet, "每月固定发生款项"
)
ReviewRoundListView = _list_view("review_rounds", selectors.review_round_list, s.ReviewRoundSerializer, None, "年审")
ReviewResultListView = _list_view("review_results", selectors.review_result_list, s.ReviewResultSerializer,
                                  filtersets.ReviewResultFilterSet, "年审结果")  # fmt: skip
ExitCaseListView = _list_view(
    "exit_cases", selectors.exit_case_list, s.ExitCaseSerializer, filtersets.ExitCaseFilterSet, "保障退出"
)
ReturnListView = _list_view(
    "returns", selectors.return_list, s.ReturnSerializer, filtersets.ReturnFilterSet, "已配售房源退回"
)
ResaleListView = _list_view(
    "resales", selectors.resale_list, s.ResaleSerializer, filtersets.ResaleFilterSet, "已配售房源再上市"
)


class MoveInCreateView(ReaderPermissionMixin, APIView):
    """办理入住."""

    @extend_schema(
        operation_id="tenancy_move_ins_create",
        tags=TAG,
        summary="办理入住",
        description="已签约的配租合同办理入住：入住时间、租金、减免金额和原因；住房变为“已入住”。",
        request=s.MoveInWriteSerializer,
        responses={201: s.MoveInSerializer, **error_responses(400, 401, 403, 404)},
    )
    def post(self, request: Request) -> Response:
        """move_in_create."""
        serializer = s.MoveInWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        lease = generics.get_object_or_404(selectors.leases_awaiting_move_in(user=request.user), pk=data.pop("lease"))
        move_in = occupancy.move_in_create(lease=lease, acting_user=request.user, **data)
        return Response(s.MoveInSerializer(move_in).data, status=status.HTTP_201_CREATED)


class RentRunView(ReaderPermissionMixin, APIView):
    """生成租金应收 (background)."""

    @extend_schema(
        operation_id="tenancy_rent_run_create",
        tags=TAG,
        summary="生成租金应收",
        description="后台生成管辖范围内某月的租金应收；重复运行不会重复生成。返回任务进度。",
        request=s.RentRunWriteSerializer,
        responses={202: JobSerializer, **error_responses(400, 401, 403)},
    )
    def post(self, request: Request) -> Response:
        """rent_run_start."""
        serializer = s.RentRunWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        job = rent.rent_run_start(period=month_parse(serializer.validated_data["month"]), acting_user=request.user)
        return Response(JobSerializer(job).data, status=status.HTTP_202_ACCEPTED)


class ArrearsListView(ReaderPermissionMixin, APIView):
    """欠租."""

    @extend_schema(
        operation_id="tenancy_arrears_list",
        tags=TAG,
        summary="欠租家庭",
        description="管辖范围内欠缴租金的家庭及账龄（1个月、2个月、3–5个月、6个月及以上）。",
        responses={200: s.ArrearsSerializer(many=True), **error_responses(401, 403)},
    )
    def get(self, request: Request) -> Response:
        """arrears_list."""
        return Response(s.ArrearsSerializer(selectors.arrears_list(user=request.user), many=True).data)


class PaymentCreateView(ReaderPermissionMixin, APIView):
    """收取租金."""

    @extend_schema(
        operation_id="tenancy_households_payments_create",
        tags=TAG,
        summary="收取租金",
        description="按应收月份从早到晚冲抵；少于欠缴总额须填未足额收取原因；同一幂等键只记一次。",
        request=s.PaymentWriteSerializer,
        responses={201: s.RentReceiptSerializer, **error_responses(400, 401, 403, 404)},
    )
    def post(self, request: Request, pk: int) -> Response:
        """payment_record."""
        entry = selectors.household_get(user=request.user, pk=pk)
        serializer = s.PaymentWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data["idempotency_key"] = data.get("idempotency_key") or None
        receipt = rent.payment_record(register_entry=entry, acting_user=request.user, **data)
        return Response(s.RentReceiptSerializer(receipt).data, status=status.HTTP_201_CREATED)


class VacateCreateView(ReaderPermissionMixin, APIView):
    """办理腾退."""

    @extend_schema(
        operation_id="tenancy_move_ins_vacate_create",
        tags=TAG,
        summary="办理腾退",
        request=s.VacateWriteSerializer,
        responses={201: s.VacateSerializer, **error_responses(400, 401, 403, 404)},
    )
    def post(self, request: Request, pk: int) -> Response:
        """vacate_create."""
        move_in = selectors.move_in_get(user=request.user, pk=pk)
        serializer = s.VacateWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data["kind"] = data.pop("vacate_kind")
        vacate = occupancy.vacate_create(move_in=move_in, acting_user=request.user, **data)
        return Response(s.VacateSerializer(vacate).data, status=status.HTTP_201_CREATED)


class ReviewDecideView(ReaderPermissionMixin, APIView):
    """年审复核结论."""

    @extend_schema(
        operation_id="tenancy_review_results_decide",
        tags=TAG,
        summary="年审复核结论",
        description="继续保障、调整租金或补贴、退出保障；完成复核待办，退出时发起退出流程。"
        "结论为调整时须填写 adjust_kind、new_amount、effective_month、adjust_reason，自该月起改变租金或补贴标准。",
        request=s.ReviewDecisionSerializer,
        responses={200: s.ReviewResultSerializer, **error_responses(400, 401, 403, 404)},
    )
    def post(self, request: Request, pk: int) -> Response:
        """review_result_decide."""
        result = selectors.review_result_get(user=request.user, pk=pk)
        serializer = s.ReviewDecisionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        result = review.review_result_decide(result=result, acting_user=request.user, **serializer.validated_data)
        return Response(s.ReviewResultSerializer(result).data)


class ExitCaseCreateView(ReaderPermissionMixin, APIView):
    """发起退出."""

    @extend_schema(
        operation_id="tenancy_exit_cases_create",
        tags=TAG,
        summary="发起退出",
        request=s.ExitCaseWriteSerializer,
        responses={201: s.ExitCaseSerializer, **error_responses(400, 401, 403, 404)},
    )
    def post(self, request: Request) -> Response:
        """exit_case_open."""
        serializer = s.ExitCaseWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        entry = selectors.household_get(user=request.user, pk=data.pop("register_entry"))
        case = exits.exit_case_open(register_entry=entry, acting_user=request.user, **data)
        return Response(s.ExitCaseSerializer(case).data, status=status.HTTP_201_CREATED)


class ExitDecideView(ReaderPermissionMixin, APIView):
    """退出决定."""

    @extend_schema(
        operation_id="tenancy_exit_cases_decide",
        tags=TAG,
        summary="退出决定",
        request=s.ExitDecisionSerializer,
        responses={200: s.ExitCaseSerializer, **error_responses(400, 401, 403, 404)},
    )
    def post(self, request: Request, pk: int) -> Response:
        """exit_case_decide."""
        case = selectors.exit_case_get(user=request.user, pk=pk)
        serializer = s.ExitDecisionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        case = exits.exit_case_decide(case=case, acting_user=request.user, **serializer.validated_data)
        return Response(s.ExitCaseSerializer(case).data)
