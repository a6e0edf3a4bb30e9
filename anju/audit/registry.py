"""The field change log (django-auditlog): which models are tracked and how (security.md #7).

Every encrypted field of a tracked model is masked in the change log (the log stores the
masked plain value, never the clear text nor the ciphertext); blind indexes and password
material are left out. Other apps register their models with `track(model, ...)` from their
AppConfig.ready().
"""

from __future__ import annotations

from collections.abc import Iterable

from auditlog.registry import auditlog
from django.apps import apps
from django.db import models

from anju.core.fields import EncryptedTextField

MASK_CALLABLE = "anju.core.masking.mask_identifier"
ALWAYS_EXCLUDED = ("password", "last_login")


def encrypted_field_names(model: type[models.Model]) -> list[str]:
    """Names of the model's SM4-encrypted fields."""
    return [f.name for f in model._meta.get_fields() if isinstance(f, EncryptedTextField)]


def blind_index_field_names(model: type[models.Model]) -> list[str]:
    """Names of the blind-index columns (`<field>_index`) paired with encrypted fields."""
    names = {f.name for f in model._meta.get_fields()}
    return [f"{name}_index" for name in encrypted_field_names(model) if f"{name}_index" in names]


def track(model: type[models.Model], *, exclude: Iterable[str] = (), mask: Iterable[str] = ()) -> None:
    """Track a model in the change log, masking its encrypted fields and `mask`."""
    if auditlog.contains(model):
        return
    field_names = {f.name for f in model._meta.get_fields()}
    excluded = [name for name in (*ALWAYS_EXCLUDED, *exclude, *blind_index_field_names(model)) if name in field_names]
    masked = sorted({*encrypted_field_names(model), *mask})
    auditlog.register(model, exclude_fields=excluded, mask_fields=masked, mask_callable=MASK_CALLABLE)


def register_models() -> None:
    """Track the platform models (called from AuditConfig.ready)."""
    for label, exclude in (
        ("accounts.User", ()),
        ("accounts.Organisation", ()),
        ("accounts.RoleGrant", ()),
        ("core.Region", ()),
        ("core.Dictionary", ()),
        ("core.DictionaryItem", ()),
    ):
        try:
            model = apps.get_model(label)
        except LookupError:  # an app not installed in this deployment
            continue
        track(model, exclude=exclude)
