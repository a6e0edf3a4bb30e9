"""API v1 of the 监督管理 subsystem (mounted at /api/v1/supervision/): scoped reads, writes through the services."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from anju.core.api.errors import error_responses
from anju.supervision import filtersets, selectors, services
from anju.supervision.api import serializers as s
from anju.supervision.models import CreditBanRule
from anju.supervision.permissions import READER_ROLES

TAG = ["监督管理"]


class ReaderPermissionMixin:
    """Business roles only (default deny): others get 403."""

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        """Role check after authentication."""
        super().initial(request, *args, **kwargs)  # type: ignore[misc]
        if not request.user.has_role(*READER_ROLES):
            raise PermissionDenied("您的角色无权查看监督管理数据。")


def _list_view(name: str, selector: Any, serializer: Any, filterset: Any, summary: str, description: str) -> type:
    """A scoped, filtered, paginated list endpoint."""

    class View(ReaderPermissionMixin, generics.ListAPIView):
        serializer_class = serializer
        filterset_class = filterset

        def get_queryset(self) -> models.QuerySet:
            return selector(user=self.request.user)

        @extend_schema(
            operation_id=f"supervision_{name}_list",
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


def _get(selector: Any, request: Request, pk: int) -> Any:
    return selector(user=request.user, pk=pk)


CreditRecordListView = _list_view(
    "credit_records",
    selectors.credit_record_list,
    s.CreditRecordSerializer,
    filtersets.CreditRecordFilterSet,
    "信用记录列表",
    "管辖范围内的信用记录；可按对象类别、失信程度、失信行为类别、信用状态、惩戒期、列入日期、身份证号码（精确）、区划和关键字筛选。身份证号码已脱敏。",
)
ComplaintListView = _list_view(
    "complaints",
    selectors.complaint_list,
    s.ComplaintSerializer,
    filtersets.ComplaintFilterSet,
    "投诉咨询列表",
    "管辖范围内的投诉与咨询；可按类别、办理状态、投诉方式、投诉日期、区划和关键字筛选。",
)
InspectionListView = _list_view(
    "inspections",
    selectors.inspection_list,
    s.InspectionSerializer,
    filtersets.InspectionFilterSet,
    "专项检查列表",
    "管辖范围内的专项检查（A.10.1）。",
)
SanctionListView = _list_view(
    "sanctions",
    selectors.sanction_list,
    s.SupplierSanctionSerializer,
    filtersets.SanctionFilterSet,
    "支持对象行政奖罚列表",
    "管辖范围内的支持对象行政奖罚（A.10.4）。",
)


class CreditRecordCollectionView(CreditRecordListView):
    """信用记录列表 and 列入信用记录."""

    @extend_schema(
        operation_id="supervision_credit_records_create",
        tags=TAG,
        summary="列入信用记录",
        description="区县保障科或市保障处列入信用记录。保障家庭按登记编号、申请编号或当事人身份证号码（须填姓名和区划）之一；"
        "供给单位按统一社会信用代码。惩戒期限按失信程度和失信行为类别的规则计算。",
        request=s.CreditRecordWriteSerializer,
        responses={201: s.CreditRecordSerializer, **error_responses(400, 401, 403)},
    )
    def post(self, request: Request) -> Response:
        """credit_record_create."""
        from anju.admission.models import Application, RegisterEntry

        serializer = s.CreditRecordWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        register_number, application_number = data.pop("register_number", ""), data.pop("application_number", "")
        entry = application = None
        if register_number:
            entry = RegisterEntry.objects.visible_to(request.user).filter(number=register_number).first()
            if entry is None:
                raise DjangoValidationError({"register_number": ["找不到该登记编号，或不在您的管辖范围内。"]})
        if application_number:
            application = (
                Application.objects.visible_to(request.user).filter(number=application_number, is_deleted=False).first()
            )
            if application is None:
                raise DjangoValidationError({"application_number": ["找不到该申请编号，或不在您的管辖范围内。"]})
        record = services.credit_record_create(
            **data, register_entry=entry, application=application, acting_user=request.user
        )
        return Response(s.CreditRecordSerializer(record).data, status=status.HTTP_201_CREATED)


class CreditRecordDetailView(ReaderPermissionMixin, APIView):
    """信用记录详情."""

    @extend_schema(
        operation_id="supervision_credit_records_retrieve",
        tags=TAG,
        summary="信用记录详情",
        description="含信用修复记录（管辖范围外返回 404）。",
        responses={200: s.CreditRecordSerializer, **error_responses(401, 403, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        """One record."""
        return Response(s.CreditRecordSerializer(_get(selectors.credit_record_get, request, pk)).data)


class CreditRepairView(ReaderPermissionMixin, APIView):
    """信用修复."""

    @extend_schema(
        operation_id="supervision_credit_records_repair",
        tags=TAG,
        summary="信用修复决定",
        description="登记修复条件履行情况和决定；准予修复须符合规则（允许修复、列入满最短期限），记录状态变为“已修复”。",
        request=s.CreditRepairWriteSerializer,
        responses={200: s.CreditRecordSerializer, **error_responses(400, 401, 403, 404)},
    )
    def post(self, request: Request, pk: int) -> Response:
        """credit_record_repair."""
        record = _get(selectors.credit_record_get, request, pk)
        serializer = s.CreditRepairWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.credit_record_repair(record=record, acting_user=request.user, **serializer.validated_data)
        return Response(s.CreditRecordSerializer(selectors.credit_record_get(user=request.user, pk=pk)).data)


class CreditRevokeView(ReaderPermissionMixin, APIView):
    """撤销信用记录."""

    @extend_schema(
        operation_id="supervision_credit_records_revoke",
        tags=TAG,
        summary="撤销信用记录",
        description="记录撤销日期、撤销人和撤销原因；撤销后不再影响申请和信用状况。",
        request=s.CreditRevokeWriteSerializer,
        responses={200: s.CreditRecordSerializer, **error_responses(400, 401, 403, 404)},
    )
    def post(self, request: Request, pk: int) -> Response:
        """credit_record_revoke."""
        record = _get(selectors.credit_record_get, request, pk)
        serializer = s.CreditRevokeWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        record = services.credit_record_revoke(record=record, acting_user=request.user, **serializer.validated_data)
        return Response(s.CreditRecordSerializer(record).data)


class CreditPublishView(ReaderPermissionMixin, APIView):
    """向社会公开."""

    @extend_schema(
        operation_id="supervision_credit_records_publish",
        tags=TAG,
        summary="公开或取消公开失信记录",
        description="只有有效的严重失信记录可以在门户网站失信名单中公开（脱敏显示）。",
        request=s.CreditPublishWriteSerializer,
        responses={200: s.CreditRecordSerializer, **error_responses(400, 401, 403, 404)},
    )
    def post(self, request: Request, pk: int) -> Response:
        """credit_record_publish_set."""
        record = _get(selectors.credit_record_get, request, pk)
        serializer = s.CreditPublishWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        record = services.credit_record_publish_set(
            record=record, acting_user=request.user, **serializer.validated_data
        )
        return Response(s.CreditRecordSerializer(record).data)


class BanRuleCollectionView(ReaderPermissionMixin, generics.ListAPIView):
    """失信惩戒期限."""

    serializer_class = s.CreditBanRuleSerializer

    def get_queryset(self) -> models.QuerySet:
        """All rules (city policy)."""
        return selectors.ban_rule_list()

    @extend_schema(
        operation_id="supervision_ban_rules_list",
        tags=TAG,
        summary="失信惩戒期限列表",
        description="按失信程度和失信行为类别设定的惩戒期限、是否禁止申请和修复条件；行为类别为空的是该程度的默认规则。",
        responses={200: s.CreditBanRuleSerializer(many=True), **error_responses(401, 403)},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """List."""
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="supervision_ban_rules_create",
        tags=TAG,
        summary="新增失信惩戒期限",
        description="新列入的记录按新规则计算；已有记录不变。",
        request=s.BanRuleWriteSerializer,
        responses={201: s.CreditBanRuleSerializer, **error_responses(400, 401, 403)},
    )
    def post(self, request: Request) -> Response:
        """ban_rule_save."""
        serializer = s.BanRuleWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        rule = services.ban_rule_save(data=dict(serializer.validated_data), acting_user=request.user)
        return Response(s.CreditBanRuleSerializer(rule).data, status=status.HTTP_201_CREATED)


class BanRuleDetailView(ReaderPermissionMixin, APIView):
    """修改失信惩戒期限."""

    @extend_schema(
        operation_id="supervision_ban_rules_update",
        tags=TAG,
        summary="修改失信惩戒期限",
        description="只影响此后列入的记录。",
        request=s.BanRuleWriteSerializer,
        responses={200: s.CreditBanRuleSerializer, **error_responses(400, 401, 403, 404)},
    )
    def patch(self, request: Request, pk: int) -> Response:
        """ban_rule_save."""
        from django.shortcuts import get_object_or_404

        rule = get_object_or_404(CreditBanRule, pk=pk)
        serializer = s.BanRuleWriteSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        rule = services.ban_rule_save(rule=rule, data=dict(serializer.validated_data), acting_user=request.user)
        return Response(s.CreditBanRuleSerializer(rule).data)


class ComplaintCollectionView(ComplaintListView):
    """投诉咨询列表 and 登记."""

    @extend_schema(
        operation_id="supervision_complaints_create",
        tags=TAG,
        summary="登记投诉咨询",
        description="工作人员登记来信、来电、来访的投诉或咨询；投诉事件编号自动生成。门户网站的网上投诉直接调用服务。",
        request=s.ComplaintWriteSerializer,
        responses={201: s.ComplaintSerializer, **error_responses(400, 401, 403)},
    )
    def post(self, request: Request) -> Response:
        """complaint_submit."""
        serializer = s.ComplaintWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        complaint = services.complaint_submit(**serializer.validated_data, acting_user=request.user)
        return Response(s.ComplaintSerializer(complaint).data, status=status.HTTP_201_CREATED)


class ComplaintDetailView(ReaderPermissionMixin, APIView):
    """投诉咨询详情."""

    @extend_schema(
        operation_id="supervision_complaints_retrieve",
        tags=TAG,
        summary="投诉咨询详情",
        description="含全部答复和内部办理记录（管辖范围外返回 404）。",
        responses={200: s.ComplaintSerializer, **error_responses(401, 403, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        """One complaint."""
        return Response(s.ComplaintSerializer(_get(selectors.complaint_get, request, pk)).data)


class ComplaintAssignView(ReaderPermissionMixin, APIView):
    """交办."""

    @extend_schema(
        operation_id="supervision_complaints_assign",
        tags=TAG,
        summary="交办投诉咨询",
        request=s.ComplaintAssignWriteSerializer,
        responses={200: s.ComplaintSerializer, **error_responses(400, 401, 403, 404)},
    )
    def post(self, request: Request, pk: int) -> Response:
        """complaint_assign."""
        from anju.accounts.models import User

        complaint = _get(selectors.complaint_get, request, pk)
        serializer = s.ComplaintAssignWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        assignee = User.objects.filter(pk=serializer.validated_data["assignee"], is_active=True).first()
        complaint = services.complaint_assign(
            complaint=complaint,
            assignee=assignee,
            department=serializer.validated_data.get("department", ""),
            acting_user=request.user,
        )
        return Response(s.ComplaintSerializer(selectors.complaint_get(user=request.user, pk=pk)).data)


class ComplaintReplyView(ReaderPermissionMixin, APIView):
    """答复."""

    @extend_schema(
        operation_id="supervision_complaints_reply",
        tags=TAG,
        summary="答复投诉咨询",
        description="is_public 为真时投诉人在门户网站可见，办理状态变为“已答复”；否则为内部办理记录。",
        request=s.ComplaintReplyWriteSerializer,
        responses={200: s.ComplaintSerializer, **error_responses(400, 401, 403, 404)},
    )
    def post(self, request: Request, pk: int) -> Response:
        """complaint_reply."""
        complaint = _get(selectors.complaint_get, request, pk)
        serializer = s.ComplaintReplyWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.complaint_reply(complaint=complaint, acting_user=request.user, **serializer.validated_data)
        return Response(s.ComplaintSerializer(selectors.complaint_get(user=request.user, pk=pk)).data)


class ComplaintCloseView(ReaderPermissionMixin, APIView):
    """办结."""

    @extend_schema(
        operation_id="supervision_complaints_close",
        tags=TAG,
        summary="办结投诉咨询",
        description="登记查证方式、查证结果（投诉必填）、处理意见、处理日期和是否列入信用档案。",
        request=s.ComplaintCloseWriteSerializer,
        responses={200: s.ComplaintSerializer, **error_responses(400, 401, 403, 404)},
    )
    def post(self, request: Request, pk: int) -> Response:
        """complaint_close."""
        complaint = _get(selectors.complaint_get, request, pk)
        serializer = s.ComplaintCloseWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        complaint = services.complaint_close(complaint=complaint, acting_user=request.user, **serializer.validated_data)
        return Response(s.ComplaintSerializer(selectors.complaint_get(user=request.user, pk=pk)).data)


def _record_views(
    name: str, noun: str, list_view: Any, read: Any, write: Any, getter: Any, service: Any, arg: str
) -> tuple:
    """Create + list, retrieve + update endpoints of inspections and sanctions."""

    class Collection(list_view):
        @extend_schema(
            operation_id=f"supervision_{name}_create",
            tags=TAG,
            summary=f"登记{noun}",
            description="编号自动生成；region_code 必填。",
            request=write,
            responses={201: read, **error_responses(400, 401, 403)},
        )
        def post(self, request: Request) -> Response:
            serializer = write(data=request.data)
            serializer.is_valid(raise_exception=True)
            data = dict(serializer.validated_data)
            region_code = data.pop("region_code", "")
            obj = service(data=data, region_code=region_code, acting_user=request.user)
            return Response(read(obj).data, status=status.HTTP_201_CREATED)

    class Detail(ReaderPermissionMixin, APIView):
        @extend_schema(
            operation_id=f"supervision_{name}_retrieve",
            tags=TAG,
            summary=f"{noun}详情",
            description="管辖范围外返回 404。",
            responses={200: read, **error_responses(401, 403, 404)},
        )
        def get(self, request: Request, pk: int) -> Response:
            return Response(read(_get(getter, request, pk)).data)

        @extend_schema(
            operation_id=f"supervision_{name}_update",
            tags=TAG,
            summary=f"修改{noun}",
            description="只修改提交的字段；编号和区划不能修改。",
            request=write,
            responses={200: read, **error_responses(400, 401, 403, 404)},
        )
        def patch(self, request: Request, pk: int) -> Response:
            obj = _get(getter, request, pk)
            serializer = write(data=request.data, partial=True)
            serializer.is_valid(raise_exception=True)
            data = dict(serializer.validated_data)
            data.pop("region_code", None)
            obj = service(data=data, acting_user=request.user, **{arg: obj})
            return Response(read(obj).data)

    base = name.title().replace("_", "")
    Collection.__name__ = Collection.__qualname__ = f"{base}CollectionView"
    Detail.__name__ = Detail.__qualname__ = f"{base}DetailView"
    Collection.__doc__, Detail.__doc__ = f"{noun}列表与登记.", f"{noun}详情与修改."
    return Collection, Detail


InspectionCollectionView, InspectionDetailView = _record_views(
    "inspections",
    "专项检查",
    InspectionListView,
    s.InspectionSerializer,
    s.InspectionWriteSerializer,
    selectors.inspection_get,
    services.inspection_save,
    "inspection",
)
SanctionCollectionView, SanctionDetailView = _record_views(
    "sanctions",
    "支持对象行政奖罚",
    SanctionListView,
    s.SupplierSanctionSerializer,
    s.SanctionWriteSerializer,
    selectors.sanction_get,
    services.sanction_save,
    "sanction",
)


class PublicCreditListView(APIView):
    """失信名单（公开）."""

    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(
        operation_id="supervision_public_credit_list",
        tags=TAG,
        summary="失信名单（公开）",
        description="门户网站公开的失信名单：仅限标记公开、处于惩戒期内的严重失信记录；个人只显示姓氏和身份证号码前 6 后 4 位。"
        "可按 region（行政区划代码前缀）筛选。",
        responses={200: s.PublicCreditEntrySerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        """public_credit_list."""
        region = request.query_params.get("region", "")
        prefix = "".join(ch for ch in region if ch.isdigit())[:12]
        from anju.core.scoping import significant_prefix

        entries = selectors.public_credit_list(region_prefix=significant_prefix(prefix) if prefix else "")
        return Response(s.PublicCreditEntrySerializer(entries, many=True).data)
