"""Notices of 配后管理 (年审结论, 退出, 催缴), editable by the system administrator."""

from anju.core.documents import register_document

SAMPLE = {
    "applicant_name": "王建国",
    "register_number": "DJ3416022026000001",
    "notice_number": "TZ3416022026000009",
    "unit": "希望家园 1号楼 1单元 101",
    "year": 2026,
    "outcome": "继续保障",
    "reasons": "欠缴租金600.00元（2个月）",
    "opinion": "已结清欠租，继续保障。",
    "ground": "拖欠租金超过规定月数",
    "facts": "自2026年3月起累计拖欠租金6个月。",
    "deadline": "2027年2月20日",
    "arrears": "1,800.00",
    "months": 6,
    "decision_date": "2026年11月22日",
    "department": "谯城区住房保障部门",
}

REVIEW_NOTICE = register_document(
    code="tenancy_review_notice",
    name="年审结论通知书",
    title="住房保障年审结论通知书",
    default_body="""<p class="no-indent">编号：{{ notice_number }}</p>
<p class="no-indent">{{ applicant_name }}（登记编号 {{ register_number }}）：</p>
<p>经{{ year }}年度住房保障年审复核，您家庭的情况为：{{ reasons }}。</p>
<p>年审结论：<strong>{{ outcome }}</strong>。{{ opinion }}</p>
<p class="signature">{{ department }}<br>{{ decision_date }}</p>""",
    sample_context=SAMPLE,
)

EXIT_NOTICE = register_document(
    code="tenancy_exit_notice",
    name="退出住房保障通知书",
    title="退出住房保障通知书",
    default_body="""<p class="no-indent">编号：{{ notice_number }}</p>
<p class="no-indent">{{ applicant_name }}（登记编号 {{ register_number }}）：</p>
<p>经核实，您家庭存在以下情形：{{ ground }}。{{ facts }}</p>
<p>依据住房保障有关规定，决定您家庭退出住房保障。{% if unit %}请于 {{ deadline }} 前腾退所租住房（{{ unit }}），结清租金及相关费用。{% else %}本决定自 {{ deadline }} 起生效。{% endif %}</p>
<p>如对本决定有异议，可自收到本通知书之日起六十日内依法申请行政复议，或者在六个月内依法提起行政诉讼。</p>
<p class="signature">{{ department }}<br>{{ decision_date }}</p>""",
    sample_context=SAMPLE,
)

REMINDER_NOTICE = register_document(
    code="tenancy_rent_reminder",
    name="租金催缴通知书",
    title="公共租赁住房租金催缴通知书",
    default_body="""<p class="no-indent">{{ applicant_name }}（登记编号 {{ register_number }}）：</p>
<p>您租住的 {{ unit }} 截至 {{ decision_date }} 累计欠缴租金 {{ arrears }} 元（{{ months }} 个月）。请于 {{ deadline }} 前到运营单位缴清。逾期未缴且累计超过规定月数的，将依规定办理退出保障。</p>
<p class="signature">{{ department }}<br>{{ decision_date }}</p>""",
    sample_context=SAMPLE,
)
