"""CJJ/T 196 Appendix A data sets held by the distribution app (A.7.1–A.7.8).

申请人编号 is the household's register entry (准入登记簿); 房屋编号 the unit (A.5.3). 增加时间/最后更新时间
are created_at/updated_at, 增加人/最后更新人 created_by/updated_by. A.7.4 (配给合同电子档案) is mapped by the
archive app: a contract's signed PDF is an e-archive file owned by the contract.
"""

TRACKED = {"增加时间": "created_at", "增加人": "created_by", "最后更新时间": "updated_at", "最后更新人": "updated_by"}

DATA_SETS = {
    "A.7.1": {
        "model": "distribution.QueueEntry",
        "fields": {"申请人编号": "register_entry", "配给顺序": "position", "配给分组": "group", **TRACKED},
    },
    "A.7.2": {
        "model": "distribution.Selection",
        "fields": {
            "申请人编号": "register_entry",
            "房屋编号": "unit",
            "是否已审核": "is_reviewed",
            "审核时间": "reviewed_at",
            "审核人": "reviewed_by",
            **TRACKED,
        },
    },
    "A.7.3": {
        "model": "distribution.Contract",
        "fields": {
            "申请人编号": "register_entry",
            "合同类型": "contract_type",
            "合同编号": "number",
            "房屋编号": "unit",
            "补贴金额": "subsidy_amount",
            "补贴发放方式": "subsidy_payment_method",
            "发放起始时间": "subsidy_starts_on",
            "签约人": "signer_name",
            "签约人身份证号": "signer_id_number",
            "代理人": "agent_name",
            "代理人身份证号": "agent_id_number",
            "合同签署时间": "signed_at",
            "合同生效时间": "effective_on",
            "合同有效期": "term_months",
            "合同失效时间": "expires_on",
            "是否自动续签": "auto_renew",
            **TRACKED,
        },
    },
    "A.7.5": {
        "model": "distribution.SubsidyDue",
        "fields": {
            "应发编号": "number",
            "对象编号": "target_number",
            "对象类型": "target_type",
            "补贴项目编号": "subsidy_program_number",
            "补贴类型": "subsidy_type",
            "原标准金额": "standard_amount",
            "补贴金额": "amount",
            "补贴年度": "year",
            "补贴月份": "month",
            "应发时间": "due_on",
            **TRACKED,
            "是否已打印单据": "is_printed",
        },
    },
    "A.7.6": {
        "model": "distribution.SubsidyPayment",
        "fields": {
            "实发编号": "number",
            "应发编号": "due",
            "发放状态": "status",
            "不足金额": "shortfall",
            "不足额原因": "shortfall_reason",
            "实发时间": "paid_on",
            "实发方式": "method",
            **TRACKED,
        },
    },
    "A.7.7": {
        "model": "distribution.SupportDisbursementPlan",
        "fields": {
            "支持对象拨付计划编号": "number",
            "支持对象编号": "target_number",
            "拨付总金额": "total_amount",
            "期别类型": "period_type",
            "计划发放周期": "period",
            "开始发放时间": "starts_on",
            **TRACKED,
        },
    },
    "A.7.8": {
        "model": "distribution.LandSupplyRecord",
        "fields": {
            "记录编号": "number",
            "宗地编号": "parcel_number",
            "项目编号": "project",
            "宗地名称": "parcel_name",
            "用地批准文件名称": "approval_document",
            "用地批准文号": "approval_number",
            "用地批准日期": "approved_on",
            "取得方式": "acquisition_mode",
            "土地面积": "land_area",
            "土地估值": "land_value",
            "土地使用年限": "use_years",
        },
    },
}
