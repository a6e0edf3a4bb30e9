"""API v1 of the 建设项目 subsystem (mounted at /api/v1/housing/): scoped reads, writes through the services."""

from __future__ import annotations

from typing import Any

from django.db import models
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from anju.core.api.errors import error_responses
from anju.core.api.jobs import JobSerializer
from anju.housing import filtersets, selectors, services
from anju.housing.api import serializers as s
from anju.housing.filtersets import include_deleted
from anju.housing.models import Building, Unit
from anju.housing.permissions import READER_ROLES
from anju.housing.services.imports import IMPORT_JOB_KIND, units_import_start

TAG = ["建设项目"]


class ReaderPermissionMixin:
    """Business roles only (default deny): others get 403."""

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        """Role check after authentication."""
        super().initial(request, *args, **kwargs)  # type: ignore[misc]
        from rest_framework.exceptions import PermissionDenied

        if not request.user.has_role(*READER_ROLES):
            raise PermissionDenied("您的角色无权查看建设项目数据。")


def _region(data: dict[str, Any]) -> str:
    """The region_code of a new record (required)."""
    from rest_framework.exceptions import ValidationError

    region_code = data.pop("region_code", "") or ""
    if not region_code:
        raise ValidationError({"region_code": ["该字段是必填项。"]})
    return region_code


def _list_view(name: str, selector: Any, serializer: Any, filterset: Any, summary: str, description: str) -> type:
    """A scoped, filtered, paginated list endpoint."""

    class View(ReaderPermissionMixin, generics.ListAPIView):
        serializer_class = serializer
        filterset_class = filterset

        def get_queryset(self) -> models.QuerySet:
            return selector(user=self.request.user)

        @extend_schema(operation_id=f"housing_{name}_list", tags=TAG, summary=summary, description=description,
                       responses={200: serializer(many=True), **error_responses(401, 403)})
        def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
            return super().get(request, *args, **kwargs)

    View.__name__ = View.__qualname__ = f"{name.title().replace('_', '')}ListView"
    View.__doc__ = f"{summary}."
    return View


def _detail_view(name: str, selector: Any, serializer: Any, summary: str) -> type:
    """A scoped detail endpoint (404 outside the jurisdiction)."""

    class View(ReaderPermissionMixin, generics.RetrieveAPIView):
        serializer_class = serializer

        def get_queryset(self) -> models.QuerySet:
            return selector(user=self.request.user)

        @extend_schema(operation_id=f"housing_{name}_retrieve", tags=TAG, summary=summary, description=f"{summary}（管辖范围外返回 404）。",
                       responses={200: serializer, **error_responses(401, 403, 404)})
        def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
            return super().get(request, *args, **kwargs)

    View.__name__ = View.__qualname__ = f"{name.title().replace('_', '')}DetailView"
    View.__doc__ = f"{summary}."
    return View


ProjectListView = _list_view("projects", selectors.project_list, s.ProjectSerializer, filtersets.ProjectFilterSet,
                             "建设项目列表", "管辖范围内的建设项目；可按区划、类别、年度和关键字筛选。进度、投资、拆迁安置和供地数据由进度日志生成。")
ProjectDetailView = _detail_view("projects", selectors.project_list, s.ProjectSerializer, "建设项目详情")
BuildingListView = _list_view("buildings", selectors.building_list, s.BuildingSerializer, filtersets.BuildingFilterSet,
                              "单体工程列表", "管辖范围内的楼栋；可按项目、建设状态、区划和关键字筛选。")
BuildingDetailView = _detail_view("buildings", selectors.building_list, s.BuildingSerializer, "单体工程详情")
UnitListView = _list_view("units", selectors.unit_list, s.UnitSerializer, filtersets.UnitFilterSet,
                          "住房列表", "管辖范围内的住房；可按项目、楼栋、状态、户型、房屋分类、面积区间、区划和关键字筛选。")
