"""Blocks of business numbers for bulk work (demo data, imports): one counter update per block.

`anju.core.services.numbers.business_number_next` hands out one number under a row lock; bulk
generators call `business_number_block` once per batch and county instead, so a million
households need a few hundred counter updates, not a million. The numbers have the same form
and come from the same counter row (kind, county, year), so both can be mixed freely.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F

from anju.core.models import BusinessSequence
from anju.core.services.numbers import COUNTY_CODE_LENGTH, KIND_PREFIXES


def business_number_block(*, kind: str, region_code: str, year: int, count: int, width: int = 6) -> list[str]:
    """Reserve `count` consecutive numbers of (kind, county of region_code, year) in one locked update."""
    prefix = KIND_PREFIXES[kind]
    county = region_code[:COUNTY_CODE_LENGTH]
    if count <= 0:
        return []
    lookup = {"kind": kind, "region_code": county, "year": year}
    with transaction.atomic():
        try:
            with transaction.atomic():
                BusinessSequence.objects.get_or_create(**lookup)
        except IntegrityError:
            pass  # created by a concurrent caller
        sequence = BusinessSequence.objects.select_for_update(of=("self",)).get(**lookup)
        BusinessSequence.objects.filter(pk=sequence.pk).update(last_value=F("last_value") + count)
        last = BusinessSequence.objects.values_list("last_value", flat=True).get(pk=sequence.pk)
    if last >= 10**width:
        raise OverflowError(f"{county} {year} 年的{kind}编号已超过 {width} 位序号的上限。")
    return [f"{prefix}{county}{year}{value:0{width}d}" for value in range(last - count + 1, last + 1)]
