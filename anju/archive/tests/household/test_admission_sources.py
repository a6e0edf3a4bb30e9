"""一户一档: the admission, workflow, rules and e-archive providers on a household taken through the real process."""

from datetime import timedelta

import pytest
from django.utils import timezone

from anju.archive.household_file import household_timeline_collect
from anju.archive.selectors_household_file import household_file_get

pytestmark = pytest.mark.django_db


def titles(timeline, source):
    """The titles of one source's events."""
    return [e.title for e in timeline.events if e.source == source]


def test_registered_household_has_its_whole_admission_history_oldest_first(household_registered, district_officer):
    # when
    timeline = household_timeline_collect(application=household_registered, user=district_officer)

    # then every source of the admission stage contributed real records
    assert timeline.failed == []
    assert titles(timeline, "申请") == [f"申请录入：{household_registered.number}", "提交申请"]
    steps = titles(timeline, "业务流程")
    assert any("受理" in t or "提交" in t for t in steps) and len(steps) >= 6
    assert any(t.startswith("流程结束") for t in steps)
    register = titles(timeline, "准入登记")
    entry = household_registered.register_entry
    assert register[0] == f"准予登记：登记编号 {entry.number}"
    assert any(t.startswith("保障状态：") and "→" in t for t in register)
    assert "开始实施保障" in register
    files = titles(timeline, "电子档案")
    assert any("通知书" in t for t in files)  # the registration notice PDF
    assert len(files) >= 5  # four required materials and the notice
    # oldest first; the application was entered before anything else happened to it
    keys = [e.sort_key for e in timeline.events]
    assert keys == sorted(keys)
    assert register.index("开始实施保障") > 0  # a day-only record comes after that day's timed records
    assert timeline.events[0].title == f"申请录入：{household_registered.number}"


def test_eligibility_decisions_are_in_the_file(household_registered, district_officer, demo_regions):
    # given the 亳州 rules and one rule check of the household
    from anju.rules.demo import rules_demo_load
    from anju.rules.services.evaluation import evaluate_application

    rules_demo_load()
    decision = evaluate_application(application=household_registered, acting_user=district_officer)

    # when
    timeline = household_timeline_collect(application=household_registered, user=district_officer)

    # then
    [title] = titles(timeline, "资格判定")
    assert title.startswith("资格判定：") and ("符合条件" if decision.eligible else "不符合条件") in title
    [event] = [e for e in timeline.events if e.source == "资格判定"]
    assert str(decision.rule_set_version) in event.detail


def test_verification_and_report_are_in_the_file(draft, district_officer, street_reviewer):
    # given a check assigned, answered and concluded
    from anju.admission.models import Verification, VerificationReport

    now = timezone.now()
    check = Verification.objects.create(
        number="HC-T-1", application=draft, kind="income", assignee=street_reviewer, assigned_by=district_officer,
        assigned_at=now - timedelta(days=3), region_code=draft.region_code, status="answered",
        result_detail="收入属实", answered_by=street_reviewer, answered_at=now - timedelta(days=2),
    )  # fmt: skip
    VerificationReport.objects.create(
        number="HCBG-T-1", application=draft, conclusion="eligible", opinion="核查属实，符合条件。",
        concluded_by=district_officer, concluded_at=now - timedelta(days=1), region_code=draft.region_code,
    )  # fmt: skip

    # when
    timeline = household_timeline_collect(application=draft, user=district_officer)

    # then
    assert titles(timeline, "核查") == ["指派核查：收入（HC-T-1）", "核查反馈：收入", "核查结论认定：符合准入条件"]
    assert next(e for e in timeline.events if e.source == "核查").url.endswith(f"/{check.pk}/")


def test_publicity_and_objection_are_in_the_file(draft, community_clerk, street_reviewer, district_officer):
    # given the application listed in a published notice and a report against it, decided
    from anju.admission.models import PublicityEntry
    from anju.admission.services.objections import objection_create, objection_decide, objection_verify
    from anju.admission.services.publicity import publicity_create, publicity_publish
    from anju.admission.tests.process.helpers import advance

    advance(draft, to="publicity", clerk=community_clerk, street=street_reviewer, district=district_officer)
    today = timezone.localdate()
    publicity = publicity_create(
        title="2026年第一批公租房申请公示", start_date=today, end_date=today + timedelta(days=7), channel="01",
        place="社区公告栏", applications=[draft], acting_user=district_officer,
    )  # fmt: skip
    publicity_publish(publicity=publicity, acting_user=district_officer)
    entry = PublicityEntry.objects.get(publicity=publicity, application=draft)
    objection = objection_create(
        entry=entry, content="申请人有一辆轿车未申报。", channel="03", acting_user=district_officer
    )
    objection_verify(
        objection=objection, verification_method="电话核实", verification_result="2", verification_note="",
        acting_user=district_officer,
    )  # fmt: skip
    objection_decide(objection=objection, upheld=False, decision_note="经查车辆已过户。", acting_user=district_officer)

    # when
    timeline = household_timeline_collect(application=draft, user=district_officer)

    # then
    found = titles(timeline, "公示与举报")
    assert f"申请登记信息公示：{publicity.number}" in found
    assert f"公示期间举报：{objection.number}" in found
    assert "举报处理：举报不成立" in found


def test_deleted_files_and_other_households_files_are_left_out(
    household_registered, district_officer, guoyang_household, other_district_clerk
):
    # given a deleted file of the household and a file of another household
    from anju.archive.models import ArchiveFile
    from anju.archive.services import archive_file_delete
    from anju.archive.tests.factories import upload

    mine = upload(household_registered, district_officer, title="待删除的证明")
    archive_file_delete(file=mine, reason="重复上传", acting_user=district_officer)
    upload(guoyang_household, other_district_clerk, title="涡阳县住户的证明")
    other = ArchiveFile.objects.exclude(application_number=household_registered.number)
    assert other.exists()

    # when
    found = titles(household_timeline_collect(application=household_registered, user=district_officer), "电子档案")

    # then
    assert "电子档案：待删除的证明" not in found
    assert not any(f.title in t for f in other for t in found)
    # and the city officer (whole city) sees the same household files, not the other district's
    assert not any("涡阳县住户的证明" in t for t in found)


def test_household_file_selector_masks_member_ids(household_registered, district_officer, client):
    # when
    household_file = household_file_get(user=district_officer, application_id=household_registered.pk)

    # then
    members = {m.name: m for m in household_file.members}
    assert set(members) == {"王建国", "李秀英"}
    full = {m.name: m.id_number for m in household_registered.members.all()}
    for name, row in members.items():
        assert row.id_number_masked != full[name] and "*" in row.id_number_masked
        assert row.id_number_masked[:6] == full[name][:6] and row.id_number_masked[-4:] == full[name][-4:]
    assert household_file.register_entry.pk == household_registered.register_entry.pk

    # and the page of the registered household renders its register number, steps and notice, masked
    from django.urls import reverse

    client.force_login(district_officer)
    html = client.get(reverse("archive:household_file", args=[household_registered.pk])).content.decode()
    assert household_registered.register_entry.number in html and "流程结束" in html and "通知书" in html
    assert not any(number in html for number in full.values())
