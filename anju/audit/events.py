"""Domain event catalogue of the audit log: stable ids with Chinese labels (security.md #7).

The codes are stored in `AuditEvent.action` and never renamed; add new ones at the end.
"""

from django.db import models


class AuditAction(models.TextChoices):
    """What happened (stable ids; labels are what the auditor reads)."""

    LOGIN = "LOGIN", "登录"
    LOGIN_FAILED = "LOGIN_FAILED", "登录失败"
    LOGOUT = "LOGOUT", "退出"
    LOCKOUT = "LOCKOUT", "账号锁定"
    PASSWORD_CHANGED = "PASSWORD_CHANGED", "修改密码"
    PASSWORD_RESET = "PASSWORD_RESET", "重置密码"
    SESSION_EXPIRED = "SESSION_EXPIRED", "会话超时"
    ROLE_GRANTED = "ROLE_GRANTED", "授予角色"
    ROLE_REVOKED = "ROLE_REVOKED", "撤销角色"
    USER_CREATED = "USER_CREATED", "新建用户"
    USER_UPDATED = "USER_UPDATED", "修改用户"
    USER_DISABLED = "USER_DISABLED", "停用用户"
    USER_ENABLED = "USER_ENABLED", "启用用户"
    RECORD_CREATED = "RECORD_CREATED", "新增记录"
    RECORD_UPDATED = "RECORD_UPDATED", "修改记录"
    RECORD_DELETED = "RECORD_DELETED", "删除记录"
    EXPORT = "EXPORT", "导出"
    IMPORT = "IMPORT", "导入"
    PERSONAL_DATA_VIEWED = "PERSONAL_DATA_VIEWED", "查看个人信息明文"
    FILE_UPLOADED = "FILE_UPLOADED", "上传文件"
    FILE_DOWNLOADED = "FILE_DOWNLOADED", "下载文件"
    APPROVAL = "APPROVAL", "审批"
    PAYMENT = "PAYMENT", "支付"
    AUDIT_VERIFIED = "AUDIT_VERIFIED", "审计日志校验"
    CONFIG_CHANGED = "CONFIG_CHANGED", "修改配置"
    ACCESS_DENIED = "ACCESS_DENIED", "拒绝访问"
    DATA_EXCHANGED = "DATA_EXCHANGED", "数据交换"
    BATCH_RUN = "BATCH_RUN", "批量处理"


class AuditResult(models.TextChoices):
    """How it ended."""

    SUCCESS = "success", "成功"
    FAILURE = "failure", "失败"
    DENIED = "denied", "拒绝"
