"""Serializers of the supervision API: reads show every field (codes plus Chinese names, identifiers masked);
writes are plain input checked again by the services.

Choice fields are declared as strings listing their codes in the help text, so the schema has no
enum components of this app to collide with other apps' (`--fail-on-warn`).
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from anju.supervision.choices import (
    CreditGround,
    InspectionResult,
    RepairDecision,
    SanctionKind,
    SubjectKind,
)
from anju.supervision.models import (
    AssessmentBulletin,
    AssessmentResult,
    Complaint,
    ComplaintReply,
    CreditBanRule,
    CreditRecord,
    CreditRepair,
    Inspection,
    StaffAssessment,
    StaffSanction,
    StaffSanctionKind,
    SupplierSanction,
    UnitAssessment,
)

HIDDEN = {"id_number", "contact_phone"}


def codes(choices: Any) -> str:
    """'a 名称；b 名称' for a help text."""
    return "；".join(f"{value} {label}" for value, label in choices)


def read_serializer(
    model: type, extra: tuple[str, ...] = (), nested: dict[str, serializers.Field] | None = None
) -> type[serializers.ModelSerializer]:
    """A read-only serializer of the concrete fields (FKs as ids, no blind indexes or plain identifiers),
    named properties (`extra`) and nested lists."""
    names = [f.name for f in model._meta.concrete_fields if f.name not in HIDDEN and not f.name.endswith("_index")]
    attrs: dict[str, Any] = {"__doc__": f"{model._meta.verbose_name}（只读）."}
    for name in names:
        field = model._meta.get_field(name)
        if getattr(field, "choices", None):
            attrs[name] = serializers.CharField(
                read_only=True, help_text=f"{field.verbose_name}：{codes(field.choices)}"
            )
            attrs[f"{name}_display"] = serializers.CharField(
                source=f"get_{name}_display", read_only=True, help_text=f"{field.verbose_name}名称"
            )
    for name in extra:
        attrs[name] = serializers.CharField(read_only=True)
    attrs.update(nested or {})
    all_fields = [*names, *[k for k in attrs if k.endswith("_display")], *extra, *(nested or {})]
    attrs["Meta"] = type("Meta", (), {"model": model, "fields": all_fields, "read_only_fields": all_fields})
    return type(f"{model.__name__}Serializer", (serializers.ModelSerializer,), attrs)


CreditRepairSerializer = read_serializer(CreditRepair)
CreditRecordSerializer = read_serializer(
    CreditRecord,
    ("id_number_masked", "level_name", "credit_status"),
    {"repairs": CreditRepairSerializer(many=True, read_only=True)},
)
CreditBanRuleSerializer = read_serializer(CreditBanRule)
ComplaintReplySerializer = read_serializer(ComplaintReply)
ComplaintSerializer = read_serializer(
    Complaint, ("contact_phone_masked",), {"replies": ComplaintReplySerializer(many=True, read_only=True)}
)
InspectionSerializer = read_serializer(Inspection)
SupplierSanctionSerializer = read_serializer(SupplierSanction)


class CreditRecordWriteSerializer(serializers.Serializer):
    """列入信用记录."""

    subject_kind = serializers.CharField(help_text=f"对象类别：{codes(SubjectKind.choices)}")
    register_number = serializers.CharField(required=False, allow_blank=True, help_text="登记编号（保障家庭，三选一）")
    application_number = serializers.CharField(
        required=False, allow_blank=True, help_text="申请编号（保障家庭，三选一）"
    )
    id_number = serializers.CharField(
        required=False, allow_blank=True, help_text="当事人身份证号码（保障家庭，三选一）"
    )
    subject_name = serializers.CharField(
        required=False, allow_blank=True, max_length=200, help_text="当事人姓名或供给单位名称"
    )
    credit_code = serializers.CharField(
        required=False, allow_blank=True, max_length=18, help_text="统一社会信用代码（供给单位）"
    )
    region_code = serializers.RegexField(
        r"^\d{12}$", required=False, allow_blank=True, help_text="所属行政区划代码（12 位）"
    )
    level = serializers.CharField(help_text="失信程度（代码表 credit_level）：1 轻微；2 较重；3 严重")
    ground = serializers.CharField(help_text=f"失信行为类别：{codes(CreditGround.choices)}")
    fact = serializers.CharField(max_length=5000, help_text="列入原因（失信事实）")
    evidence = serializers.CharField(required=False, allow_blank=True, max_length=5000, help_text="证据说明")
    listed_on = serializers.DateField(help_text="列入日期")
    publish = serializers.BooleanField(required=False, default=False, help_text="向社会公开（仅严重失信）")


class CreditRepairWriteSerializer(serializers.Serializer):
    """信用修复决定."""

    applied_on = serializers.DateField(help_text="申请修复日期")
    conditions = serializers.CharField(max_length=5000, help_text="修复条件履行情况")
    decision = serializers.CharField(help_text=f"修复决定：{codes(RepairDecision.choices)}")
    opinion = serializers.CharField(
        required=False, allow_blank=True, max_length=5000, help_text="决定意见（不予修复时必填）"
    )


class CreditRevokeWriteSerializer(serializers.Serializer):
    """撤销信用记录."""

    reason = serializers.CharField(max_length=5000, help_text="撤销原因")
    revoked_on = serializers.DateField(required=False, help_text="撤销日期（默认今天）")


class CreditPublishWriteSerializer(serializers.Serializer):
    """向社会公开或取消公开."""

    publish = serializers.BooleanField(help_text="是否在门户网站失信名单中公开")


class BanRuleWriteSerializer(serializers.Serializer):
    """失信惩戒期限."""

    level = serializers.CharField(help_text="失信程度：1 轻微；2 较重；3 严重")
    ground = serializers.CharField(
        required=False, allow_blank=True, help_text=f"失信行为类别（空为默认）：{codes(CreditGround.choices)}"
    )
    ban_years = serializers.IntegerField(min_value=0, max_value=50, help_text="惩戒期限（年）")
    bans_application = serializers.BooleanField(required=False, help_text="惩戒期内禁止申请住房保障")
    repair_allowed = serializers.BooleanField(required=False, help_text="允许信用修复")
    repair_after_months = serializers.IntegerField(
        required=False, min_value=0, max_value=600, help_text="列入后最短修复期限（月）"
    )
    repair_conditions = serializers.CharField(
        required=False, allow_blank=True, max_length=2000, help_text="信用修复条件"
    )
    note = serializers.CharField(required=False, allow_blank=True, max_length=200, help_text="说明")


class ComplaintWriteSerializer(serializers.Serializer):
    """登记投诉咨询."""

    kind = serializers.CharField(help_text="类别：complaint 投诉；consultation 咨询")
    channel = serializers.CharField(
        help_text="投诉方式：complaint_channel 代码（01–06、99）或 letter/visit/phone/online/mobile/email/other"
    )
    title = serializers.CharField(max_length=200, help_text="标题")
    content = serializers.CharField(max_length=5000, help_text="投诉内容")
    contact_name = serializers.CharField(max_length=50, help_text="投诉人")
    contact_phone = serializers.CharField(max_length=20, help_text="投诉人联系电话（手机）")
    contact_address = serializers.CharField(
        required=False, allow_blank=True, max_length=200, help_text="投诉人联系地址"
    )
    contact_email = serializers.EmailField(required=False, allow_blank=True, help_text="投诉人电子邮箱")
    region_code = serializers.RegexField(r"^\d{12}$", help_text="所在区县、街道或社区的 12 位行政区划代码")
    target_number = serializers.CharField(required=False, allow_blank=True, max_length=40, help_text="被投诉对象编号")
    target_name = serializers.CharField(required=False, allow_blank=True, max_length=200, help_text="被投诉对象名称")


class ComplaintAssignWriteSerializer(serializers.Serializer):
    """交办."""

    assignee = serializers.IntegerField(help_text="承办人用户 id（区县保障科或市保障处，管辖范围覆盖该投诉）")
    department = serializers.CharField(required=False, allow_blank=True, max_length=100, help_text="投诉处理部门")


class ComplaintReplyWriteSerializer(serializers.Serializer):
    """答复."""

    body = serializers.CharField(max_length=5000, help_text="答复内容")
    is_public = serializers.BooleanField(required=False, default=True, help_text="投诉人可见（否为内部办理记录）")


class ComplaintCloseWriteSerializer(serializers.Serializer):
    """办结."""

    handling_opinion = serializers.CharField(max_length=5000, help_text="投诉处理意见")
    verification_method = serializers.CharField(
        required=False, allow_blank=True, max_length=100, help_text="投诉查证方式"
    )
    verification_result = serializers.CharField(
        required=False, allow_blank=True, help_text="投诉查证结果（代码表 verification_result）"
    )
    handling_department = serializers.CharField(
        required=False, allow_blank=True, max_length=100, help_text="投诉处理部门"
    )
    handled_on = serializers.DateField(required=False, help_text="投诉处理日期（默认今天）")
    credit_listed = serializers.BooleanField(required=False, default=False, help_text="是否列入信用档案")


class InspectionWriteSerializer(serializers.Serializer):
    """专项检查."""

    region_code = serializers.RegexField(r"^\d{12}$", required=False, help_text="所属行政区划代码（新增时必填）")
    inspected_on = serializers.DateField(required=False, help_text="检查日期")
    department = serializers.CharField(required=False, max_length=100, help_text="检查负责部门")
    leader = serializers.CharField(required=False, max_length=50, help_text="检查负责人")
    content = serializers.CharField(required=False, help_text="检查内容")
    target = serializers.CharField(required=False, max_length=200, help_text="检查对象")
    result_kind = serializers.CharField(required=False, help_text=f"检查结论：{codes(InspectionResult.choices)}")
    result = serializers.CharField(required=False, help_text="检查结果")
    resolution = serializers.CharField(required=False, allow_blank=True, help_text="问题处理结果")
    resolved_on = serializers.DateField(required=False, allow_null=True, help_text="问题处理日期")
    resolved_by = serializers.CharField(required=False, allow_blank=True, max_length=50, help_text="问题处理人")
    credit_listed = serializers.BooleanField(required=False, help_text="是否列入信用档案")


class SanctionWriteSerializer(serializers.Serializer):
    """支持对象行政奖罚."""

    region_code = serializers.RegexField(r"^\d{12}$", required=False, help_text="所属行政区划代码（新增时必填）")
    decided_on = serializers.DateField(required=False, help_text="奖罚日期")
    kind = serializers.CharField(required=False, help_text=f"奖罚类别：{codes(SanctionKind.choices)}")
    supplier_number = serializers.CharField(required=False, max_length=40, help_text="支持对象编号")
    supplier_name = serializers.CharField(required=False, max_length=200, help_text="支持对象名称")
    reason = serializers.CharField(required=False, help_text="奖罚原因")
    result = serializers.CharField(required=False, help_text="奖罚结果")
    decided_by = serializers.CharField(required=False, allow_blank=True, max_length=100, help_text="决定机关")


class PublicCreditEntrySerializer(serializers.Serializer):
    """失信名单的一行（已脱敏）."""

    name = serializers.CharField(help_text="当事人（仅姓氏）或单位名称")
    identifier = serializers.CharField(help_text="身份证号码（前 6 后 4）或统一社会信用代码")
    subject_kind = serializers.CharField(help_text="对象类别")
    level = serializers.CharField(help_text="失信程度")
    ground = serializers.CharField(help_text="失信行为类别")
    region_code = serializers.CharField(help_text="行政区划代码")
    listed_on = serializers.DateField(help_text="列入日期")
    ban_until = serializers.DateField(help_text="惩戒截止日期")


# ---------------------------------------------------------------- 考核 (A.10.5–A.10.8)

RESULT_HELP = f"考核结果：{codes(AssessmentResult.choices)}"


def _assessment_read(model: type) -> type[serializers.ModelSerializer]:
    """The read serializer of a 考核 record: every field (the deletion mark too), the staff name masked only."""
    base = read_serializer(model, extra=("staff_name_masked",) if hasattr(model, "staff_name_masked") else ())
    fields = [name for name in base.Meta.fields if name != "staff_name"]
    attrs: dict[str, Any] = {"__doc__": base.__doc__}
    if "staff_name_masked" in fields:
        attrs["staff_name_masked"] = serializers.CharField(read_only=True, help_text="姓名（脱敏：姓 + *）")
    attrs["Meta"] = type("Meta", (base.Meta,), {"fields": fields, "read_only_fields": fields})
    return type(model.__name__ + "Serializer", (base,), attrs)


UnitAssessmentSerializer = _assessment_read(UnitAssessment)
AssessmentBulletinSerializer = _assessment_read(AssessmentBulletin)
StaffAssessmentSerializer = _assessment_read(StaffAssessment)
StaffSanctionSerializer = _assessment_read(StaffSanction)


def _score(help_text: str, **kwargs: Any) -> serializers.DecimalField:
    return serializers.DecimalField(
        max_digits=5, decimal_places=1, min_value=0, max_value=100, help_text=f"{help_text}（0–100）", **kwargs
    )


class UnitAssessmentWriteSerializer(serializers.Serializer):
    """住房保障工作规范化考核 (A.10.5)."""

    region_code = serializers.RegexField(r"^\d{12}$", required=False, help_text="所属行政区划代码（新增时必填）")
    assessed_on = serializers.DateField(required=False, help_text="考核日期")
    unit_number = serializers.CharField(required=False, max_length=40, help_text="被考核单位编号")
    unit_name = serializers.CharField(required=False, max_length=200, help_text="被考核单位名称")
    department = serializers.CharField(required=False, max_length=100, help_text="考核部门")
    content = serializers.CharField(required=False, help_text="考核内容")
    score = _score("考核得分", required=False)
    result = serializers.CharField(required=False, help_text=RESULT_HELP)
    assessor = serializers.CharField(required=False, max_length=50, help_text="考核人")


class AssessmentBulletinWriteSerializer(serializers.Serializer):
    """住房保障工作规范化考核结果通报和备案 (A.10.6)."""

    region_code = serializers.RegexField(
        r"^\d{12}$", required=False, help_text="所属行政区划代码（新增时默认取考核记录的）"
    )
    assessment = serializers.PrimaryKeyRelatedField(
        queryset=UnitAssessment.objects.all(), required=False, help_text="规范化考核记录 id（新增时必填）"
    )
    unit_number = serializers.CharField(required=False, max_length=40, help_text="被考核单位编号（默认取考核记录的）")
    unit_name = serializers.CharField(required=False, max_length=200, help_text="被考核单位名称（默认取考核记录的）")
    total_score = _score("考核总分（默认取考核得分）", required=False)
    result = serializers.CharField(required=False, help_text=f"{RESULT_HELP}（默认取考核记录的）")
    opinion = serializers.CharField(required=False, help_text="考核意见")
    notified_on = serializers.DateField(required=False, help_text="通报日期（不早于考核日期）")
    filed_on = serializers.DateField(required=False, allow_null=True, help_text="备案日期（不早于通报日期）")


class StaffAssessmentWriteSerializer(serializers.Serializer):
    """行政机关工作人员考核评价信息 (A.10.7)."""

    region_code = serializers.RegexField(r"^\d{12}$", required=False, help_text="所属行政区划代码（新增时必填）")
    assessed_on = serializers.DateField(required=False, help_text="考核日期")
    department = serializers.CharField(required=False, max_length=100, help_text="考核部门")
    leader = serializers.CharField(required=False, max_length=50, help_text="考核负责人")
    staff_number = serializers.CharField(required=False, max_length=40, help_text="被考核对象编号（工作人员编号）")
    staff_name = serializers.CharField(
        required=False, max_length=50, write_only=True, help_text="被考核对象名称（加密保存，读取时脱敏）"
    )
    content = serializers.CharField(required=False, help_text="考核内容")
    score = _score("考核分值", required=False)
    assessor = serializers.CharField(required=False, max_length=50, help_text="考核人")


class StaffSanctionWriteSerializer(serializers.Serializer):
    """行政机关工作人员行政奖罚及通报 (A.10.8)."""

    region_code = serializers.RegexField(
        r"^\d{12}$", required=False, help_text="所属行政区划代码（新增时必填，关联考核评价时默认取其区划）"
    )
    staff_assessment = serializers.PrimaryKeyRelatedField(
        queryset=StaffAssessment.objects.all(),
        required=False,
        allow_null=True,
        help_text="工作人员考核评价 id（可选；关联后工作人员编号、姓名、考核总分默认取其值）",
    )
    staff_number = serializers.CharField(required=False, max_length=40, help_text="工作人员编号")
    staff_name = serializers.CharField(
        required=False, max_length=50, write_only=True, help_text="工作人员姓名（加密保存，读取时脱敏）"
    )
    total_score = _score("考核总分", required=False)
    result = serializers.CharField(required=False, help_text=RESULT_HELP)
    kind = serializers.CharField(required=False, help_text=f"奖罚类别：{codes(StaffSanctionKind.choices)}")
    reason = serializers.CharField(required=False, help_text="奖罚原因")
    sanction_result = serializers.CharField(required=False, help_text="奖罚结果")
    decided_on = serializers.DateField(required=False, help_text="奖罚日期（不早于考核日期）")
    notified_on = serializers.DateField(required=False, allow_null=True, help_text="通报日期（不早于奖罚日期）")


class AssessmentDeleteWriteSerializer(serializers.Serializer):
    """删除 a 考核 record."""

    reason = serializers.CharField(max_length=200, help_text="删除原因")
