"""The portal's sections of the case page: 准入登记 (A.3.16), 轮候位置, 摇号结果, 选房结果 and 合同 (distribution)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone

from anju.portal.case_sections import CaseLink, CaseSection, register_case_section


def register_entry_section(application: Any, user: Any) -> CaseSection | None:
    """登记结果: register number, date, mode and the household's security state."""
    from anju.admission.models import RegisterEntry
    from anju.admission.validation import code_name

    entry = RegisterEntry.objects.filter(application=application).first()
    if entry is None:
        return None
    rows = [
        ("登记编号", entry.number),
        ("登记时间", timezone.localtime(entry.registered_at).strftime("%Y-%m-%d")),
        ("申请保障方式", code_name(entry, "security_mode") or "—"),
        ("保障状态", code_name(entry, "security_state") or entry.security_state),
    ]
    note = "已进入轮候。配租方案、摇号和选房安排公布后会显示在这里，也可在公示名单中查看。"
    return CaseSection(
        title="准入登记", rows=rows, links=[CaseLink("查看房源信息", reverse("portal:listings"))], note=note
    )


def _register_entry(application: Any) -> Any:
    """The household's register entry (A.3.16), or None before registration."""
    from anju.admission.models import RegisterEntry

    return RegisterEntry.objects.filter(application=application).first()


def _explanation_text(row: dict[str, Any]) -> str:
    """排序依据 in words: points per factor and the tie-breaker, or the lottery outcome."""
    explanation = row.get("explanation") or {}
    if row.get("lottery_outcome"):
        return f"摇号第 {row['position']} 名（{row['lottery_outcome']}）"
    parts = [
        f"{f.get('name', '')}：{f.get('value', '')}（{'+' + str(f.get('points')) if f.get('hit') else '不符合'}）"
        for f in explanation.get("factors") or []
    ]
    tie = explanation.get("tie_breaker") or {}
    if tie:
        parts.append(f"同分排序：{tie.get('label', '')} {tie.get('value', '')}".strip())
    return "；".join(parts) or "—"


def queue_position_section(application: Any, user: Any) -> CaseSection | None:
    """轮候位置: the household's place in every round with the explanation (distribution's selector)."""
    entry = _register_entry(application)
    if entry is None:
        return None
    from anju.distribution.selectors import household_queue_positions

    positions = household_queue_positions(register_entry=entry)
    if not positions:
        return None
    rows: list[tuple[str, str]] = []
    for row in positions:
        rows += [
            ("配给批次", f"{row['round_name']}（{row['method']}）"),
            ("配给分组", row["group"] or "—"),
            ("配给顺序", f"第 {row['position']} 位，前面还有 {row['households_ahead']} 户"),
            ("积分", str(row["points"])),
            ("排序依据", _explanation_text(row)),
        ]
        rows += [
            ("顺序调整", f"第 {d['from']} 位 → 第 {d['to']} 位（{d['decision_number']}：{d['reason']}）")
            for d in row["decisions"]
        ]
    return CaseSection(
        title="轮候位置",
        rows=rows,
        links=[CaseLink("查看轮候名单", reverse("portal:waitlists"))],
        note="顺序按公布的排序规则计算；调整须有决定文号。",
    )


