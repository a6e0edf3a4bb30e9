"""Domain events of the 配后管理 subsystem (detail.event of the audit record) and their Chinese names."""

from django.db import models


class TenancyEvent(models.TextChoices):
    """Stable ids of the tenancy domain events."""

    MOVED_IN = "TENANCY_MOVED_IN", "办理入住"
    RENT_CHARGED = "TENANCY_RENT_CHARGED", "生成租金应收"
    RENT_PAID = "TENANCY_RENT_PAID", "收取租金"
    FIXED_COST_SAVED = "TENANCY_FIXED_COST_SAVED", "登记每月固定款项"
    VACATE_NOTIFIED = "TENANCY_VACATE_NOTIFIED", "办理腾退"
    VACATE_MOVED_OUT = "TENANCY_VACATE_MOVED_OUT", "腾退搬离"
    VACATE_CLOSED = "TENANCY_VACATE_CLOSED", "腾退验房结算"
    REVIEW_STARTED = "TENANCY_REVIEW_STARTED", "发起年审"
    REVIEW_EVALUATED = "TENANCY_REVIEW_EVALUATED", "年审评估完成"
    REVIEW_DECIDED = "TENANCY_REVIEW_DECIDED", "年审复核结论"
    EXIT_OPENED = "TENANCY_EXIT_OPENED", "发起退出"
    EXIT_DECIDED = "TENANCY_EXIT_DECIDED", "退出决定"
    RETURN_SAVED = "TENANCY_RETURN_SAVED", "已配售房源退回"
    RESALE_SAVED = "TENANCY_RESALE_SAVED", "已配售房源再上市"
    PARAMETER_SAVED = "TENANCY_PARAMETER_SAVED", "修改配后管理参数"
