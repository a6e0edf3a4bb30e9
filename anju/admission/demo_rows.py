"""Turn generated demo households into database rows: encrypt, blind-index, render (demo_data).

This module does not import Django: `demo_data` runs it in worker processes (one batch each),
so encryption and HMAC — the costliest part — use both cores while the main process generates
the next batch and writes the previous one. Everything a worker needs comes in one picklable
`RenderSpec` built by the command from the model metadata (column order, the prepared default
of every column that is not generated, the adapted timestamps).

Two output modes: `copy` gives one text block per table in PostgreSQL `COPY … FROM STDIN`
text format; `rows` gives tuples for `executemany` (SQLite and other databases).

Crypto: with the software provider the worker holds the keys and reuses one SM4 algorithm
object and one keyed HMAC state (`SoftwareCryptoProvider` tokens and indexes, byte for byte
the same format — tested against the provider); with any other provider `RenderSpec.keys` is
None and the batch is rendered in the main process through `get_provider()`.
"""

from __future__ import annotations

import base64
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives import hmac as crypto_hmac
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from anju.admission.demo import (
    H_ASSETS,
    H_CERTIFICATE,
    H_DWELLINGS,
    H_HOUSE_NUMBER,
    H_LOW_INCOME,
    H_MEMBERS,
    H_MINIMUM_LIVING,
    H_REGION,
    H_REGISTER,
    H_ROAD,
    H_STATUS,
    H_SUBMITTED_DAYS_AGO,
    P_BIRTH,
    P_EDUCATION,
    P_EMPLOYER,
    P_EMPLOYMENT,
    P_ETHNICITY,
    P_GRADUATION,
    P_HUKOU,
    P_ID,
    P_INCOME,
    P_MARITAL,
    P_NAME,
    P_PHONE,
    P_RELATION,
    P_SEX,
    P_SOCIAL_INSURANCE,
)

# The generated columns of each table, in the order `render_batch` produces them; every other
# column gets its prepared model default (`RenderSpec.tables`).
SLOTS = {
    "application": (
        "id", "region_code", "number", "registration_year", "applicant_name", "id_number", "id_number_index", "phone",
        "phone_index", "hukou_county", "hukou_street", "hukou_community", "hukou_road", "hukou_house_number",
        "household_size", "income_per_capita", "income_total", "floor_area_per_capita", "floor_area_total",
        "is_low_income", "is_minimum_living", "minimum_living_certificate", "status", "submitted_at",
    ),
    "member": (
        "application_id", "sequence", "is_applicant", "relation", "name", "id_number", "id_number_index", "hukou_type",
        "hukou_years", "sex", "birth_date", "ethnicity", "phone", "phone_index", "employment_status", "employer",
        "education", "marital_status", "annual_income", "graduation_date", "social_insurance_months",
    ),
    "dwelling": (
        "application_id", "sequence", "address_road", "address_house_number", "occupancy_status", "owner_name",
        "structure", "floor_area", "built_year", "rent",
    ),
    "asset": ("application_id", "sequence", "owner_name", "category", "total_value"),
    # 准入登记簿 (A.3.16) of the registered households: the snapshot `application_register` writes
    "register": (
        "region_code", "number", "application_id", "applicant_name", "id_number", "id_number_index", "phone",
        "phone_index", "hukou_county", "hukou_street", "hukou_community", "hukou_road", "hukou_house_number",
        "household_size", "income_per_capita", "income_total", "assets_per_capita", "assets_total",
        "floor_area_per_capita", "floor_area_total", "is_minimum_living", "minimum_living_certificate", "applied_at",
        "project_category", "security_mode", "registered_at", "security_started_at", "implemented_mode", "exited_at",
        "security_state",
    ),
}  # fmt: skip
TABLES = tuple(SLOTS)


@dataclass(frozen=True)
class CryptoKeys:
    """Key material of the software provider, for the workers (never logged, never stored)."""

    field_key_id: str
    field_key: bytes
    index_key: bytes


@dataclass(frozen=True)
class TableSpec:
    """One table: its columns, and for each column either a slot name or a prepared constant."""

    db_table: str
    columns: tuple[str, ...]
    constants: dict[str, object]  # column attname -> prepared value (for columns not in SLOTS)
    attnames: tuple[str, ...]


@dataclass(frozen=True)
class RenderSpec:
    """Everything a worker needs to render batches of one run (picklable)."""

    mode: str  # "copy" or "rows"
    keys: CryptoKeys | None
    tables: dict[str, TableSpec]
    registration_year: int
    today: int  # day ordinal
    submitted: tuple  # adapted submitted_at for 0..364 days ago
    extra: dict = field(default_factory=dict)


def copy_text(value: object) -> str:
    """One value in COPY text format (NULL, booleans, escapes)."""
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


