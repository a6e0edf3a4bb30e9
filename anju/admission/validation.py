"""Display of coded fields (store the code, show the name) for pages, exports and the API.

Coded fields are `DictionaryCodeField`s; their validation against the code tables happens in
`full_clean()` (see `anju.core.models.DictionaryCodeField`).
"""

from __future__ import annotations

from typing import Any

from django.db import models

from anju.core.models import DictionaryCodeField


def coded_fields(model: type[models.Model]) -> dict[str, str]:
    """{field name: dictionary code} of a model's coded fields."""
    return {f.name: f.dictionary for f in model._meta.concrete_fields if isinstance(f, DictionaryCodeField)}


def code_name(instance: models.Model, field_name: str) -> str:
    """The Chinese name of a coded field's value ('' when empty, the code when unknown)."""
    from anju.core.selectors import dictionary_label

    value = getattr(instance, field_name)
    if not value:
        return ""
    dictionary = instance._meta.get_field(field_name).dictionary
    return dictionary_label(dictionary, value)


def field_display(instance: models.Model, field_name: str) -> Any:
    """What a clerk reads for a field: code names, 是/否, choice labels, the raw value otherwise."""
    field = instance._meta.get_field(field_name)
    if isinstance(field, DictionaryCodeField):
        return code_name(instance, field_name)
    value = getattr(instance, field_name)
    if isinstance(field, models.BooleanField):
        return "是" if value else "否"
    if field.choices:
        return getattr(instance, f"get_{field_name}_display")()
    return "" if value is None else value
