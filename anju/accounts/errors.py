"""Chinese messages of accounts errors shown to users."""

NOT_SECURITY_ADMIN = "只有安全管理员可以授予或撤销角色。"
NOT_SYSTEM_ADMIN = "只有系统管理员可以管理机构和用户。"
SELF_GRANT = "不能给自己授予或撤销角色。"
SELF_APPROVAL = "同一人不能既经办又审批（经办人与审批人须为不同人员）。"
ROLE_ALREADY_HELD = "该用户已拥有此角色。"
ROLE_NOT_HELD = "该用户没有此角色。"
DISABLE_SELF = "不能停用自己的账号。"
PASSWORD_EXPIRED = "您的密码已超过有效期或须在首次登录时修改，请先修改密码。"  # noqa: S105 - a message, not a secret
SESSION_IDLE = "您已超过 {minutes} 分钟未操作，为保护数据安全已自动退出，请重新登录。"
SESSION_ABSOLUTE = "本次登录已超过 {hours} 小时，为保护数据安全已自动退出，请重新登录。"
OTP_REQUIRED = "管理员账号须完成动态口令（双因素）验证后才能继续。"
