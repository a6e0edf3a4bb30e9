"""Writes of editable document templates (文书模板): each save is a new version; older versions are kept."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from anju.core.documents import body_compile_check, body_render, document_spec
from anju.core.models import DocumentTemplate
from anju.core.services.auditing import audit_record
from anju.core.services.regions import reference_data_write_check

BODY_MAX = 20_000


def document_template_save(
    *, code: str, title: str, body: str, change_reason: str, acting_user: Any
) -> DocumentTemplate:
    """Store a new active version of a declared notice's template (system administrator only)."""
    reference_data_write_check(acting_user)
    spec = document_spec(code)
    errors: dict[str, list[str]] = {}
    title, body, change_reason = (title or "").strip(), body or "", (change_reason or "").strip()
    if not title:
        errors["title"] = ["请填写文书标题。"]
    if not body.strip():
        errors["body"] = ["请填写正文模板。"]
    elif len(body) > BODY_MAX:
        errors["body"] = [f"正文模板不能超过 {BODY_MAX} 个字符。"]
    if not change_reason:
        errors["change_reason"] = ["请填写修改原因。"]
    if "body" not in errors:
        try:
            body_compile_check(body)
            body_render(body, spec.sample_context)
        except ValidationError as exc:
            errors.update(exc.message_dict)
        except Exception as exc:
            errors["body"] = [f"模板无法用示例数据生成：{exc}"]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        current = DocumentTemplate.objects.select_for_update(of=("self",)).filter(code=code)
        version = (current.aggregate(m=Max("version"))["m"] or 0) + 1
        current.filter(is_active=True).update(is_active=False)
        template = DocumentTemplate(
            code=code,
            name=spec.name,
            title=title,
            body=body,
            version=version,
            is_active=True,
            change_reason=change_reason,
            created_by=acting_user,
        )
        template.full_clean()
        template.save()
        audit_record(
            action="RECORD_UPDATED" if version > 1 else "RECORD_CREATED",
            user=acting_user,
            obj=template,
            detail={"code": code, "version": version, "reason": change_reason},
        )
    return template


def document_template_restore_default(*, code: str, acting_user: Any) -> None:
    """Go back to the shipped default body (deactivates every stored version; history is kept)."""
    reference_data_write_check(acting_user)
    document_spec(code)
    with transaction.atomic():
        changed = DocumentTemplate.objects.filter(code=code, is_active=True).update(is_active=False)
        if changed:
            audit_record(
                action="RECORD_UPDATED", user=acting_user, obj=None, detail={"code": code, "restored_default": True}
            )
