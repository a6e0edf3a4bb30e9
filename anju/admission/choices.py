"""Choices and code-table bindings of the admission app.

Workflow-like states are Django choices (the full admission process arrives with the workflow
app); every other enumeration of Appendix A is stored as a code of a 代码表 (`core.Dictionary`),
named per field in `FIELD_DICTIONARIES` and checked by `anju.admission.validation`.
"""

from django.db import models


class ApplicationStatus(models.TextChoices):
    """办理阶段 of an application; follows the nodes of the admission workflow (hooks.py)."""

    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "已提交"
    ACCEPTING = "accepting", "受理中"
    RETURNED = "returned", "已退回"
    STREET_REVIEW = "street_review", "初审中"
    COUNTY_REVIEW = "county_review", "审核中"
    PUBLICITY = "publicity", "公示中"
    APPROVAL = "approval", "审批中"
    REGISTERING = "registering", "登记中"
    REGISTERED = "registered", "准予登记"
    DENIED = "denied", "不予登记"


class ReviewStatus(models.TextChoices):
    """审核状态 of an application or one of its records."""

    PENDING = "pending", "待审核"
    APPROVED = "approved", "审核通过"
    REJECTED = "rejected", "审核不通过"


# Statuses in which the household may still edit and a clerk may delete.
EDITABLE_STATUSES = frozenset({ApplicationStatus.DRAFT, ApplicationStatus.RETURNED})
# Statuses of an application that is finished (no longer "unfinished" for double-benefit checks).
FINISHED_STATUSES = frozenset({ApplicationStatus.REGISTERED, ApplicationStatus.DENIED})

# Identity document type (证件类别) of a resident identity card.
ID_TYPE_RESIDENT = "111"
# GB/T 4761 family relation of the applicant himself or herself, and of the head of household.
RELATION_SELF = "01"
RELATION_HEAD = "02"
APPLICANT_RELATIONS = frozenset({RELATION_SELF, RELATION_HEAD})
MAX_MEMBERS = 20
