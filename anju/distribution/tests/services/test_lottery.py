"""Lottery of a round: list and commitment published before, seed revealed after, result immutable, substitutes follow."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from anju.distribution import lottery as engine
from anju.distribution.choices import LotteryState, RoundMethod, RoundState
from anju.distribution.models import LotteryParticipant, QueueEntry
from anju.distribution.services.lottery import lottery_commit, lottery_draw, lottery_outcome, lottery_verification
from anju.distribution.services.rounds import round_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(small_plan, district_officer):
    round_ = round_create(plan=small_plan, method=RoundMethod.LOTTERY, acting_user=district_officer)
    lottery = lottery_commit(round_=round_, winners_count=2, substitutes_count=1, acting_user=district_officer)
    return round_, lottery


def test_commit_publishes_list_digest_and_commitment_only(committed):
    round_, lottery = committed
    tickets = list(LotteryParticipant.objects.filter(lottery=lottery).values_list("ticket", flat=True))
    assert len(tickets) == 4 and lottery.participant_count == 4
    assert lottery.participants_digest == engine.participants_digest(tickets)
    assert lottery.seed == ""  # not revealed
    assert lottery.sealed_seed and engine.seed_commitment(lottery.sealed_seed) == lottery.seed_commitment
    round_.refresh_from_db()
    assert round_.state == RoundState.COMMITTED
    assert not LotteryParticipant.objects.filter(lottery=lottery, rank__isnull=False).exists()


def test_draw_reveals_seed_ranks_everyone_and_queues_winners_then_substitutes(committed, district_officer):
    round_, lottery = committed
    # when
    lottery = lottery_draw(lottery=lottery, acting_user=district_officer)
    # then
    assert lottery.state == LotteryState.DRAWN and len(lottery.seed) == 64 and lottery.sealed_seed == ""
    ranks = dict(LotteryParticipant.objects.filter(lottery=lottery).values_list("ticket", "rank"))
    expected = engine.draw(seed=lottery.seed, tickets=ranks, winners=2, substitutes=1)
    assert ranks == expected.ranks
    assert list(
        LotteryParticipant.objects.filter(lottery=lottery, is_substitute=True).values_list("rank", flat=True)
    ) == [3]
    queue = list(QueueEntry.objects.filter(round=round_).order_by("position").values_list("position", "explanation"))
    assert [(p, lottery_outcome(e, p)) for p, e in queue] == [(1, "正选"), (2, "正选"), (3, "候补")]
    assert queue[0][1]["lottery"] == lottery.number
    assert lottery_verification(lottery=lottery).ok
    assert lottery.round.state == RoundState.DRAWN
    # audited with the revealed seed and the result digest
    from anju.audit.models import AuditEvent

    event = AuditEvent.objects.filter(detail__event="DISTRIBUTION_LOTTERY_DRAWN").get()
    assert event.detail["seed"] == lottery.seed and event.detail["result_digest"] == lottery.result_digest
    assert event.user == district_officer


def test_result_is_immutable(committed, district_officer):
    _, lottery = committed
    lottery_draw(lottery=lottery, acting_user=district_officer)
    before = dict(LotteryParticipant.objects.filter(lottery=lottery).values_list("ticket", "rank"))
    with pytest.raises(ValidationError, match="不能重新摇号"):
        lottery_draw(lottery=lottery, acting_user=district_officer)
    with pytest.raises(ValidationError, match="不能重新摇号"):
        lottery_draw(lottery=lottery, acting_user=district_officer, seed="ab" * 32)
    assert dict(LotteryParticipant.objects.filter(lottery=lottery).values_list("ticket", "rank")) == before


def test_a_notary_seed_must_match_the_commitment(committed, district_officer):
    _, lottery = committed
    with pytest.raises(ValidationError) as info:
        lottery_draw(lottery=lottery, acting_user=district_officer, seed="ab" * 32)
    assert "种子承诺" in str(info.value)
    lottery.refresh_from_db()
    assert lottery.state == LotteryState.COMMITTED
    # the right seed (as the notary would type it, upper case) is accepted
    drawn = lottery_draw(lottery=lottery, acting_user=district_officer, seed=lottery.sealed_seed.upper())
    assert drawn.state == LotteryState.DRAWN


def test_changed_list_after_commit_refuses_the_draw(committed, district_officer):
    _, lottery = committed
    LotteryParticipant.objects.filter(lottery=lottery).first().delete()
    with pytest.raises(ValidationError, match="名单摘要不符"):
        lottery_draw(lottery=lottery, acting_user=district_officer)


def test_tampered_rank_fails_verification_and_command(committed, district_officer, capsys):
    _, lottery = committed
    lottery_draw(lottery=lottery, acting_user=district_officer)
    # the command reports OK
    call_command("lottery_verify", lottery.number)
    assert "核验通过" in capsys.readouterr().out
    # when: someone edits the stored ranks in the database
    first = LotteryParticipant.objects.get(lottery=lottery, rank=1)
    second = LotteryParticipant.objects.get(lottery=lottery, rank=2)
    LotteryParticipant.objects.filter(pk=first.pk).update(rank=2)
    LotteryParticipant.objects.filter(pk=second.pk).update(rank=1)
    # then
    assert not lottery_verification(lottery=lottery).ok
    with pytest.raises(SystemExit) as exit_info:
        call_command("lottery_verify", lottery.number)
    assert exit_info.value.code == 1
    assert "核验不通过" in capsys.readouterr().out


def test_tampered_seed_fails_the_commitment(committed, district_officer):
    _, lottery = committed
    lottery_draw(lottery=lottery, acting_user=district_officer)
    lottery.refresh_from_db()
    type(lottery).objects.filter(pk=lottery.pk).update(seed="cd" * 32)
    lottery.refresh_from_db()
    verification = lottery_verification(lottery=lottery)
    assert not verification.commitment_ok and not verification.ok


def test_waitlist_round_has_no_lottery(small_plan, district_officer):
    round_ = round_create(plan=small_plan, method=RoundMethod.WAITLIST, acting_user=district_officer)
    with pytest.raises(ValidationError, match="不需要摇号"):
        lottery_commit(round_=round_, acting_user=district_officer)
