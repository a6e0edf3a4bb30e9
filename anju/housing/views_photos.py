"""Staff pages of 项目照片 (under /housing/): the project's photos, upload, edit, delete with reason, restore, file serving.

Readers (建设项目 readers) see the photos of projects in their jurisdiction; editors (区县保障科, 市保障处)
upload and change them. Files are never linked by their MEDIA path: staff get them through
`photo_file` (scoped), the public through the portal (published only).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views import View

from anju.core.views_records import ReasonFormView
from anju.core.views_records import RecordRestoreView as CoreRecordRestoreView
from anju.housing import selectors
from anju.housing.forms import DeleteForm
from anju.housing.models import PhotoKind, ProjectPhoto
from anju.housing.permissions import can_edit_housing
from anju.housing.selectors_photos import project_photo_list
from anju.housing.services import photos as photo_services
from anju.housing.views import EditorMixin, ReaderMixin

ACCEPT = "image/jpeg,image/png,image/webp"


class _ServiceErrorsMixin:
    """Put a service's ValidationError on the fields it names (others on the form)."""

    def service_errors(self, exc: ValidationError) -> None:
        """Show the Chinese messages."""
        if hasattr(exc, "error_dict"):
            for name, errors in exc.message_dict.items():
                for message in errors:
                    self.add_error(name if name in self.fields else None, message)  # type: ignore[attr-defined]
        else:
            for message in exc.messages:
                self.add_error(None, message)  # type: ignore[attr-defined]


class PhotoDetailsForm(_ServiceErrorsMixin, forms.Form):
    """说明, 类别, 排序, 公开."""

    caption = forms.CharField(
        label="说明",
        max_length=100,
        required=False,
        help_text="公众页面作为图片的替代文字，请描述照片内容，如“小区南门外景”。",
    )
    kind = forms.ChoiceField(
        label="照片类别", choices=PhotoKind.choices, widget=forms.Select(attrs={"class": "form-select"})
    )
    sort_order = forms.IntegerField(
        label="排序", min_value=0, max_value=32767, initial=0, help_text="数字小的排在前面。"
    )
    is_published = forms.BooleanField(label="公开（在门户房源页面显示）", required=False)

    def service_data(self) -> dict[str, Any]:
        """The fields the service accepts."""
        return {name: self.cleaned_data[name] for name in ("caption", "kind", "sort_order", "is_published")}


class PhotoUploadForm(PhotoDetailsForm):
    """A photo file plus its details."""

    image = forms.FileField(
        label="照片", error_messages={"required": "请选择要上传的照片。"},
        help_text="JPEG、PNG 或 WebP，不超过 8 MB，每边 200–10000 像素；上传后去除拍摄位置等信息并生成缩略图。",
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )  # fmt: skip

    field_order = ["image", "caption", "kind", "sort_order", "is_published"]


def _project(request: HttpRequest, pk: int) -> Any:
    """The project in the user's jurisdiction (404 otherwise)."""
    return selectors.project_get(user=request.user, pk=pk)


def _photo(request: HttpRequest, pk: int) -> ProjectPhoto:
    """A photo in the user's jurisdiction, deleted ones included (404 otherwise)."""
    try:
        return project_photo_list(user=request.user, include_deleted=True).get(pk=pk)
    except ProjectPhoto.DoesNotExist as exc:
        raise Http404("照片不存在或不在您的管辖范围内。") from exc


def _breadcrumbs(project: Any, *tail: tuple[str, str | None]) -> list[tuple[str, str | None]]:
    return [
        ("建设项目", reverse("housing:project_list")),
        (project.number, project.get_absolute_url()),
        ("项目照片", reverse("housing:project_photos", args=[project.pk])),
        *tail,
    ]


class ProjectPhotosView(ReaderMixin, View):
    """The project's photos with thumbnails, 公开 state and actions; ?deleted=1 shows the deleted ones too."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Render (404 outside the jurisdiction)."""
        project = _project(request, pk)
        show_deleted = request.GET.get("deleted") == "1"
        photos = list(project_photo_list(user=request.user, project=project, include_deleted=show_deleted))
        context = {
            "page_title": f"{project.name} · 项目照片",
            "project": project,
            "photos": photos,
            "show_deleted": show_deleted,
            "can_edit": can_edit_housing(request.user),
            "breadcrumbs": [*_breadcrumbs(project)[:-1], ("项目照片", None)],
        }
        return render(request, "housing/project_photos.html", context)