class Renderer:
    """Renders batches with one spec; reused across batches in a worker."""

    def __init__(self, spec: RenderSpec, *, encrypt: Callable[[list[str]], list[str]] | None = None,
                 index: Callable[[list[str], str], list[str]] | None = None) -> None:  # fmt: skip
        self.spec = spec
        self.copy = spec.mode == "copy"
        self.true, self.false, self.null = ("t", "f", "\\N") if self.copy else (True, False, None)
        if spec.keys is not None:
            self.encrypt_many, self.index_many = self._software(spec.keys)
        else:
            assert encrypt is not None and index is not None  # noqa: S101 - programming error
            self.encrypt_many, self.index_many = encrypt, index
        self.builders = {name: self._builder(spec.tables[name], SLOTS[name]) for name in TABLES}
        self._iso: dict[int, str] = {}

    @staticmethod
    def _software(keys: CryptoKeys) -> tuple[Callable, Callable]:
        algorithm = algorithms.SM4(keys.field_key)
        aad = keys.field_key_id.encode()
        prefix = f"sm4g${keys.field_key_id}$"
        b64 = base64.b64encode

        def encrypt_many(values: list[str]) -> list[str]:
            nonces = os.urandom(12 * len(values))
            out = []
            append = out.append
            for i, value in enumerate(values):
                nonce = nonces[12 * i : 12 * i + 12]
                encryptor = Cipher(algorithm, modes.GCM(nonce)).encryptor()
                encryptor.authenticate_additional_data(aad)
                body = encryptor.update(value.encode()) + encryptor.finalize()
                append(prefix + b64(nonce + body + encryptor.tag).decode("ascii"))
            return out

        keyed: dict[str, crypto_hmac.HMAC] = {}

        def index_many(values: list[str], purpose: str) -> list[str]:
            # values are generated ASCII digits (and X): already in `normalise_identifier` form
            state = keyed.get(purpose)
            if state is None:
                state = keyed[purpose] = crypto_hmac.HMAC(keys.index_key, hashes.SM3())
                state.update(f"{purpose}\x00".encode())
            out = []
            for value in values:
                mac = state.copy()
                mac.update(value.encode())
                out.append(mac.finalize().hex())
            return out

        return encrypt_many, index_many

    def _builder(self, table: TableSpec, slots: tuple[str, ...]) -> Callable[[tuple], object]:
        """A function slot tuple -> row (COPY line or tuple for executemany)."""
        position = {name: i for i, name in enumerate(slots)}
        missing = [name for name in slots if name not in table.attnames]
        if missing:
            raise ValueError(f"{table.db_table} 缺少列：{missing}")
        if self.copy:
            parts, order = [], []
            for attname in table.attnames:
                if attname in position:
                    parts.append("%s")
                    order.append(position[attname])
                else:
                    parts.append(copy_text(table.constants[attname]).replace("%", "%%"))
            template = "\t".join(parts)
            if order == list(range(len(slots))):
                return lambda values: template % values
            pick = itemgetter(*order)
            return lambda values: template % pick(values)
        constants = tuple(table.constants.get(a) for a in table.attnames if a not in position)
        source_positions, constant_index = [], len(slots)
        for attname in table.attnames:
            if attname in position:
                source_positions.append(position[attname])
            else:
                source_positions.append(constant_index)
                constant_index += 1
        pick = itemgetter(*source_positions)
        return lambda values: pick(values + constants)

    def iso(self, ordinal: int) -> str:
        """ISO date of a day ordinal (cached)."""
        text = self._iso.get(ordinal)
        if text is None:
            text = self._iso[ordinal] = date.fromordinal(ordinal).isoformat()
        return text

    def render(self, households: list[tuple], ids: list[int], numbers: list[str], register_numbers: list[str] | None = None) -> dict:
        """Encrypt, index and render one batch; returns rows per table and the time split.

        `register_numbers` are the 登记编号 of the batch's registered households, in stream order.
        """
        started = time.perf_counter()
        ids_plain, phones_plain = [], []
        for household in households:
            for person in household[H_MEMBERS]:
                ids_plain.append(person[P_ID])
                if person[P_PHONE]:
                    phones_plain.append(person[P_PHONE])
        id_tokens = iter(self.encrypt_many(ids_plain))
        id_indexes = iter(self.index_many(ids_plain, "id_number"))
        phone_tokens = iter(self.encrypt_many(phones_plain))
        phone_indexes = iter(self.index_many(phones_plain, "mobile"))
        crypto = time.perf_counter() - started
        spec, true, false, null = self.spec, self.true, self.false, self.null
        build = self.builders
        applications, members, dwellings, assets, entries = [], [], [], [], []
        register_numbers = iter(register_numbers or ())
        year, today, submitted = spec.registration_year, spec.today, spec.submitted
        for household, pk, number in zip(households, ids, numbers, strict=True):
            people = household[H_MEMBERS]
            size = len(people)
            income = 0
            first = None
            for sequence, person in enumerate(people, 1):
                token, index = next(id_tokens), next(id_indexes)
                if person[P_PHONE]:
                    phone, phone_index = next(phone_tokens), next(phone_indexes)
                else:
                    phone = phone_index = ""
                if first is None:
                    first = (token, index, phone, phone_index)
                income += person[P_INCOME]
                birth = person[P_BIRTH]
                members.append(
                    build["member"]((
                        pk, sequence, true if sequence == 1 else false, person[P_RELATION], person[P_NAME], token, index,
                        person[P_HUKOU], min((today - birth) // 365, 30), person[P_SEX], self.iso(birth),
                        person[P_ETHNICITY], phone, phone_index, person[P_EMPLOYMENT], person[P_EMPLOYER],
                        person[P_EDUCATION], person[P_MARITAL], f"{person[P_INCOME]}.00",
                        null if person[P_GRADUATION] is None else self.iso(person[P_GRADUATION]),
                        null if person[P_SOCIAL_INSURANCE] is None else person[P_SOCIAL_INSURANCE],
                    ))
                )
            area = 0
            for sequence, dwelling in enumerate(household[H_DWELLINGS], 1):
                occupancy, cents, road, house_number, rent, structure, built, owner = dwelling
                area += cents
                dwellings.append(
                    build["dwelling"]((
                        pk, sequence, road, house_number, occupancy, owner, structure, money(cents),
                        built, null if rent is None else f"{rent}.00",
                    ))
                )
            asset_total = 0
            for sequence, (category, owner, value) in enumerate(household[H_ASSETS], 1):
                asset_total += value
                assets.append(build["asset"]((pk, sequence, owner, category, f"{value}.00")))
            region = household[H_REGION]
            days = household[H_SUBMITTED_DAYS_AGO]
            snapshot = (
                people[0][P_NAME], first[0], first[1], first[2], first[3],
                region[:6] + "000000", region[:9] + "000", region, household[H_ROAD], household[H_HOUSE_NUMBER],
                size, money((income * 200 + size) // (2 * size)), f"{income}.00",
            )  # fmt: skip
            applications.append(
                build["application"]((
                    pk, region, number, year, *snapshot,
                    money((area * 2 + size) // (2 * size)), money(area),
                    true if household[H_LOW_INCOME] else false, true if household[H_MINIMUM_LIVING] else false,
                    household[H_CERTIFICATE], household[H_STATUS], null if days is None else submitted[days],
                ))
            )  # fmt: skip
            register = household[H_REGISTER]
            if register is not None:
                mode, category, state, registered, secured, exited = register
                entries.append(
                    build["register"]((
                        region, next(register_numbers), pk, *snapshot,
                        money((asset_total * 200 + size) // (2 * size)), f"{asset_total}.00",
                        money((area * 2 + size) // (2 * size)), money(area),
                        true if household[H_MINIMUM_LIVING] else false, household[H_CERTIFICATE], submitted[days],
                        category, mode, submitted[registered], null if secured is None else self.iso(today - secured),
                        "" if secured is None else mode, null if exited is None else self.iso(today - exited), state,
                    ))
                )  # fmt: skip
        rows: dict[str, object] = {
            "application": applications, "member": members, "dwelling": dwellings, "asset": assets, "register": entries,
        }  # fmt: skip
        if self.copy:
            rows = {name: ("\n".join(lines) + "\n").encode() if lines else b"" for name, lines in rows.items()}
        return {
            "rows": rows,
            "counts": {name: len(lines) for name, lines in zip(TABLES, (applications, members, dwellings, assets, entries), strict=True)},
            "crypto_seconds": crypto,
            "render_seconds": time.perf_counter() - started - crypto,
            "encryptions": len(ids_plain) + len(phones_plain),
            "indexes": len(ids_plain) + len(phones_plain),
        }


def money(cents: int) -> str:
    """Non-negative cents as a decimal text with two places."""
    return f"{cents // 100}.{cents % 100:02d}"


_renderer: Renderer | None = None


def worker_init(spec: RenderSpec) -> None:
    """Pool initializer: one renderer per worker process."""
    global _renderer  # per-process state of a multiprocessing worker
    _renderer = Renderer(spec)


def worker_render(batch: tuple[list[tuple], list[int], list[str], list[str]]) -> dict:
    """Pool task: render one batch (households, application ids, application numbers, register numbers)."""
    assert _renderer is not None  # noqa: S101 - worker_init runs first
    return _renderer.render(*batch)
