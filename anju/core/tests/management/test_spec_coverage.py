"""manage.py spec_coverage and the Appendix A registry."""

import json
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from anju.core import spec_registry
from anju.core.spec_registry import Mapping, app_mappings, mapping_errors, resolve_attribute, spec_load


def run(*args):
    out = StringIO()
    call_command("spec_coverage", *args, stdout=out)
    return out.getvalue()


def test_json_lists_every_data_set_and_field():
    # when the JSON report is printed
    report = json.loads(run("--json"))
    # then all 94 data sets and all 1,308 Chinese field names are there, mapped or null
    assert len(report) == 94
    assert sum(len(entry["fields"]) for entry in report.values()) == 1308
    assert report["A.3.8"]["model"] == "admission.Application"
    assert report["A.3.8"]["fields"]["证件号码"] == "id_number"
    # a data set no app maps yet (对象调查, issue to come) is listed with nulls
    assert report["A.2.1"]["model"] is None and set(report["A.2.1"]["fields"].values()) == {None}


def test_household_sets_are_fully_mapped():
    report = json.loads(run("--json"))
    for data_set in ("A.3.8", "A.3.9", "A.3.10", "A.3.11", "A.3.12", "A.3.13", "A.3.14", "A.3.16", "A.3.17", "A.3.18"):
        assert None not in report[data_set]["fields"].values(), data_set


def test_every_mapping_resolves_on_its_model():
    # given the mappings of all apps
    _, data_sets = spec_load()
    mappings = app_mappings()
    # then none names a missing model, field or property
    assert mapping_errors(data_sets, mappings) == []
    for mapping in mappings:
        model = apps.get_model(mapping.model)
        for attribute in mapping.fields.values():
            assert resolve_attribute(model, attribute) is None


def test_summary_has_sections_and_total():
    out = run("--summary")
    assert "A.3" in out and "A.11" in out
    assert "合计" in out and "/ 1308" in out


def test_wrong_mapping_fails_with_clear_message(monkeypatch):
    # given one app maps a Chinese field to a field that does not exist
    wrong = [*app_mappings(), Mapping("A.2.1", "admission", "admission.Application", {"调查方案编号": "no_such_field"})]
    monkeypatch.setattr(spec_registry, "app_mappings", lambda: wrong)
    # when the command runs / then it fails naming the data set, field and attribute
    with pytest.raises(CommandError) as info:
        run("--json")
    message = str(info.value)
    assert "A.2.1" in message and "调查方案编号" in message and "no_such_field" in message


def test_unknown_chinese_name_and_model_are_errors(monkeypatch):
    _, data_sets = spec_load()
    errors = mapping_errors(
        data_sets,
        [
            Mapping("A.3.13", "admission", "admission.Application", {"不存在的字段": "number"}),
            Mapping("A.3.14", "admission", "admission.NoSuchModel", {}),
            Mapping("A.99.1", "admission", "admission.Application", {}),
        ],
    )
    assert any("不存在的字段" in e for e in errors)
    assert any("NoSuchModel" in e for e in errors)
    assert any("A.99.1" in e for e in errors)


def test_dotted_paths_and_properties_resolve():
    member = apps.get_model("admission.Member")
    assert resolve_attribute(member, "application.number") is None
    assert resolve_attribute(member, "application_number") is None
    assert resolve_attribute(member, "application.nothing") is not None
    assert resolve_attribute(member, "name.first") is not None


def test_missing_spec_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="找不到"):
        run("--spec", str(tmp_path / "none.yaml"))
