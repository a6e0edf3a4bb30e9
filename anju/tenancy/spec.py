"""CJJ/T 196 Appendix A data sets held by the tenancy app (A.8.1–A.8.8).

申请人编号 is the household's register entry (准入登记簿, `applicant_number` = its 登记编号); 房源编号 the
unit (A.5.3, `unit_number`). 增加时间/最后更新时间 are created_at/updated_at, 增加人/最后更新人
created_by/updated_by. A.8.6 rows are the parts of a receipt allocated to single charges; A.8.7 belongs to an
estate (housing.Project).
"""

TRACKED = {"增加时间": "created_at", "增加人": "created_by", "最后更新时间": "updated_at", "最后更新人": "updated_by"}
HOUSEHOLD_UNIT = {"申请人编号": "applicant_number", "房源编号": "unit_number"}

DATA_SETS = {
    "A.8.1": {
        "model": "tenancy.Return",
        "fields": {
            **HOUSEHOLD_UNIT,
            "回退原因": "reason",
            "应回退时间": "due_on",
            "实回退时间": "returned_on",
            "是否打印单据": "is_printed",
            **TRACKED,
        },
    },
    "A.8.2": {
        "model": "tenancy.Resale",
        "fields": {
            **HOUSEHOLD_UNIT,
            "产权证号": "certificate_number",
            "预售价格": "asking_price",
            "指导价格": "guide_price",
            "签约金额": "contract_amount",
            "房屋所有权证日期": "certificate_date",
            "契税完税凭证日期": "deed_tax_date",
            "再上市申请时间": "applied_on",
            "是否优先回购": "is_first_purchase",
            "是否打印单据": "is_printed",
            **TRACKED,
        },
    },
    "A.8.3": {
        "model": "tenancy.MoveIn",
        "fields": {
            **HOUSEHOLD_UNIT,
            "入住时间": "moved_in_on",
            "租金": "rent",
            "租金是否减免": "has_reduction",
            "租金减免金额": "reduction_amount",
            "是否打印单据": "is_printed",
            **TRACKED,
        },
    },
    "A.8.4": {
        "model": "tenancy.Vacate",
        "fields": {**HOUSEHOLD_UNIT, "腾退时间": "vacated_on", "是否打印单据": "is_printed", **TRACKED},
    },
    "A.8.5": {
        "model": "tenancy.RentCharge",
        "fields": {
            "应收编号": "number",
            **HOUSEHOLD_UNIT,
            "租金金额": "amount",
            "租金年度": "year",
            "租金月份": "month",
            "应收时间": "due_on",
            **TRACKED,
        },
    },
    "A.8.6": {
        "model": "tenancy.RentPayment",
        "fields": {
            "实收编号": "number",
            "应收编号": "charge_number",
            **HOUSEHOLD_UNIT,
            "实收金额": "amount",
            "租金年度": "year",
            "租金月份": "month",
            "是否足额收取": "is_full",
            "未足额收取原因": "shortfall_reason",
            "实收时间": "paid_at",
            "实收方式": "method",
            **TRACKED,
        },
    },
    "A.8.7": {
        "model": "tenancy.FixedCost",
        "fields": {
            "款项编号": "number",
            "发生款项说明": "description",
            "发生年度": "year",
            "发生月份": "month",
            "款项金额": "amount",
            **TRACKED,
        },
    },
    "A.8.8": {
        "model": "tenancy.ReviewRound",
        "fields": {
            "年审编号": "number",
            "年审年度": "year",
            "年审范围时间节点": "scope_date",
            "行政区划代码": "region_code",
        },
    },
}
