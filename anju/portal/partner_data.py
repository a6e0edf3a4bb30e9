"""零证明: data that partner departments hold about a household, behind one interface.

Where a department can answer for a fact (公安 hukou and identity, 民政 marriage and 低保,
不动产登记 homes, 社保/公积金/税务 income), the online form is pre-filled from it and the matching
paper proof is not asked for: the answer itself is filed in the application's e-archive as a
verification record (部门数据核验记录) under that proof's file type.

The source is chosen by the setting ``PORTAL_PARTNER_DATA`` (a dotted path; default the local
source below, fed by ``anju/portal/data/partner_demo.json`` or the file named by
``PORTAL_PARTNER_DATA_FILE``). The data-exchange app will provide the real source later; it only
has to implement ``PartnerDataSource.lookup``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from django.conf import settings
from django.utils.module_loading import import_string

DEFAULT_SOURCE = "anju.portal.partner_data.LocalPartnerData"
DEMO_FILE = Path(__file__).resolve().parent / "data" / "partner_demo.json"

# e-archive file type (archive_file_type) -> (proof, the department whose data replaces it)
PROOFS: dict[str, tuple[str, str]] = {
    "01": ("身份证明（身份证）", "公安机关人口信息"),
    "02": ("户口簿", "公安机关户籍信息"),
    "03": ("收入证明", "社保、公积金和税务缴纳信息"),
    "04": ("住房证明", "不动产登记信息"),
    "05": ("婚姻状况证明", "民政婚姻登记信息"),
}


@dataclass(frozen=True)
class PartnerMember:
    """A member of the household as registered with public security (公安户籍)."""

    name: str
    id_number: str
    relation: str
    annual_income: Decimal = Decimal(0)
    marital_status: str = ""


@dataclass(frozen=True)
class PartnerRecord:
    """What the partner departments say about one person and their household."""

    id_number: str
    name: str
    hukou: dict[str, str] = field(default_factory=dict)
    marital_status: str = ""
    owned_homes: list[dict[str, Any]] = field(default_factory=list)
    annual_income: Decimal | None = None
    is_minimum_living: bool = False
    minimum_living_certificate: str = ""
    has_provident_fund: bool = False
    household: list[PartnerMember] = field(default_factory=list)

    @property
    def community_code(self) -> str:
        """The 12-digit community of the registered residence ('' when unknown)."""
        return self.hukou.get("community", "")

    def proofs_covered(self) -> dict[str, tuple[str, str]]:
        """The proofs this record replaces: {file type: (proof, department)}."""
        covered = {"01": PROOFS["01"]}
        if self.hukou:
            covered["02"] = PROOFS["02"]
        if self.annual_income is not None:
            covered["03"] = PROOFS["03"]
        covered["04"] = PROOFS["04"]  # the registry answers "no home" as well as "these homes"
        if self.marital_status:
            covered["05"] = PROOFS["05"]
        return covered

    def verification_text(self) -> str:
        """The verification record filed in the e-archive (plain text, Chinese)."""
        lines = [f"部门数据核验记录（零证明）：{self.name}"]
        if self.hukou:
            lines.append(
                f"户籍：社区 {self.hukou.get('community', '')}，{self.hukou.get('road', '')}{self.hukou.get('house_number', '')}"
            )
        lines.append(f"婚姻状况代码：{self.marital_status or '未返回'}")
        lines.append(f"名下住房：{len(self.owned_homes)} 套")
        if self.annual_income is not None:
            lines.append(f"年收入：{self.annual_income} 元")
        lines.append(f"最低生活保障：{'是' if self.is_minimum_living else '否'}")
        for member in self.household:
            lines.append(f"同户成员：{member.name}（关系代码 {member.relation}）")
        return "\n".join(lines) + "\n"


class PartnerDataSource(Protocol):
    """A source of partner-department data (the exchange app's adapter implements this)."""

    def lookup(self, id_number: str) -> PartnerRecord | None:
        """The record of a resident ID number, or None when no department knows it."""


def _record(id_number: str, row: dict[str, Any]) -> PartnerRecord:
    income = row.get("annual_income")
    return PartnerRecord(
        id_number=id_number,
        name=row.get("name", ""),
        hukou=dict(row.get("hukou") or {}),
        marital_status=row.get("marital_status", ""),
        owned_homes=list(row.get("owned_homes") or []),
        annual_income=Decimal(income) if income is not None else None,
        is_minimum_living=bool(row.get("is_minimum_living")),
        minimum_living_certificate=row.get("minimum_living_certificate", ""),
        has_provident_fund=bool(row.get("has_provident_fund")),
        household=[
            PartnerMember(
                name=m["name"], id_number=m["id_number"], relation=m["relation"],
                annual_income=Decimal(m.get("annual_income") or 0), marital_status=m.get("marital_status", ""),
            )
            for m in row.get("household") or []
        ],
    )  # fmt: skip


@lru_cache(maxsize=4)
def _load(path: str) -> dict[str, dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle).get("people", {})


class LocalPartnerData:
    """The demo source: a JSON file of people keyed by resident ID number."""

    def __init__(self, path: str | None = None) -> None:
        self.path = path or getattr(settings, "PORTAL_PARTNER_DATA_FILE", "") or str(DEMO_FILE)

    def lookup(self, id_number: str) -> PartnerRecord | None:
        """The record of the number, or None."""
        row = _load(self.path).get((id_number or "").strip().upper())
        return _record(id_number.strip().upper(), row) if row else None


def partner_data_source() -> PartnerDataSource:
    """The configured source (``PORTAL_PARTNER_DATA``)."""
    return import_string(getattr(settings, "PORTAL_PARTNER_DATA", DEFAULT_SOURCE))()
