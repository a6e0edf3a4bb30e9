"""申请家庭住房信息 (CJJ/T 196 A.3.9)."""

from django.db import models

from anju.admission.models.applications import MONEY
from anju.admission.models.base import ApplicationPart
from anju.core.fields import EncryptedTextField
from anju.core.masking import mask_id_number
from anju.core.models import DictionaryCodeField


class Dwelling(ApplicationPart):
    """申请家庭住房信息 (A.3.9): one home the household owns, rents or lives in."""

    application = models.ForeignKey(
        "admission.Application", verbose_name="申请", on_delete=models.CASCADE, related_name="dwellings"
    )
    address_county = models.CharField("房屋地址-县（市）-区", max_length=12, blank=True)
    address_street = models.CharField("房屋地址-街道", max_length=12, blank=True)
    address_community = models.CharField("房屋地址-社区", max_length=12, blank=True)
    address_road = models.CharField("房屋地址-路（街、里、巷、小区）", max_length=100, blank=True)
    address_house_number = models.CharField("房屋地址-号", max_length=20, blank=True)
    address_building = models.CharField("房屋地址-座（栋）", max_length=20, blank=True)
    address_room = models.CharField("房屋地址-室", max_length=20, blank=True)
    occupancy_status = DictionaryCodeField("房屋住用状况", dictionary="dwelling_occupancy")
    title_certificate_number = models.CharField("产权证编号", max_length=50, blank=True)
    owner_name = models.CharField("产权人姓名", max_length=50, blank=True)
    owner_id_number = EncryptedTextField("产权人身份证", blank=True, default="")
    owner_id_number_index = models.CharField("产权人身份证索引", max_length=64, blank=True, db_index=True, editable=False)
    owner_is_member = models.BooleanField("产权人是否家庭成员", default=False)
    owner_organisation = models.CharField("产权单位", max_length=100, blank=True)
    owner_organisation_code = models.CharField("产权单位组织机构代码", max_length=18, blank=True)
    property_nature = DictionaryCodeField("房屋性质", dictionary="house_nature", blank=True)
    house_type = DictionaryCodeField("房屋类型", dictionary="house_type", blank=True)
    completeness = DictionaryCodeField("成套情况", dictionary="completeness", blank=True)
    condition = DictionaryCodeField("房屋完好程度", dictionary="house_condition", blank=True)
    structure = DictionaryCodeField("房屋结构", dictionary="building_structure", blank=True)
    layout = DictionaryCodeField("房屋户型", dictionary="unit_layout", blank=True)
    facilities = models.CharField("房屋配套设施", max_length=200, blank=True)
    management_mode = DictionaryCodeField("小区物业管理模式", dictionary="property_management_mode", blank=True)
    floor_area = models.DecimalField("建筑面积", max_digits=10, decimal_places=2)
    built_year = models.PositiveSmallIntegerField("建成年份", null=True, blank=True)
    rent = models.DecimalField("租金", null=True, blank=True, **MONEY)
    ownership_share_class = DictionaryCodeField("住房产权比例分类", dictionary="ownership_share_class", blank=True)
    ownership_nature = DictionaryCodeField("产权性质", dictionary="property_right_nature", blank=True)
    ownership_share = models.DecimalField("产权比例", max_digits=5, decimal_places=2, null=True, blank=True, help_text="百分比，0–100。")
    value = models.DecimalField("房屋价值", null=True, blank=True, **MONEY)
    property_manager = models.CharField("物业单位", max_length=100, blank=True)
    address_category = DictionaryCodeField("家庭成员房屋地址类别", dictionary="dwelling_address_category", blank=True)
    disposal_intention = DictionaryCodeField("房屋配给后原住房处置意向", dictionary="dwelling_disposal_intention", blank=True)

    class Meta:
        verbose_name = "申请家庭住房"
        verbose_name_plural = "申请家庭住房"
        ordering = ["application", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["application", "sequence"], name="admission_dwelling_unique_sequence"),
            models.CheckConstraint(condition=models.Q(floor_area__gte=0), name="admission_dwelling_area_nonnegative"),
        ]

    def __str__(self) -> str:
        return f"住房 {self.number}"

    @property
    def owner_id_number_masked(self) -> str:
        """产权人身份证, masked."""
        return mask_id_number(self.owner_id_number)



