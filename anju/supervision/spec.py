"""CJJ/T 196 Appendix A data sets held by the supervision app (A.10.1–A.10.8).

A.10.2: 投诉日期 is the submission time; 投诉处理负责人 is the officer who closed it.
A.10.3: 保障对象编号 is the register number (else the application number; a supplier's credit
code); 列入原因 is the fact; 信用状态 is `state` (有效 / 已修复 / 已撤销) beside the level
(失信程度); `credit_status` combines both with the ban period for screens.
The evidence files are e-archive files attached to the record.
"""

DATA_SETS = {
    "A.10.1": {
        "model": "supervision.Inspection",
        "fields": {
            "检查编号": "number",
            "行政区划代码": "region_code",
            "检查日期": "inspected_on",
            "检查负责部门": "department",
            "检查负责人": "leader",
            "检查内容": "content",
            "检查对象": "target",
            "检查结果": "result",
            "问题处理结果": "resolution",
            "问题处理日期": "resolved_on",
            "问题处理人": "resolved_by",
            "是否列入信用档案": "credit_listed",
        },
    },
    "A.10.2": {
        "model": "supervision.Complaint",
        "fields": {
            "投诉事件编号": "number",
            "行政区划代码": "region_code",
            "被投诉对象编号": "target_number",
            "投诉内容": "content",
            "投诉日期": "submitted_at",
            "投诉人": "contact_name",
            "投诉人联系电话": "contact_phone",
            "投诉人联系地址": "contact_address",
            "投诉人电子邮箱": "contact_email",
            "投诉方式": "channel",
            "投诉处理部门": "handling_department",
            "投诉查证方式": "verification_method",
            "投诉查证结果": "verification_result",
            "投诉处理意见": "handling_opinion",
            "投诉处理日期": "handled_on",
            "投诉处理负责人": "handled_by",
            "是否列入信用档案": "credit_listed",
        },
    },
    "A.10.3": {
        "model": "supervision.CreditRecord",
        "fields": {
            "保障对象编号": "subject_number",
            "行政区划代码": "region_code",
            "列入日期": "listed_on",
            "列入原因": "fact",
            "信用状态": "state",
            "撤销日期": "revoked_on",
            "撤销人": "revoked_by",
            "撤销原因": "revocation_reason",
        },
    },
    "A.10.4": {
        "model": "supervision.SupplierSanction",
        "fields": {
            "奖罚编号": "number",
            "奖罚日期": "decided_on",
            "行政区划代码": "region_code",
            "支持对象编号": "supplier_number",
            "支持对象名称": "supplier_name",
            "奖罚原因": "reason",
            "奖罚结果": "result",
        },
    },
}

# A.10.5–A.10.8 (规范化考核, 通报备案, 工作人员考核评价, 行政奖罚及通报). A.10.6 points at its A.10.5
# assessment (`assessment`) and copies its unit and score; A.10.8 may point at the A.10.7 assessment
# of the staff member (`staff_assessment`) and copies number, name and score from it. 被考核对象名称 /
# 工作人员姓名 are SM4-encrypted. 考核总分 of A.10.8 is the A.10.7 考核分值.
DATA_SETS.update(
    {
        "A.10.5": {
            "model": "supervision.UnitAssessment",
            "fields": {
                "考核编号": "number",
                "考核日期": "assessed_on",
                "行政区划代码": "region_code",
                "被考核单位编号": "unit_number",
                "被考核单位名称": "unit_name",
                "考核部门": "department",
                "考核内容": "content",
                "考核得分": "score",
                "考核结果": "result",
                "考核人": "assessor",
            },
        },
        "A.10.6": {
            "model": "supervision.AssessmentBulletin",
            "fields": {
                "通报备案编号": "number",
                "行政区划代码": "region_code",
                "被考核单位编号": "unit_number",
                "被考核单位名称": "unit_name",
                "考核总分": "total_score",
                "考核结果": "result",
                "考核意见": "opinion",
                "通报日期": "notified_on",
                "备案日期": "filed_on",
            },
        },
        "A.10.7": {
            "model": "supervision.StaffAssessment",
            "fields": {
                "考核编号": "number",
                "考核日期": "assessed_on",
                "考核部门": "department",
                "考核负责人": "leader",
                "被考核对象编号": "staff_number",
                "被考核对象名称": "staff_name",
                "行政区划代码": "region_code",
                "考核内容": "content",
                "考核分值": "score",
                "考核人": "assessor",
            },
        },
        "A.10.8": {
            "model": "supervision.StaffSanction",
            "fields": {
                "奖罚通报编号": "number",
                "行政区划代码": "region_code",
                "工作人员编号": "staff_number",
                "工作人员姓名": "staff_name",
                "考核总分": "total_score",
                "考核结果": "result",
                "奖罚原因": "reason",
                "奖罚结果": "sanction_result",
                "奖罚日期": "decided_on",
                "通报日期": "notified_on",
            },
        },
    }
)
