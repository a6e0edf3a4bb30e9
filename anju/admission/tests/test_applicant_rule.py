"""The applicant's own application (网上申请): admission, the archive and the workflow accept the applicant
on the application linked to their account while it is a draft or returned, and nowhere else.

These tests use the admission services directly (no portal), with applicant accounts that have no
jurisdiction, like the portal's.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.http import Http404

from anju.admission import services
from anju.admission.models import Application
from anju.admission.tests.factories import member_data, resident_id
from conftest import make_user

pytestmark = pytest.mark.django_db

BAIBU = "341602001001"  # 白布社区, 谯城区
BEIGUAN = "341621001001"  # 北关社区, 涡阳县
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Archive files of each test in their own directory."""
    settings.MEDIA_ROOT = str(tmp_path / "media")


def applicant_user(username: str = "app_zhang"):
    """An applicant account as the portal makes it: the applicant role, no jurisdiction."""
    return make_user(username, "applicant", None, full_name=username)


def online_application(user, *, seq: int = 1, phone: str = "13912345678"):
    """A draft opened online by the applicant (linked to their account)."""
    return services.application_create(
        region_code=BAIBU, applicant_name="王建国", id_number=resident_id(seq=seq), phone=phone,
        acting_user=user, applicant_account=user,
    )  # fmt: skip


def upload(application, user, code: str = "01"):
    from anju.archive.services import archive_file_upload

    return archive_file_upload(
        owner=application, uploaded_file=ContentFile(PDF, name=f"p{code}.pdf"), file_type=code, stage="application",
        acting_user=user,
    )  # fmt: skip


def with_materials(application, user):
    for code in ("01", "02", "03", "04"):
        upload(application, user, code)


def snapshot(application: Application) -> tuple:
    """What a refused write must leave unchanged."""
    from anju.archive.models import ArchiveFile

    application = Application.objects.get(pk=application.pk)
    return (
        application.status,
        application.phone,
        application.hukou_road,
        application.household_size,
        application.is_deleted,
        application.dwellings.count(),
        application.assets.count(),
        ArchiveFile.objects.filter(object_id=str(application.pk)).count(),
    )


@pytest.fixture
def ready(demo_regions, dictionaries, admission_process):
    """Code tables, regions and the admission process."""


# --- the own application -----------------------------------------------------------------------------


def test_applicant_opens_edits_uploads_and_submits_their_own_application(ready):
    from anju.archive.models import ArchiveFile
    from anju.audit.models import AuditEvent

    # given
    user = applicant_user()
    # when: every write of the online application, as the applicant
    application = online_application(user)
    services.application_update(application=application, acting_user=user, hukou_road="人民中路")
    member = services.member_add(application=application, acting_user=user, **member_data())
    services.member_update(member=member, acting_user=user, annual_income=Decimal("1000.00"))
    dwelling = services.dwelling_add(
        application=application, acting_user=user, occupancy_status="1", owner_name="王建国", floor_area=Decimal("30")
    )
    services.dwelling_update(dwelling=dwelling, acting_user=user, floor_area=Decimal("31"))
    services.dwelling_remove(dwelling=dwelling, acting_user=user)
    with_materials(application, user)
    application = services.application_submit(application=application, acting_user=user)
    # then: linked to the account; the applicant is the author everywhere
    from anju.admission.services.process import application_instance

    assert application.applicant_account_id == user.pk
    assert application.created_by_id == user.pk
    assert application.hukou_road == "人民中路"
    assert application.household_size == 2
    assert application.status == "accepting"
    assert application_instance(application).started_by_id == user.pk
    files = ArchiveFile.objects.filter(object_id=str(application.pk))
    assert files.count() == 4
    assert set(files.values_list("uploaded_by_id", flat=True)) == {user.pk}
    events = AuditEvent.objects.filter(user=user)
    assert events.filter(action="RECORD_CREATED", object_id=str(application.pk)).exists()
    assert events.filter(action="FILE_UPLOADED").count() == 4
    # the audit trail records the applicant with their own roles
    assert set(events.values_list("role_codes", flat=True)) == {"applicant"}


def test_the_applicant_answers_a_correction_and_edits_again_only_then(ready, community_clerk):
    from anju.admission.services.process import open_task
    from anju.workflow.services import task_complete

    # given: submitted online, then returned by the clerk for 补正
    user = applicant_user()
    application = online_application(user)
    with_materials(application, user)
    application = services.application_submit(application=application, acting_user=user)
    task_complete(
        task=open_task(application, node_code="accept"),
        acting_user=community_clerk,
        opinion="请补充工资流水。",
        decision="deny",
    )
    application.refresh_from_db()
    assert application.status == "returned"
    # when: the applicant changes, uploads and submits again
    services.application_update(application=application, acting_user=user, hukou_road="新华路")
    upload(application, user, "03")
    application = services.application_submit(application=application, acting_user=user)
    # then: the 补正材料 task was the applicant's, and the case is back at 受理
    assert application.status == "accepting"
    assert application.hukou_road == "新华路"
    assert open_task(application, node_code="accept") is not None


