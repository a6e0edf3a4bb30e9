"""The shared record view shapes (core/views_records.py, core/api_records.py) on stand-in records and services.

The apps' own tests (housing pages, supervision API) cover them with real records; these pin the
control flow: what is called with what, what a refusal does, what the answer is.
"""

from types import SimpleNamespace

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.test import RequestFactory
from rest_framework import serializers
from rest_framework.test import APIRequestFactory, force_authenticate

from anju.core.api_records import RecordActionAPIView, RecordCreateAPIMixin, RecordDetailAPIView, RecordUpdateAPIMixin
from anju.core.views_records import ReasonFormView, RecordFormView, RecordRestoreView


class Record(SimpleNamespace):
    """A stand-in record with a page and a verbose name."""

    _meta = SimpleNamespace(verbose_name="测试记录")

    def get_absolute_url(self) -> str:
        return f"/records/{self.pk}/"

    def __str__(self) -> str:
        return f"R{self.pk}"


RECORDS = {1: Record(pk=1, region_code="341602001001", parent=Record(pk=9))}


def record_get(request, pk):
    try:
        return RECORDS[pk]
    except KeyError:
        raise Http404 from None


def _request(method: str, path: str = "/", data: dict | None = None):
    request = getattr(RequestFactory(), method)(path, data or {})
    request._messages = CookieStorage(request)
    request.user = SimpleNamespace(is_authenticated=True, pk=7)
    return request


def _messages(request) -> list[tuple[str, str]]:
    return [(message.level_tag, message.message) for message in get_messages(request)]


class ReasonForm(forms.Form):
    reason = forms.CharField(label="原因", max_length=20)

    def service_errors(self, exc):
        for message in exc.messages:
            self.add_error(None, message)


# ---------------------------------------------------------------- staff pages


class FakeFormView(RecordFormView):
    """Renders the form's state as text instead of the template."""

    calls: list = []

    class form_class(ReasonForm):  # noqa: N801 - the view attribute's name
        def service_data(self):
            return {"reason": self.cleaned_data["reason"]}

    title = "编辑测试记录"
    load_instance = staticmethod(record_get)
    parent_arg, instance_arg, with_region = "parent", "record", True

    @staticmethod
    def service(**kwargs):
        if kwargs["data"]["reason"] == "refuse":
            raise ValidationError("不能保存。")
        FakeFormView.calls.append(kwargs)
        return kwargs["record"]

    def root_breadcrumb(self):
        return ("测试", "/records/")

    def render_form(self, parent, instance, form):
        return HttpResponse(f"form parent={parent} instance={instance} errors={form.errors.as_text()}")


def test_record_form_view_loads_calls_the_service_and_redirects():
    FakeFormView.calls = []
    # GET: the instance and its parent are loaded
    response = FakeFormView.as_view()(_request("get"), pk=1)
    assert response.content.decode().startswith("form parent=R9 instance=R1")
    # POST valid: the service gets parent, instance, region of the record, data and the user
    request = _request("post", data={"reason": "ok"})
    response = FakeFormView.as_view()(request, pk=1)
    assert (response.status_code, response["Location"]) == (302, "/records/1/")
    (call,) = FakeFormView.calls
    assert call["parent"] is RECORDS[1].parent and call["record"] is RECORDS[1]
    assert call["region_code"] == "341602001001" and call["data"] == {"reason": "ok"}
    assert call["acting_user"] is request.user
    assert _messages(request) == [("success", "编辑测试记录已保存。")]


def test_record_form_view_keeps_a_refusal_on_the_form():
    FakeFormView.calls = []
    request = _request("post", data={"reason": "refuse"})
    response = FakeFormView.as_view()(request, pk=1)
    assert response.status_code == 200 and "不能保存。" in response.content.decode()
    assert FakeFormView.calls == [] and _messages(request) == []
    with pytest.raises(Http404):
        FakeFormView.as_view()(_request("get"), pk=2)


class PlainFormView(FakeFormView):
    """A page whose form has no `service_errors` and whose message is its own."""

    class form_class(forms.Form):  # noqa: N801 - the view attribute's name
        reason = forms.CharField(max_length=20)

        def service_data(self):
            return {"reason": self.cleaned_data["reason"]}

    def service_errors(self, form, exc):
        form.add_error("reason", exc.messages)

    def success_message(self, saved):
        return f"{saved}：已办理。"


