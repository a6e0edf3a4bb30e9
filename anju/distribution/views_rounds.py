"""Staff pages of rounds, waitlist order, lottery and house selection (mounted at /distribution/), and the public lottery page.

Views only parse, call a selector or a service, and render (style.md 2-3). Every action is a
form posted to its own address; a service's ValidationError comes back on the form in Chinese
and nothing changes.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views import View

from anju.core.listing import Column, StaffListView
from anju.core.masking import mask_name
from anju.distribution import forms_rounds as forms
from anju.distribution import selectors_rounds as selectors
from anju.distribution.choices import LotteryState, RoundMethod, RoundState
from anju.distribution.models import AllocationRound, QueueEntry
from anju.distribution.permissions import READER_ROLES, can_edit_distribution
from anju.distribution.services import lottery as lottery_services
from anju.distribution.services import rounds as round_services
from anju.distribution.services import selection as selection_services
from anju.distribution.services import waitlist as waitlist_services

LIST_URL = "distribution:round_list"
# Pages of the contracts and subsidies part, linked from the dashboard when they exist.
OTHER_PAGES = (
    (
        "distribution:contract_list",
        "保障对象合同",
        "file-earmark-text",
        "配租、配售和补贴合同，签约、续签和解除（A.7.3）",
    ),
    ("distribution:subsidy_due_list", "补贴应发", "cash-coin", "按月生成的补贴应发（A.7.5）"),
    ("distribution:subsidy_payment_list", "补贴实发", "cash-stack", "补贴发放与不足额原因（A.7.6）"),
    ("distribution:support_plan_list", "支持对象拨付计划", "building-gear", "支持对象资金拨付配置计划（A.7.7）"),
    ("distribution:land_supply_list", "土地供应记录", "map", "土地供应记录信息（A.7.8）"),
)


def _url(name: str, *args: Any) -> str:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


class ReaderMixin(LoginRequiredMixin):
    """Business staff who read distribution records (default deny)."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """403 for roles that do not read distribution records."""
        if request.user.is_authenticated and not request.user.has_role(*READER_ROLES):
            raise PermissionDenied("您的角色无权查看配给管理数据。")
        return super().dispatch(request, *args, **kwargs)


class EditorMixin(LoginRequiredMixin):
    """District and city officers who run distribution."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """403 before the jurisdiction look-up (404)."""
        if request.user.is_authenticated and not can_edit_distribution(request.user):
            raise PermissionDenied("只有区县保障科或市保障处可以办理配给业务。")
        return super().dispatch(request, *args, **kwargs)


# ---------------------------------------------------------------- dashboard and lists


class IndexView(ReaderMixin, View):
    """配给管理 home: rounds by state and the other distribution pages."""

    def get(self, request: HttpRequest) -> HttpResponse:
        """Counts and links."""
        rounds = selectors.round_list(user=request.user)
        counts = {state: 0 for state in RoundState.values}
        for state in rounds.order_by().values_list("state", flat=True):
            counts[state] += 1
        cards = [
            {
                "label": "配给批次",
                "url": reverse(LIST_URL),
                "icon": "list-ol",
                "text": "轮候排序、摇号和选房（A.7.1、A.7.2）",
            }
        ]
        cards += [
            {"label": label, "url": url, "icon": icon, "text": text}
            for name, label, icon, text in OTHER_PAGES
            if (url := _url(name))
        ]
        return render(
            request,
            "distribution/rounds/index.html",
            {
                "page_title": "配给管理",
                "breadcrumbs": [("配给管理", None)],
                "cards": cards,
                "states": [(RoundState(s).label, counts[s]) for s in RoundState.values],
                "recent": rounds[:8],
                "can_edit": can_edit_distribution(request.user),
            },
        )


class RoundFilterSet(django_filters.FilterSet):
    """Filters of the rounds list."""

    q = django_filters.CharFilter(label="关键字", method="keyword")
    method = django_filters.ChoiceFilter(label="配给方式", choices=RoundMethod.choices)
    state = django_filters.ChoiceFilter(label="批次状态", choices=RoundState.choices)
    created_from = django_filters.DateFilter(
        label="创建日期自",
        field_name="created_at",
        lookup_expr="date__gte",
        widget=django_filters.widgets.forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = AllocationRound
        fields: list[str] = []

    def __init__(self, *args: Any, request: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)

    def keyword(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """批次编号、名称或方案编号."""
        from django.db.models import Q

        return queryset.filter(Q(number__icontains=value) | Q(name__icontains=value) | Q(plan__number__icontains=value))


class RoundListView(StaffListView):
    """配给批次."""

    required_roles = tuple(READER_ROLES)
    title = "配给批次"
    selector = staticmethod(selectors.round_list)
    filterset_class = RoundFilterSet
    create_url_name = "distribution:round_create"
    create_label = "新建配给批次"
    export_filename = "配给批次"
    columns = [
        Column("批次编号", "number", link=True),
        Column("批次名称", "name"),
        Column("资源配置方案", "plan.number"),
        Column("配给方式", "method"),
        Column("批次状态", "state"),
        Column("轮候户数", "household_count"),
        Column("已选房户数", "chosen_count"),
        Column("选房开始时间", "selection_starts_at"),
        Column("创建时间", "created_at"),
    ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """Hide the create button from readers; breadcrumbs under 配给管理."""
        context = super().get_context_data(**kwargs)
        if not can_edit_distribution(self.request.user):
            context["create_url_name"] = None
        context["breadcrumbs"] = [("配给管理", reverse("distribution:index")), (self.title, None)]
        return context


def _explanation_text(entry: QueueEntry) -> str:
    factors = entry.explanation.get("factors") or []
    parts = [f"{f['name']}：{f['value']}（{'+' + f['points'] if f['hit'] else '不符合'}）" for f in factors]
    tie = entry.explanation.get("tie_breaker") or {}
    if tie:
        parts.append(f"同分排序：{tie.get('label', '')} {tie.get('value', '')}")
    if "lottery" in entry.explanation:
        outcome = lottery_services.lottery_outcome(entry.explanation, entry.position)
        parts = [f"摇号 {entry.explanation['lottery']} 第 {entry.position} 名（{outcome}）"]
    return "；".join(parts)


class QueueListView(StaffListView):
    """一个批次的轮候顺序 (filters, pages, Excel with the explanation)."""

    required_roles = tuple(READER_ROLES)
    export_filename = "轮候顺序"
    columns = [
        Column("配给分组", "group"),
        Column("配给顺序", "position"),
        Column("登记编号", "register_entry.number"),
        Column("申请人", lambda e: mask_name(e.register_entry.applicant_name)),
        Column("积分", "points"),
        Column("计算顺序", "computed_position"),
        Column("排序依据", _explanation_text),
    ]

    def get_base_queryset(self) -> QuerySet:
        """The round's entries."""
        self.round = selectors.round_get(user=self.request.user, pk=self.kwargs["pk"])
        self.title = f"轮候顺序 {self.round.number}"
        return selectors.queue_entries(user=self.request.user, round_=self.round)

    def link_for(self, obj: Any) -> str:
        """No per-entry page: entries are read on the round."""
        return ""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """Breadcrumbs to the round."""
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = [
            ("配给批次", reverse(LIST_URL)),
            (self.round.number, self.round.get_absolute_url()),
            ("轮候顺序", None),
        ]
        return context


