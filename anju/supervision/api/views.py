"""API v1 of the 监督管理 subsystem (mounted at /api/v1/supervision/): scoped reads, writes through the services."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from anju.core.api.errors import error_responses
from anju.core.api_records import (
    RecordActionAPIView,
    RecordCreateAPIMixin,
    RecordDetailAPIView,
    RecordUpdateAPIMixin,
)
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


# The OpenAPI description of each operation; the record endpoints of inspections and sanctions share theirs.
DESCRIPTIONS = {
    "credit_records_create": "区县保障科或市保障处列入信用记录。保障家庭按登记编号、申请编号或当事人身份证号码（须填姓名和区划）之一；"
    "供给单位按统一社会信用代码。惩戒期限按失信程度和失信行为类别的规则计算。",
    "credit_records_retrieve": "含信用修复记录（管辖范围外返回 404）。",
    "credit_records_repair": "登记修复条件履行情况和决定；准予修复须符合规则（允许修复、列入满最短期限），记录状态变为“已修复”。",
    "credit_records_revoke": "记录撤销日期、撤销人和撤销原因；撤销后不再影响申请和信用状况。",
    "credit_records_publish": "只有有效的严重失信记录可以在门户网站失信名单中公开（脱敏显示）。",
    "ban_rules_list": "按失信程度和失信行为类别设定的惩戒期限、是否禁止申请和修复条件；行为类别为空的是该程度的默认规则。",
    "ban_rules_create": "新列入的记录按新规则计算；已有记录不变。",
    "ban_rules_update": "只影响此后列入的记录。",
    "complaints_create": "工作人员登记来信、来电、来访的投诉或咨询；投诉事件编号自动生成。门户网站的网上投诉直接调用服务。",
    "complaints_retrieve": "含全部答复和内部办理记录（管辖范围外返回 404）。",
    "complaints_assign": "将投诉或咨询交办给承办单位，并记录办理时限（服务 complaint_assign）。",
    "complaints_reply": "is_public 为真时投诉人在门户网站可见，办理状态变为“已答复”；否则为内部办理记录。",
    "complaints_close": "登记查证方式、查证结果（投诉必填）、处理意见、处理日期和是否列入信用档案。",
}
RECORD_DESCRIPTIONS = {
    "create": "编号自动生成；region_code 必填。",
    "retrieve": "管辖范围外返回 404。",
    "update": "只修改提交的字段；编号和区划不能修改。",
}
ERROR_CODES = {"create": (400, 401, 403), "retrieve": (401, 403, 404), "list": (401, 403)}


def _schema(operation: str, summary: str, read: Any, **kwargs: Any) -> Any:
    """extend_schema of one supervision operation answering `read` (201 for a create, 400 for a write)."""
    action = operation.rsplit("_", 1)[1]
    return extend_schema(
        operation_id=f"supervision_{operation}",
        tags=TAG,
        summary=summary,
        description=DESCRIPTIONS.get(operation) or RECORD_DESCRIPTIONS[action],
        responses={
            201 if action == "create" else 200: read,
            **error_responses(*ERROR_CODES.get(action, (400, 401, 403, 404))),
        },
        **kwargs,
    )


class CreditRecordMixin(ReaderPermissionMixin):
    """A credit record of the user's jurisdiction, answered with its repairs."""

    getter = staticmethod(selectors.credit_record_get)
    read_serializer = s.CreditRecordSerializer


class ComplaintMixin(ReaderPermissionMixin):
    """A complaint of the user's jurisdiction, answered with its replies."""

    getter = staticmethod(selectors.complaint_get)
    read_serializer = s.ComplaintSerializer


@extend_schema_view(
    post=_schema(
        "credit_records_create", "列入信用记录", s.CreditRecordSerializer, request=s.CreditRecordWriteSerializer
    )
)
class CreditRecordCollectionView(RecordCreateAPIMixin, CreditRecordListView):
    """信用记录列表 and 列入信用记录."""

    read_serializer, write_serializer = s.CreditRecordSerializer, s.CreditRecordWriteSerializer

    def perform_create(self, request: Request, data: dict[str, Any]) -> Any:
        """credit_record_create with the household found by its register or application number."""
        from anju.admission.models import Application, RegisterEntry

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
        return services.credit_record_create(
            **data, register_entry=entry, application=application, acting_user=request.user
        )


