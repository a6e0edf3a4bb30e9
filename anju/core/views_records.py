"""Shared shapes of staff record pages: a form that calls a service, a reason form (删除/撤销), 恢复.

The app's subclass adds its permission mixin (put it first), says where the record comes from and
which service writes; these classes only parse, call and render (style.md 2-3). Forms are expected
to have `service_errors(exc)`, which puts a service's ValidationError on the fields it names.

    class CertificateEditView(EditorMixin, RecordFormView):
        form_class, title = forms.CertificateForm, "编辑审批证件"
        load_instance = staticmethod(partial(scoped_get, selectors.certificate_list))
        service, parent_arg, instance_arg = staticmethod(services.certificate_save), "project", "certificate"
"""

from __future__ import annotations

import copy
from typing import Any, ClassVar

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views import View


class RecordFormView(View):
    """GET shows the form; POST calls the service (errors keep the input); redirect to the record.

    Declared per page: `load_parent` / `load_instance` (request, pk) -> record (404 outside the
    jurisdiction; an instance's parent is its `<parent_arg>` attribute), `service` called as
    `service(<parent_arg>=parent, <instance_arg>=instance, data=form.service_data(), acting_user=user)`
    plus `region_code` when `with_region` (the form's region for a new record, else the record's).
    Pages that need more override `load`, `form_kwargs`, `make_form`, `render_form`, `call`,
    `service_errors`, `success_message` or `success_url`.
    """

    form_class: type = None  # type: ignore[assignment]
    service_form_class: ClassVar[type | None] = None  # forms of this base take instance= and user=
    title = ""
    load_parent: ClassVar[Any] = None
    load_instance: ClassVar[Any] = None
    service: ClassVar[Any] = None
    parent_arg = ""
    instance_arg = ""
    with_region = False
    form_parent_arg = ""  # pass the parent to the form under this name
    back_to_parent = False  # after saving, show the parent (saved.<parent_arg>) instead of the record

    def root_breadcrumb(self) -> tuple[str, str]:
        """(label, URL) of the section's first list: the first breadcrumb and the fallback 取消."""
        raise NotImplementedError

    def load(self, **kwargs: Any) -> tuple[Any, Any]:
        """(parent, instance) of this address."""
        if self.load_instance is not None:
            instance = type(self).load_instance(self.request, kwargs["pk"])
            return (getattr(instance, self.parent_arg) if self.parent_arg else None), instance
        if self.load_parent is not None:
            return type(self).load_parent(self.request, kwargs["pk"]), None
        return None, None

    def form_kwargs(self, parent: Any, instance: Any) -> dict[str, Any]:
        """Extra form arguments."""
        return {self.form_parent_arg: parent} if self.form_parent_arg else {}

    def call(self, parent: Any, instance: Any, form: Any) -> Any:
        """Run the write; return the saved record."""
        kwargs: dict[str, Any] = {}
        if self.parent_arg:
            kwargs[self.parent_arg] = parent
        if self.instance_arg and instance is not None:
            kwargs[self.instance_arg] = instance
        if self.with_region:
            kwargs["region_code"] = instance.region_code if instance is not None else form.cleaned_data["region"].code
        return type(self).service(data=form.service_data(), acting_user=self.request.user, **kwargs)

    def cancel_url(self, parent: Any, instance: Any) -> str:
        """Where 取消 goes."""
        target = instance or parent
        return target.get_absolute_url() if target is not None else self.root_breadcrumb()[1]

    def make_form(self, parent: Any, instance: Any, data: Any = None, files: Any = None) -> Any:
        """The bound or unbound form (the instance is copied so the service sees the old values)."""
        kwargs = self.form_kwargs(parent, instance)
        if self.service_form_class is not None and issubclass(self.form_class, self.service_form_class):
            kwargs.update(instance=copy.copy(instance) if instance is not None else None, user=self.request.user)
        return self.form_class(data, files, **kwargs) if files is not None else self.form_class(data, **kwargs)

    def render_form(self, parent: Any, instance: Any, form: Any) -> HttpResponse:
        """The form page."""
        cancel = self.cancel_url(parent, instance)
        return render(self.request, "core/form.html", {
            "form": form, "page_title": self.title, "cancel_url": cancel,
            "breadcrumbs": [self.root_breadcrumb(), (self.title, None)],
        })  # fmt: skip

    def get(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        """An empty or pre-filled form."""
        parent, instance = self.load(**kwargs)
        return self.render_form(parent, instance, self.make_form(parent, instance))

    def post(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        """Validate, call the service, redirect."""
        parent, instance = self.load(**kwargs)
        form = self.make_form(parent, instance, request.POST, request.FILES or None)
        if form.is_valid():
            try:
                saved = self.call(parent, instance, form)
            except ValidationError as exc:
                self.service_errors(form, exc)
            else:
                messages.success(request, self.success_message(saved))
                return HttpResponseRedirect(self.success_url(saved))
        return self.render_form(parent, instance, form)

    def service_errors(self, form: Any, exc: ValidationError) -> None:
        """Put a service's refusal on the form (the form's `service_errors`)."""
        form.service_errors(exc)

    def success_message(self, saved: Any) -> str:
        """The message after the service succeeded."""
        return f"{self.title}已保存。"

    def success_url(self, saved: Any) -> str:
        """The saved record's page (or its parent's)."""
        return (getattr(saved, self.parent_arg) if self.back_to_parent else saved).get_absolute_url()


class ReasonFormView(View):
    """A reason form on one record (删除, 撤销): GET shows it; POST calls `perform`, a refusal keeps the text."""

    form_class: type = None  # type: ignore[assignment]  # a form with `reason` and `service_errors`
    reason_label = ""  # relabel the reason field ("" keeps the form's label)
    submit_label = ""

    def record_get(self, pk: int) -> Any:
        """The record (404 outside the jurisdiction)."""
        raise NotImplementedError

    def perform(self, record: Any, reason: str) -> None:
        """Call the service; a ValidationError is shown on the form."""
        raise NotImplementedError

    def page(self, record: Any) -> dict[str, Any]:
        """page_title, intro and breadcrumbs of the form page."""
        raise NotImplementedError

    def success(self, record: Any) -> tuple[str, str]:
        """(message, URL) after the service succeeded."""
        raise NotImplementedError

    def render_form(self, record: Any, form: Any) -> HttpResponse:
        """The form page."""
        if self.reason_label:
            form.fields["reason"].label = self.reason_label
        context = {"form": form, "cancel_url": record.get_absolute_url(), "submit_label": self.submit_label}
        return render(self.request, "core/form.html", {**context, **self.page(record)})

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The reason form."""
        return self.render_form(self.record_get(pk), self.form_class())

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Validate, perform, redirect."""
        record = self.record_get(pk)
        form = self.form_class(request.POST)
        if form.is_valid():
            try:
                self.perform(record, form.cleaned_data["reason"])
            except ValidationError as exc:
                form.service_errors(exc)
            else:
                message, url = self.success(record)
                messages.success(request, message)
                return HttpResponseRedirect(url)
        return self.render_form(record, form)


class RecordRestoreView(View):
    """恢复 a deleted record (POST), then back to the record; a refusal is a message."""

    def record_get(self, pk: int) -> Any:
        """The record, deleted ones included (404 outside the jurisdiction)."""
        raise NotImplementedError

    def perform(self, record: Any) -> None:
        """Call the restore service."""
        raise NotImplementedError

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Restore."""
        record = self.record_get(pk)
        try:
            self.perform(record)
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(request, f"{record._meta.verbose_name}“{record}”已恢复。")
        return HttpResponseRedirect(record.get_absolute_url())