# ---------------------------------------------------------------- round detail


class RoundDetailView(ReaderMixin, View):
    """One round: data, actions by state, the order with explanations, the lottery panel and the selection board."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Render."""
        round_ = selectors.round_get(user=request.user, pk=pk)
        lottery = selectors.round_lottery(round_)
        entries = list(selectors.queue_entries(user=request.user, round_=round_)[:500])
        selections = list(selectors.selection_list(user=request.user, round_=round_)[:500])
        editor = can_edit_distribution(request.user)
        verification = None
        if lottery is not None and lottery.state == LotteryState.DRAWN:
            verification = lottery_services.lottery_verification_cached(lottery=lottery)
        return render(
            request,
            "distribution/rounds/detail.html",
            {
                "page_title": f"配给批次 {round_.number}",
                "subtitle": f"{round_.name} · {round_.get_method_display()} · {round_.get_state_display()}",
                "breadcrumbs": [
                    ("配给管理", reverse("distribution:index")),
                    ("配给批次", reverse(LIST_URL)),
                    (round_.number, None),
                ],
                "round": round_,
                "lottery": lottery,
                "verification": verification,
                "fields": [
                    ("批次编号", round_.number),
                    ("批次名称", round_.name),
                    ("资源配置方案", f"{round_.plan.number} {round_.plan.name}"),
                    ("配给方式", round_.get_method_display()),
                    ("轮候排队规则", str(round_.ordering_scheme or "—")),
                    ("批次状态", round_.get_state_display()),
                    (
                        "选房开始时间",
                        timezone.localtime(round_.selection_starts_at).strftime("%Y-%m-%d %H:%M")
                        if round_.selection_starts_at
                        else "",
                    ),
                    ("每户选房时限（分钟）", round_.window_minutes),
                    ("同分摇号种子", round_.tie_break_seed),
                ],
                "entries": [(e, _explanation_text(e)) for e in entries],
                "entries_total": selectors.queue_entries(user=request.user, round_=round_).count(),
                "reorders": selectors.reorder_list(user=request.user, round_=round_)[:100],
                "selections": selections,
                "board": selectors.selection_board(user=request.user, round_=round_),
                "current": selectors.current_selection(round_=round_) if round_.state == RoundState.SELECTING else None,
                "actions": _round_actions(round_, lottery) if editor else [],
                "can_edit": editor,
                "now": timezone.now(),
                "public_lottery_url": reverse("distribution:lottery_public", args=[lottery.number]) if lottery else "",
                "queue_url": reverse("distribution:queue_list", args=[round_.pk]),
                "mask_name": mask_name,
            },
        )


