"""Staff pages: the workbench (工作台), every staff user's start page."""

from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.urls import path
from django.views.generic import TemplateView

from anju.core import workbench
from anju.core.navigation import is_administrator, quick_links_for


class WorkbenchView(LoginRequiredMixin, TemplateView):
    """待办 / 已办 / 通知 from the registered providers, who the user is, and quick links."""

    template_name = "core/workbench.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """The three tabs, summary counts, the user's identity and role quick links."""
        context = super().get_context_data(**kwargs)
        user = self.request.user
        sections = workbench.collect(user)
        by_kind = {section.kind: section for section in sections}
        context.update(
            page_title="工作台",
            sections=sections,
            todo=by_kind["todo"],
            done=by_kind["done"],
            notice=by_kind["notice"],
            provider_count=len(workbench.providers()),
            quick_links=quick_links_for(user),
            is_administrator=is_administrator(user),
            jurisdiction=getattr(user, "jurisdiction", None),
        )
        return context


urlpatterns = [path("", WorkbenchView.as_view(), name="workbench")]
