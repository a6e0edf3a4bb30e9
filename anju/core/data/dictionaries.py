"""Seed code tables (代码表) loaded by `manage.py load_dictionaries`.

National codes are used where a national standard defines the enumeration (the `standard`
names it). The housing-security enumerations of CJJ/T 196-2012 Appendix A have no national
code list in the standard; their codes are Anju's own (`standard` says so) and follow the
terms of the standard's text (保障方式, 收入分类 …). Items whose code has a group code
(e.g. GB/T 4761 "11 夫" under "10 配偶") carry it as `parent_code`.
"""

from __future__ import annotations

from dataclasses import dataclass

ANJU = "安居自定义（CJJ/T 196-2012 附录 A 字段）"


@dataclass(frozen=True)
class DictionarySeed:
    """One code table and its items (code, name[, parent_code])."""

    code: str
    name: str
    standard: str
    items: tuple[tuple[str, ...], ...]
    description: str = ""


def _grouped(rows: str) -> tuple[tuple[str, ...], ...]:
    """'code name' lines; a two-digit code not ending in 0 gets its group 'x0' as parent."""
    items = []
    for line in rows.strip().splitlines():
        code, name = line.split(maxsplit=1)
        parent = code[0] + "0" if len(code) == 2 and code[1] != "0" and code[0] != "0" else ""
        items.append((code, name.strip(), parent))
    return tuple(items)


def _family_relations(rows: str) -> tuple[tuple[str, ...], ...]:
    """GB/T 4761 groups by tens, except that 81–97 (90 姑母 too) belong to 80 其他 and 99 stands alone."""
    items = []
    for code, name, parent in _grouped(rows):
        if 81 <= int(code) <= 97:
            parent = "80"
        elif code == "99":
            parent = ""
        items.append((code, name, parent))
    return tuple(items)


def _plain(rows: str) -> tuple[tuple[str, ...], ...]:
    """'code name' lines without groups."""
    return tuple((line.split(maxsplit=1)[0], line.split(maxsplit=1)[1].strip()) for line in rows.strip().splitlines())


ETHNICITIES = ["汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族", "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族", "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族", "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族"]

