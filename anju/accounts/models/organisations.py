"""Organisations (机构): a tree from the city bureau down to communities and partners."""

from django.db import models
from django.urls import reverse

from anju.core.models import RegionScopedModel


class OrganisationKind(models.TextChoices):
    """What an organisation is."""

    CITY_BUREAU = "city_bureau", "市住房保障部门"
    DISTRICT_BUREAU = "district_bureau", "区县住房保障部门"
    STREET_OFFICE = "street_office", "街道办事处（乡镇）"
    COMMUNITY = "community", "社区居委会"
    OPERATOR = "operator", "公租房运营单位"
    PARTNER = "partner", "协同部门"
    PROVINCE = "province", "省级主管部门"


class Organisation(RegionScopedModel):
    """机构: a department, office, community, operating company or partner department."""

    code = models.CharField("机构编码", max_length=32, unique=True)
    name = models.CharField("机构名称", max_length=200)
    kind = models.CharField("机构类型", max_length=32, choices=OrganisationKind.choices)
    parent = models.ForeignKey(
        "self", verbose_name="上级机构", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    credit_code = models.CharField("统一社会信用代码", max_length=18, blank=True)
    contact_phone = models.CharField("联系电话", max_length=32, blank=True)
    address = models.CharField("地址", max_length=300, blank=True)
    is_active = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = "机构"
        verbose_name_plural = "机构"
        ordering = ["region_code", "code"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        """The organisation's detail page."""
        return reverse("accounts:organisation_detail", args=[self.pk])
