"""Applicant accounts: register with a text-message code, log in, limits and locks, CSRF."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from anju.portal.errors import RateLimitedError
from anju.portal.services import accounts
from anju.portal.tests.conftest import APPLICANT_PASSWORD, applicant_account, last_code

pytestmark = pytest.mark.django_db


def test_register_creates_an_applicant_with_encrypted_mobile(demo_regions, sms_outbox):
    # when
    user = applicant_account(mobile="13800000009", full_name="张明")
    # then
    assert user.role_codes == {"applicant"}
    assert user.mobile == "13800000009"
    assert "13800000009" not in user.username
    assert user.check_password(APPLICANT_PASSWORD)
    assert sms_outbox[-1].mobile == "13800000009"
    assert "验证码" in sms_outbox[-1].text


def test_code_is_stored_only_as_a_hash(demo_regions, sms_outbox):
    from anju.portal.models import VerificationCode

    # when
    accounts.verification_code_send(mobile="13800000002")
    # then
    row = VerificationCode.objects.get()
    assert last_code(sms_outbox) not in row.code_hash
    assert row.mobile_index and "13800000002" not in row.mobile_index


def test_second_code_within_a_minute_is_refused(demo_regions):
    # given
    accounts.verification_code_send(mobile="13800000003")
    # when / then
    with pytest.raises(RateLimitedError, match="秒后再获取"):
        accounts.verification_code_send(mobile="13800000003")


def test_codes_per_hour_are_limited_per_number_and_per_address(demo_regions, settings):
    # given: no interval, 3 per number and 4 per address
    settings.PORTAL_CODE_INTERVAL_SECONDS = 0
    settings.PORTAL_CODE_MAX_PER_HOUR = 3
    settings.PORTAL_CODE_MAX_PER_IP_HOUR = 4
    for _ in range(3):
        accounts.verification_code_send(mobile="13800000004", client_ip="10.0.0.1")
    # when / then: the 4th for the number is refused
    with pytest.raises(RateLimitedError, match="过于频繁"):
        accounts.verification_code_send(mobile="13800000004", client_ip="10.0.0.1")
    accounts.verification_code_send(mobile="13800000005", client_ip="10.0.0.1")
    with pytest.raises(RateLimitedError, match="当前网络"):
        accounts.verification_code_send(mobile="13800000006", client_ip="10.0.0.1")


def test_wrong_code_five_times_kills_the_code(demo_regions, sms_outbox):
    # given
    accounts.verification_code_send(mobile="13800000007")
    good = last_code(sms_outbox)
    wrong = "000000" if good != "000000" else "111111"
    for _ in range(4):
        with pytest.raises(ValidationError, match="验证码不正确"):
            accounts.verification_code_check(mobile="13800000007", code=wrong)
    with pytest.raises(ValidationError, match="错误次数过多"):
        accounts.verification_code_check(mobile="13800000007", code=wrong)
    # when / then: even the right code no longer works
    with pytest.raises(ValidationError, match="错误次数过多"):
        accounts.verification_code_check(mobile="13800000007", code=good)


def test_expired_code_is_refused(demo_regions, sms_outbox):
    from anju.portal.models import VerificationCode

    # given
    accounts.verification_code_send(mobile="13800000008")
    VerificationCode.objects.update(expires_at=VerificationCode.objects.get().created_at - timedelta(seconds=1))
    # when / then
    with pytest.raises(ValidationError, match="已失效"):
        accounts.verification_code_check(mobile="13800000008", code=last_code(sms_outbox))


def test_code_works_once(demo_regions, sms_outbox):
    # given
    accounts.verification_code_send(mobile="13800000010")
    code = last_code(sms_outbox)
    accounts.verification_code_check(mobile="13800000010", code=code)
    # when / then
    with pytest.raises(ValidationError):
        accounts.verification_code_check(mobile="13800000010", code=code)


def test_registered_number_cannot_register_again(demo_regions):
    # given
    applicant_account(mobile="13800000011")
    # when / then
    with pytest.raises(ValidationError, match="已注册"):
        accounts.verification_code_send(mobile="13800000011")


def test_weak_password_is_refused_and_nothing_is_created(demo_regions, sms_outbox):
    from anju.accounts.models import User

    # given
    accounts.verification_code_send(mobile="13800000012")
    # when / then
    with pytest.raises(ValidationError) as caught:
        accounts.applicant_register(mobile="13800000012", code=last_code(sms_outbox), password="short")
    assert "password1" in caught.value.message_dict
    assert not User.objects.filter(username__startswith="app_").exists()


def test_register_page_sends_code_then_registers_and_signs_in(client, demo_regions, sms_outbox):
    url = reverse("portal:register")
    # when: 获取验证码
    response = client.post(url, {"mobile": "13800000013", "action": "send_code"})
    # then: the page keeps the number and says the code was sent
    html = response.content.decode()
    assert response.status_code == 200
    assert "验证码已发送" in html
    assert 'value="13800000013"' in html
    # when: 注册
    response = client.post(
        url,
        {"mobile": "13800000013", "code": last_code(sms_outbox), "full_name": "张明", "password1": APPLICANT_PASSWORD,
         "password2": APPLICANT_PASSWORD, "action": "submit"},
    )  # fmt: skip
    # then
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:apply")
    assert client.get(reverse("portal:my_cases")).status_code == 200


def test_register_page_shows_rate_limit_as_429(client, demo_regions):
    url = reverse("portal:register")
    client.post(url, {"mobile": "13800000014", "action": "send_code"})
    # when
    response = client.post(url, {"mobile": "13800000014", "action": "send_code"})
    # then
    assert response.status_code == 429
    assert "秒后再获取" in response.content.decode()


def test_register_page_wrong_code_keeps_input(client, demo_regions, sms_outbox):
    url = reverse("portal:register")
    client.post(url, {"mobile": "13800000015", "action": "send_code"})
    wrong = "000000" if last_code(sms_outbox) != "000000" else "111111"
    # when
    response = client.post(
        url,
        {
            "mobile": "13800000015",
            "code": wrong,
            "full_name": "王五",
            "password1": APPLICANT_PASSWORD,
            "password2": APPLICANT_PASSWORD,
        },
    )
    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert "验证码不正确" in html
    assert 'value="王五"' in html


def test_login_with_mobile_and_password(client, demo_regions):
    # given
    applicant_account(mobile="13800000016")
    # when
    response = client.post(reverse("portal:login"), {"mobile": "13800000016", "password": APPLICANT_PASSWORD})
    # then
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:my_cases")


def test_login_with_mobile_for_an_account_made_outside_portal_registration(client, demo_regions):
    # given: the demo's applicant, created with its own user name (not the one registration derives)
    from anju.accounts.models import User
    from anju.accounts.services.demo import DEMO_PASSWORD, demo_accounts_create

    demo_accounts_create()
    applicant = User.objects.get(username="applicant")
    # when: signing in on the portal with the account's mobile number
    response = client.post(reverse("portal:login"), {"mobile": applicant.mobile, "password": DEMO_PASSWORD})
    # then
    assert response.status_code == 302 and response["Location"] == reverse("portal:my_cases")
    assert client.session["_auth_user_id"] == str(applicant.pk)


def test_login_locks_after_five_failures(client, demo_regions):
    # given
    applicant_account(mobile="13800000017")
    url = reverse("portal:login")
    for _ in range(5):
        response = client.post(url, {"mobile": "13800000017", "password": "Wrong#Password2026"})
        assert response.status_code in (200, 429)
    # when: even the right password is refused while locked
    response = client.post(url, {"mobile": "13800000017", "password": APPLICANT_PASSWORD})
    # then
    assert response.status_code == 429
    assert "锁定" in response.content.decode()


def test_one_address_trying_many_numbers_is_paused(client, demo_regions, settings):
    # given: an address that failed on three different numbers within the hour (none locked by axes)
    settings.PORTAL_LOGIN_MAX_FAILURES_PER_IP_HOUR = 3
    applicant_account(mobile="13800000031")
    url = reverse("portal:login")
    for mobile in ("13800000032", "13800000033", "13800000034"):
        assert client.post(url, {"mobile": mobile, "password": "Wrong#Password2026"}).status_code == 200
    # when: the same address signs in even with a right password
    refused = client.post(url, {"mobile": "13800000031", "password": APPLICANT_PASSWORD})
    # then: refused for a while with a Chinese message, not signed in
    assert refused.status_code == 429 and "当前网络登录失败次数过多" in refused.content.decode()
    assert "_auth_user_id" not in client.session
    # and another address is not affected
    other = client.post(url, {"mobile": "13800000031", "password": APPLICANT_PASSWORD}, REMOTE_ADDR="10.9.8.7")
    assert other.status_code == 302


def test_login_failure_does_not_tell_whether_the_number_exists(client, demo_regions):
    # given
    applicant_account(mobile="13800000018")
    url = reverse("portal:login")
    # when
    known = client.post(url, {"mobile": "13800000018", "password": "Wrong#Password2026"}).content.decode()
    unknown = client.post(url, {"mobile": "13800000019", "password": "Wrong#Password2026"}).content.decode()
    # then
    assert "手机号码或密码不正确" in known
    assert "手机号码或密码不正确" in unknown


def test_staff_cannot_log_in_on_the_portal(client, community_clerk):
    # when
    response = client.post(reverse("portal:login"), {"mobile": "13800000020", "password": "Anju#Persona2026"})
    # then
    assert response.status_code == 200


def test_forms_need_csrf(demo_regions):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    # when
    response = client.post(reverse("portal:register"), {"mobile": "13800000021", "action": "send_code"})
    # then
    assert response.status_code == 403


def test_password_reset_with_code(client, demo_regions, sms_outbox, settings):
    settings.PORTAL_CODE_INTERVAL_SECONDS = 0
    # given
    user = applicant_account(mobile="13800000022")
    url = reverse("portal:password_reset")
    client.post(url, {"mobile": "13800000022", "action": "send_code"})
    new = "Anju#NewSecret2026"
    # when
    response = client.post(
        url, {"mobile": "13800000022", "code": last_code(sms_outbox), "password1": new, "password2": new}
    )
    # then
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new)
