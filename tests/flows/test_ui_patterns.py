"""The shared detail and form page patterns, and Chinese validation messages."""

import pytest
from django import forms
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from anju.core.models import Region


class SampleForm(forms.Form):
    """A form with the kinds of fields the apps use."""

    name = forms.CharField(label="机构名称", max_length=20)
    phone = forms.CharField(label="联系电话", required=False, help_text="固定电话或手机号")
    kind = forms.ChoiceField(label="机构类型", choices=[("a", "社区"), ("b", "街道")])
    active = forms.BooleanField(label="启用", required=False)
    count = forms.IntegerField(label="人数", min_value=1)


def _request(user):
    request = RequestFactory().get("/staff/x/")
    request.user = user
    return request


def test_django_messages_are_chinese():
    # given
    assert translation.get_language() in ("zh-hans", "zh-Hans")
    form = SampleForm(data={"name": "", "count": "0", "kind": "zz"})
    # when
    form.is_valid()
    # then
    # Django says 这个字段是必填项。; DRF's catalogue (loaded after Django's own) says 该字段是必填项。
    assert form.errors["name"][0] in ("这个字段是必填项。", "该字段是必填项。")
    assert "大于或等于" in form.errors["count"][0]
    assert "选择一个有效的选项" in form.errors["kind"][0]


def test_form_page_keeps_input_and_shows_errors_beside_fields(community_clerk):
    # given
    form = SampleForm(data={"name": "白布社区居委会", "phone": "0558-1234567", "kind": "a", "count": "x"})
    form.is_valid()
    # when
    html = render_to_string(
        "core/form.html",
        {"form": form, "page_title": "新增机构", "cancel_url": "/staff/orgs/", "breadcrumbs": [("机构", "/staff/orgs/"), ("新增", None)]},
        request=_request(community_clerk),
    )
    # then
    assert 'value="白布社区居委会"' in html and 'value="0558-1234567"' in html
    assert "输入整数。" in html
    assert 'class="form-control is-invalid"' in html and 'aria-invalid="true"' in html
    assert 'aria-describedby="id_count_errors"' in html
    assert 'href="/staff/orgs/" data-testid="form-cancel">取消' in html
    assert "表单有 1 处需要修改" in html
    assert '<label class="form-label" for="id_name">机构名称' in html  # every input is labelled
    assert 'class="form-select"' in html and 'class="form-check-input"' in html
    assert 'id="id_phone_help"' in html


def test_detail_page_shows_fields_related_tables_and_actions(community_clerk):
    # given
    context = {
        "page_title": "机构 白布社区居委会",
        "subtitle": "启用 · 2026-01-02 创建",
        "fields": [("机构编码", "341602001001"), ("联系电话", ""), ("上级机构", "花戏楼街道办事处")],
        "related": [
            {"title": "用户", "columns": ["用户名", "姓名"], "rows": [["clerk_baibu", "王社区"]]},
            {"title": "下级机构", "columns": ["名称"], "rows": [], "empty": "没有下级机构。"},
        ],
        "actions": [
            {"label": "编辑", "url": "/staff/orgs/1/edit/", "style": "primary", "icon": "pencil"},
            {"label": "停用", "url": "/staff/orgs/1/disable/", "method": "post", "style": "outline-danger", "confirm": "确定停用该机构？"},
        ],
    }
    # when
    html = render_to_string("core/detail.html", context, request=_request(community_clerk))
    # then
    assert "<dt class=\"col-sm-4 col-lg-2\">机构编码</dt>" in html and "341602001001" in html
    assert '<span class="text-secondary">—</span>' in html  # empty value
    assert "王社区" in html and "没有下级机构。" in html
    assert 'href="/staff/orgs/1/edit/"' in html
    assert 'action="/staff/orgs/1/disable/" class="d-inline" data-confirm="确定停用该机构？"' in html
    assert "csrfmiddlewaretoken" in html


def test_list_filter_widgets_are_bootstrap_and_labelled(client, community_clerk):
    # given: the region list of another test module is reused through its filterset
    from anju.core.tests.test_listing import RegionFilterSet

    filterset = RegionFilterSet({"name": "白布"}, queryset=Region.objects.all())
    from anju.core.templatetags.anju_ui import bootstrap

    # when
    html = str(bootstrap(filterset.form["name"], "sm"))
    # then
    assert 'class="form-control form-control-sm"' in html and 'value="白布"' in html


@pytest.fixture(autouse=True)
def _db(db):
    """These tests render templates that read the user's roles."""
