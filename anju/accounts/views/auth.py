"""Login, logout and password change pages (security.md #1-#3)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.shortcuts import resolve_url
from django.urls import NoReverseMatch, reverse
from django.utils.http import url_has_allowed_host_and_scheme

from anju.accounts.forms import AnjuPasswordChangeForm, LoginForm
from anju.accounts.roles import Role
from anju.accounts.services.passwords import user_password_set
from anju.accounts.services.sessions import user_session_forget, user_session_record

STAFF_HOME_FALLBACK = "/staff/"


def staff_home_url(user: Any = None) -> str:
    """Where a signed-in user starts: the workbench, or the portal for an applicant."""
    if user is not None and user.is_authenticated and user.role_codes == {Role.APPLICANT.value}:
        try:
            return reverse("portal:home")
        except NoReverseMatch:
            return "/"
    try:
        return resolve_url("core:workbench")
    except NoReverseMatch:
        return STAFF_HOME_FALLBACK


class LoginView(auth_views.LoginView):
    """登录: a Django LoginView (new session key via `cycle_key`), axes watching every attempt."""

    template_name = "accounts/login.html"
    form_class = LoginForm
    extra_context = {"page_title": "登录"}

    def get_default_redirect_url(self) -> str:
        """The workbench (or the portal for applicants)."""
        return staff_home_url(getattr(self.request, "user", None))


class LogoutView(auth_views.LogoutView):
    """退出 (POST only); then the login page."""

    http_method_names = ["post", "options"]
    next_page = "accounts:login"

    def post(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        """Log out and say so."""
        response = super().post(request, *args, **kwargs)
        messages.success(request, "您已安全退出。")
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    """修改密码: the policy validators run; history and `password_changed_at` via the service."""

    template_name = "accounts/password_change.html"
    form_class = AnjuPasswordChangeForm
    extra_context = {"page_title": "修改密码", "breadcrumbs": [("修改密码", None)]}

    def get_success_url(self) -> str:
        """Back to where the user was sent from, or the workbench."""
        next_url = self.request.POST.get("next") or self.request.GET.get("next")
        if next_url and url_has_allowed_host_and_scheme(next_url, {self.request.get_host()}, self.request.is_secure()):
            return next_url
        return staff_home_url(self.request.user)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """The `next` address travels with the form."""
        context = super().get_context_data(**kwargs)
        context["next"] = self.request.GET.get("next", "")
        context["forced"] = bool(context["next"])
        return context

    def form_valid(self, form: AnjuPasswordChangeForm) -> HttpResponse:
        """Set the password through the service, keep this session (with its new key) alive."""
        user = self.request.user
        old_key = self.request.session.session_key
        user_password_set(user=user, raw_password=form.cleaned_data["new_password1"], acting_user=user, request=self.request)
        update_session_auth_hash(self.request, user)
        user_session_forget(session_key=old_key)
        user_session_record(user=user, request=self.request)
        messages.success(self.request, "密码已修改。")
        return super(auth_views.PasswordChangeView, self).form_valid(form)
