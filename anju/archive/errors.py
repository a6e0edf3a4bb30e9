"""Error codes of the e-archive (extend the platform codes in anju.core.api.error_codes)."""

from django.db import models


class ArchiveErrorCode(models.TextChoices):
    """Why an archive operation was refused."""

    FILE_REQUIRED = "archive_file_required", "请选择要上传的文件"
    FILE_EMPTY = "archive_file_empty", "文件为空"
    FILE_TOO_LARGE = "archive_file_too_large", "文件过大"
    FILE_TYPE_NOT_ALLOWED = "archive_file_type_not_allowed", "不允许的文件类型"
    FILE_CONTENT_MISMATCH = "archive_file_content_mismatch", "文件内容与扩展名不符"
    INVALID_FILE_TYPE = "archive_invalid_file_type", "档案类型无效"
    INVALID_STAGE = "archive_invalid_stage", "办理阶段无效"
    INVALID_OWNER = "archive_invalid_owner", "所属记录无效"
    ALREADY_DELETED = "archive_already_deleted", "档案已删除"
    NOT_DELETED = "archive_not_deleted", "档案未删除"
    REASON_REQUIRED = "archive_reason_required", "须填写原因"
