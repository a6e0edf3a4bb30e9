"""API v1 of the 资源配置 subsystem (mounted at /api/v1/allocation/): scoped reads, writes through the services."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from anju.allocation import filtersets, selectors
from anju.allocation.api import serializers as s
from anju.allocation.permissions import READER_ROLES
from anju.allocation.selectors_monitoring import (
    DEMAND_DIMENSIONS,
    SUPPLY_DIMENSIONS,
    custom_measure,
    monitoring_compute,
)
from anju.allocation.services import ledger_jobs, ledgers, plans, support_plans
from anju.core.api.errors import error_responses

TAG = ["资源配置"]


class ReaderPermissionMixin:
    """Business roles only (default deny): others get 403."""

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        """Role check after authentication."""
        super().initial(request, *args, **kwargs)  # type: ignore[misc]
        if not request.user.has_role(*READER_ROLES):
            raise PermissionDenied("您的角色无权查看资源配置数据。")


def _list_view(name: str, selector: Any, serializer: Any, filterset: Any, summary: str, description: str) -> type:
    """A scoped, filtered, paginated list endpoint."""

    class View(ReaderPermissionMixin, generics.ListAPIView):
        serializer_class = serializer
        filterset_class = filterset

        def get_queryset(self) -> models.QuerySet:
            return selector(user=self.request.user)

        @extend_schema(operation_id=f"allocation_{name}_list", tags=TAG, summary=summary, description=description,
                       responses={200: serializer(many=True), **error_responses(401, 403)})  # fmt: skip
        def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
            return super().get(request, *args, **kwargs)

    View.__name__ = View.__qualname__ = f"{name.title().replace('_', '')}ListView"
    View.__doc__ = f"{summary}."
    return View


def _detail_view(name: str, selector: Any, serializer: Any, summary: str) -> type:
    """A scoped detail endpoint (404 outside the jurisdiction)."""

    class View(ReaderPermissionMixin, generics.RetrieveAPIView):
        serializer_class = serializer

        def get_queryset(self) -> models.QuerySet:
            return selector(user=self.request.user)

        @extend_schema(operation_id=f"allocation_{name}_retrieve", tags=TAG, summary=summary,
                       description=f"{summary}（管辖范围外返回 404）。", responses={200: serializer, **error_responses(401, 403, 404)})  # fmt: skip
        def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
            return super().get(request, *args, **kwargs)

    View.__name__ = View.__qualname__ = f"{name.title().replace('_', '')}DetailView"
    View.__doc__ = f"{summary}."
    return View


def _program(request: Request, pk: int) -> Any:
    from anju.rules.selectors import program_list

    program = program_list(user=request.user).filter(pk=pk).first()
    if program is None:
        raise ApiValidationError({"program": ["保障项目不存在或不在您的管辖范围内。"]})
    return program


# ---------------------------------------------------------------- plans

_PlanList = _list_view(
    "plans",
    selectors.plan_list,
    s.PlanSerializer,
    filtersets.PlanFilterSet,
    "资源配置方案列表",
    "管辖范围内的保障项目资源配置方案（A.6.5）；可按状态、保障方式、保障项目、周期、区划和关键字筛选。",
)
_PlanDetail = _detail_view("plans", selectors.plan_list, s.PlanSerializer, "资源配置方案详情")


class PlanListView(_PlanList):
    """资源配置方案列表 and 新建方案."""

    @extend_schema(operation_id="allocation_plans_create", tags=TAG, summary="新建资源配置方案",
                   description="按保障项目、保障方式和周期新建草稿方案；方案编号自动生成。",
                   request=s.AllocationPlanWriteSerializer, responses={201: s.PlanSerializer, **error_responses(400, 401, 403)})  # fmt: skip
    def post(self, request: Request) -> Response:
        """plan_create."""
        serializer = s.AllocationPlanWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data["program"] = _program(request, data["program"])
        plan = plans.plan_create(acting_user=request.user, **data)
        return Response(s.PlanSerializer(plan).data, status=status.HTTP_201_CREATED)


class PlanDetailView(_PlanDetail):
    """资源配置方案详情 and 修改."""

    @extend_schema(operation_id="allocation_plans_update", tags=TAG, summary="修改草稿方案",
                   description="只有草稿方案可以修改名称、周期、保障对象类型和说明。",
                   request=s.AllocationPlanUpdateSerializer, responses={200: s.PlanSerializer, **error_responses(400, 401, 403, 404)})  # fmt: skip
    def patch(self, request: Request, pk: int) -> Response:
        """plan_update."""
        plan = selectors.plan_get(user=request.user, pk=pk)
        serializer = s.AllocationPlanUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        plan = plans.plan_update(plan=plan, data=dict(serializer.validated_data), acting_user=request.user)
        return Response(s.PlanSerializer(plan).data)


class PlanHouseholdsView(ReaderPermissionMixin, APIView):
    """方案保障对象: list and add."""

    @extend_schema(operation_id="allocation_plan_households_list", tags=TAG, summary="方案保障对象",
                   responses={200: s.PlanHouseholdSerializer(many=True), **error_responses(401, 403, 404)})  # fmt: skip
    def get(self, request: Request, pk: int) -> Response:
        """The households of the plan (A.6.6)."""
        plan = selectors.plan_get(user=request.user, pk=pk)
        return Response(s.PlanHouseholdSerializer(selectors.plan_households(plan=plan), many=True).data)

    @extend_schema(operation_id="allocation_plan_households_add", tags=TAG, summary="加入保障对象",
                   description="逐户加入（全部通过才加入；已退出、区划外、已在同一保障方式未关闭方案中的家庭被拒绝并说明原因），"
                               "或按条件批量加入（冲突的家庭自动排除）。",
                   request=s.AllocationHouseholdsAddSerializer, responses={201: s.AllocationCountSerializer, **error_responses(400, 401, 403, 404)})  # fmt: skip
    def post(self, request: Request, pk: int) -> Response:
        """plan_households_add / plan_households_add_by_filter."""
        from anju.admission.models import RegisterEntry

        plan = selectors.plan_get(user=request.user, pk=pk)
        serializer = s.AllocationHouseholdsAddSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if data.get("register_entries"):
            entries = list(RegisterEntry.objects.visible_to(request.user).filter(pk__in=data["register_entries"]))
            if len(entries) != len(set(data["register_entries"])):
                raise ApiValidationError({"register_entries": ["部分家庭不存在或不在您的管辖范围内。"]})
            count = plans.plan_households_add(plan=plan, entries=entries, acting_user=request.user)
        else:
            filters = {k: v for k, v in data["filters"].items() if v not in (None, "")}
            count = plans.plan_households_add_by_filter(plan=plan, filters=filters, acting_user=request.user)
        return Response({"count": count}, status=status.HTTP_201_CREATED)


class PlanHouseholdRemoveView(ReaderPermissionMixin, APIView):
    """移出家庭."""

    @extend_schema(operation_id="allocation_plan_households_remove", tags=TAG, summary="移出家庭",
                   responses={204: None, **error_responses(400, 401, 403, 404)})  # fmt: skip
    def delete(self, request: Request, pk: int, row: int) -> Response:
        """从草稿方案中移出一户保障家庭（服务 plan_household_remove）。"""
        plan = selectors.plan_get(user=request.user, pk=pk)
        household = plan.households.select_related("register_entry").filter(pk=row).first()
        if household is None:
            raise Http404
        plans.plan_household_remove(plan=plan, household=household, acting_user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PlanResourcesView(ReaderPermissionMixin, APIView):
    """方案资源: list."""

    @extend_schema(operation_id="allocation_plan_resources_list", tags=TAG, summary="方案资源",
                   responses={200: s.PlanResourceSerializer(many=True), **error_responses(401, 403, 404)})  # fmt: skip
    def get(self, request: Request, pk: int) -> Response:
        """The resources of the plan (A.6.9)."""
        plan = selectors.plan_get(user=request.user, pk=pk)
        return Response(s.PlanResourceSerializer(selectors.plan_resources(plan=plan), many=True).data)


class PlanUnitsAddView(ReaderPermissionMixin, APIView):
    """配置住房."""

    @extend_schema(operation_id="allocation_plan_units_add", tags=TAG, summary="配置住房",
                   description="加入可配置住房（已竣工移交、“已交付”或“空置”、方案区划内、未在其他未关闭方案中）。",
                   request=s.AllocationUnitsAddSerializer, responses={201: s.AllocationCountSerializer, **error_responses(400, 401, 403, 404)})  # fmt: skip
    def post(self, request: Request, pk: int) -> Response:
        """plan_units_add."""
        from anju.housing.selectors import unit_list

        plan = selectors.plan_get(user=request.user, pk=pk)
        serializer = s.AllocationUnitsAddSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        ids = serializer.validated_data["units"]
        units = list(unit_list(user=request.user).filter(pk__in=ids))
        if len(units) != len(set(ids)):
            raise ApiValidationError({"units": ["部分住房不存在或不在您的管辖范围内。"]})
        count = plans.plan_units_add(plan=plan, units=units, acting_user=request.user)
        return Response({"count": count}, status=status.HTTP_201_CREATED)


class PlanSubsidiesView(ReaderPermissionMixin, APIView):
    """测算补贴."""

    @extend_schema(operation_id="allocation_plan_subsidies_compute", tags=TAG, summary="测算补贴",
                   description="补贴类方案：按保障规则的保障标准（每平方米每月补贴 × 标准面积与现住面积之差 × 周期月数）测算每户补贴。",
                   request=None, responses={200: s.AllocationCountSerializer, **error_responses(400, 401, 403, 404)})  # fmt: skip
    def post(self, request: Request, pk: int) -> Response:
        """plan_subsidies_compute."""
        plan = selectors.plan_get(user=request.user, pk=pk)
        return Response({"count": plans.plan_subsidies_compute(plan=plan, acting_user=request.user)})


class PlanFundAddView(ReaderPermissionMixin, APIView):
    """加入资金."""

    @extend_schema(operation_id="allocation_plan_funds_add", tags=TAG, summary="加入资金",
                   request=s.AllocationFundAddSerializer, responses={201: s.PlanResourceSerializer, **error_responses(400, 401, 403, 404)})  # fmt: skip
    def post(self, request: Request, pk: int) -> Response:
        """向草稿方案加入一笔资金来源及金额（服务 plan_fund_add）。"""
        plan = selectors.plan_get(user=request.user, pk=pk)
        serializer = s.AllocationFundAddSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        resource = plans.plan_fund_add(plan=plan, acting_user=request.user, **serializer.validated_data)
        return Response(s.PlanResourceSerializer(resource).data, status=status.HTTP_201_CREATED)


class PlanResourceRemoveView(ReaderPermissionMixin, APIView):
    """移出资源."""

    @extend_schema(operation_id="allocation_plan_resources_remove", tags=TAG, summary="移出资源",
                   responses={204: None, **error_responses(400, 401, 403, 404)})  # fmt: skip
    def delete(self, request: Request, pk: int, row: int) -> Response:
        """从草稿方案中移出一项房源或资源（服务 plan_resource_remove）。"""
        plan = selectors.plan_get(user=request.user, pk=pk)
        resource = plan.resources.filter(pk=row).first()
        if resource is None:
            raise Http404
        plans.plan_resource_remove(plan=plan, resource=resource, acting_user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PlanPublishView(ReaderPermissionMixin, APIView):
    """发布方案."""

    @extend_schema(operation_id="allocation_plans_publish", tags=TAG, summary="发布方案",
                   description="草稿方案有保障对象和资源时发布；发布后配给管理据此组织配给。",
                   request=None, responses={200: s.PlanSerializer, **error_responses(400, 401, 403, 404)})  # fmt: skip
    def post(self, request: Request, pk: int) -> Response:
        """plan_publish."""
        plan = plans.plan_publish(plan=selectors.plan_get(user=request.user, pk=pk), acting_user=request.user)
        return Response(s.PlanSerializer(plan).data)


class PlanCloseView(ReaderPermissionMixin, APIView):
    """关闭方案."""

    @extend_schema(operation_id="allocation_plans_close", tags=TAG, summary="关闭方案",
                   request=s.AllocationCloseSerializer, responses={200: s.PlanSerializer, **error_responses(400, 401, 403, 404)})  # fmt: skip
    def post(self, request: Request, pk: int) -> Response:
        """关闭已发布的配置方案；关闭后方案不再接受配置记录（服务 plan_close）。"""
        serializer = s.AllocationCloseSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        plan = plans.plan_close(plan=selectors.plan_get(user=request.user, pk=pk), acting_user=request.user,
                                reason=serializer.validated_data["reason"])  # fmt: skip
        return Response(s.PlanSerializer(plan).data)


# ---------------------------------------------------------------- support plans

_SupportList = _list_view(
    "support_plans",
    selectors.support_plan_list,
    s.SupportPlanSerializer,
    filtersets.SupportPlanFilterSet,
    "支持项目配置方案列表",
    "管辖范围内的支持项目资源配置方案（A.6.7）。",
)
SupportPlanDetailView = _detail_view(
    "support_plans", selectors.support_plan_list, s.SupportPlanSerializer, "支持项目配置方案详情"
)


class SupportPlanListView(_SupportList):
    """支持项目配置方案列表 and 新建."""

    @extend_schema(operation_id="allocation_support_plans_create", tags=TAG, summary="新建支持项目配置方案",
                   request=s.AllocationSupportPlanWriteSerializer, responses={201: s.SupportPlanSerializer, **error_responses(400, 401, 403)})  # fmt: skip
    def post(self, request: Request) -> Response:
        """新建支持项目配置方案（A.6 支持对象资源配置，服务 support_plan_create）。"""
        from anju.rules.models import SupportMode
        from anju.rules.selectors import support_program_list

        serializer = s.AllocationSupportPlanWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data["support_program"] = support_program_list(user=request.user).filter(pk=data["support_program"]).first()
        if data["support_program"] is None:
            raise ApiValidationError({"support_program": ["支持项目不存在或不在您的管辖范围内。"]})
        mode_id = data.pop("support_mode", None)
        data["support_mode"] = SupportMode.objects.filter(pk=mode_id).first() if mode_id else None
        plan = support_plans.support_plan_create(acting_user=request.user, **data)
        return Response(s.SupportPlanSerializer(plan).data, status=status.HTTP_201_CREATED)


class SupportTargetsView(ReaderPermissionMixin, APIView):
    """支持对象: list and add."""

    @extend_schema(operation_id="allocation_support_targets_list", tags=TAG, summary="方案支持对象",
                   responses={200: s.SupportPlanTargetSerializer(many=True), **error_responses(401, 403, 404)})  # fmt: skip
    def get(self, request: Request, pk: int) -> Response:
        """The suppliers of the plan (A.6.8)."""
        plan = selectors.support_plan_get(user=request.user, pk=pk)
        return Response(s.SupportPlanTargetSerializer(plan.targets.order_by("id"), many=True).data)

    @extend_schema(operation_id="allocation_support_targets_add", tags=TAG, summary="加入支持对象",
                   request=s.AllocationSupportTargetWriteSerializer, responses={201: s.SupportPlanTargetSerializer, **error_responses(400, 401, 403, 404)})  # fmt: skip
    def post(self, request: Request, pk: int) -> Response:
        """向草稿支持项目配置方案加入一个支持对象（服务 support_plan_target_add）。"""
        plan = selectors.support_plan_get(user=request.user, pk=pk)
        serializer = s.AllocationSupportTargetWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        target = support_plans.support_plan_target_add(plan=plan, acting_user=request.user, **serializer.validated_data)
        return Response(s.SupportPlanTargetSerializer(target).data, status=status.HTTP_201_CREATED)


class SupportPlanPublishView(ReaderPermissionMixin, APIView):
    """发布支持项目方案."""

    @extend_schema(operation_id="allocation_support_plans_publish", tags=TAG, summary="发布支持项目配置方案",
                   request=None, responses={200: s.SupportPlanSerializer, **error_responses(400, 401, 403, 404)})  # fmt: skip
    def post(self, request: Request, pk: int) -> Response:
        """发布支持项目配置方案；发布后支持对象名单锁定（服务 support_plan_publish）。"""
        plan = support_plans.support_plan_publish(
            plan=selectors.support_plan_get(user=request.user, pk=pk), acting_user=request.user
        )
        return Response(s.SupportPlanSerializer(plan).data)


class SupportTargetRemoveView(ReaderPermissionMixin, APIView):
    """移出支持对象."""

    @extend_schema(operation_id="allocation_support_targets_remove", tags=TAG, summary="移出支持对象",
                   responses={204: None, **error_responses(400, 401, 403, 404)})  # fmt: skip
    def delete(self, request: Request, pk: int, row: int) -> Response:
        """从草稿支持项目配置方案移出一个支持对象（服务 support_plan_target_remove）。"""
        plan = selectors.support_plan_get(user=request.user, pk=pk)
        target = plan.targets.filter(pk=row).first()
        if target is None:
            raise Http404
        support_plans.support_plan_target_remove(plan=plan, target=target, acting_user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class SupportPlanCloseView(ReaderPermissionMixin, APIView):
    """关闭支持项目方案."""

    @extend_schema(operation_id="allocation_support_plans_close", tags=TAG, summary="关闭支持项目配置方案",
                   request=None, responses={200: s.SupportPlanSerializer, **error_responses(400, 401, 403, 404)})  # fmt: skip
    def post(self, request: Request, pk: int) -> Response:
        """关闭已发布的支持项目配置方案（服务 support_plan_close）。"""
        plan = support_plans.support_plan_close(
            plan=selectors.support_plan_get(user=request.user, pk=pk), acting_user=request.user
        )
        return Response(s.SupportPlanSerializer(plan).data)


# ---------------------------------------------------------------- ledgers

LedgerListView = _list_view(
    "ledgers",
    selectors.ledger_list,
    s.LedgerSerializer,
    filtersets.LedgerFilterSet,
    "保障项目台账列表",
    "管辖范围内的保障项目台账（A.6.1）：期初、本期增加、本期减少、期末余额。",
)
LedgerDetailView = _detail_view("ledgers", selectors.ledger_list, s.LedgerSerializer, "保障项目台账详情")
LedgerEntryListView = _list_view(
    "ledger_entries",
    selectors.ledger_entry_list,
    s.LedgerEntrySerializer,
    filtersets.LedgerEntryFilterSet,
    "台账收支明细列表",
    "保障项目台账收支明细（A.6.2），由业务服务写入，不能手工录入。",
)
SupportLedgerListView = _list_view(
    "support_ledgers",
    selectors.support_ledger_list,
    s.SupportLedgerSerializer,
    filtersets.SupportLedgerFilterSet,
    "支持项目台账列表",
    "支持项目台账（A.6.3）。",
)
SupportLedgerEntryListView = _list_view(
    "support_ledger_entries",
    selectors.support_ledger_entry_list,
    s.SupportLedgerEntrySerializer,
    None,
    "支持项目台账收支明细列表",
    "支持项目台账收支明细（A.6.4）。",
)


class LedgerEntriesView(ReaderPermissionMixin, APIView):
    """The entries one ledger sums (drill-down)."""

    @extend_schema(operation_id="allocation_ledgers_entries", tags=TAG, summary="台账本期收支明细",
                   responses={200: s.LedgerEntrySerializer(many=True), **error_responses(401, 403, 404)})  # fmt: skip
    def get(self, request: Request, pk: int) -> Response:
        """Entries of the ledger's program, region and period."""
        ledger = selectors.ledger_get(user=request.user, pk=pk)
        return Response(
            s.LedgerEntrySerializer(
                selectors.ledger_entries(ledger=ledger).order_by("received_on", "id")[:5000], many=True
            ).data
        )


