"""Staff pages of the 建设项目 subsystem (mounted at /housing/): lists, details, forms, import.

Views only parse, call a selector or a service, and render (style.md 2-3). The 楼盘表, map and
一房一档 pages are in views_grid.py, views_map.py and views_unit_file.py.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views import View

from anju.core.listing import Column, StaffListView, cell_text
from anju.core.models import JobProgress, Region
from anju.core.views_records import ReasonFormView, RecordFormView
from anju.core.views_records import RecordRestoreView as CoreRecordRestoreView
from anju.housing import forms, selectors, services
from anju.housing.filtersets import (
    BuildingFilterSet,
    CertificateFilterSet,
    ConstructionContractFilterSet,
    HandoverFilterSet,
    LandReserveFilterSet,
    ParticipantFilterSet,
    PersonFilterSet,
    ProgressLogFilterSet,
    ProjectFilterSet,
    ResettlementContractFilterSet,
    UnitFilterSet,
    include_deleted,
)
from anju.housing.imports import template_workbook
from anju.housing.models import Building, Project, Unit
from anju.housing.permissions import READER_ROLES, can_edit_housing
from anju.housing.services.imports import IMPORT_JOB_KIND, units_import_start

LIST_URL = "housing:project_list"


def display(obj: models.Model, name: str) -> Any:
    """A field's value as a clerk reads it (choice labels, 是/否, related names)."""
    getter = getattr(obj, f"get_{name}_display", None)
    value = getter() if callable(getter) else getattr(obj, name)
    return "" if value is None else cell_text(value) if not isinstance(value, models.Model) else str(value)


def field_rows(obj: models.Model, names: list[str] | tuple[str, ...]) -> list[tuple[str, Any]]:
    """(Chinese label, display value) for each named field."""
    return [(str(obj._meta.get_field(name).verbose_name), display(obj, name)) for name in names]


def _link(url: str, text: Any) -> str:
    from django.utils.html import format_html

    return format_html('<a href="{}">{}</a>', url, text)


def _region_name(code: str) -> str:
    return Region.objects.filter(code=code).values_list("name", flat=True).first() or code


def scoped_get(selector: Any, request: HttpRequest, pk: int) -> Any:
    """The record of a scoped selector for this user, or 404."""
    try:
        return selector(user=request.user).get(pk=pk)
    except models.ObjectDoesNotExist as exc:
        raise Http404("记录不存在或不在您的管辖范围内。") from exc


class ReaderMixin(LoginRequiredMixin):
    """Business staff who read construction records (default deny)."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """403 for roles that do not read housing records."""
        if request.user.is_authenticated and not request.user.has_role(*READER_ROLES):
            raise PermissionDenied("您的角色无权查看建设项目数据。")
        return super().dispatch(request, *args, **kwargs)


class EditorMixin(LoginRequiredMixin):
    """District and city officers who keep construction records."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """403 before the jurisdiction look-up (404)."""
        if request.user.is_authenticated and not can_edit_housing(request.user):
            raise PermissionDenied("只有区县保障科或市保障处可以维护建设项目数据。")
        return super().dispatch(request, *args, **kwargs)


# ---------------------------------------------------------------- lists


# The tabs above every housing list (URL name, label).
HOUSING_LISTS = (
    ("project_list", "建设项目"),
    ("building_list", "单体工程"),
    ("unit_list", "住房"),
    ("handover_list", "竣工移交"),
    ("progress_log_list", "进度日志"),
    ("certificate_list", "审批证件"),
    ("construction_contract_list", "施工合同"),
    ("resettlement_contract_list", "拆迁安置合同"),
    ("participant_list", "参与单位"),
    ("person_list", "参与人员"),
    ("land_reserve_list", "土地储备"),
)


class HousingListView(StaffListView):
    """A housing list: readers only; the create button for editors; recoverable records hidden unless ?deleted=."""

    required_roles = tuple(READER_ROLES)
    template_name = "housing/list.html"
    deletable = False

    def get_base_queryset(self) -> models.QuerySet:
        """The selector's queryset; with deleted records when the 记录状态 filter asks for them."""
        if self.deletable:
            return type(self).selector(user=self.request.user, include_deleted=include_deleted(self.request.GET))
        return super().get_base_queryset()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """Hide the create button from readers; the housing lists as tabs."""
        context = super().get_context_data(**kwargs)
        context["housing_lists"] = HOUSING_LISTS
        if not can_edit_housing(self.request.user):
            context["create_url_name"] = None
        return context


class ProjectListView(HousingListView):
    """建设项目."""

    title = "建设项目"
    template_name = "housing/project_list.html"
    selector = staticmethod(selectors.project_list)
    filterset_class = ProjectFilterSet
    create_url_name = "housing:project_create"
    create_label = "新建项目"
    columns = [
        Column("项目编号", "number", link=True),
        Column("项目名称", "name"),
        Column("阶段", "stage"),
        Column("项目类别", "category"),
        Column("建设方式", "construction_mode"),
        Column("年度", "year"),
        Column("规划住宅套数", "planned_residential_units"),
        Column("住宅已竣工套数", "residential_units_completed"),
        Column("实际开工时间", "actual_start"),
        Column("实际竣工时间", "actual_completion"),
    ]


