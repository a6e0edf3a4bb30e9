"""API v1 of rounds, waitlist order, lottery and house selection (mounted at /api/v1/distribution/).

Reads go through the scoped selectors (another district's record is 404); every write is one
service call (audited there); a service's ValidationError becomes the API's 400 error shape.
The public lottery record needs no login.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from anju.core.api.errors import error_responses
from anju.distribution import selectors_rounds as selectors
from anju.distribution.api import serializers_rounds as s
from anju.distribution.choices import LotteryState
from anju.distribution.permissions import READER_ROLES
from anju.distribution.services import lottery as lottery_services
from anju.distribution.services import rounds as round_services
from anju.distribution.services import selection as selection_services
from anju.distribution.services import waitlist as waitlist_services

TAG = ["配给管理"]


class ReaderPermissionMixin:
    """Business roles only (default deny): others get 403."""

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        """Role check after authentication."""
        super().initial(request, *args, **kwargs)  # type: ignore[misc]
        if not request.user.has_role(*READER_ROLES):
            raise PermissionDenied("您的角色无权查看配给管理数据。")


def _lottery_of(round_: Any) -> Any:
    lottery = selectors.round_lottery(round_)
    if lottery is None:
        raise Http404("该批次没有摇号。")
    return lottery


class RoundListView(ReaderPermissionMixin, generics.ListAPIView):
    """配给批次列表 and 新建."""

    serializer_class = s.RoundSerializer

    def get_queryset(self) -> models.QuerySet:
        """Scoped; ?state= and ?method=."""
        queryset = selectors.round_list(user=self.request.user)
        for name in ("state", "method"):
            if value := self.request.query_params.get(name):
                queryset = queryset.filter(**{name: value})
        return queryset

    @extend_schema(
        operation_id="distribution_rounds_list",
        tags=TAG,
        summary="配给批次列表",
        description="管辖范围内的配给批次；可按 state（批次状态）和 method（配给方式）筛选。",
        responses={200: s.RoundSerializer(many=True), **error_responses(401, 403)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """List."""
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="distribution_rounds_create",
        tags=TAG,
        summary="新建配给批次",
        description="从已发布的资源配置方案创建配给批次（方案的家庭和住房）；每个方案同时只能有一个未结束的批次。",
        request=s.RoundCreateSerializer,
        responses={201: s.RoundSerializer, **error_responses(400, 401, 403, 404)},
    )
    def post(self, request: Request) -> Response:
        """round_create."""
        serializer = s.RoundCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        plan = selectors.published_plans_for(request.user).filter(pk=data["plan"]).first()
        if plan is None:
            raise ValidationError({"plan": ["资源配置方案不存在、未发布或不在您的管辖范围内。"]})
        round_ = round_services.round_create(
            plan=plan,
            method=data["method"],
            name=data["name"],
            window_minutes=data["window_minutes"],
            acting_user=request.user,
        )
        return Response(s.RoundSerializer(round_).data, status=status.HTTP_201_CREATED)


class RoundDetailView(ReaderPermissionMixin, APIView):
    """配给批次详情."""

    @extend_schema(
        operation_id="distribution_rounds_retrieve",
        tags=TAG,
        summary="配给批次详情",
        description="管辖范围外返回 404。",
        responses={200: s.RoundSerializer, **error_responses(401, 403, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        """The round."""
        return Response(s.RoundSerializer(selectors.round_get(user=request.user, pk=pk)).data)


class QueueListView(ReaderPermissionMixin, generics.ListAPIView):
    """轮候顺序."""

    serializer_class = s.QueueEntrySerializer
    filter_backends: list = []

    def get_queryset(self) -> models.QuerySet:
        """The round's entries in order."""
        round_ = selectors.round_get(user=self.request.user, pk=self.kwargs["pk"])
        return selectors.queue_entries(user=self.request.user, round_=round_)

    @extend_schema(
        operation_id="distribution_queue_list",
        tags=TAG,
        summary="轮候顺序",
        description="按分组和顺序排列；explanation 为排序依据（各因素的事实、是否符合、得分，优先组，同分排序依据），"
        "reorders 为依决定所作的调整。",
        responses={200: s.QueueEntrySerializer(many=True), **error_responses(401, 403, 404)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """List."""
        return super().get(request, *args, **kwargs)


class QueueComputeView(ReaderPermissionMixin, APIView):
    """计算轮候顺序."""

    @extend_schema(
        operation_id="distribution_queue_compute",
        tags=TAG,
        summary="计算轮候顺序",
        description="按批次的轮候排队规则计算（已有调整决定或已开始选房时拒绝）。",
        request=None,
        responses={200: s.CountSerializer, **error_responses(400, 401, 403, 404)},
    )
    def post(self, request: Request, pk: int) -> Response:
        """queue_compute."""
        round_ = selectors.round_get(user=request.user, pk=pk)
        return Response({"count": waitlist_services.queue_compute(round_=round_, acting_user=request.user)})


class QueueReorderView(ReaderPermissionMixin, APIView):
    """调整轮候顺序."""

    @extend_schema(
        operation_id="distribution_queue_reorder",
        tags=TAG,
        summary="调整轮候顺序",
        description="只能依据决定调整：须有决定文号和原因；组内其他家庭顺延。",
        request=s.QueueReorderInputSerializer,
        responses={201: s.ReorderSerializer, **error_responses(400, 401, 403, 404)},
    )
    def post(self, request: Request, pk: int) -> Response:
        """queue_reorder."""
        entry = selectors.queue_entry_get(user=request.user, pk=pk)
        serializer = s.QueueReorderInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        reorder = waitlist_services.queue_reorder(entry=entry, acting_user=request.user, **serializer.validated_data)
        return Response(s.ReorderSerializer(reorder).data, status=status.HTTP_201_CREATED)


class LotteryView(ReaderPermissionMixin, APIView):
    """批次的摇号."""

    @extend_schema(
        operation_id="distribution_lottery_retrieve",
        tags=TAG,
        summary="摇号信息",
        description="名单摘要、种子承诺；摇号后含公开的种子和结果摘要。",
        responses={200: s.LotterySerializer, **error_responses(401, 403, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        """The lottery."""
        return Response(s.LotterySerializer(_lottery_of(selectors.round_get(user=request.user, pk=pk))).data)


class LotteryCommitView(ReaderPermissionMixin, APIView):
    """公布摇号名单和种子承诺."""

    @extend_schema(
        operation_id="distribution_lottery_commit",
        tags=TAG,
        summary="公布摇号名单和种子承诺",
        description="固定参与名单（方案中的全部家庭）并公布名单的 SM3 摘要和随机种子的 SM3 承诺；种子密封保存。",
        request=s.LotteryCommitSerializer,
        responses={201: s.LotterySerializer, **error_responses(400, 401, 403, 404)},
    )
    def post(self, request: Request, pk: int) -> Response:
        """lottery_commit."""
        round_ = selectors.round_get(user=request.user, pk=pk)
        serializer = s.LotteryCommitSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        lottery = lottery_services.lottery_commit(
            round_=round_,
            winners_count=data.get("winners_count"),
            substitutes_count=data["substitutes_count"],
            draw_at=data.get("draw_at"),
            notary=data["notary"],
            acting_user=request.user,
        )
        return Response(s.LotterySerializer(lottery).data, status=status.HTTP_201_CREATED)


class LotteryDrawView(ReaderPermissionMixin, APIView):
    """摇号."""

    @extend_schema(
        operation_id="distribution_lottery_draw",
        tags=TAG,
        summary="摇号",
        description="公开种子并计算摇号顺序；正选之后为候补。结果不可更改，再次摇号返回 400。",
        request=s.LotteryDrawSerializer,
        responses={200: s.LotterySerializer, **error_responses(400, 401, 403, 404)},
    )
    def post(self, request: Request, pk: int) -> Response:
        """lottery_draw."""
        lottery = _lottery_of(selectors.round_get(user=request.user, pk=pk))
        serializer = s.LotteryDrawSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        lottery = lottery_services.lottery_draw(
            lottery=lottery, seed=serializer.validated_data["seed"], acting_user=request.user
        )
        return Response(s.LotterySerializer(lottery).data)


class LotteryVerifyView(ReaderPermissionMixin, APIView):
    """核验摇号结果."""

    @extend_schema(
        operation_id="distribution_lottery_verify",
        tags=TAG,
        summary="核验摇号结果",
        description="按公开的种子和名单重新计算并与保存的结果比对；核验记入审计日志。",
        request=None,
        responses={200: s.LotteryVerificationSerializer, **error_responses(400, 401, 403, 404)},
    )
    def post(self, request: Request, pk: int) -> Response:
        """lottery_verify_recorded."""
        lottery = _lottery_of(selectors.round_get(user=request.user, pk=pk))
        verification = lottery_services.lottery_verify_recorded(lottery=lottery, acting_user=request.user)
        return Response(s.verification_data(verification))


class PublicLotteryView(APIView):
    """摇号公开核验（无需登录）."""

    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(
        operation_id="distribution_public_lottery_retrieve",
        tags=TAG,
        summary="摇号公开核验",
        description="任何人可读：名单摘要、种子承诺、（摇号后）种子和重新计算的核验结论。",
        responses={200: s.LotterySerializer, **error_responses(404)},
    )
    def get(self, request: Request, number: str) -> Response:
        """The public record and the verdict."""
        lottery = selectors.lottery_public_get(number=number)
        body = dict(s.LotterySerializer(lottery).data)
        if lottery.state == LotteryState.DRAWN:
            body["verification"] = s.verification_data(lottery_services.lottery_verification(lottery=lottery))
        return Response(body)


class SelectionListView(ReaderPermissionMixin, generics.ListAPIView):
    """选房顺序与结果."""

    serializer_class = s.SelectionSerializer
    filter_backends: list = []

    def get_queryset(self) -> models.QuerySet:
        """The round's selections in order."""
        round_ = selectors.round_get(user=self.request.user, pk=self.kwargs["pk"])
        return selectors.selection_list(user=self.request.user, round_=round_)

    @extend_schema(
        operation_id="distribution_selections_list",
        tags=TAG,
        summary="选房顺序与结果",
        responses={200: s.SelectionSerializer(many=True), **error_responses(401, 403, 404)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """List."""
        return super().get(request, *args, **kwargs)


class SelectionsOpenView(ReaderPermissionMixin, APIView):
    """开始选房."""

    @extend_schema(
        operation_id="distribution_selections_open",
        tags=TAG,
        summary="开始选房",
        description="按轮候顺序（摇号批次为正选、候补顺序）为每户安排连续的选房时段。",
        request=s.SelectionsOpenSerializer,
        responses={200: s.CountSerializer, **error_responses(400, 401, 403, 404)},
    )
    def post(self, request: Request, pk: int) -> Response:
        """selections_open."""
        round_ = selectors.round_get(user=request.user, pk=pk)
        serializer = s.SelectionsOpenSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        count = selection_services.selections_open(round_=round_, acting_user=request.user, **serializer.validated_data)
        return Response({"count": count})


class SelectionsExpireView(ReaderPermissionMixin, APIView):
    """处理逾期未选."""

    @extend_schema(
        operation_id="distribution_selections_expire",
        tags=TAG,
        summary="处理逾期未选",
        request=None,
        responses={200: s.CountSerializer, **error_responses(400, 401, 403, 404)},
    )
    def post(self, request: Request, pk: int) -> Response:
        """selections_expire."""
        round_ = selectors.round_get(user=request.user, pk=pk)
        return Response({"count": selection_services.selections_expire(round_=round_, acting_user=request.user)})


class RoundCloseView(ReaderPermissionMixin, APIView):
    """结束批次."""

    @extend_schema(
        operation_id="distribution_rounds_close",
        tags=TAG,
        summary="结束配给批次",
        request=None,
        responses={200: s.RoundSerializer, **error_responses(400, 401, 403, 404)},
    )
    def post(self, request: Request, pk: int) -> Response:
        """round_close."""
        round_ = selectors.round_get(user=request.user, pk=pk)
        return Response(s.RoundSerializer(round_services.round_close(round_=round_, acting_user=request.user)).data)


class SelectionChooseView(ReaderPermissionMixin, APIView):
    """选房."""

    @extend_schema(
        operation_id="distribution_selections_choose",
        tags=TAG,
        summary="选房",
        description="在该户的选房时段内（或前面的家庭都已处理完时）选定本批次的一套住房；同一套住房只能给一户。",
        request=s.ChooseSerializer,
        responses={200: s.SelectionSerializer, **error_responses(400, 401, 403, 404)},
    )
    def post(self, request: Request, pk: int) -> Response:
        """selection_choose."""
        from anju.housing.models import Unit

        selection = selectors.selection_get(user=request.user, pk=pk)
        serializer = s.ChooseSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        unit = Unit.objects.visible_to(request.user).filter(pk=serializer.validated_data["unit"]).first()
        if unit is None:
            raise ValidationError({"unit": ["住房不存在或不在您的管辖范围内。"]})
        selection = selection_services.selection_choose(selection=selection, unit=unit, acting_user=request.user)
        return Response(s.SelectionSerializer(selection).data)


def _reason_view(name: str, summary: str, description: str, service: Any) -> type:
    class View(ReaderPermissionMixin, APIView):
        @extend_schema(
            operation_id=f"distribution_selections_{name}",
            tags=TAG,
            summary=summary,
            description=description,
            request=s.ReasonSerializer,
            responses={200: s.SelectionSerializer, **error_responses(400, 401, 403, 404)},
        )
        def post(self, request: Request, pk: int) -> Response:
            selection = selectors.selection_get(user=request.user, pk=pk)
            serializer = s.ReasonSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            selection = service(
                selection=selection, reason=serializer.validated_data["reason"], acting_user=request.user
            )
            return Response(s.SelectionSerializer(selection).data)

    View.__name__ = View.__qualname__ = f"Selection{name.title()}View"
    View.__doc__ = f"{summary}."
    return View


SelectionWaiveView = _reason_view(
    "waive", "放弃选房", "记录放弃原因，下一户随即可以选房。", selection_services.selection_waive
)
SelectionReleaseView = _reason_view(
    "release",
    "退回已选住房",
    "住房恢复选房前的状态，方案的家庭和资源恢复为待配置。",
    selection_services.selection_release,
)


class SelectionConfirmView(ReaderPermissionMixin, APIView):
    """审核确认选房."""

    @extend_schema(
        operation_id="distribution_selections_confirm",
        tags=TAG,
        summary="审核确认选房",
        request=None,
        responses={200: s.SelectionSerializer, **error_responses(400, 401, 403, 404)},
    )
    def post(self, request: Request, pk: int) -> Response:
        """selection_confirm."""
        selection = selectors.selection_get(user=request.user, pk=pk)
        return Response(
            s.SelectionSerializer(
                selection_services.selection_confirm(selection=selection, acting_user=request.user)
            ).data
        )
