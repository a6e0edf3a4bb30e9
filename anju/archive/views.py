"""Staff pages of the e-archive: list, detail, upload, download, verify, delete, restore."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from anju.archive.filtersets import ArchiveFileFilterSet
from anju.archive.forms import ArchiveCatalogueForm, ArchiveDeleteForm, ArchiveUploadForm
from anju.archive.models import ArchiveFile
from anju.archive.permissions import ARCHIVE_ROLES, can_delete, can_restore
from anju.archive.selectors import archive_file_get, archive_file_list, owner_from_ref
from anju.archive.services import (
    archive_file_delete,
    archive_file_download,
    archive_file_restore,
    archive_file_upload,
    archive_file_verify,
)
from anju.core.listing import Column, StaffListView


def _messages_of(exc: ValidationError) -> list[str]:
    """A ValidationError's Chinese sentences."""
    return list(exc.messages)


class ArchiveFileListView(StaffListView):
    """电子档案: every file in the user's jurisdiction, with filters and Excel export."""

    title = "电子档案"
    selector = staticmethod(archive_file_list)
    filterset_class = ArchiveFileFilterSet
    required_roles = ARCHIVE_ROLES
    export_filename = "电子档案"
    columns = [
        Column("档案编号", "number", link=True),
        Column("档案名称", "title"),
        Column("档案类型", "file_type_label"),
        Column("办理阶段", "stage"),
        Column("所属记录", lambda f: f"{f.owner_type_label}：{f.owner_label}"),
        Column("大小", lambda f: filesizeformat(f.size)),
        Column("上传人", "uploaded_by"),
        Column("上传时间", "uploaded_at"),
        Column("状态", lambda f: "已删除" if f.is_deleted else "正常"),
    ]

    def get_base_queryset(self) -> QuerySet:
        """Deleted files only when the status filter asks for them."""
        include_deleted = self.request.GET.get("status") in {"deleted", "all"}
        return archive_file_list(user=self.request.user, include_deleted=include_deleted)


def _detail_context(request: HttpRequest, file: ArchiveFile, delete_form: ArchiveDeleteForm | None = None) -> dict[str, Any]:
    """The detail page's fields and actions."""
    owner = file.owner
    owner_url = owner.get_absolute_url() if hasattr(owner, "get_absolute_url") else ""
    fields = [
        ("档案编号", file.number),
        ("档案名称", file.title),
        ("档案类型", file.file_type_label),
        ("办理阶段", file.get_stage_display()),
        ("所属记录类型", file.owner_type_label),
        ("所属记录", file.owner_label),
        ("业务编号", file.owner_number),
        ("申请编号", file.application_number),
        ("行政区划代码", file.region_code),
        ("原始文件名", file.original_name),
        ("内容类型", file.mime_type),
        ("文件大小", filesizeformat(file.size)),
        ("SM3 摘要", file.sm3),
        ("上传人", file.uploaded_by),
        ("上传时间", file.uploaded_at),
        ("最后更新人", file.updated_by or ""),
        ("最近校验", "" if file.verified_at is None else f"{'通过' if file.verified_ok else '失败'}（{file.verified_at:%Y-%m-%d %H:%M}）"),
        ("档案内容说明", file.note),
    ]
    catalogue = [
        (ArchiveFile._meta.get_field(name).verbose_name, getattr(file, name))
        for name in ("certificate_number", "volume_number", "volume_code", "volume_name", "volume_page_count",
                     "piece_number", "piece_code", "piece_name", "piece_page_count", "start_page")
    ]
    sections = [{"title": "卷宗信息", "fields": catalogue}] if any(v not in ("", None) for _, v in catalogue) else []
    if file.is_deleted:
        sections.insert(0, {"title": "删除信息", "fields": [("删除人", file.deleted_by), ("删除时间", file.deleted_at), ("删除原因", file.delete_reason)]})
    actions = []
    if not file.is_deleted:
        actions.append({"label": "下载", "url": reverse("archive:file_download", args=[file.pk]), "style": "primary", "icon": "download"})
    actions.append({"label": "校验完整性", "url": reverse("archive:file_verify", args=[file.pk]), "method": "post", "icon": "shield-check"})
    if file.is_deleted and can_restore(request.user):
        actions.append({"label": "恢复", "url": reverse("archive:file_restore", args=[file.pk]), "method": "post", "style": "success", "icon": "arrow-counterclockwise", "confirm": "确定恢复该档案？"})
    return {
        "page_title": f"电子档案 {file.number}",
        "subtitle": ("已删除 · " if file.is_deleted else "") + file.title,
        "breadcrumbs": [("电子档案", reverse("archive:file_list")), (file.number, None)],
        "fields": fields,
        "sections": sections,
        "actions": actions,
        "file": file,
        "owner_url": owner_url,
        "delete_form": delete_form or ArchiveDeleteForm(),
        "may_delete": not file.is_deleted and can_delete(request.user, file),
    }


