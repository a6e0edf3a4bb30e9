"""Staff pages of rounds (list, detail, actions) and the public lottery page."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from anju.distribution.choices import LotteryState, RoundMethod, RoundState, SelectionStatus
from anju.distribution.models import AllocationRound, Lottery, QueueEntry, QueueReorder, Selection

pytestmark = pytest.mark.django_db


def _login(client, user):
    client.force_login(user)
    return client


def test_index_and_list(client, small_plan, district_officer):
    _login(client, district_officer)
    response = client.get(reverse("distribution:index"))
    assert response.status_code == 200
    assert "配给批次" in response.content.decode()
    response = client.post(
        reverse("distribution:round_create"),
        {"plan": small_plan.pk, "method": RoundMethod.WAITLIST, "window_minutes": 20, "name": ""},
    )
    round_ = AllocationRound.objects.get()
    assert response.status_code == 302 and response["Location"] == round_.get_absolute_url()
    listing = client.get(reverse("distribution:round_list"), {"state": RoundState.DRAFT})
    assert round_.number in listing.content.decode()
    assert (
        round_.number
        not in client.get(reverse("distribution:round_list"), {"state": RoundState.CLOSED}).content.decode()
    )
    export = client.get(reverse("distribution:round_list"), {"export": "xlsx"})
    assert export.status_code == 200 and export["Content-Type"].startswith("application/vnd.openxmlformats")


def test_roles_and_jurisdiction(client, small_plan, district_officer, other_district_clerk, applicant):
    from anju.distribution.services.rounds import round_create

    round_ = round_create(plan=small_plan, acting_user=district_officer)
    _login(client, other_district_clerk)
    assert client.get(round_.get_absolute_url()).status_code == 404
    assert client.post(reverse("distribution:queue_compute", args=[round_.pk])).status_code == 404
    client.logout()
    _login(client, applicant)
    assert client.get(reverse("distribution:index")).status_code == 403
    client.logout()
    assert client.get(reverse("distribution:round_list")).status_code == 302  # to login


def test_waitlist_flow_through_the_pages(client, small_plan, district_officer):
    _login(client, district_officer)
    client.post(
        reverse("distribution:round_create"),
        {"plan": small_plan.pk, "method": RoundMethod.WAITLIST, "window_minutes": 30},
    )
    round_ = AllocationRound.objects.get()
    # compute the order
    client.post(reverse("distribution:queue_compute", args=[round_.pk]))
    page = client.get(round_.get_absolute_url()).content.decode()
    assert "优先组1" in page and "最低生活保障家庭优先：是（+20.00）" in page
    # a reorder without a decision is refused and keeps what was typed
    entry = QueueEntry.objects.get(round=round_, group="普通组", position=3)
    response = client.post(
        reverse("distribution:queue_reorder", args=[entry.pk]),
        {"to_position": 1, "decision_number": "谯住保〔2026〕3号", "reason": ""},
    )
    assert response.status_code == 200 and "谯住保〔2026〕3号" in response.content.decode()
    assert not QueueReorder.objects.exists()
    client.post(
        reverse("distribution:queue_reorder", args=[entry.pk]),
        {"to_position": 1, "decision_number": "谯住保〔2026〕3号", "reason": "复核后调整"},
    )
    assert QueueReorder.objects.count() == 1
    assert "谯住保〔2026〕3号" in client.get(round_.get_absolute_url()).content.decode()
    # open selection and choose
    starts = timezone.localtime() - timedelta(minutes=1)
    client.post(
        reverse("distribution:selections_open", args=[round_.pk]),
        {"starts_at": starts.strftime("%Y-%m-%dT%H:%M"), "window_minutes": 30},
    )
    first = Selection.objects.get(round=round_, order=1)
    form_page = client.get(reverse("distribution:selection_choose", args=[first.pk])).content.decode()
    unit = small_plan.resources.order_by("id").first().unit
    assert unit.room_number in form_page
    client.post(reverse("distribution:selection_choose", args=[first.pk]), {"unit": unit.pk})
    first.refresh_from_db()
    assert first.status == SelectionStatus.CHOSEN and first.unit == unit
    detail = client.get(round_.get_absolute_url()).content.decode()
    assert "选房看板" in detail and "已配给" in detail
    # the queue list exports with the explanation
    export = client.get(reverse("distribution:queue_list", args=[round_.pk]), {"export": "xlsx"})
    assert export.status_code == 200


def test_lottery_flow_and_public_page(client, small_plan, district_officer):
    _login(client, district_officer)
    client.post(
        reverse("distribution:round_create"),
        {"plan": small_plan.pk, "method": RoundMethod.LOTTERY, "window_minutes": 30},
    )
    round_ = AllocationRound.objects.get()
    client.post(reverse("distribution:lottery_commit", args=[round_.pk]), {"winners_count": 2, "substitutes_count": 1})
    lottery = Lottery.objects.get()
    public_url = reverse("distribution:lottery_public", args=[lottery.number])
    assert public_url == f"/distribution/public/lottery/{lottery.number}/"
    # a wrong notary seed is refused on the form
    response = client.post(reverse("distribution:lottery_draw", args=[round_.pk]), {"seed": "ab" * 32})
    assert response.status_code == 200 and "种子承诺" in response.content.decode()
    client.post(reverse("distribution:lottery_draw", args=[round_.pk]), {"seed": ""})
    lottery.refresh_from_db()
    assert lottery.state == LotteryState.DRAWN
    detail = client.get(round_.get_absolute_url()).content.decode()
    assert "核验通过" in detail and lottery.seed in detail and "正选" in detail
    assert client.post(reverse("distribution:lottery_verify", args=[round_.pk])).status_code == 302
    client.logout()
    # the public page: no login, digests, seed, verdict, masked names only
    page = client.get(public_url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "核验通过" in html and lottery.seed in html and lottery.participants_digest in html
    names = [h.register_entry.applicant_name for h in small_plan.households.select_related("register_entry")]
    assert all(name not in html for name in names)
    assert all(name[0] + "*" in html for name in names)
    assert client.get(reverse("distribution:lottery_public", args=["YH000"])).status_code == 404