def test_record_form_view_hooks_for_errors_and_the_message():
    FakeFormView.calls = []
    request = _request("post", data={"reason": "refuse"})
    response = PlainFormView.as_view()(request, pk=1)
    assert response.status_code == 200 and "reason" in response.content.decode()
    assert "不能保存。" in response.content.decode() and _messages(request) == []
    request = _request("post", data={"reason": "ok"})
    assert PlainFormView.as_view()(request, pk=1).status_code == 302
    assert _messages(request) == [("success", "R1：已办理。")]


class FakeReasonView(ReasonFormView):
    form_class, reason_label, submit_label = ReasonForm, "撤销原因", "确认撤销"
    done: list = []

    def record_get(self, pk):
        return record_get(self.request, pk)

    def page(self, record):
        return {"page_title": f"撤销{record}"}

    def perform(self, record, reason):
        if reason == "refuse":
            raise ValidationError("不能撤销。")
        self.done.append((record, reason))

    def success(self, record):
        return f"{record}已撤销。", "/records/"

    def render_form(self, record, form):
        super().render_form(record, form)  # relabels; the template output is not checked here
        return HttpResponse(f"{form.fields['reason'].label} {form.errors.as_text()}")


def test_reason_form_view_relabels_performs_and_keeps_refusals(monkeypatch):
    monkeypatch.setattr("anju.core.views_records.render", lambda *args, **kwargs: HttpResponse())
    FakeReasonView.done = []
    assert FakeReasonView.as_view()(_request("get"), pk=1).content.decode().startswith("撤销原因")
    # empty reason: the form again, nothing done
    assert FakeReasonView.as_view()(_request("post", data={}), pk=1).status_code == 200
    # refused: the message on the form, nothing done, no success message
    request = _request("post", data={"reason": "refuse"})
    assert "不能撤销。" in FakeReasonView.as_view()(request, pk=1).content.decode()
    assert FakeReasonView.done == [] and _messages(request) == []
    # accepted: performed with the reason, message, redirect
    request = _request("post", data={"reason": "录入错误"})
    response = FakeReasonView.as_view()(request, pk=1)
    assert (response.status_code, response["Location"]) == (302, "/records/")
    assert FakeReasonView.done == [(RECORDS[1], "录入错误")]
    assert _messages(request) == [("success", "R1已撤销。")]


class FakeRestoreView(RecordRestoreView):
    refuse = False

    def record_get(self, pk):
        return record_get(self.request, pk)

    def perform(self, record):
        if self.refuse:
            raise ValidationError(["编号已被使用。", "请先修改。"])


def test_restore_view_reports_success_or_the_refusal_and_returns_to_the_record():
    request = _request("post")
    response = FakeRestoreView.as_view()(request, pk=1)
    assert (response.status_code, response["Location"]) == (302, "/records/1/")
    assert _messages(request) == [("success", "测试记录“R1”已恢复。")]
    request = _request("post")
    response = FakeRestoreView.as_view(refuse=True)(request, pk=1)
    assert response["Location"] == "/records/1/"
    assert _messages(request) == [("error", "编号已被使用。；请先修改。")]


# ---------------------------------------------------------------- API


class ReadSerializer(serializers.Serializer):
    pk = serializers.IntegerField()
    note = serializers.CharField(default="")


class WriteSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=10)


API_RECORDS: dict[int, SimpleNamespace] = {}


def api_get(*, user, pk):
    try:
        return API_RECORDS[pk]
    except KeyError:
        raise Http404 from None


def note_set(*, record, acting_user, note):
    record.note = f"{note} by {acting_user.pk}"
    return "not the record"


class ApiBase:
    permission_classes: list = []
    getter = staticmethod(api_get)
    read_serializer, write_serializer = ReadSerializer, WriteSerializer


class NoteView(ApiBase, RecordActionAPIView):
    service, reread = staticmethod(note_set), True


class DetailView(ApiBase, RecordUpdateAPIMixin, RecordDetailAPIView):
    def perform_update(self, request, obj, data):
        obj.note = data.get("note", obj.note)
        return obj


