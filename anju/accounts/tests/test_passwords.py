"""Password policy (security.md #1): validators, history, expiry."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from anju.accounts.models import PasswordHistory
from anju.accounts.passwords import CharacterClassValidator, HistoryValidator, LengthValidator
from anju.accounts.services.passwords import password_is_expired, user_password_set
from conftest import PERSONA_PASSWORD

pytestmark = pytest.mark.django_db

STRONG = "Qiao#Cheng2026x"


@pytest.mark.parametrize(
    ("password", "fragment"),
    [
        ("Ab1#short", "至少需要 12 个字符"),
        ("abcdefghijkl", "至少 3 类"),
        ("abcdefgh1234", "至少 3 类"),
        ("Password1234", "太常见"),
    ],
)
def test_weak_passwords_are_rejected_in_chinese(district_officer, password, fragment):
    # given a weak password
    # when the configured validators run
    with pytest.raises(ValidationError) as excinfo:
        validate_password(password, district_officer)
    # then the message says why, in Chinese
    assert any(fragment in message for message in excinfo.value.messages), excinfo.value.messages


def test_strong_password_passes(district_officer):
    # given / when / then: no exception
    validate_password(STRONG, district_officer)


def test_character_classes_count_symbols_and_digits():
    validator = CharacterClassValidator()
    validator.validate("abcdefgh12#$")  # lower, digit, symbol
    with pytest.raises(ValidationError, match="缺少：大写字母、符号"):
        validator.validate("abcdefgh1234")


def test_length_follows_the_setting(settings):
    settings.PASSWORD_MIN_LENGTH = 16
    with pytest.raises(ValidationError, match="16"):
        LengthValidator().validate("Abcdef#1234567")
    assert "16" in LengthValidator().get_help_text()


def test_history_refuses_the_last_five(district_officer):
    # given six passwords set in turn
    passwords = [f"Anju#History{n}x" for n in range(6)]
    for raw in passwords:
        user_password_set(user=district_officer, raw_password=raw, acting_user=district_officer)
    # then the history keeps five hashes
    assert PasswordHistory.objects.filter(user=district_officer).count() == 5
    # the last five are refused, the sixth-from-last is allowed again
    for raw in passwords[1:]:
        with pytest.raises(ValidationError, match="最近 5 次"):
            HistoryValidator().validate(raw, district_officer)
    HistoryValidator().validate(passwords[0], district_officer)


def test_history_covers_the_current_password_without_history_rows(district_officer):
    # given a persona created without the service (no history rows)
    assert not PasswordHistory.objects.filter(user=district_officer).exists()
    # then its current password is still refused
    with pytest.raises(ValidationError):
        HistoryValidator().validate(PERSONA_PASSWORD, district_officer)


def test_password_set_stamps_time_and_clears_the_flag(district_officer):
    district_officer.must_change_password = True
    district_officer.save()
    before = timezone.now()
    user_password_set(user=district_officer, raw_password=STRONG, acting_user=district_officer)
    district_officer.refresh_from_db()
    assert district_officer.password_changed_at >= before
    assert district_officer.must_change_password is False
    assert district_officer.check_password(STRONG)


def test_change_page_refuses_reuse_and_keeps_input(client, district_officer):
    # given a signed-in officer
    client.force_login(district_officer)
    # when the new password equals the current one
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PERSONA_PASSWORD, "new_password1": PERSONA_PASSWORD, "new_password2": PERSONA_PASSWORD},
    )
    # then the form is shown again with the history message
    assert response.status_code == 200
    assert "最近 5 次" in response.content.decode()


def test_change_page_changes_password_and_audits(client, district_officer):
    from anju.accounts.tests.helpers import audit_rows

    client.force_login(district_officer)
    response = client.post(
        reverse("accounts:password_change"), {"old_password": PERSONA_PASSWORD, "new_password1": STRONG, "new_password2": STRONG}
    )
    assert response.status_code == 302
    district_officer.refresh_from_db()
    assert district_officer.check_password(STRONG)
    assert audit_rows("PASSWORD_CHANGED", username=district_officer.username).count() == 1
    # the session survives the change (new auth hash kept in the session)
    assert client.get(reverse("accounts:password_change")).status_code == 200


def test_91_day_old_password_forces_a_change(client, district_officer):
    # given a password changed 91 days ago
    district_officer.password_changed_at = timezone.now() - timedelta(days=91)
    district_officer.save()
    client.force_login(district_officer)
    # when the officer opens a staff page
    response = client.get("/staff/")
    # then they are sent to the change page
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:password_change"))
    # and the change page itself, and logout, stay reachable
    assert client.get(reverse("accounts:password_change")).status_code == 200
    assert client.post(reverse("accounts:logout")).status_code == 302


def test_89_day_old_password_is_accepted(district_officer):
    district_officer.password_changed_at = timezone.now() - timedelta(days=89)
    assert not password_is_expired(district_officer)


def test_expiry_by_time_travel(district_officer):
    # given a fresh password; when 91 days pass; then it has expired
    with time_machine.travel(timezone.now() + timedelta(days=91)):
        assert password_is_expired(district_officer)


def test_max_age_zero_disables_ageing(settings, district_officer):
    settings.PASSWORD_MAX_AGE_DAYS = 0
    district_officer.password_changed_at = timezone.now() - timedelta(days=400)
    assert not password_is_expired(district_officer)


def test_applicants_are_not_aged(applicant):
    applicant.password_changed_at = timezone.now() - timedelta(days=400)
    assert not password_is_expired(applicant)


def test_must_change_flag_forces_a_change(client, district_officer):
    district_officer.must_change_password = True
    district_officer.save()
    client.force_login(district_officer)
    response = client.get(reverse("accounts:organisation_list"))
    assert response.status_code == 302
    assert reverse("accounts:password_change") in response["Location"]