def _round_actions(round_: AllocationRound, lottery: Any) -> list[dict[str, Any]]:
    """The buttons of a round in its state."""
    pk, actions = round_.pk, []

    def add(
        label: str, name: str, *, method: str = "get", style: str = "outline-primary", icon: str = "", confirm: str = ""
    ) -> None:
        actions.append(
            {
                "label": label,
                "url": reverse(name, args=[pk]),
                "method": method,
                "style": style,
                "icon": icon,
                "confirm": confirm,
            }
        )

    state = round_.state
    if round_.method == RoundMethod.WAITLIST and state in (RoundState.DRAFT, RoundState.ORDERED):
        add(
            "计算轮候顺序" if state == RoundState.DRAFT else "重新计算轮候顺序",
            "distribution:queue_compute",
            method="post",
            style="primary",
            icon="sort-numeric-down",
            confirm="按排队规则计算轮候顺序？",
        )
    if round_.method == RoundMethod.LOTTERY and state == RoundState.DRAFT:
        add("公布摇号名单和种子承诺", "distribution:lottery_commit", style="primary", icon="megaphone")
    if state == RoundState.COMMITTED and lottery is not None:
        add("摇号", "distribution:lottery_draw", style="primary", icon="shuffle")
    if state in (RoundState.ORDERED, RoundState.DRAWN):
        add("开始选房", "distribution:selections_open", style="primary", icon="door-open")
    if state == RoundState.SELECTING:
        add(
            "处理逾期未选",
            "distribution:selections_expire",
            method="post",
            icon="hourglass-bottom",
            confirm="把选房时限已过仍未选房的家庭记为逾期未选？",
        )
    if state != RoundState.CLOSED:
        add(
            "结束批次",
            "distribution:round_close",
            method="post",
            style="outline-danger",
            icon="stop-circle",
            confirm="结束后尚未选房的家庭记为未选房，确定结束？",
        )
    return actions


# ---------------------------------------------------------------- actions


