"""User pages: list and detail (administrators and officers, scoped); create, edit, disable
(system administrator); roles, jurisdiction and OTP reset (security administrator)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from django.views.generic import TemplateView

from anju.accounts import permissions
from anju.accounts.filtersets import UserFilterSet
from anju.accounts.forms import JurisdictionForm, RoleGrantForm, UserDisableForm, UserForm
from anju.accounts.models import User
from anju.accounts.permissions import RoleRequiredMixin, admin_role_required
from anju.accounts.roles import Role
from anju.accounts.selectors import user_list
from anju.accounts.services.otp import otp_devices_reset
from anju.accounts.services.roles import role_grant, role_grant_verify, role_revoke
from anju.accounts.services.users import user_create, user_disable, user_enable, user_jurisdiction_set, user_update
from anju.core.listing import Column, StaffListView
from anju.core.masking import mask_mobile


def _breadcrumbs(*tail: tuple[str, str | None]) -> list[tuple[str, str | None]]:
    return [("用户", reverse("accounts:user_list")), *tail]


def _scoped_user(request: HttpRequest, pk: int) -> User:
    return get_object_or_404(user_list(user=request.user), pk=pk)


class UserListView(RoleRequiredMixin, StaffListView):
    """用户: filter by organisation, role and state; the mobile column is masked."""

    title = "用户"
    required_roles = permissions.USER_READERS
    selector = staticmethod(user_list)
    filterset_class = UserFilterSet
    columns = [
        Column("用户名", "username", link=True),
        Column("姓名", "full_name"),
        Column("所属机构", "organisation.name"),
        Column("角色", lambda u: "、".join(u.role_labels)),
        Column("管辖区域", "jurisdiction.name"),
        Column("手机号码", lambda u: mask_mobile(u.mobile)),
        Column("状态", lambda obj: "启用" if obj.is_active else "停用"),
        Column("最近登录", "last_login"),
    ]
    create_url_name = "accounts:user_create"
    create_label = "新增用户"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """Only the system administrator sees the create button."""
        context = super().get_context_data(**kwargs)
        if not self.request.user.has_role(*permissions.USER_WRITERS):
            context["create_url_name"] = None
        return context


class UserDetailView(RoleRequiredMixin, TemplateView):
    """用户详情 (mobile masked)."""

    template_name = "accounts/user_detail.html"
    required_roles = permissions.USER_READERS

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """The user and what the reader may do with them."""
        context = super().get_context_data(**kwargs)
        subject = _scoped_user(self.request, self.kwargs["pk"])
        reader = self.request.user
        context.update(
            subject=subject,
            mobile_masked=mask_mobile(subject.mobile),
            grants=[(grant, role_grant_verify(grant)) for grant in subject.role_grants.select_related("granted_by")],
            can_edit=reader.has_role(*permissions.USER_WRITERS),
            can_manage_roles=reader.has_role(*permissions.ROLE_WRITERS) and reader.pk != subject.pk,
            page_title=f"用户：{subject}",
            breadcrumbs=_breadcrumbs((str(subject), None)),
        )
        return context


@admin_role_required(*permissions.USER_WRITERS)
@require_http_methods(["GET", "POST"])
def user_form_view(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """新增用户 / 编辑用户: a new user gets a temporary password shown once."""
    subject = _scoped_user(request, pk) if pk is not None else None
    form = UserForm(request.POST or None, user=request.user, instance=subject)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if subject is None:
                subject, temporary = user_create(
                    username=data["username"],
                    full_name=data["full_name"],
                    email=data["email"],
                    organisation=data["organisation"],
                    mobile=data["mobile"],
                    acting_user=request.user,
                    request=request,
                )
                context = {"subject": subject, "temporary_password": temporary, "page_title": "用户已创建", "breadcrumbs": _breadcrumbs(("用户已创建", None))}
                return render(request, "accounts/user_created.html", context)
            user_update(
                user=subject,
                full_name=data["full_name"],
                email=data["email"],
                organisation=data["organisation"],
                mobile=data["mobile"],
                acting_user=request.user,
                request=request,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"用户“{subject}”已保存。")
            return HttpResponseRedirect(subject.get_absolute_url())
    title = f"编辑用户：{subject}" if subject else "新增用户"
    context = {"form": form, "page_title": title, "breadcrumbs": _breadcrumbs((title, None)), "submit_label": "保存"}
    return render(request, "accounts/form.html", context)


@admin_role_required(*permissions.USER_WRITERS)
@require_http_methods(["GET", "POST"])
def user_disable_view(request: HttpRequest, pk: int) -> HttpResponse:
    """停用用户 (ends all their sessions) or 启用 a disabled one."""
    subject = _scoped_user(request, pk)
    if request.method == "POST" and request.POST.get("action") == "enable":
        user_enable(user=subject, acting_user=request.user, request=request)
        messages.success(request, f"用户“{subject}”已启用。")
        return HttpResponseRedirect(subject.get_absolute_url())
    form = UserDisableForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            ended = user_disable(user=subject, acting_user=request.user, reason=form.cleaned_data["reason"], request=request)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"用户“{subject}”已停用，结束了 {ended} 个登录会话。")
            return HttpResponseRedirect(subject.get_absolute_url())
    title = f"停用用户：{subject}"
    context = {"form": form, "subject": subject, "page_title": title, "breadcrumbs": _breadcrumbs((title, None)), "submit_label": "确认停用", "danger": True}
    return render(request, "accounts/form.html", context)


@admin_role_required(*permissions.ROLE_WRITERS)
@require_http_methods(["GET", "POST"])
def user_roles_view(request: HttpRequest, pk: int) -> HttpResponse:
    """角色与管辖区域 (security administrator): grant, revoke, set the jurisdiction, reset OTP."""
    subject = _scoped_user(request, pk)
    if subject.pk == request.user.pk:
        raise PermissionDenied("不能管理自己的角色和管辖区域。")
    action = request.POST.get("action", "")
    grant_form = RoleGrantForm(request.POST if action in {"grant", "revoke"} else None)
    jurisdiction_form = JurisdictionForm(
        request.POST if action == "jurisdiction" else None,
        user=request.user,
        initial={"region_code": subject.jurisdiction_id or ""},
    )
    if request.method == "POST":
        try:
            if action in {"grant", "revoke"} and grant_form.is_valid():
                role = grant_form.cleaned_data["role"]
                service = role_grant if action == "grant" else role_revoke
                service(user=subject, role=role, acting_user=request.user, request=request)
                verb = "授予" if action == "grant" else "撤销"
                messages.success(request, f"已{verb}“{Role(role).label}”。")
                return HttpResponseRedirect(request.path)
            if action == "jurisdiction" and jurisdiction_form.is_valid():
                user_jurisdiction_set(user=subject, region=jurisdiction_form.cleaned_data["region_code"], acting_user=request.user, request=request)
                messages.success(request, "管辖区域已更新。")
                return HttpResponseRedirect(request.path)
            if action == "otp_reset":
                count = otp_devices_reset(user=subject, acting_user=request.user, request=request)
                messages.success(request, f"已重置 {count} 个动态口令设备，该用户下次登录时重新绑定。")
                return HttpResponseRedirect(request.path)
        except ValidationError as exc:
            target = jurisdiction_form if action == "jurisdiction" else grant_form
            target.add_error(None, exc)
    subject.__dict__.pop("_role_codes", None)
    context = {
        "subject": subject,
        "grants": [(grant, role_grant_verify(grant)) for grant in subject.role_grants.select_related("granted_by")],
        "grant_form": grant_form,
        "jurisdiction_form": jurisdiction_form,
        "page_title": f"角色与管辖区域：{subject}",
        "breadcrumbs": _breadcrumbs((str(subject), subject.get_absolute_url()), ("角色与管辖区域", None)),
    }
    return render(request, "accounts/user_roles.html", context)
