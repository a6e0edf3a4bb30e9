"""Coverage guards: the data sets issues #4–#6 closed stay 100 % mapped (manage.py spec_coverage --json)."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from anju.core.spec_registry import spec_load

# Whole sections are read from the spec so a set added to A.5 later is guarded too.
GUARDED_SECTIONS = ("A.5", "A.6", "A.7", "A.8", "A.10")
GUARDED_SETS = ("A.3.15",)


def report():
    out = StringIO()
    call_command("spec_coverage", "--json", stdout=out)
    return json.loads(out.getvalue())


def guarded_ids():
    _, data_sets = spec_load()
    ids = [d.id for d in data_sets if d.section in GUARDED_SECTIONS]
    return [*GUARDED_SETS, *ids]


def test_guarded_sections_are_not_empty():
    ids = guarded_ids()
    for section in GUARDED_SECTIONS:
        assert any(i.startswith(section + ".") for i in ids), section
    # A.5 has its eleven sets (项目 … 土地储备)
    assert sum(i.startswith("A.5.") for i in ids) == 11


@pytest.mark.parametrize("data_set", guarded_ids())
def test_data_set_is_fully_mapped(data_set):
    entry = report()[data_set]
    assert entry["model"], data_set
    unmapped = [name for name, attribute in entry["fields"].items() if attribute is None]
    assert unmapped == [], f"{data_set} 未映射字段: {unmapped}"