UnitDetailView = _detail_view("units", selectors.unit_list, s.UnitSerializer, "住房详情")
_ProgressLogListBase = _list_view(
    "progress_logs", selectors.progress_log_list, s.ProgressLogSerializer, filtersets.ProgressLogFilterSet, "项目进度日志列表",
    "开工、竣工、停工、复工、投资、拆迁安置和供地进度。默认只列有效记录；deleted=1 列已撤销的（is_deleted、delete_reason），deleted=all 列全部。")


class ProgressLogListView(_ProgressLogListBase):  # type: ignore[misc,valid-type]
    """项目进度日志列表 (revoked entries on request)."""

    def get_queryset(self) -> models.QuerySet:
        """Revoked entries only when ?deleted= asks for them."""
        return selectors.progress_log_list(user=self.request.user, include_deleted=include_deleted(self.request.query_params))
HandoverListView = _list_view("handovers", selectors.handover_list, s.HandoverSerializer, filtersets.HandoverFilterSet,
                              "竣工移交列表", "竣工移交批次。")


class AllocatableUnitListView(ReaderPermissionMixin, generics.ListAPIView):
    """可配置房源: handed-over units that are 已交付 or 空置."""

    serializer_class = s.UnitSerializer

    def get_queryset(self) -> models.QuerySet:
        """allocatable_units with ?district= and ?layout=."""
        params = self.request.query_params
        return selectors.allocatable_units(user=self.request.user, district=params.get("district") or None, layout=params.get("layout") or None)

    @extend_schema(operation_id="housing_units_allocatable", tags=TAG, summary="可配置房源",
                   description="已竣工移交且为“已交付”或“空置”的住房；可按 district（区划代码）和 layout（户型）筛选。",
                   responses={200: s.UnitSerializer(many=True), **error_responses(401, 403)})
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """List."""
        return super().get(request, *args, **kwargs)


class ProjectCreateView(ProjectListView):
    """建设项目列表 and 新建项目."""

    @extend_schema(operation_id="housing_projects_create", tags=TAG, summary="新建建设项目",
                   description="区县保障科或市保障处新建项目；region_code 为项目所在区县或街道；项目编号自动生成。",
                   request=s.ProjectWriteSerializer, responses={201: s.ProjectSerializer, **error_responses(400, 401, 403)})
    def post(self, request: Request) -> Response:
        """project_create."""
        serializer = s.ProjectWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        region_code = data.pop("region_code", "") or ""
        if not region_code:
            from rest_framework.exceptions import ValidationError

            raise ValidationError({"region_code": ["该字段是必填项。"]})
        project = services.project_create(data=data, region_code=region_code, acting_user=request.user)
        return Response(s.ProjectSerializer(project).data, status=status.HTTP_201_CREATED)


