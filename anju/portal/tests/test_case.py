"""The applicant's case: progress with dates, correction online, notices, sections, and nobody else's data."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from anju.portal.case_sections import CaseLink, CaseSection, register_case_section, unregister_case_section
from anju.portal.services import online as online_services
from anju.portal.tests.conftest import ZHANG_ID, applicant_account

pytestmark = pytest.mark.django_db


def _submitted(user):
    online = online_services.household_save(
        user=user, data={"applicant_name": "张明", "id_number": ZHANG_ID, "phone": "13800000001"}
    )
    return online_services.online_submit(online=online)


def _notice(online, clerk, title="准予登记通知书"):
    from anju.archive.services import archive_file_upload

    return archive_file_upload(
        owner=online.application, uploaded_file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="notice.pdf"), file_type="08",
        stage="registration", acting_user=clerk, title=title,
    )  # fmt: skip


def test_case_page_shows_current_step_and_dated_history(client, portal_ready):
    # given
    user = applicant_account()
    online = _submitted(user)
    client.force_login(user)
    # when
    html = client.get(reverse("portal:case", args=[online.pk])).content.decode()
    # then
    assert "受理中" in html
    assert 'data-testid="case-current"' in html
    assert html.count('data-testid="history-step"') == 1
    assert online.application.number in html


def test_correction_is_answered_online(client, portal_ready, community_clerk):
    from anju.admission.services.process import open_task
    from anju.workflow.services import task_complete

    # given: the clerk sends the application back
    user = applicant_account()
    online = _submitted(user)
    task = open_task(online.application, node_code="accept")
    task_complete(task=task, acting_user=community_clerk, opinion="请补充提供2025年度工资流水。", decision="deny")
    client.force_login(user)
    # when: the applicant reads the request
    html = client.get(reverse("portal:case", args=[online.pk])).content.decode()
    # then
    assert "请补充提供2025年度工资流水。" in html
    assert 'data-testid="correct-online"' in html
    # when: uploads and submits again
    online_services.material_upload(
        online=online, uploaded_file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="wage.pdf"), file_type="03"
    )
    response = client.post(reverse("portal:apply_check"))
    # then: back at 受理
    assert response.status_code == 302
    online.application.refresh_from_db()
    assert online.application.status == "accepting"
    assert open_task(online.application, node_code="accept") is not None


def test_notice_downloads_for_the_owner_only(client, portal_ready, community_clerk):
    # given
    owner = applicant_account()
    online = _submitted(owner)
    notice = _notice(online, community_clerk)
    url = reverse("portal:case_file", args=[online.pk, notice.pk])
    # when: the owner
    client.force_login(owner)
    page = client.get(reverse("portal:case", args=[online.pk])).content.decode()
    response = client.get(url)
    # then
    assert "准予登记通知书" in page
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    # when: another household
    other = applicant_account(mobile="13800000099", full_name="李四")
    client.force_login(other)
    # then: 404 for the case, the file, the part edit
    assert client.get(reverse("portal:case", args=[online.pk])).status_code == 404
    assert client.get(url).status_code == 404
    member = online.application.members.first()
    assert client.get(reverse("portal:apply_part_edit", args=["members", member.pk])).status_code == 404


def test_another_households_member_cannot_be_edited_from_ones_own_draft(client, portal_ready):
    # given: two drafts
    first = applicant_account()
    first_online = online_services.household_save(
        user=first, data={"applicant_name": "张明", "id_number": ZHANG_ID, "phone": "13800000001"}
    )
    from anju.admission.tests.factories import resident_id

    second = applicant_account(mobile="13800000098", full_name="王建国")
    online_services.household_save(
        user=second,
        data={"applicant_name": "王建国", "id_number": resident_id(), "phone": "13800000098"},
        region_code="341602001001",
    )
    victim = first_online.application.members.exclude(is_applicant=True).first()
    client.force_login(second)
    # when
    edit = client.post(
        reverse("portal:apply_part_edit", args=["members", victim.pk]), {"name": "改名", "relation": "10"}
    )
    delete = client.post(reverse("portal:apply_part_delete", args=["members", victim.pk]))
    # then
    assert edit.status_code == 404
    assert delete.status_code == 302
    victim.refresh_from_db()
    assert victim.name == "刘芳"


def test_registered_sections_appear_and_a_failing_one_is_named(client, portal_ready):
    # given
    user = applicant_account()
    online = _submitted(user)
    register_case_section(
        "轮候排序",
        lambda application, u: CaseSection(
            title="轮候排序", rows=[("轮候序号", "12")], links=[CaseLink("名单", "/publicity/")]
        ),
    )
    register_case_section("不显示", lambda application, u: None)

    def broken(application, u):
        raise RuntimeError("down")

    register_case_section("租金账单", broken)
    client.force_login(user)
    try:
        # when
        html = client.get(reverse("portal:case", args=[online.pk])).content.decode()
    finally:
        for name in ("轮候排序", "不显示", "租金账单"):
            unregister_case_section(name)
    # then: the 准入登记 section is absent before registration; ours appears, None is left out
    assert html.count('data-testid="case-section"') == 1
    assert "轮候序号" in html
    assert "以下信息暂时无法显示：租金账单" in html


def test_progress_page_asks_visitors_to_sign_in(client, demo_regions):
    html = client.get(reverse("portal:progress")).content.decode()
    assert "登录查看进度" in html


def test_registration_notice_reaches_the_applicant(
    client, portal_ready, community_clerk, street_reviewer, district_officer
):
    """From the online submission, through every staff step, to the notice on the applicant's page."""
    from anju.admission.services.plans import plan_create
    from anju.admission.services.registration import application_register
    from anju.admission.tests.process.helpers import advance

    # given
    user = applicant_account()
    online = _submitted(user)
    online.application.refresh_from_db()
    application = advance(
        online.application, to="register", clerk=community_clerk, street=street_reviewer, district=district_officer
    )
    plan_create(application=application, security_mode="12", acting_user=district_officer)
    # when
    application_register(application=application, acting_user=district_officer)
    client.force_login(user)
    html = client.get(reverse("portal:case", args=[online.pk])).content.decode()
    # then: the status, the notice and the portal's own 准入登记 section
    assert "准予登记" in html
    assert 'data-testid="notice-link"' in html
    assert "登记编号" in html
    assert application.register_entry.number in html
    assert html.count('data-testid="history-step"') >= 6
