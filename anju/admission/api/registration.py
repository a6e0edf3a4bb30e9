"""API v1 of 公示, 举报, 拟保障实施方案, 登记, 准入登记簿 and 供给单位/个人登记审批 (services do the work; masked output)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import generics, serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from anju.admission import registration_selectors as sel
from anju.admission.models import (
    Objection,
    ProposedPlan,
    Publicity,
    PublicityEntry,
    RegisterEntry,
    SupplierPersonApproval,
    SupplierUnitApproval,
)
from anju.admission.permissions import READER_ROLES
from anju.admission.services import objections as objection_services
from anju.admission.services import plans as plan_services
from anju.admission.services import publicity as publicity_services
from anju.admission.services import registration as registration_services
from anju.admission.services import suppliers as supplier_services
from anju.core.masking import mask_name

TAG = ["准入登记"]


def _reader_check(request: Request) -> None:
    if not request.user.has_role(*READER_ROLES):
        raise ApiPermissionDenied("您没有访问此接口的权限。")


# --- serializers ---------------------------------------------------------------------------------------------


class PublicityEntrySerializer(serializers.Serializer):
    """One masked line of a publicity list."""

    index = serializers.IntegerField()
    application_number = serializers.CharField()
    applicant_name = serializers.CharField(help_text="脱敏姓名")
    id_number = serializers.CharField(help_text="脱敏证件号码（前 6 后 4）")
    household_size = serializers.IntegerField()
    community = serializers.CharField()
    passed = serializers.CharField()


class PublicitySerializer(serializers.ModelSerializer):
    """A publicity notice."""

    status_name = serializers.CharField(source="get_status_display", read_only=True)
    kind_name = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = Publicity
        fields = [
            "id",
            "number",
            "kind",
            "kind_name",
            "title",
            "start_date",
            "end_date",
            "channel",
            "place",
            "status",
            "status_name",
            "published_at",
            "closed_at",
            "region_code",
        ]


class PublicityDetailSerializer(PublicitySerializer):
    """A notice with its masked list."""

    entries = serializers.SerializerMethodField()

    class Meta(PublicitySerializer.Meta):
        fields = [*PublicitySerializer.Meta.fields, "entries"]

    @extend_schema_field(PublicityEntrySerializer(many=True))
    def get_entries(self, obj: Publicity) -> list[dict[str, Any]]:
        """Masked rows."""
        return PublicityEntrySerializer(publicity_services.publicity_rows(obj), many=True).data


class PublicityWriteSerializer(serializers.Serializer):
    """新建公示."""

    title = serializers.CharField()
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    channel = serializers.CharField()
    place = serializers.CharField(required=False, allow_blank=True, default="")
    application_ids = serializers.ListField(child=serializers.IntegerField(), allow_empty=True)


class ObjectionSerializer(serializers.ModelSerializer):
    """A report (reporter masked)."""

    publicity_number = serializers.CharField(read_only=True)
    application_number = serializers.CharField(read_only=True)
    reporter_name = serializers.SerializerMethodField()
    reporter_phone = serializers.CharField(source="reporter_phone_masked", read_only=True)
    status_name = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = Objection
        fields = [
            "id", "number", "publicity_number", "application_number", "reported_at", "content", "channel", "reporter_name",
            "reporter_phone", "verification_method", "verification_result", "verification_note", "verified_at", "status",
            "status_name", "decision_note", "decided_at",
        ]  # fmt: skip

    def get_reporter_name(self, obj: Objection) -> str:
        """Masked name."""
        return mask_name(obj.reporter_name)


class ObjectionWriteSerializer(serializers.Serializer):
    """登记举报."""

    entry_id = serializers.IntegerField()
    content = serializers.CharField(allow_blank=True)
    channel = serializers.CharField()
    reporter_name = serializers.CharField(required=False, allow_blank=True, default="")
    reporter_phone = serializers.CharField(required=False, allow_blank=True, default="")


class ObjectionVerifySerializer(serializers.Serializer):
    """查证."""

    verification_method = serializers.CharField(allow_blank=True)
    verification_result = serializers.CharField(allow_blank=True)
    verification_note = serializers.CharField(required=False, allow_blank=True, default="")


class ObjectionDecideSerializer(serializers.Serializer):
    """处理决定."""

    upheld = serializers.BooleanField()
    decision_note = serializers.CharField(allow_blank=True)


class PlanSerializer(serializers.ModelSerializer):
    """拟保障实施方案 with the computed values."""

    class Meta:
        model = ProposedPlan
        fields = [
            "id", "number", "security_mode", "project_category", "unit_layout", "standard_amount", "subsidy_amount",
            "allocated_area", "computed_standard_amount", "computed_subsidy_amount", "computed_allocated_area",
            "standard_source", "adjustment_reason", "note",
        ]  # fmt: skip


class PlanWriteSerializer(serializers.Serializer):
    """测算方案."""

    security_mode = serializers.CharField()
    project_category = serializers.CharField(required=False, allow_blank=True, default="")
    unit_layout = serializers.CharField(required=False, allow_blank=True, default="")
    note = serializers.CharField(required=False, allow_blank=True, default="")


class PlanAdjustSerializer(serializers.Serializer):
    """调整方案."""

    standard_amount = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    subsidy_amount = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    allocated_area = serializers.DecimalField(max_digits=10, decimal_places=2, allow_null=True)
    adjustment_reason = serializers.CharField(allow_blank=True)


class RegistrationSerializer(serializers.Serializer):
    """准予登记 (approve) or 不予登记 (deny with reason)."""

    decision = serializers.ChoiceField(choices=[("approve", "准予登记"), ("deny", "不予登记")])
    opinion = serializers.CharField(required=False, allow_blank=True, default="")
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class RegisterEntrySerializer(serializers.ModelSerializer):
    """准入登记簿 entry (masked)."""

    application_number = serializers.CharField(read_only=True)
    applicant_name = serializers.SerializerMethodField()
    id_number = serializers.CharField(source="id_number_masked", read_only=True)
    phone = serializers.CharField(source="phone_masked", read_only=True)

    class Meta:
        model = RegisterEntry
        fields = [
            "id", "number", "application_number", "applicant_name", "id_type", "id_number", "phone", "household_size",
            "income_per_capita", "assets_total", "floor_area_per_capita", "security_mode", "registered_at",
            "security_started_at", "implemented_mode", "exited_at", "security_state", "region_code",
        ]  # fmt: skip

    def get_applicant_name(self, obj: RegisterEntry) -> str:
        """Masked name."""
        return mask_name(obj.applicant_name)


SUPPLIER_COMMON = [
    "id", "number", "region_code", "target_category", "project_category", "support_mode", "condition_number", "standard_amount",
    "subsidy_due", "payable_amount", "deduction_amount", "requested_amount", "applied_at", "approved_amount", "reviewed_at",
    "reviewing_unit", "review_opinion", "status",
]  # fmt: skip


class SupplierUnitSerializer(serializers.ModelSerializer):
    """供给单位登记审批 (A.3.17)."""

    class Meta:
        model = SupplierUnitApproval
        fields = [*SUPPLIER_COMMON, "organisation_number", "organisation_name", "project_number", "project_name"]
        read_only_fields = [
            "id",
            "number",
            "applied_at",
            "approved_amount",
            "reviewed_at",
            "reviewing_unit",
            "review_opinion",
            "status",
        ]


class SupplierPersonSerializer(serializers.ModelSerializer):
    """供给个人登记审批 (A.3.18); the ID number is write-only, shown masked."""

    id_number = serializers.CharField(write_only=True)
    id_number_masked = serializers.CharField(read_only=True)

    class Meta:
        model = SupplierPersonApproval
        fields = [*SUPPLIER_COMMON, "applicant_name", "id_type", "id_number", "id_number_masked"]
        read_only_fields = [
            "id",
            "number",
            "applied_at",
            "approved_amount",
            "reviewed_at",
            "reviewing_unit",
            "review_opinion",
            "status",
        ]


class SupplierReviewSerializer(serializers.Serializer):
    """审核."""

    approve = serializers.BooleanField()
    approved_amount = serializers.DecimalField(
        max_digits=14, decimal_places=2, required=False, allow_null=True, default=None
    )
    opinion = serializers.CharField(required=False, allow_blank=True, default="")


# --- views -------------------------------------------------------------------------------------------------


class PublicityListCreateView(generics.ListCreateAPIView):
    """公示列表 / 新建公示."""

    serializer_class = PublicitySerializer

    def get_queryset(self) -> Any:
        """Scoped."""
        return sel.publicity_list(user=self.request.user)

    @extend_schema(operation_id="publicity_list", tags=TAG, summary="公示列表")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """List."""
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="publicity_create",
        tags=TAG,
        summary="新建公示",
        request=PublicityWriteSerializer,
        responses={201: PublicityDetailSerializer},
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """publicity_create over applications at the 公示 node."""
        _reader_check(request)
        data = PublicityWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        ids = values.pop("application_ids")
        applications = list(sel.publicity_candidates(user=request.user).filter(pk__in=ids))
        if len(applications) != len(set(ids)):
            raise serializers.ValidationError({"application_ids": ["所选申请不存在、不在管辖范围内或不处于公示环节。"]})
        publicity = publicity_services.publicity_create(applications=applications, acting_user=request.user, **values)
        return Response(PublicityDetailSerializer(publicity).data, status=status.HTTP_201_CREATED)


class PublicityDetailView(APIView):
    """公示详情 (masked list)."""

    @extend_schema(operation_id="publicity_retrieve", tags=TAG, summary="公示详情", responses=PublicityDetailSerializer)
    def get(self, request: Request, pk: int) -> Response:
        """Detail."""
        return Response(PublicityDetailSerializer(sel.publicity_get(user=request.user, pk=pk)).data)


class PublicityActionView(APIView):
    """发布 / 结束公示."""

    action = "publish"

    @extend_schema(tags=TAG, summary="发布或结束公示", request=None, responses=PublicityDetailSerializer)
    def post(self, request: Request, pk: int) -> Response:
        """publicity_publish / publicity_close."""
        publicity = sel.publicity_get(user=request.user, pk=pk)
        if self.action == "publish":
            publicity_services.publicity_publish(publicity=publicity, acting_user=request.user)
        else:
            publicity_services.publicity_close(publicity=publicity, acting_user=request.user)
        return Response(PublicityDetailSerializer(publicity).data)


class ObjectionListCreateView(generics.ListCreateAPIView):
    """举报列表 / 登记举报."""

    serializer_class = ObjectionSerializer

    def get_queryset(self) -> Any:
        """Scoped."""
        return sel.objection_list(user=self.request.user)

    @extend_schema(operation_id="objections_list", tags=TAG, summary="公示期间举报列表")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """List."""
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="objections_create",
        tags=TAG,
        summary="登记举报",
        request=ObjectionWriteSerializer,
        responses={201: ObjectionSerializer},
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """objection_create against a publicity entry in the jurisdiction."""
        _reader_check(request)
        data = ObjectionWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        entry = (
            PublicityEntry.objects.select_related("publicity", "application").filter(pk=values.pop("entry_id")).first()
        )
        if entry is None or not sel.publicity_list(user=request.user).filter(pk=entry.publicity_id).exists():
            raise NotFound("公示名单不存在。")
        objection = objection_services.objection_create(entry=entry, acting_user=request.user, **values)
        return Response(ObjectionSerializer(objection).data, status=status.HTTP_201_CREATED)


class ObjectionDetailView(APIView):
    """举报详情."""

    @extend_schema(operation_id="objections_retrieve", tags=TAG, summary="举报详情", responses=ObjectionSerializer)
    def get(self, request: Request, pk: int) -> Response:
        """Detail."""
        return Response(ObjectionSerializer(sel.objection_get(user=request.user, pk=pk)).data)


class ObjectionVerifyView(APIView):
    """查证举报."""

    @extend_schema(
        operation_id="objections_verify",
        tags=TAG,
        summary="查证举报",
        request=ObjectionVerifySerializer,
        responses=ObjectionSerializer,
    )
    def post(self, request: Request, pk: int) -> Response:
        """登记举报查证情况（服务 objection_verify）。"""
        objection = sel.objection_get(user=request.user, pk=pk)
        data = ObjectionVerifySerializer(data=request.data)
        data.is_valid(raise_exception=True)
        objection_services.objection_verify(objection=objection, acting_user=request.user, **data.validated_data)
        return Response(ObjectionSerializer(objection).data)


class ObjectionDecideView(APIView):
    """处理举报 (成立: 退回审核)."""

    @extend_schema(
        operation_id="objections_decide",
        tags=TAG,
        summary="处理举报",
        request=ObjectionDecideSerializer,
        responses=ObjectionSerializer,
    )
    def post(self, request: Request, pk: int) -> Response:
        """对公示期举报作出处理决定（服务 objection_decide）。"""
        objection = sel.objection_get(user=request.user, pk=pk)
        data = ObjectionDecideSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        objection_services.objection_decide(objection=objection, acting_user=request.user, **data.validated_data)
        return Response(ObjectionSerializer(objection).data)


class HouseholdPlanView(APIView):
    """拟保障实施方案 of an application: read, compute (POST), adjust (PATCH)."""

    @extend_schema(
        operation_id="households_plan_retrieve", tags=TAG, summary="拟保障实施方案", responses=PlanSerializer
    )
    def get(self, request: Request, pk: int) -> Response:
        """The plan or 404."""
        plan = sel.plan_for(user=request.user, application=sel.application_get(user=request.user, pk=pk))
        if plan is None:
            raise NotFound("尚未制定拟保障实施方案。")
        return Response(PlanSerializer(plan).data)

    @extend_schema(
        operation_id="households_plan_create",
        tags=TAG,
        summary="测算拟保障实施方案",
        request=PlanWriteSerializer,
        responses={201: PlanSerializer},
    )
    def post(self, request: Request, pk: int) -> Response:
        """按启用的保障规则测算该户的拟保障实施方案（服务 plan_create）。"""
        application = sel.application_get(user=request.user, pk=pk)
        data = PlanWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        plan = plan_services.plan_create(application=application, acting_user=request.user, **data.validated_data)
        return Response(PlanSerializer(plan).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        operation_id="households_plan_adjust",
        tags=TAG,
        summary="调整拟保障实施方案",
        request=PlanAdjustSerializer,
        responses=PlanSerializer,
    )
    def patch(self, request: Request, pk: int) -> Response:
        """plan_adjust (the computed values are kept)."""
        application = sel.application_get(user=request.user, pk=pk)
        plan = sel.plan_for(user=request.user, application=application)
        if plan is None:
            raise NotFound("尚未制定拟保障实施方案。")
        data = PlanAdjustSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        plan_services.plan_adjust(plan=plan, acting_user=request.user, **data.validated_data)
        return Response(PlanSerializer(plan).data)


class HouseholdRegistrationView(APIView):
    """准予登记 / 不予登记 of an application at the 登记 node."""

    @extend_schema(
        operation_id="households_registration",
        tags=TAG,
        summary="准予登记或不予登记",
        request=RegistrationSerializer,
        responses={200: RegisterEntrySerializer},
    )
    def post(self, request: Request, pk: int) -> Response:
        """application_register / application_register_deny; the notice is archived."""
        application = sel.application_get(user=request.user, pk=pk)
        data = RegistrationSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        if values["decision"] == "approve":
            entry = registration_services.application_register(
                application=application, acting_user=request.user, opinion=values["opinion"]
            )
            return Response(RegisterEntrySerializer(entry).data)
        registration_services.application_register_deny(
            application=application, acting_user=request.user, reason=values["reason"]
        )
        return Response({"status": "denied"})


class RegisterListView(generics.ListAPIView):
    """准入登记簿."""

    serializer_class = RegisterEntrySerializer

    def get_queryset(self) -> Any:
        """Scoped."""
        return sel.register_list(user=self.request.user)

    @extend_schema(operation_id="register_list", tags=TAG, summary="准入登记簿")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """List."""
        return super().get(request, *args, **kwargs)


class RegisterDetailView(APIView):
    """准入登记详情."""

    @extend_schema(
        operation_id="register_retrieve", tags=TAG, summary="准入登记详情", responses=RegisterEntrySerializer
    )
    def get(self, request: Request, pk: int) -> Response:
        """Detail."""
        return Response(RegisterEntrySerializer(sel.register_get(user=request.user, pk=pk)).data)


class SupplierListCreateView(generics.ListCreateAPIView):
    """供给单位/个人登记审批: list and create."""

    kind = "unit"

    def get_serializer_class(self) -> Any:
        """By kind."""
        return SupplierUnitSerializer if self.kind == "unit" else SupplierPersonSerializer

    def get_queryset(self) -> Any:
        """Scoped."""
        if self.kind == "unit":
            return sel.supplier_unit_list(user=self.request.user)
        return sel.supplier_person_list(user=self.request.user)

    @extend_schema(tags=TAG, summary="供给单位/个人登记审批列表")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """List."""
        return super().get(request, *args, **kwargs)

    @extend_schema(tags=TAG, summary="登记供给单位/个人申请")
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """supplier_unit_create / supplier_person_create."""
        _reader_check(request)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        values = dict(serializer.validated_data)
        create = (
            supplier_services.supplier_unit_create if self.kind == "unit" else supplier_services.supplier_person_create
        )
        record = create(acting_user=request.user, **values)
        return Response(self.get_serializer(record).data, status=status.HTTP_201_CREATED)


class SupplierReviewView(APIView):
    """审核供给单位/个人申请."""

    @extend_schema(
        operation_id="suppliers_review",
        tags=TAG,
        summary="审核供给单位/个人申请",
        request=SupplierReviewSerializer,
        responses=SupplierUnitSerializer,
    )
    def post(self, request: Request, kind: str, pk: int) -> Response:
        """审核供给单位或个人的申请（服务 supplier_review）。"""
        if kind not in ("unit", "person"):
            raise NotFound("审批记录不存在。")
        record = sel.supplier_get(user=request.user, kind=kind, pk=pk)
        data = SupplierReviewSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        supplier_services.supplier_review(approval=record, acting_user=request.user, **data.validated_data)
        serializer = SupplierUnitSerializer if kind == "unit" else SupplierPersonSerializer
        return Response(serializer(record).data)
