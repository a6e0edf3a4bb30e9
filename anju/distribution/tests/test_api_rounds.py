"""API of rounds: scoped reads, writes through the services, the public lottery record without login."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from anju.distribution.models import AllocationRound, Selection

pytestmark = pytest.mark.django_db
BASE = "/api/v1/distribution"


@pytest.fixture
def api(district_officer):
    client = APIClient()
    client.force_authenticate(district_officer)
    return client


def test_waitlist_round_through_the_api(api, small_plan, other_district_clerk):
    # create
    response = api.post(f"{BASE}/rounds/", {"plan": small_plan.pk, "method": "waitlist"}, format="json")
    assert response.status_code == 201, response.json()
    pk = response.json()["id"]
    # compute and read the queue with explanations
    assert api.post(f"{BASE}/rounds/{pk}/queue/compute/").json() == {"count": 4}
    queue = api.get(f"{BASE}/rounds/{pk}/queue/").json()["results"]
    assert queue[0]["group"] == "优先组1" and queue[0]["explanation"]["points"] == "30.00"
    assert "*" in queue[0]["applicant_name"]
    # reorder needs a decision
    entry = queue[-1]["id"]
    bad = api.post(
        f"{BASE}/queue/{entry}/reorder/", {"to_position": 1, "reason": "", "decision_number": ""}, format="json"
    )
    assert bad.status_code == 400 and "decision_number" in bad.json()["errors"]
    ok = api.post(
        f"{BASE}/queue/{entry}/reorder/", {"to_position": 1, "reason": "复核", "decision_number": "D-9"}, format="json"
    )
    assert ok.status_code == 201
    # selection
    starts = (timezone.now() - timedelta(minutes=1)).isoformat()
    assert api.post(f"{BASE}/rounds/{pk}/selections/open/", {"starts_at": starts}, format="json").json() == {"count": 4}
    first = Selection.objects.get(round_id=pk, order=1)
    unit = small_plan.resources.order_by("id").first().unit
    chosen = api.post(f"{BASE}/selections/{first.pk}/choose/", {"unit": unit.pk}, format="json")
    assert chosen.status_code == 200 and chosen.json()["status"] == "chosen"
    second = Selection.objects.get(round_id=pk, order=2)
    taken = api.post(f"{BASE}/selections/{second.pk}/choose/", {"unit": unit.pk}, format="json")
    assert taken.status_code == 400 and "已被其他家庭选定" in str(taken.json())
    assert api.post(f"{BASE}/selections/{first.pk}/confirm/").json()["is_reviewed"] is True
    # another district sees nothing
    other = APIClient()
    other.force_authenticate(other_district_clerk)
    assert other.get(f"{BASE}/rounds/{pk}/").status_code == 404
    assert other.get(f"{BASE}/rounds/").json()["count"] == 0


def test_lottery_through_the_api_and_public_record(api, small_plan):
    pk = api.post(f"{BASE}/rounds/", {"plan": small_plan.pk, "method": "lottery"}, format="json").json()["id"]
    committed = api.post(
        f"{BASE}/rounds/{pk}/lottery/commit/", {"winners_count": 2, "substitutes_count": 1}, format="json"
    )
    assert committed.status_code == 201 and committed.json()["seed"] == ""
    drawn = api.post(f"{BASE}/rounds/{pk}/lottery/draw/", {}, format="json").json()
    assert drawn["state"] == "drawn" and len(drawn["seed"]) == 64
    again = api.post(f"{BASE}/rounds/{pk}/lottery/draw/", {}, format="json")
    assert again.status_code == 400
    verified = api.post(f"{BASE}/rounds/{pk}/lottery/verify/").json()
    assert verified["ok"] is True and verified["verdict"] == "核验通过"
    public = APIClient().get(f"{BASE}/public/lotteries/{drawn['number']}/")
    assert public.status_code == 200 and public.json()["verification"]["ok"] is True
    assert AllocationRound.objects.get(pk=pk).state == "drawn"
