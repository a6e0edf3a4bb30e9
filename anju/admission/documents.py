"""Notices of the admission process (准予登记 / 不予登记 通知书), editable by the system administrator."""

from anju.core.documents import register_document

SAMPLE = {
    "applicant_name": "王建国",
    "application_number": "SQ3416022026000001",
    "register_number": "DJ3416022026000001",
    "notice_number": "TZ3416022026000001",
    "community": "白布社区",
    "household_size": 3,
    "security_mode": "公共租赁住房配租",
    "allocated_area": "60.00",
    "standard_amount": "390.00",
    "subsidy_amount": "0.00",
    "reason": "家庭人均收入超过本市公共租赁住房准入标准。",
    "decision_date": "2026年11月22日",
    "department": "利辛县住房保障部门",
}

REGISTRATION_APPROVED = register_document(
    code="admission_registration_approved",
    name="准予登记通知书",
    title="住房保障准予登记通知书",
    default_body="""<p class="no-indent">编号：{{ notice_number }}</p>
<p class="no-indent">{{ applicant_name }}（申请编号 {{ application_number }}）：</p>
<p>您家庭提出的住房保障申请，经审核、公示和审批，符合住房保障条件，准予登记。登记编号：{{ register_number }}。</p>
<p>保障方式：{{ security_mode }}；家庭人口 {{ household_size }} 人；拟配给面积 {{ allocated_area }} 平方米；标准额度 {{ standard_amount }} 元{% if subsidy_amount and subsidy_amount != "0.00" %}；拟补贴额度 {{ subsidy_amount }} 元{% endif %}。</p>
<p>请按通知参加轮候与配租（配售）。家庭人口、收入、住房等情况发生变化的，请及时向所在社区申报。</p>
<p class="signature">{{ department }}<br>{{ decision_date }}</p>""",
    sample_context=SAMPLE,
)

REGISTRATION_DENIED = register_document(
    code="admission_registration_denied",
    name="不予登记通知书",
    title="住房保障不予登记通知书",
    default_body="""<p class="no-indent">编号：{{ notice_number }}</p>
<p class="no-indent">{{ applicant_name }}（申请编号 {{ application_number }}）：</p>
<p>您家庭提出的住房保障申请，经审核，不予登记。理由如下：</p>
<p>{{ reason }}</p>
<p>如对本决定有异议，可自收到本通知书之日起六十日内依法申请行政复议，或者在六个月内依法提起行政诉讼。</p>
<p class="signature">{{ department }}<br>{{ decision_date }}</p>""",
    sample_context=SAMPLE,
)

REPORT_SAMPLE = {
    "report_number": "HC3416022026000001",
    "application_number": "SQ3416022026000001",
    "applicant_name": "王建国",
    "id_number_masked": "341602********1234",
    "household_size": 3,
    "income_total": "72000.00",
    "income_per_capita": "24000.00",
    "floor_area_per_capita": "12.00",
    "verifications": [
        {"number": "HQ3416022026000001", "kind": "部门核查", "assignee": "谯城区民政局", "result": "属实",
         "detail": "未发现登记车辆和工商登记信息。", "answered_at": "2026-11-20 10:30"},
        {"number": "HQ3416022026000002", "kind": "入户调查", "assignee": "张街道", "result": "属实",
         "detail": "租住私房，居住面积与申报一致。", "answered_at": "2026-11-21 15:00"},
    ],
    "rule_decision": "符合保障条件",
    "rule_lines": ["本地户籍满一年：要求至少一名成员的本地户口年限大于等于1年；实际满足的成员 1 人（共 3 人）；符合"],
    "conclusion": "符合准入条件",
    "opinion": "经核查，家庭收入、住房、资产情况与申报一致，符合公共租赁住房准入条件。",
    "concluded_by": "李区县",
    "concluded_date": "2026年11月22日",
    "department": "谯城区住房保障部门",
}

VERIFICATION_REPORT = register_document(
    code="admission_verification_report",
    name="核查报告",
    title="住房保障申请家庭核查报告",
    default_body="""<p class="no-indent">报告编号：{{ report_number }}</p>
<table class="fields">
<tr><th>申请编号</th><td>{{ application_number }}</td><th>申请人</th><td>{{ applicant_name }}（{{ id_number_masked }}）</td></tr>
<tr><th>家庭人口数</th><td>{{ household_size }} 人</td><th>家庭年总收入</th><td>{{ income_total }} 元</td></tr>
<tr><th>家庭人均年收入</th><td>{{ income_per_capita }} 元</td><th>人均住房建筑面积</th><td>{{ floor_area_per_capita }} 平方米</td></tr>
</table>
<h2>一、核查情况</h2>
<table class="list">
<tr><th>核查编号</th><th>核查类型</th><th>核查单位/核查人</th><th>核查结果</th><th>说明</th><th>反馈时间</th></tr>
{% for item in verifications %}<tr><td>{{ item.number }}</td><td>{{ item.kind }}</td><td>{{ item.assignee }}</td><td>{{ item.result }}</td><td>{{ item.detail }}</td><td>{{ item.answered_at }}</td></tr>
{% empty %}<tr><td colspan="6">无</td></tr>{% endfor %}
</table>
{% if rule_decision %}<h2>二、规则审查</h2>
<p class="no-indent">判定结论：{{ rule_decision }}</p>
{% for line in rule_lines %}<p class="no-indent">{{ line }}</p>{% endfor %}{% endif %}
<h2>{% if rule_decision %}三{% else %}二{% endif %}、核查结论认定</h2>
<p class="no-indent"><strong>{{ conclusion }}</strong></p>
<p>{{ opinion|linebreaksbr }}</p>
<p class="signature">认定人：{{ concluded_by }}<br>{{ department }}<br>{{ concluded_date }}</p>""",
    sample_context=REPORT_SAMPLE,
)
