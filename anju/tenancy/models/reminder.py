"""催缴记录: a rent reminder issued to a household (Anju extension of A.8.5 租金应收)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from anju.tenancy.models.base import TrackedModel, money


class ReminderChannel(models.TextChoices):
    """How the reminder reached the household."""

    SMS = "sms", "短信"
    PAPER = "paper", "纸质通知"


class RentReminder(TrackedModel):
    """A.8.5 租金 related, Anju extension 催缴记录: one reminder of one household's arrears."""

    register_entry = models.ForeignKey(
        "admission.RegisterEntry",
        verbose_name="申请人（登记簿）",
        on_delete=models.PROTECT,
        related_name="rent_reminders",
    )
    move_in = models.ForeignKey(
        "tenancy.MoveIn",
        verbose_name="入住记录",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="rent_reminders",
    )
    amount_owed = money("欠缴金额")
    months_owed = models.PositiveSmallIntegerField("欠租月数", default=0)
    channel = models.CharField("催缴方式", max_length=8, choices=ReminderChannel.choices)
    sent_at = models.DateTimeField("催缴时间", db_index=True)
    sent_on = models.DateField("催缴日期", editable=False)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="催缴人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    message = models.TextField("通知内容", blank=True)

    class Meta:
        verbose_name = "催缴记录"
        verbose_name_plural = "催缴记录"
        ordering = ["-sent_at", "-pk"]
        indexes = [models.Index(fields=["register_entry", "sent_on"], name="tenancy_reminder_entry_day")]

    def __str__(self) -> str:
        return f"{self.register_entry_id} {self.get_channel_display()} {self.sent_on}"

    def get_absolute_url(self) -> str:
        """The household's statement."""
        return reverse("tenancy:household_detail", args=[self.register_entry_id])
