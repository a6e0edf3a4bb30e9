"""Enumerations of the e-archive (the `archive_file_type` dictionary overrides FileType when seeded)."""

from django.db import models

FILE_TYPE_DICTIONARY = "archive_file_type"


class FileType(models.TextChoices):
    """档案类型 (fallback list; the code table `archive_file_type` is authoritative when present)."""

    IDENTITY = "01", "身份证明"
    HOUSEHOLD_REGISTER = "02", "户口簿"
    INCOME = "03", "收入证明"
    HOUSING = "04", "住房证明"
    MARITAL = "05", "婚姻状况证明"
    SURVEY_PHOTO = "06", "入户调查照片"
    APPLICATION_FORM = "07", "申请表"
    NOTICE = "08", "通知书"
    CONTRACT = "09", "合同"
    OTHER = "99", "其他"


class Stage(models.TextChoices):
    """办理阶段: the business stage a file belongs to."""

    APPLICATION = "application", "申请"
    REVIEW = "review", "审核"
    PUBLICITY = "publicity", "公示"
    REGISTRATION = "registration", "登记"
    ALLOCATION = "allocation", "配租"
    CONTRACT = "contract", "合同"
    MOVE_IN = "move_in", "入住"
    ANNUAL_REVIEW = "annual_review", "年审"
    EXIT = "exit", "退出"
    CONSTRUCTION = "construction", "项目建设"
    OTHER = "other", "其他"
