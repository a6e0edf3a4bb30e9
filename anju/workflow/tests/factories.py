"""Definitions and business records for the workflow tests."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

ADMISSION_JSON = Path(__file__).resolve().parents[1] / "data" / "public_rental_admission.json"


def admission_definition() -> dict[str, Any]:
    """The shipped public rental admission process."""
    return json.loads(ADMISSION_JSON.read_text(encoding="utf-8"))


def linear_definition(code: str = "linear", **overrides: Any) -> dict[str, Any]:
    """start → 社区受理 → 街道审核 → 区县审批 → end (approve) / end_denied (deny)."""
    data = {
        "format": "anju.workflow/1",
        "code": code,
        "name": "测试流程",
        "category": "测试",
        "nodes": [
            {"code": "start", "name": "开始", "node_type": "start"},
            {"code": "accept", "name": "社区受理", "node_type": "task", "level": "community", "is_required": True,
             "deadline_amount": 2, "participants": [{"role_code": "community_clerk", "role_type": "role"}]},
            {"code": "review", "name": "街道审核", "node_type": "task", "level": "street", "is_required": True,
             "deadline_amount": 24, "deadline_unit": "hours", "participants": [{"role_code": "street_reviewer", "role_type": "role"}]},
            {"code": "approve", "name": "区县审批", "node_type": "task", "level": "county", "is_required": True,
             "participants": [{"role_code": "district_officer", "role_type": "role"}]},
            {"code": "end", "name": "办结", "node_type": "end", "extra": {"outcome": "approved"}},
            {"code": "end_denied", "name": "不予", "node_type": "end", "extra": {"outcome": "denied"}},
        ],
        "transitions": [
            {"code": "t1", "source": "start", "target": "accept", "priority": 10},
            {"code": "t2", "source": "accept", "target": "review", "priority": 10},
            {"code": "t3", "source": "review", "target": "approve", "priority": 10},
            {"code": "t4", "source": "approve", "target": "end", "priority": 10, "condition": 'decision == "approve"'},
            {"code": "t5", "source": "approve", "target": "end_denied", "priority": 20, "condition": 'decision == "deny"'},
        ],
    }
    data.update(overrides)
    return copy.deepcopy(data)


def make_organisation(code: str = "ORG-1", region_code: str = "341602001001", name: str = "白布社区居委会") -> Any:
    """A business record with a region: an organisation (any model with `region_code` works)."""
    from anju.accounts.models import Organisation

    return Organisation.objects.create(code=code, name=name, kind="community", region_code=region_code)