class BuildingListView(HousingListView):
    """单体工程."""

    title = "单体工程"
    selector = staticmethod(selectors.building_list)
    filterset_class = BuildingFilterSet
    columns = [
        Column("单体工程编号", "number", link=True),
        Column("单体工程名称", "name"),
        Column("所属项目", "project.name"),
        Column("总层数", "floors_total"),
        Column("建筑面积", "floor_area"),
        Column("住宅套数", "residential_units"),
        Column("建设状态", "status"),
        Column("是否已移交", "is_handed_over"),
    ]


class UnitListView(HousingListView):
    """住房."""

    title = "住房"
    selector = staticmethod(selectors.unit_list)
    filterset_class = UnitFilterSet
    columns = [
        Column("房屋编号", "number", link=True),
        Column("所属楼栋", "building.name"),
        Column("单元", "entrance"),
        Column("房号", "room_number"),
        Column("所在起始层", "floor_from"),
        Column("建筑面积", "floor_area"),
        Column("户型", "layout"),
        Column("朝向", "orientation"),
        Column("住房状态", "state"),
        Column("移交批次编号", "handover_batch_number"),
    ]


class LandReserveListView(HousingListView):
    """土地储备."""

    title = "土地储备"
    deletable = True
    selector = staticmethod(selectors.land_reserve_list)
    filterset_class = LandReserveFilterSet
    create_url_name = "housing:land_reserve_create"
    columns = [
        Column("地块编号", "plot_number", link=True),
        Column("宗地名称", "parcel_name"),
        Column("规划用途", "planned_use"),
        Column("土地面积", "land_area"),
        Column("规划建筑面积", "planned_floor_area"),
        Column("开发程度", "development_level"),
        Column("计划年度", "plan_year"),
        Column("储备时间", "reserved_on"),
    ]


class ParticipantListView(HousingListView):
    """项目参与单位."""

    title = "项目参与单位"
    deletable = True
    selector = staticmethod(selectors.participant_list)
    filterset_class = ParticipantFilterSet
    create_url_name = "housing:participant_create"
    columns = [
        Column("单位编号", "number", link=True),
        Column("单位名称", "name"),
        Column("参与单位分类", "category"),
        Column("证件号码", "id_number"),
        Column("资质名称", "qualification_name"),
        Column("资质等级", "qualification_grade"),
        Column("资质终止日期", "qualification_end"),
    ]


class PersonListView(HousingListView):
    """项目参与人员 (A.5.5): ID numbers and phones masked on screen and in the export."""

    title = "项目参与人员"
    deletable = True
    selector = staticmethod(selectors.person_list)
    filterset_class = PersonFilterSet
    columns = [
        Column("人员编号", "number", link=True),
        Column("人员名称", "name"),
        Column("所属单位", "participant.name"),
        Column("人员分类", "category"),
        Column("证件号码", "id_number_masked"),
        Column("电话", "phone_masked"),
        Column("职务", "position"),
        Column("资格名称", "qualification_name"),
        Column("资格证书号", "qualification_number"),
        Column("资格终止日期", "qualification_end"),
    ]


class CertificateListView(HousingListView):
    """审批证件."""

    title = "审批证件"
    deletable = True
    selector = staticmethod(selectors.certificate_list)
    filterset_class = CertificateFilterSet
    columns = [
        Column("证书编号", "number", link=True),
        Column("证书名称", "name"),
        Column("项目", "project.name"),
        Column("发证日期", "issued_on"),
        Column("发证机关/登记机关", "issuer"),
        Column("证书有效终止时间", "valid_to"),
    ]


class ConstructionContractListView(HousingListView):
    """施工合同备案."""

    title = "施工合同备案"
    deletable = True
    selector = staticmethod(selectors.construction_contract_list)
    filterset_class = ConstructionContractFilterSet
    columns = [
        Column("记录编号", "record_number", link=True),
        Column("合同编号", "contract_number"),
        Column("合同名称", "name"),
        Column("合同类别", "category"),
        Column("项目", "project.name"),
        Column("合同乙方", "party_b.name"),
        Column("合同金额（万元）", "amount"),
        Column("签订时间", "signed_on"),
    ]


class ResettlementContractListView(HousingListView):
    """拆迁安置合同备案."""

    title = "拆迁安置合同备案"
    deletable = True
    selector = staticmethod(selectors.resettlement_contract_list)
    filterset_class = ResettlementContractFilterSet
    columns = [
        Column("记录编号", "record_number", link=True),
        Column("拆迁安置合同编号", "contract_number"),
        Column("项目", "project.name"),
        Column("被拆迁人", "displaced_person"),
        Column("安置补偿方式类别", "compensation_mode"),
        Column("货币补偿额度（万元）", "compensation_amount"),
        Column("合同签订日期", "signed_on"),
    ]


