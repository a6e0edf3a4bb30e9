"""Serializers of the rounds API: reads show codes and Chinese names; writes are plain inputs for the services."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from anju.core.masking import mask_name
from anju.distribution.models import AllocationRound, Lottery, QueueEntry, QueueReorder, Selection


class RoundSerializer(serializers.ModelSerializer):
    """配给批次（只读）."""

    method = serializers.CharField(read_only=True, help_text="配给方式：waitlist 按轮候顺序 / lottery 摇号")
    method_display = serializers.CharField(source="get_method_display", read_only=True)
    state = serializers.CharField(read_only=True, help_text="批次状态：draft/ordered/committed/drawn/selecting/closed")
    state_display = serializers.CharField(source="get_state_display", read_only=True)
    plan_number = serializers.CharField(source="plan.number", read_only=True)
    ordering_scheme_name = serializers.SerializerMethodField(help_text="轮候排队规则名称")

    class Meta:
        model = AllocationRound
        fields = [
            "id",
            "number",
            "name",
            "region_code",
            "plan",
            "plan_number",
            "method",
            "method_display",
            "ordering_scheme",
            "ordering_scheme_name",
            "state",
            "state_display",
            "selection_starts_at",
            "window_minutes",
            "tie_break_seed",
            "ordered_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_ordering_scheme_name(self, obj: AllocationRound) -> str:
        """The scheme's name, or ""."""
        return obj.ordering_scheme.name if obj.ordering_scheme_id else ""


class RoundCreateSerializer(serializers.Serializer):
    """新建配给批次."""

    plan = serializers.IntegerField(help_text="已发布的资源配置方案 id")
    method = serializers.CharField(default="waitlist", help_text="waitlist 按轮候顺序 / lottery 摇号")
    name = serializers.CharField(required=False, allow_blank=True, default="", max_length=100)
    window_minutes = serializers.IntegerField(default=30, min_value=1, max_value=1440)


class ReorderSerializer(serializers.ModelSerializer):
    """顺序调整决定."""

    decided_by_name = serializers.CharField(source="decided_by.full_name", read_only=True)

    class Meta:
        model = QueueReorder
        fields = [
            "id",
            "from_position",
            "to_position",
            "reason",
            "decision_number",
            "decided_by",
            "decided_by_name",
            "decided_at",
        ]
        read_only_fields = fields


class QueueEntrySerializer(serializers.ModelSerializer):
    """保障对象配给顺序 (A.7.1) with its explanation and the decisions that moved it."""

    register_number = serializers.CharField(source="register_entry.number", read_only=True)
    applicant_name = serializers.SerializerMethodField(help_text="申请人（脱敏）")
    reorders = ReorderSerializer(many=True, read_only=True)

    class Meta:
        model = QueueEntry
        fields = [
            "id",
            "round",
            "register_entry",
            "register_number",
            "applicant_name",
            "group",
            "group_rank",
            "position",
            "computed_position",
            "points",
            "explanation",
            "tie_breaker_value",
            "reorders",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_applicant_name(self, obj: QueueEntry) -> str:
        """Masked name."""
        return mask_name(obj.register_entry.applicant_name)


class QueueReorderInputSerializer(serializers.Serializer):
    """调整轮候顺序（须有决定文号和原因）."""

    to_position = serializers.IntegerField(min_value=1)
    reason = serializers.CharField(max_length=500, allow_blank=True)
    decision_number = serializers.CharField(max_length=60, allow_blank=True)


class LotterySerializer(serializers.ModelSerializer):
    """摇号（种子只在摇号后出现）."""

    state = serializers.CharField(read_only=True, help_text="committed 已公布承诺 / drawn 已摇号")
    state_display = serializers.CharField(source="get_state_display", read_only=True)
    public_url = serializers.SerializerMethodField(help_text="公开核验页面地址")

    class Meta:
        model = Lottery
        fields = [
            "id",
            "number",
            "round",
            "algorithm",
            "participant_count",
            "participants_digest",
            "seed_commitment",
            "seed",
            "winners_count",
            "substitutes_count",
            "state",
            "state_display",
            "committed_at",
            "draw_at",
            "drawn_at",
            "result_digest",
            "notary",
            "public_url",
        ]
        read_only_fields = fields

    def get_public_url(self, obj: Lottery) -> str:
        """/distribution/public/lottery/<number>/."""
        from django.urls import reverse

        return reverse("distribution:lottery_public", args=[obj.number])


class LotteryCommitSerializer(serializers.Serializer):
    """公布摇号名单和种子承诺."""

    winners_count = serializers.IntegerField(required=False, allow_null=True, min_value=1, help_text="默认等于房源套数")
    substitutes_count = serializers.IntegerField(default=0, min_value=0)
    draw_at = serializers.DateTimeField(required=False, allow_null=True)
    notary = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)


class LotteryDrawSerializer(serializers.Serializer):
    """摇号：种子可由公证人员输入（须与承诺一致），留空则公开密封的种子."""

    seed = serializers.CharField(required=False, allow_blank=True, default="", max_length=128)


class LotteryVerificationSerializer(serializers.Serializer):
    """摇号核验结果."""

    ok = serializers.BooleanField()
    verdict = serializers.CharField()
    commitment_ok = serializers.BooleanField()
    list_ok = serializers.BooleanField()
    result_ok = serializers.BooleanField()
    mismatches = serializers.ListField(child=serializers.CharField())
    recomputed_result_digest = serializers.CharField(allow_blank=True)


def verification_data(verification: Any) -> dict[str, Any]:
    """A Verification as the serializer's data."""
    return {
        "ok": verification.ok,
        "verdict": verification.verdict,
        "commitment_ok": verification.commitment_ok,
        "list_ok": verification.list_ok,
        "result_ok": verification.result_ok,
        "mismatches": verification.mismatches,
        "recomputed_result_digest": verification.recomputed.result_digest if verification.recomputed else "",
    }


class SelectionSerializer(serializers.ModelSerializer):
    """保障对象选房 (A.7.2)."""

    register_number = serializers.CharField(source="register_entry.number", read_only=True)
    applicant_name = serializers.SerializerMethodField(help_text="申请人（脱敏）")
    unit_number = serializers.SerializerMethodField(help_text="房屋编号")
    status = serializers.CharField(read_only=True, help_text="waiting/chosen/confirmed/waived/missed")
    status_display = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = Selection
        fields = [
            "id",
            "round",
            "register_entry",
            "register_number",
            "applicant_name",
            "order",
            "window_start",
            "window_end",
            "unit",
            "unit_number",
            "status",
            "status_display",
            "status_reason",
            "chosen_at",
            "is_reviewed",
            "reviewed_at",
            "reviewed_by",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_applicant_name(self, obj: Selection) -> str:
        """Masked name."""
        return mask_name(obj.register_entry.applicant_name)

    def get_unit_number(self, obj: Selection) -> str:
        """The unit's number, or ""."""
        return obj.unit.number if obj.unit_id else ""


class SelectionsOpenSerializer(serializers.Serializer):
    """开始选房."""

    starts_at = serializers.DateTimeField()
    window_minutes = serializers.IntegerField(required=False, min_value=1, max_value=1440)


class ChooseSerializer(serializers.Serializer):
    """选房：住房 id."""

    unit = serializers.IntegerField()


class ReasonSerializer(serializers.Serializer):
    """原因."""

    reason = serializers.CharField(max_length=200, allow_blank=True)


class CountSerializer(serializers.Serializer):
    """How many records an action touched."""

    count = serializers.IntegerField()
