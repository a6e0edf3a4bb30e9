"""Fields shared by the records of an application (审核人、审核时间、审核状态)."""

from django.conf import settings
from django.db import models

from anju.admission.choices import ReviewStatus


class ReviewedRecord(models.Model):
    """A record that is reviewed: 审核人, 审核时间, 审核状态 (every set of A.3.8–A.3.11)."""

    review_status = models.CharField("审核状态", max_length=16, choices=ReviewStatus.choices, default=ReviewStatus.PENDING)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="审核人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField("审核时间", null=True, blank=True)

    class Meta:
        abstract = True


class ApplicationPart(ReviewedRecord):
    """A member, dwelling or asset of one application, numbered within it."""

    sequence = models.PositiveSmallIntegerField("序号", default=1)

    class Meta:
        abstract = True

    @property
    def number(self) -> str:
        """Number of the record: the application number and its sequence (e.g. …-02)."""
        return f"{self.application.number}-{self.sequence:02d}"

    @property
    def application_number(self) -> str:
        """申请编号 of the owning application."""
        return self.application.number

    @property
    def registration_year(self) -> int:
        """准入登记年度 of the owning application."""
        return self.application.registration_year

    @property
    def stage(self) -> str:
        """办理阶段: the owning application's status, in Chinese."""
        return self.application.get_status_display()