class ProgressLogListView(HousingListView):
    """项目进度日志."""

    title = "项目进度日志"
    deletable = True
    selector = staticmethod(selectors.progress_log_list)
    filterset_class = ProgressLogFilterSet
    columns = [
        Column("记录日期", "recorded_on", link=True),
        Column("日志类别", "kind"),
        Column("项目", "project.name"),
        Column("单体工程", "building.name"),
        Column("单体建设进度状态", "building_status"),
        Column("已完成投资（万元）", "investment_completed"),
        Column("拆迁居民户数", "demolition_households"),
        Column("供地面积", "land_supplied_area"),
        Column("状态", lambda log: f"已撤销（{log.delete_reason}）" if log.is_deleted else "有效"),
    ]


class HandoverListView(HousingListView):
    """竣工移交."""

    title = "竣工移交"
    selector = staticmethod(selectors.handover_list)
    filterset_class = HandoverFilterSet
    columns = [
        Column("移交批次编号", "batch_number", link=True),
        Column("项目", "project.name"),
        Column("移交时间", "handed_over_on"),
        Column("移交人", "handed_over_by"),
        Column("接收人", "received_by"),
        Column("移交套数", "unit_count"),
    ]


# ---------------------------------------------------------------- details

PROJECT_SECTIONS = (
    (
        "基本信息",
        [
            "number",
            "proposed_name",
            "approved_name",
            "category",
            "construction_mode",
            "planning_location",
            "shantytown_owner_category",
            "shantytown_owner_name",
            "developer_name",
            "address",
            "boundaries",
            "land_area",
            "planned_start",
            "planned_completion",
            "actual_start",
            "actual_completion",
        ],
    ),
    (
        "规划计划",
        [
            "year",
            "plan_start",
            "plan_end",
            "plan_period_category",
            "plan_number",
            "planned_floor_area",
            "planned_residential_area",
            "planned_residential_units",
            "planned_housing_kind",
        ],
    ),
    (
        "建设进度（由进度日志生成）",
        [f.name for f in Project._meta.fields if not f.editable and ("_area_" in f.name or "_units_" in f.name)],
    ),
    (
        "投资",
        [
            "total_investment",
            "residential_investment",
            "fund_source",
            "investment_composition",
            "investment_year",
            "investment_completed",
        ],
    ),
    (
        "拆迁安置",
        [
            "income_class",
            "security_mode",
            "demolition_households_total",
            "demolition_households",
            "demolition_floor_area_total",
            "demolition_floor_area",
            "demolition_residential_area_total",
            "demolition_residential_area",
            "demolition_residential_units_total",
            "demolition_residential_units",
            "resettlement_households_total",
            "resettlement_households",
            "compensation_mode",
            "compensation_amount",
            "resettlement_floor_area_total",
            "resettlement_floor_area",
            "resettlement_residential_area_total",
            "resettlement_residential_area",
            "resettlement_residential_units_total",
            "resettlement_residential_units",
        ],
    ),
    ("土地供应", ["land_supply_total", "land_acquisition_mode", "land_supplied_area"]),
)


def _action(label: str, url: str, icon: str = "plus", style: str = "outline-primary") -> dict[str, Any]:
    return {"label": label, "url": url, "icon": icon, "style": style}


