"""API v1 of 配后管理 (mounted at /api/v1/tenancy/): scoped reads, writes through the services."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from anju.core.api.errors import error_responses
from anju.core.api.jobs import JobSerializer
from anju.core.api_records import RecordActionAPIView, RecordCreateAPIMixin
from anju.tenancy import filtersets, selectors
from anju.tenancy.api import serializers as s
from anju.tenancy.filtersets import ReminderFilterSet
from anju.tenancy.permissions import DECISION_ROLES, OPERATION_ROLES, READER_ROLES
from anju.tenancy.selectors import reminder_list
from anju.tenancy.services import exits, occupancy, rent, review, sold
from anju.tenancy.services.common import month_parse
from anju.tenancy.services.reminders import rent_reminders_send

TAG = ["配后管理"]


class ReaderPermissionMixin:
    """Business roles only (default deny)."""

    roles: ClassVar[tuple[str, ...]] = READER_ROLES
    denied = "您的角色无权查看配后管理数据。"

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        """Role check after authentication."""
        super().initial(request, *args, **kwargs)  # type: ignore[misc]
        if not request.user.has_role(*self.roles):
            raise PermissionDenied(self.denied)


class OperationPermissionMixin(ReaderPermissionMixin):
    """The roles of the staff pages that operate (运营单位 and 区县保障科), as `ServiceFormView`."""

    roles = OPERATION_ROLES
    denied = "您的角色无权办理此项配后管理业务。"


class DecisionPermissionMixin(OperationPermissionMixin):
    """The roles of the staff pages that decide (区县保障科: annual review, exit)."""

    roles = DECISION_ROLES


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

ReminderListView = _list_view("reminders", reminder_list, s.RentReminderSerializer, ReminderFilterSet, "催缴记录")


class RemindersSendView(OperationPermissionMixin, APIView):
    """发送催缴提醒."""

    @extend_schema(
        operation_id="tenancy_reminders_send",
        tags=TAG,
        summary="发送催缴提醒",
        description="向管辖范围内欠租月数不少于 min_months 的家庭发送催缴短信（无手机号的记为纸质通知），"
        "每户记录一条催缴记录；同一家庭同一天只提醒一次。",
        request=s.RentRemindersSendSerializer,
        responses={200: s.RentRemindersResultSerializer, **error_responses(400, 401, 403)},
    )
    def post(self, request: Request) -> Response:
        """rent_reminders_send."""
        serializer = s.RentRemindersSendSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        result = rent_reminders_send(acting_user=request.user, **serializer.validated_data)
        data = {"sms": result.sms, "paper": result.paper, "skipped": result.skipped, "message": result.message}
        return Response(s.RentRemindersResultSerializer(data).data)


# The OpenAPI description of each write (the last three are the services' names, as before).
DESCRIPTIONS = {
    "move_ins_create": "已签约的配租合同办理入住：入住时间、租金、减免金额和原因；住房变为“已入住”。",
    "households_payments_create": "按应收月份从早到晚冲抵；少于欠缴总额须填未足额收取原因；同一幂等键只记一次。",
    "review_results_decide": "继续保障、调整租金或补贴、退出保障；完成复核待办，退出时发起退出流程。"
    "结论为调整时须填写 adjust_kind、new_amount、effective_month、adjust_reason，自该月起改变租金或补贴标准。",
    "move_ins_vacate_create": "为入住记录办理腾退：主动或责令腾退，结清租金与押金（服务 vacate_create）。",
    "exit_cases_create": "按退出事由发起退出案件并启动退出流程（服务 exit_case_open）。",
    "exit_cases_decide": "对退出案件作出决定，生成退出通知书并设定腾退期限（服务 exit_case_decide）。",
    "vacates_move_out": "登记家庭已搬离（腾退时间）：腾退须为“已通知”状态，腾退时间不早于入住时间、不晚于今天；"
    "此后月份不再计租。",
    "vacates_close": "验房结算：登记搬离后填写验房日期、验房情况和损坏赔偿，结算金额 = 欠缴租金 + 损坏赔偿 − 押金；"
    "入住记录变为“已腾退”，住房恢复为“空置”，可再次配给。",
    "fixed_costs_create": "为管辖范围内的小区（项目）登记某年某月的固定发生款项（说明、金额）；金额须大于0，月份为1至12。",
    "review_rounds_create": "在本人管辖区域发起某年度的年审并立即在后台评估（同一年度同一区域只能发起一次）；"
    "返回年审批次，job 为评估任务。",
    "review_rounds_start": "重新在后台评估尚未评估完成的年审批次（如上次评估失败）；已评估或评估中的批次不能再评估。"
    "返回任务进度。",
    "returns_create": "为管辖范围内的配售合同登记已配售房源退回：回退原因和应回退时间；同一房源只能有一笔待办退回。",
    "returns_complete": "登记实回退时间（不晚于今天），住房恢复为“空置”，可再次配给。",
    "resales_create": "为管辖范围内的配售合同登记再上市：产权证、日期和价格；按区域参数判定政府回购或上市交易，"
    "并计算回购价格或应缴收益。",
}


def _write_schema(operation: str, summary: str) -> Any:
    """Class decorator: the OpenAPI text of a write view, its serializers and status taken from the view."""

    def decorate(view: type) -> type:
        code = status.HTTP_201_CREATED if issubclass(view, RecordCreateAPIMixin) else view.success_status
        return extend_schema_view(
            post=extend_schema(
                operation_id=f"tenancy_{operation}",
                tags=TAG,
                summary=summary,
                description=DESCRIPTIONS[operation],
                request=view.write_serializer,
                responses={code: view.read_serializer, **error_responses(400, 401, 403, 404)},
            )
        )(view)

    return decorate


@_write_schema("move_ins_create", "办理入住")
class MoveInCreateView(ReaderPermissionMixin, RecordCreateAPIMixin, APIView):
    """办理入住."""

    read_serializer, write_serializer = s.MoveInSerializer, s.MoveInWriteSerializer

    def perform_create(self, request: Request, data: dict[str, Any]) -> Any:
        """move_in_create on a signed lease awaiting move-in (404 otherwise)."""
        lease = generics.get_object_or_404(selectors.leases_awaiting_move_in(user=request.user), pk=data.pop("lease"))
        return occupancy.move_in_create(lease=lease, acting_user=request.user, **data)


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


@_write_schema("households_payments_create", "收取租金")
class PaymentCreateView(ReaderPermissionMixin, RecordActionAPIView):
    """收取租金."""

    getter = staticmethod(selectors.household_get)
    read_serializer, write_serializer = s.RentReceiptSerializer, s.PaymentWriteSerializer
    service, record_arg = staticmethod(rent.payment_record), "register_entry"
    success_status = status.HTTP_201_CREATED

    def perform(self, request: Request, record: Any, data: dict[str, Any]) -> Any:
        """payment_record (a blank idempotency key is none)."""
        data["idempotency_key"] = data.get("idempotency_key") or None
        return super().perform(request, record, data)


@_write_schema("move_ins_vacate_create", "办理腾退")
class VacateCreateView(ReaderPermissionMixin, RecordActionAPIView):
    """办理腾退."""

    getter = staticmethod(selectors.move_in_get)
    read_serializer, write_serializer = s.VacateSerializer, s.VacateWriteSerializer
    service, record_arg = staticmethod(occupancy.vacate_create), "move_in"
    success_status = status.HTTP_201_CREATED

    def perform(self, request: Request, record: Any, data: dict[str, Any]) -> Any:
        """vacate_create (the body's vacate_kind is the service's kind)."""
        data["kind"] = data.pop("vacate_kind")
        return super().perform(request, record, data)


@_write_schema("review_results_decide", "年审复核结论")
class ReviewDecideView(ReaderPermissionMixin, RecordActionAPIView):
    """年审复核结论."""

    getter = staticmethod(selectors.review_result_get)
    read_serializer, write_serializer = s.ReviewResultSerializer, s.ReviewDecisionSerializer
    service, record_arg = staticmethod(review.review_result_decide), "result"


@_write_schema("exit_cases_create", "发起退出")
class ExitCaseCreateView(ReaderPermissionMixin, RecordCreateAPIMixin, APIView):
    """发起退出."""

    read_serializer, write_serializer = s.ExitCaseSerializer, s.ExitCaseWriteSerializer

    def perform_create(self, request: Request, data: dict[str, Any]) -> Any:
        """exit_case_open for a household of the user's jurisdiction (404 otherwise)."""
        entry = selectors.household_get(user=request.user, pk=data.pop("register_entry"))
        return exits.exit_case_open(register_entry=entry, acting_user=request.user, **data)