def test_the_clerk_of_the_community_still_edits_an_online_application(ready, community_clerk):
    # given
    user = applicant_user()
    application = online_application(user)
    # when
    services.application_update(application=application, acting_user=community_clerk, hukou_road="人民中路")
    upload(application, community_clerk)
    # then
    assert Application.objects.get(pk=application.pk).hukou_road == "人民中路"


# --- refusals ----------------------------------------------------------------------------------------


def _writes(application, user):
    """Every write the applicant might try on an application, by name."""
    member = application.members.get(is_applicant=True)
    return {
        "application_update": lambda: services.application_update(
            application=application, acting_user=user, hukou_road="别人家"
        ),
        "member_add": lambda: services.member_add(application=application, acting_user=user, **member_data()),
        "member_update": lambda: services.member_update(member=member, acting_user=user, annual_income=Decimal("1")),
        "dwelling_add": lambda: services.dwelling_add(
            application=application, acting_user=user, occupancy_status="1", owner_name="王", floor_area=Decimal("30")
        ),
        "asset_add": lambda: services.asset_add(
            application=application,
            acting_user=user,
            category="03",
            owner_name="王建国",
            quantity=1,
            total_value=Decimal("1"),
        ),
        "application_submit": lambda: services.application_submit(application=application, acting_user=user),
        "application_delete": lambda: services.application_delete(application=application, acting_user=user),
        "archive_upload": lambda: upload(application, user, "05"),
    }


WRITES = [
    "application_update", "member_add", "member_update", "dwelling_add", "asset_add", "application_submit",
    "application_delete", "archive_upload",
]  # fmt: skip


@pytest.mark.parametrize("write", WRITES)
def test_another_households_application_is_refused_and_unchanged(ready, community_clerk, write):
    # given: 张's online draft (with materials) and a window application, and another applicant 李
    owner = applicant_user("app_zhang")
    own = online_application(owner)
    with_materials(own, owner)
    window = services.application_create(
        region_code=BAIBU, applicant_name="赵六", id_number=resident_id(seq=7), acting_user=community_clerk
    )
    stranger = applicant_user("app_li")
    online_application(stranger, seq=3, phone="13900000003")  # 李 has an application of their own
    for target in (own, window):
        before = snapshot(target)
        # when / then
        with pytest.raises(PermissionDenied) as caught:
            _writes(target, stranger)[write]()
        assert str(caught.value) in {
            "您只能填写和修改本人的申请。",
            "只有社区经办人可以录入和修改申请。",
            "您无权为该记录上传档案。",
        }
        assert snapshot(target) == before


@pytest.mark.parametrize("write", [w for w in WRITES if w != "application_delete"])
def test_own_application_after_submission_is_refused_and_unchanged(ready, write):
    # given: submitted online, at 受理 (not under correction)
    user = applicant_user()
    application = online_application(user)
    with_materials(application, user)
    application = services.application_submit(application=application, acting_user=user)
    before = snapshot(application)
    # when / then
    with pytest.raises(PermissionDenied) as caught:
        _writes(application, user)[write]()
    assert str(caught.value) in {
        "申请处于“受理中”阶段，申请人不能修改；被退回补正时可以再次修改。",
        "您无权为该记录上传档案。",
    }
    assert snapshot(application) == before


def test_the_applicant_never_deletes_or_restores_even_a_draft(ready):
    user = applicant_user()
    application = online_application(user)
    with pytest.raises(PermissionDenied, match="只有社区经办人"):
        services.application_delete(application=application, acting_user=user)
    with pytest.raises(PermissionDenied, match="只有社区经办人"):
        services.application_restore(application=application, acting_user=user)
    assert not Application.objects.get(pk=application.pk).is_deleted


def test_only_the_applicant_themselves_opens_an_online_application(ready, community_clerk):
    # given
    user = applicant_user()
    other = applicant_user("app_li")
    data = {"region_code": BAIBU, "applicant_name": "王建国", "id_number": resident_id()}
    # when / then: without the link (what the staff API would do), for someone else, or by staff for an applicant
    with pytest.raises(PermissionDenied, match="只有社区经办人可以录入和修改申请。"):
        services.application_create(acting_user=user, **data)
    with pytest.raises(PermissionDenied, match="网上申请只能由申请人本人填写。"):
        services.application_create(acting_user=user, applicant_account=other, **data)
    with pytest.raises(PermissionDenied, match="网上申请只能由申请人本人填写。"):
        services.application_create(acting_user=community_clerk, applicant_account=user, **data)
    assert not Application.objects.exists()


