"""CJJ/T 196-2012 Appendix A data sets held by the workflow module (read by `manage.py spec_coverage`).

A.3.1 is the umbrella clause (业务流程管理数据宜包括…) and lists no fields of its own; its six
data sets are A.3.2-A.3.7 below.
"""

DATA_SETS = {
    "A.3.2": {
        "model": "workflow.ProcessTemplate",
        "fields": {
            "流程模板编号": "code",
            "流程名称": "name",
            "流程描述": "description",
            "开始节点": "start_node",
            "业务分类": "category",
            "定义时间": "defined_at",
            "扩展属性": "extra",
            "前置条件": "precondition",
            "后置条件": "postcondition",
            "流程模板版本": "version",
            "是否激活": "is_active",
        },
    },
    "A.3.3": {
        "model": "workflow.NodeTemplate",
        "fields": {
            "节点模板编号": "code",
            "流程模板编号": "template",
            "节点名称": "name",
            "节点描述": "description",
            "节点类型": "node_type",
            "扩展属性": "extra",
            "前置条件": "precondition",
            "后置条件": "postcondition",
            "业务分类": "category",
            "流程版本": "template_version",
        },
    },
    "A.3.4": {
        "model": "workflow.Participant",
        "fields": {
            "节点模板编号": "node",
            "参与者角色编号": "role_code",
            "参与者角色类型": "role_type",
        },
    },
    "A.3.5": {
        "model": "workflow.Transition",
        "fields": {
            "节点关联编号": "code",
            "流程模板编号": "template",
            "前导节点编号": "source",
            "后继节点编号": "target",
            "优先级": "priority",
            "条件": "condition",
            "节点关联名称": "name",
            "节点关联描述": "description",
        },
    },
    "A.3.6": {
        "model": "workflow.ProcessInstance",
        "fields": {
            "流程实例编号": "number",
            "流程模板编号": "template",
            "流程模板名称": "template_name",
            "流程实例名称": "name",
            "优先级": "priority",
            "描述": "description",
            "业务分类": "category",
            "当前状态": "state",
            "启动时间": "started_at",
            "完成时间": "finished_at",
            "流程类型": "process_type",
            "前置条件": "precondition",
            "后置条件": "postcondition",
            "扩展属性": "extra",
            "流程版本号": "template_version",
        },
    },
    "A.3.7": {
        "model": "workflow.NodeInstance",
        "fields": {
            "流程实例编号": "instance",
            "节点实例编号": "number",
            "前一节点实例编号": "previous",
            "节点模板编号": "node",
            "实例名称": "name",
            "实例类型": "node_type",
            "扩展属性": "extra",
            "当前状态": "state",
            "创建时间": "created_at",
            "完成时间": "finished_at",
            "前置条件": "precondition",
            "后置条件": "postcondition",
            "优先级": "priority",
            "描述": "description",
        },
    },
}
