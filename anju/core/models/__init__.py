"""Core models: regions, dictionaries, business-number sequences, job progress, base classes."""

from anju.core.models.base import RegionScopedModel, TimeStampedModel
from anju.core.models.dictionaries import Dictionary, DictionaryCodeField, DictionaryItem
from anju.core.models.documents import DocumentTemplate
from anju.core.models.jobs import JobProgress
from anju.core.models.regions import Region
from anju.core.models.sequences import BusinessSequence

__all__ = [
    "BusinessSequence",
    "Dictionary",
    "DictionaryCodeField",
    "DictionaryItem",
    "DocumentTemplate",
    "JobProgress",
    "Region",
    "RegionScopedModel",
    "TimeStampedModel",
]