def test_a_disabled_applicant_account_is_refused(ready):
    user = applicant_user()
    application = online_application(user)
    user.is_active = False
    user.save(update_fields=["is_active"])
    with pytest.raises(PermissionDenied):
        services.application_update(application=application, acting_user=user, hukou_road="人民中路")
    with pytest.raises(PermissionDenied):
        upload(application, user)
    assert Application.objects.get(pk=application.pk).hukou_road == ""


def test_a_clerk_of_another_community_is_still_refused(ready):
    # given: an online application of 白布社区 and the clerk of 北关社区
    user = applicant_user()
    application = online_application(user)
    clerk = make_user("clerk_beiguan", "community_clerk", BEIGUAN, full_name="北关经办")
    before = snapshot(application)
    # when / then
    with pytest.raises(PermissionDenied, match="该社区不在您的管辖范围内。"):
        services.application_update(application=application, acting_user=clerk, hukou_road="别人家")
    with pytest.raises(PermissionDenied, match="该社区不在您的管辖范围内。"):
        services.member_add(application=application, acting_user=clerk, **member_data())
    with pytest.raises(PermissionDenied, match="您无权为该记录上传档案。"):
        upload(application, clerk)
    assert snapshot(application) == before


# --- the archive and the workflow ask the application --------------------------------------------------


def test_the_applicant_cannot_read_the_archive_of_their_application(ready):
    from anju.archive.selectors import archive_file_get, archive_files_for, owner_from_ref

    user = applicant_user()
    application = online_application(user)
    archive_file = upload(application, user)
    # the upload is allowed; every read of the staff archive stays closed
    assert not archive_files_for(user=user, owner=application).exists()
    with pytest.raises(Http404):
        archive_file_get(user=user, pk=archive_file.pk)
    with pytest.raises(Http404):
        owner_from_ref(user=user, ref=f"admission.application:{application.pk}")


def test_the_applicant_cannot_start_a_process_except_by_submitting(ready, community_clerk):
    from anju.admission.services.process import PROCESS_CODE, application_instance
    from anju.workflow.services import instance_start

    # given: an own draft, and another household's application that is 已提交 without a process
    user = applicant_user()
    own = online_application(user)
    others = services.application_create(
        region_code=BAIBU, applicant_name="赵六", id_number=resident_id(seq=7), acting_user=community_clerk
    )
    Application.objects.filter(pk=others.pk).update(status="submitted")
    others.refresh_from_db()
    # when / then
    with pytest.raises(PermissionDenied, match="该业务记录不在您的管辖范围内。"):
        instance_start(template=PROCESS_CODE, business_object=own, acting_user=user)
    with pytest.raises(PermissionDenied, match="该业务记录不在您的管辖范围内。"):
        instance_start(template=PROCESS_CODE, business_object=others, acting_user=user)
    assert application_instance(own) is None
    assert application_instance(others) is None


def test_self_service_rule_by_status(ready):
    from anju.admission.permissions import self_service_allows

    user = applicant_user()
    application = online_application(user)
    expected = {
        "draft": {"edit": True, "archive_upload": True, "process_start": False},
        "submitted": {"edit": False, "archive_upload": False, "process_start": True},
        "accepting": {"edit": False, "archive_upload": False, "process_start": False},
        "returned": {"edit": True, "archive_upload": True, "process_start": False},
        "registered": {"edit": False, "archive_upload": False, "process_start": False},
    }
    for status, actions in expected.items():
        application.status = status
        assert {action: self_service_allows(user, application, action) for action in actions} == actions, status
    application.status = "draft"
    application.is_deleted = True
    assert not self_service_allows(user, application, "edit")


# --- the data migration ---------------------------------------------------------------------------------


def test_backfill_links_applications_created_by_an_applicant(ready, community_clerk):
    import importlib

    from django.apps import apps

    # given: an online draft from before the link existed, and a window application
    user = applicant_user()
    online = online_application(user)
    window = services.application_create(
        region_code=BAIBU, applicant_name="赵六", id_number=resident_id(seq=7), acting_user=community_clerk
    )
    Application.objects.update(applicant_account=None)
    # when
    migration = importlib.import_module("anju.admission.migrations.0007_applicant_account_backfill")
    migration.link_applicants(apps, None)
    # then
    assert Application.objects.get(pk=online.pk).applicant_account_id == user.pk
    assert Application.objects.get(pk=window.pk).applicant_account_id is None
