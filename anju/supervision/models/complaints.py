"""投诉处理信息 (CJJ/T 196 A.10.2): complaints and consultations, their handling and replies."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from anju.core.fields import EncryptedTextField
from anju.core.masking import mask_mobile, mask_name
from anju.core.models import DictionaryCodeField, RegionScopedModel, TimeStampedModel
from anju.supervision.choices import ComplaintKind, ComplaintStatus


class Complaint(RegionScopedModel):
    """投诉处理信息 (A.10.2): one complaint or consultation, from the portal, a letter, a call or a visit."""

    number = models.CharField("投诉事件编号", max_length=40, unique=True)
    kind = models.CharField("类别", max_length=16, choices=ComplaintKind.choices, default=ComplaintKind.COMPLAINT)
    title = models.CharField("标题", max_length=200)
    content = models.TextField("投诉内容")
    target_number = models.CharField(
        "被投诉对象编号", max_length=40, blank=True, help_text="如申请编号、登记编号、房屋编号或单位编号。"
    )
    target_name = models.CharField("被投诉对象名称", max_length=200, blank=True)
    submitted_at = models.DateTimeField("投诉日期", db_index=True)
    contact_name = models.CharField("投诉人", max_length=50)
    contact_phone = EncryptedTextField("投诉人联系电话", blank=True, default="")
    contact_phone_index = models.CharField(
        "投诉人联系电话索引", max_length=64, blank=True, db_index=True, editable=False
    )
    contact_address = models.CharField("投诉人联系地址", max_length=200, blank=True)
    contact_email = models.EmailField("投诉人电子邮箱", blank=True)
    channel = DictionaryCodeField("投诉方式", dictionary="complaint_channel")
    applicant_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="门户账号",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supervision_complaints",
    )
    status = models.CharField(
        "办理状态", max_length=16, choices=ComplaintStatus.choices, default=ComplaintStatus.SUBMITTED, db_index=True
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="承办人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    assigned_at = models.DateTimeField("交办时间", null=True, blank=True)
    handling_department = models.CharField("投诉处理部门", max_length=100, blank=True)
    verification_method = models.CharField(
        "投诉查证方式", max_length=100, blank=True, help_text="如实地核查、调阅档案、约谈当事人。"
    )
    verification_result = DictionaryCodeField("投诉查证结果", dictionary="verification_result", blank=True)
    handling_opinion = models.TextField("投诉处理意见", blank=True)
    handled_on = models.DateField("投诉处理日期", null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="投诉处理负责人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    credit_listed = models.BooleanField("是否列入信用档案", default=False)
    closed_at = models.DateTimeField("办结时间", null=True, blank=True)

    class Meta:
        verbose_name = "投诉咨询"
        verbose_name_plural = "投诉咨询"
        ordering = ["-submitted_at", "-id"]
        indexes = [models.Index(fields=["region_code", "status"], name="supervision_complaint_status")]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    def get_absolute_url(self) -> str:
        """The staff detail page."""
        return reverse("supervision:complaint_detail", args=[self.pk])

    @property
    def contact_phone_masked(self) -> str:
        """投诉人联系电话, masked (3 + 4)."""
        return mask_mobile(self.contact_phone)

    @property
    def contact_name_masked(self) -> str:
        """投诉人, surname only."""
        return mask_name(self.contact_name)

    @property
    def handled_by_name(self) -> str:
        """投诉处理负责人's name."""
        user = self.handled_by
        return (getattr(user, "full_name", "") or user.get_username()) if user else ""


class ComplaintReply(TimeStampedModel):
    """A reply or handling note on a complaint; public replies are shown to the complainant on the portal."""

    complaint = models.ForeignKey(Complaint, verbose_name="投诉", on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="答复人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    body = models.TextField("答复内容")
    is_public = models.BooleanField("投诉人可见", default=True, help_text="不勾选则为内部办理记录。")

    class Meta:
        verbose_name = "投诉答复"
        verbose_name_plural = "投诉答复"
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.complaint.number} 答复"