@login_required
@require_GET
def file_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One file: catalogue, digest, verify/download/delete/restore."""
    file = archive_file_get(user=request.user, pk=pk)
    return render(request, "archive/file_detail.html", _detail_context(request, file))


@login_required
@require_GET
def file_download(request: HttpRequest, pk: int) -> HttpResponse:
    """Stream the file with its UTF-8 name; 404 outside the jurisdiction; audited."""
    file = archive_file_get(user=request.user, pk=pk)
    try:
        handle = archive_file_download(file=file, acting_user=request.user, request=request)
    except ValidationError as exc:
        messages.error(request, "；".join(_messages_of(exc)))
        return redirect(file.get_absolute_url())
    return FileResponse(handle, as_attachment=True, filename=file.original_name, content_type=file.mime_type)


@login_required
@require_POST
def file_verify(request: HttpRequest, pk: int) -> HttpResponse:
    """Recompute the SM3 digest and say whether the stored bytes are intact."""
    file = archive_file_get(user=request.user, pk=pk)
    result = archive_file_verify(file=file, acting_user=request.user, request=request)
    (messages.success if result.ok else messages.error)(request, result.message)
    return redirect(file.get_absolute_url())


@login_required
@require_POST
def file_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark deleted with a reason (restorable)."""
    file = archive_file_get(user=request.user, pk=pk)
    form = ArchiveDeleteForm(request.POST)
    if form.is_valid():
        try:
            archive_file_delete(file=file, reason=form.cleaned_data["reason"], acting_user=request.user, request=request)
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        except ValidationError as exc:
            messages.error(request, "；".join(_messages_of(exc)))
        else:
            messages.success(request, f"档案 {file.number} 已删除，可在“已删除”中恢复。")
            return redirect(file.get_absolute_url())
    return render(request, "archive/file_detail.html", _detail_context(request, file, form))


@login_required
@require_POST
def file_restore(request: HttpRequest, pk: int) -> HttpResponse:
    """Undo a deletion."""
    file = archive_file_get(user=request.user, pk=pk)
    try:
        archive_file_restore(file=file, acting_user=request.user, request=request)
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    except ValidationError as exc:
        messages.error(request, "；".join(_messages_of(exc)))
    else:
        messages.success(request, f"档案 {file.number} 已恢复。")
    return redirect(file.get_absolute_url())


def _safe_next(request: HttpRequest, value: str) -> str:
    """`next` only if it points into this site."""
    if value and url_has_allowed_host_and_scheme(value, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return value
    return ""


@login_required
@require_http_methods(["GET", "POST"])
def file_upload(request: HttpRequest) -> HttpResponse:
    """上传档案 for any record: ?owner=<app_label.model>:<pk>[&next=<url>]."""
    ref = request.POST.get("owner") or request.GET.get("owner", "")
    try:
        owner = owner_from_ref(user=request.user, ref=ref)
    except ValidationError as exc:
        messages.error(request, "；".join(_messages_of(exc)))
        return redirect("archive:file_list")
    next_url = _safe_next(request, request.POST.get("next") or request.GET.get("next", ""))
    if request.method == "POST":
        form = ArchiveUploadForm(request.POST, request.FILES)
        catalogue_form = ArchiveCatalogueForm(request.POST)
        if form.is_valid() and catalogue_form.is_valid():
            data = form.cleaned_data
            try:
                file = archive_file_upload(
                    owner=owner,
                    uploaded_file=data["file"],
                    file_type=data["file_type"],
                    stage=data["stage"],
                    note=data["note"],
                    title=data["title"],
                    catalogue=catalogue_form.catalogue(),
                    acting_user=request.user,
                    request=request,
                )
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            except PermissionDenied as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, f"已上传档案 {file.number}（{file.original_name}）。")
                return HttpResponseRedirect(next_url or file.get_absolute_url())
    else:
        form = ArchiveUploadForm(initial={"owner": ref})
        catalogue_form = ArchiveCatalogueForm()
    owner_label = f"{owner._meta.verbose_name}：{owner}"
    return render(
        request,
        "archive/file_upload.html",
        {
            "form": form,
            "catalogue_form": catalogue_form,
            "page_title": "上传电子档案",
            "intro": f"所属记录：{owner_label}",
            "breadcrumbs": [("电子档案", reverse("archive:file_list")), ("上传", None)],
            "cancel_url": next_url or reverse("archive:file_list"),
            "submit_label": "上传",
            "multipart": True,
            "next_url": next_url,
        },
    )
