"""API v1 of contracts, subsidies and support objects (under /api/v1/distribution/): scoped reads, writes via services."""

from __future__ import annotations

from typing import Any

from django.db import models
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from anju.core.api.errors import error_responses
from anju.core.api.jobs import JobSerializer
from anju.core.api_records import RecordActionAPIView, RecordCreateAPIMixin, RecordDetailAPIView, RecordUpdateAPIMixin
from anju.distribution import selectors_contracts as selectors
from anju.distribution.api import serializers_contracts as s
from anju.distribution.filtersets_contracts import (
    ContractFilterSet,
    LandSupplyFilterSet,
    SubsidyDueFilterSet,
    SubsidyPaymentFilterSet,
    SupportPlanFilterSet,
)
from anju.distribution.permissions import READER_ROLES, can_edit_distribution
from anju.distribution.services import contracts as contract_services
from anju.distribution.services import subsidies as subsidy_services
from anju.distribution.services import support as support_services
from anju.distribution.services.contracts import ContractTerms

TAG = ["配给管理：合同与补贴"]


class ReaderPermissionMixin:
    """Distribution readers only (default deny): others get 403."""

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        """Role check after authentication."""
        super().initial(request, *args, **kwargs)  # type: ignore[misc]
        if not request.user.has_role(*READER_ROLES):
            raise ApiPermissionDenied("您的角色无权查看配给管理数据。")


def _editor(request: Request) -> None:
    if not can_edit_distribution(request.user):
        raise ApiPermissionDenied("只有区县保障科或市保障处可以办理合同和补贴业务。")


class EditorWriteMixin(ReaderPermissionMixin):
    """Readers read; writes (POST, PATCH) are for editors: 403 before the record is looked up."""

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        """Reader check, then the editor check of a write."""
        super().initial(request, *args, **kwargs)
        if request.method not in SAFE_METHODS:
            _editor(request)


def _terms(data: dict[str, Any]) -> ContractTerms:
    names = ContractTerms.__dataclass_fields__
    return ContractTerms(**{k: v for k, v in data.items() if k in names and k != "extra"})


def _list(name: str, selector: Any, serializer: Any, filterset: Any, summary: str, description: str) -> type:
    class View(ReaderPermissionMixin, generics.ListAPIView):
        serializer_class = serializer
        filterset_class = filterset

        def get_queryset(self) -> models.QuerySet:
            return selector(user=self.request.user)

        @extend_schema(
            operation_id=f"distribution_{name}_list",
            tags=TAG,
            summary=summary,
            description=description,
            responses={200: serializer(many=True), **error_responses(401, 403)},
        )
        def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
            return super().get(request, *args, **kwargs)

    View.__name__ = View.__qualname__ = f"{name.title().replace('_', '')}ListView"
    View.__doc__ = f"{summary}."
    return View


def _detail(name: str, selector: Any, serializer: Any, summary: str) -> type:
    class View(ReaderPermissionMixin, generics.RetrieveAPIView):
        serializer_class = serializer

        def get_queryset(self) -> models.QuerySet:
            return selector(user=self.request.user)

        @extend_schema(
            operation_id=f"distribution_{name}_retrieve",
            tags=TAG,
            summary=summary,
            description=f"{summary}（管辖范围外返回 404）。",
            responses={200: serializer, **error_responses(401, 403, 404)},
        )
        def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
            return super().get(request, *args, **kwargs)

    View.__name__ = View.__qualname__ = f"{name.title().replace('_', '')}DetailView"
    View.__doc__ = f"{summary}."
    return View


