"""Reads of the portal: the applicant's own case (anything else is 404), public lists and texts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from anju.accounts.roles import Role
from anju.admission.models import Application
from anju.portal.models import Article, OnlineApplication


def _is_applicant(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.is_active and user.has_role(Role.APPLICANT)


def online_application_current(*, user: Any) -> OnlineApplication | None:
    """The applicant's case in progress (None when there is none)."""
    if not _is_applicant(user):
        return None
    return (
        OnlineApplication.objects.filter(user=user, is_active=True)
        .select_related("application", "user")
        .order_by("-created_at")
        .first()
    )


def online_application_list(*, user: Any) -> QuerySet:
    """Every online application of the applicant, newest first."""
    if not _is_applicant(user):
        return OnlineApplication.objects.none()
    return (
        OnlineApplication.objects.filter(user=user, application__isnull=False)
        .select_related("application")
        .order_by("-created_at")
    )


def online_application_get(*, user: Any, pk: int) -> OnlineApplication:
    """One of the applicant's own online applications; someone else's (or none) is 404."""
    online = online_application_list(user=user).filter(pk=pk).first()
    if online is None:
        raise Http404("申请不存在。")
    return online


def application_files(application: Application, *, file_types: list[str] | None = None) -> QuerySet:
    """The application's e-archive files (not deleted), newest first."""
    from anju.archive.models import ArchiveFile

    queryset = ArchiveFile.objects.filter(
        content_type=ContentType.objects.get_for_model(Application), object_id=str(application.pk), is_deleted=False
    )
    if file_types:
        queryset = queryset.filter(file_type__in=file_types)
    return queryset.order_by("-id")


def own_file_get(*, user: Any, online_pk: int, file_pk: int) -> tuple[OnlineApplication, Any]:
    """A file of the applicant's own application (notices and own uploads), or 404."""
    online = online_application_get(user=user, pk=online_pk)
    archive_file = application_files(online.application).filter(pk=file_pk).first()
    if archive_file is None:
        raise Http404("文件不存在。")
    return online, archive_file


def own_contract_file_get(*, user: Any, online_pk: int, contract_pk: int) -> Any:
    """The signed PDF (e-archive file owned by the contract) of a contract of one's own case, or 404."""
    from anju.distribution.models import Contract
    from anju.distribution.services.contracts import contract_signed_file

    online = online_application_get(user=user, pk=online_pk)
    contract = Contract.objects.filter(pk=contract_pk, register_entry__application=online.application).first()
    archive_file = contract_signed_file(contract) if contract is not None else None
    if archive_file is None:
        raise Http404("合同文件不存在。")
    return archive_file


@dataclass
class ProgressStep:
    """One step of the case history."""

    name: str
    started: datetime
    finished: datetime | None = None
    decision: str = ""
    opinion: str = ""
    current: bool = False


@dataclass
class Progress:
    """Where the case stands: the status, the current step, the history and an open correction request."""

    status: str
    status_label: str
    number: str
    submitted_at: datetime | None
    current: str = ""
    steps: list[ProgressStep] = field(default_factory=list)
    correction_opinion: str = ""
    correction_deadline: datetime | None = None
    finished: bool = False


# Opinions written at these nodes are shown to the applicant (review remarks inside the office are not).
PUBLIC_OPINION_NODES = frozenset({"accept", "street_review", "county_review", "register"})


def case_progress(online: OnlineApplication) -> Progress:
    """The progress of the applicant's own case from its admission process instance."""
    from anju.admission.choices import ApplicationStatus
    from anju.admission.services.process import application_instance
    from anju.workflow.models import NodeInstance, TaskAction

    application = online.application
    progress = Progress(
        status=application.status, status_label=application.get_status_display(), number=application.number,
        submitted_at=application.submitted_at,
    )  # fmt: skip
    instance = application_instance(application)
    if instance is None:
        progress.current = "草稿，尚未提交"
        return progress
    opinions: dict[int, tuple[str, str]] = {}
    for node_instance_id, decision, opinion in (
        TaskAction.objects.filter(instance=instance, kind__in=("complete", "return", "reject"))
        .exclude(node_instance__isnull=True)
        .values_list("node_instance_id", "decision", "opinion")
    ):
        opinions[node_instance_id] = (decision, opinion)
    nodes = NodeInstance.objects.filter(instance=instance).select_related("node").order_by("created_at", "id")
    for node in nodes:
        if node.node_type in ("start", "end"):
            continue
        decision, opinion = opinions.get(node.pk, ("", ""))
        shown = opinion if node.node.code in PUBLIC_OPINION_NODES else ""
        is_current = node.finished_at is None and instance.state == "running"
        progress.steps.append(
            ProgressStep(
                name=node.name,
                started=node.created_at,
                finished=node.finished_at,
                decision=decision,
                opinion=shown,
                current=is_current,
            )
        )
        if is_current:
            progress.current = node.name
            if node.node.code == "correct" and application.status == ApplicationStatus.RETURNED:
                progress.correction_deadline = node.deadline
                progress.correction_opinion = (
                    opinions.get(node.previous_id, ("", ""))[1] or "请按工作人员要求补正材料。"
                )
    if instance.state != "running":
        progress.finished = True
        progress.current = application.get_status_display()
    return progress


def articles_public(*, kind: str | None = None) -> QuerySet:
    """Published policies and guides, newest first."""
    queryset = Article.objects.filter(is_published=True)
    if kind:
        queryset = queryset.filter(kind=kind)
    return queryset.order_by("-published_on", "-id")


def article_public_get(pk: int) -> Article:
    """One published article, or 404."""
    article = articles_public().filter(pk=pk).first()
    if article is None:
        raise Http404("文章不存在。")
    return article


@dataclass
class PublicityRow:
    """One masked line of a publicity list."""

    number: str
    name: str
    community: str
    household_size: int


def publicity_current(*, on: date | None = None) -> list[tuple[Any, list[PublicityRow]]]:
    """Publicity notices in their period today, each with its masked list (name masked, no ID)."""
    from anju.admission.models.publicity import Publicity, PublicityStatus
    from anju.core.masking import mask_name
    from anju.core.models import Region

    on = on or timezone.localdate()
    notices = list(
        Publicity.objects.filter(status=PublicityStatus.PUBLISHED, start_date__lte=on, end_date__gte=on).order_by(
            "-start_date", "-id"
        )
    )
    entries = (
        Application.objects.filter(publicity_entries__publicity__in=notices)
        .values_list("publicity_entries__publicity_id", "number", "applicant_name", "region_code", "household_size")
        .order_by("number")
    )
    codes = {row[3] for row in entries}
    names = dict(Region.objects.filter(code__in=codes).values_list("code", "name"))
    rows: dict[int, list[PublicityRow]] = {}
    for publicity_id, number, name, region_code, size in entries:
        rows.setdefault(publicity_id, []).append(
            PublicityRow(
                number=number, name=mask_name(name), community=names.get(region_code, region_code), household_size=size
            )
        )
    return [(notice, rows.get(notice.pk, [])) for notice in notices]


def public_rent_levels() -> list[str]:
    """Rent standards (租金) of the rule versions in force, as public lines, e.g. 公共租赁住房租金 6.50 元/平方米·月."""
    from anju.rules.choices import VersionStatus
    from anju.rules.models import BenefitStandard

    rows = (
        BenefitStandard.objects.filter(version__status=VersionStatus.ENABLED, factor__contains="租金", is_enabled=True)
        .values_list("factor", "applied_value", "measure")
        .order_by("factor", "applied_value")
        .distinct()
    )
    return [f"{factor} {value} {measure}" for factor, value, measure in rows]
