"""Readable business numbers: kind prefix + county code + year + sequence (race-free).

    business_number_next(kind="application", region_code="341602001001", year=2026)
    -> "SQ3416022026000001"
    business_numbers_reserve(kind="register", region_code="341602", year=2026, count=3)
    -> ["DJ3416022026000001", "DJ3416022026000002", "DJ3416022026000003"]

One counter row per (kind, county, year) in `BusinessSequence`; the row is created once
(a concurrent creator loses on the unique constraint and retries the read) and advanced
under `select_for_update(of=("self",))` with an F() expression, so two callers never get one number;
`business_numbers_reserve` advances it by a whole block in the same way.
Call it inside the transaction that stores the record: a rollback gives the number back.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from anju.core.models import BusinessSequence

# kind -> two-letter prefix (pinyin initials of the Chinese name).
KIND_PREFIXES: dict[str, str] = {
    "application": "SQ",  # 申请编号
    "verification": "HC",  # 核查
    "objection": "JB",  # 举报
    "notice": "TZ",  # 通知书
    "register": "DJ",  # 准入登记
    "contract": "HT",  # 合同编号
    "filing": "BA",  # 备案编号
    "lottery": "YH",  # 摇号
    "selection": "XF",  # 选房
    "rent": "ZJ",  # 租金
    "subsidy": "BT",  # 补贴
    "payment": "ZF",  # 支付
    "subsidy_due": "YF",  # 补贴应发编号
    "subsidy_payment": "SF",  # 补贴实发编号
    "land_supply": "GD",  # 土地供应记录编号
    "complaint": "TS",  # 投诉
    "inspection": "JC",  # 专项检查
    "project": "XM",  # 建设项目
    "survey": "DC",  # 调查
    "allocation_plan": "PZ",  # 资源配置方案
    "support_plan": "ZC",  # 支持项目配置方案
    "credit": "XY",  # 信用记录
    "sanction": "JF",  # 行政奖罚
    "report": "BB",  # 报表
    "submission": "SB",  # 上报
    "archive": "DA",  # 档案
    "publicity": "GS",  # 公示
    "plan": "FA",  # 拟保障实施方案
    "supplier": "GY",  # 供给单位/个人登记审批
    "unit_assessment": "KH",  # 规范化考核编号
    "assessment_bulletin": "TB",  # 考核结果通报备案编号
    "staff_assessment": "KP",  # 工作人员考核评价编号
    "staff_sanction": "JT",  # 工作人员奖罚通报编号
}
COUNTY_CODE_LENGTH = 6


def business_number_next(*, kind: str, region_code: str, year: int | None = None, width: int = 6) -> str:
    """The next number of a kind in a county and year, e.g. SQ3416022026000001."""
    return business_numbers_reserve(kind=kind, region_code=region_code, year=year, count=1, width=width)[0]


def business_numbers_reserve(
    *, kind: str, region_code: str, year: int | None = None, count: int, width: int = 6, prefix: str | None = None
) -> list[str]:
    """`count` consecutive numbers of (kind, county of region_code, year), reserved in one locked update.

    Bulk work (demo data, a monthly subsidy run) numbers a whole batch with one counter update; the
    numbers share the counter row with `business_number_next`, so both can be mixed freely.
    `prefix` replaces the kind's `KIND_PREFIXES` entry where an app numbers a kind with its own prefix
    (distribution's support disbursement plans, BF on the support_plan counter); the counter is still
    the kind's. `count` <= 0 reserves nothing.
    """
    if prefix is None:
        try:
            prefix = KIND_PREFIXES[kind]
        except KeyError:
            raise ValueError(f"未知的业务编号类别：{kind}") from None
    county = (region_code or "")[:COUNTY_CODE_LENGTH]
    if len(county) != COUNTY_CODE_LENGTH or not county.isdigit():
        raise ValueError(f"行政区划代码无效：{region_code!r}")
    if count <= 0:
        return []
    year = year or timezone.localdate().year
    lookup = {"kind": kind, "region_code": county, "year": year}
    with transaction.atomic():
        try:
            with transaction.atomic():  # a savepoint: losing the creation race must not spoil the outer transaction
                BusinessSequence.objects.get_or_create(**lookup)
        except IntegrityError:
            pass  # created by a concurrent caller; it exists now
        # of=("self",): PostgreSQL refuses FOR UPDATE on the nullable side of a join without it.
        sequence = BusinessSequence.objects.select_for_update(of=("self",)).get(**lookup)
        BusinessSequence.objects.filter(pk=sequence.pk).update(last_value=F("last_value") + count)
        last = BusinessSequence.objects.values_list("last_value", flat=True).get(pk=sequence.pk)
    if last >= 10**width:
        raise OverflowError(f"{county} {year} 年的{kind}编号已超过 {width} 位序号的上限。")
    return [f"{prefix}{county}{year}{value:0{width}d}" for value in range(last - count + 1, last + 1)]