class ProjectUpdateView(ProjectDetailView):
    """建设项目详情 and 修改."""

    @extend_schema(operation_id="housing_projects_update", tags=TAG, summary="修改建设项目",
                   description="只接受录入数据；由进度日志生成的数据不能修改。", request=s.ProjectWriteSerializer,
                   responses={200: s.ProjectSerializer, **error_responses(400, 401, 403, 404)})
    def patch(self, request: Request, pk: int) -> Response:
        """project_update."""
        project = selectors.project_get(user=request.user, pk=pk)
        serializer = s.ProjectWriteSerializer(project, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data.pop("region_code", None)
        project = services.project_update(project=project, data=data, acting_user=request.user)
        return Response(s.ProjectSerializer(project).data)


class ProgressLogCreateView(ReaderPermissionMixin, APIView):
    """登记项目进度."""

    @extend_schema(operation_id="housing_progress_logs_create", tags=TAG, summary="登记项目进度",
                   description="开工、竣工、停工、复工须指定楼栋并符合楼栋当前状态；项目数据随之重新计算。",
                   request=s.ProgressLogWriteSerializer, responses={201: s.ProgressLogSerializer, **error_responses(400, 401, 403, 404)})
    def post(self, request: Request, pk: int) -> Response:
        """progress_log_create."""
        project = selectors.project_get(user=request.user, pk=pk)
        serializer = s.ProgressLogWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        log = services.progress_log_create(project=project, data=dict(serializer.validated_data), acting_user=request.user)
        return Response(s.ProgressLogSerializer(log).data, status=status.HTTP_201_CREATED)


class HandoverCreateView(ReaderPermissionMixin, APIView):
    """竣工移交."""

    @extend_schema(operation_id="housing_handovers_create", tags=TAG, summary="竣工移交",
                   description="把已竣工楼栋中尚未移交的住房移交为可配置房源（状态变为“已交付”）。",
                   request=s.HandoverWriteSerializer, responses={201: s.HandoverSerializer, **error_responses(400, 401, 403, 404)})
    def post(self, request: Request, pk: int) -> Response:
        """handover_create."""
        project = selectors.project_get(user=request.user, pk=pk)
        serializer = s.HandoverWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        units = Unit.objects.none()
        if data.get("units"):
            units = selectors.unit_list(user=request.user).filter(pk__in=data["units"])
        elif data.get("buildings"):
            buildings = Building.objects.visible_to(request.user).filter(pk__in=data["buildings"], project=project)
            units = Unit.objects.filter(building__in=buildings, handover__isnull=True)
        handover = services.handover_create(
            project=project, units=units, handed_over_on=data["handed_over_on"], handed_over_by=data["handed_over_by"],
            note=data.get("note", ""), acting_user=request.user,
        )
        return Response(s.HandoverSerializer(handover).data, status=status.HTTP_201_CREATED)


class UnitsImportView(ReaderPermissionMixin, APIView):
    """装数 upload."""

    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(operation_id="housing_units_import", tags=TAG, summary="导入楼栋和住房",
                   description="上传装数模板，后台导入；返回任务，轮询 /api/v1/housing/import-jobs/{id}/ 查看进度和逐行校验结果。",
                   request={"multipart/form-data": s.ImportUploadSerializer}, responses={202: JobSerializer, **error_responses(400, 401, 403, 404)})
    def post(self, request: Request, pk: int) -> Response:
        """units_import_start."""
        project = selectors.project_get(user=request.user, pk=pk)
        serializer = s.ImportUploadSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        job = units_import_start(project=project, content=serializer.validated_data["file"].read(),
                                 valid_only=serializer.validated_data["valid_only"], acting_user=request.user)
        return Response(JobSerializer(job).data, status=status.HTTP_202_ACCEPTED)


class ImportJobView(ReaderPermissionMixin, APIView):
    """导入任务进度与校验结果."""

    @extend_schema(operation_id="housing_import_jobs_retrieve", tags=TAG, summary="导入任务进度",
                   description="状态、进度和结果（result.problems 为逐行问题：工作表、行号、列、问题）。",
                   responses={200: JobSerializer, **error_responses(401, 403, 404)})
    def get(self, request: Request, pk: int) -> Response:
        """The job (the caller's own)."""
        from django.http import Http404

        from anju.core.selectors import job_get

        job = job_get(user=request.user, pk=pk)
        if job.kind != IMPORT_JOB_KIND:
            raise Http404
        return Response(JobSerializer(job).data)




# ---------------------------------------------------------------- records with create, update, delete (recoverable), restore


def _visible_links(data: dict[str, Any], user: Any) -> None:
    """Every linked region-scoped record (project, participant, party, building) must be in the user's jurisdiction."""
    from rest_framework.exceptions import ValidationError as DrfValidationError

    from anju.core.models import RegionScopedModel

    for name, value in data.items():
        if isinstance(value, RegionScopedModel) and not type(value).objects.visible_to(user).filter(pk=value.pk).exists():
            raise DrfValidationError({name: [f"{value._meta.verbose_name}不存在或不在您的管辖范围内。"]})


def _service_call(call: Any) -> Any:
    """Run a service; its Django ValidationError becomes a 400 with the same Chinese messages."""
    from django.core.exceptions import ValidationError as DjangoValidationError
    from rest_framework.exceptions import ValidationError as DrfValidationError

    try:
        return call()
    except DjangoValidationError as exc:
        raise DrfValidationError(exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}) from exc


