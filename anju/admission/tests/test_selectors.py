"""household_list / household_get: jurisdiction and role scoping."""

import pytest
from django.http import Http404

from anju.admission.selectors import household_get, household_list
from anju.admission.services import application_delete

pytestmark = pytest.mark.django_db


def test_list_is_scoped_to_the_jurisdiction(draft, district_officer, other_district_clerk, city_officer, street_reviewer):
    # given a draft of 白布社区 (谯城区)
    # then 谯城区, its street and the city see it; 涡阳县 does not
    assert list(household_list(user=district_officer)) == [draft]
    assert list(household_list(user=street_reviewer)) == [draft]
    assert list(household_list(user=city_officer)) == [draft]
    assert list(household_list(user=other_district_clerk)) == []


def test_roles_without_business_reading_see_nothing(draft, applicant, auditor):
    # the applicant lives in 白布社区 but is not staff; the auditor has no business role
    assert list(household_list(user=applicant)) == []
    assert list(household_list(user=auditor)) == []


def test_get_outside_jurisdiction_is_404(draft, other_district_clerk, district_officer):
    assert household_get(user=district_officer, pk=draft.pk) == draft
    with pytest.raises(Http404):
        household_get(user=other_district_clerk, pk=draft.pk)


def test_deleted_hidden_unless_asked(draft, community_clerk):
    application_delete(application=draft, acting_user=community_clerk)
    assert list(household_list(user=community_clerk)) == []
    assert list(household_list(user=community_clerk, deleted=True)) == [draft]
    with pytest.raises(Http404):
        household_get(user=community_clerk, pk=draft.pk)
    assert household_get(user=community_clerk, pk=draft.pk, deleted=None) == draft
