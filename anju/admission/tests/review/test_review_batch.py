"""Batch review: many applications with one opinion; one failure does not stop the rest."""

import pytest

from anju.admission.choices import ApplicationStatus
from anju.admission.models import Application
from anju.admission.selectors_process import review_queue
from anju.admission.services import application_submit
from anju.admission.services.review import review_batch
from anju.admission.tests.factories import application_for, resident_id
from anju.admission.tests.review.steps import upload_materials


@pytest.fixture
def three_at_accept(community_clerk, dictionaries, admission_process):
    """Three submitted applications of 白布社区; the second lacks its income and housing proofs."""
    applications = []
    for seq, name in ((11, "周一"), (12, "吴二"), (13, "郑三")):
        application = application_for(community_clerk, applicant_name=name, id_number=resident_id(seq=seq), phone="")
        upload_materials(application, community_clerk, types=("01", "02") if seq == 12 else ("01", "02", "03", "04"))
        applications.append(application_submit(application=application, acting_user=community_clerk))
    return applications


def test_queue_lists_applications_waiting_for_the_user(three_at_accept, community_clerk, street_reviewer):
    # then the clerk sees the three at 受理 and the street reviewer none at 初审
    assert {a.pk for a in review_queue(user=community_clerk, node_code="accept")} == {a.pk for a in three_at_accept}
    assert list(review_queue(user=street_reviewer, node_code="street_review")) == []


def test_batch_approve_reports_per_row(three_at_accept, community_clerk):
    # when the clerk accepts all three at once
    rows = review_batch(applications=three_at_accept, action="approve", opinion="材料齐全", acting_user=community_clerk)
    # then two move on and the one without materials is reported and unchanged
    assert [r.ok for r in rows] == [True, False, True]
    assert "收入证明" in rows[1].message
    statuses = dict(Application.objects.filter(pk__in=[a.pk for a in three_at_accept]).values_list("applicant_name", "status"))
    assert statuses == {"周一": ApplicationStatus.STREET_REVIEW, "吴二": ApplicationStatus.ACCEPTING, "郑三": ApplicationStatus.STREET_REVIEW}


def test_batch_deny_requires_opinion(three_at_accept, community_clerk):
    # when denied without an opinion / then refused before anything runs
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="审核意见"):
        review_batch(applications=three_at_accept, action="deny", opinion="", acting_user=community_clerk)
    assert set(Application.objects.values_list("status", flat=True)) == {ApplicationStatus.ACCEPTING}


def test_batch_by_user_without_tasks_fails_every_row(three_at_accept, street_reviewer):
    # when the street reviewer tries to act at 受理 / then every row fails and nothing changes
    rows = review_batch(applications=three_at_accept, action="approve", opinion="", acting_user=street_reviewer)
    assert not any(r.ok for r in rows)
    assert set(Application.objects.values_list("status", flat=True)) == {ApplicationStatus.ACCEPTING}