REASON_PARAMETER = OpenApiParameter("reason", str, OpenApiParameter.QUERY, required=True, description="删除原因")


def _record_api(
    name: str, *, selector: Any, serializer: Any, write_serializer: Any, filterset: Any, title: str, description: str,
    create: Any, update: Any,
) -> tuple[type, type, type]:
    """List + create, detail (GET/PATCH/DELETE) and restore endpoints of one recoverable record type.

    `create(data, user)` and `update(record, data, user)` call the services; DELETE marks the record deleted
    (recoverable; refused with a Chinese reason when it is still in use) and POST .../restore/ brings it back.
    """

    def queryset_for(request: Request, *, deleted: bool) -> models.QuerySet:
        return selector(user=request.user, include_deleted=deleted)

    class ListCreate(ReaderPermissionMixin, generics.ListAPIView):
        serializer_class = serializer
        filterset_class = filterset

        def get_queryset(self) -> models.QuerySet:
            return queryset_for(self.request, deleted=include_deleted(self.request.query_params))

        @extend_schema(operation_id=f"housing_{name}_list", tags=TAG, summary=f"{title}列表",
                       description=f"{description} 默认只列有效记录；deleted=1 列已删除的，deleted=all 列全部。",
                       responses={200: serializer(many=True), **error_responses(401, 403)})
        def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
            return super().get(request, *args, **kwargs)

        @extend_schema(operation_id=f"housing_{name}_create", tags=TAG, summary=f"新增{title}",
                       description="区县保障科或市保障处；关联的项目、单位须在管辖范围内。",
                       request=write_serializer, responses={201: serializer, **error_responses(400, 401, 403)})
        def post(self, request: Request) -> Response:
            data_in = write_serializer(data=request.data)
            data_in.is_valid(raise_exception=True)
            data = dict(data_in.validated_data)
            _visible_links(data, request.user)
            record = _service_call(lambda: create(data, request.user))
            return Response(serializer(record).data, status=status.HTTP_201_CREATED)

    class One(ReaderPermissionMixin, APIView):
        def record(self, request: Request, pk: int) -> Any:
            from django.http import Http404

            try:
                return queryset_for(request, deleted=True).get(pk=pk)
            except models.ObjectDoesNotExist as exc:
                raise Http404 from exc

    class Detail(One):

        @extend_schema(operation_id=f"housing_{name}_retrieve", tags=TAG, summary=f"{title}详情",
                       description="管辖范围外返回 404；已删除的记录 is_deleted 为 true。",
                       responses={200: serializer, **error_responses(401, 403, 404)})
        def get(self, request: Request, pk: int) -> Response:
            return Response(serializer(self.record(request, pk)).data)

        @extend_schema(operation_id=f"housing_{name}_update", tags=TAG, summary=f"修改{title}",
                       description="只传要修改的字段；编号、所属项目（单位）不变；已删除的记录须先恢复。",
                       request=write_serializer, responses={200: serializer, **error_responses(400, 401, 403, 404)})
        def patch(self, request: Request, pk: int) -> Response:
            record = self.record(request, pk)
            data_in = write_serializer(record, data=request.data, partial=True)
            data_in.is_valid(raise_exception=True)
            data = dict(data_in.validated_data)
            for fixed in ("project", "participant", "region_code"):
                data.pop(fixed, None)
            _visible_links(data, request.user)
            record = _service_call(lambda: update(record, data, request.user))
            return Response(serializer(record).data)

        @extend_schema(operation_id=f"housing_{name}_destroy", tags=TAG, summary=f"删除{title}",
                       description="标记删除（可恢复），须给出删除原因；仍被使用的记录（如参与项目的单位）拒绝删除并说明原因。",
                       parameters=[REASON_PARAMETER], responses={200: serializer, **error_responses(400, 401, 403, 404)})
        def delete(self, request: Request, pk: int) -> Response:
            record = self.record(request, pk)
            reason = request.query_params.get("reason") or ""
            record = _service_call(lambda: services.record_delete(record=record, reason=reason, acting_user=request.user))
            return Response(serializer(record).data)

    class Restore(One):
        @extend_schema(operation_id=f"housing_{name}_restore", tags=TAG, summary=f"恢复{title}",
                       description="恢复已删除的记录。", request=None, responses={200: serializer, **error_responses(400, 401, 403, 404)})
        def post(self, request: Request, pk: int) -> Response:
            record = _service_call(lambda: services.record_restore(record=self.record(request, pk), acting_user=request.user))
            return Response(serializer(record).data)

    base = name.title().replace("_", "")
    for view, suffix in ((ListCreate, "ListView"), (Detail, "DetailView"), (Restore, "RestoreView")):
        view.__name__ = view.__qualname__ = f"{base}{suffix}"
        view.__doc__ = f"{title}: {suffix}."
    return ListCreate, Detail, Restore