ContractListBase = _list(
    "contracts",
    selectors.contract_list,
    s.ContractSerializer,
    ContractFilterSet,
    "保障对象合同列表",
    "管辖范围内的配租、配售、补贴合同（A.7.3）；可按合同类型、状态、签署日期、失效日期、区划和关键字筛选。",
)
ContractDetailView = _detail("contracts", selectors.contract_list, s.ContractSerializer, "保障对象合同详情")
SubsidyDueListView = _list(
    "subsidy_dues",
    selectors.subsidy_due_list,
    s.SubsidyDueSerializer,
    SubsidyDueFilterSet,
    "补贴应发列表",
    "补贴应发（A.7.5），含已实发合计；可按年度、月份、对象类型、是否已打印筛选。",
)
SubsidyDueDetailView = _detail("subsidy_dues", selectors.subsidy_due_list, s.SubsidyDueSerializer, "补贴应发详情")
SubsidyPaymentListView = _list(
    "subsidy_payments",
    selectors.subsidy_payment_list,
    s.SubsidyPaymentSerializer,
    SubsidyPaymentFilterSet,
    "补贴实发列表",
    "补贴实发（A.7.6），含不足金额及原因。",
)
SupportPlanListBase = _list(
    "support_plans",
    selectors.support_plan_list,
    s.SupportPlanSerializer,
    SupportPlanFilterSet,
    "支持对象资金拨付计划列表",
    "支持对象资金拨付配置计划（A.7.7）。",
)
LandSupplyListBase = _list(
    "land_supplies",
    selectors.land_supply_list,
    s.LandSupplySerializer,
    LandSupplyFilterSet,
    "土地供应记录列表",
    "土地供应记录信息（A.7.8）。",
)


@extend_schema_view(
    post=extend_schema(
        operation_id="distribution_contracts_create",
        tags=TAG,
        summary="新建合同",
        description="为准入登记簿中的家庭生成待签约合同；配租、配售合同须指定房屋（房屋状态随之变为“已配给”）。合同期限留空按申请人类别确定。",
        request=s.ContractCreateSerializer,
        responses={201: s.ContractSerializer, **error_responses(400, 401, 403)},
    )
)
class ContractListView(EditorWriteMixin, RecordCreateAPIMixin, ContractListBase):  # type: ignore[misc, valid-type]
    """保障对象合同列表 and 新建合同."""

    read_serializer, write_serializer = s.ContractSerializer, s.ContractCreateSerializer

    def perform_create(self, request: Request, data: dict[str, Any]) -> Any:
        """contract_create for a household of the register and a unit of the jurisdiction."""
        from anju.housing.models import Unit

        entry = selectors.register_entry_for_contract(user=request.user, pk=data.pop("register_entry"))
        unit_id = data.pop("unit", None)
        unit = None
        if unit_id:
            unit = Unit.objects.visible_to(request.user).filter(pk=unit_id).first()
            if unit is None:
                raise ApiValidationError({"unit": ["管辖范围内没有该房屋。"]})
        return contract_services.contract_create(
            register_entry=entry,
            contract_type=data.pop("contract_type"),
            terms=_terms(data),
            unit=unit,
            acting_user=request.user,
        )


@extend_schema_view(
    post=extend_schema(
        operation_id="distribution_contracts_from_selection",
        tags=TAG,
        summary="按选房结果生成合同",
        description="为已选房（或已确认）的家庭生成所选住房的配租（配售）合同（待签约）。",
        request=s.ContractFromSelectionSerializer,
        responses={201: s.ContractSerializer, **error_responses(400, 401, 403, 404)},
    )
)
class ContractFromSelectionView(EditorWriteMixin, RecordCreateAPIMixin, APIView):
    """按选房结果签约."""

    read_serializer, write_serializer = s.ContractSerializer, s.ContractFromSelectionSerializer

    def perform_create(self, request: Request, data: dict[str, Any]) -> Any:
        """contract_create_from_selection."""
        selection = selectors.selection_get(user=request.user, pk=data.pop("selection"))
        return contract_services.contract_create_from_selection(
            selection=selection, terms=_terms(data), acting_user=request.user
        )


class ContractActionView(EditorWriteMixin, RecordActionAPIView):
    """An editor's action on one contract of the jurisdiction."""

    getter = staticmethod(selectors.contract_get)
    read_serializer = s.ContractSerializer
    record_arg = "contract"


@extend_schema_view(
    post=extend_schema(
        operation_id="distribution_contracts_sign",
        tags=TAG,
        summary="合同签约",
        description="按合同模板生成 PDF，加盖电子签章（PAdES），存入配给合同电子档案（A.7.4），合同状态变为“已签约”。",
        request=None,
        responses={200: s.ContractSerializer, **error_responses(400, 401, 403, 404)},
    )
)
class ContractSignView(ContractActionView):
    """签约."""

    service = staticmethod(contract_services.contract_sign)