class PhotoUploadView(EditorMixin, View):
    """上传照片: the file is checked by content; a refusal keeps the typed details."""

    title = "上传项目照片"

    def _render(self, project: Any, form: PhotoUploadForm) -> HttpResponse:
        return render(self.request, "core/form.html", {
            "form": form, "page_title": self.title, "multipart": True, "submit_label": "上传",
            "cancel_url": reverse("housing:project_photos", args=[project.pk]),
            "intro": "照片公开后显示在门户“房源信息”页面。请勿上传含有人员面部、车牌或门牌号等个人信息的照片。",
            "breadcrumbs": _breadcrumbs(project, ("上传", None)),
        })  # fmt: skip

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The empty form."""
        return self._render(_project(request, pk), PhotoUploadForm())

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        """project_photo_upload."""
        project = _project(request, pk)
        form = PhotoUploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                photo_services.project_photo_upload(
                    project=project, upload=form.cleaned_data["image"], acting_user=request.user, **form.service_data()
                )
            except ValidationError as exc:
                form.service_errors(exc)
            else:
                messages.success(request, "照片已上传。")
                return HttpResponseRedirect(reverse("housing:project_photos", args=[project.pk]))
        return self._render(project, form)


class PhotoEditView(EditorMixin, View):
    """编辑照片: 说明, 类别, 排序, 公开."""

    title = "编辑项目照片"

    def _render(self, photo: ProjectPhoto, form: PhotoDetailsForm) -> HttpResponse:
        return render(self.request, "core/form.html", {
            "form": form, "page_title": self.title, "cancel_url": photo.get_absolute_url(),
            "breadcrumbs": _breadcrumbs(photo.project, ("编辑", None)),
        })  # fmt: skip

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The pre-filled form."""
        photo = _photo(request, pk)
        initial = {name: getattr(photo, name) for name in ("caption", "kind", "sort_order", "is_published")}
        return self._render(photo, PhotoDetailsForm(initial=initial))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        """project_photo_update."""
        photo = _photo(request, pk)
        form = PhotoDetailsForm(request.POST)
        if form.is_valid():
            try:
                photo_services.project_photo_update(photo=photo, data=form.service_data(), acting_user=request.user)
            except ValidationError as exc:
                form.service_errors(exc)
            else:
                messages.success(request, "照片信息已保存。")
                return HttpResponseRedirect(photo.get_absolute_url())
        return self._render(photo, form)


class PhotoDeleteView(EditorMixin, ReasonFormView):
    """删除照片 with a reason (recoverable; the portal stops showing it at once)."""

    form_class, submit_label = DeleteForm, "确认删除"

    def record_get(self, pk: int) -> ProjectPhoto:
        """The photo (404 outside the jurisdiction)."""
        return _photo(self.request, pk)

    def page(self, record: ProjectPhoto) -> dict[str, Any]:
        """The confirmation text."""
        return {
            "page_title": "删除项目照片",
            "intro": f"将删除照片“{record}”。删除后门户不再显示，可在项目照片页面勾选“显示已删除”后恢复。",
            "breadcrumbs": _breadcrumbs(record.project, ("删除", None)),
        }

    def perform(self, record: ProjectPhoto, reason: str) -> None:
        """project_photo_delete."""
        photo_services.project_photo_delete(photo=record, reason=reason, acting_user=self.request.user)

    def success(self, record: ProjectPhoto) -> tuple[str, str]:
        """Back to the project's photos."""
        return f"照片“{record}”已删除。", record.get_absolute_url()


class PhotoRestoreView(EditorMixin, CoreRecordRestoreView):
    """恢复照片 (POST)."""

    def record_get(self, pk: int) -> ProjectPhoto:
        """The photo, deleted ones included."""
        return _photo(self.request, pk)

    def perform(self, record: ProjectPhoto) -> None:
        """project_photo_restore."""
        photo_services.project_photo_restore(photo=record, acting_user=self.request.user)


class PhotoFileView(ReaderMixin, View):
    """The stored photo or thumbnail for staff in the jurisdiction (deleted ones too); private cache only."""

    thumbnail = False

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Stream the JPEG."""
        photo = _photo(request, pk)
        field = photo.thumbnail if self.thumbnail else photo.image
        try:
            handle = field.storage.open(field.name, "rb")
        except (FileNotFoundError, OSError) as exc:
            raise Http404("照片文件不存在。") from exc
        response = FileResponse(handle, content_type="image/jpeg")
        response["Cache-Control"] = "private, max-age=300"
        response["X-Content-Type-Options"] = "nosniff"
        return response
