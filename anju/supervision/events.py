"""Domain events of the 监督管理 subsystem (detail.event of the audit record) and their Chinese names."""

from django.db import models


class SupervisionEvent(models.TextChoices):
    """Stable ids of the supervision domain events."""

    CREDIT_RECORDED = "SUPERVISION_CREDIT_RECORDED", "列入信用记录"
    CREDIT_REPAIR_DECIDED = "SUPERVISION_CREDIT_REPAIR_DECIDED", "信用修复决定"
    CREDIT_REVOKED = "SUPERVISION_CREDIT_REVOKED", "撤销信用记录"
    CREDIT_PUBLISH_CHANGED = "SUPERVISION_CREDIT_PUBLISH_CHANGED", "变更信用记录公开"
    BAN_RULE_SAVED = "SUPERVISION_BAN_RULE_SAVED", "保存失信惩戒期限"
    COMPLAINT_SUBMITTED = "SUPERVISION_COMPLAINT_SUBMITTED", "受理投诉咨询"
    COMPLAINT_ASSIGNED = "SUPERVISION_COMPLAINT_ASSIGNED", "交办投诉"
    COMPLAINT_REPLIED = "SUPERVISION_COMPLAINT_REPLIED", "答复投诉"
    COMPLAINT_CLOSED = "SUPERVISION_COMPLAINT_CLOSED", "办结投诉"
    INSPECTION_SAVED = "SUPERVISION_INSPECTION_SAVED", "保存专项检查"
    SANCTION_SAVED = "SUPERVISION_SANCTION_SAVED", "保存行政奖罚"
