"""Open lists next to the publicity lists (no login): 轮候名单, 摇号结果 and 失信名单, people masked."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from anju.distribution.tests.conftest import program, small_plan  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db


def _names(plan):
    return [h.register_entry.applicant_name for h in plan.households.select_related("register_entry")]


def test_waitlist_is_public_masked_and_dated(client, small_plan, district_officer):  # noqa: F811
    # given: a round whose order is computed
    from anju.distribution.services.rounds import round_create
    from anju.distribution.services.waitlist import queue_compute

    round_ = round_create(plan=small_plan, acting_user=district_officer, name="2026年第一批轮候")
    queue_compute(round_=round_, acting_user=district_officer)
    round_.refresh_from_db()
    # when: a visitor opens the list of rounds and the round
    listing = client.get(reverse("portal:waitlists"))
    page = client.get(reverse("portal:waitlist", args=[round_.number]))
    # then
    assert listing.status_code == 200 and page.status_code == 200
    listing_html, html = listing.content.decode(), page.content.decode()
    assert "2026年第一批轮候" in listing_html
    assert timezone.localtime(round_.ordered_at).strftime("%Y-%m-%d") in listing_html
    assert html.count('data-testid="waitlist-row"') == 4
    assert "优先组1" in html and "普通组" in html and "30.00" in html
    names = _names(small_plan)
    assert all(name not in html for name in names)
    assert all(name[0] + "*" in html for name in names)
    for entry in small_plan.households.select_related("register_entry"):
        assert entry.register_entry.number not in html


def test_draft_round_is_not_published(client, small_plan, district_officer):  # noqa: F811
    from anju.distribution.services.rounds import round_create

    round_ = round_create(plan=small_plan, acting_user=district_officer)
    assert client.get(reverse("portal:waitlist", args=[round_.number])).status_code == 404
    assert 'data-testid="open-list-empty"' in client.get(reverse("portal:waitlists")).content.decode()


def test_waitlist_is_paginated(client, small_plan, district_officer, settings):  # noqa: F811
    from anju.distribution.services.rounds import round_create
    from anju.distribution.services.waitlist import queue_compute
    from anju.portal import views_public

    round_ = round_create(plan=small_plan, acting_user=district_officer)
    queue_compute(round_=round_, acting_user=district_officer)
    url = reverse("portal:waitlist", args=[round_.number])
    original = views_public.OPEN_LIST_PAGE_SIZE
    views_public.OPEN_LIST_PAGE_SIZE = 3
    try:
        first = client.get(url).content.decode()
        second = client.get(url, {"page": 2}).content.decode()
        beyond = client.get(url, {"page": "x"}).content.decode()
    finally:
        views_public.OPEN_LIST_PAGE_SIZE = original
    assert first.count('data-testid="waitlist-row"') == 3 and "第 1 / 2 页" in first and "下一页" in first
    assert second.count('data-testid="waitlist-row"') == 1 and "上一页" in second
    assert "第 1 / 2 页" in beyond  # a bad page number shows the first page


def test_lottery_list_links_to_the_verification_page(client, small_plan, district_officer):  # noqa: F811
    # given: a drawn lottery
    from anju.distribution.choices import RoundMethod
    from anju.distribution.services.lottery import lottery_commit, lottery_draw
    from anju.distribution.services.rounds import round_create

    round_ = round_create(plan=small_plan, acting_user=district_officer, method=RoundMethod.LOTTERY, name="摇号批次")
    lottery = lottery_commit(round_=round_, acting_user=district_officer, winners_count=2, substitutes_count=1)
    lottery = lottery_draw(lottery=lottery, acting_user=district_officer)
    # when
    response = client.get(reverse("portal:lotteries"))
    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('data-testid="lottery-line"') == 1
    public_url = reverse("distribution:lottery_public", args=[lottery.number])
    assert f'href="{public_url}"' in html and "查看结果并核验" in html
    assert lottery.number in html and "摇号批次" in html
    assert timezone.localtime(lottery.drawn_at).strftime("%Y-%m-%d") in html
    assert all(name not in html for name in _names(small_plan))
    assert client.get(public_url).status_code == 200


def test_credit_list_is_public_masked_and_only_serious_published(client, district_officer, dictionaries):
    # given: one public 严重失信 record and one not published
    from anju.supervision.tests.factories import PERSON_ID, credit_record

    credit_record(district_officer, publish=True)
    credit_record(district_officer, subject_name="李小河", listed_on=timezone.localdate() - timedelta(days=1))
    # when
    response = client.get(reverse("portal:credit_list"))
    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('data-testid="credit-entry"') == 1
    assert "张**" in html and "张大山" not in html and "李**" not in html
    assert PERSON_ID not in html and PERSON_ID[:6] in html and PERSON_ID[-4:] in html
    assert (timezone.localdate() - timedelta(days=30)).strftime("%Y-%m-%d") in html
    assert "严重失信" in html


def test_publicity_page_has_tabs_to_the_open_lists(client, demo_regions):
    html = client.get(reverse("portal:publicity")).content.decode()
    for name in ("portal:waitlists", "portal:lotteries", "portal:credit_list"):
        assert f'href="{reverse(name)}"' in html
    assert 'aria-current="page"' in html
