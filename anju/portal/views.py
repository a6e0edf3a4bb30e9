"""Public pages of the portal (公众服务, CJJ/T 196 3.1.7 and 16.1.1): no login, phone first."""

import importlib.util
from dataclasses import dataclass
from typing import Any

from django.urls import NoReverseMatch, reverse
from django.views.generic import TemplateView


def _module_exists(name: str) -> bool:
    """True if a module can be imported (its parent packages included)."""
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


@dataclass(frozen=True)
class PublicService:
    """One public service on the portal home; `url_name` None means 即将开放."""

    label: str
    description: str
    icon: str
    url_name: str | None = None
    soon_note: str = ""
    requires: str = ""  # a module the service needs (another app's); not importable = 即将开放

    def url(self) -> str | None:
        """The service's address, or None while it is not open."""
        if not self.url_name:
            return None
        if self.requires and not _module_exists(self.requires):
            return None
        try:
            return reverse(self.url_name)
        except NoReverseMatch:
            return None


PUBLIC_SERVICES: tuple[PublicService, ...] = (
    PublicService(
        "申请公租房",
        "手机、电脑全程网上办理，能通过部门数据查到的证明不再要求提交。",
        "house-add",
        "portal:apply",
        "网上申请功能正在建设，开放后即可在线填报；开放前请到户籍所在地社区咨询办理。",
    ),
    PublicService("办事指南", "申请对象、办理流程、“零证明”清单和办理时限。", "journal-text", "portal:guide"),
    PublicService(
        "进度查询",
        "登录后查看审核进度、办理记录、需要补正的材料和通知书。",
        "search",
        "portal:progress",
        "随网上申请一同开放。",
    ),
    PublicService(
        "房源信息",
        "公租房项目、户型、面积、租金标准和空闲房源。",
        "buildings",
        "portal:listings",
        "房源数据接入后开放。",
    ),
    PublicService(
        "公示名单",
        "准入公示、轮候名单、摇号结果和失信名单。",
        "megaphone",
        "portal:publicity",
        "准入公示功能上线后开放。",
    ),
    PublicService(
        "地图找房", "在地图上查看公租房项目位置和周边配套。", "geo-alt", "portal:map", "地图服务接入后开放。"
    ),
    PublicService("政策文件", "住房保障政策文件和办事指南，注明发布日期。", "file-earmark-text", "portal:articles"),
    PublicService(
        "投诉咨询",
        "网上提交投诉或咨询，凭编号查看答复。",
        "chat-left-text",
        "portal:complaints",
        "监督管理功能上线后开放。",
        requires="anju.supervision.services.complaints",
    ),
)


def staff_login_url() -> str:
    """The staff login address (shown in the footer)."""
    try:
        return reverse("accounts:login")
    except NoReverseMatch:
        return "/accounts/login/"


def portal_context(request: Any, **extra: Any) -> dict[str, Any]:
    """Context of a portal page rendered by a function view."""
    return {"staff_login_url": staff_login_url(), **extra}


class PortalPageMixin:
    """Context shared by the public pages."""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """The staff login address (shown in the footer) when the accounts app provides it."""
        context = super().get_context_data(**kwargs)  # type: ignore[misc]
        context["staff_login_url"] = staff_login_url()
        return context


class HomeView(PortalPageMixin, TemplateView):
    """首页: the public services and which of them are open."""

    template_name = "portal/home.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """Each service with its address or its 即将开放 note."""
        context = super().get_context_data(**kwargs)
        context["services"] = [(service, service.url()) for service in PUBLIC_SERVICES]
        context["soon_count"] = sum(1 for _, url in context["services"] if not url)
        context["page_title"] = "公众服务"
        return context


class GuideView(PortalPageMixin, TemplateView):
    """办事指南: who may apply, the online process and the zero-certificate list."""

    template_name = "portal/guide.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """The page title."""
        context = super().get_context_data(**kwargs)
        context["page_title"] = "公租房办事指南"
        return context