class ContractVerifyView(ReaderPermissionMixin, APIView):
    """验证合同电子签章."""

    @extend_schema(
        operation_id="distribution_contracts_verify",
        tags=TAG,
        summary="验证合同电子签章",
        description="从电子档案读取签章文件，核对 SM3 摘要并验证 PDF 电子签名（证书链至配置的根证书，签章后未被改动）。",
        responses={200: s.SignatureReportSerializer, **error_responses(401, 403, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        """contract_verify."""
        contract = selectors.contract_get(user=request.user, pk=pk)
        result = contract_services.contract_verify(contract=contract)
        report = result.report
        return Response(
            s.SignatureReportSerializer(
                {
                    "valid": result.valid,
                    "digest_ok": result.digest_ok,
                    "message": result.message,
                    "archive_number": result.archive_file.number if result.archive_file else "",
                    "signer": report.signer if report else "",
                    "issuer": report.issuer if report else "",
                    "signed_at": report.signed_at if report else None,
                    "problems": list(report.problems) if report else [],
                }
            ).data
        )


@extend_schema_view(
    post=extend_schema(
        operation_id="distribution_contracts_renew",
        tags=TAG,
        summary="申请续签",
        description=f"合同到期前 {contract_services.RENEWAL_WINDOW_DAYS} 天内可申请；按现行保障规则复核（记录资格判定），符合的生成续签合同（待签约），不符合的返回依据。",
        request=s.ContractRenewSerializer,
        responses={200: s.RenewalOutcomeSerializer, **error_responses(400, 401, 403, 404)},
    )
)
class ContractRenewView(ContractActionView):
    """申请续签."""

    read_serializer, write_serializer = s.RenewalOutcomeSerializer, s.ContractRenewSerializer

    def perform(self, request: Request, record: Any, data: dict[str, Any]) -> Any:
        """contract_renewal_request; the outcome with its grounds."""
        outcome = contract_services.contract_renewal_request(
            contract=record, acting_user=request.user, term_months=data.get("term_months")
        )
        return {
            "eligible": outcome.eligible,
            "decision": outcome.decision.pk,
            "lines": outcome.lines,
            "renewal": outcome.renewal,
        }


@extend_schema_view(
    post=extend_schema(
        operation_id="distribution_contracts_terminate",
        tags=TAG,
        summary="解除合同",
        description="填写解除原因；尚未入住的住房退回为“空置”，已入住的须由配后管理办理腾退。",
        request=s.ContractTerminateSerializer,
        responses={200: s.ContractSerializer, **error_responses(400, 401, 403, 404)},
    )
)
class ContractTerminateView(ContractActionView):
    """解除合同."""

    write_serializer = s.ContractTerminateSerializer

    def perform(self, request: Request, record: Any, data: dict[str, Any]) -> Any:
        """contract_terminate (no date: today)."""
        return contract_services.contract_terminate(
            contract=record, reason=data["reason"], terminated_on=data.get("terminated_on"), acting_user=request.user
        )


class SubsidyRunView(ReaderPermissionMixin, APIView):
    """生成补贴应发（后台任务）."""

    @extend_schema(
        operation_id="distribution_subsidy_dues_run",
        tags=TAG,
        summary="生成补贴应发",
        description="后台生成管辖范围内该月的补贴应发（不足整月按天折算）；返回任务进度。同一月份重复生成不会产生重复记录。",
        request=s.SubsidyRunSerializer,
        responses={202: JobSerializer, **error_responses(400, 401, 403)},
    )
    def post(self, request: Request) -> Response:
        """subsidy_month_start."""
        _editor(request)
        serializer = s.SubsidyRunSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        job = subsidy_services.subsidy_month_start(acting_user=request.user, **serializer.validated_data)
        return Response(JobSerializer(job).data, status=status.HTTP_202_ACCEPTED)


@extend_schema_view(
    post=extend_schema(
        operation_id="distribution_subsidy_dues_pay",
        tags=TAG,
        summary="登记补贴实发",
        description="足额、不足额（须填原因）或未发放（实发 0，须填原因）；实发合计不能超过应发金额。",
        request=s.SubsidyPaymentWriteSerializer,
        responses={201: s.SubsidyPaymentSerializer, **error_responses(400, 401, 403, 404)},
    )
)
class SubsidyPayView(EditorWriteMixin, RecordActionAPIView):
    """登记补贴实发."""

    getter = staticmethod(selectors.subsidy_due_get)
    read_serializer, write_serializer = s.SubsidyPaymentSerializer, s.SubsidyPaymentWriteSerializer
    service, record_arg = staticmethod(subsidy_services.subsidy_payment_record), "due"
    success_status = status.HTTP_201_CREATED


class PayOutstandingView(ReaderPermissionMixin, APIView):
    """按清单发放."""

    @extend_schema(
        operation_id="distribution_subsidy_dues_pay_outstanding",
        tags=TAG,
        summary="按清单足额发放",
        description="为该月尚未登记实发的每笔应发登记一笔足额实发；返回笔数。",
        request=s.PayOutstandingSerializer,
        responses={
            200: {"type": "object", "properties": {"count": {"type": "integer"}}},
            **error_responses(400, 401, 403),
        },
    )
    def post(self, request: Request) -> Response:
        """subsidy_payments_pay_outstanding."""
        _editor(request)
        serializer = s.PayOutstandingSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        dues = selectors.subsidy_due_list(user=request.user).filter(year=data["year"], month=data["month"])
        count = subsidy_services.subsidy_payments_pay_outstanding(
            dues=dues, paid_on=data["paid_on"], method=data["method"], acting_user=request.user
        )
        return Response({"count": count})


def _record_views(name: str, base: type, getter: Any, serializer: Any, service: Any, noun: str) -> tuple[type, type]:
    """(list + create, retrieve + update) of a support-object record."""
    list_doc, detail_doc = f"{noun}列表与新增.", f"{noun}详情与修改."

    @extend_schema_view(
        post=extend_schema(
            operation_id=f"distribution_{name}_create",
            tags=TAG,
            summary=f"新增{noun}",
            description=list_doc,
            request=serializer,
            responses={201: serializer, **error_responses(400, 401, 403)},
        )
    )
    class ListCreate(EditorWriteMixin, RecordCreateAPIMixin, base):  # type: ignore[misc, valid-type]
        read_serializer = write_serializer = serializer

        def perform_create(self, request: Request, data: dict[str, Any]) -> Any:
            region_code = data.pop("region_code", "") or ""
            if not region_code:
                raise ApiValidationError({"region_code": ["该字段是必填项。"]})
            return service(data=_project(request, data), region_code=region_code, acting_user=request.user)

    @extend_schema_view(
        get=extend_schema(
            operation_id=f"distribution_{name}_retrieve",
            tags=TAG,
            summary=f"{noun}详情",
            description=detail_doc,
            responses={200: serializer, **error_responses(401, 403, 404)},
        ),
        patch=extend_schema(
            operation_id=f"distribution_{name}_update",
            tags=TAG,
            summary=f"修改{noun}",
            description=detail_doc,
            request=serializer,
            responses={200: serializer, **error_responses(400, 401, 403, 404)},
        ),
    )
    class Detail(EditorWriteMixin, RecordUpdateAPIMixin, RecordDetailAPIView):
        read_serializer = write_serializer = serializer
        bind_instance = True

        def perform_update(self, request: Request, obj: Any, data: dict[str, Any]) -> Any:
            data.pop("region_code", None)
            return service(data=_project(request, data), instance=obj, acting_user=request.user)

    Detail.getter = staticmethod(getter)
    ListCreate.__name__ = ListCreate.__qualname__ = f"{name.title().replace('_', '')}ListCreateView"
    Detail.__name__ = Detail.__qualname__ = f"{name.title().replace('_', '')}RecordView"
    ListCreate.__doc__, Detail.__doc__ = list_doc, detail_doc
    return ListCreate, Detail


def _project(request: Request, data: dict[str, Any]) -> dict[str, Any]:
    """`project_id` from the serializer as a project of the user's jurisdiction."""
    from anju.housing.models import Project

    if "project_id" in data:
        project_id = data.pop("project_id")
        project = None
        if project_id:
            project = Project.objects.visible_to(request.user).filter(pk=project_id).first()
            if project is None:
                raise NotFound("管辖范围内没有该建设项目。")
        data["project"] = project
    return data


SupportPlanListView, SupportPlanDetailView = _record_views(
    "support_plans",
    SupportPlanListBase,
    selectors.support_plan_get,
    s.SupportPlanSerializer,
    support_services.support_plan_save,
    "支持对象资金拨付计划",
)
LandSupplyListView, LandSupplyDetailView = _record_views(
    "land_supplies",
    LandSupplyListBase,
    selectors.land_supply_get,
    s.LandSupplySerializer,
    support_services.land_supply_save,
    "土地供应记录",
)
