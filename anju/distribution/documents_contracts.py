"""Contract templates (配租、配售、租赁补贴), editable by the system administrator (anju.core DocumentTemplate).

Each body is sandboxed Django template source rendered with only the context that
`anju.distribution.services.contracts.contract_context` builds (the keys of SAMPLE below).
"""

from anju.core.documents import register_document

SAMPLE = {
    "contract_number": "HT3416022026000001",
    "contract_type": "配租合同",
    "department": "谯城区住房保障部门",
    "applicant_name": "王建国",
    "register_number": "DJ3416022026000001",
    "application_number": "SQ3416022026000001",
    "household_size": 3,
    "signer_name": "王建国",
    "signer_id_masked": "341602********1234",
    "agent_name": "",
    "agent_id_masked": "",
    "project_name": "希望家园公租房",
    "unit_address": "希望家园公租房 1号楼 1单元 101",
    "unit_number": "341602-XM001-1-1-101",
    "floor_area": "60.00",
    "monthly_rent": "390.00",
    "deposit": "780.00",
    "sale_price": "",
    "subsidy_amount": "",
    "subsidy_payment_method": "",
    "subsidy_starts_on": "",
    "term_months": 36,
    "term_basis": "一般保障家庭，合同期限三年",
    "effective_on": "2026年12月1日",
    "expires_on": "2029年11月30日",
    "auto_renew": "否",
    "sign_date": "2026年11月22日",
    "renewal_of": "",
}

_PARTIES = """<p class="no-indent">合同编号：{{ contract_number }}{% if renewal_of %}（续签合同，原合同编号 {{ renewal_of }}）{% endif %}</p>
<p class="no-indent">甲方（出租人/保障实施单位）：{{ department }}</p>
<p class="no-indent">乙方（保障对象）：{{ applicant_name }}，登记编号 {{ register_number }}，申请编号 {{ application_number }}，家庭人口 {{ household_size }} 人</p>
<p class="no-indent">签约人：{{ signer_name }}（身份证号 {{ signer_id_masked }}）{% if agent_name %}；代理人：{{ agent_name }}（身份证号 {{ agent_id_masked }}）{% endif %}</p>"""

_SIGNATURES = """<p class="signature">甲方：{{ department }}（电子签章）<br>乙方：{{ signer_name }}<br>签订日期：{{ sign_date }}</p>"""

LEASE = register_document(
    code="distribution_contract_lease",
    name="公共租赁住房租赁合同（配租）",
    title="公共租赁住房租赁合同",
    default_body=_PARTIES
    + """
<h2>第一条 房屋情况</h2>
<p>甲方将位于 {{ unit_address }} 的住房（房屋编号 {{ unit_number }}，建筑面积 {{ floor_area }} 平方米）出租给乙方家庭自住。</p>
<h2>第二条 租金及缴纳方式</h2>
<p>月租金 {{ monthly_rent }} 元，押金 {{ deposit|default:"0.00" }} 元。乙方于每月 10 日前通过银行代扣或到运营单位缴纳当月租金；逾期缴纳的，按有关规定处理。</p>
<h2>第三条 租赁期限</h2>
<p>租赁期限 {{ term_months }} 个月（{{ term_basis }}），自 {{ effective_on }} 起至 {{ expires_on }} 止。期满需要续租的，乙方应在期满前三个月内提出申请，经复核仍符合保障条件的续签合同。是否自动续签：{{ auto_renew }}。</p>
<h2>第四条 双方义务</h2>
<p>甲方保证房屋及设施符合安全和使用要求，负责房屋及共用设施的维修养护。乙方应按时缴纳租金和水、电、燃气、物业等费用，合理使用房屋，不得擅自装修或改变房屋结构和用途，配合年度复核，家庭人口、收入、住房等情况变化的应及时申报。</p>
<h2>第五条 退出情形</h2>
<p>乙方有下列情形之一的，甲方有权解除合同、收回住房：（一）转借、转租或者擅自调换所承租住房的；（二）改变住房用途的；（三）破坏或者擅自装修且拒不恢复原状的；（四）在住房内从事违法活动的；（五）无正当理由连续六个月以上闲置住房的；（六）累计六个月以上拖欠租金的；（七）经复核不再符合保障条件的；（八）以欺骗等不正当手段取得住房保障的。</p>
<h2>第六条 其他</h2>
<p>本合同自双方签章之日起生效，经电子签章的合同文本存入配给合同电子档案，与纸质文本具有同等效力。</p>
"""
    + _SIGNATURES,
    sample_context=SAMPLE,
)

