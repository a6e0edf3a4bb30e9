"""Case page sections from distribution: 轮候位置, 摇号结果, 选房结果 and 合同; the owner sees them, nobody else."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from anju.distribution.tests.conftest import program, small_plan  # noqa: F401  (fixtures)
from anju.portal.tests.conftest import applicant_account

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _link(user, entry):
    """The applicant's online case is the registered household's application."""
    from anju.portal.models import OnlineApplication

    return OnlineApplication.objects.create(user=user, application=entry.application, step="submitted")


def _two_applicants(owner_entry, other_entry):
    owner = applicant_account(mobile="13800000011", full_name=owner_entry.applicant_name)
    other = applicant_account(mobile="13800000012", full_name=other_entry.applicant_name)
    return owner, _link(owner, owner_entry), other, _link(other, other_entry)


def _signed_contract(entry, unit, clerk):
    """A signed lease whose signed PDF is an e-archive file owned by the contract (as contract_sign stores it)."""
    from anju.archive.services import archive_file_upload
    from anju.distribution.choices import ContractStatus, ContractType
    from anju.distribution.models import Contract
    from anju.distribution.services.contracts import ARCHIVE_FILE_TYPE, ARCHIVE_STAGE

    today = timezone.localdate()
    contract = Contract.objects.create(
        number="HT3416022026000001", contract_type=ContractType.LEASE, register_entry=entry, unit=unit,
        signer_name=entry.applicant_name, signer_id_number=entry.id_number, region_code=entry.region_code,
        status=ContractStatus.SIGNED, signed_at=timezone.now(), effective_on=today,
        expires_on=today + timedelta(days=3 * 365), signed_pdf_digest="0" * 64,
    )  # fmt: skip
    archive_file_upload(
        owner=contract, uploaded_file=ContentFile(PDF, name=f"{contract.number}.pdf"), file_type=ARCHIVE_FILE_TYPE,
        stage=ARCHIVE_STAGE, acting_user=clerk, title="公共租赁住房租赁合同",
    )  # fmt: skip
    return contract


def test_owner_sees_queue_selection_and_contract_others_get_nothing(
    client,
    small_plan,  # noqa: F811
    district_officer,
):
    # given: a computed waitlist, selection opened, the first household chose a unit and signed
    from anju.distribution.models import QueueEntry, Selection
    from anju.distribution.services.rounds import round_create
    from anju.distribution.services.selection import selection_choose, selections_open
    from anju.distribution.services.waitlist import queue_compute

    round_ = round_create(plan=small_plan, acting_user=district_officer, name="2026年第一批配租")
    queue_compute(round_=round_, acting_user=district_officer)
    selections_open(round_=round_, starts_at=timezone.now() - timedelta(minutes=1), acting_user=district_officer)
    first = Selection.objects.get(round=round_, order=1)
    unit = small_plan.resources.order_by("id").first().unit
    selection_choose(selection=first, unit=unit, acting_user=district_officer)
    owner_entry = first.register_entry
    other_entry = Selection.objects.get(round=round_, order=2).register_entry
    contract = _signed_contract(owner_entry, unit, district_officer)
    owner, owner_case, other, other_case = _two_applicants(owner_entry, other_entry)
    position = QueueEntry.objects.get(round=round_, register_entry=owner_entry)
    # when: the owner opens the case
    client.force_login(owner)
    html = client.get(reverse("portal:case", args=[owner_case.pk])).content.decode()
    download_url = reverse("portal:case_contract_file", args=[owner_case.pk, contract.pk])
    download = client.get(download_url)
    # then
    assert "轮候位置" in html and "2026年第一批配租" in html
    assert f"第 {position.position} 位，前面还有 0 户" in html
    assert "最低生活保障家庭优先：是（+20.00）" in html
    assert "选房结果" in html and unit.room_number in html and "已选房" in html
    assert "合同" in html and contract.number in html and "配租合同" in html and "已签约" in html
    assert f'href="{download_url}"' in html
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert download["Content-Disposition"].startswith("attachment")
    # and: another applicant sees none of it and gets 404 for the owner's case and contract
    client.force_login(other)
    other_html = client.get(reverse("portal:case", args=[other_case.pk])).content.decode()
    assert contract.number not in other_html and "选房结果" not in other_html
    assert "前面还有" in other_html  # their own position only
    assert client.get(reverse("portal:case", args=[owner_case.pk])).status_code == 404
    assert client.get(download_url).status_code == 404
    own_case_other_contract = reverse("portal:case_contract_file", args=[other_case.pk, contract.pk])
    assert client.get(own_case_other_contract).status_code == 404
    # and: a visitor is sent to sign in, staff are not applicants
    client.logout()
    assert client.get(download_url).status_code in (302, 403)


def test_lottery_result_with_the_verification_link(client, small_plan, district_officer):  # noqa: F811
    # given: a drawn lottery of 2 winners and 1 substitute
    from anju.distribution.choices import RoundMethod
    from anju.distribution.models import LotteryParticipant
    from anju.distribution.services.lottery import lottery_commit, lottery_draw
    from anju.distribution.services.rounds import round_create

    round_ = round_create(plan=small_plan, acting_user=district_officer, method=RoundMethod.LOTTERY)
    lottery = lottery_commit(round_=round_, acting_user=district_officer, winners_count=2, substitutes_count=1)
    lottery = lottery_draw(lottery=lottery, acting_user=district_officer)
    winner = LotteryParticipant.objects.get(lottery=lottery, rank=1)
    substitute = LotteryParticipant.objects.get(lottery=lottery, rank=3)
    owner, owner_case, other, other_case = _two_applicants(winner.register_entry, substitute.register_entry)
    verify_url = reverse("distribution:lottery_public", args=[lottery.number])
    # when
    client.force_login(owner)
    owner_html = client.get(reverse("portal:case", args=[owner_case.pk])).content.decode()
    client.force_login(other)
    other_html = client.get(reverse("portal:case", args=[other_case.pk])).content.decode()
    # then
    assert "摇号结果" in owner_html and "第 1 名" in owner_html and "正选" in owner_html
    assert f'href="{verify_url}"' in owner_html
    expected = "候补" if substitute.is_substitute else "未中签"
    assert "第 3 名" in other_html and expected in other_html and "第 1 名" not in other_html


def test_no_sections_before_registration_or_distribution(client, small_plan):  # noqa: F811
    # given: a registered household with no round yet
    entry = small_plan.households.select_related("register_entry").first().register_entry
    user = applicant_account(mobile="13800000013", full_name=entry.applicant_name)
    case = _link(user, entry)
    client.force_login(user)
    # when
    html = client.get(reverse("portal:case", args=[case.pk])).content.decode()
    # then
    for title in ("轮候位置", "摇号结果", "选房结果", "下载合同"):
        assert title not in html
    assert "以下信息暂时无法显示" not in html