class ActionFormView(EditorMixin, View):
    """A form that calls one service on a round (or a selection / queue entry) and returns to the round."""

    form_class: Any = None
    title = ""
    intro = ""
    submit_label = "确定"

    def load(self, pk: int) -> Any:
        """The record the action is on (scoped; 404 outside the jurisdiction)."""
        return selectors.round_get(user=self.request.user, pk=pk)

    def round_of(self, obj: Any) -> AllocationRound:
        """The round to return to."""
        return obj if isinstance(obj, AllocationRound) else obj.round

    def form_kwargs(self, obj: Any) -> dict[str, Any]:
        """Extra form arguments."""
        return {}

    def initial(self, obj: Any) -> dict[str, Any]:
        """Initial values."""
        return {}

    def call(self, obj: Any, form: Any) -> str:
        """Run the service; return the success message."""
        raise NotImplementedError

    def render_form(self, obj: Any, form: Any) -> HttpResponse:
        """The form page."""
        round_ = self.round_of(obj)
        return render(
            self.request,
            "core/form.html",
            {
                "form": form,
                "page_title": self.title,
                "intro": self.intro,
                "submit_label": self.submit_label,
                "cancel_url": round_.get_absolute_url(),
                "breadcrumbs": [
                    ("配给批次", reverse(LIST_URL)),
                    (round_.number, round_.get_absolute_url()),
                    (self.title, None),
                ],
            },
        )

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """An empty form."""
        obj = self.load(pk)
        return self.render_form(obj, self.form_class(initial=self.initial(obj), **self.form_kwargs(obj)))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Validate, call the service, return to the round."""
        obj = self.load(pk)
        form = self.form_class(request.POST, **self.form_kwargs(obj))
        if form.is_valid():
            try:
                message = self.call(obj, form)
            except ValidationError as exc:
                form.service_errors(exc)
            else:
                messages.success(request, message)
                return HttpResponseRedirect(self.round_of(obj).get_absolute_url())
        return self.render_form(obj, form)


class PostActionView(EditorMixin, View):
    """A button (POST without fields) that calls one service and returns to the round with a message."""

    def load(self, pk: int) -> Any:
        """The round."""
        return selectors.round_get(user=self.request.user, pk=pk)

    def call(self, obj: Any) -> str:
        """Run the service; return the success message."""
        raise NotImplementedError

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Call and redirect; a refusal is shown as an error message."""
        obj = self.load(pk)
        try:
            messages.success(request, self.call(obj))
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        round_ = obj if isinstance(obj, AllocationRound) else obj.round
        return HttpResponseRedirect(round_.get_absolute_url())


class RoundCreateView(ActionFormView):
    """新建配给批次 (from a published plan)."""

    form_class, title, submit_label = forms.RoundCreateForm, "新建配给批次", "创建"
    intro = "从已发布的资源配置方案创建配给批次：方案中的家庭按轮候顺序或摇号确定选房顺序，方案中的住房为本批次房源。"

    def form_kwargs(self, obj: Any) -> dict[str, Any]:
        """The plans the user may use."""
        return {"plans": selectors.published_plans_for(self.request.user)}

    def render_form(self, obj: Any, form: Any) -> HttpResponse:
        """The form page under the list."""
        return render(
            self.request,
            "core/form.html",
            {
                "form": form,
                "page_title": self.title,
                "intro": self.intro,
                "submit_label": self.submit_label,
                "cancel_url": reverse(LIST_URL),
                "breadcrumbs": [("配给批次", reverse(LIST_URL)), (self.title, None)],
            },
        )

    def get(self, request: HttpRequest) -> HttpResponse:  # type: ignore[override]
        """An empty form (a plan may be preselected with ?plan=)."""
        return self.render_form(
            None, self.form_class(initial={"plan": request.GET.get("plan")}, **self.form_kwargs(None))
        )

    def post(self, request: HttpRequest) -> HttpResponse:  # type: ignore[override]
        """Create and open the round."""
        form = self.form_class(request.POST, **self.form_kwargs(None))
        if form.is_valid():
            data = form.cleaned_data
            try:
                round_ = round_services.round_create(
                    plan=data["plan"],
                    method=data["method"],
                    name=data["name"],
                    window_minutes=data["window_minutes"],
                    acting_user=request.user,
                )
            except ValidationError as exc:
                form.service_errors(exc)
            else:
                messages.success(request, f"配给批次 {round_.number} 已创建。")
                return HttpResponseRedirect(round_.get_absolute_url())
        return self.render_form(None, form)


