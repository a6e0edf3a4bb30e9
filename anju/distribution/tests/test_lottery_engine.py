"""The pure draw engine: deterministic in (seed, list); any change to either changes the result and fails verification."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from anju.distribution import lottery as engine

SEED = "0f" * 32
TICKETS = [f"DJ3416022026{n:06d}" for n in range(1, 51)]


def _verify(result, *, seed=SEED, tickets=TICKETS, commitment=None, list_digest=None):
    return engine.verify(
        seed=seed,
        commitment=commitment or engine.seed_commitment(SEED),
        tickets=tickets,
        list_digest=list_digest or engine.participants_digest(TICKETS),
        stored_order=result.ordered,
        stored_result_digest=result.result_digest,
        winners=result.winners,
        substitutes=result.substitutes,
    )


def test_draw_is_deterministic_and_a_permutation():
    first = engine.draw(seed=SEED, tickets=TICKETS, winners=10, substitutes=5)
    second = engine.draw(seed=SEED, tickets=list(reversed(TICKETS)), winners=10, substitutes=5)
    assert first.ordered == second.ordered  # the input order does not matter, only the set
    assert sorted(first.ordered) == sorted(TICKETS)
    assert first.result_digest == second.result_digest
    assert first.outcome(10) == "正选" and first.outcome(11) == "候补" and first.outcome(16) == "未中签"


def test_known_answer():
    # the algorithm is fixed: this vector must never change (published verifiers rely on it)
    result = engine.draw(seed=SEED, tickets=["A", "B", "C"], winners=1)
    digest = engine.participants_digest(["A", "B", "C"])
    from anju.core.crypto import get_provider

    keys = {t: get_provider().sm3_hex(f"{SEED}\x00{digest}\x00{t}".encode()) for t in "ABC"}
    assert result.ordered == tuple(sorted("ABC", key=lambda t: keys[t]))
    assert digest == get_provider().sm3_hex(b"anju-lottery-v1\nA\nB\nC")


def test_verification_passes_on_the_published_data():
    result = engine.draw(seed=SEED, tickets=TICKETS, winners=10)
    verification = _verify(result)
    assert verification.ok and verification.verdict == "核验通过"
    assert verification.mismatches == []


def test_changed_seed_changes_result_and_fails_verification():
    result = engine.draw(seed=SEED, tickets=TICKETS, winners=10)
    other = engine.draw(seed="1f" * 32, tickets=TICKETS, winners=10)
    assert other.ordered != result.ordered
    verification = _verify(result, seed="1f" * 32)
    assert not verification.ok
    assert not verification.commitment_ok  # the revealed seed does not match the commitment
    assert not verification.result_ok


def test_changed_list_changes_result_and_fails_verification():
    result = engine.draw(seed=SEED, tickets=TICKETS, winners=10)
    changed = [*TICKETS[:-1], "DJ3416022026999999"]
    assert engine.draw(seed=SEED, tickets=changed, winners=10).ordered != result.ordered
    verification = _verify(result, tickets=changed)
    assert not verification.ok
    assert not verification.list_ok
    assert "名单" in verification.mismatches[0]


def test_removing_one_participant_reorders_everyone_else():
    result = engine.draw(seed=SEED, tickets=TICKETS, winners=10)
    smaller = engine.draw(seed=SEED, tickets=TICKETS[1:], winners=10)
    remaining = [t for t in result.ordered if t != TICKETS[0]]
    assert list(smaller.ordered) != remaining  # the list digest is in every key


def test_tampered_stored_result_fails():
    result = engine.draw(seed=SEED, tickets=TICKETS, winners=10)
    swapped = list(result.ordered)
    swapped[0], swapped[1] = swapped[1], swapped[0]
    verification = engine.verify(
        seed=SEED,
        commitment=engine.seed_commitment(SEED),
        tickets=TICKETS,
        list_digest=engine.participants_digest(TICKETS),
        stored_order=swapped,
        winners=10,
    )
    assert not verification.result_ok
    assert "自第 1 名起" in verification.mismatches[0]


def test_commitment_mismatch_detected():
    result = engine.draw(seed=SEED, tickets=TICKETS, winners=10)
    verification = _verify(result, commitment=engine.seed_commitment("2f" * 32))
    assert not verification.commitment_ok
    assert not verification.ok
    assert verification.list_ok and verification.result_ok


def test_bad_input_refused():
    with pytest.raises(engine.LotteryInputError):
        engine.draw(seed="short", tickets=TICKETS, winners=1)
    with pytest.raises(engine.LotteryInputError, match="重复"):
        engine.draw(seed=SEED, tickets=["A", "A"], winners=1)
    with pytest.raises(engine.LotteryInputError):
        engine.participants_digest(["A\nB"])


def test_seed_generation_is_random_hex():
    a, b = engine.seed_generate(), engine.seed_generate()
    assert a != b and len(a) == 64 and engine.seed_check(a) == a


@settings(max_examples=40, deadline=None)
@given(
    tickets=st.sets(st.text(alphabet="ABCDEFGHJK0123456789", min_size=1, max_size=8), min_size=1, max_size=40),
    seed=st.binary(min_size=32, max_size=32),
)
def test_property_verifies_and_is_permutation(tickets, seed):
    seed_hex = seed.hex()
    result = engine.draw(seed=seed_hex, tickets=tickets, winners=1)
    assert sorted(result.ordered) == sorted(tickets)
    verification = engine.verify(
        seed=seed_hex,
        commitment=engine.seed_commitment(seed_hex),
        tickets=tickets,
        list_digest=engine.participants_digest(tickets),
        stored_order=result.ordered,
        stored_result_digest=result.result_digest,
        winners=1,
    )
    assert verification.ok
