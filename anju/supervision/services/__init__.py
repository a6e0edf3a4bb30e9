"""Writes of the 监督管理 subsystem (each in a transaction, audited)."""

from anju.supervision.services.assessment import (
    assessment_bulletin_save,
    assessment_record_delete,
    assessment_record_restore,
    staff_assessment_save,
    staff_sanction_save,
    unit_assessment_save,
)
from anju.supervision.services.complaints import (
    complaint_assign,
    complaint_close,
    complaint_reply,
    complaint_submit,
)
from anju.supervision.services.credit import (
    ban_rule_save,
    ban_terms,
    credit_record_create,
    credit_record_publish_set,
    credit_record_repair,
    credit_record_revoke,
)
from anju.supervision.services.oversight import inspection_save, sanction_save

__all__ = [
    "assessment_bulletin_save",
    "assessment_record_delete",
    "assessment_record_restore",
    "ban_rule_save",
    "ban_terms",
    "complaint_assign",
    "complaint_close",
    "complaint_reply",
    "complaint_submit",
    "credit_record_create",
    "credit_record_publish_set",
    "credit_record_repair",
    "credit_record_revoke",
    "inspection_save",
    "sanction_save",
    "staff_assessment_save",
    "staff_sanction_save",
    "unit_assessment_save",
]