LandReserveListView, LandReserveDetailView, LandReserveRestoreView = _record_api(
    "land_reserves", selector=selectors.land_reserve_list, serializer=s.LandReserveSerializer,
    write_serializer=s.LandReserveWriteSerializer, filterset=filtersets.LandReserveFilterSet, title="土地储备",
    description="按规划用途（住房类别）和计划年度筛选。新增时 region_code 为地块所在区县或街道。",
    create=lambda data, user: services.land_reserve_save(data=data, region_code=_region(data), acting_user=user),
    update=lambda record, data, user: services.land_reserve_save(land_reserve=record, data=data, region_code=record.region_code,
                                                                 acting_user=user),
)
ParticipantListView, ParticipantDetailView, ParticipantRestoreView = _record_api(
    "participants", selector=selectors.participant_list, serializer=s.ParticipantSerializer,
    write_serializer=s.ParticipantWriteSerializer, filterset=filtersets.ParticipantFilterSet, title="项目参与单位",
    description="参与单位及其资质；统一社会信用代码按 GB 32100 校验。",
    create=lambda data, user: services.participant_save(data=data, region_code=_region(data), acting_user=user),
    update=lambda record, data, user: services.participant_save(participant=record, data=data, region_code=record.region_code,
                                                                acting_user=user),
)
PersonListView, PersonDetailView, PersonRestoreView = _record_api(
    "people", selector=selectors.person_list, serializer=s.PersonSerializer, write_serializer=s.PersonWriteSerializer,
    filterset=filtersets.PersonFilterSet, title="项目参与人员",
    description="参与单位的人员（A.5.5）；证件号码和电话脱敏返回，id_number 参数按完整证件号码精确查找。",
    create=lambda data, user: services.person_save(participant=data.pop("participant"), data=data, acting_user=user),
    update=lambda record, data, user: services.person_save(participant=record.participant, person=record, data=data,
                                                           acting_user=user),
)
CertificateListView, CertificateDetailView, CertificateRestoreView = _record_api(
    "certificates", selector=selectors.certificate_list, serializer=s.CertificateSerializer,
    write_serializer=s.CertificateWriteSerializer, filterset=filtersets.CertificateFilterSet, title="审批证件",
    description="项目建设审批重要证件（A.5.8）；扫描件见电子档案。",
    create=lambda data, user: services.certificate_save(project=data.pop("project"), data=data, acting_user=user),
    update=lambda record, data, user: services.certificate_save(project=record.project, certificate=record, data=data,
                                                                acting_user=user),
)
ConstructionContractListView, ConstructionContractDetailView, ConstructionContractRestoreView = _record_api(
    "construction_contracts", selector=selectors.construction_contract_list, serializer=s.ConstructionContractSerializer,
    write_serializer=s.ConstructionContractWriteSerializer, filterset=filtersets.ConstructionContractFilterSet,
    title="施工合同备案", description="项目建设工程施工合同备案（A.5.9）；记录编号自动生成。",
    create=lambda data, user: services.construction_contract_save(project=data.pop("project"), data=data, acting_user=user),
    update=lambda record, data, user: services.construction_contract_save(project=record.project, contract=record, data=data,
                                                                          acting_user=user),
)
ResettlementContractListView, ResettlementContractDetailView, ResettlementContractRestoreView = _record_api(
    "resettlement_contracts", selector=selectors.resettlement_contract_list, serializer=s.ResettlementContractSerializer,
    write_serializer=s.ResettlementContractWriteSerializer, filterset=filtersets.ResettlementContractFilterSet,
    title="拆迁安置合同备案", description="项目拆迁安置合同备案（A.5.10）；记录编号自动生成。",
    create=lambda data, user: services.resettlement_contract_save(project=data.pop("project"), data=data, acting_user=user),
    update=lambda record, data, user: services.resettlement_contract_save(project=record.project, contract=record, data=data,
                                                                          acting_user=user),
)


