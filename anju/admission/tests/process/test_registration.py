"""准予登记 / 不予登记: the workflow ends, the register entry is written, the notice PDF is archived."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from anju.admission.choices import ApplicationStatus
from anju.admission.models import RegisterEntry
from anju.admission.services.plans import plan_create
from anju.admission.services.registration import (
    application_register,
    application_register_deny,
    register_entry_state_set,
)
from anju.admission.tests.process.helpers import pdf_text

pytestmark = pytest.mark.django_db


def notices(application):
    """The notice files in the application's e-archive."""
    from django.contrib.contenttypes.models import ContentType

    from anju.archive.models import ArchiveFile

    return ArchiveFile.objects.filter(
        content_type=ContentType.objects.get_for_model(application), object_id=str(application.pk), file_type="08"
    )


def archived_text(archive_file):
    """The text of an archived PDF."""
    with archive_file.file.open("rb") as handle:
        return pdf_text(handle.read())


def test_register_writes_entry_and_archives_the_notice(at_register, district_officer, tmp_path):
    # given a plan
    plan_create(application=at_register, security_mode="12", acting_user=district_officer)
    # when
    entry = application_register(application=at_register, acting_user=district_officer)
    # then
    at_register.refresh_from_db()
    assert at_register.status == ApplicationStatus.REGISTERED
    assert entry.number.startswith("DJ341602") and entry.security_state == "01" and entry.is_active
    assert entry.id_number == at_register.id_number and entry.security_mode == "12"
    files = list(notices(at_register))
    assert len(files) == 1
    text = archived_text(files[0])
    assert "住房保障准予登记通知书" in text and entry.number in text and "王建国" in text


def test_register_needs_a_plan_and_the_register_node(at_register, at_publicity_other_or_draft, district_officer):
    with pytest.raises(ValidationError, match="拟保障实施方案"):
        application_register(application=at_register, acting_user=district_officer)
    with pytest.raises(ValidationError, match="不在登记环节"):
        application_register(application=at_publicity_other_or_draft, acting_user=district_officer)
    at_register.refresh_from_db()
    assert at_register.status == ApplicationStatus.REGISTERING
    assert not RegisterEntry.objects.exists() and not notices(at_register).exists()


def test_register_refuses_other_roles_and_districts(at_register, community_clerk, other_district_clerk):
    for user in (community_clerk, other_district_clerk):
        with pytest.raises(PermissionDenied):
            application_register(application=at_register, acting_user=user)


def test_deny_with_reason_archives_the_notice(at_register, district_officer, tmp_path):
    with pytest.raises(ValidationError) as exc:
        application_register_deny(application=at_register, reason="", acting_user=district_officer)
    assert "reason" in exc.value.message_dict
    application_register_deny(
        application=at_register, reason="家庭人均收入超过准入标准。", acting_user=district_officer
    )
    at_register.refresh_from_db()
    assert at_register.status == ApplicationStatus.DENIED
    assert not RegisterEntry.objects.exists()
    text = archived_text(notices(at_register).get())
    assert "不予登记通知书" in text and "家庭人均收入超过准入标准" in text


def test_register_entry_state_over_the_household_life(at_register, district_officer, community_clerk):
    plan_create(application=at_register, security_mode="12", acting_user=district_officer)
    entry = application_register(application=at_register, acting_user=district_officer)
    with pytest.raises(PermissionDenied):
        register_entry_state_set(entry=entry, security_state="02", acting_user=community_clerk)
    register_entry_state_set(entry=entry, security_state="02", acting_user=district_officer, on_date=date(2026, 12, 1))
    assert (entry.security_state, entry.security_started_at) == ("02", date(2026, 12, 1))
    register_entry_state_set(entry=entry, security_state="06", acting_user=district_officer, on_date=date(2027, 6, 1))
    assert entry.exited_at == date(2027, 6, 1) and not entry.is_active
    with pytest.raises(ValidationError):
        register_entry_state_set(entry=entry, security_state="02", acting_user=district_officer)
