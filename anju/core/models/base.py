"""Abstract bases every business model uses."""

from django.db import models

from anju.core.scoping import RegionScopedQuerySet


class TimeStampedModel(models.Model):
    """Creation and modification times."""

    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    class Meta:
        abstract = True


class RegionScopedModel(TimeStampedModel):
    """A business record that belongs to a place: 12-digit statistical division code.

    Jurisdiction is a code prefix (see `anju.core.scoping`); selectors filter with
    `Model.objects.visible_to(user)`.
    """

    region_code = models.CharField("行政区划代码", max_length=12, db_index=True)

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        abstract = True
