"""Enumerations of the 配给管理 models."""

from django.db import models


class RoundMethod(models.TextChoices):
    """配给方式: by waitlist order or by lottery."""

    WAITLIST = "waitlist", "按轮候顺序"
    LOTTERY = "lottery", "摇号"


class RoundState(models.TextChoices):
    """配给批次状态."""

    DRAFT = "draft", "草稿"
    ORDERED = "ordered", "已排序"
    COMMITTED = "committed", "已公布摇号承诺"
    DRAWN = "drawn", "已摇号"
    SELECTING = "selecting", "选房中"
    CLOSED = "closed", "已结束"


class LotteryState(models.TextChoices):
    """摇号状态."""

    COMMITTED = "committed", "已公布参与名单和种子承诺"
    DRAWN = "drawn", "已摇号并公开种子"


class SelectionStatus(models.TextChoices):
    """选房状态."""

    WAITING = "waiting", "待选房"
    CHOSEN = "chosen", "已选房"
    CONFIRMED = "confirmed", "已确认"
    WAIVED = "waived", "放弃"
    MISSED = "missed", "逾期未选"


class ContractType(models.TextChoices):
    """合同类型."""

    LEASE = "lease", "配租合同"
    SALE = "sale", "配售合同"
    SUBSIDY = "subsidy", "租赁补贴合同"


class ContractStatus(models.TextChoices):
    """合同状态."""

    DRAFT = "draft", "待签约"
    SIGNED = "signed", "已签约"
    RENEWED = "renewed", "已续签"
    TERMINATED = "terminated", "已解除"
    EXPIRED = "expired", "已到期"


class SubsidyPaymentMethod(models.TextChoices):
    """补贴发放方式 / 实发方式."""

    BANK = "bank", "银行代发"
    LANDLORD = "landlord", "直接支付给出租人"
    CASH = "cash", "现金"


class SubsidyTargetType(models.TextChoices):
    """对象类型 of a subsidy."""

    HOUSEHOLD = "household", "保障对象"
    SUPPLIER = "supplier", "支持对象"


class PaymentStatus(models.TextChoices):
    """发放状态."""

    PAID = "paid", "足额发放"
    PARTIAL = "partial", "不足额发放"
    UNPAID = "unpaid", "未发放"
