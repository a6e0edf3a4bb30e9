"""Demo data of the 监督管理 subsystem: ban-period rules, credit records, complaints, inspections and sanctions
in the four districts/counties of 亳州市.

Everything goes through the services (numbers, ban periods, audit). Idempotent: a district gets its
demo records only when it has none marked as demo data; the rules only when the table is empty.
Call after the regions and code tables are loaded (and after the demo households, to link one).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from stdnum.cn import ric, uscc

from anju.supervision import services
from anju.supervision.models import CreditBanRule, CreditRecord, UnitAssessment

DEMO_MARK = "演示数据：证据材料见电子档案。"
DISTRICTS = (
    ("341602000000", "谯城区"),
    ("341621000000", "涡阳县"),
    ("341622000000", "蒙城县"),
    ("341623000000", "利辛县"),
)
ASSESSMENT_MARK = "【演示】"
SURNAMES = "张王李赵刘陈杨黄周吴"
GIVEN = ("建国", "秀英", "志强", "桂兰", "海涛", "丽娟", "国庆", "红梅")
RULES = (
    ("1", "", 1, False, True, 0, "已纠正失信行为并作出信用承诺。", "轻微失信：记录一年，不影响申请。"),
    ("2", "", 3, True, True, 12, "已纠正失信行为、消除不良影响，列入满 12 个月。", "较重失信：三年内不得申请。"),
    ("3", "", 5, True, False, 0, "", "严重失信：五年内不得申请，不予修复。"),
    ("3", "false_information", 5, True, False, 0, "", "骗取保障：五年内不得申请，并追回已享受的待遇。"),
)


def _person_id(rng: random.Random, county: str) -> str:
    birth = date(1960, 1, 1) + timedelta(days=rng.randint(0, 14000))
    body = f"{county}{birth:%Y%m%d}{rng.randint(100, 999)}"
    return body + ric.calc_check_digit(body + "0")


def _credit_code(rng: random.Random, county: str) -> str:
    body = f"91{county}" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(9))
    return body + uscc.calc_check_digit(body)


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


@transaction.atomic
def demo_supervision_create(*, seed: int = 2026) -> dict[str, int]:
    """Create the demo supervision data; returns how many records of each kind were added."""
    rng = random.Random(seed)  # noqa: S311 - demo data, not security
    counts = {
        "rules": 0,
        "credit_records": 0,
        "complaints": 0,
        "inspections": 0,
        "sanctions": 0,
        "unit_assessments": 0,
        "assessment_bulletins": 0,
        "staff_assessments": 0,
        "staff_sanctions": 0,
    }
    if not CreditBanRule.objects.exists():
        for level, ground, years, bans, repair, months, conditions, note in RULES:
            services.ban_rule_save(
                data={
                    "level": level,
                    "ground": ground,
                    "ban_years": years,
                    "bans_application": bans,
                    "repair_allowed": repair,
                    "repair_after_months": months,
                    "repair_conditions": conditions,
                    "note": note,
                },
                acting_user=None,
            )
            counts["rules"] += 1
    today = timezone.localdate()
    for code, name in DISTRICTS:
        county = code[:6]
        if CreditRecord.objects.filter(region_code__startswith=county, evidence=DEMO_MARK).exists():
            continue
        _credit_records(rng, code, name, today, counts)
        _complaints(rng, code, name, counts)
        _oversight(rng, code, name, today, counts)
    for code, name in DISTRICTS:
        if not UnitAssessment.objects.filter(
            region_code__startswith=code[:6], content__startswith=ASSESSMENT_MARK
        ).exists():
            _assessments(rng, code, name, today, counts)
    return counts


def _credit_records(rng: random.Random, code: str, name: str, today: date, counts: dict[str, int]) -> None:
    county = code[:6]
    common = {"subject_kind": "household", "region_code": code, "evidence": DEMO_MARK, "acting_user": None}
    services.credit_record_create(
        **common,
        id_number=_person_id(rng, county),
        subject_name=_name(rng),
        level="3",
        ground="false_information",
        fact="申请时隐瞒家庭成员名下商品住房一套，骗取公共租赁住房资格。",
        listed_on=today - timedelta(days=rng.randint(60, 400)),
        publish=True,
    )
    services.credit_record_create(
        **common,
        id_number=_person_id(rng, county),
        subject_name=_name(rng),
        level="2",
        ground="sublet",
        fact="将承租的公共租赁住房转租他人，经核查属实。",
        listed_on=today - timedelta(days=rng.randint(30, 300)),
    )
    minor = services.credit_record_create(
        **common,
        id_number=_person_id(rng, county),
        subject_name=_name(rng),
        level="1",
        ground="rent_arrears",
        fact="无正当理由连续拖欠租金三个月。",
        listed_on=today - timedelta(days=rng.randint(30, 200)),
    )
    services.credit_record_repair(
        record=minor,
        applied_on=today - timedelta(days=10),
        conditions="已结清全部欠缴租金并签署信用承诺书。",
        decision="approved",
        opinion="符合修复条件，准予修复。",
        acting_user=None,
    )
    services.credit_record_create(
        subject_kind="supplier",
        region_code=code,
        evidence=DEMO_MARK,
        acting_user=None,
        credit_code=_credit_code(rng, county),
        subject_name=f"{name}安居物业服务有限公司",
        level="2",
        ground="supplier_quality",
        fact="保障房小区物业服务考核连续两次不合格，整改不到位。",
        listed_on=today - timedelta(days=rng.randint(30, 200)),
    )
    counts["credit_records"] += 4


def _complaints(rng: random.Random, code: str, name: str, counts: dict[str, int]) -> None:
    services.complaint_submit(
        kind="complaint",
        title=f"{name}某公租房小区疑似转租",
        content="小区 3 号楼 2 单元 501 室长期由非承租人居住，疑似转租。",
        contact_name=_name(rng),
        contact_phone=f"139{rng.randint(10000000, 99999999)}",
        region_code=code,
        channel="online",
    )
    consultation = services.complaint_submit(
        kind="consultation",
        title="公租房申请需要哪些材料",
        content="外来务工人员申请公租房需要提供哪些证明材料？",
        contact_name=_name(rng),
        contact_phone=f"138{rng.randint(10000000, 99999999)}",
        region_code=code,
        channel="phone",
    )
    services.complaint_reply(
        complaint=consultation,
        acting_user=None,
        body="请携带身份证、居住证、劳动合同和社保缴纳证明到所在社区服务中心提交申请，也可在门户网站网上申请。",
    )
    services.complaint_close(complaint=consultation, handling_opinion="已电话答复咨询人。", acting_user=None)
    counts["complaints"] += 2


def _oversight(rng: random.Random, code: str, name: str, today: date, counts: dict[str, int]) -> None:
    services.inspection_save(
        region_code=code,
        acting_user=None,
        data={
            "inspected_on": today - timedelta(days=rng.randint(20, 90)),
            "department": f"{name}住房保障中心",
            "leader": _name(rng),
            "content": "公共租赁住房使用情况专项检查（转租、转借、闲置、改变用途）。",
            "target": f"{name}公租房小区",
            "result_kind": "problems",
            "result": "抽查 120 户，发现 2 户转租、1 户闲置。",
            "resolution": "责令限期退回，列入信用档案。",
            "resolved_on": today - timedelta(days=10),
            "resolved_by": _name(rng),
            "credit_listed": True,
        },
    )
    services.sanction_save(
        region_code=code,
        acting_user=None,
        data={
            "decided_on": today - timedelta(days=rng.randint(20, 120)),
            "kind": "reward",
            "supplier_number": _credit_code(rng, code[:6]),
            "supplier_name": f"{name}城市建设投资有限公司",
            "reason": "保障性住房建设进度和质量考核优秀。",
            "result": "通报表扬，优先安排下年度建设计划。",
            "decided_by": f"{name}住房和城乡建设局",
        },
    )
    counts["inspections"] += 1
    counts["sanctions"] += 1


def _assessments(rng: random.Random, code: str, name: str, today: date, counts: dict[str, int]) -> None:
    """A.10.5 考核 with its A.10.6 通报备案; A.10.7 工作人员考核评价 with an A.10.8 奖励."""
    assessed_on = today - timedelta(days=rng.randint(40, 90))
    score = rng.choice((78, 86, 92, 95))
    result = "excellent" if score >= 90 else "good" if score >= 80 else "passed"
    assessment = services.unit_assessment_save(
        region_code=code,
        acting_user=None,
        data={
            "assessed_on": assessed_on,
            "unit_number": f"{code[:6]}-ZB",
            "unit_name": f"{name}住房保障中心",
            "department": "亳州市住房和城乡建设局",
            "content": f"{ASSESSMENT_MARK}年度住房保障工作规范化考核：准入审核、档案管理、信息公开、投诉办理。",
            "score": score,
            "result": result,
            "assessor": _name(rng),
        },
    )
    services.assessment_bulletin_save(
        region_code=code,
        acting_user=None,
        data={
            "assessment": assessment,
            "opinion": "档案管理规范；信息公开及时，个别投诉办理超时，须限期整改。",
            "notified_on": assessed_on + timedelta(days=10),
            "filed_on": assessed_on + timedelta(days=15),
        },
    )
    staff = services.staff_assessment_save(
        region_code=code,
        acting_user=None,
        data={
            "assessed_on": assessed_on,
            "department": f"{name}住房和城乡建设局",
            "leader": _name(rng),
            "staff_number": f"{code[:6]}{rng.randint(1000, 9999)}",
            "staff_name": _name(rng),
            "content": "年度考核评价：依法审核、服务态度、办理时限。",
            "score": score,
            "assessor": _name(rng),
        },
    )
    services.staff_sanction_save(
        region_code=code,
        acting_user=None,
        data={
            "staff_assessment": staff,
            "result": result,
            "kind": "reward",
            "reason": "住房保障审核工作认真负责，全年无差错。",
            "sanction_result": "通报表扬。",
            "decided_on": assessed_on + timedelta(days=20),
            "notified_on": assessed_on + timedelta(days=25),
        },
    )
    for key in ("unit_assessments", "assessment_bulletins", "staff_assessments", "staff_sanctions"):
        counts[key] += 1