class LedgerCollectView(ReaderPermissionMixin, APIView):
    """归集收支明细."""

    @extend_schema(operation_id="allocation_ledgers_collect", tags=TAG, summary="归集台账收支明细",
                   description="从竣工移交、合同签约、补贴实发和退出保障归集尚未入账的收支明细（幂等）；业务较多时返回后台任务 id（202）。",
                   request=s.AllocationCollectSerializer, responses={200: s.AllocationCollectResultSerializer, 202: s.AllocationCollectResultSerializer,
                                                           **error_responses(400, 401, 403)})  # fmt: skip
    def post(self, request: Request) -> Response:
        """ledger_collect_start."""
        serializer = s.AllocationCollectSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        job, result = ledger_jobs.ledger_collect_start(
            since=serializer.validated_data.get("since"), acting_user=request.user
        )
        if job is not None:
            return Response({"job": job.pk}, status=status.HTTP_202_ACCEPTED)
        return Response(result)


class LedgerComputeView(ReaderPermissionMixin, APIView):
    """计算台账."""

    @extend_schema(operation_id="allocation_ledgers_compute", tags=TAG, summary="计算台账",
                   description="按区划和周期从收支明细计算保障项目台账和支持项目台账（期初 = 上期期末，期末 = 期初 + 增加 − 减少）。",
                   request=s.AllocationComputeSerializer, responses={200: s.AllocationComputeResultSerializer, 202: s.AllocationComputeResultSerializer,
                                                           **error_responses(400, 401, 403)})  # fmt: skip
    def post(self, request: Request) -> Response:
        """ledger_compute_start."""
        serializer = s.AllocationComputeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        job, counts = ledger_jobs.ledger_compute_start(acting_user=request.user, **serializer.validated_data)
        if job is not None:
            return Response({"job": job.pk}, status=status.HTTP_202_ACCEPTED)
        return Response(counts)


