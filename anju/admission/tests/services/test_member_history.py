"""毕业日期 and 连续缴纳社保月数 of members: stored, validated in Chinese, shown by the API."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from rest_framework.test import APIClient

from anju.admission.services import member_add
from anju.admission.tests.factories import member_data


def test_member_with_graduation_and_social_insurance_is_stored(draft, community_clerk):
    member = member_add(
        application=draft,
        acting_user=community_clerk,
        **member_data(graduation_date=date(2010, 7, 1), social_insurance_months=36),
    )
    member.refresh_from_db()
    assert member.graduation_date == date(2010, 7, 1) and member.social_insurance_months == 36


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"graduation_date": timezone.localdate() + timedelta(days=1)}, "graduation_date", "毕业日期不能晚于今天"),
        ({"graduation_date": date(1990, 7, 1)}, "graduation_date", "出生满10周岁之后"),  # born 1987
        ({"social_insurance_months": 721}, "social_insurance_months", "不能超过720个月"),
        ({"social_insurance_months": 12 * 30}, "social_insurance_months", "满16周岁以来的月数"),
    ],
)
def test_impossible_values_are_refused_in_chinese(draft, community_clerk, fields, field, message):
    with pytest.raises(ValidationError) as excinfo:
        member_add(application=draft, acting_user=community_clerk, **member_data(**fields))
    assert any(message in m for m in excinfo.value.message_dict[field])
    assert draft.members.count() == 1


def test_api_accepts_and_shows_the_fields(draft, community_clerk):
    api = APIClient()
    api.force_authenticate(community_clerk)
    data = {
        **member_data(),
        "annual_income": "24000.00",
        "graduation_date": "2009-07-01",
        "social_insurance_months": 48,
    }
    response = api.post(f"/api/v1/households/{draft.pk}/members/", data, format="json")
    assert response.status_code == 201, response.content
    body = api.get(f"/api/v1/households/{draft.pk}/").json()
    spouse = body["members"][1]
    assert spouse["graduation_date"] == "2009-07-01" and spouse["social_insurance_months"] == 48
    bad = api.post(f"/api/v1/households/{draft.pk}/members/", {**data, "social_insurance_months": 9999}, format="json")
    assert bad.status_code == 400


def test_member_form_has_the_fields(client, draft, community_clerk):
    from django.urls import reverse

    client.force_login(community_clerk)
    html = client.get(reverse("admission:member_add", args=[draft.pk])).content.decode()
    assert "毕业日期" in html and "连续缴纳社保月数" in html
