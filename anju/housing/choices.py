"""Enumerations of the 建设项目 data sets (A.5); codes are Anju's own, labels follow the standard's terms.

Two kinds live here:

- enumerations that drive behaviour and stay Python enumerations (UnitState, BuildingStatus,
  ProgressKind, BuildingCategory, CertificateType, HousingKind, Layout, ParticipantCategory,
  OrganisationIdType, PersonIdType);
- the seeds of the housing code tables (代码表, `anju.housing.dictionaries.HOUSING_CODE_TABLES`):
  their model fields are `HousingCodeField`s validated against the table, which may be edited in
  代码表; the members here are the shipped codes, kept as constants for code and tests.
"""

from django.db import models


class HousingKind(models.TextChoices):
    """保障性住房类别: 项目类别, 规划建设房屋类型/分类, 初始房屋性质, 规划用途 of reserved land."""

    PUBLIC_RENTAL = "public_rental", "公共租赁住房"
    LOW_RENT = "low_rent", "廉租住房"
    AFFORDABLE = "affordable", "经济适用住房"
    PRICE_CAPPED = "price_capped", "限价商品住房"
    RESETTLEMENT = "resettlement", "棚户区改造安置住房"
    SHARED_OWNERSHIP = "shared_ownership", "共有产权住房"
    AFFORDABLE_RENTAL = "affordable_rental", "保障性租赁住房"


class ConstructionMode(models.TextChoices):
    """建设方式."""

    NEW = "new", "新建"
    RECONSTRUCTION = "reconstruction", "改建"
    EXTENSION = "extension", "扩建"
    PURCHASE = "purchase", "收购"
    LONG_LEASE = "long_lease", "长期租赁"
    ATTACHED = "attached", "配建"


class PlanningLocation(models.TextChoices):
    """规划区位."""

    CENTRAL = "central", "中心城区"
    URBAN = "urban", "城区"
    SUBURBAN = "suburban", "近郊"
    OUTER = "outer", "远郊"
    TOWN = "town", "县城或建制镇"


class OwnerCategory(models.TextChoices):
    """棚户区区片原归属单位类别."""

    CENTRAL = "central", "中央"
    PROVINCE = "province", "省属"
    CITY = "city", "市属"
    COUNTY = "county", "县（区）属"
    OTHER = "other", "其他"


class PlanPeriodCategory(models.TextChoices):
    """规划计划年度类别."""

    ANNUAL = "annual", "年度计划"
    FIVE_YEAR = "five_year", "五年规划"
    MID_TERM = "mid_term", "中期规划"


class FundSource(models.TextChoices):
    """资金来源渠道类别."""

    CENTRAL = "central", "中央补助资金"
    PROVINCIAL = "provincial", "省级补助资金"
    LOCAL = "local", "市县财政资金"
    LAND = "land", "土地出让收益"
    BANK = "bank", "银行贷款"
    BOND = "bond", "专项债券"
    SELF = "self", "企业自筹"
    OTHER = "other", "其他"


class InvestmentComposition(models.TextChoices):
    """投资构成类别."""

    CONSTRUCTION = "construction", "建筑安装工程"
    EQUIPMENT = "equipment", "设备工器具购置"
    LAND = "land", "土地费用"
    OTHER = "other", "其他费用"


class IncomeClass(models.TextChoices):
    """收入层次类别."""

    LOWEST = "lowest", "最低收入"
    LOW = "low", "低收入"
    LOWER_MIDDLE = "lower_middle", "中等偏下收入"
    MIDDLE = "middle", "中等收入"
    NEW_CITIZEN = "new_citizen", "新市民和青年人"


class SecurityMode(models.TextChoices):
    """保障方式类别."""

    RENTAL = "rental", "实物配租"
    SALE = "sale", "实物配售"
    RENT_SUBSIDY = "rent_subsidy", "租赁补贴"
    RESETTLEMENT = "resettlement", "拆迁安置"


class CompensationMode(models.TextChoices):
    """安置补偿方式类别."""

    MONETARY = "monetary", "货币补偿"
    PROPERTY_SWAP = "property_swap", "产权调换"
    COMBINED = "combined", "货币补偿与产权调换结合"


class LandAcquisitionMode(models.TextChoices):
    """土地取得方式."""

    ALLOCATION = "allocation", "划拨"
    TRANSFER = "transfer", "出让"
    LEASE = "lease", "租赁"
    CAPITAL = "capital", "作价出资（入股）"
    OWN = "own", "自有土地"


class LandDevelopmentLevel(models.TextChoices):
    """开发程度 of reserved land."""

    RAW = "raw", "生地"
    ROUGH = "rough", "毛地"
    THREE = "three", "三通一平"
    FIVE = "five", "五通一平"
    SEVEN = "seven", "七通一平"


class BuildingCategory(models.TextChoices):
    """单体工程类别: residential buildings count as 住宅, the rest as 配套公建."""

    RESIDENTIAL = "residential", "住宅"
    AMENITY = "amenity", "配套公建"


class BuildingStructure(models.TextChoices):
    """建筑结构."""

    STEEL = "steel", "钢结构"
    CONCRETE = "concrete", "钢筋混凝土结构"
    MASONRY_CONCRETE = "masonry_concrete", "砖混结构"
    MASONRY_TIMBER = "masonry_timber", "砖木结构"
    OTHER = "other", "其他结构"


class BuildingStatus(models.TextChoices):
    """建设状态 / 单体建设进度状态: set by progress logs, never typed."""

    PLANNED = "planned", "未开工"
    UNDER_CONSTRUCTION = "under_construction", "在建"
    SUSPENDED = "suspended", "停工"
    COMPLETED = "completed", "已竣工"


