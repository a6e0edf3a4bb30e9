"""Enumerations of the 监督管理 subsystem (the coded Appendix A values use code tables; see models)."""

from django.db import models

# 信用等级（失信程度） codes of the `credit_level` code table, ordered from light to grave.
LEVEL_MINOR, LEVEL_SERIOUS, LEVEL_SEVERE = "1", "2", "3"
CREDIT_LEVEL_NAMES = {LEVEL_MINOR: "轻微失信", LEVEL_SERIOUS: "较重失信", LEVEL_SEVERE: "严重失信"}
# The rules app's credit status code (anju.rules.factors.CREDIT_STATUS_NAMES) of each level.
LEVEL_STATUS = {LEVEL_MINOR: "minor", LEVEL_SERIOUS: "serious", LEVEL_SEVERE: "severe"}


class SubjectKind(models.TextChoices):
    """Who a credit record is about."""

    HOUSEHOLD = "household", "保障对象（家庭）"
    SUPPLIER = "supplier", "支持对象（供给单位）"


class CreditGround(models.TextChoices):
    """失信行为类别: the ground of a credit record (the ban period is configured per level and ground)."""

    FALSE_INFORMATION = "false_information", "隐瞒或虚报信息骗取保障"
    SUBLET = "sublet", "转租、转借或擅自调换保障房"
    CHANGED_USE = "changed_use", "改变保障房用途"
    VACANT = "vacant", "无正当理由闲置保障房"
    RENT_ARREARS = "rent_arrears", "无正当理由拖欠租金"
    DAMAGE = "damage", "故意损毁保障房及设施"
    REFUSE_EXIT = "refuse_exit", "拒不腾退保障房"
    SUPPLIER_QUALITY = "supplier_quality", "供给单位工程质量或运营违规"
    SUPPLIER_FRAUD = "supplier_fraud", "供给单位骗取补贴或支持"
    OTHER = "other", "其他失信行为"


class CreditState(models.TextChoices):
    """信用状态 of a record: in force, repaired (信用修复) or revoked (撤销)."""

    ACTIVE = "active", "有效"
    REPAIRED = "repaired", "已修复"
    REVOKED = "revoked", "已撤销"


class RepairDecision(models.TextChoices):
    """信用修复决定."""

    APPROVED = "approved", "准予修复"
    REJECTED = "rejected", "不予修复"


class ComplaintKind(models.TextChoices):
    """投诉或咨询."""

    COMPLAINT = "complaint", "投诉"
    CONSULTATION = "consultation", "咨询"


class ComplaintStatus(models.TextChoices):
    """Handling state of a complaint or consultation."""

    SUBMITTED = "submitted", "待受理"
    ASSIGNED = "assigned", "办理中"
    REPLIED = "replied", "已答复"
    CLOSED = "closed", "已办结"


OPEN_COMPLAINT_STATUSES = (ComplaintStatus.SUBMITTED, ComplaintStatus.ASSIGNED, ComplaintStatus.REPLIED)

# Channel names the portal and API may use instead of the `complaint_channel` codes.
CHANNEL_ALIASES = {
    "letter": "01",
    "visit": "02",
    "phone": "03",
    "online": "04",
    "mobile": "05",
    "email": "06",
    "other": "99",
}


class InspectionResult(models.TextChoices):
    """检查结果."""

    PASSED = "passed", "未发现问题"
    PROBLEMS = "problems", "发现问题"


class SanctionKind(models.TextChoices):
    """奖罚类别 of a supplier's administrative reward or penalty."""

    REWARD = "reward", "奖励"
    PENALTY = "penalty", "处罚"