def lottery_result_section(application: Any, user: Any) -> CaseSection | None:
    """摇号结果: rank and 正选/候补/未中签 in each drawn lottery, with the public verification page."""
    entry = _register_entry(application)
    if entry is None:
        return None
    from anju.distribution.choices import LotteryState
    from anju.distribution.models import LotteryParticipant

    participations = (
        LotteryParticipant.objects.filter(register_entry=entry, lottery__state=LotteryState.DRAWN)
        .select_related("lottery__round")
        .order_by("-lottery__drawn_at", "-id")
    )
    rows: list[tuple[str, str]] = []
    links: list[CaseLink] = []
    for p in participations:
        lottery = p.lottery
        if p.rank is None:
            outcome = "未排序"
        elif p.rank <= lottery.winners_count:
            outcome = "正选"
        else:
            outcome = "候补" if p.is_substitute else "未中签"
        drawn = timezone.localtime(lottery.drawn_at).strftime("%Y-%m-%d") if lottery.drawn_at else "—"
        rows += [
            ("摇号", f"{lottery.round.name}（{lottery.number}）"),
            ("摇号时间", drawn),
            ("摇号顺序", f"第 {p.rank} 名" if p.rank else "—"),
            ("结果", outcome),
        ]
        links.append(
            CaseLink(f"核验摇号 {lottery.number}", reverse("distribution:lottery_public", args=[lottery.number]))
        )
    if not rows:
        return None
    return CaseSection(title="摇号结果", rows=rows, links=links, note="核验页面公开种子和参与名单，可重新计算结果。")


def selection_result_section(application: Any, user: Any) -> CaseSection | None:
    """选房结果: the unit the household chose (已选房 / 已确认)."""
    entry = _register_entry(application)
    if entry is None:
        return None
    from anju.distribution.choices import SelectionStatus
    from anju.distribution.models import Selection

    selections = (
        Selection.objects.filter(
            register_entry=entry, status__in=[SelectionStatus.CHOSEN, SelectionStatus.CONFIRMED], unit__isnull=False
        )
        .select_related("round", "unit__building__project")
        .order_by("-chosen_at", "-id")
    )
    rows: list[tuple[str, str]] = []
    for s in selections:
        unit = s.unit
        chosen = timezone.localtime(s.chosen_at).strftime("%Y-%m-%d %H:%M") if s.chosen_at else "—"
        rows += [
            ("配给批次", s.round.name),
            ("房屋", f"{unit.building.project.name} {unit}"),
            ("选房时间", chosen),
            ("状态", s.get_status_display()),
        ]
    if not rows:
        return None
    return CaseSection(title="选房结果", rows=rows, note="请按通知到住房保障部门签订合同。")


def contract_section(application: Any, user: Any) -> CaseSection | None:
    """合同: number, type, status and dates; the signed PDF for the owner (portal:case_contract_file)."""
    entry = _register_entry(application)
    if entry is None:
        return None
    from anju.distribution.models import Contract
    from anju.distribution.services.contracts import contract_signed_file
    from anju.portal.models import OnlineApplication

    contracts = list(Contract.objects.filter(register_entry=entry).order_by("-created_at", "-id"))
    if not contracts:
        return None
    online = OnlineApplication.objects.filter(application=application, user=user).first()
    rows: list[tuple[str, str]] = []
    links: list[CaseLink] = []
    for c in contracts:
        rows += [
            ("合同编号", c.number),
            ("合同类型", c.get_contract_type_display()),
            ("合同状态", c.get_status_display()),
        ]
        if c.effective_on:
            rows.append(
                (
                    "合同期限",
                    f"{c.effective_on:%Y-%m-%d} 至 {c.expires_on:%Y-%m-%d}"
                    if c.expires_on
                    else f"{c.effective_on:%Y-%m-%d} 起",
                )
            )
        if online is not None and contract_signed_file(c) is not None:
            url = reverse("portal:case_contract_file", args=[online.pk, c.pk])
            links.append(CaseLink(f"下载合同 {c.number}（电子签章 PDF）", url, download=True))
    return CaseSection(title="合同", rows=rows, links=links)


def sections_register() -> None:
    """Register the portal's sections (PortalConfig.ready()); the distribution ones read it lazily."""
    register_case_section("准入登记", register_entry_section)
    register_case_section("轮候位置", queue_position_section)
    register_case_section("摇号结果", lottery_result_section)
    register_case_section("选房结果", selection_result_section)
    register_case_section("合同", contract_section)
    from anju.portal.sections_tenant import tenant_sections_register

    tenant_sections_register()
