"""项目参与单位 (A.5.4), 项目参与人员 (A.5.5) and their part in projects."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from anju.core.fields import EncryptedTextField
from anju.core.masking import mask_id_number, mask_mobile
from anju.core.models import RegionScopedModel
from anju.housing.choices import (
    OrganisationIdType,
    ParticipantCategory,
    PersonIdType,
)
from anju.housing.models.base import (
    MONEY,
    DeletableRecord,
    code_field,
    count_field,
    date_ranges_check,
    text_field,
)


class Participant(DeletableRecord, RegionScopedModel):
    """项目参与单位信息 (A.5.4): an organisation in projects; the credit code is validated (GB 32100)."""

    number = models.CharField("单位编号", max_length=40, unique=True)
    name = models.CharField("单位名称", max_length=200)
    category = models.CharField("参与单位分类", max_length=24, choices=ParticipantCategory.choices)
    supervising_body = text_field("主管单位", 200)
    id_type = models.CharField("证件类型", max_length=24, choices=OrganisationIdType.choices, default=OrganisationIdType.CREDIT_CODE)
    id_number = models.CharField("证件号码", max_length=40, db_index=True)
    industry = text_field("所属行业", 60)
    registered_place = text_field("注册地", 200)
    phone = text_field("电话", 30)
    fax = text_field("传真", 30)
    address = text_field("地址", 200)
    postcode = text_field("邮编", 6)
    email = models.EmailField("邮箱", blank=True)
    website = models.URLField("网址", blank=True)
    qualification_name = text_field("资质名称", 100)
    qualification_number = text_field("资质证书号", 60)
    qualification_grade = text_field("资质等级", 30)
    qualification_start = models.DateField("资质起始日期", null=True, blank=True)
    qualification_end = models.DateField("资质终止日期", null=True, blank=True)
    participant_type = code_field("参与单位类型", "housing_participant_type")
    business_scope = models.TextField("经营范围", blank=True)
    registered_capital = models.DecimalField("注册资本（万）", default=0, **MONEY)
    employee_count = count_field("从业人数")
    legal_representative = text_field("法人代表", 50)
    established_on = models.DateField("成立时间", null=True, blank=True)
    bank_name = text_field("开户银行", 100)
    bank_account = text_field("银行账号", 40)
    titled_staff_count = count_field("有职称专业人员数")
    senior_title_count = count_field("高级职称人数")
    registered_staff_count = count_field("在册人员总数")
    intermediate_title_count = count_field("中级职称人数")
    junior_title_count = count_field("初级职称人数")
    licence_start = models.DateField("营业执照经营开始时间", null=True, blank=True)
    licence_end = models.DateField("营业执照经营结束时间", null=True, blank=True)
    net_assets = models.DecimalField("净资产（万元）", default=0, **MONEY)
    total_assets = models.DecimalField("总资产（万元）", default=0, **MONEY)
    projects = models.ManyToManyField(
        "housing.Project", verbose_name="参与项目", through="housing.ProjectParticipation", related_name="participants", blank=True
    )

    class Meta:
        verbose_name = "项目参与单位"
        verbose_name_plural = "项目参与单位"
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["id_type", "id_number"], name="housing_participant_unique_id")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        """The staff detail page."""
        return reverse("housing:participant_detail", args=[self.pk])

    def clean(self) -> None:
        """Credit code checked (GB 32100) and normalised; date ranges in order."""
        from anju.core.validators import validate_credit_code

        errors: dict[str, list] = {}
        if self.id_type == OrganisationIdType.CREDIT_CODE and self.id_number:
            self.id_number = self.id_number.strip().upper().replace(" ", "")
            try:
                validate_credit_code(self.id_number)
            except ValidationError as exc:
                errors["id_number"] = exc.messages
        date_ranges_check(self, errors, ("qualification_start", "qualification_end"), ("licence_start", "licence_end"))
        if errors:
            raise ValidationError(errors)


class ProjectParticipation(models.Model):
    """A participant's role in one project (建设、设计、施工、监理 …)."""

    project = models.ForeignKey("housing.Project", verbose_name="项目", on_delete=models.CASCADE, related_name="participations")
    participant = models.ForeignKey(Participant, verbose_name="参与单位", on_delete=models.PROTECT, related_name="participations")
    role = models.CharField("参与角色", max_length=24, choices=ParticipantCategory.choices)

    class Meta:
        verbose_name = "项目参与"
        verbose_name_plural = "项目参与"
        constraints = [
            models.UniqueConstraint(fields=["project", "participant", "role"], name="housing_participation_unique")
        ]

    def __str__(self) -> str:
        return f"{self.project_id} {self.participant_id} {self.role}"