class ProgressLogRevokeSerializer(serializers.Serializer):
    """撤销原因."""

    reason = serializers.CharField(max_length=200, help_text="撤销原因")


class ProgressLogRevokeView(ReaderPermissionMixin, APIView):
    """撤销进度记录."""

    @extend_schema(operation_id="housing_progress_logs_revoke", tags=TAG, summary="撤销进度记录",
                   description="进度记录不能修改：登记有误时撤销（保留记录、不再计入项目数据；楼栋状态回到上一条记录），再重新登记。"
                               "只能撤销楼栋最近一条记录；已有住房移交的楼栋不能撤销竣工。",
                   request=ProgressLogRevokeSerializer, responses={200: s.ProgressLogSerializer, **error_responses(400, 401, 403, 404)})
    def post(self, request: Request, pk: int) -> Response:
        """progress_log_revoke."""
        from django.http import Http404

        try:
            log = selectors.progress_log_list(user=request.user, include_deleted=True).get(pk=pk)
        except models.ObjectDoesNotExist as exc:
            raise Http404 from exc
        data = ProgressLogRevokeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        log = _service_call(lambda: services.progress_log_revoke(log=log, reason=data.validated_data["reason"], acting_user=request.user))
        return Response(s.ProgressLogSerializer(log).data)


# ---------------------------------------------------------------- 项目照片


DELETED_PARAMETER = OpenApiParameter(
    "deleted", str, OpenApiParameter.QUERY, required=False, enum=["1", "all"], description="1：只列已删除的；all：全部"
)


def _photo_get(request: Request, pk: int) -> Any:
    """A photo in the user's jurisdiction, deleted ones included (404 otherwise)."""
    from django.http import Http404

    from anju.housing.selectors_photos import project_photo_list

    try:
        return project_photo_list(user=request.user, include_deleted=True).get(pk=pk)
    except models.ObjectDoesNotExist as exc:
        raise Http404 from exc


class ProjectPhotoListView(ReaderPermissionMixin, APIView):
    """项目照片列表 and 上传."""

    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(operation_id="housing_project_photos_list", tags=TAG, summary="项目照片列表",
                   description="项目的照片（按排序）；默认只列有效照片，deleted=1 列已删除的，deleted=all 列全部。不返回存储路径。",
                   parameters=[DELETED_PARAMETER],
                   responses={200: s.ProjectPhotoSerializer(many=True), **error_responses(401, 403, 404)})
    def get(self, request: Request, pk: int) -> Response:
        """project_photo_list."""
        from anju.housing.selectors_photos import project_photo_list

        project = selectors.project_get(user=request.user, pk=pk)
        deleted = request.query_params.get("deleted", "")
        photos = project_photo_list(user=request.user, project=project, include_deleted=deleted in ("1", "all"))
        if deleted == "1":
            photos = photos.filter(is_deleted=True)
        return Response(s.ProjectPhotoSerializer(photos, many=True).data)

    @extend_schema(operation_id="housing_project_photos_create", tags=TAG, summary="上传项目照片",
                   description="区县保障科或市保障处。按文件内容识别 JPEG、PNG、WebP（不看文件名），不超过 8 MB；"
                               "重新编码为 JPEG 并去除 EXIF（含拍摄位置），生成缩略图，以随机文件名保存。",
                   request={"multipart/form-data": s.ProjectPhotoUploadSerializer},
                   responses={201: s.ProjectPhotoSerializer, **error_responses(400, 401, 403, 404)})
    def post(self, request: Request, pk: int) -> Response:
        """project_photo_upload."""
        from anju.housing.services.photos import project_photo_upload

        project = selectors.project_get(user=request.user, pk=pk)
        data_in = s.ProjectPhotoUploadSerializer(data=request.data)
        data_in.is_valid(raise_exception=True)
        data = dict(data_in.validated_data)
        upload = data.pop("image")
        photo = _service_call(
            lambda: project_photo_upload(project=project, upload=upload, acting_user=request.user, **data)
        )
        return Response(s.ProjectPhotoSerializer(photo).data, status=status.HTTP_201_CREATED)


