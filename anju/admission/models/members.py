"""申请家庭成员信息 (CJJ/T 196 A.3.10)."""

from django.db import models
from django.db.models import Q

from anju.admission.models.applications import MONEY
from anju.admission.models.base import ApplicationPart
from anju.core.fields import EncryptedTextField
from anju.core.masking import mask_account, mask_id_number, mask_mobile
from anju.core.models import DictionaryCodeField


class Member(ApplicationPart):
    """申请家庭成员信息 (A.3.10): one person of the applying household."""

    application = models.ForeignKey(
        "admission.Application", verbose_name="申请", on_delete=models.CASCADE, related_name="members"
    )
    is_applicant = models.BooleanField("是否申请人", default=False)
    relation = DictionaryCodeField("与户主关系", dictionary="family_relation")
    name = models.CharField("家庭成员姓名", max_length=50)
    id_type = DictionaryCodeField("身份证件类别", dictionary="id_document_type", default="111")
    id_number = EncryptedTextField("身份证件号码")
    id_number_index = models.CharField("身份证件号码索引", max_length=64, db_index=True, editable=False)
    hukou_type = DictionaryCodeField("户口性质", dictionary="hukou_nature", blank=True)
    hukou_years = models.PositiveSmallIntegerField("户口年限", null=True, blank=True)
    is_resident = models.BooleanField("是否常住", default=True)
    sex = DictionaryCodeField("性别", dictionary="sex")
    birth_date = models.DateField("出生日期")
    ethnicity = DictionaryCodeField("民族", dictionary="ethnicity", blank=True)
    phone = EncryptedTextField("联系电话", blank=True, default="")
    phone_index = models.CharField("联系电话索引", max_length=64, blank=True, db_index=True, editable=False)
    employment_status = DictionaryCodeField("就业情况", dictionary="employment_status", blank=True)
    employer = models.CharField("工作单位", max_length=100, blank=True)
    employer_type = DictionaryCodeField("单位性质", dictionary="employer_type", blank=True)
    occupation_type = DictionaryCodeField("职业性质", dictionary="occupation_type", blank=True)
    education = DictionaryCodeField("文化程度", dictionary="education", blank=True)
    graduation_date = models.DateField(
        "毕业日期", null=True, blank=True, help_text="最高学历毕业日期；保障规则据此计算毕业年限。"
    )
    marital_status = DictionaryCodeField("婚姻状况", dictionary="marital_status", blank=True)
    annual_income = models.DecimalField("年收入", default=0, **MONEY)
    special_person_code = DictionaryCodeField("特殊人员代码", dictionary="special_group", blank=True)
    disability_type = DictionaryCodeField("残疾类别", dictionary="disability_category", blank=True)
    disability_level = DictionaryCodeField("残疾等级", dictionary="disability_grade", blank=True)
    honour_level = DictionaryCodeField("荣誉称号级别", dictionary="honour_level", blank=True)
    honour_type = DictionaryCodeField("荣誉称号类别", dictionary="honour_type", blank=True)
    medal_type = DictionaryCodeField("荣誉奖章类别", dictionary="medal_type", blank=True)
    is_introduced_talent = models.BooleanField("是否引进人才", default=False)
    is_migrant_worker = models.BooleanField("是否外来务工人员", default=False)
    has_provident_fund = models.BooleanField("是否享受住房公积金", default=False)
    had_welfare_housing = models.BooleanField("是否享受过福利房", default=False)
    has_housing_subsidy = models.BooleanField("是否享受住房补贴", default=False)
    lives_together = models.BooleanField("是否共同居住", default=True)
    income_source = DictionaryCodeField("收入来源", dictionary="income_source", blank=True)
    has_criminal_record = models.BooleanField("是否有犯罪记录", default=False)
    pension_insurance_number = EncryptedTextField("养老保险号", blank=True, default="")
    medical_insurance_number = EncryptedTextField("医疗保险号", blank=True, default="")
    unemployment_insurance_number = EncryptedTextField("失业保险号", blank=True, default="")
    maternity_insurance_number = EncryptedTextField("生育保险号", blank=True, default="")
    injury_insurance_number = EncryptedTextField("工伤保险号", blank=True, default="")
    combined_insurance_number = EncryptedTextField("五保合一号", blank=True, default="")
    social_insurance_months = models.PositiveSmallIntegerField(
        "连续缴纳社保月数", null=True, blank=True, help_text="截至申请时在本市连续缴纳社会保险的月数。"
    )
    provident_fund_account = EncryptedTextField("公积金账号", blank=True, default="")
    provident_fund_account_index = models.CharField("公积金账号索引", max_length=64, blank=True, editable=False)
    five_guarantees_certificate = models.CharField("五保证编号", max_length=40, blank=True)
    hardship_certificate = models.CharField("职工特困证号码", max_length=40, blank=True)

    class Meta:
        verbose_name = "申请家庭成员"
        verbose_name_plural = "申请家庭成员"
        ordering = ["application", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["application", "sequence"], name="admission_member_unique_sequence"),
            models.UniqueConstraint(
                fields=["application"], condition=Q(is_applicant=True), name="admission_member_one_applicant"
            ),
            models.UniqueConstraint(fields=["application", "id_number_index"], name="admission_member_unique_person"),
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.number}）"

    @property
    def id_number_masked(self) -> str:
        """身份证件号码, masked (first 6 + last 4)."""
        return mask_id_number(self.id_number)

    @property
    def phone_masked(self) -> str:
        """联系电话, masked (3 + 4)."""
        return mask_mobile(self.phone)

    @property
    def provident_fund_account_masked(self) -> str:
        """公积金账号, last 4 shown."""
        return mask_account(self.provident_fund_account)