class ProjectDetailView(ReaderMixin, View):
    """One project: its data by section, buildings, logs, certificates, contracts, handovers and e-archive."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Render (404 outside the jurisdiction)."""
        project = selectors.project_get(user=request.user, pk=pk)
        sections = [{"title": title, "fields": field_rows(project, names)} for title, names in PROJECT_SECTIONS]
        buildings = project.buildings.all()
        related = [
            {
                "title": "单体工程",
                "columns": ["编号", "名称", "层数", "住宅套数", "建设状态", "楼盘表"],
                "rows": [
                    [
                        _link(b.get_absolute_url(), b.number),
                        b.name,
                        b.floors_total,
                        b.residential_units,
                        b.get_status_display(),
                        _link(reverse("housing:building_grid", args=[b.pk]), "查看"),
                    ]
                    for b in buildings
                ],
            },
            {
                "title": "项目进度日志",
                "columns": ["记录日期", "类别", "单体工程", "已完成投资（万元）", "说明"],
                "rows": [
                    [
                        _link(log.get_absolute_url(), log.recorded_on),
                        log.get_kind_display(),
                        log.building.name if log.building_id else "",
                        log.investment_completed,
                        log.note,
                    ]
                    for log in project.progress_logs.filter(is_deleted=False).select_related("building")[:50]
                ],
                "url": reverse("housing:progress_log_list") + f"?project={project.pk}",
            },
            {
                "title": "参与单位",
                "columns": ["单位名称", "参与角色", "证件号码"],
                "rows": [
                    [
                        _link(p.participant.get_absolute_url(), p.participant.name),
                        p.get_role_display(),
                        p.participant.id_number,
                    ]
                    for p in project.participations.select_related("participant")
                ],
            },
            {
                "title": "审批证件",
                "columns": ["证书名称", "证书编号", "发证日期", "发证机关"],
                "rows": [
                    [c.get_name_display(), _link(c.get_absolute_url(), c.number), c.issued_on, c.issuer]
                    for c in project.certificates.filter(is_deleted=False)
                ],
            },
            {
                "title": "施工合同备案",
                "columns": ["记录编号", "合同名称", "合同金额（万元）", "签订时间"],
                "rows": [
                    [_link(c.get_absolute_url(), c.record_number), c.name, c.amount, c.signed_on]
                    for c in project.construction_contracts.filter(is_deleted=False)
                ],
            },
            {
                "title": "拆迁安置合同备案",
                "columns": ["记录编号", "被拆迁人", "安置补偿方式", "签订日期"],
                "rows": [
                    [
                        _link(c.get_absolute_url(), c.record_number),
                        c.displaced_person,
                        c.get_compensation_mode_display(),
                        c.signed_on,
                    ]
                    for c in project.resettlement_contracts.filter(is_deleted=False)
                ],
            },
            {
                "title": "竣工移交",
                "columns": ["移交批次编号", "移交时间", "移交人", "移交套数"],
                "rows": [
                    [_link(h.get_absolute_url(), h.batch_number), h.handed_over_on, h.handed_over_by, h.unit_count]
                    for h in project.handovers.all()
                ],
            },
        ]
        actions = [
            _action("项目地图", reverse("housing:map"), "geo-alt", "outline-secondary"),
            _action("项目照片", reverse("housing:project_photos", args=[pk]), "images", "outline-secondary"),
        ]
        if can_edit_housing(request.user):
            actions += [
                _action("编辑", reverse("housing:project_edit", args=[pk]), "pencil"),
                _action("新增楼栋", reverse("housing:building_create", args=[pk])),
                _action("导入楼栋和住房", reverse("housing:units_import", args=[pk]), "upload"),
                _action("登记进度", reverse("housing:progress_log_create", args=[pk]), "journal-plus"),
                _action("竣工移交", reverse("housing:handover_create", args=[pk]), "box-arrow-right"),
                _action("添加参与单位", reverse("housing:participation_add", args=[pk])),
                _action("新增证件", reverse("housing:certificate_create", args=[pk])),
                _action("施工合同备案", reverse("housing:construction_contract_create", args=[pk])),
                _action("拆迁安置合同备案", reverse("housing:resettlement_contract_create", args=[pk])),
            ]
        context = {
            "page_title": f"{project.name}",
            "subtitle": f"{project.number} · {_region_name(project.region_code)} · {project.get_category_display()}",
            "breadcrumbs": [("建设项目", reverse(LIST_URL)), (project.number, None)],
            "sections": sections,
            "related": related,
            "actions": actions,
            "archive_obj": project,
        }
        return render(request, "housing/detail.html", context)


class SimpleDetailView(ReaderMixin, View):
    """A record's fields and (optionally) its e-archive panel."""

    selector: Any = None
    list_url_name = ""
    list_title = ""
    with_archive = False
    edit_url_name = ""

    def names(self, obj: models.Model) -> list[str]:
        """The fields shown."""
        hidden = {"id", "created_at", "updated_at", "is_deleted", "deleted_at", "deleted_by", "delete_reason"}
        return [f.name for f in obj._meta.concrete_fields if f.name not in hidden and not f.name.endswith("_index")]

    def related(self, obj: models.Model) -> list[dict[str, Any]]:
        """Related tables."""
        return []

    kind = ""  # a key of DELETABLE: the record can be deleted (recoverably) and restored

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Render (404 outside the jurisdiction); a deleted record shows who deleted it and why, and 恢复."""
        selector = type(self).selector
        obj = scoped_get(partial(selector, include_deleted=True) if self.kind else selector, request, pk)
        deleted = bool(getattr(obj, "is_deleted", False))
        actions = self.reader_actions(obj)
        if can_edit_housing(request.user):
            if deleted:
                actions.append(
                    {
                        **_action(
                            "恢复",
                            reverse(f"housing:{self.kind}_restore", args=[pk]),
                            "arrow-counterclockwise",
                            "outline-success",
                        ),
                        "method": "post",
                        "confirm": "确定恢复该记录？",
                    }
                )
            else:
                if self.edit_url_name:
                    actions.append(_action("编辑", reverse(self.edit_url_name, args=[pk]), "pencil"))
                    actions += self.extra_actions(obj)
                if self.kind:
                    actions.append(
                        _action("删除", reverse(f"housing:{self.kind}_delete", args=[pk]), "trash", "outline-danger")
                    )
        subtitle = ""
        if deleted:
            when = timezone.localtime(obj.deleted_at).strftime("%Y-%m-%d %H:%M") if obj.deleted_at else ""
            subtitle = f"已删除（{when}，{obj.deleted_by or '系统'}，原因：{obj.delete_reason}）；恢复后可继续使用。"
        context = {
            "page_title": str(obj),
            "subtitle": subtitle,
            "breadcrumbs": [(self.list_title, reverse(self.list_url_name)), (str(obj), None)],
            "fields": self.rows(obj),
            "related": self.related(obj),
            "actions": actions,
            "archive_obj": obj if self.with_archive else None,
        }
        return render(request, "housing/detail.html", context)

    def reader_actions(self, obj: models.Model) -> list[dict[str, Any]]:
        """Buttons for every reader."""
        return []

    def extra_actions(self, obj: models.Model) -> list[dict[str, Any]]:
        """More buttons for editors."""
        return []

    def rows(self, obj: models.Model) -> list[tuple[str, Any]]:
        """Field rows."""
        return field_rows(obj, self.names(obj))


class BuildingDetailView(SimpleDetailView):
    """单体工程 with its units (first 200) and a link to the 楼盘表."""

    selector = staticmethod(selectors.building_list)
    list_url_name, list_title, edit_url_name = "housing:building_list", "单体工程", "housing:building_edit"

    def reader_actions(self, obj: Any) -> list[dict[str, Any]]:
        """楼盘表."""
        return [_action("楼盘表", reverse("housing:building_grid", args=[obj.pk]), "grid-3x3", "outline-secondary")]

    def extra_actions(self, obj: Any) -> list[dict[str, Any]]:
        """新增住房."""
        return [_action("新增住房", reverse("housing:unit_create", args=[obj.pk]))]

    def related(self, obj: Building) -> list[dict[str, Any]]:
        """Units of the building."""
        units = obj.units.all()[:200]
        return [
            {
                "title": "住房",
                "columns": ["房屋编号", "单元", "房号", "楼层", "建筑面积", "户型", "状态"],
                "rows": [
                    [
                        _link(u.get_absolute_url(), u.number),
                        u.entrance,
                        u.room_number,
                        u.floor_from,
                        u.floor_area,
                        u.get_layout_display(),
                        u.get_state_display(),
                    ]
                    for u in units
                ],
                "url": reverse("housing:unit_list") + f"?building={obj.pk}",
            }
        ]


class CertificateDetailView(SimpleDetailView):
    """审批证件 with its scanned files (A.5.7, e-archive)."""

    selector = staticmethod(selectors.certificate_list)
    list_url_name, list_title, edit_url_name, with_archive = (
        "housing:certificate_list",
        "审批证件",
        "housing:certificate_edit",
        True,
    )
    kind = "certificate"

    def names(self, obj: models.Model) -> list[str]:
        """Only the filled fields of the certificate's group."""
        return [name for name in super().names(obj) if display(obj, name) not in ("", "0", "0.00")]


