"""Pages of the admission process: review, batch review, verification pages, jurisdiction 404s."""

import pytest
from django.urls import reverse

from anju.admission.choices import ApplicationStatus
from anju.admission.models import Application, Verification, VerificationStatus
from anju.admission.services.verification import verification_assign
from anju.admission.tests.review.steps import pdf


def login(client, user):
    """Log a persona in."""
    client.force_login(user)
    return client


def test_detail_shows_process_card_and_archive_panel(client, submitted, community_clerk):
    # when the clerk opens the detail page
    html = login(client, community_clerk).get(reverse("admission:household_detail", args=[submitted.pk])).content.decode()
    # then the process card (stage, node, materials complete) and the e-archive panel are there
    assert 'data-testid="process-card"' in html and "受理中" in html and "已齐全" in html
    assert 'data-testid="archive-panel"' in html and "申请材料（电子档案）" in html
    assert "材料01" in html and "材料04" in html


def test_detail_names_missing_materials(client, draft, community_clerk):
    # when the draft without materials is shown / then the missing materials are named
    html = login(client, community_clerk).get(reverse("admission:household_detail", args=[draft.pk])).content.decode()
    assert "缺少：身份证明（身份证）、户口簿、收入证明、住房证明" in html


def test_review_page_acts_on_the_task(client, submitted, community_clerk):
    # when the clerk accepts on the review page
    url = reverse("admission:application_review", args=[submitted.pk])
    response = login(client, community_clerk).post(url, {"action": "approve", "opinion": "材料齐全"})
    # then the application moved to 初审 and the page says so
    assert response.status_code == 302
    assert Application.objects.get(pk=submitted.pk).status == ApplicationStatus.STREET_REVIEW
    html = client.get(url).content.decode()
    assert "初审中" in html and "规则审查" in html


def test_review_page_shows_refusal_and_keeps_state(client, draft, community_clerk):
    # given a submitted application without materials
    from anju.admission.services import application_submit

    application = application_submit(application=draft, acting_user=community_clerk)
    # when accepted on the page / then the Chinese refusal is shown and nothing changes
    response = login(client, community_clerk).post(
        reverse("admission:application_review", args=[application.pk]), {"action": "approve", "opinion": ""}, follow=True
    )
    assert "受理前须在电子档案中上传以下申请材料" in response.content.decode()
    assert Application.objects.get(pk=application.pk).status == ApplicationStatus.ACCEPTING


def test_review_page_404_outside_jurisdiction_and_403_for_partner(client, submitted, other_district_clerk, partner_user):
    url = reverse("admission:application_review", args=[submitted.pk])
    # when the 涡阳县 officer opens it / then 404
    assert login(client, other_district_clerk).get(url).status_code == 404
    client.logout()
    # when a partner user opens it / then 403
    assert login(client, partner_user).get(url).status_code == 403


def test_assign_on_review_page_and_partner_answers(client, at_county, district_officer, partner_user, partner_org):
    # when the district officer assigns an income check on the page
    response = login(client, district_officer).post(
        reverse("admission:verification_assign", args=[at_county.pk]),
        {"kind": "income", "assignee_organisation": partner_org.pk, "request_note": "核查收入"},
    )
    assert response.status_code == 302
    item = Verification.objects.get()
    client.logout()
    # then the partner sees it in the list and answers with a file
    login(client, partner_user)
    listing = client.get(reverse("admission:verification_list")).content.decode()
    assert item.number in listing
    response = client.post(
        reverse("admission:verification_detail", args=[item.pk]),
        {"result": "1", "result_detail": "属实", "attachments": [pdf("回函.pdf")]},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == VerificationStatus.ANSWERED
    page = client.get(reverse("admission:verification_detail", args=[item.pk])).content.decode()
    assert 'data-testid="archive-panel"' in page and "回函" in page and "已反馈" in page


def test_assign_form_keeps_input_on_error(client, at_county, district_officer):
    # when assigned without any assignee / then the form shows the Chinese error, nothing written
    response = login(client, district_officer).post(
        reverse("admission:verification_assign", args=[at_county.pk]), {"kind": "assets", "request_note": "核查车辆"}
    )
    html = response.content.decode()
    assert response.status_code == 200 and "请选择核查单位或核查人" in html and "核查车辆" in html
    assert not Verification.objects.exists()


def test_other_partner_gets_404_on_a_request(client, at_county, district_officer, partner_org, other_partner):
    # given a request to the civil affairs bureau
    item = verification_assign(application=at_county, kind="income", acting_user=district_officer, assignee_organisation=partner_org)
    # when the police bureau's user opens it / then 404
    assert login(client, other_partner).get(reverse("admission:verification_detail", args=[item.pk])).status_code == 404


def test_conclusion_and_printable_report(client, at_county, district_officer, partner_org, partner_user):
    # given an answered request
    from anju.admission.services.verification import verification_answer

    item = verification_assign(application=at_county, kind="income", acting_user=district_officer, assignee_organisation=partner_org)
    verification_answer(verification=item, result="1", result_detail="收入属实", acting_user=partner_user)
    # when the officer records the conclusion
    login(client, district_officer)
    response = client.post(
        reverse("admission:verification_conclude", args=[at_county.pk]), {"conclusion": "eligible", "opinion": "符合条件"}
    )
    assert response.status_code == 302
    # then the printable report shows the checks and the conclusion
    report = at_county.verification_reports.get()
    html = client.get(reverse("admission:verification_report", args=[report.pk])).content.decode()
    assert "住房保障申请家庭核查报告" in html and "符合准入条件" in html and "收入属实" in html and item.number in html


def test_batch_page_lists_and_approves(client, submitted, community_clerk):
    # when the clerk opens the batch page at 受理
    login(client, community_clerk)
    url = reverse("admission:review_batch")
    html = client.get(url, {"node": "accept"}).content.decode()
    assert submitted.number in html and "规则审查" in html
    # when the application is approved in the batch
    response = client.post(url, {"node": "accept", "applications": [submitted.pk], "action": "approve", "opinion": "同意"})
    # then the per-row result is shown and the status moved on
    assert "办理结果" in response.content.decode() and "成功" in response.content.decode()
    assert Application.objects.get(pk=submitted.pk).status == ApplicationStatus.STREET_REVIEW


def test_batch_page_refuses_applications_not_in_queue(client, submitted, street_reviewer):
    # when the street reviewer posts an application that is not in the 初审 queue / then a form error, nothing changes
    response = login(client, street_reviewer).post(
        reverse("admission:review_batch"), {"node": "street_review", "applications": [submitted.pk], "action": "approve"}
    )
    assert response.status_code == 200 and 'data-testid="form-errors"' in response.content.decode()
    assert Application.objects.get(pk=submitted.pk).status == ApplicationStatus.ACCEPTING


def test_workflow_task_page_links_the_review_page(client, submitted, community_clerk):
    # when the clerk opens the workflow task of the application
    from anju.admission.services.process import open_task

    task = open_task(submitted)
    html = login(client, community_clerk).get(task.get_absolute_url()).content.decode()
    # then it links the admission review page
    assert reverse("admission:application_review", args=[submitted.pk]) in html


@pytest.mark.parametrize("name", ["review_batch", "verification_list"])
def test_lists_need_login(client, name, demo_regions):
    # when anonymous / then redirected to login
    response = client.get(reverse(f"admission:{name}"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_partner_lands_on_verification_requests(client, partner_user):
    # when a 协同部门 user opens 准入登记 / then redirected to the verification requests
    response = login(client, partner_user).get(reverse("admission:household_list"))
    assert response.status_code == 302 and response["Location"] == reverse("admission:verification_list")