class CreateView(ApiBase, RecordCreateAPIMixin, RecordDetailAPIView):
    def perform_create(self, request, data):
        API_RECORDS[5] = SimpleNamespace(pk=5, note=data["note"])
        return API_RECORDS[5]


def _api(method: str, data: dict | None = None):
    request = getattr(APIRequestFactory(), method)("/", data or {}, format="json")
    force_authenticate(request, user=SimpleNamespace(is_authenticated=True, pk=7))
    return request


def test_api_action_calls_the_service_and_answers_with_the_reread_record():
    API_RECORDS.clear()
    API_RECORDS[1] = SimpleNamespace(pk=1, note="")
    response = NoteView.as_view()(_api("post", {"note": "ok"}), pk=1)
    assert response.status_code == 200 and response.data == {"pk": 1, "note": "ok by 7"}
    # invalid body: 400 and nothing changed; another record: 404
    response = NoteView.as_view()(_api("post", {"note": "x" * 11}), pk=1)
    assert response.status_code == 400 and API_RECORDS[1].note == "ok by 7"
    assert NoteView.as_view()(_api("post", {"note": "ok"}), pk=2).status_code == 404


def test_api_detail_update_and_create():
    API_RECORDS.clear()
    API_RECORDS[1] = SimpleNamespace(pk=1, note="a")
    assert DetailView.as_view()(_api("get"), pk=1).data == {"pk": 1, "note": "a"}
    # PATCH is partial: an empty body changes nothing
    assert DetailView.as_view()(_api("patch", {}), pk=1).data == {"pk": 1, "note": "a"}
    assert DetailView.as_view()(_api("patch", {"note": "b"}), pk=1).data == {"pk": 1, "note": "b"}
    response = CreateView.as_view()(_api("post", {"note": "new"}))
    assert response.status_code == 201 and response.data == {"pk": 5, "note": "new"}
    assert CreateView.as_view()(_api("post", {})).status_code == 400


class NoteCreateView(ApiBase, RecordActionAPIView):
    """An action creating a record under this one: 201 with what the service returned."""

    success_status = 201

    def perform(self, request, record, data):
        return SimpleNamespace(pk=record.pk + 100, note=f"{data['note']} under {record.pk}")


def test_api_action_with_a_created_status_answers_the_service_result():
    API_RECORDS.clear()
    API_RECORDS[1] = SimpleNamespace(pk=1, note="")
    response = NoteCreateView.as_view()(_api("post", {"note": "ok"}), pk=1)
    assert response.status_code == 201 and response.data == {"pk": 101, "note": "ok under 1"}
    assert NoteCreateView.as_view()(_api("post", {"note": "ok"}), pk=2).status_code == 404


class NoBodyView(ApiBase, RecordActionAPIView):
    """An action without a body (write_serializer None): the service gets the record and the user only."""

    write_serializer = None

    @staticmethod
    def service(*, record, acting_user):
        record.note = f"done by {acting_user.pk}"
        return record


class BoundInstanceSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=10)

    def validate_note(self, value):
        if self.instance is not None and value == self.instance.note:
            raise serializers.ValidationError("没有改动。")
        return value


class BoundDetailView(ApiBase, RecordUpdateAPIMixin, RecordDetailAPIView):
    write_serializer, bind_instance = BoundInstanceSerializer, True

    def perform_update(self, request, obj, data):
        obj.note = data["note"]
        return obj


def test_api_action_without_a_body_and_update_with_the_bound_instance():
    API_RECORDS.clear()
    API_RECORDS[1] = SimpleNamespace(pk=1, note="a")
    response = NoBodyView.as_view()(_api("post", {"ignored": "x"}), pk=1)
    assert response.status_code == 200 and response.data == {"pk": 1, "note": "done by 7"}
    # the serializer sees the record: the same note is refused, another one saved
    response = BoundDetailView.as_view()(_api("patch", {"note": "done by 7"}), pk=1)
    assert response.status_code == 400
    assert response.data["errors"] == {"note": [{"code": "invalid", "message": "没有改动。"}]}
    assert BoundDetailView.as_view()(_api("patch", {"note": "b"}), pk=1).data == {"pk": 1, "note": "b"}