@extend_schema_view(get=_schema("credit_records_retrieve", "信用记录详情", s.CreditRecordSerializer))
class CreditRecordDetailView(CreditRecordMixin, RecordDetailAPIView):
    """信用记录详情."""


@extend_schema_view(
    post=_schema(
        "credit_records_repair", "信用修复决定", s.CreditRecordSerializer, request=s.CreditRepairWriteSerializer
    )
)
class CreditRepairView(CreditRecordMixin, RecordActionAPIView):
    """信用修复."""

    write_serializer, service, reread = s.CreditRepairWriteSerializer, staticmethod(services.credit_record_repair), True


@extend_schema_view(
    post=_schema(
        "credit_records_revoke", "撤销信用记录", s.CreditRecordSerializer, request=s.CreditRevokeWriteSerializer
    )
)
class CreditRevokeView(CreditRecordMixin, RecordActionAPIView):
    """撤销信用记录."""

    write_serializer, service = s.CreditRevokeWriteSerializer, staticmethod(services.credit_record_revoke)


@extend_schema_view(
    post=_schema(
        "credit_records_publish",
        "公开或取消公开失信记录",
        s.CreditRecordSerializer,
        request=s.CreditPublishWriteSerializer,
    )
)
class CreditPublishView(CreditRecordMixin, RecordActionAPIView):
    """向社会公开."""

    write_serializer, service = s.CreditPublishWriteSerializer, staticmethod(services.credit_record_publish_set)


@extend_schema_view(
    get=_schema("ban_rules_list", "失信惩戒期限列表", s.CreditBanRuleSerializer(many=True)),
    post=_schema("ban_rules_create", "新增失信惩戒期限", s.CreditBanRuleSerializer, request=s.BanRuleWriteSerializer),
)
class BanRuleCollectionView(ReaderPermissionMixin, RecordCreateAPIMixin, generics.ListAPIView):
    """失信惩戒期限."""

    serializer_class = read_serializer = s.CreditBanRuleSerializer
    write_serializer = s.BanRuleWriteSerializer

    def get_queryset(self) -> models.QuerySet:
        """All rules (city policy)."""
        return selectors.ban_rule_list()

    def perform_create(self, request: Request, data: dict[str, Any]) -> Any:
        """ban_rule_save."""
        return services.ban_rule_save(data=data, acting_user=request.user)


def _ban_rule_get(*, user: Any, pk: int) -> CreditBanRule:
    """A ban rule (city policy: every reader sees all) or 404."""
    return get_object_or_404(CreditBanRule, pk=pk)


@extend_schema_view(
    patch=_schema("ban_rules_update", "修改失信惩戒期限", s.CreditBanRuleSerializer, request=s.BanRuleWriteSerializer)
)
class BanRuleDetailView(ReaderPermissionMixin, RecordUpdateAPIMixin, APIView):
    """修改失信惩戒期限."""

    getter = staticmethod(_ban_rule_get)
    read_serializer, write_serializer = s.CreditBanRuleSerializer, s.BanRuleWriteSerializer

    def perform_update(self, request: Request, obj: Any, data: dict[str, Any]) -> Any:
        """ban_rule_save."""
        return services.ban_rule_save(rule=obj, data=data, acting_user=request.user)


@extend_schema_view(
    post=_schema("complaints_create", "登记投诉咨询", s.ComplaintSerializer, request=s.ComplaintWriteSerializer)
)
class ComplaintCollectionView(RecordCreateAPIMixin, ComplaintListView):
    """投诉咨询列表 and 登记."""

    read_serializer, write_serializer = s.ComplaintSerializer, s.ComplaintWriteSerializer

    def perform_create(self, request: Request, data: dict[str, Any]) -> Any:
        """complaint_submit."""
        return services.complaint_submit(**data, acting_user=request.user)


@extend_schema_view(get=_schema("complaints_retrieve", "投诉咨询详情", s.ComplaintSerializer))
class ComplaintDetailView(ComplaintMixin, RecordDetailAPIView):
    """投诉咨询详情."""


@extend_schema_view(
    post=_schema("complaints_assign", "交办投诉咨询", s.ComplaintSerializer, request=s.ComplaintAssignWriteSerializer)
)
class ComplaintAssignView(ComplaintMixin, RecordActionAPIView):
    """交办."""

    write_serializer, reread = s.ComplaintAssignWriteSerializer, True

    def perform(self, request: Request, record: Any, data: dict[str, Any]) -> Any:
        """complaint_assign to an active user."""
        from anju.accounts.models import User

        assignee = User.objects.filter(pk=data["assignee"], is_active=True).first()
        return services.complaint_assign(
            complaint=record, assignee=assignee, department=data.get("department", ""), acting_user=request.user
        )


