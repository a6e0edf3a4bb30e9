"""The lottery draw engine (摇号), pure: no database, only SM3 through the project's crypto provider.

Algorithm ``anju-lottery-sm3-v1`` (docs/apps/distribution.md explains it for the public):

1. **Participant list.** The published tickets (登记编号 of each household), sorted by code point,
   one per line after the header line ``anju-lottery-v1``, UTF-8, lines joined by ``\\n``. Its SM3
   hex digest is the *list digest*, published with the list before the draw.
2. **Seed and commitment.** The seed is 32 random bytes written as 64 lowercase hex characters.
   Before the draw only the *commitment* ``SM3(seed)`` (the 64 ASCII characters hashed as UTF-8)
   is published; after the draw the seed is revealed and anyone checks it against the commitment.
3. **Draw.** Each ticket gets the key ``SM3(seed ‖ 0x00 ‖ list digest ‖ 0x00 ‖ ticket)``; the
   tickets sorted by key (then by ticket, a tie that SM3 makes practically impossible) give the
   ranks 1, 2, 3 …. Rank ≤ winners is 正选, the next ``substitutes`` ranks are 候补 in rank order.
   The key binds the list digest, so a changed list changes every key; a changed seed likewise.
4. **Result digest.** ``SM3`` of the lines ``<rank>:<ticket>`` joined by ``\\n`` in rank order.

The draw is a deterministic function of (seed, list): `draw` run twice on the same input gives
the same ranks, and `verify` recomputes everything from the published data.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

ALGORITHM = "anju-lottery-sm3-v1"
LIST_HEADER = "anju-lottery-v1"
SEED_BYTES = 32


def _sm3_hex(data: bytes) -> str:
    from anju.core.crypto import get_provider

    return get_provider().sm3_hex(data)


class LotteryInputError(ValueError):
    """The participant list or the seed is not acceptable (Chinese message)."""


def canonical_tickets(tickets: Iterable[str]) -> list[str]:
    """The tickets in published order (sorted by code point); refuses duplicates, blanks and line breaks."""
    ordered = sorted(tickets)
    for index, ticket in enumerate(ordered):
        if not ticket or ticket != ticket.strip() or "\n" in ticket or "\r" in ticket:
            raise LotteryInputError(f"参与编号无效：{ticket!r}。")
        if index and ordered[index - 1] == ticket:
            raise LotteryInputError(f"参与编号重复：{ticket}。")
    return ordered


def participant_list_text(tickets: Iterable[str]) -> str:
    """The published participant list as text (header line, then one ticket a line)."""
    return "\n".join([LIST_HEADER, *canonical_tickets(tickets)])


def participants_digest(tickets: Iterable[str]) -> str:
    """SM3 of the published participant list."""
    return _sm3_hex(participant_list_text(tickets).encode("utf-8"))


def seed_generate() -> str:
    """A fresh random seed: 32 bytes from the operating system's CSPRNG, as 64 hex characters."""
    return secrets.token_hex(SEED_BYTES)


def seed_commitment(seed: str) -> str:
    """The commitment published before the draw: SM3 of the seed's characters."""
    return _sm3_hex(seed.encode("utf-8"))


def seed_check(seed: str) -> str:
    """The seed normalised (lowercase hex, 64 characters) or LotteryInputError."""
    value = (seed or "").strip().lower()
    if len(value) != SEED_BYTES * 2 or any(c not in "0123456789abcdef" for c in value):
        raise LotteryInputError("种子应为 64 位十六进制字符。")
    return value


@dataclass(frozen=True)
class DrawResult:
    """The outcome of a draw: tickets in rank order, with the list digest and the result digest."""

    ordered: tuple[str, ...]
    list_digest: str
    result_digest: str
    winners: int
    substitutes: int

    @property
    def ranks(self) -> dict[str, int]:
        """{ticket: rank} (1-based)."""
        return {ticket: rank for rank, ticket in enumerate(self.ordered, start=1)}

    def outcome(self, rank: int) -> str:
        """正选 / 候补 / 未中签 for a rank."""
        if rank <= self.winners:
            return "正选"
        if rank <= self.winners + self.substitutes:
            return "候补"
        return "未中签"


def result_digest(ordered: Sequence[str]) -> str:
    """SM3 of '<rank>:<ticket>' lines in rank order."""
    text = "\n".join(f"{rank}:{ticket}" for rank, ticket in enumerate(ordered, start=1))
    return _sm3_hex(text.encode("utf-8"))


def draw(*, seed: str, tickets: Iterable[str], winners: int, substitutes: int = 0) -> DrawResult:
    """Rank every ticket by SM3(seed ‖ 0 ‖ list digest ‖ 0 ‖ ticket); deterministic in (seed, list)."""
    seed = seed_check(seed)
    ordered_list = canonical_tickets(tickets)
    if winners < 0 or substitutes < 0:
        raise LotteryInputError("名额不能为负数。")
    list_text = "\n".join([LIST_HEADER, *ordered_list]).encode("utf-8")
    list_digest = _sm3_hex(list_text)
    prefix = f"{seed}\x00{list_digest}\x00".encode()
    sm3 = _sm3_hex
    keyed = sorted((sm3(prefix + ticket.encode("utf-8")), ticket) for ticket in ordered_list)
    ordered = tuple(ticket for _, ticket in keyed)
    return DrawResult(
        ordered=ordered,
        list_digest=list_digest,
        result_digest=result_digest(ordered),
        winners=winners,
        substitutes=substitutes,
    )


@dataclass
class Verification:
    """What `verify` found: each check with its verdict, and the recomputed draw."""

    commitment_ok: bool
    list_ok: bool
    result_ok: bool
    recomputed: DrawResult | None
    mismatches: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every check passed."""
        return self.commitment_ok and self.list_ok and self.result_ok

    @property
    def verdict(self) -> str:
        """核验通过 / 核验不通过."""
        return "核验通过" if self.ok else "核验不通过"


def verify(
    *,
    seed: str,
    commitment: str,
    tickets: Iterable[str],
    list_digest: str,
    stored_order: Sequence[str],
    stored_result_digest: str = "",
    winners: int,
    substitutes: int = 0,
) -> Verification:
    """Recompute a draw from the published data and compare with what is stored."""
    mismatches: list[str] = []
    try:
        seed = seed_check(seed)
    except LotteryInputError as exc:
        return Verification(False, False, False, None, [str(exc)])
    commitment_ok = seed_commitment(seed) == (commitment or "").lower()
    if not commitment_ok:
        mismatches.append("公开的种子与摇号前公布的种子承诺不符。")
    recomputed = draw(seed=seed, tickets=tickets, winners=winners, substitutes=substitutes)
    list_ok = recomputed.list_digest == (list_digest or "").lower()
    if not list_ok:
        mismatches.append("参与名单与摇号前公布的名单摘要不符。")
    result_ok = tuple(stored_order) == recomputed.ordered
    if not result_ok:
        first = next(
            (i for i, (a, b) in enumerate(zip(stored_order, recomputed.ordered, strict=False), start=1) if a != b),
            min(len(stored_order), len(recomputed.ordered)) + 1,
        )
        mismatches.append(f"保存的摇号结果与重新计算的结果不符（自第 {first} 名起）。")
    if stored_result_digest and stored_result_digest != recomputed.result_digest:
        result_ok = False
        mismatches.append("结果摘要与重新计算的结果摘要不符。")
    return Verification(commitment_ok, list_ok, result_ok, recomputed, mismatches)