class QueueComputeView(PostActionView):
    """计算轮候顺序."""

    def call(self, obj: Any) -> str:
        """queue_compute."""
        count = waitlist_services.queue_compute(round_=obj, acting_user=self.request.user)
        return f"已按排队规则计算 {count} 户的轮候顺序。"


class QueueReorderView(ActionFormView):
    """调整轮候顺序（须有决定文号和原因）."""

    form_class, title, submit_label = forms.ReorderForm, "调整轮候顺序", "记录决定并调整"
    intro = "轮候顺序只能依据正式决定调整：请填写决定文号和原因，调整记录会保存并向该家庭展示。"

    def load(self, pk: int) -> Any:
        """The queue entry."""
        return selectors.queue_entry_get(user=self.request.user, pk=pk)

    def initial(self, obj: Any) -> dict[str, Any]:
        """The current place."""
        return {"to_position": obj.position}

    def render_form(self, obj: Any, form: Any) -> HttpResponse:
        """Name the household in the title."""
        self.title = f"调整轮候顺序：{obj.register_entry.number}（{obj.group} 第 {obj.position} 位）"
        return super().render_form(obj, form)

    def call(self, obj: Any, form: Any) -> str:
        """queue_reorder."""
        data = form.cleaned_data
        waitlist_services.queue_reorder(
            entry=obj,
            to_position=data["to_position"],
            reason=data["reason"],
            decision_number=data["decision_number"],
            acting_user=self.request.user,
        )
        return f"已按决定 {data['decision_number']} 调整轮候顺序。"


class LotteryCommitView(ActionFormView):
    """公布摇号名单和种子承诺."""

    form_class, title, submit_label = forms.LotteryCommitForm, "公布摇号名单和种子承诺", "公布"
    intro = (
        "系统生成随机种子并密封保存，只公布种子的 SM3 承诺值和参与名单摘要；摇号后公开种子，"
        "任何人都可以在公开核验页面重新计算摇号结果。公布后名单不能再改变。"
    )

    def call(self, obj: Any, form: Any) -> str:
        """lottery_commit."""
        data = form.cleaned_data
        lottery = lottery_services.lottery_commit(
            round_=obj,
            winners_count=data["winners_count"],
            substitutes_count=data["substitutes_count"] or 0,
            draw_at=data["draw_at"],
            notary=data["notary"],
            acting_user=self.request.user,
        )
        return f"摇号 {lottery.number} 的参与名单和种子承诺已公布。"


class LotteryDrawView(ActionFormView):
    """摇号."""

    form_class, title, submit_label = forms.LotteryDrawForm, "摇号", "摇号并公开种子"
    intro = "摇号结果由种子和参与名单唯一确定，摇号后不能重新摇号或修改。"

    def call(self, obj: Any, form: Any) -> str:
        """lottery_draw."""
        lottery = selectors.round_lottery(obj)
        if lottery is None:
            raise ValidationError("该批次尚未公布摇号名单。")
        lottery_services.lottery_draw(lottery=lottery, seed=form.cleaned_data["seed"], acting_user=self.request.user)
        return f"摇号 {lottery.number} 已完成，种子已公开。"


class LotteryVerifyView(PostActionView):
    """核验摇号结果 (recorded in the audit log)."""

    def call(self, obj: Any) -> str:
        """lottery_verify_recorded."""
        lottery = selectors.round_lottery(obj)
        if lottery is None:
            raise ValidationError("该批次没有摇号。")
        verification = lottery_services.lottery_verify_recorded(lottery=lottery, acting_user=self.request.user)
        if not verification.ok:
            raise ValidationError(["核验不通过", *verification.mismatches])
        return "核验通过：重新计算的摇号结果与保存的结果一致。"


class SelectionsOpenView(ActionFormView):
    """开始选房."""

    form_class, title, submit_label = forms.SelectionsOpenForm, "开始选房", "开始选房"
    intro = "按顺序为每户安排连续的选房时段；轮到的家庭在时段内选房，前面的家庭都已处理完时可以提前选房。"

    def initial(self, obj: Any) -> dict[str, Any]:
        """Now and the round's window."""
        return {
            "starts_at": timezone.localtime().replace(second=0, microsecond=0),
            "window_minutes": obj.window_minutes,
        }

    def call(self, obj: Any, form: Any) -> str:
        """selections_open."""
        data = form.cleaned_data
        count = selection_services.selections_open(
            round_=obj,
            starts_at=data["starts_at"],
            window_minutes=data["window_minutes"],
            acting_user=self.request.user,
        )
        return f"已为 {count} 户安排选房时段。"