@extend_schema_view(
    post=_schema("complaints_reply", "答复投诉咨询", s.ComplaintSerializer, request=s.ComplaintReplyWriteSerializer)
)
class ComplaintReplyView(ComplaintMixin, RecordActionAPIView):
    """答复."""

    write_serializer, service = s.ComplaintReplyWriteSerializer, staticmethod(services.complaint_reply)
    record_arg, reread = "complaint", True


@extend_schema_view(
    post=_schema("complaints_close", "办结投诉咨询", s.ComplaintSerializer, request=s.ComplaintCloseWriteSerializer)
)
class ComplaintCloseView(ComplaintMixin, RecordActionAPIView):
    """办结."""

    write_serializer, service = s.ComplaintCloseWriteSerializer, staticmethod(services.complaint_close)
    record_arg, reread = "complaint", True


def _record_views(
    name: str, noun: str, list_view: Any, read: Any, write: Any, get: Any, service: Any, arg: str
) -> tuple:
    """Create + list, retrieve + update endpoints of inspections and sanctions."""

    def save(request: Request, data: dict[str, Any], **kwargs: Any) -> Any:
        return service(data=data, acting_user=request.user, **kwargs)

    @extend_schema_view(post=_schema(f"{name}_create", f"登记{noun}", read, request=write))
    class Collection(RecordCreateAPIMixin, list_view):
        read_serializer, write_serializer = read, write

        def perform_create(self, request: Request, data: dict[str, Any]) -> Any:
            return save(request, data, region_code=data.pop("region_code", ""))

    @extend_schema_view(
        get=_schema(f"{name}_retrieve", f"{noun}详情", read),
        patch=_schema(f"{name}_update", f"修改{noun}", read, request=write),
    )
    class Detail(ReaderPermissionMixin, RecordUpdateAPIMixin, RecordDetailAPIView):
        getter = staticmethod(get)
        read_serializer, write_serializer = read, write

        def perform_update(self, request: Request, obj: Any, data: dict[str, Any]) -> Any:
            data.pop("region_code", None)
            return save(request, data, **{arg: obj})

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


# ---------------------------------------------------------------- 考核 (A.10.5–A.10.8)

ASSESSMENT_LIST_DESCRIPTIONS = {
    "unit_assessments": "管辖范围内的住房保障工作规范化考核（A.10.5）；可按考核结果、考核日期、区划和关键字筛选；"
    "deleted=1 列出已删除的记录。",
    "assessment_bulletins": "管辖范围内的规范化考核结果通报和备案（A.10.6），每条关联一条规范化考核；"
    "可按考核结果、通报日期、区划和关键字筛选；deleted=1 列出已删除的记录。",
    "staff_assessments": "管辖范围内的行政机关工作人员考核评价（A.10.7）；被考核对象名称脱敏显示（姓 + *），"
    "可按考核日期、区划和关键字（编号、部门、考核人）筛选；deleted=1 列出已删除的记录。",
    "staff_sanctions": "管辖范围内的行政机关工作人员行政奖罚及通报（A.10.8），可关联工作人员考核评价；姓名脱敏显示；"
    "可按奖罚类别、考核结果、奖罚日期、区划和关键字筛选；deleted=1 列出已删除的记录。",
}
DESCRIPTIONS.update(
    {
        "unit_assessments_create": "区县保障科或市保障处登记规范化考核；考核编号（KH…）自动生成；region_code 必填；"
        "考核得分 0–100。",
        "assessment_bulletins_create": "为一条规范化考核登记结果通报和备案；编号（TB…）自动生成；被考核单位、考核总分和"
        "考核结果留空取考核记录的；通报日期不早于考核日期，备案日期不早于通报日期。",
        "staff_assessments_create": "登记行政机关工作人员考核评价；编号（KP…）自动生成；region_code 必填；"
        "被考核对象名称加密保存；考核分值 0–100。",
        "staff_sanctions_create": "登记工作人员行政奖罚及通报；编号（JT…）自动生成；关联考核评价时工作人员编号、姓名和"
        "考核总分留空取其值；奖罚日期不早于考核日期，通报日期不早于奖罚日期。",
    }
)
for _name, _noun in (
    ("unit_assessments", "规范化考核"),
    ("assessment_bulletins", "考核结果通报备案"),
    ("staff_assessments", "工作人员考核评价"),
    ("staff_sanctions", "工作人员行政奖罚"),
):
    DESCRIPTIONS[f"{_name}_delete"] = f"删除{_noun}（须填删除原因）；记录标记为已删除，可恢复。" + (
        "已有未删除的下级记录（通报备案或行政奖罚）时拒绝删除。"
        if _name in {"unit_assessments", "staff_assessments"}
        else ""
    )
    DESCRIPTIONS[f"{_name}_restore"] = f"恢复已删除的{_noun}；所关联的考核记录已删除时拒绝恢复。"


