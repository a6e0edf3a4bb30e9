"""API v1 of the admission process: submit, process state and rule check, decisions, batch review, verification."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema, extend_schema_serializer
from rest_framework import generics, serializers, status
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from anju.admission.api.serializers import HouseholdDetailSerializer
from anju.admission.forms_review import ACTION_CHOICES
from anju.admission.models import Verification, VerificationConclusion, VerificationKind, VerificationReport
from anju.admission.permissions import READER_ROLES
from anju.admission.selectors import household_get, household_list
from anju.admission.selectors_process import verification_get, verification_list
from anju.admission.services import application_submit, process, review, verification
from anju.admission.validation import code_name

TAG = ["准入登记"]


def _reader_check(request: Request) -> None:
    if not request.user.has_role(*READER_ROLES):
        raise ApiPermissionDenied("您无权办理准入审核。")


class RuleItemSerializer(serializers.Serializer):
    """One line of the rule explanation."""

    text = serializers.CharField()
    verdict = serializers.BooleanField(allow_null=True)
    depth = serializers.IntegerField()


class RuleCheckSerializer(serializers.Serializer):
    """The eligibility rule check of an application."""

    available = serializers.BooleanField()
    ok = serializers.BooleanField(required=False)
    eligible = serializers.BooleanField(required=False, allow_null=True)
    decision = serializers.CharField(required=False)
    decided_at = serializers.DateTimeField(required=False, allow_null=True)
    message = serializers.CharField(required=False)
    items = RuleItemSerializer(many=True, required=False)


class ProcessSerializer(serializers.Serializer):
    """Where an application is in the admission process."""

    status = serializers.CharField()
    status_name = serializers.CharField()
    instance_number = serializers.CharField(allow_null=True)
    node = serializers.CharField(allow_null=True)
    node_name = serializers.CharField(allow_null=True)
    task_id = serializers.IntegerField(allow_null=True)
    may_act = serializers.BooleanField()
    missing_materials = serializers.ListField(child=serializers.CharField())
    rule_check = RuleCheckSerializer(allow_null=True)


def _process_data(request: Request, application: Any) -> dict[str, Any]:
    from anju.admission.views_process import process_summary

    summary = process_summary(user=request.user, application=application)
    node = summary["node"]
    return {
        "status": application.status,
        "status_name": application.get_status_display(),
        "instance_number": summary["instance"].number if summary["instance"] else None,
        "node": node.code if node else None,
        "node_name": node.name if node else None,
        "task_id": summary["task"].pk if summary["task"] else None,
        "may_act": summary["may_act"],
        "missing_materials": summary["missing_materials"],
        "rule_check": process.rule_check_latest(application),
    }


class HouseholdSubmitView(APIView):
    """提交申请 (starts the admission process) or re-submit after 补正."""

    @extend_schema(operation_id="households_submit", tags=TAG, summary="提交申请", request=None, responses=HouseholdDetailSerializer)
    def post(self, request: Request, pk: int) -> Response:
        """提交申请，启动准入审核流程（服务 application_submit）。"""
        application = household_get(user=request.user, pk=pk)
        application_submit(application=application, acting_user=request.user)
        return Response(HouseholdDetailSerializer(household_get(user=request.user, pk=pk)).data)


class HouseholdProcessView(APIView):
    """办理进度 with the latest rule check."""

    @extend_schema(operation_id="households_process", tags=TAG, summary="办理进度与规则审查", responses=ProcessSerializer)
    def get(self, request: Request, pk: int) -> Response:
        """Current node, task and rule check."""
        _reader_check(request)
        application = household_get(user=request.user, pk=pk)
        return Response(ProcessSerializer(_process_data(request, application)).data)


class HouseholdRuleCheckView(APIView):
    """重新审查."""

    @extend_schema(operation_id="households_rule_check", tags=TAG, summary="规则审查（记录判定）", request=None, responses=RuleCheckSerializer)
    def post(self, request: Request, pk: int) -> Response:
        """Evaluate now and record."""
        _reader_check(request)
        application = household_get(user=request.user, pk=pk)
        result = process.application_rule_check(application=application, acting_user=request.user)
        result = {k: v for k, v in result.items() if k != "raw"}
        return Response(RuleCheckSerializer(result).data)


class DecisionSerializer(serializers.Serializer):
    """同意 / 不同意 / 退回 with an opinion."""

    action = serializers.ChoiceField(choices=ACTION_CHOICES)
    opinion = serializers.CharField(required=False, allow_blank=True, default="", max_length=1000)


class HouseholdDecisionView(APIView):
    """办理当前环节."""

    @extend_schema(operation_id="households_decision", tags=TAG, summary="办理当前审核环节", request=DecisionSerializer, responses=ProcessSerializer)
    def post(self, request: Request, pk: int) -> Response:
        """review_decide / review_return."""
        _reader_check(request)
        application = household_get(user=request.user, pk=pk)
        serializer = DecisionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        action, opinion = serializer.validated_data["action"], serializer.validated_data["opinion"]
        if action == "return":
            application = review.review_return(application=application, opinion=opinion, acting_user=request.user)
        else:
            application = review.review_decide(application=application, decision=action, opinion=opinion, acting_user=request.user)
        return Response(ProcessSerializer(_process_data(request, application)).data)


class BatchSerializer(DecisionSerializer):
    """Many applications with one opinion."""

    applications = serializers.ListField(child=serializers.IntegerField(), min_length=1, max_length=500)


class BatchRowSerializer(serializers.Serializer):
    """The result of one application."""

    application_id = serializers.IntegerField()
    number = serializers.CharField()
    ok = serializers.BooleanField()
    message = serializers.CharField()


class ReviewBatchView(APIView):
    """批量审核: one failure does not stop the rest; per-row results."""

    @extend_schema(operation_id="households_review_batch", tags=TAG, summary="批量审核", request=BatchSerializer, responses=BatchRowSerializer(many=True))
    def post(self, request: Request) -> Response:
        """review_batch over the visible applications; unknown ids are reported as not found."""
        _reader_check(request)
        serializer = BatchSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        ids = serializer.validated_data["applications"]
        found = {a.pk: a for a in household_list(user=request.user).filter(pk__in=ids)}
        rows = review.review_batch(
            applications=[found[pk] for pk in ids if pk in found], action=serializer.validated_data["action"],
            opinion=serializer.validated_data["opinion"], acting_user=request.user,
        )  # fmt: skip
        data = [{"application_id": r.application_id, "number": r.number, "ok": r.ok, "message": r.message} for r in rows]
        data += [{"application_id": pk, "number": "", "ok": False, "message": "记录不存在或不在您的管辖范围内。"} for pk in ids if pk not in found]
        return Response(BatchRowSerializer(data, many=True).data)


@extend_schema_serializer(component_name="HouseholdVerification")
class VerificationSerializer(serializers.ModelSerializer):
    """A verification request (read); component `HouseholdVerification` (distribution has its own `Verification`)."""

    application_number = serializers.CharField(source="application.number", read_only=True)
    applicant_name = serializers.CharField(source="application.applicant_name", read_only=True)
    kind_name = serializers.CharField(source="get_kind_display", read_only=True)
    status_name = serializers.CharField(source="get_status_display", read_only=True)
    result_name = serializers.SerializerMethodField()
    assignee_label = serializers.CharField(read_only=True)

    class Meta:
        model = Verification
        fields = [
            "id", "number", "application", "application_number", "applicant_name", "kind", "kind_name", "request_note",
            "assignee_organisation", "assignee", "assignee_label", "assigned_by", "assigned_at", "due_date", "status",
            "status_name", "result", "result_name", "result_detail", "answered_by", "answered_at",
        ]  # fmt: skip
        read_only_fields = fields

    def get_result_name(self, obj: Verification) -> str:
        """核查结果 name."""
        return code_name(obj, "result")


class VerificationAssignSerializer(serializers.Serializer):
    """核查指派 input."""

    kind = serializers.ChoiceField(choices=VerificationKind.choices)
    assignee_organisation = serializers.IntegerField(required=False, allow_null=True)
    assignee = serializers.IntegerField(required=False, allow_null=True)
    request_note = serializers.CharField(required=False, allow_blank=True, default="")
    due_date = serializers.DateField(required=False, allow_null=True)


class HouseholdVerificationsView(generics.GenericAPIView):
    """核查 of one application: list and assign."""

    serializer_class = VerificationSerializer
    queryset = Verification.objects.none()  # for the schema only; the views read through household_get

    @extend_schema(operation_id="households_verifications_list", tags=TAG, summary="申请的核查请求", responses=VerificationSerializer(many=True))
    def get(self, request: Request, pk: int) -> Response:
        """The application's verification requests."""
        _reader_check(request)
        application = household_get(user=request.user, pk=pk)
        return Response(VerificationSerializer(application.verifications.order_by("id"), many=True).data)

    @extend_schema(operation_id="households_verifications_create", tags=TAG, summary="核查指派", request=VerificationAssignSerializer, responses={201: VerificationSerializer})
    def post(self, request: Request, pk: int) -> Response:
        """核查指派：向协同部门指派核查事项（服务 verification_assign）。"""
        from anju.accounts.models import Organisation, User

        _reader_check(request)
        application = household_get(user=request.user, pk=pk)
        serializer = VerificationAssignSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        organisation_id, user_id = data.pop("assignee_organisation", None), data.pop("assignee", None)
        organisation = Organisation.objects.filter(pk=organisation_id).first() if organisation_id else None
        assignee = User.objects.filter(pk=user_id).first() if user_id else None
        if (organisation_id and organisation is None) or (user_id and assignee is None):
            from django.core.exceptions import ValidationError

            raise ValidationError({"assignee": ["核查单位或核查人不存在。"]})
        item = verification.verification_assign(
            application=application, acting_user=request.user, assignee_organisation=organisation, assignee=assignee, **data
        )
        return Response(VerificationSerializer(item).data, status=status.HTTP_201_CREATED)


