"""网上申请: the household fills its application step by step, checks eligibility and submits."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from anju.portal.forms import AssetForm, DwellingForm, HouseholdForm, MaterialForm, MemberForm
from anju.portal.models import OnlineApplication
from anju.portal.partner_data import PROOFS
from anju.portal.permissions import is_applicant
from anju.portal.selectors import application_files, online_application_current
from anju.portal.services import online as online_services
from anju.portal.views import portal_context

PART_FORMS: dict[str, tuple[type, str, str]] = {
    # kind: (form, related name on Application, Chinese noun)
    "members": (MemberForm, "members", "家庭成员"),
    "housing": (DwellingForm, "dwellings", "住房"),
    "assets": (AssetForm, "assets", "资产"),
}


def applicant_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Anonymous visitors go to the applicant login; staff accounts are refused (they apply at the window)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if not user.is_authenticated:
            return HttpResponseRedirect(f"{reverse('portal:login')}?{urlencode({'next': request.get_full_path()})}")
        if not is_applicant(user):
            raise PermissionDenied("网上申请只对申请人账号开放；工作人员请在业务系统中受理。")
        return view(request, *args, **kwargs)

    return wrapper


def _current(request: HttpRequest) -> OnlineApplication:
    online = online_application_current(user=request.user)
    if online is None:
        raise Http404("还没有进行中的网上申请。")
    return online


def _steps(online: OnlineApplication | None, current: str) -> list[dict[str, Any]]:
    reached = online.step if online is not None else "household"
    reached_index = (
        len(online_services.STEP_CODES)
        if reached == "submitted"
        else (online_services.STEP_CODES.index(reached) if reached in online_services.STEP_CODES else 0)
    )
    return [
        {
            "code": code, "label": label, "number": i + 1, "current": code == current,
            "url": reverse(f"portal:apply_{code}") if online is not None or code == "household" else "",
            "done": i < reached_index,
        }
        for i, (code, label) in enumerate(online_services.STEPS)
    ]  # fmt: skip


def _render(
    request: HttpRequest, template: str, online: OnlineApplication | None, step: str, **extra: Any
) -> HttpResponse:
    context = portal_context(
        request, online=online, application=online.application if online else None, steps=_steps(online, step),
        step=step, page_title=dict(online_services.STEPS)[step], **extra,
    )  # fmt: skip
    return render(request, template, context)


def _editable_or_progress(request: HttpRequest, online: OnlineApplication) -> HttpResponse | None:
    if not online.application.is_editable:
        messages.info(request, "申请已提交，正在办理中；如需补正，工作人员退回后可以修改。")
        return HttpResponseRedirect(reverse("portal:case", args=[online.pk]))
    return None


def apply_view(request: HttpRequest) -> HttpResponse:
    """申请公租房: who may apply and how (public); signed-in applicants continue where they stopped."""
    user = request.user
    if is_applicant(user):
        online = online_application_current(user=user)
        if online is None:
            return HttpResponseRedirect(reverse("portal:apply_household"))
        if not online.application.is_editable:
            return HttpResponseRedirect(reverse("portal:case", args=[online.pk]))
        step = online.step if online.step in online_services.STEP_CODES else "household"
        return HttpResponseRedirect(reverse(f"portal:apply_{step}"))
    context = portal_context(request, page_title="申请公租房", steps=_steps(None, ""), staff=user.is_authenticated)
    return render(request, "portal/apply/intro.html", context)


@applicant_required
@require_http_methods(["GET", "POST"])
def household_view(request: HttpRequest) -> HttpResponse:
    """第 1 步: the applicant and the household basics (creates the draft the first time)."""
    online = online_application_current(user=request.user)
    if online is not None and (redirect := _editable_or_progress(request, online)):
        return redirect
    instance = online.application if online else None
    initial = None if instance else {"phone": request.user.mobile, "applicant_name": request.user.full_name}
    form = HouseholdForm(request.POST or None, instance=instance, creating=instance is None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.service_data()
        region_code = data.pop("region_code", "")
        try:
            online = online_services.household_save(user=request.user, data=data, region_code=region_code)
        except ValidationError as exc:
            form.service_errors(exc)
        else:
            if online.prefilled:
                messages.success(
                    request, "已保存。系统已从部门共享数据自动填写了户籍、家庭成员、收入和住房等信息，请核对。"
                )
            else:
                messages.success(request, "已保存，请继续填写家庭成员。")
            return HttpResponseRedirect(reverse("portal:apply_members"))
    return _render(request, "portal/apply/household.html", online, "household", form=form)


@applicant_required
@require_http_methods(["GET", "POST"])
def part_view(request: HttpRequest, kind: str, pk: int | None = None) -> HttpResponse:
    """第 2–4 步: the list of members / homes / assets with a form to add (or change) one."""
    if kind not in PART_FORMS:
        raise Http404("页面不存在。")
    online = _current(request)
    if redirect := _editable_or_progress(request, online):
        return redirect
    form_class, related, noun = PART_FORMS[kind]
    instance = None
    if pk is not None:
        instance = getattr(online.application, related).filter(pk=pk).first()
        if instance is None:
            raise Http404("记录不存在。")
    form = form_class(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        try:
            online_services.part_save(online=online, kind=kind, data=form.service_data(), pk=pk)
        except ValidationError as exc:
            form.service_errors(exc)
        else:
            messages.success(request, f"{noun}信息已保存。")
            return HttpResponseRedirect(reverse(f"portal:apply_{kind}"))
    rows = list(getattr(online.application, related).all())
    next_step = online_services.STEP_CODES[online_services.STEP_CODES.index(kind) + 1]
    return _render(
        request, "portal/apply/part.html", online, kind, form=form, rows=rows, kind=kind, noun=noun, editing=instance,
        next_url=reverse(f"portal:apply_{next_step}"),
    )  # fmt: skip


@applicant_required
@require_POST
def part_delete_view(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Remove one member / home / asset."""
    if kind not in PART_FORMS:
        raise Http404("页面不存在。")
    online = _current(request)
    try:
        online_services.part_remove(online=online, kind=kind, pk=pk)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, "已删除。")
    return HttpResponseRedirect(reverse(f"portal:apply_{kind}"))