class ParticipantDetailView(SimpleDetailView):
    """参与单位 with its people (ID numbers masked)."""

    selector = staticmethod(selectors.participant_list)
    list_url_name, list_title, edit_url_name = "housing:participant_list", "项目参与单位", "housing:participant_edit"
    kind = "participant"

    def related(self, obj: Any) -> list[dict[str, Any]]:
        """People of the organisation."""
        return [
            {
                "title": "参与人员",
                "columns": ["人员编号", "姓名", "人员分类", "证件号码", "电话", "资格名称", "资格证书号"],
                "rows": [
                    [
                        _link(p.get_absolute_url(), p.number),
                        p.name,
                        p.get_category_display(),
                        p.id_number_masked,
                        p.phone_masked,
                        p.qualification_name,
                        p.qualification_number,
                    ]
                    for p in obj.people.filter(is_deleted=False)
                ],
                "url": reverse("housing:person_list") + f"?participant={obj.pk}",
            }
        ]

    def extra_actions(self, obj: Any) -> list[dict[str, Any]]:
        """新增人员."""
        return [_action("新增人员", reverse("housing:person_create", args=[obj.pk]))]


class LandReserveDetailView(SimpleDetailView):
    """土地储备."""

    selector = staticmethod(selectors.land_reserve_list)
    list_url_name, list_title, edit_url_name = "housing:land_reserve_list", "土地储备", "housing:land_reserve_edit"
    kind = "land_reserve"


class PersonDetailView(SimpleDetailView):
    """项目参与人员 (A.5.5): identifiers masked."""

    selector = staticmethod(selectors.person_list)
    list_url_name, list_title, edit_url_name, kind = (
        "housing:person_list",
        "项目参与人员",
        "housing:person_edit",
        "person",
    )
    masked = {"id_number": "id_number_masked", "phone": "phone_masked"}

    def rows(self, obj: Any) -> list[tuple[str, Any]]:
        """Field rows with the encrypted identifiers masked."""
        return [
            (
                str(obj._meta.get_field(name).verbose_name),
                getattr(obj, self.masked[name]) if name in self.masked else display(obj, name),
            )
            for name in self.names(obj)
        ]