class LedgerCheckView(ReaderPermissionMixin, APIView):
    """校验台账."""

    @extend_schema(operation_id="allocation_ledgers_check", tags=TAG, summary="校验台账",
                   description="管辖范围内每本台账：期末 = 期初 + 增加 − 减少，与收支明细一致，期初等于上期期末。",
                   responses={200: s.AllocationCheckResultSerializer, **error_responses(401, 403)})  # fmt: skip
    def get(self, request: Request) -> Response:
        """ledger_check."""
        problems = ledgers.ledger_check(user=request.user)
        return Response({"balanced": not problems, "problems": problems})


# ---------------------------------------------------------------- monitoring

DISTRICT = OpenApiParameter("district", str, description="区划代码（不填为管辖范围全部）", required=False)


class MonitoringView(ReaderPermissionMixin, APIView):
    """供需监测."""

    @extend_schema(operation_id="allocation_monitoring", tags=TAG, summary="供需监测",
                   description="需求（轮候家庭，按保障方式、保障项目、区县、家庭人口）、供给（可配置住房，按户型、面积段、区县）、"
                               "可用资金和供需缺口。", parameters=[DISTRICT],
                   responses={200: s.AllocationMonitoringSerializer, **error_responses(401, 403)})  # fmt: skip
    def get(self, request: Request) -> Response:
        """monitoring_compute."""
        monitoring = monitoring_compute(user=request.user, district=request.query_params.get("district", ""))
        return Response(s.AllocationMonitoringSerializer(monitoring).data)


