"""审批重要证件 (A.5.8), 施工合同备案 (A.5.9) and 拆迁安置合同备案 (A.5.10)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from anju.core.models import RegionScopedModel
from anju.housing.choices import CertificateType
from anju.housing.models.base import (
    MONEY,
    DeletableRecord,
    area_field,
    code_field,
    count_field,
    date_ranges_check,
    money_field,
    text_field,
)


def _percent(label: str) -> models.DecimalField:
    return models.DecimalField(label, max_digits=6, decimal_places=2, null=True, blank=True)


class Certificate(DeletableRecord, RegionScopedModel):
    """项目建设审批重要证件信息 (A.5.8): one certificate; its scans are e-archive files (A.5.7).

    The standard lists the fields of six certificates in one set; a record fills the group
    of its `name` (土地使用证, 用地规划许可, 工程规划许可, 施工许可, 预售许可, 拆迁许可).
    """

    number = models.CharField("证书编号", max_length=60)
    project = models.ForeignKey("housing.Project", verbose_name="项目", on_delete=models.PROTECT, related_name="certificates")
    name = models.CharField("证书名称", max_length=24, choices=CertificateType.choices)
    issued_on = models.DateField("发证日期")
    issuer = models.CharField("发证机关/登记机关", max_length=100)
    valid_from = models.DateField("证书有效起始时间", null=True, blank=True)
    valid_to = models.DateField("证书有效终止时间", null=True, blank=True)
    # 国有土地使用证
    land_user = text_field("土地使用权人", 200)
    land_location = text_field("坐落", 200)
    lot_number = text_field("地号", 40)
    map_number = text_field("图号", 40)
    land_class = text_field("地类（用途）", 40)
    land_grade = text_field("土地等级", 20)
    acquisition_price = money_field("取得价格（万元）")
    use_right_type = text_field("使用权类型", 20)
    use_right_area = area_field("使用权面积")
    exclusive_area = area_field("独用面积")
    apportioned_area = area_field("分摊面积")
    # 建设用地规划许可证
    land_user_unit = text_field("用地单位", 200)
    works_name = text_field("工程项目名称", 200)
    land_use_location = text_field("用地位置", 200)
    land_use_area = area_field("用地面积")
    land_use_nature = text_field("用地性质", 40)
    construction_scale = text_field("建设规模", 200)
    plot_ratio = _percent("容积率（%）")
    building_density = _percent("建筑密度（%）")
    greening_ratio = _percent("绿地率（%）")
    # 建设工程规划许可证
    planning_project_name = text_field("规划项目名称", 200)
    planning_address = text_field("建设地址", 200)
    permitted_floor_area = area_field("规划许可建筑面积")
    planned_residential_area = area_field("规划住宅面积")
    planned_commercial_area = area_field("规划商业面积")
    planned_office_area = area_field("规划办公面积")
    # 建筑工程施工许可证
    builder = text_field("建设单位", 200)
    construction_project_name = text_field("建设项目名称", 200)
    construction_location = text_field("建设位置", 200)
    construction_address = text_field("建设地址（施工许可）", 200)
    contract_price = money_field("合同价格（万元）")
    design_unit = text_field("设计单位", 200)
    construction_unit = text_field("施工单位", 200)
    supervision_unit = text_field("监理单位", 200)
    contract_start = models.DateField("合同开工日期", null=True, blank=True)
    contract_completion = models.DateField("合同竣工日期", null=True, blank=True)
    # 商品房预售许可证
    seller = text_field("售房单位", 200)
    sale_project_name = text_field("销售项目名称", 200)
    sale_location = text_field("房屋坐落地点", 200)
    sale_use = text_field("房屋用途性质", 40)
    presale_target = text_field("预销售对象", 100)
    approved_sale_area = area_field("批准售建筑面积")
    approved_sale_units = count_field("批准售建筑套数")
    export_sale_area = area_field("外销建筑面积")
    export_sale_units = count_field("外销建筑套数")
    approved_residential_area = area_field("批准销售住宅面积")
    approved_commercial_area = area_field("批准销售商业面积")
    approved_office_area = area_field("批准销售办公面积")
    approved_other_area = area_field("批准销售其他面积")
    # 房屋拆迁许可证
    demolition_company = text_field("拆迁公司", 200)
    demolition_project_name = text_field("拆迁项目名称", 200)
    demolition_permit_number = text_field("拆迁许可证号", 60)
    demolition_from = models.DateField("拆迁许可开始时间", null=True, blank=True)
    demolition_to = models.DateField("拆迁许可结束时间", null=True, blank=True)
    demolition_scope = text_field("拆迁范围", 300)
    planned_demolition_area = area_field("计划拆迁面积")

    class Meta:
        verbose_name = "审批证件"
        verbose_name_plural = "审批证件"
        ordering = ["project", "issued_on"]
        constraints = [models.UniqueConstraint(fields=["name", "number"], name="housing_certificate_unique_number")]

    def __str__(self) -> str:
        return f"{self.get_name_display()} {self.number}"

    def get_absolute_url(self) -> str:
        """The staff detail page."""
        return reverse("housing:certificate_detail", args=[self.pk])

    def clean(self) -> None:
        """Validity, contract and demolition periods in order."""
        errors: dict[str, list] = {}
        date_ranges_check(
            self, errors, ("valid_from", "valid_to"), ("contract_start", "contract_completion"), ("demolition_from", "demolition_to")
        )
        if errors:
            raise ValidationError(errors)

    @property
    def project_number(self) -> str:
        """项目编号."""
        return self.project.number


class ConstructionContract(DeletableRecord, RegionScopedModel):
    """项目建设工程施工合同备案信息 (A.5.9)."""

    record_number = models.CharField("记录编号", max_length=40, unique=True)
    project = models.ForeignKey("housing.Project", verbose_name="项目", on_delete=models.PROTECT, related_name="construction_contracts")
    building = models.ForeignKey(
        "housing.Building", verbose_name="单项工程", null=True, blank=True, on_delete=models.PROTECT, related_name="contracts"
    )
    party_a = models.ForeignKey("housing.Participant", verbose_name="合同甲方", on_delete=models.PROTECT, related_name="+")
    party_b = models.ForeignKey("housing.Participant", verbose_name="合同乙方", on_delete=models.PROTECT, related_name="+")
    category = code_field("合同类别", "housing_contract_category", blank=False)
    contract_number = models.CharField("合同编号", max_length=60)
    name = models.CharField("合同名称", max_length=200)
    summary = models.TextField("合同内容简述", blank=True)
    amount = models.DecimalField("合同金额（万元）", **MONEY)
    quantity = text_field("合同工程量", 100)
    signed_on = models.DateField("签订时间")
    agreed_start = models.DateField("合同约定开工时间", null=True, blank=True)
    agreed_completion = models.DateField("合同约定竣工时间", null=True, blank=True)
    valid_from = models.DateField("合同有效开始时间", null=True, blank=True)
    valid_to = models.DateField("合同有效结束时间", null=True, blank=True)
    is_valid = models.BooleanField("合同是否有效", default=True)

    class Meta:
        verbose_name = "施工合同备案"
        verbose_name_plural = "施工合同备案"
        ordering = ["-signed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.contract_number} {self.name}"

    def get_absolute_url(self) -> str:
        """The staff detail page."""
        return reverse("housing:construction_contract_detail", args=[self.pk])

    def clean(self) -> None:
        """Two different parties; periods in order; the building belongs to the project."""
        errors: dict[str, list] = {}
        if self.party_a_id and self.party_a_id == self.party_b_id:
            errors["party_b"] = ["合同甲方和乙方不能是同一单位。"]
        if self.building_id and self.project_id and self.building.project_id != self.project_id:
            errors["building"] = ["单项工程不属于该项目。"]
        date_ranges_check(self, errors, ("agreed_start", "agreed_completion"), ("valid_from", "valid_to"))
        if errors:
            raise ValidationError(errors)

    @property
    def project_number(self) -> str:
        """项目唯一编号."""
        return self.project.number

    @property
    def building_number(self) -> str:
        """单项工程唯一编号."""
        return self.building.number if self.building_id else ""

    @property
    def party_a_number(self) -> str:
        """合同甲方唯一编号."""
        return self.party_a.number

    @property
    def party_b_number(self) -> str:
        """合同乙方唯一编号."""
        return self.party_b.number


class ResettlementContract(DeletableRecord, RegionScopedModel):
    """项目拆迁安置合同备案 (A.5.10)."""

    record_number = models.CharField("记录编号", max_length=40, unique=True)
    project = models.ForeignKey("housing.Project", verbose_name="项目", on_delete=models.PROTECT, related_name="resettlement_contracts")
    contract_number = models.CharField("拆迁安置合同编号", max_length=60)
    signed_on = models.DateField("合同签订日期")
    effective_on = models.DateField("合同生效日期", null=True, blank=True)
    income_class = code_field("收入层次类别", "housing_income_class")
    security_mode = code_field("保障方式类别", "housing_security_mode")
    compensation_mode = code_field("安置补偿方式类别", "housing_compensation_mode", blank=False)
    displaced_person = models.CharField("被拆迁人", max_length=50)
    demolished_floor_area = area_field("拆迁房屋面积")
    demolished_residential_area = area_field("拆迁住宅面积")
    compensation_amount = money_field("货币补偿额度（万元）")
    resettlement_residential_area = area_field("实物安置住宅面积")
    resettlement_floor_area = area_field("实物安置房屋面积")

    class Meta:
        verbose_name = "拆迁安置合同备案"
        verbose_name_plural = "拆迁安置合同备案"
        ordering = ["-signed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.contract_number} {self.displaced_person}"

    def get_absolute_url(self) -> str:
        """The staff detail page."""
        return reverse("housing:resettlement_contract_detail", args=[self.pk])

    def clean(self) -> None:
        """The contract takes effect on or after signing."""
        errors: dict[str, list] = {}
        date_ranges_check(self, errors, ("signed_on", "effective_on"))
        if errors:
            raise ValidationError(errors)

    @property
    def project_number(self) -> str:
        """项目编号."""
        return self.project.number
