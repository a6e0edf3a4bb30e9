"""Staff pages of the admission process: review (rule check, verification, task actions), batch review,
verification requests for partner departments, the printable verification report.

Views only parse, call a selector or a service, and render (style.md 2-3).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views import View

from anju.admission.forms_review import (
    NODE_CHOICES,
    BatchReviewForm,
    ReviewDecisionForm,
    VerificationAnswerForm,
    VerificationAssignForm,
    VerificationConcludeForm,
)
from anju.admission.models import Application, VerificationStatus
from anju.admission.permissions import READER_ROLES
from anju.admission.selectors import household_get
from anju.admission.selectors_process import review_queue, verification_get, verification_list, verification_report_get
from anju.admission.services import process, review, verification
from anju.admission.validation import code_name
from anju.core.listing import Column, StaffListView


def _messages_from(request: HttpRequest, exc: Exception) -> None:
    for message in exc.messages if isinstance(exc, ValidationError) else [str(exc)]:
        messages.error(request, message)


def _put_errors(form: Any, exc: ValidationError) -> None:
    """A service's ValidationError back onto the form (field errors beside fields, the rest on top)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def process_summary(*, user: Any, application: Application) -> dict[str, Any]:
    """The process card of an application: current node, open task, whether the user may act."""
    from anju.workflow.permissions import may_act_on

    instance = process.application_instance(application)
    task = process.open_task(application)
    return {
        "instance": instance,
        "task": task,
        "node": task.node_instance.node if task is not None else None,
        "may_act": task is not None and may_act_on(user, task),
        "review_url": reverse("admission:application_review", args=[application.pk]),
        "missing_materials": process.missing_materials(application),
        "reports": list(application.verification_reports.order_by("-id")),
    }


class ReaderMixin(LoginRequiredMixin):
    """Staff readers of applications (社区/街道/区县/市); 403 for other roles."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """Role check (403) before the jurisdiction look-up (404)."""
        if request.user.is_authenticated and not request.user.has_role(*READER_ROLES):
            raise PermissionDenied("您无权办理准入审核。")
        return super().dispatch(request, *args, **kwargs)


class ApplicationReviewView(ReaderMixin, View):
    """审核办理: the application, its materials, the rule check, verifications and the task actions."""

    def context(self, request: HttpRequest, application: Application, **forms: Any) -> dict[str, Any]:
        """Everything the review page shows."""
        summary = process_summary(user=request.user, application=application)
        verifications = list(application.verifications.select_related("assignee", "assignee_organisation").order_by("id"))
        for item in verifications:
            item.result_name = code_name(item, "result")
        return {
            "page_title": f"审核办理：{application.number} {application.applicant_name}",
            "breadcrumbs": [
                ("申请家庭", reverse("admission:household_list")),
                (application.number, application.get_absolute_url()),
                ("审核办理", None),
            ],
            "application": application,
            "process": summary,
            "rule_check": process.rule_check_latest(application),
            "verifications": verifications,
            "reports": list(application.verification_reports.select_related("concluded_by").order_by("-id")),
            "decision_form": forms.get("decision_form") or ReviewDecisionForm(),
            "assign_form": forms.get("assign_form") or VerificationAssignForm(region_code=application.region_code),
            "conclude_form": forms.get("conclude_form") or VerificationConcludeForm(),
            "can_assign": request.user.has_role(*verification.ASSIGNER_ROLES)
            and application.status in verification.REVIEW_STATUSES,
            "can_conclude": request.user.has_role(*verification.CONCLUDER_ROLES)
            and application.status in verification.REVIEW_STATUSES,
        }

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Render the page (404 outside the jurisdiction)."""
        application = household_get(user=request.user, pk=pk)
        return render(request, "admission/review.html", self.context(request, application))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        """同意 / 不同意 / 退回 the application's current task."""
        application = household_get(user=request.user, pk=pk)
        form = ReviewDecisionForm(request.POST)
        if form.is_valid():
            action, opinion = form.cleaned_data["action"], form.cleaned_data["opinion"]
            try:
                if action == "return":
                    review.review_return(application=application, opinion=opinion, acting_user=request.user)
                else:
                    review.review_decide(application=application, decision=action, opinion=opinion, acting_user=request.user)
            except (ValidationError, PermissionDenied) as exc:
                _messages_from(request, exc)
            else:
                application.refresh_from_db()
                messages.success(request, f"已办理，当前阶段：{application.get_status_display()}。")
                return HttpResponseRedirect(reverse("admission:application_review", args=[pk]))
        return render(request, "admission/review.html", self.context(request, application, decision_form=form))