@_write_schema("exit_cases_decide", "退出决定")
class ExitDecideView(ReaderPermissionMixin, RecordActionAPIView):
    """退出决定."""

    getter = staticmethod(selectors.exit_case_get)
    read_serializer, write_serializer = s.ExitCaseSerializer, s.ExitDecisionSerializer
    service, record_arg = staticmethod(exits.exit_case_decide), "case"


@_write_schema("vacates_move_out", "登记搬离")
class VacateMoveOutView(OperationPermissionMixin, RecordActionAPIView):
    """登记搬离."""

    getter = staticmethod(selectors.vacate_get)
    read_serializer, write_serializer = s.VacateSerializer, s.MoveOutWriteSerializer
    service, record_arg = staticmethod(occupancy.vacate_move_out), "vacate"


@_write_schema("vacates_close", "验房结算")
class VacateCloseView(OperationPermissionMixin, RecordActionAPIView):
    """验房结算."""

    getter = staticmethod(selectors.vacate_get)
    read_serializer, write_serializer = s.VacateSerializer, s.VacateInspectionWriteSerializer
    service, record_arg = staticmethod(occupancy.vacate_close), "vacate"

    def perform(self, request: Request, record: Any, data: dict[str, Any]) -> Any:
        """vacate_close (no damage amount is 0, as on the page)."""
        data["damage_amount"] = data.get("damage_amount") or 0
        return super().perform(request, record, data)


