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
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from anju.core.api.errors import error_responses
from anju.core.api_records import RecordActionAPIView, RecordCreateAPIMixin, RecordDetailAPIView
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


def _round_lottery_get(*, user: Any, pk: int) -> Any:
    """The lottery of a round of the user's jurisdiction (404 without one)."""
    return _lottery_of(selectors.round_get(user=user, pk=pk))


def _schema(operation: str, summary: str, answer: Any, code: int = 200, **kwargs: Any) -> Any:
    """extend_schema of one write on a record: `answer` with `code`, 400/401/403/404 on errors."""
    return extend_schema(
        operation_id=f"distribution_{operation}",
        tags=TAG,
        summary=summary,
        responses={code: answer, **error_responses(400, 401, 403, 404)},
        **kwargs,
    )


class RoundActionView(ReaderPermissionMixin, RecordActionAPIView):
    """An action on one round of the user's jurisdiction."""

    getter = staticmethod(selectors.round_get)
    read_serializer = s.RoundSerializer
    record_arg = "round_"


class RoundCountView(RoundActionView):
    """An action on a round answering how many records it touched."""

    def answer(self, obj: Any, status_code: int = status.HTTP_200_OK) -> Response:
        """{"count": n}."""
        return Response({"count": obj}, status=status_code)


class SelectionActionView(ReaderPermissionMixin, RecordActionAPIView):
    """An action on one selection of the user's jurisdiction, answered with the selection."""

    getter = staticmethod(selectors.selection_get)
    read_serializer = s.SelectionSerializer
    record_arg = "selection"


@extend_schema_view(
    post=_schema(
        "rounds_create",
        "新建配给批次",
        s.RoundSerializer,
        201,
        description="从已发布的资源配置方案创建配给批次（方案的家庭和住房）；每个方案同时只能有一个未结束的批次。",
        request=s.RoundCreateSerializer,
    )
)
class RoundListView(ReaderPermissionMixin, RecordCreateAPIMixin, generics.ListAPIView):
    """配给批次列表 and 新建."""

    serializer_class = read_serializer = s.RoundSerializer
    write_serializer = s.RoundCreateSerializer

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

    def perform_create(self, request: Request, data: dict[str, Any]) -> Any:
        """round_create from a published plan of the jurisdiction."""
        plan = selectors.published_plans_for(request.user).filter(pk=data["plan"]).first()
        if plan is None:
            raise ValidationError({"plan": ["资源配置方案不存在、未发布或不在您的管辖范围内。"]})
        return round_services.round_create(
            plan=plan,
            method=data["method"],
            name=data["name"],
            window_minutes=data["window_minutes"],
            acting_user=request.user,
        )


@extend_schema_view(
    get=extend_schema(
        operation_id="distribution_rounds_retrieve",
        tags=TAG,
        summary="配给批次详情",
        description="管辖范围外返回 404。",
        responses={200: s.RoundSerializer, **error_responses(401, 403, 404)},
    )
)
class RoundDetailView(ReaderPermissionMixin, RecordDetailAPIView):
    """配给批次详情."""

    getter = staticmethod(selectors.round_get)
    read_serializer = s.RoundSerializer


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


@extend_schema_view(
    post=_schema(
        "queue_compute",
        "计算轮候顺序",
        s.CountSerializer,
        description="按批次的轮候排队规则计算（已有调整决定或已开始选房时拒绝）。",
        request=None,
    )
)
class QueueComputeView(RoundCountView):
    """计算轮候顺序."""

    service = staticmethod(waitlist_services.queue_compute)


@extend_schema_view(
    post=_schema(
        "queue_reorder",
        "调整轮候顺序",
        s.ReorderSerializer,
        201,
        description="只能依据决定调整：须有决定文号和原因；组内其他家庭顺延。",
        request=s.QueueReorderInputSerializer,
    )
)
class QueueReorderView(ReaderPermissionMixin, RecordActionAPIView):
    """调整轮候顺序."""

    getter = staticmethod(selectors.queue_entry_get)
    read_serializer, write_serializer = s.ReorderSerializer, s.QueueReorderInputSerializer
    service, record_arg = staticmethod(waitlist_services.queue_reorder), "entry"
    success_status = status.HTTP_201_CREATED


@extend_schema_view(
    get=extend_schema(
        operation_id="distribution_lottery_retrieve",
        tags=TAG,
        summary="摇号信息",
        description="名单摘要、种子承诺；摇号后含公开的种子和结果摘要。",
        responses={200: s.LotterySerializer, **error_responses(401, 403, 404)},
    )
)
class LotteryView(ReaderPermissionMixin, RecordDetailAPIView):
    """批次的摇号."""

    getter = staticmethod(_round_lottery_get)
    read_serializer = s.LotterySerializer


