"""公示 services: create, publish, close (moves applications on), masked rows and PDF."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from anju.admission.choices import ApplicationStatus
from anju.admission.models import Publicity, PublicityEntry, PublicityStatus
from anju.admission.services.publicity import (
    publicity_close,
    publicity_create,
    publicity_pdf,
    publicity_publish,
    publicity_rows,
)
from anju.admission.tests.factories import resident_id
from anju.admission.tests.process.helpers import pdf_text

pytestmark = pytest.mark.django_db
START = date(2026, 11, 1)


def make(user, applications, **overrides):
    """A publicity of the officer's county."""
    data = {
        "title": "2026年第1批公共租赁住房申请家庭公示",
        "start_date": START,
        "end_date": START + timedelta(days=6),
        "channel": "01",
        "place": "白布社区公示栏",
        "applications": applications,
        "acting_user": user,
    }
    data.update(overrides)
    return publicity_create(**data)


def test_create_lists_applications_at_the_publicity_node(at_publicity, district_officer):
    # when
    publicity = make(district_officer, [at_publicity])
    # then
    assert publicity.status == PublicityStatus.DRAFT and publicity.number.startswith("GS341602")
    assert publicity.region_code == "341602000000"
    assert list(publicity.entries.values_list("application_id", "stage")) == [(at_publicity.pk, "publicity")]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": ""}, "title"),
        ({"end_date": START - timedelta(days=1)}, "end_date"),
        ({"end_date": START + timedelta(days=90)}, "end_date"),
        ({"applications": []}, "applications"),
        ({"channel": "77"}, "channel"),
    ],
)
def test_create_refuses_invalid_input_and_writes_nothing(at_publicity, district_officer, overrides, field):
    with pytest.raises(ValidationError) as exc:
        make(district_officer, overrides.pop("applications", [at_publicity]), **overrides)
    assert field in exc.value.message_dict
    assert not Publicity.objects.exists()


def test_create_refuses_applications_not_at_publicity_or_already_listed(
    draft, at_publicity, district_officer, community_clerk
):
    from anju.admission.tests.factories import application_for

    other = application_for(community_clerk, applicant_name="赵六", id_number=resident_id(seq=9))
    with pytest.raises(ValidationError, match="公示中"):
        make(district_officer, [other])
    make(district_officer, [at_publicity])
    with pytest.raises(ValidationError, match="未结束的公示"):
        make(district_officer, [at_publicity])
    assert Publicity.objects.count() == 1


def test_create_needs_district_officer_of_the_county(at_publicity, street_reviewer, other_district_clerk):
    with pytest.raises(PermissionDenied):
        make(street_reviewer, [at_publicity])
    with pytest.raises(PermissionDenied):
        make(other_district_clerk, [at_publicity])
    assert not Publicity.objects.exists()


def test_publish_then_close_after_the_period_moves_the_application_on(at_publicity, district_officer):
    # given
    publicity = publicity_publish(publicity=make(district_officer, [at_publicity]), acting_user=district_officer)
    assert publicity.status == PublicityStatus.PUBLISHED and publicity.published_at
    # when closed within the period / then refused, nothing changes
    with pytest.raises(ValidationError, match="期满"):
        publicity_close(publicity=publicity, acting_user=district_officer, today=publicity.end_date)
    at_publicity.refresh_from_db()
    assert at_publicity.status == ApplicationStatus.PUBLICITY
    # when closed after the period
    publicity_close(publicity=publicity, acting_user=district_officer, today=publicity.end_date + timedelta(days=1))
    # then
    at_publicity.refresh_from_db()
    assert publicity.status == PublicityStatus.CLOSED
    assert at_publicity.status == ApplicationStatus.APPROVAL
    assert PublicityEntry.objects.get().passed is True


def test_publish_and_close_refuse_wrong_states(at_publicity, district_officer):
    publicity = make(district_officer, [at_publicity])
    with pytest.raises(ValidationError):
        publicity_close(publicity=publicity, acting_user=district_officer, today=date(2030, 1, 1))
    publicity_publish(publicity=publicity, acting_user=district_officer)
    with pytest.raises(ValidationError):
        publicity_publish(publicity=publicity, acting_user=district_officer)


def test_rows_and_pdf_are_masked(at_publicity, district_officer, tmp_path):
    # given
    publicity = make(district_officer, [at_publicity])
    # when
    rows = publicity_rows(publicity)
    pdf = publicity_pdf(publicity=publicity)
    # then
    assert (
        rows[0]["applicant_name"] == "王**"
        and rows[0]["id_number"] == resident_id()[:6] + "********" + resident_id()[-4:]
    )
    text = pdf_text(pdf)
    assert "申请家庭公示" in text and "王**" in text and "白布社区" in text and "谯城区住房保障部门" in text
    assert "王建国" not in text and resident_id() not in text
