"""The 一户一档 providers of admission, workflow, rules and the e-archive (registered by ArchiveConfig.ready).

Every event comes from a stored record; reads are scoped by the user's jurisdiction; no event
carries an ID number. The allocation, distribution and supervision providers live in their own
apps (`anju/<app>/household_events.py`) and are registered from here when installed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from anju.archive.household_file import HouseholdEvent, register_household_events, url_or_blank


def _who(user: Any) -> str:
    """A user's display name ('' for none)."""
    if user is None:
        return ""
    return getattr(user, "full_name", "") or user.get_username()


def _join(*parts: str) -> str:
    return "；".join(part for part in parts if part)


def application_events(application: Any, user: Any) -> Iterable[HouseholdEvent]:
    """The application being entered and submitted (申请)."""
    source = "申请"
    yield HouseholdEvent(
        when=application.created_at, title=f"申请录入：{application.number}", source=source,
        detail=_join(f"录入人 {_who(application.created_by)}" if application.created_by_id else "",
                     f"家庭人口 {application.household_size} 人"),
        url=url_or_blank("admission:household_detail", application.pk), icon="person-plus",
    )  # fmt: skip
    if application.submitted_at:
        yield HouseholdEvent(
            when=application.submitted_at, title="提交申请", source=source,
            detail=f"当前办理阶段：{application.get_status_display()}", icon="send",
        )  # fmt: skip
    if application.is_deleted and application.deleted_at:
        yield HouseholdEvent(when=application.deleted_at, title="申请已删除", source=source, icon="trash")


def workflow_events(application: Any, user: Any) -> Iterable[HouseholdEvent]:
    """Every step of the application's process instances (办理记录), with decisions and opinions."""
    from anju.workflow.models import ProcessInstance, TaskAction

    content_type = ContentType.objects.get_for_model(application, for_concrete_model=False)
    instances = list(
        ProcessInstance.objects.visible_to(user).filter(content_type=content_type, object_id=str(application.pk))
    )
    actions = (
        TaskAction.objects.filter(instance__in=instances)
        .select_related("instance", "node_instance", "user")
        .order_by("at", "id")
    )
    for action in actions:
        node = action.node_instance.name if action.node_instance_id else action.instance.template_name
        decision = f"（{action.get_decision_display()}）" if action.decision else ""
        yield HouseholdEvent(
            when=action.at, title=f"流程 · {node}：{action.get_kind_display()}{decision}", source="业务流程",
            detail=_join(_who(action.user), action.opinion),
            url=url_or_blank("workflow:instance_detail", action.instance_id), icon="diagram-3",
        )  # fmt: skip
    for instance in instances:
        if instance.finished_at:
            outcome = f"：{instance.outcome}" if instance.outcome else ""
            yield HouseholdEvent(
                when=instance.finished_at, title=f"流程结束 {instance.number}{outcome}", source="业务流程",
                detail=instance.get_state_display(), url=url_or_blank("workflow:instance_detail", instance.pk),
                icon="flag",
            )  # fmt: skip


def eligibility_events(application: Any, user: Any) -> Iterable[HouseholdEvent]:
    """The rule checks of the application (资格判定) with the rule-set version used."""
    from anju.core.selectors import dictionary_label
    from anju.rules.models import EligibilityDecision

    decisions = (
        EligibilityDecision.objects.filter(application=application)
        .select_related("rule_set_version", "decided_by")
        .order_by("decided_at", "id")
    )
    for decision in decisions:
        mode = dictionary_label("security_mode", decision.mode_code)
        verdict = "符合条件" if decision.eligible else "不符合条件"
        yield HouseholdEvent(
            when=decision.decided_at, title=f"资格判定：{mode} {verdict}", source="资格判定",
            detail=_join(f"规则版本 {decision.rule_set_version}", f"判定基准日 {decision.as_of:%Y-%m-%d}",
                         _who(decision.decided_by)),
            icon="check2-circle" if decision.eligible else "x-circle",
        )  # fmt: skip


def verification_events(application: Any, user: Any) -> Iterable[HouseholdEvent]:
    """核查: each check assigned and answered, and the conclusion (核查报告)."""
    from anju.admission.models import Verification, VerificationReport

    source = "核查"
    for item in (
        Verification.objects.visible_to(user)
        .filter(application=application)
        .select_related("assignee", "assignee_organisation", "answered_by")
        .order_by("assigned_at", "id")
    ):
        url = url_or_blank("admission:verification_detail", item.pk)
        yield HouseholdEvent(
            when=item.assigned_at, title=f"指派核查：{item.get_kind_display()}（{item.number}）", source=source,
            detail=_join(f"核查单位/人 {item.assignee_label}", item.request_note), url=url, icon="search",
        )  # fmt: skip
        if item.answered_at:
            yield HouseholdEvent(
                when=item.answered_at, title=f"核查反馈：{item.get_kind_display()}", source=source,
                detail=_join(item.result_detail, _who(item.answered_by)), url=url, icon="reply",
            )  # fmt: skip
    for report in (
        VerificationReport.objects.visible_to(user)
        .filter(application=application)
        .select_related("concluded_by")
        .order_by("concluded_at", "id")
    ):
        yield HouseholdEvent(
            when=report.concluded_at, title=f"核查结论认定：{report.get_conclusion_display()}", source=source,
            detail=_join(report.number, report.opinion, _who(report.concluded_by)),
            url=url_or_blank("admission:verification_report", report.pk), icon="clipboard-check",
        )  # fmt: skip


