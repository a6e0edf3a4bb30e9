"""Code tables (代码表) of the applying household (A.3.8–A.3.11) that the platform does not ship.

The national tables (sex, ethnicity, family relation, education, ID document type …) come from
`anju.core.data.dictionaries`; these are the admission-specific ones.

`admission_dictionaries_ensure()` adds the tables and codes that the platform's
`load_dictionaries` does not already provide; it never changes an existing item, so a city's
edits to a code's name survive.
"""

from __future__ import annotations

from django.db import transaction

# code -> (name, standard, [(item code, item name), ...])
ADMISSION_DICTIONARIES: dict[str, tuple[str, str, list[tuple[str, str]]]] = {
    "employer_type": ("单位性质", "", [("10", "机关"), ("20", "事业单位"), ("30", "国有企业"), ("40", "集体企业"), ("50", "私营企业"), ("60", "外商及港澳台投资企业"), ("70", "个体工商户"), ("90", "其他")]),
    "occupation_type": (
        "职业性质",
        "GB/T 6565-2015",
        [
            ("1", "党的机关、国家机关、群众团体和社会组织、企事业单位负责人"), ("2", "专业技术人员"), ("3", "办事人员和有关人员"),
            ("4", "社会生产服务和生活服务人员"), ("5", "农、林、牧、渔业生产及辅助人员"), ("6", "生产制造及有关人员"),
            ("7", "军人"), ("8", "不便分类的其他从业人员"),
        ],
    ),
    "honour_level": ("荣誉称号级别", "", [("1", "国家级"), ("2", "省部级"), ("3", "市级"), ("4", "县级")]),
    "honour_type": ("荣誉称号类别", "", [("1", "劳动模范"), ("2", "先进工作者"), ("3", "见义勇为"), ("4", "道德模范"), ("9", "其他")]),
    "medal_type": ("荣誉奖章类别", "", [("1", "五一劳动奖章"), ("2", "三八红旗手"), ("3", "五四青年奖章"), ("9", "其他")]),
    "income_source": ("收入来源", "", [("1", "工资性收入"), ("2", "经营净收入"), ("3", "财产净收入"), ("4", "转移净收入"), ("9", "其他")]),
    "shantytown_type": ("棚户区类型", "", [("1", "城市棚户区"), ("2", "国有工矿棚户区"), ("3", "国有林区棚户区"), ("4", "国有垦区危房"), ("5", "城中村")]),
    "shantytown_affiliation": ("国有棚户区隶属关系", "", [("1", "中央"), ("2", "省（自治区、直辖市）"), ("3", "地市"), ("4", "县（市、区）")]),
    "dwelling_occupancy": ("房屋住用状况", "", [("1", "自有自住"), ("2", "租住公房"), ("3", "租住私房"), ("4", "借住亲友住房"), ("5", "单位宿舍"), ("9", "其他")]),
    "house_type": ("房屋类型", "", [("1", "楼房"), ("2", "平房"), ("3", "简易房"), ("9", "其他")]),
    "property_management_mode": ("小区物业管理模式", "", [("1", "专业物业服务"), ("2", "业主自治管理"), ("3", "单位管理"), ("4", "社区托管"), ("9", "无物业管理")]),
    "ownership_share_class": ("住房产权比例分类", "", [("1", "完全产权"), ("2", "部分产权"), ("3", "共有产权")]),
    "dwelling_address_category": ("家庭成员房屋地址类别", "", [("1", "现居住地"), ("2", "户籍所在地"), ("3", "其他产权住房")]),
    "dwelling_disposal_intention": ("房屋配给后原住房处置意向", "", [("1", "退还原住房"), ("2", "出售"), ("3", "出租"), ("4", "继续居住"), ("9", "其他")]),
}


@transaction.atomic
def admission_dictionaries_ensure() -> int:
    """Create the admission code tables and codes that are missing; return how many items were added."""
    from anju.core.models import Dictionary, DictionaryItem
    from anju.core.selectors import dictionary_cache_clear

    added = 0
    for code, (name, standard, items) in ADMISSION_DICTIONARIES.items():
        dictionary, _ = Dictionary.objects.get_or_create(code=code, defaults={"name": name, "standard": standard})
        existing = set(dictionary.items.values_list("code", flat=True))
        new = [
            DictionaryItem(dictionary=dictionary, code=item_code, name=item_name, sort_order=order)
            for order, (item_code, item_name) in enumerate(items, 1)
            if item_code not in existing
        ]
        DictionaryItem.objects.bulk_create(new)
        dictionary_cache_clear(code)
        added += len(new)
    return added
