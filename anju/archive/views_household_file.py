"""一户一档 (one household, one file): a household's facts and its timeline gathered from every app."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views import View

from anju.archive.selectors_household_file import HouseholdFile, household_file_get


def _region_name(code: str) -> str:
    from anju.core.models import Region

    return Region.objects.filter(code=code).values_list("name", flat=True).first() or code


def household_file_fields(household_file: HouseholdFile) -> list[tuple[str, Any]]:
    """The facts shown at the top of the file (identifiers masked)."""
    from anju.core.selectors import dictionary_label

    application = household_file.application
    entry = household_file.register_entry
    fields: list[tuple[str, Any]] = [
        ("申请编号", application.number),
        ("申请人姓名", application.applicant_name),
        ("证件号码", application.id_number_masked),
        ("联系电话", application.phone_masked),
        ("所在社区", _region_name(application.region_code)),
        ("办理阶段", application.get_status_display() + ("（已删除）" if application.is_deleted else "")),
        ("家庭人口数", application.household_size),
        ("家庭人均年收入（元）", application.income_per_capita),
        ("家庭人均建筑面积（㎡）", application.floor_area_per_capita),
    ]
    if entry is not None:
        fields += [
            ("登记编号", entry.number),
            ("保障状态", dictionary_label("security_state", entry.security_state)),
            (
                "实施住房保障方式",
                dictionary_label("security_mode", entry.implemented_mode) if entry.implemented_mode else "",
            ),
            ("实施保障时间", entry.security_started_at),
            ("保障退出时间", entry.exited_at),
        ]
    return fields


class HouseholdFileView(LoginRequiredMixin, View):
    """GET /archive/households/<pk>/file/ (archive:household_file); ?print=1 or …/print/ for the A4 print view."""

    printing = False

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Render the household's facts, members, timeline and its e-archive panel."""
        household_file = household_file_get(user=request.user, application_id=pk)
        application = household_file.application
        printing = self.printing or request.GET.get("print") == "1"
        context = {
            "application": application,
            "register_entry": household_file.register_entry,
            "fields": household_file_fields(household_file),
            "members": household_file.members,
            "timeline": household_file.timeline,
            "page_title": f"一户一档 · {application.number} {application.applicant_name}",
            "detail_url": reverse("admission:household_detail", args=[application.pk]),
            "print_url": reverse("archive:household_file_print", args=[application.pk]),
            "api_url": reverse("archive-api:household_file", args=[application.pk]),
            "breadcrumbs": [
                ("申请家庭", reverse("admission:household_list")),
                (application.number, reverse("admission:household_detail", args=[application.pk])),
                ("一户一档", ""),
            ],
        }
        template = "archive/household/file_print.html" if printing else "archive/household/file.html"
        return render(request, template, context)