@extend_schema_view(
    post=_schema(
        "lottery_commit",
        "公布摇号名单和种子承诺",
        s.LotterySerializer,
        201,
        description="固定参与名单（方案中的全部家庭）并公布名单的 SM3 摘要和随机种子的 SM3 承诺；种子密封保存。",
        request=s.LotteryCommitSerializer,
    )
)
class LotteryCommitView(RoundActionView):
    """公布摇号名单和种子承诺."""

    read_serializer, write_serializer = s.LotterySerializer, s.LotteryCommitSerializer
    success_status = status.HTTP_201_CREATED

    def perform(self, request: Request, record: Any, data: dict[str, Any]) -> Any:
        """lottery_commit (winners and draw time optional)."""
        return lottery_services.lottery_commit(
            round_=record,
            winners_count=data.get("winners_count"),
            substitutes_count=data["substitutes_count"],
            draw_at=data.get("draw_at"),
            notary=data["notary"],
            acting_user=request.user,
        )


class LotteryActionView(ReaderPermissionMixin, RecordActionAPIView):
    """An action on the lottery of a round."""

    getter = staticmethod(_round_lottery_get)
    record_arg = "lottery"


@extend_schema_view(
    post=_schema(
        "lottery_draw",
        "摇号",
        s.LotterySerializer,
        description="公开种子并计算摇号顺序；正选之后为候补。结果不可更改，再次摇号返回 400。",
        request=s.LotteryDrawSerializer,
    )
)
class LotteryDrawView(LotteryActionView):
    """摇号."""

    read_serializer, write_serializer = s.LotterySerializer, s.LotteryDrawSerializer
    service = staticmethod(lottery_services.lottery_draw)


@extend_schema_view(
    post=_schema(
        "lottery_verify",
        "核验摇号结果",
        s.LotteryVerificationSerializer,
        description="按公开的种子和名单重新计算并与保存的结果比对；核验记入审计日志。",
        request=None,
    )
)
class LotteryVerifyView(LotteryActionView):
    """核验摇号结果."""

    service = staticmethod(lottery_services.lottery_verify_recorded)

    def answer(self, obj: Any, status_code: int = status.HTTP_200_OK) -> Response:
        """The verification report."""
        return Response(s.verification_data(obj), status=status_code)


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


@extend_schema_view(
    post=_schema(
        "selections_open",
        "开始选房",
        s.CountSerializer,
        description="按轮候顺序（摇号批次为正选、候补顺序）为每户安排连续的选房时段。",
        request=s.SelectionsOpenSerializer,
    )
)
class SelectionsOpenView(RoundCountView):
    """开始选房."""

    write_serializer, service = s.SelectionsOpenSerializer, staticmethod(selection_services.selections_open)


@extend_schema_view(
    post=_schema("selections_expire", "处理逾期未选", s.CountSerializer, description="将选房时段已过仍未选房的家庭记为逾期未选，返回处理户数（服务 selections_expire）。", request=None)
)
class SelectionsExpireView(RoundCountView):
    """处理逾期未选."""

    service = staticmethod(selection_services.selections_expire)


@extend_schema_view(
    post=_schema("rounds_close", "结束配给批次", s.RoundSerializer, description="结束配给批次；未选房的家庭按规则处理（服务 round_close）。", request=None)
)
class RoundCloseView(RoundActionView):
    """结束批次."""

    service = staticmethod(round_services.round_close)


@extend_schema_view(
    post=_schema(
        "selections_choose",
        "选房",
        s.SelectionSerializer,
        description="在该户的选房时段内（或前面的家庭都已处理完时）选定本批次的一套住房；同一套住房只能给一户。",
        request=s.ChooseSerializer,
    )
)
class SelectionChooseView(SelectionActionView):
    """选房."""

    write_serializer = s.ChooseSerializer

    def perform(self, request: Request, record: Any, data: dict[str, Any]) -> Any:
        """selection_choose of a unit of the jurisdiction."""
        from anju.housing.models import Unit

        unit = Unit.objects.visible_to(request.user).filter(pk=data["unit"]).first()
        if unit is None:
            raise ValidationError({"unit": ["住房不存在或不在您的管辖范围内。"]})
        return selection_services.selection_choose(selection=record, unit=unit, acting_user=request.user)


def _reason_view(name: str, summary: str, description: str, service: Any) -> type:
    @extend_schema_view(
        post=_schema(
            f"selections_{name}", summary, s.SelectionSerializer, description=description, request=s.ReasonSerializer
        )
    )
    class View(SelectionActionView):
        write_serializer = s.ReasonSerializer

    View.service = staticmethod(service)
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


@extend_schema_view(
    post=_schema(
        "selections_confirm", "审核确认选房", s.SelectionSerializer, description="审核确认一条选房结果（服务 selection_confirm）。", request=None
    )
)
class SelectionConfirmView(SelectionActionView):
    """审核确认选房."""

    service = staticmethod(selection_services.selection_confirm)