@applicant_required
@require_http_methods(["GET", "POST"])
def materials_view(request: HttpRequest) -> HttpResponse:
    """第 5 步: proofs — those replaced by partner data are not asked for (零证明)."""
    online = _current(request)
    if redirect := _editable_or_progress(request, online):
        return redirect
    form = MaterialForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            online_services.material_upload(
                online=online,
                uploaded_file=form.cleaned_data["file"],
                file_type=form.cleaned_data["file_type"],
                request=request,
            )
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error("file", message)
        else:
            messages.success(request, "材料已上传到电子档案。")
            return HttpResponseRedirect(reverse("portal:apply_materials"))
    present = online_services.materials_present(online.application)
    proofs = [
        {"code": code, "name": name, "waived_by": online.proofs_waived.get(code, ""), "uploaded": code in present,
         "required": code in online_services.REQUIRED_PROOFS}
        for code, (name, _) in PROOFS.items()
    ]  # fmt: skip
    files = application_files(online.application)
    return _render(request, "portal/apply/materials.html", online, "materials", form=form, proofs=proofs, files=files)


@applicant_required
@require_http_methods(["GET", "POST"])
def check_view(request: HttpRequest) -> HttpResponse:
    """第 6 步: the eligibility pre-check explained, what is missing, and 提交."""
    online = _current(request)
    if request.method == "POST":
        try:
            online = online_services.online_submit(online=online)
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(
                request, f"申请已提交，申请编号 {online.application.number}。社区受理后您可以在“我的申请”中查看进度。"
            )
            return HttpResponseRedirect(reverse("portal:case", args=[online.pk]))
    if redirect := _editable_or_progress(request, online):
        return redirect
    online_services.step_reached(online, "check")
    result = online_services.eligibility_precheck(online=online)
    return _render(
        request, "portal/apply/check.html", online, "check", result=result, missing=online_services.materials_missing(online),
    )  # fmt: skip
