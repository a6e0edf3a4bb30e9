"""Staff pages: editable document templates (文书模板) with HTML and PDF preview (system administrator)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.safestring import mark_safe
from django.views import View

from anju.core.documents import FRAME_TEMPLATE, DocumentSpec, body_render, document_spec, document_specs, render_pdf
from anju.core.selectors import document_template_active, document_template_versions
from anju.core.services.documents import document_template_restore_default, document_template_save
from anju.core.views.regions import WRITER_ROLES, StaffRequiredMixin, form_errors_from


class DocumentTemplateForm(forms.Form):
    """Title, body source and the reason of the change."""

    title = forms.CharField(label="文书标题", max_length=100, widget=forms.TextInput(attrs={"class": "form-control"}))
    body = forms.CharField(
        label="正文模板",
        strip=False,
        widget=forms.Textarea(attrs={"class": "form-control font-monospace", "rows": 18}),
        help_text="Django 模板语法：{{ 变量 }}、{% if %}、{% for %} 及内置过滤器；不能加载标签库或引用其他模板。",
    )
    change_reason = forms.CharField(
        label="修改原因", max_length=200, required=False, widget=forms.TextInput(attrs={"class": "form-control"})
    )


def _spec_or_404(code: str) -> DocumentSpec:
    try:
        return document_spec(code)
    except LookupError as exc:
        raise Http404("文书不存在。") from exc


class DocumentTemplateListView(StaffRequiredMixin, View):
    """Every declared notice with its active version."""

    required_roles = WRITER_ROLES

    def get(self, request: HttpRequest) -> HttpResponse:
        """The table of notices."""
        rows = []
        for spec in document_specs().values():
            active = document_template_active(code=spec.code)
            rows.append({"spec": spec, "active": active})
        return render(
            request,
            "core/document_template_list.html",
            {"page_title": "文书模板", "rows": rows, "breadcrumbs": [("文书模板", None)]},
        )


class DocumentTemplateEditView(StaffRequiredMixin, View):
    """Edit a notice's body: 预览 renders the sample data below the form, 保存 stores a new version."""

    required_roles = WRITER_ROLES

    def _render(self, request: HttpRequest, spec: DocumentSpec, form: forms.Form, preview: str | None) -> HttpResponse:
        return render(
            request,
            "core/document_template_edit.html",
            {
                "page_title": f"文书模板：{spec.name}",
                "spec": spec,
                "form": form,
                "preview": mark_safe(preview) if preview is not None else None,  # noqa: S308 - sandboxed render, variables autoescaped
                "variables": sorted(spec.sample_context.items()),
                "versions": document_template_versions(user=request.user, code=spec.code)[:20],
                "breadcrumbs": [("文书模板", reverse("core:document_template_list")), (spec.name, None)],
            },
        )

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        """The form with the active body (or the default) and its preview."""
        spec = _spec_or_404(code)
        active = document_template_active(code=code)
        title, body = (active.title, active.body) if active else (spec.title, spec.default_body)
        form = DocumentTemplateForm(initial={"title": title, "body": body})
        return self._render(request, spec, form, body_render(body, spec.sample_context))

    def post(self, request: HttpRequest, code: str) -> HttpResponse:
        """Preview, PDF preview, save or restore the default."""
        spec = _spec_or_404(code)
        action = request.POST.get("action", "preview")
        if action == "restore":
            document_template_restore_default(code=code, acting_user=request.user)
            messages.success(request, "已恢复为系统默认模板。")
            return redirect("core:document_template_edit", code=code)
        form = DocumentTemplateForm(request.POST)
        if not form.is_valid():
            return self._render(request, spec, form, None)
        data = form.cleaned_data
        if action == "save":
            try:
                saved = document_template_save(code=code, acting_user=request.user, **data)
            except ValidationError as exc:
                form_errors_from(form, exc)
                return self._render(request, spec, form, None)
            messages.success(request, f"已保存为第 {saved.version} 版。")
            return redirect("core:document_template_edit", code=code)
        try:
            from anju.core.documents import body_compile_check

            body_compile_check(data["body"])
            preview = body_render(data["body"], spec.sample_context)
        except ValidationError as exc:
            form_errors_from(form, exc)
            return self._render(request, spec, form, None)
        if action == "pdf":
            pdf = render_pdf(
                template_name=FRAME_TEMPLATE,
                context={"title": data["title"], "body": mark_safe(preview), "footer": "预览（示例数据）"},  # noqa: S308 - sandboxed render
            )
            response = HttpResponse(pdf, content_type="application/pdf")
            response["Content-Disposition"] = f'inline; filename="preview-{code}.pdf"'
            return response
        return self._render(request, spec, form, preview)


urlpatterns = [
    path("documents/", DocumentTemplateListView.as_view(), name="document_template_list"),
    path("documents/<slug:code>/", DocumentTemplateEditView.as_view(), name="document_template_edit"),
]
