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