class SelectionsExpireView(PostActionView):
    """处理逾期未选."""

    def call(self, obj: Any) -> str:
        """selections_expire."""
        count = selection_services.selections_expire(round_=obj, acting_user=self.request.user)
        return f"{count} 户超过选房时限，已记为逾期未选。"


class RoundCloseView(PostActionView):
    """结束批次."""

    def call(self, obj: Any) -> str:
        """round_close."""
        round_services.round_close(round_=obj, acting_user=self.request.user)
        return f"配给批次 {obj.number} 已结束。"


class SelectionChooseView(ActionFormView):
    """登记选房结果."""

    form_class, title, submit_label = forms.ChooseForm, "登记选房", "确认选房"

    def load(self, pk: int) -> Any:
        """The selection."""
        return selectors.selection_get(user=self.request.user, pk=pk)

    def form_kwargs(self, obj: Any) -> dict[str, Any]:
        """Units still free in the round."""
        return {"units": selectors.available_units(round_=obj.round)}

    def render_form(self, obj: Any, form: Any) -> HttpResponse:
        """Name the household."""
        self.title = (
            f"登记选房：第 {obj.order} 号 {mask_name(obj.register_entry.applicant_name)}（{obj.register_entry.number}）"
        )
        return super().render_form(obj, form)

    def call(self, obj: Any, form: Any) -> str:
        """selection_choose."""
        unit = form.cleaned_data["unit"]
        selection_services.selection_choose(selection=obj, unit=unit, acting_user=self.request.user)
        return f"第 {obj.order} 号家庭已选定住房 {unit.number}。"


class SelectionWaiveView(ActionFormView):
    """放弃选房."""

    form_class, title, submit_label = forms.ReasonForm, "放弃选房", "记录放弃"

    def load(self, pk: int) -> Any:
        """The selection."""
        return selectors.selection_get(user=self.request.user, pk=pk)

    def call(self, obj: Any, form: Any) -> str:
        """selection_waive."""
        selection_services.selection_waive(
            selection=obj, reason=form.cleaned_data["reason"], acting_user=self.request.user
        )
        return f"第 {obj.order} 号家庭已放弃选房。"


class SelectionReleaseView(SelectionWaiveView):
    """退回已选住房."""

    title, submit_label = "退回已选住房", "退回住房"

    def call(self, obj: Any, form: Any) -> str:
        """selection_release."""
        selection_services.selection_release(
            selection=obj, reason=form.cleaned_data["reason"], acting_user=self.request.user
        )
        return f"第 {obj.order} 号家庭已退回住房。"


class SelectionConfirmView(PostActionView):
    """审核确认选房."""

    def load(self, pk: int) -> Any:
        """The selection."""
        return selectors.selection_get(user=self.request.user, pk=pk)

    def call(self, obj: Any) -> str:
        """selection_confirm."""
        selection_services.selection_confirm(selection=obj, acting_user=self.request.user)
        return f"第 {obj.order} 号家庭的选房已审核确认。"


# ---------------------------------------------------------------- public


class LotteryPublicView(View):
    """摇号公开核验 (no login): list digest, commitment, seed, the masked list, recomputed result and verdict."""

    def get(self, request: HttpRequest, number: str) -> HttpResponse:
        """Render the public record."""
        lottery = selectors.lottery_public_get(number=number)
        data = selectors.lottery_public_data(lottery=lottery)
        try:
            login_url = reverse("accounts:login")
        except NoReverseMatch:
            login_url = "/accounts/login/"
        return render(
            request,
            "distribution/rounds/public_lottery.html",
            {
                "data": data,
                "lottery": lottery,
                "staff_login_url": login_url,
                "shown": len(data.participants),
                "drawn": lottery.state == LotteryState.DRAWN,
            },
        )