def publicity_events(application: Any, user: Any) -> Iterable[HouseholdEvent]:
    """公示 the application was listed in, and the objections (举报) against it."""
    from anju.admission.models import Objection, PublicityEntry

    source = "公示与举报"
    # the household is already in the user's jurisdiction; its notices may be the county's
    entries = PublicityEntry.objects.filter(application=application).select_related("publicity")
    for entry in entries.order_by("publicity__start_date", "id"):
        publicity = entry.publicity
        url = url_or_blank("admission:publicity_detail", publicity.pk)
        yield HouseholdEvent(
            when=publicity.start_date, title=f"{publicity.get_kind_display()}：{publicity.number}", source=source,
            detail=f"公示期 {publicity.start_date:%Y-%m-%d} 至 {publicity.end_date:%Y-%m-%d}；{publicity.get_status_display()}",
            url=url, icon="megaphone",
        )  # fmt: skip
        if entry.passed is not None and entry.decided_at:
            yield HouseholdEvent(
                when=entry.decided_at, title=f"公示{'通过' if entry.passed else '未通过'}：{publicity.number}",
                source=source, url=url, icon="check2-square" if entry.passed else "x-square",
            )  # fmt: skip
    for objection in Objection.objects.visible_to(user).filter(application=application).order_by("reported_at", "id"):
        url = url_or_blank("admission:objection_detail", objection.pk)
        yield HouseholdEvent(
            when=objection.reported_at, title=f"公示期间举报：{objection.number}", source=source,
            detail=objection.content[:200], url=url, icon="exclamation-triangle",
        )  # fmt: skip
        if objection.decided_at:
            yield HouseholdEvent(
                when=objection.decided_at, title=f"举报处理：{objection.get_status_display()}", source=source,
                detail=objection.decision_note, url=url, icon="shield-check",
            )  # fmt: skip


def register_events(application: Any, user: Any) -> Iterable[HouseholdEvent]:
    """准入登记 (A.3.16): the register entry, its security state changes, start and exit of security."""
    from anju.admission.models import RegisterEntry
    from anju.core.selectors import dictionary_label

    source = "准入登记"
    entry = RegisterEntry.objects.visible_to(user).filter(application=application).first()
    if entry is None:
        return
    url = url_or_blank("admission:register_detail", entry.pk)
    yield HouseholdEvent(
        when=entry.registered_at, title=f"准予登记：登记编号 {entry.number}", source=source,
        detail=f"当前保障状态：{dictionary_label('security_state', entry.security_state)}", url=url, icon="journal-check",
    )  # fmt: skip
    if apps.is_installed("anju.audit"):
        from anju.audit.models import AuditEvent

        changes = AuditEvent.objects.filter(
            object_type=RegisterEntry._meta.label_lower, object_id=str(entry.pk), detail__has_key="security_state"
        ).order_by("occurred_at", "sequence")
        for change in changes:
            previous = change.detail.get("previous", "")
            state = change.detail.get("security_state", "")
            yield HouseholdEvent(
                when=change.occurred_at,
                title=f"保障状态：{dictionary_label('security_state', previous)} → {dictionary_label('security_state', state)}",
                source=source, detail=change.username, url=url, icon="arrow-left-right",
            )  # fmt: skip
    if entry.security_started_at:
        yield HouseholdEvent(
            when=entry.security_started_at, title="开始实施保障", source=source, url=url, icon="house-check"
        )
    if entry.exited_at:
        yield HouseholdEvent(when=entry.exited_at, title="退出保障", source=source, url=url, icon="box-arrow-right")


def household_archive_owner_filter(application: Any) -> Q:
    """The files of the household: of the application and its parts, register entry, contracts, process steps."""
    condition = Q(application_number=application.number)
    owners: list[tuple[type, list[str]]] = []
    workflow = apps.get_model("workflow", "NodeInstance")
    node_ids = workflow.objects.filter(
        instance__content_type=ContentType.objects.get_for_model(application, for_concrete_model=False),
        instance__object_id=str(application.pk),
    ).values_list("pk", flat=True)
    owners.append((workflow, [str(pk) for pk in node_ids]))
    owners.append((type(application), [str(application.pk)]))
    if apps.is_installed("anju.distribution"):
        contract = apps.get_model("distribution", "Contract")
        ids = contract.objects.filter(register_entry__application=application).values_list("pk", flat=True)
        owners.append((contract, [str(pk) for pk in ids]))
    for model, ids in owners:
        if ids:
            content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
            condition |= Q(content_type=content_type, object_id__in=ids)
    return condition


def archive_file_events(application: Any, user: Any) -> Iterable[HouseholdEvent]:
    """Every e-archive file of the household (deleted files are left out), by upload time."""
    from anju.archive.selectors import archive_file_list

    files = (
        archive_file_list(user=user).filter(household_archive_owner_filter(application)).order_by("uploaded_at", "id")
    )
    for file in files:
        yield HouseholdEvent(
            when=file.uploaded_at, title=f"电子档案：{file.title}", source="电子档案",
            detail=f"{file.number} · {file.file_type_label} · {file.get_stage_display()} · {file.owner_type_label}",
            url=file.get_absolute_url(), icon="file-earmark-text",
        )  # fmt: skip


# Providers of the apps the archive does not own, registered when those apps are installed.
OTHER_APP_PROVIDERS = ("anju.allocation", "anju.distribution", "anju.supervision")


def register() -> None:
    """Register the providers (called from ArchiveConfig.ready), oldest business stage first."""
    from importlib import import_module

    register_household_events("申请", application_events)
    if apps.is_installed("anju.workflow"):
        register_household_events("业务流程", workflow_events)
    if apps.is_installed("anju.rules"):
        register_household_events("资格判定", eligibility_events)
    register_household_events("核查", verification_events)
    register_household_events("公示与举报", publicity_events)
    register_household_events("准入登记", register_events)
    for name in OTHER_APP_PROVIDERS:
        if apps.is_installed(name):
            import_module(f"{name}.household_events").register()
    register_household_events("电子档案", archive_file_events)