class VerificationListView(generics.ListAPIView):
    """核查请求: reviewers see their jurisdiction's, 协同部门 users those assigned to them."""

    serializer_class = VerificationSerializer

    def get_queryset(self) -> Any:
        """Scoped."""
        return verification_list(user=self.request.user)

    @extend_schema(operation_id="verifications_list", tags=TAG, summary="核查请求列表")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """List."""
        return super().get(request, *args, **kwargs)


class VerificationDetailView(APIView):
    """One verification request."""

    @extend_schema(operation_id="verifications_retrieve", tags=TAG, summary="核查请求详情", responses=VerificationSerializer)
    def get(self, request: Request, pk: int) -> Response:
        """Detail (404 when not visible)."""
        return Response(VerificationSerializer(verification_get(user=request.user, pk=pk)).data)


class VerificationAnswerSerializer(serializers.Serializer):
    """核查结果 input (files: multipart `attachments`)."""

    result = serializers.CharField()
    result_detail = serializers.CharField()
    attachments = serializers.ListField(child=serializers.FileField(), required=False, default=list)


class VerificationAnswerView(APIView):
    """反馈核查结果."""

    @extend_schema(operation_id="verifications_answer", tags=TAG, summary="反馈核查结果", request=VerificationAnswerSerializer, responses=VerificationSerializer)
    def post(self, request: Request, pk: int) -> Response:
        """协同部门反馈核查结果（服务 verification_answer）。"""
        item = verification_get(user=request.user, pk=pk)
        serializer = VerificationAnswerSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        item = verification.verification_answer(verification=item, acting_user=request.user, **serializer.validated_data)
        return Response(VerificationSerializer(item).data)