class UnitSource(models.TextChoices):
    """房屋来源."""

    NEW = "new", "新建"
    RECONSTRUCTION = "reconstruction", "改建"
    PURCHASE = "purchase", "收购"
    LONG_LEASE = "long_lease", "长期租赁"
    ATTACHED = "attached", "配建"
    DONATION = "donation", "捐赠"


class Orientation(models.TextChoices):
    """朝向."""

    SOUTH = "S", "南"
    NORTH = "N", "北"
    EAST = "E", "东"
    WEST = "W", "西"
    SOUTH_NORTH = "SN", "南北"
    EAST_WEST = "EW", "东西"
    SOUTH_EAST = "SE", "东南"
    SOUTH_WEST = "SW", "西南"
    NORTH_EAST = "NE", "东北"
    NORTH_WEST = "NW", "西北"


class Layout(models.TextChoices):
    """户型."""

    STUDIO = "studio", "单间"
    ONE_ONE = "1b1l", "一室一厅"
    TWO_ONE = "2b1l", "两室一厅"
    TWO_TWO = "2b2l", "两室两厅"
    THREE_ONE = "3b1l", "三室一厅"
    THREE_TWO = "3b2l", "三室两厅"


class Decoration(models.TextChoices):
    """建成时装修程度."""

    ROUGH = "rough", "毛坯"
    SIMPLE = "simple", "简易装修"
    FULL = "full", "精装修"


class UnitState(models.TextChoices):
    """住房状态; changed only by `unit_state_transition` (see services/units.py)."""

    UNDELIVERED = "undelivered", "未交付"
    DELIVERED = "delivered", "已交付"
    ALLOCATED = "allocated", "已配给"
    OCCUPIED = "occupied", "已入住"
    VACANT = "vacant", "空置"
    MAINTENANCE = "maintenance", "维修"
    LOCKED = "locked", "锁定"


class ParticipantCategory(models.TextChoices):
    """参与单位分类: the role an organisation plays in projects."""

    DEVELOPER = "developer", "建设单位"
    DESIGNER = "designer", "设计单位"
    CONTRACTOR = "contractor", "施工单位"
    SUPERVISOR = "supervisor", "监理单位"
    SURVEYOR = "surveyor", "勘察单位"
    DEMOLITION = "demolition", "拆迁单位"
    SELLER = "seller", "售房单位"
    PROPERTY = "property", "物业服务企业"


class ParticipantType(models.TextChoices):
    """参与单位类型: ownership of the organisation."""

    STATE = "state", "国有企业"
    COLLECTIVE = "collective", "集体企业"
    PRIVATE = "private", "民营企业"
    FOREIGN = "foreign", "外资及港澳台企业"
    INSTITUTION = "institution", "机关事业单位"
    OTHER = "other", "其他"


class OrganisationIdType(models.TextChoices):
    """证件类型 of an organisation."""

    CREDIT_CODE = "uscc", "统一社会信用代码"
    ORGANISATION_CODE = "org_code", "组织机构代码"
    OTHER = "other", "其他"


class PersonIdType(models.TextChoices):
    """证件类型 of a person."""

    RESIDENT_ID = "111", "居民身份证"
    PASSPORT = "414", "普通护照"
    HK_MACAO = "516", "港澳居民来往内地通行证"
    TAIWAN = "511", "台湾居民来往大陆通行证"
    OTHER = "990", "其他"


class PersonCategory(models.TextChoices):
    """人员分类."""

    PROJECT_LEADER = "project_leader", "项目负责人"
    TECHNICAL_LEADER = "technical_leader", "技术负责人"
    SITE_MANAGER = "site_manager", "项目经理"
    CHIEF_SUPERVISOR = "chief_supervisor", "总监理工程师"
    SAFETY_OFFICER = "safety_officer", "安全员"
    OTHER = "other", "其他"


class EmploymentMode(models.TextChoices):
    """专（兼）职."""

    FULL_TIME = "full_time", "专职"
    PART_TIME = "part_time", "兼职"


class CertificateType(models.TextChoices):
    """证书名称: the approval certificates of a project (A.5.8 groups)."""

    LAND_USE = "land_use", "国有土地使用证"
    LAND_PLANNING = "land_planning", "建设用地规划许可证"
    WORKS_PLANNING = "works_planning", "建设工程规划许可证"
    CONSTRUCTION = "construction", "建筑工程施工许可证"
    PRESALE = "presale", "商品房预售许可证"
    DEMOLITION = "demolition", "房屋拆迁许可证"


class ContractCategory(models.TextChoices):
    """合同类别 of a construction contract."""

    GENERAL = "general", "施工总承包"
    SUBCONTRACT = "subcontract", "专业分包"
    DESIGN = "design", "设计"
    SUPERVISION = "supervision", "监理"
    SURVEY = "survey", "勘察"
    PURCHASE = "purchase", "设备材料采购"


class ProgressKind(models.TextChoices):
    """进度日志类别: what one A.5.6 entry records."""

    START = "start", "开工"
    COMPLETION = "completion", "竣工"
    SUSPENSION = "suspension", "停工"
    RESUMPTION = "resumption", "复工"
    INVESTMENT = "investment", "投资进度"
    DEMOLITION = "demolition", "拆迁安置进度"
    LAND_SUPPLY = "land_supply", "土地供应"


BUILDING_PROGRESS_KINDS = (ProgressKind.START, ProgressKind.COMPLETION, ProgressKind.SUSPENSION, ProgressKind.RESUMPTION)