@_write_schema("fixed_costs_create", "登记每月固定发生款项")
class FixedCostCreateView(OperationPermissionMixin, RecordCreateAPIMixin, APIView):
    """登记每月固定发生款项."""

    read_serializer, write_serializer = s.FixedCostSerializer, s.FixedCostWriteSerializer

    def perform_create(self, request: Request, data: dict[str, Any]) -> Any:
        """fixed_cost_create for a project of the user's jurisdiction (404 otherwise)."""
        from anju.housing.selectors import project_list

        project = generics.get_object_or_404(project_list(user=request.user), pk=data.pop("project"))
        return rent.fixed_cost_create(project=project, acting_user=request.user, **data)


@_write_schema("review_rounds_create", "发起年审")
class ReviewRoundCreateView(DecisionPermissionMixin, RecordCreateAPIMixin, APIView):
    """发起年审 and start its evaluation, as the page does."""

    read_serializer, write_serializer = s.ReviewRoundSerializer, s.ReviewRoundWriteSerializer

    def perform_create(self, request: Request, data: dict[str, Any]) -> Any:
        """review_round_create in the user's jurisdiction, then review_round_start."""
        user = request.user
        review_round = review.review_round_create(region_code=user.jurisdiction_id, acting_user=user, **data)
        review.review_round_start(review_round=review_round, acting_user=user)
        review_round.refresh_from_db()
        return review_round


@_write_schema("review_rounds_start", "评估年审")
class ReviewRoundStartView(DecisionPermissionMixin, RecordActionAPIView):
    """评估年审 (background)."""

    getter = staticmethod(selectors.review_round_get)
    read_serializer = JobSerializer
    service, record_arg = staticmethod(review.review_round_start), "review_round"
    success_status = status.HTTP_202_ACCEPTED


@_write_schema("returns_create", "登记已配售房源退回")
class ReturnCreateView(OperationPermissionMixin, RecordCreateAPIMixin, APIView):
    """登记已配售房源退回."""

    read_serializer, write_serializer = s.ReturnSerializer, s.ReturnWriteSerializer

    def perform_create(self, request: Request, data: dict[str, Any]) -> Any:
        """return_create on a sale contract of the user's jurisdiction (404 otherwise)."""
        contract = generics.get_object_or_404(selectors.sale_contracts(user=request.user), pk=data.pop("contract"))
        return sold.return_create(contract=contract, acting_user=request.user, **data)


@_write_schema("returns_complete", "实回退")
class ReturnCompleteView(OperationPermissionMixin, RecordActionAPIView):
    """实回退."""

    getter = staticmethod(selectors.return_get)
    read_serializer, write_serializer = s.ReturnSerializer, s.ReturnCompleteWriteSerializer
    service = staticmethod(sold.return_complete)


@_write_schema("resales_create", "再上市登记")
class ResaleCreateView(OperationPermissionMixin, RecordCreateAPIMixin, APIView):
    """再上市登记."""

    read_serializer, write_serializer = s.ResaleSerializer, s.ResaleWriteSerializer

    def perform_create(self, request: Request, data: dict[str, Any]) -> Any:
        """resale_register on a sale contract of the user's jurisdiction (404 otherwise)."""
        contract = generics.get_object_or_404(selectors.sale_contracts(user=request.user), pk=data.pop("contract"))
        return sold.resale_register(contract=contract, acting_user=request.user, **data)
