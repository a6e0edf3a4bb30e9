"""投诉/咨询: an applicant submits a complaint or a question and reads the replies (supervision app).

The supervision app owns complaints (A.10.2); the portal only calls its service and selector,
imported lazily so the portal still works where supervision is not installed.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from anju.core.models import Region
from anju.core.models.regions import RegionLevel
from anju.portal.views import portal_context
from anju.portal.views_apply import applicant_required

TEXT = {"class": "form-control"}


def _supervision() -> tuple[Any, Any] | None:
    try:
        from anju.supervision.selectors import complaints_for_applicant
        from anju.supervision.services.complaints import complaint_submit
    except ImportError:
        return None
    return complaint_submit, complaints_for_applicant


def complaints_available() -> bool:
    """True when the supervision app provides complaints."""
    return _supervision() is not None


def _regions() -> list[tuple[str, str]]:
    """The districts and streets of the city the portal serves (ANJU_DEMO_CITY)."""
    city = str(settings.ANJU_DEMO_CITY)[:4]
    rows = (
        Region.objects.filter(level__in=[RegionLevel.COUNTY, RegionLevel.STREET], code__startswith=city)
        .order_by("code")
        .values_list("code", "full_name", "name")
    )
    return [("", "——请选择——"), *((code, full or name) for code, full, name in rows)]


class ComplaintForm(forms.Form):
    """One complaint or consultation."""

    kind = forms.ChoiceField(
        label="类别", choices=[("consultation", "咨询"), ("complaint", "投诉")], widget=forms.RadioSelect
    )
    region_code = forms.ChoiceField(
        label="所在区县或街道", choices=_regions, widget=forms.Select(attrs={"class": "form-select"})
    )
    title = forms.CharField(label="标题", max_length=200, widget=forms.TextInput(attrs=TEXT))
    content = forms.CharField(label="内容", max_length=5000, widget=forms.Textarea(attrs={**TEXT, "rows": 6}))
    contact_name = forms.CharField(
        label="联系人", max_length=50, widget=forms.TextInput(attrs={**TEXT, "autocomplete": "name"})
    )
    contact_phone = forms.CharField(
        label="联系电话",
        max_length=20,
        widget=forms.TextInput(attrs={**TEXT, "inputmode": "tel", "autocomplete": "tel"}),
    )


@applicant_required
@require_http_methods(["GET", "POST"])
def complaints_view(request: HttpRequest) -> HttpResponse:
    """投诉咨询: the form and the applicant's own complaints with their numbers and public replies."""
    supervision = _supervision()
    if supervision is None:
        raise Http404("投诉咨询功能尚未开放。")
    complaint_submit, complaints_for_applicant = supervision
    user = request.user
    form = ComplaintForm(
        request.POST or None,
        initial={"contact_name": user.full_name, "contact_phone": user.mobile, "kind": "consultation"},
    )
    if request.method == "POST" and form.is_valid():
        try:
            complaint = complaint_submit(**form.cleaned_data, applicant_user=user, channel="online")
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                for message in errors:
                    form.add_error(field if field in form.fields else None, message)
        else:
            messages.success(request, f"已提交，编号 {complaint.number}。答复后会显示在本页。")
            return HttpResponseRedirect(reverse("portal:complaints"))
    items = list(complaints_for_applicant(user))
    return render(
        request, "portal/complaints.html", portal_context(request, page_title="投诉与咨询", form=form, complaints=items)
    )
