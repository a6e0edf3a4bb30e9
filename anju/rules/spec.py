"""CJJ/T 196 Appendix A data sets held by the rules app (A.1.1–A.1.12).

A.1.4, A.1.5 and A.1.6 are one table, `Condition` (kind = 定量/定性/组合), because they form one
tree: a group's children point to it by `parent` (保障方式申请条件组合定性判断编号 of a leaf is its
group's code). 保障方式编号 of conditions and standards is that of the rule set's mode.
"""

ENABLED = {"是否启用": "is_enabled", "启用时间": "enabled_at"}

DATA_SETS = {
    "A.1.1": {
        "model": "rules.Program",
        "fields": {
            "保障项目编号": "code",
            "保障项目": "name",
            "行政区划代码": "region_code",
            "收入分类": "income_class",
            "特殊人群分类": "special_group",
            **ENABLED,
        },
    },
    "A.1.2": {
        "model": "rules.Mode",
        "fields": {"保障方式编号": "code", "保障项目编号": "program_code", "保障方式": "mode", **ENABLED},
    },
    "A.1.3": {
        "model": "rules.ConditionCategory",
        "fields": {
            "保障对象申请条件分类编号": "code",
            "父级保障对象申请条件分类编号": "parent_code",
            "保障对象申请条件分类名称": "name",
        },
    },
    "A.1.4": {
        "model": "rules.Condition",
        "fields": {
            "保障方式申请条件编号": "code",
            "保障方式申请条件": "name",
            "保障方式申请条件组合定性判断编号": "group_code",
            "保障方式编号": "mode_code",
            "保障对象申请条件分类编号": "category_code",
            "保障条件和保障标准计量方式": "measure",
            "条件起始值": "start_value",
            "与起始值逻辑关系": "start_relation",
            "条件终止值": "end_value",
            "与终止值逻辑关系": "end_relation",
            **ENABLED,
        },
    },
    "A.1.5": {
        "model": "rules.Condition",
        "fields": {
            "保障方式申请条件编号": "code",
            "保障方式申请条件组合定性判断编号": "group_code",
            "保障方式申请条件": "name",
            "保障对象申请条件分类编号": "category_code",
            "保障方式编号": "mode_code",
            "申请条件逻辑因素值": "logic_value",
            **ENABLED,
        },
    },
    "A.1.6": {
        "model": "rules.Condition",
        "fields": {
            "保障方式申请条件组合定性判断编号": "code",
            "保障对象申请条件组合定性判断父级条件编号": "group_code",
            "保障方式编号": "mode_code",
            "逻辑关系": "logic",
            **ENABLED,
        },
    },
    "A.1.7": {
        "model": "rules.BenefitStandard",
        "fields": {
            "保障标准编号": "code",
            "保障方式编号": "mode_code",
            "保障标准取用因素": "factor",
            "保障标准计量方式": "measure",
            "人户数": "household_size",
            "因素值现有标准": "standard_value",
            "取用因素实际值": "applied_value",
            **ENABLED,
        },
    },
    "A.1.8": {
        "model": "rules.SupportProgram",
        "fields": {
            "支持项目编号": "code",
            "支持项目": "name",
            "行政区划代码": "region_code",
            "支持对象类型": "supplier_type",
            **ENABLED,
        },
    },
    "A.1.9": {
        "model": "rules.SupportMode",
        "fields": {"支持方式编号": "code", "支持项目编号": "program_code", "支持方式": "name", **ENABLED},
    },
    "A.1.10": {
        "model": "rules.SupportCondition",
        "fields": {
            "支持方式申请条件编号": "code",
            "支持方式编号": "mode_code",
            "支持条件": "name",
            "具体条件": "detail",
            **ENABLED,
        },
    },
    "A.1.11": {
        "model": "rules.SupportStandard",
        "fields": {
            "支持方式支持标准编号": "code",
            "支持方式编号": "mode_code",
            "现有标准": "current_standard",
            "执行标准": "applied_standard",
            **ENABLED,
        },
    },
    "A.1.12": {
        "model": "rules.RuleExchangeRecord",
        "fields": {
            "保障规则年度": "year",
            "行政区划代码": "region_code",
            "保障项目": "program",
            "收入分类": "income_class",
            "特殊人群分类": "special_group",
            "支持项目": "support_program",
            "支持对象类型": "supplier_type",
            "保障（支持）方式": "mode",
            "保障条件因素": "condition_factors",
            "支持条件因素": "support_condition_factors",
            "保障标准因素": "standard_factors",
            "支持标准因素": "support_standard_factors",
            "保障（支持）条件因素值": "condition_values",
            "保障（支持）标准因素值": "standard_values",
        },
    },
}