class ProjectPhotoDetailView(ReaderPermissionMixin, APIView):
    """项目照片详情、修改、删除."""

    @extend_schema(operation_id="housing_photos_retrieve", tags=TAG, summary="项目照片详情",
                   description="管辖范围外返回 404；已删除的照片 is_deleted 为 true。",
                   responses={200: s.ProjectPhotoSerializer, **error_responses(401, 403, 404)})
    def get(self, request: Request, pk: int) -> Response:
        """One photo."""
        return Response(s.ProjectPhotoSerializer(_photo_get(request, pk)).data)

    @extend_schema(operation_id="housing_photos_update", tags=TAG, summary="修改项目照片",
                   description="修改说明、类别、排序或公开；已删除的照片须先恢复。", request=s.ProjectPhotoWriteSerializer,
                   responses={200: s.ProjectPhotoSerializer, **error_responses(400, 401, 403, 404)})
    def patch(self, request: Request, pk: int) -> Response:
        """project_photo_update."""
        from anju.housing.services.photos import project_photo_update

        photo = _photo_get(request, pk)
        data_in = s.ProjectPhotoWriteSerializer(data=request.data, partial=True)
        data_in.is_valid(raise_exception=True)
        data = dict(data_in.validated_data)
        photo = _service_call(lambda: project_photo_update(photo=photo, data=data, acting_user=request.user))
        return Response(s.ProjectPhotoSerializer(photo).data)

    @extend_schema(operation_id="housing_photos_destroy", tags=TAG, summary="删除项目照片",
                   description="标记删除（可恢复），须给出删除原因；门户随即不再显示。",
                   parameters=[REASON_PARAMETER],
                   responses={200: s.ProjectPhotoSerializer, **error_responses(400, 401, 403, 404)})
    def delete(self, request: Request, pk: int) -> Response:
        """project_photo_delete."""
        from anju.housing.services.photos import project_photo_delete

        photo = _photo_get(request, pk)
        reason = request.query_params.get("reason") or ""
        photo = _service_call(lambda: project_photo_delete(photo=photo, reason=reason, acting_user=request.user))
        return Response(s.ProjectPhotoSerializer(photo).data)


class ProjectPhotoRestoreView(ReaderPermissionMixin, APIView):
    """恢复项目照片."""

    @extend_schema(operation_id="housing_photos_restore", tags=TAG, summary="恢复项目照片",
                   description="恢复已删除的照片（公开状态保持删除前的设置）。", request=None,
                   responses={200: s.ProjectPhotoSerializer, **error_responses(400, 401, 403, 404)})
    def post(self, request: Request, pk: int) -> Response:
        """project_photo_restore."""
        from anju.housing.services.photos import project_photo_restore

        photo = _photo_get(request, pk)
        photo = _service_call(lambda: project_photo_restore(photo=photo, acting_user=request.user))
        return Response(s.ProjectPhotoSerializer(photo).data)