class ConclusionSerializer(serializers.Serializer):
    """核查结论认定 input."""

    conclusion = serializers.ChoiceField(choices=VerificationConclusion.choices)
    opinion = serializers.CharField()


class ReportSerializer(serializers.ModelSerializer):
    """核查报告."""

    conclusion_name = serializers.CharField(source="get_conclusion_display", read_only=True)
    archive_file = serializers.PrimaryKeyRelatedField(
        read_only=True, help_text="核查报告PDF的电子档案文件 ID（下载：/api/v1/archive/files/{id}/download/ 或页面“下载PDF”）"
    )

    class Meta:
        model = VerificationReport
        fields = [
            "id", "number", "application", "conclusion", "conclusion_name", "opinion", "concluded_by", "concluded_at",
            "archive_file",
        ]
        read_only_fields = fields


class HouseholdConclusionView(APIView):
    """核查结论认定."""

    @extend_schema(operation_id="households_conclusion", tags=TAG, summary="核查结论认定", request=ConclusionSerializer, responses={201: ReportSerializer})
    def post(self, request: Request, pk: int) -> Response:
        """核查结论认定：根据各部门核查结果认定是否符合条件，并生成核查报告（服务 verification_conclude）。"""
        _reader_check(request)
        application = household_get(user=request.user, pk=pk)
        serializer = ConclusionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        report = verification.verification_conclude(application=application, acting_user=request.user, **serializer.validated_data)
        return Response(ReportSerializer(report).data, status=status.HTTP_201_CREATED)