class CustomMeasureView(ReaderPermissionMixin, APIView):
    """自定义测算."""

    @extend_schema(operation_id="allocation_monitoring_custom", tags=TAG, summary="自定义测算",
                   description=f"subject=demand（维度：{'、'.join(DEMAND_DIMENSIONS)}）或 supply（维度：{'、'.join(SUPPLY_DIMENSIONS)}）；"
                               "rows、columns 为两个不同维度。",
                   parameters=[OpenApiParameter("subject", str, required=True), OpenApiParameter("rows", str, required=True),
                               OpenApiParameter("columns", str, required=True), DISTRICT],
                   responses={200: s.AllocationTableSerializer, **error_responses(400, 401, 403)})  # fmt: skip
    def get(self, request: Request) -> Response:
        """custom_measure."""
        params = request.query_params
        subject, rows, columns = params.get("subject", ""), params.get("rows", ""), params.get("columns", "")
        allowed = DEMAND_DIMENSIONS if subject == "demand" else SUPPLY_DIMENSIONS if subject == "supply" else {}
        if not allowed:
            raise ApiValidationError({"subject": ["测算对象应为 demand 或 supply。"]})
        if rows not in allowed or columns not in allowed or rows == columns:
            raise ApiValidationError({"rows": ["请为该测算对象选择两个不同的维度。"]})
        table = custom_measure(
            user=request.user, subject=subject, rows=rows, columns=columns, district=params.get("district", "")
        )
        return Response(s.AllocationTableSerializer(table).data)
