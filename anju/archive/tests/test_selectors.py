"""Selectors of the e-archive: jurisdiction scoping (security.md #6)."""

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from anju.archive.selectors import archive_file_get, archive_file_list, archive_files_for, owner_from_ref
from anju.archive.services import archive_file_delete
from anju.archive.tests.factories import upload

pytestmark = pytest.mark.django_db


def test_list_is_scoped_to_the_jurisdiction(district_officer, other_district_clerk, city_officer, qiaocheng_org, guoyang_org):
    # given one file in each district
    mine = upload(qiaocheng_org, district_officer)
    theirs = upload(guoyang_org, other_district_clerk)

    # then
    assert list(archive_file_list(user=district_officer)) == [mine]
    assert list(archive_file_list(user=other_district_clerk)) == [theirs]
    assert set(archive_file_list(user=city_officer)) == {mine, theirs}


def test_non_staff_see_nothing(district_officer, qiaocheng_org, applicant, auditor, system_admin):
    # given
    upload(qiaocheng_org, district_officer)

    # then applicants and the administrator roles read no archive
    for user in (applicant, auditor, system_admin):
        assert not archive_file_list(user=user).exists()


def test_get_returns_404_for_another_district(district_officer, other_district_clerk, guoyang_org):
    # given
    theirs = upload(guoyang_org, other_district_clerk)

    # when / then
    with pytest.raises(Http404):
        archive_file_get(user=district_officer, pk=theirs.pk)
    assert archive_file_get(user=other_district_clerk, pk=theirs.pk) == theirs


def test_files_for_a_hidden_owner_are_none(district_officer, other_district_clerk, guoyang_org):
    # given
    upload(guoyang_org, other_district_clerk)

    # then
    assert not archive_files_for(user=district_officer, owner=guoyang_org).exists()
    assert archive_files_for(user=other_district_clerk, owner=guoyang_org).count() == 1


def test_deleted_files_only_on_request(district_officer, qiaocheng_org):
    # given
    file = upload(qiaocheng_org, district_officer)
    archive_file_delete(file=file, reason="误传", acting_user=district_officer)

    # then
    assert not archive_files_for(user=district_officer, owner=qiaocheng_org).exists()
    assert list(archive_files_for(user=district_officer, owner=qiaocheng_org, include_deleted=True)) == [file]
    assert archive_file_get(user=district_officer, pk=file.pk) == file


def test_owner_without_region_is_visible_to_any_staff(district_officer, other_district_clerk, city_officer):
    # given a reference record without a region (a code table)
    from anju.core.models import Dictionary

    dictionary = Dictionary.objects.create(code="demo", name="示例代码表")
    file = upload(dictionary, city_officer)

    # then
    assert file.region_code == ""
    assert archive_file_get(user=district_officer, pk=file.pk) == file
    assert list(archive_files_for(user=other_district_clerk, owner=dictionary)) == [file]


def test_owner_from_ref(district_officer, qiaocheng_org, guoyang_org, demo_regions):
    # then a visible record resolves, a hidden one is 404, a malformed one is a validation error
    assert owner_from_ref(user=district_officer, ref=f"accounts.organisation:{qiaocheng_org.pk}") == qiaocheng_org
    assert owner_from_ref(user=district_officer, ref="core.region:341602001001") == demo_regions["341602001001"]
    for ref in (f"accounts.organisation:{guoyang_org.pk}", "core.region:341621000000", "accounts.organisation:999999", "accounts.organisation:abc", "audit.auditevent:1", "auth.group:1"):
        with pytest.raises(Http404):
            owner_from_ref(user=district_officer, ref=ref)
    for ref in ("", "organisation", "nosuch.model:1", "accounts:1"):
        with pytest.raises(ValidationError):
            owner_from_ref(user=district_officer, ref=ref)
