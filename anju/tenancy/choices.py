"""Enumerations of the 配后管理 models."""

from django.db import models


class OccupancyStatus(models.TextChoices):
    """入住状态 of a move-in."""

    OCCUPIED = "occupied", "在住"
    VACATING = "vacating", "腾退中"
    VACATED = "vacated", "已腾退"


class VacateKind(models.TextChoices):
    """腾退方式."""

    VOLUNTARY = "voluntary", "自愿腾退"
    ORDERED = "ordered", "责令腾退"


class VacateStatus(models.TextChoices):
    """腾退进度."""

    NOTIFIED = "notified", "待搬离"
    MOVED_OUT = "moved_out", "已搬离待验房"
    CLOSED = "closed", "已验房结算"


class PaymentMethod(models.TextChoices):
    """实收方式."""

    CASH = "cash", "现金"
    BANK = "bank", "银行转账"
    POS = "pos", "刷卡"
    MOBILE = "mobile", "移动支付"
    WITHHOLD = "withhold", "代扣"


class ReviewStatus(models.TextChoices):
    """年审批次状态."""

    QUEUED = "queued", "排队中"
    RUNNING = "running", "评估中"
    EVALUATED = "evaluated", "已评估"
    FAILED = "failed", "失败"


class ReviewOutcome(models.TextChoices):
    """年审结论."""

    PASSED = "passed", "自动通过"
    PENDING = "pending", "待复核"
    CONTINUE = "continue", "继续保障"
    ADJUST = "adjust", "调整租金或补贴"
    EXIT = "exit", "退出保障"


class ExitGround(models.TextChoices):
    """退出事由."""

    INCOME_ASSETS = "income_assets", "收入或资产超过标准"
    OTHER_HOUSING = "other_housing", "已取得其他住房"
    ARREARS = "arrears", "拖欠租金超过规定月数"
    VACANT = "vacant", "无正当理由闲置超过规定月数"
    MISUSE = "misuse", "转租、出借或改变用途"
    FALSE_INFO = "false_info", "提供虚假信息骗取保障"


class ExitStatus(models.TextChoices):
    """退出办理状态."""

    OPEN = "open", "审核中"
    EXITED = "exited", "已决定退出"
    KEPT = "kept", "不予退出"


class ReturnStatus(models.TextChoices):
    """退回状态."""

    PENDING = "pending", "待退回"
    RETURNED = "returned", "已退回"


class ResaleRoute(models.TextChoices):
    """再上市处理方式 (price rule)."""

    BUYBACK = "buyback", "政府按原价扣除折旧回购"
    MARKET = "market", "上市交易（缴纳差价收益）"
    FIRST_PURCHASE = "first_purchase", "政府行使优先回购权"


class ResaleStatus(models.TextChoices):
    """再上市办理状态."""

    REGISTERED = "registered", "已登记"
    CLOSED = "closed", "已办结"