class ProgressLogDetailView(SimpleDetailView):
    """项目进度日志 entry: never edited; 撤销 (with a reason) for editors, then record the right entry."""

    selector = staticmethod(partial(selectors.progress_log_list, include_deleted=True))
    list_url_name, list_title = "housing:progress_log_list", "项目进度日志"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The entry, with 撤销 for editors while it is live."""
        log = scoped_get(type(self).selector, request, pk)
        actions = [_action("返回项目", log.project.get_absolute_url(), "arrow-left", "outline-secondary")]
        if can_edit_housing(request.user) and not log.is_deleted:
            actions.append(
                _action("撤销", reverse("housing:progress_log_revoke", args=[pk]), "x-circle", "outline-danger")
            )
        subtitle = (
            f"已撤销：{log.delete_reason}（{log.deleted_by or '系统'}）"
            if log.is_deleted
            else "进度记录不能修改；登记有误时撤销后重新登记。"
        )
        names = [n for n in self.names(log) if display(log, n) not in ("", "0", "0.00")]
        return render(
            request,
            "housing/detail.html",
            {
                "page_title": f"{log.project.name} {log}",
                "subtitle": subtitle,
                "breadcrumbs": [(self.list_title, reverse(self.list_url_name)), (str(log), None)],
                "fields": field_rows(log, names),
                "actions": actions,
            },
        )


class ProgressLogRevokeView(EditorMixin, ReasonFormView):
    """撤销 a progress entry with a reason; a refusal (not the building's latest, handed over) is shown in Chinese."""

    form_class, reason_label, submit_label = forms.DeleteForm, "撤销原因", "确认撤销"

    def record_get(self, pk: int) -> Any:
        """The live entry (404 outside the jurisdiction)."""
        return scoped_get(selectors.progress_log_list, self.request, pk)

    def page(self, record: Any) -> dict[str, Any]:
        """The revocation text."""
        return {
            "page_title": "撤销进度记录",
            "intro": f"撤销“{record.project.name} {record}”：记录保留并标为已撤销，不再计入项目数据；楼栋状态回到上一条记录。",
            "breadcrumbs": [
                ("项目进度日志", reverse("housing:progress_log_list")),
                (str(record), record.get_absolute_url()),
                ("撤销", None),
            ],
        }

    def perform(self, record: Any, reason: str) -> None:
        """progress_log_revoke."""
        services.progress_log_revoke(log=record, reason=reason, acting_user=self.request.user)

    def success(self, record: Any) -> tuple[str, str]:
        """Back to the project."""
        return "进度记录已撤销，项目数据已重新计算。", record.project.get_absolute_url()


class HandoverDetailView(SimpleDetailView):
    """竣工移交 batch with its units."""

    selector = staticmethod(selectors.handover_list)
    list_url_name, list_title = "housing:handover_list", "竣工移交"

    def related(self, obj: Any) -> list[dict[str, Any]]:
        """Units of the batch."""
        return [
            {
                "title": "移交住房",
                "columns": ["房屋编号", "楼栋", "房号", "建筑面积", "状态"],
                "rows": [
                    [
                        _link(u.get_absolute_url(), u.number),
                        u.building.name,
                        u.room_number,
                        u.floor_area,
                        u.get_state_display(),
                    ]
                    for u in obj.units.select_related("building")[:500]
                ],
            }
        ]


class ConstructionContractDetailView(SimpleDetailView):
    """施工合同备案."""

    selector = staticmethod(selectors.construction_contract_list)
    list_url_name, list_title, with_archive = "housing:construction_contract_list", "施工合同备案", True
    edit_url_name, kind = "housing:construction_contract_edit", "construction_contract"


class ResettlementContractDetailView(SimpleDetailView):
    """拆迁安置合同备案."""

    selector = staticmethod(selectors.resettlement_contract_list)
    list_url_name, list_title, with_archive = "housing:resettlement_contract_list", "拆迁安置合同备案", True
    edit_url_name, kind = "housing:resettlement_contract_edit", "resettlement_contract"


# ---------------------------------------------------------------- forms


class ServiceFormView(EditorMixin, RecordFormView):
    """A housing form page (core's RecordFormView): editors only, under 建设项目."""

    form_class: type = forms.ServiceForm
    service_form_class = forms.ServiceForm

    def root_breadcrumb(self) -> tuple[str, str]:
        """建设项目."""
        return ("建设项目", reverse(LIST_URL))


def _project(request: HttpRequest, pk: int) -> Project:
    return selectors.project_get(user=request.user, pk=pk)


def _building(request: HttpRequest, pk: int) -> Building:
    return selectors.building_get(user=request.user, pk=pk)


def _unit(request: HttpRequest, pk: int) -> Unit:
    return selectors.unit_get(user=request.user, pk=pk)


def _scoped(selector: Any) -> Any:
    """A (request, pk) loader over a scoped list selector."""
    return staticmethod(partial(scoped_get, selector))


class ProjectCreateView(ServiceFormView):
    """新建项目."""

    form_class, title = forms.ProjectForm, "新建建设项目"
    service, with_region = staticmethod(services.project_create), True


class ProjectEditView(ServiceFormView):
    """编辑项目."""

    form_class, title, load_instance = forms.ProjectForm, "编辑建设项目", staticmethod(_project)
    service, instance_arg = staticmethod(services.project_update), "project"


# A record's 编辑 page is its 新增 page loading the record (the parent is the record's) and passing it on.


class BuildingCreateView(ServiceFormView):
    """新增楼栋."""

    form_class, title, load_parent = forms.BuildingForm, "新增单体工程", staticmethod(_project)
    service, parent_arg = staticmethod(services.building_save), "project"


class BuildingEditView(BuildingCreateView):
    """编辑楼栋."""

    title, load_instance, instance_arg = "编辑单体工程", staticmethod(_building), "building"


class UnitCreateView(ServiceFormView):
    """新增住房 (state starts 未交付)."""

    form_class, title, load_parent = forms.UnitForm, "新增住房", staticmethod(_building)
    service, parent_arg = staticmethod(services.unit_save), "building"


class UnitEditView(UnitCreateView):
    """编辑住房 (never its state)."""

    title, load_instance, instance_arg = "编辑住房", staticmethod(_unit), "unit"


class ProgressLogCreateView(ServiceFormView):
    """登记进度: the project's buildings in the form; back to the project."""

    form_class, title, load_parent = forms.ProgressLogForm, "登记项目进度", staticmethod(_project)
    service, parent_arg = staticmethod(services.progress_log_create), "project"
    form_parent_arg, back_to_parent = "project", True


class HandoverCreateView(ServiceFormView):
    """竣工移交: the not yet handed-over units of the chosen completed buildings."""

    form_class, title, load_parent, form_parent_arg = forms.HandoverForm, "竣工移交", staticmethod(_project), "project"

    def call(self, parent: Any, instance: Any, form: Any) -> Any:
        """handover_create."""
        units = Unit.objects.filter(building__in=form.cleaned_data["buildings"], handover__isnull=True)
        return services.handover_create(
            project=parent,
            units=units,
            handed_over_on=form.cleaned_data["handed_over_on"],
            handed_over_by=form.cleaned_data["handed_over_by"],
            note=form.cleaned_data["note"],
            acting_user=self.request.user,
        )


def _region_record_views(
    form_class: type, noun: str, service: Any, instance_arg: str, selector: Any
) -> tuple[type, type]:
    """新增 (placed in the region chosen on the form) and 编辑 (the region stays) of a record without a parent."""

    class Create(ServiceFormView):
        title, with_region = f"新增{noun}", True

    class Edit(Create):
        title, load_instance = f"编辑{noun}", _scoped(selector)

    for view, verb in ((Create, "Create"), (Edit, "Edit")):
        view.form_class, view.service, view.instance_arg = form_class, staticmethod(service), instance_arg
        view.__name__ = view.__qualname__ = f"{form_class.__name__.removesuffix('Form')}{verb}View"
        view.__doc__ = f"{view.title}."
    return Create, Edit


ParticipantCreateView, ParticipantEditView = _region_record_views(
    forms.ParticipantForm, "项目参与单位", services.participant_save, "participant", selectors.participant_list
)


class PersonCreateView(ServiceFormView):
    """新增参与人员; back to the participant."""

    form_class, title, load_parent = forms.PersonForm, "新增项目参与人员", _scoped(selectors.participant_list)
    service, parent_arg, back_to_parent = staticmethod(services.person_save), "participant", True


class PersonEditView(PersonCreateView):
    """编辑参与人员 (the ID number left empty keeps the stored one); back to the person."""

    title, load_instance, instance_arg = "编辑项目参与人员", _scoped(selectors.person_list), "person"
    back_to_parent = False


class ParticipationAddView(ServiceFormView):
    """添加项目参与单位."""

    title, load_parent, parent_arg, back_to_parent = "添加参与单位", staticmethod(_project), "project", True

    @property
    def form_class(self) -> type:  # type: ignore[override]
        """A participant and a role."""
        from django import forms as djforms

        from anju.housing.choices import ParticipantCategory
        from anju.housing.models import Participant

        user = self.request.user

        class ParticipationForm(djforms.Form):
            participant = djforms.ModelChoiceField(
                label="参与单位", queryset=Participant.objects.visible_to(user).filter(is_deleted=False)
            )
            role = djforms.ChoiceField(label="参与角色", choices=ParticipantCategory.choices)
            service_errors = forms.ServiceForm.service_errors

        return ParticipationForm

    def call(self, parent: Any, instance: Any, form: Any) -> Any:
        """participation_add."""
        return services.participation_add(
            project=parent,
            participant=form.cleaned_data["participant"],
            role=form.cleaned_data["role"],
            acting_user=self.request.user,
        )


class CertificateCreateView(ServiceFormView):
    """新增证件."""

    form_class, title, load_parent = forms.CertificateForm, "新增审批证件", staticmethod(_project)
    service, parent_arg = staticmethod(services.certificate_save), "project"


class CertificateEditView(CertificateCreateView):
    """编辑证件."""

    title, load_instance, instance_arg = "编辑审批证件", _scoped(selectors.certificate_list), "certificate"


class ConstructionContractCreateView(ServiceFormView):
    """施工合同备案: the project's buildings in the form."""

    form_class, title, load_parent = forms.ConstructionContractForm, "施工合同备案", staticmethod(_project)
    service, parent_arg, form_parent_arg = staticmethod(services.construction_contract_save), "project", "project"


class ConstructionContractEditView(ConstructionContractCreateView):
    """编辑施工合同备案 (A.5.9): the 记录编号 and the project stay."""

    title, load_instance = "编辑施工合同备案", _scoped(selectors.construction_contract_list)
    instance_arg = "contract"


class ResettlementContractCreateView(ServiceFormView):
    """拆迁安置合同备案."""

    form_class, title, load_parent = forms.ResettlementContractForm, "拆迁安置合同备案", staticmethod(_project)
    service, parent_arg = staticmethod(services.resettlement_contract_save), "project"


class ResettlementContractEditView(ResettlementContractCreateView):
    """编辑拆迁安置合同备案 (A.5.10)."""

    title, load_instance = "编辑拆迁安置合同备案", _scoped(selectors.resettlement_contract_list)
    instance_arg = "contract"


LandReserveCreateView, LandReserveEditView = _region_record_views(
    forms.LandReserveForm, "土地储备", services.land_reserve_save, "land_reserve", selectors.land_reserve_list
)


# ---------------------------------------------------------------- delete (recoverable) and restore

# kind -> (selector, list URL name); the URL names are housing:<kind>_delete and housing:<kind>_restore.
DELETABLE: dict[str, tuple[Any, str]] = {
    "land_reserve": (selectors.land_reserve_list, "housing:land_reserve_list"),
    "participant": (selectors.participant_list, "housing:participant_list"),
    "person": (selectors.person_list, "housing:person_list"),
    "certificate": (selectors.certificate_list, "housing:certificate_list"),
    "construction_contract": (selectors.construction_contract_list, "housing:construction_contract_list"),
    "resettlement_contract": (selectors.resettlement_contract_list, "housing:resettlement_contract_list"),
}


class DeletableMixin(EditorMixin):
    """A record of a DELETABLE kind, deleted ones included (404 outside the jurisdiction)."""

    kind = ""

    def record_get(self, pk: int) -> Any:
        """The record."""
        selector, _ = DELETABLE[self.kind]
        return scoped_get(partial(selector, include_deleted=True), self.request, pk)


class RecordDeleteView(DeletableMixin, ReasonFormView):
    """删除 with a reason: the record is marked deleted (recoverable) or the refusal is shown in Chinese."""

    form_class, submit_label = forms.DeleteForm, "确认删除"

    def page(self, record: Any) -> dict[str, Any]:
        """The confirmation text."""
        label = f"{record._meta.verbose_name}“{record}”"
        return {
            "page_title": f"删除{record._meta.verbose_name}",
            "intro": f"将删除{label}。删除后列表中不再显示，可在列表“记录状态”中筛选“已删除”找到并恢复。",
            "breadcrumbs": [("建设项目", reverse(LIST_URL)), (str(record), record.get_absolute_url()), ("删除", None)],
        }

    def perform(self, record: Any, reason: str) -> None:
        """record_delete."""
        services.record_delete(record=record, reason=reason, acting_user=self.request.user)

    def success(self, record: Any) -> tuple[str, str]:
        """Back to the list."""
        message = f"{record._meta.verbose_name}“{record}”已删除；可在列表中筛选“已删除”后恢复。"
        return message, reverse(DELETABLE[self.kind][1])


class RecordRestoreView(DeletableMixin, CoreRecordRestoreView):
    """恢复 a deleted record (POST)."""

    def perform(self, record: Any) -> None:
        """record_restore."""
        services.record_restore(record=record, acting_user=self.request.user)


# ---------------------------------------------------------------- import


class ImportTemplateView(ReaderMixin, View):
    """Download the 装数模板."""

    def get(self, request: HttpRequest) -> HttpResponse:
        """The .xlsx."""
        from urllib.parse import quote

        response = HttpResponse(
            template_workbook(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote('楼栋住房装数模板.xlsx')}"
        return response


class UnitsImportView(ServiceFormView):
    """Upload a filled template; the import runs as a background job."""

    form_class, title, load_parent = forms.ImportForm, "导入楼栋和住房", staticmethod(_project)

    def render_form(self, parent: Any, instance: Any, form: Any) -> HttpResponse:
        """The upload form with the template link."""
        return render(
            self.request,
            "core/form.html",
            {
                "form": form,
                "page_title": f"{self.title}：{parent.name}",
                "cancel_url": parent.get_absolute_url(),
                "multipart": True,
                "submit_label": "上传并导入",
                "intro": "请先下载装数模板（/housing/import/template/），按“填写说明”填写后上传。导入在后台进行，完成后显示逐行校验结果。",
                "breadcrumbs": [
                    ("建设项目", reverse(LIST_URL)),
                    (parent.number, parent.get_absolute_url()),
                    (self.title, None),
                ],
            },
        )

    def call(self, parent: Any, instance: Any, form: Any) -> Any:
        """units_import_start."""
        return units_import_start(
            project=parent,
            content=form.cleaned_data["file"].read(),
            valid_only=form.cleaned_data["valid_only"],
            acting_user=self.request.user,
        )

    def success_url(self, saved: Any) -> str:
        """The job page."""
        return reverse("housing:import_job", args=[saved.pk])


def _import_job(request: HttpRequest, pk: int) -> JobProgress:
    from anju.core.selectors import job_get

    job = job_get(user=request.user, pk=pk)
    if job.kind != IMPORT_JOB_KIND:
        raise Http404("记录不存在或不在您的管辖范围内。")
    return job


class ImportJobView(LoginRequiredMixin, View):
    """The import's progress (polled) and its row-by-row report."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Full page."""
        job = _import_job(request, pk)
        return render(
            request,
            "housing/import_job.html",
            {
                "job": job,
                "page_title": job.title,
                "breadcrumbs": [("建设项目", reverse(LIST_URL)), (job.title, None)],
            },
        )


class ImportJobProgressView(LoginRequiredMixin, View):
    """The polled fragment."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Fragment."""
        return render(request, "housing/_import_progress.html", {"job": _import_job(request, pk)})


def project_redirect(request: HttpRequest) -> HttpResponse:
    """/housing/ opens the project list."""
    return redirect(LIST_URL)