class ParticipantPerson(DeletableRecord, RegionScopedModel):
    """项目参与人员信息 (A.5.5): a person of a participant; ID number and phone encrypted (SM4)."""

    number = models.CharField("人员编号", max_length=40, unique=True)
    name = models.CharField("人员名称", max_length=50)
    category = code_field("人员分类", "housing_person_category", blank=False)
    participant = models.ForeignKey(Participant, verbose_name="所属单位", on_delete=models.PROTECT, related_name="people")
    id_type = models.CharField("证件类型", max_length=8, choices=PersonIdType.choices, default=PersonIdType.RESIDENT_ID)
    id_number = EncryptedTextField("证件号码")
    id_number_index = models.CharField("证件号码索引", max_length=64, db_index=True, editable=False)
    hukou_place = text_field("户籍所在地", 200)
    occupation = text_field("职业", 60)
    sex = text_field("性别", 1)
    nationality = text_field("国籍", 40, default="中国")
    ethnicity = text_field("民族", 20)
    birth_date = models.DateField("出生日期", null=True, blank=True)
    education = text_field("学历", 20)
    major = text_field("所学专业", 60)
    position = text_field("职务", 60)
    professional_title = text_field("职称", 60)
    phone = EncryptedTextField("电话", blank=True, default="")
    fax = text_field("传真", 30)
    address = text_field("地址", 200)
    postcode = text_field("邮编", 6)
    email = models.EmailField("邮箱", blank=True)
    website = models.URLField("网址", blank=True)
    qualification_name = text_field("资格名称", 100)
    qualification_number = text_field("资格证书号", 60)
    issuing_authority = text_field("发证单位", 100)
    qualification_grade = text_field("资格等级", 30)
    qualification_start = models.DateField("资格起始日期", null=True, blank=True)
    qualification_end = models.DateField("资格终止日期", null=True, blank=True)
    other_qualifications = text_field("其他执业资格", 200)
    employment_mode = code_field("专（兼）职", "housing_employment_mode")
    years_of_experience = models.PositiveSmallIntegerField("从事专业工作累计年限", default=0)

    class Meta:
        verbose_name = "项目参与人员"
        verbose_name_plural = "项目参与人员"
        ordering = ["participant", "name"]

    def __str__(self) -> str:
        return f"{self.name}（{self.participant.name}）"

    def get_absolute_url(self) -> str:
        """The staff detail page."""
        return reverse("housing:person_detail", args=[self.pk])

    def clean(self) -> None:
        """Resident ID numbers checked (GB 11643); the blind index follows the number."""
        from anju.core.fields import blind_index
        from anju.core.validators import normalize_resident_id, validate_resident_id

        errors: dict[str, list] = {}
        if self.id_type == PersonIdType.RESIDENT_ID and self.id_number:
            try:
                validate_resident_id(self.id_number)
                self.id_number = normalize_resident_id(self.id_number)
            except ValidationError as exc:
                errors["id_number"] = exc.messages
        date_ranges_check(self, errors, ("qualification_start", "qualification_end"))
        if errors:
            raise ValidationError(errors)
        self.id_number_index = blind_index(self.id_number, purpose="housing_person_id")

    @property
    def participant_number(self) -> str:
        """单位编号 of the person's organisation."""
        return self.participant.number

    @property
    def id_number_masked(self) -> str:
        """证件号码 masked for screens."""
        return mask_id_number(self.id_number or "")

    @property
    def phone_masked(self) -> str:
        """电话 masked for screens."""
        return mask_mobile(self.phone or "")