class RuleCheckView(ReaderMixin, View):
    """重新审查 (POST): evaluate the rules now and record the decision."""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Run the rules evaluator; its result or error is shown on the review page."""
        application = household_get(user=request.user, pk=pk)
        try:
            result = process.application_rule_check(application=application, acting_user=request.user)
        except PermissionDenied as exc:
            _messages_from(request, exc)
        else:
            if result.get("ok"):
                messages.success(request, f"规则审查完成：{result['decision']}。")
            else:
                messages.error(request, result.get("message") or "规则审查失败。")
        return HttpResponseRedirect(reverse("admission:application_review", args=[pk]))


class ReviewFormPostView(ApplicationReviewView):
    """A form posted from the review page: call the service, back to the page (errors on the form, input kept)."""

    form_key = ""  # the context name of the form on the review page

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The form lives on the review page."""
        return HttpResponseRedirect(reverse("admission:application_review", args=[pk]))

    def make_form(self, request: HttpRequest, application: Application) -> Any:
        """The bound form."""
        raise NotImplementedError

    def call(self, request: HttpRequest, application: Application, data: dict[str, Any]) -> str:
        """Run the service; returns the success message."""
        raise NotImplementedError

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Validate, call the service, redirect with its message or render the page with the errors."""
        application = household_get(user=request.user, pk=pk)
        form = self.make_form(request, application)
        if form.is_valid():
            try:
                message = self.call(request, application, form.cleaned_data)
            except ValidationError as exc:
                _put_errors(form, exc)
            except PermissionDenied as exc:
                _messages_from(request, exc)
                return HttpResponseRedirect(reverse("admission:application_review", args=[pk]))
            else:
                messages.success(request, message)
                return HttpResponseRedirect(reverse("admission:application_review", args=[pk]))
        return render(request, "admission/review.html", self.context(request, application, **{self.form_key: form}))


class VerificationAssignView(ReviewFormPostView):
    """核查指派 (POST from the review page)."""

    form_key = "assign_form"

    def make_form(self, request: HttpRequest, application: Application) -> Any:
        """The assignment form, partner departments of the application's region."""
        return VerificationAssignForm(request.POST, region_code=application.region_code)

    def call(self, request: HttpRequest, application: Application, data: dict[str, Any]) -> str:
        """Assign."""
        item = verification.verification_assign(application=application, acting_user=request.user, **data)
        return f"已指派核查 {item.number}。"


class VerificationConcludeView(ReviewFormPostView):
    """核查结论认定 (POST from the review page)."""

    form_key = "conclude_form"

    def make_form(self, request: HttpRequest, application: Application) -> Any:
        """The conclusion form."""
        return VerificationConcludeForm(request.POST)

    def call(self, request: HttpRequest, application: Application, data: dict[str, Any]) -> str:
        """Record the conclusion and number the report."""
        report = verification.verification_conclude(application=application, acting_user=request.user, **data)
        return f"已认定核查结论，核查报告 {report.number}。"


class VerificationReportView(LoginRequiredMixin, View):
    """核查报告: a printable page (browser print to PDF)."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Render the report (404 outside the jurisdiction)."""
        report = verification_report_get(user=request.user, pk=pk)
        items = list(report.application.verifications.select_related("assignee", "assignee_organisation").order_by("id"))
        for item in items:
            item.result_name = code_name(item, "result")
        context = {"report": report, "application": report.application, "verifications": items,
                   "rule_check": process.rule_check_latest(report.application)}  # fmt: skip
        return render(request, "admission/verification_report.html", context)


class VerificationReportPdfView(LoginRequiredMixin, View):
    """核查报告 PDF: the archived file (download through the e-archive), or rendered now for an older report."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Redirect to the archived PDF, else render it (404 outside the jurisdiction)."""
        from urllib.parse import quote

        report = verification_report_get(user=request.user, pk=pk)
        if report.archive_file_id and not report.archive_file.is_deleted:
            return HttpResponseRedirect(reverse("archive:file_download", args=[report.archive_file_id]))
        title, pdf = verification.verification_report_pdf(report)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f"inline; filename*=UTF-8''{quote(f'{title}{report.number}.pdf')}"
        return response