def _assessment_views(
    name: str, noun: str, list_selector: Any, read: Any, write: Any, get: Any, service: Any, arg: str, filterset: Any
) -> tuple:
    """List + create, retrieve + update, delete and restore endpoints of one 考核 record kind."""

    def selector(*, user: Any) -> models.QuerySet:
        return list_selector(user=user, deleted=None)

    list_view = _list_view(name, selector, read, filterset, f"{noun}列表", ASSESSMENT_LIST_DESCRIPTIONS[name])

    class Listing(list_view):  # type: ignore[misc, valid-type]
        def get_queryset(self) -> models.QuerySet:
            deleted = self.request.query_params.get("deleted") == "1"
            return list_selector(user=self.request.user, deleted=deleted)

    Listing.__name__ = Listing.__qualname__ = list_view.__name__
    collection, detail = _record_views(name, noun, Listing, read, write, get, service, arg)

    @extend_schema_view(post=_schema(f"{name}_delete", f"删除{noun}", read, request=s.AssessmentDeleteWriteSerializer))
    class Delete(ReaderPermissionMixin, RecordActionAPIView):
        getter = staticmethod(get)
        read_serializer, write_serializer = read, s.AssessmentDeleteWriteSerializer
        service = staticmethod(services.assessment_record_delete)

    @extend_schema_view(post=_schema(f"{name}_restore", f"恢复{noun}", read, request=None))
    class Restore(ReaderPermissionMixin, RecordActionAPIView):
        getter = staticmethod(get)
        read_serializer = read
        service = staticmethod(services.assessment_record_restore)

    base = name.title().replace("_", "")
    Delete.__name__ = Delete.__qualname__ = f"{base}DeleteView"
    Restore.__name__ = Restore.__qualname__ = f"{base}RestoreView"
    Delete.__doc__, Restore.__doc__ = f"删除{noun}.", f"恢复{noun}."
    return collection, detail, Delete, Restore


ASSESSMENT_API = {
    "unit-assessments": _assessment_views(
        "unit_assessments",
        "规范化考核",
        selectors.unit_assessment_list,
        s.UnitAssessmentSerializer,
        s.UnitAssessmentWriteSerializer,
        selectors.unit_assessment_get,
        services.unit_assessment_save,
        "assessment",
        filtersets.UnitAssessmentFilterSet,
    ),
    "assessment-bulletins": _assessment_views(
        "assessment_bulletins",
        "考核结果通报备案",
        selectors.assessment_bulletin_list,
        s.AssessmentBulletinSerializer,
        s.AssessmentBulletinWriteSerializer,
        selectors.assessment_bulletin_get,
        services.assessment_bulletin_save,
        "bulletin",
        filtersets.AssessmentBulletinFilterSet,
    ),
    "staff-assessments": _assessment_views(
        "staff_assessments",
        "工作人员考核评价",
        selectors.staff_assessment_list,
        s.StaffAssessmentSerializer,
        s.StaffAssessmentWriteSerializer,
        selectors.staff_assessment_get,
        services.staff_assessment_save,
        "staff_assessment",
        filtersets.StaffAssessmentFilterSet,
    ),
    "staff-sanctions": _assessment_views(
        "staff_sanctions",
        "工作人员行政奖罚",
        selectors.staff_sanction_list,
        s.StaffSanctionSerializer,
        s.StaffSanctionWriteSerializer,
        selectors.staff_sanction_get,
        services.staff_sanction_save,
        "staff_sanction",
        filtersets.StaffSanctionFilterSet,
    ),
}