DICTIONARIES: tuple[DictionarySeed, ...] = (
    # --- national standards ----------------------------------------------------------
    DictionarySeed("sex", "性别", "GB/T 2261.1-2003", _plain("0 未知的性别\n1 男\n2 女\n9 未说明的性别")),
    DictionarySeed(
        "ethnicity",
        "民族",
        "GB/T 3304-1991",
        (*((f"{i:02d}", name) for i, name in enumerate(ETHNICITIES, start=1)), ("97", "其他未识别民族"), ("98", "外国血统中国籍人士")),
    ),
    DictionarySeed(
        "family_relation",
        "家庭关系（与户主关系）",
        "GB/T 4761-2008",
        (
            ("01", "本人", ""),
            ("02", "户主", ""),
            *_family_relations(
                """
10 配偶
11 夫
12 妻
20 子
21 独生子
22 长子
23 次子
24 三子
25 四子
26 五子
27 养子或继子
28 女婿
29 其他儿子
30 女
31 独生女
32 长女
33 次女
34 三女
35 四女
36 五女
37 养女或继女
38 儿媳
39 其他女儿
40 孙子、孙女或外孙子、外孙女
41 孙子
42 孙女
43 外孙子
44 外孙女
45 孙媳妇或外孙媳妇
46 孙女婿或外孙女婿
47 曾孙子或外曾孙子
48 曾孙女或外曾孙女
49 其他孙子、孙女或外孙子、外孙女
50 父母
51 父亲
52 母亲
53 公公
54 婆婆
55 岳父
56 岳母
57 继父或养父
58 继母或养母
59 其他父母关系
60 祖父母或外祖父母
61 祖父
62 祖母
63 外祖父
64 外祖母
65 配偶的祖父母或外祖父母
66 曾祖父
67 曾祖母
68 配偶的曾祖父母或外曾祖父母
69 其他祖父母或外祖父母关系
70 兄弟姐妹
71 兄
72 嫂
73 弟
74 弟媳
75 姐姐
76 姐夫
77 妹妹
78 妹夫
79 其他兄弟姐妹
80 其他
81 伯父
82 伯母
83 叔父
84 婶母
85 舅父
86 舅母
87 姨父
88 姨母
89 姑父
90 姑母
91 堂兄弟、堂姐妹
92 表兄弟、表姐妹
93 侄子
94 侄女
95 外甥
96 外甥女
97 其他亲属
99 非亲属
"""
            ),
        ),
        "两位代码；个位为 0 的是大类（如 10 配偶、20 子），其下细类以大类为上级代码。81–97 归入 80 其他。",
    ),
    DictionarySeed(
        "marital_status",
        "婚姻状况",
        "GB/T 2261.2-2003",
        _grouped("10 未婚\n20 已婚\n21 初婚\n22 再婚\n23 复婚\n30 丧偶\n40 离婚\n90 未说明的婚姻状况"),
    ),
    DictionarySeed(
        "education",
        "学历（文化程度）",
        "GB/T 4658-2006",
        _plain(
            "10 研究生教育\n20 大学本科教育\n30 大学专科教育\n40 中等职业教育\n60 普通高级中学教育\n"
            "70 初级中学教育\n80 小学教育\n90 其他"
        ),
        "只列大类；细类（如 11 博士研究生毕业）可由系统管理员补充。",
    ),
    DictionarySeed(
        "political_status",
        "政治面貌",
        "GB/T 4762-1984",
        _plain(
            """
01 中国共产党党员
02 中国共产党预备党员
03 中国共产主义青年团团员
04 中国国民党革命委员会会员
05 中国民主同盟盟员
06 中国民主建国会会员
07 中国民主促进会会员
08 中国农工民主党党员
09 中国致公党党员
10 九三学社社员
11 台湾民主自治同盟盟员
12 无党派民主人士
13 群众
"""
        ),
    ),
    DictionarySeed(
        "health_status", "健康状况", "GB/T 2261.3-2003", _plain("1 健康或良好\n2 一般或较弱\n3 有慢性病\n6 残疾")
    ),
    DictionarySeed(
        "employment_status",
        "从业状况（就业情况）",
        "GB/T 2261.4-2003",
        _plain(
            """
11 国家公务员
13 专业技术人员
17 职员
21 企业管理人员
24 工人
27 农民
31 学生
37 现役军人
51 自由职业者
54 个体经营者
70 无业人员
80 退（离）休人员
90 其他
"""
        ),
    ),
    DictionarySeed(
        "disability_category",
        "残疾类别",
        "GB/T 26341-2010",
        _plain("1 视力残疾\n2 听力残疾\n3 言语残疾\n4 肢体残疾\n5 智力残疾\n6 精神残疾\n7 多重残疾"),
    ),
    DictionarySeed("disability_grade", "残疾等级", "GB/T 26341-2010", _plain("1 一级\n2 二级\n3 三级\n4 四级")),
    DictionarySeed(
        "id_document_type",
        "身份证件类别",
        "公安常用证件代码（GA/T 517 系列）",
        _plain(
            """
111 居民身份证
112 临时居民身份证
113 户口簿
114 中国人民解放军军官证
115 中国人民武装警察部队警官证
117 出生医学证明
118 中国人民解放军士兵证
119 中国人民武装警察部队士兵证
414 普通护照
511 台湾居民来往大陆通行证
516 港澳居民来往内地通行证
553 外国人永久居留身份证
990 其他
"""
        ),
    ),
    DictionarySeed(
        "hukou_nature",
        "户口性质",
        ANJU,
        _plain("10 农业户口\n20 非农业户口\n30 居民户口\n40 集体户口\n90 其他"),
        "户籍制度改革后统一登记为居民户口；保留农业/非农业以便迁移存量数据。",
    ),
    DictionarySeed(
        "building_structure",
        "房屋结构",
        "GB/T 17986.1-2000 房产测量规范",
        _plain("1 钢结构\n2 钢和钢筋混凝土结构\n3 钢筋混凝土结构\n4 混合结构\n5 砖木结构\n6 其他结构"),
    ),
    DictionarySeed(
        "house_condition",
        "房屋完好程度",
        "房屋完损等级评定标准（城住字〔1984〕第678号）",
        _plain("1 完好房\n2 基本完好房\n3 一般损坏房\n4 严重损坏房\n5 危险房"),
    ),
    # --- housing security (Appendix A), Anju codes -----------------------------------
    DictionarySeed(
        "security_mode",
        "保障方式",
        ANJU,
        _grouped(
            """
10 实物配租
11 廉租住房配租
12 公共租赁住房配租
13 保障性租赁住房配租
20 实物配售
21 经济适用住房配售
22 限价商品住房配售
23 共有产权住房配售
30 租赁补贴
40 购房补贴
50 棚户区改造
51 实物安置
52 货币补偿
90 其他
"""
        ),
        "住房配给（配租、配售）与补贴（CJJ/T 196 第 4.2.1 条）。",
    ),
    DictionarySeed(
        "income_class",
        "收入分类",
        ANJU,
        _plain("01 最低收入家庭（低保家庭）\n02 低收入家庭\n03 中等偏下收入家庭\n04 中等收入家庭\n99 其他"),
    ),
    DictionarySeed(
        "special_group",
        "特殊人群分类",
        ANJU,
        _plain(
            """
01 新就业无房职工
02 城镇稳定就业外来务工人员
03 引进人才
04 残疾人家庭
05 优抚对象
06 孤寡老人
07 计划生育特殊家庭
08 见义勇为人员
09 劳动模范
10 重大疾病患者家庭
11 环卫、公交等一线职工
12 棚户区居民
99 其他
"""
        ),
    ),
    DictionarySeed(
        "housing_type",
        "住房类型（保障性住房类型）",
        ANJU,
        _plain(
            """
01 廉租住房
02 公共租赁住房
03 保障性租赁住房
04 经济适用住房
05 限价商品住房
06 共有产权住房
07 棚户区改造安置住房
08 普通商品住房
09 公有住房
10 自建住房
99 其他
"""
        ),
    ),
    DictionarySeed(
        "house_nature",
        "房屋性质",
        ANJU,
        _plain(
            """
01 商品房
02 房改房
03 经济适用住房
04 限价商品住房
05 共有产权住房
06 直管公房
07 单位自管公房
08 拆迁安置房
09 集资建房
10 自建房
99 其他
"""
        ),
    ),
    DictionarySeed(
        "property_right_nature",
        "产权性质",
        ANJU,
        _plain("10 完全产权\n20 共有产权（部分产权）\n30 使用权（承租）\n90 其他"),
    ),
    DictionarySeed(
        "unit_layout",
        "户型",
        ANJU,
        _plain("10 单间（宿舍型）\n20 一居室\n30 两居室\n40 三居室\n50 四居室及以上\n90 其他"),
    ),
    DictionarySeed("completeness", "成套情况", ANJU, _plain("1 成套\n2 不成套")),
    DictionarySeed("decoration", "装修程度", ANJU, _plain("1 毛坯\n2 简易装修\n3 精装修")),
    DictionarySeed(
        "asset_type",
        "资产类别",
        ANJU,
        _plain(
            """
01 现金及银行存款
02 有价证券（股票、债券、基金）
03 机动车辆
04 非住宅房产
05 商业保险
06 经营性资产
07 债权
99 其他
"""
        ),
    ),
    DictionarySeed(
        "application_status",
        "申请状态",
        ANJU,
        _plain(
            """
01 待提交
02 已提交
03 审核中
04 退回补正
05 公示中
06 准予登记
07 不予登记
08 已撤回
"""
        ),
    ),
    DictionarySeed("review_status", "审核状态", ANJU, _plain("0 未审核\n1 审核通过\n2 审核不通过\n3 退回")),
    DictionarySeed(
        "verification_result",
        "核查结果（查证结果）",
        ANJU,
        _plain("1 属实（符合）\n2 不属实（不符合）\n3 部分属实\n9 无法核实"),
    ),
    DictionarySeed(
        "logic_relation",
        "逻辑关系（与起始值、终止值）",
        ANJU,
        _plain("gt 大于\nge 大于等于\nlt 小于\nle 小于等于\neq 等于\nne 不等于"),
        "定量条件与起始值、终止值的比较关系（A.1.4）。",
    ),
    DictionarySeed("logic_operator", "组合逻辑", ANJU, _plain("and 并且\nor 或者\nnot 非")),
    DictionarySeed(
        "security_state",
        "保障状态",
        ANJU,
        _plain("01 轮候中\n02 已配租\n03 已配售\n04 领取租赁补贴\n05 暂停保障\n06 已退出"),
    ),
    DictionarySeed(
        "contract_type",
        "合同类型",
        ANJU,
        _plain("01 配租合同（租赁合同）\n02 配售合同（买卖合同）\n03 租赁补贴协议"),
    ),
    DictionarySeed("credit_level", "信用等级（失信程度）", ANJU, _plain("1 轻微\n2 较重\n3 严重")),
    DictionarySeed(
        "complaint_channel",
        "投诉（举报）方式",
        ANJU,
        _plain("01 来信\n02 来访\n03 电话\n04 门户网站\n05 移动端\n06 电子邮件\n99 其他"),
    ),
    DictionarySeed(
        "publicity_channel",
        "公示方式",
        ANJU,
        _plain("01 社区公示栏\n02 政府网站\n03 报纸\n04 移动端\n99 其他"),
    ),
    DictionarySeed("assessment_result", "考核结果", ANJU, _plain("1 优秀\n2 良好\n3 合格\n4 不合格")),
    DictionarySeed(
        "construction_method",
        "项目建设方式",
        ANJU,
        _plain("01 新建\n02 改建\n03 收购\n04 长期租赁\n05 配建\n99 其他"),
    ),
    DictionarySeed("construction_state", "建设状态", ANJU, _plain("01 未开工\n02 在建\n03 已竣工\n04 已交付使用")),
    DictionarySeed(
        "land_acquisition",
        "土地取得方式",
        ANJU,
        _plain("01 划拨\n02 出让\n03 租赁\n04 作价出资（入股）\n99 其他"),
    ),
    DictionarySeed(
        "fund_source",
        "资金来源渠道类别",
        ANJU,
        _plain(
            """
01 中央补助资金
02 省级补助资金
03 市县财政预算安排
04 住房公积金增值收益
05 土地出让净收益
06 租金收入
07 银行贷款
08 社会资金
99 其他
"""
        ),
        "来源渠道见国发〔2007〕24号文（CJJ/T 196 第 7 章条文说明）。",
    ),
    DictionarySeed(
        "subsidy_payment_method",
        "补贴发放方式",
        ANJU,
        _plain("01 发放至保障对象银行账户\n02 直接支付给出租人\n03 社会保障卡\n99 其他"),
    ),
    DictionarySeed("income_expense", "收支类型", ANJU, _plain("1 收入\n2 支出")),
    DictionarySeed("period_type", "周期类型", ANJU, _plain("1 年度\n2 季度\n3 月度")),
)