SALE = register_document(
    code="distribution_contract_sale",
    name="保障性住房买卖合同（配售）",
    title="保障性住房买卖合同",
    default_body=_PARTIES
    + """
<h2>第一条 房屋情况</h2>
<p>甲方将位于 {{ unit_address }} 的住房（房屋编号 {{ unit_number }}，建筑面积 {{ floor_area }} 平方米）配售给乙方家庭自住。</p>
<h2>第二条 价款及付款方式</h2>
<p>房屋总价款 {{ sale_price }} 元。乙方于合同签订后三十日内一次性付清，或按约定办理住房贷款；价款付清后双方共同办理不动产登记。</p>
<h2>第三条 使用和上市限制</h2>
<p>乙方取得的住房为有限产权的保障性住房，自取得不动产权证之日起五年内不得上市交易；确需转让的，由住房保障部门按规定回购。满五年上市交易的，按规定缴纳土地收益等价款。</p>
<h2>第四条 双方义务</h2>
<p>甲方按约定交付符合质量标准的住房并协助办理产权登记。乙方应按时支付价款，自住使用，不得出租、出借或改变用途。</p>
<h2>第五条 退出情形</h2>
<p>乙方有下列情形之一的，甲方有权解除合同、收回住房并按规定处理价款：（一）以欺骗等不正当手段购得住房的；（二）未满限制年限擅自转让、出租、出借的；（三）改变住房用途的；（四）逾期不支付价款的。</p>
<h2>第六条 其他</h2>
<p>本合同自双方签章之日起生效，经电子签章的合同文本存入配给合同电子档案，与纸质文本具有同等效力。</p>
"""
    + _SIGNATURES,
    sample_context={
        **SAMPLE,
        "contract_type": "配售合同",
        "monthly_rent": "",
        "deposit": "",
        "sale_price": "186000.00",
        "term_months": 0,
        "term_basis": "配售合同长期有效",
        "expires_on": "",
    },
)

SUBSIDY = register_document(
    code="distribution_contract_subsidy",
    name="住房租赁补贴协议（补贴）",
    title="住房租赁补贴协议",
    default_body=_PARTIES
    + """
<h2>第一条 补贴标准</h2>
<p>经审核，乙方家庭符合住房租赁补贴条件，甲方按月发放租赁补贴 {{ subsidy_amount }} 元，自 {{ subsidy_starts_on }} 起计发，发放方式为{{ subsidy_payment_method }}。不足整月的按实际天数折算。</p>
<h2>第二条 补贴期限</h2>
<p>补贴期限 {{ term_months }} 个月（{{ term_basis }}），自 {{ effective_on }} 起至 {{ expires_on }} 止。期满需要继续领取的，乙方应在期满前三个月内提出申请，经复核仍符合条件的续签协议。是否自动续签：{{ auto_renew }}。</p>
<h2>第三条 双方义务</h2>
<p>甲方按时足额发放补贴；因资金等原因不足额发放的，应告知原因并补发。乙方应将补贴用于支付住房租金，每年提供租赁合同和租金支付凭证，配合年度复核，家庭情况变化的应及时申报。</p>
<h2>第四条 退出情形</h2>
<p>乙方有下列情形之一的，甲方停止发放补贴、解除本协议，并追回违规领取的补贴：（一）经复核不再符合保障条件的；（二）已通过其他方式享受住房保障的；（三）以欺骗等不正当手段取得补贴的；（四）未将补贴用于支付租金的。</p>
<h2>第五条 其他</h2>
<p>本协议自双方签章之日起生效，经电子签章的协议文本存入配给合同电子档案，与纸质文本具有同等效力。</p>
"""
    + _SIGNATURES,
    sample_context={
        **SAMPLE,
        "contract_type": "租赁补贴协议",
        "monthly_rent": "",
        "deposit": "",
        "subsidy_amount": "600.00",
        "subsidy_payment_method": "银行代发",
        "subsidy_starts_on": "2026年12月1日",
        "term_months": 12,
        "term_basis": "租赁补贴按年度复核，协议期限一年",
        "unit_address": "",
        "unit_number": "",
        "floor_area": "",
    },
)

CODES = {"lease": LEASE.code, "sale": SALE.code, "subsidy": SUBSIDY.code}
