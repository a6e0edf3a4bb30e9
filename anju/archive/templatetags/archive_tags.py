"""`{% archive_panel obj %}`: the files of any record, with upload and download links."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import template
from django.urls import reverse

from anju.archive.permissions import owner_visible_to
from anju.archive.selectors import archive_files_for

register = template.Library()


@register.inclusion_tag("archive/panel.html", takes_context=True)
def archive_panel(context: dict[str, Any], obj: Any, title: str = "电子档案") -> dict[str, Any]:
    """Render the e-archive card of one record (nothing if the user may not see the record)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if obj is None or user is None or not owner_visible_to(user, obj):
        return {"visible": False}
    ref = f"{obj._meta.app_label}.{obj._meta.model_name}:{obj.pk}"
    query = {"owner": ref}
    if request is not None:
        query["next"] = request.get_full_path()
    return {
        "visible": True,
        "title": title,
        "files": list(archive_files_for(user=user, owner=obj)),
        "upload_url": f"{reverse('archive:file_upload')}?{urlencode(query)}",
    }