class VerificationListView(StaffListView):
    """核查请求: reviewers see their jurisdiction's, a 协同部门 user those assigned to them."""

    title = "核查请求"
    template_name = "admission/registration/list.html"
    selector = staticmethod(verification_list)
    required_roles = (*READER_ROLES, "partner")
    export_filename = "核查请求"
    columns = [
        Column("核查编号", "number", link=True),
        Column("申请编号", "application.number"),
        Column("申请人姓名", "application.applicant_name"),
        Column("核查类型", "kind"),
        Column("核查单位/核查人", "assignee_label"),
        Column("指派时间", "assigned_at"),
        Column("反馈期限", "due_date"),
        Column("核查状态", "status"),
    ]


class VerificationDetailView(LoginRequiredMixin, View):
    """One verification request: the request, the answer form for the assignee, the files."""

    def context(self, request: HttpRequest, item: Any, form: Any = None) -> dict[str, Any]:
        """The page context."""
        may_answer = verification.can_answer(request.user, item) and item.status == VerificationStatus.ASSIGNED
        return {
            "page_title": f"核查请求 {item.number}",
            "breadcrumbs": [("核查请求", reverse("admission:verification_list")), (item.number, None)],
            "item": item,
            "result_name": code_name(item, "result"),
            "may_answer": may_answer,
            "form": form or (VerificationAnswerForm() if may_answer else None),
        }

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Render (404 when not visible)."""
        item = verification_get(user=request.user, pk=pk)
        return render(request, "admission/verification_detail.html", self.context(request, item))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Answer with a result, a note and proof files."""
        item = verification_get(user=request.user, pk=pk)
        form = VerificationAnswerForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                verification.verification_answer(
                    verification=item, acting_user=request.user, result=form.cleaned_data["result"],
                    result_detail=form.cleaned_data["result_detail"], attachments=form.cleaned_data["attachments"],
                )  # fmt: skip
            except ValidationError as exc:
                _put_errors(form, exc)
            else:
                messages.success(request, "核查结果已反馈。")
                return HttpResponseRedirect(reverse("admission:verification_detail", args=[pk]))
        return render(request, "admission/verification_detail.html", self.context(request, item, form))


class BatchReviewView(ReaderMixin, View):
    """批量审核: the applications waiting at one node, with the rule check beside each; one opinion for all."""

    def node_code(self, request: HttpRequest) -> str:
        """The node chosen (default 初审 for street reviewers, 审核 otherwise)."""
        codes = dict(NODE_CHOICES)
        code = request.GET.get("node") or request.POST.get("node") or ""
        if code in codes:
            return code
        if request.user.has_role("community_clerk"):
            return "accept"
        return "street_review" if request.user.has_role("street_reviewer") else "county_review"

    def render_page(self, request: HttpRequest, node_code: str, form: Any = None, results: Any = None) -> HttpResponse:
        """The queue with rule results."""
        applications = list(review_queue(user=request.user, node_code=node_code)[:200])
        checks = process.rule_check_latest_map([a.pk for a in applications])
        rows = [{"application": a, "check": checks.get(a.pk)} for a in applications]
        context = {
            "page_title": "批量审核",
            "breadcrumbs": [("申请家庭", reverse("admission:household_list")), ("批量审核", None)],
            "node_code": node_code,
            "node_choices": NODE_CHOICES,
            "rows": rows,
            "rules_ready": process.rules_available(),
            "form": form or BatchReviewForm(application_ids=[a.pk for a in applications]),
            "results": results,
        }
        return render(request, "admission/review_batch.html", context)

    def get(self, request: HttpRequest) -> HttpResponse:
        """The queue of the chosen node."""
        return self.render_page(request, self.node_code(request))

    def post(self, request: HttpRequest) -> HttpResponse:
        """Act on the selected applications; report per row."""
        node_code = self.node_code(request)
        queue = {a.pk: a for a in review_queue(user=request.user, node_code=node_code)}
        form = BatchReviewForm(request.POST, application_ids=list(queue))
        if not form.is_valid():
            return self.render_page(request, node_code, form=form)
        chosen = [queue[pk] for pk in form.cleaned_data["applications"]]
        try:
            results = review.review_batch(
                applications=chosen, action=form.cleaned_data["action"], opinion=form.cleaned_data["opinion"],
                acting_user=request.user,
            )  # fmt: skip
        except ValidationError as exc:
            _put_errors(form, exc)
            return self.render_page(request, node_code, form=form)
        done = sum(r.ok for r in results)
        if done:
            messages.success(request, f"已办理 {done} 件。")
        if done < len(results):
            messages.error(request, f"{len(results) - done} 件未能办理，原因见下表。")
        return self.render_page(request, node_code, results=results)
