"""Staff pages: background jobs and their progress (polled with htmx every 2 s)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.views import View

from anju.core.filtersets import JobFilterSet
from anju.core.listing import Column, StaffListView
from anju.core.selectors import job_get, job_list
from anju.core.services.regions import region_statistics_start
from anju.core.views.regions import READER_ROLES, WRITER_ROLES, StaffRequiredMixin


class JobListView(StaffListView):
    """后台任务列表: the user's own jobs (all jobs for the system administrator)."""

    title = "后台任务"
    template_name = "core/job_list.html"
    selector = staticmethod(job_list)
    filterset_class = JobFilterSet
    required_roles = READER_ROLES
    columns = [
        Column("任务名称", "title", link=True),
        Column("类别", "kind"),
        Column("状态", "status"),
        Column("进度", lambda job: f"{job.percent}%"),
        Column("发起人", "created_by"),
        Column("创建时间", "created_at"),
        Column("结束时间", "finished_at"),
    ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """The system administrator may start the demo statistics job."""
        context = super().get_context_data(**kwargs)
        context["can_start_statistics"] = self.request.user.has_role(*WRITER_ROLES)
        return context


class JobDetailView(StaffRequiredMixin, View):
    """One job with its progress bar; the bar polls `job_progress` while the job runs."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The full page."""
        job = job_get(user=request.user, pk=pk)
        return render(
            request,
            "core/job_detail.html",
            {
                "page_title": f"后台任务：{job.title}",
                "job": job,
                "breadcrumbs": [("后台任务", reverse("core:job_list")), (job.title, None)],
            },
        )


class JobProgressView(StaffRequiredMixin, View):
    """The progress partial that htmx swaps in every 2 seconds."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The partial only."""
        job = job_get(user=request.user, pk=pk)
        return render(request, "core/_job_progress.html", {"job": job})


class RegionStatisticsStartView(StaffRequiredMixin, View):
    """Start the region statistics job (a demonstration of background progress)."""

    required_roles = WRITER_ROLES

    def post(self, request: HttpRequest) -> HttpResponse:
        """Enqueue and go to the progress page."""
        job = region_statistics_start(acting_user=request.user)
        messages.info(request, "已提交后台任务，页面会自动刷新进度。")
        return redirect(job.get_absolute_url())


urlpatterns = [
    path("jobs/", JobListView.as_view(), name="job_list"),
    path("jobs/region-statistics/", RegionStatisticsStartView.as_view(), name="job_region_statistics"),
    path("jobs/<int:pk>/", JobDetailView.as_view(), name="job_detail"),
    path("jobs/<int:pk>/progress/", JobProgressView.as_view(), name="job_progress"),
]
