"""manage.py demo_data: deterministic, valid, set-based, refuses a second run of one seed."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from anju.admission.models import Application, Asset, Dwelling, Member, RegisterEntry
from anju.core.validators import resident_id_birth_date, resident_id_sex, validate_resident_id

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command("demo_data", *args, stdout=out)
    return out.getvalue()


def people():
    return sorted(Member.objects.values_list("id_number", flat=True))


def test_generates_households_with_valid_consistent_ids(demo_regions, dictionaries):
    # when 300 households are generated
    output = run("--households", "300", "--seed", "7", "--batch", "100")
    # then there are 300 applications in the demo communities, each with 1–5 members and one applicant
    assert Application.objects.count() == 300
    assert set(Application.objects.values_list("region_code", flat=True)) <= {"341602001001", "341621001001"}
    assert Member.objects.filter(is_applicant=True).count() == 300
    sizes = set(Application.objects.values_list("household_size", flat=True))
    assert sizes <= {1, 2, 3, 4, 5} and len(sizes) > 1
    # every ID number passes GB 11643, is unique, matches the member's sex and birth date and the county
    ids = people()
    assert len(ids) == len(set(ids)) == Member.objects.count()
    for member in Member.objects.select_related("application"):
        validate_resident_id(member.id_number)
        assert resident_id_sex(member.id_number) == member.sex
        assert resident_id_birth_date(member.id_number) == member.birth_date
        assert member.id_number[:6] == member.application.region_code[:6]
    # the household totals match the members and dwellings
    application = Application.objects.order_by("pk").first()
    assert application.household_size == application.members.count()
    assert application.income_total == sum(m.annual_income for m in application.members.all())
    assert Dwelling.objects.count() == 300 and Asset.objects.exists()
    # progress is printed per batch
    assert output.count("已生成") == 3 and "户/秒" in output


def test_generated_records_pass_model_validation(demo_regions, dictionaries):
    # given generated data
    run("--households", "40", "--seed", "3")
    # then every record is valid against the code tables and field rules
    for model in (Application, Member, Dwelling, Asset, RegisterEntry):
        for obj in model.objects.all():
            obj.full_clean(validate_constraints=False)


def test_same_seed_same_people_whatever_the_batch(demo_regions, dictionaries, django_db_blocker):
    # given one run with seed 42 in batches of 100
    run("--households", "250", "--seed", "42", "--batch", "100")
    first = people()
    # when the database is emptied and the same seed runs again with another batch size
    RegisterEntry.objects.all().delete()
    Member.objects.all().delete()
    Dwelling.objects.all().delete()
    Asset.objects.all().delete()
    Application.objects.all().delete()
    from anju.core.models import JobProgress

    JobProgress.objects.all().delete()
    run("--households", "250", "--seed", "42", "--batch", "1000")
    # then the same ID numbers are produced
    assert people() == first


def test_other_seed_other_people(demo_regions, dictionaries):
    run("--households", "50", "--seed", "1")
    first = set(people())
    run("--households", "50", "--seed", "2")
    assert len(set(people()) - first) > 0


def test_second_run_of_a_seed_is_refused(demo_regions, dictionaries):
    # given a seed already generated
    run("--households", "20", "--seed", "5")
    # when it runs again without a flag / then refused in Chinese, nothing added
    with pytest.raises(CommandError, match="--append"):
        run("--households", "20", "--seed", "5")
    assert Application.objects.count() == 20


def test_append_adds_new_people(demo_regions, dictionaries):
    run("--households", "20", "--seed", "5")
    run("--households", "30", "--seed", "5", "--append")
    ids = people()
    assert Application.objects.count() == 50
    assert len(ids) == len(set(ids))


def test_replace_regenerates(demo_regions, dictionaries):
    run("--households", "20", "--seed", "5")
    first = people()
    run("--households", "20", "--seed", "5", "--replace")
    assert Application.objects.count() == 20
    assert people() == first


def test_application_numbers_are_blocks_of_the_county_counter(demo_regions, dictionaries):
    run("--households", "60", "--seed", "9", "--batch", "100")
    numbers = list(Application.objects.filter(region_code__startswith="341602").order_by("number").values_list("number", flat=True))
    assert numbers[0].startswith("SQ341602")
    assert [int(n[-6:]) for n in numbers] == list(range(1, len(numbers) + 1))
    from anju.core.models import BusinessSequence

    assert BusinessSequence.objects.get(kind="application", region_code="341602").last_value == len(numbers)


def test_needs_regions(db):
    with pytest.raises(CommandError, match="load_regions"):
        run("--households", "5", "--seed", "1")


def test_worker_processes_give_the_same_people(demo_regions, dictionaries):
    # given one run rendered in this process
    run("--households", "250", "--seed", "21", "--batch", "100", "--workers", "0")
    first = people()
    first_rows = sorted(Application.objects.values_list("number", "applicant_name", "income_total", "household_size"))
    RegisterEntry.objects.all().delete()
    Member.objects.all().delete()
    Dwelling.objects.all().delete()
    Asset.objects.all().delete()
    Application.objects.all().delete()
    from anju.core.models import BusinessSequence, JobProgress

    JobProgress.objects.all().delete()
    BusinessSequence.objects.all().delete()
    # when the same seed is rendered by two worker processes
    output = run("--households", "250", "--seed", "21", "--batch", "100", "--workers", "2")
    # then the data is the same and the summary names the workers
    assert people() == first
    assert sorted(Application.objects.values_list("number", "applicant_name", "income_total", "household_size")) == first_rows
    assert "子进程 2 个" in output


def test_identifiers_are_encrypted_at_rest_with_blind_indexes(demo_regions, dictionaries):
    from django.db import connection

    from anju.core.crypto import get_provider

    # given generated data
    run("--households", "30", "--seed", "4", "--batch", "100")
    provider = get_provider()
    # then the stored columns hold SM4-GCM tokens, never the plain identifier
    with connection.cursor() as cursor:
        cursor.execute("SELECT id_number, id_number_index, phone, phone_index FROM admission_member")
        stored = cursor.fetchall()
    assert stored
    for token, index, phone_token, phone_index in stored:
        assert token.startswith("sm4g$")
        plain = provider.decrypt(token)
        validate_resident_id(plain)
        assert plain not in token
        # and the blind index is the provider's HMAC-SM3 of the plain value
        assert index == provider.blind_index(plain, purpose="id_number")
        if phone_token:
            assert phone_token.startswith("sm4g$")
            assert phone_index == provider.blind_index(provider.decrypt(phone_token), purpose="mobile")
        else:
            assert phone_index == ""
    # the application's look-up by ID number finds the applicant through the index
    member = Member.objects.filter(is_applicant=True).select_related("application").first()
    assert Application.objects.get(id_number_index=provider.blind_index(member.id_number, purpose="id_number")) == member.application


def test_registered_households_have_register_entries(demo_regions, dictionaries):
    from collections import Counter
    from decimal import Decimal

    from anju.admission.choices import ApplicationStatus
    from anju.admission.services.benefits import double_benefit_conflicts
    from anju.core.crypto import get_provider

    # when 300 households are generated
    output = run("--households", "300", "--seed", "11", "--batch", "100", "--workers", "0")
    registered = Application.objects.filter(status=ApplicationStatus.REGISTERED)
    # then every registered application, and only those, has one register entry
    assert registered.count() > 100
    assert RegisterEntry.objects.count() == registered.count()
    assert set(RegisterEntry.objects.values_list("application_id", flat=True)) == set(registered.values_list("pk", flat=True))
    assert f"准予登记 {registered.count()} 户" in output
    provider = get_provider()
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT id, id_number FROM admission_registerentry")
        stored = dict(cursor.fetchall())
    for entry in RegisterEntry.objects.select_related("application"):
        application = entry.application
        # the snapshot is the application's, the identifiers are encrypted at rest, decrypt, and the index matches
        assert stored[entry.pk].startswith("sm4g$")
        plain = provider.decrypt(stored[entry.pk])
        assert plain == entry.id_number == application.id_number
        assert entry.id_number_index == provider.blind_index(plain, purpose="id_number") == application.id_number_index
        assert entry.phone == application.phone
        assert (entry.region_code, entry.applicant_name, entry.household_size) == (
            application.region_code, application.applicant_name, application.household_size,
        )  # fmt: skip
        assert entry.income_total == application.income_total and entry.applied_at == application.submitted_at
        assets = sum((a.total_value for a in application.assets.all()), Decimal(0))
        assert entry.assets_total == assets
        assert entry.assets_per_capita == (assets / entry.household_size).quantize(Decimal("0.01"))
        assert entry.number.startswith(f"DJ{entry.region_code[:6]}")
        assert application.submitted_at < entry.registered_at
        assert entry.security_mode and (entry.implemented_mode == "" if entry.security_state == "01" else entry.implemented_mode)
        assert (entry.exited_at is not None) == (entry.security_state == "06")
        # findable by the blind index of the ID number
        assert RegisterEntry.objects.get(id_number_index=provider.blind_index(plain, purpose="id_number")) == entry
    # security states in believable proportions: mostly waiting, some secured, a few exited
    states = Counter(RegisterEntry.objects.values_list("security_state", flat=True))
    total = sum(states.values())
    assert states["01"] > total * 0.6
    assert 0 < states["02"] + states["03"] + states["04"] < total * 0.35
    assert 0 < states["06"] < total * 0.15
    # register numbers are blocks of the county's register counter
    from anju.core.models import BusinessSequence

    county = RegisterEntry.objects.filter(region_code__startswith="341602").count()
    assert BusinessSequence.objects.get(kind="register", region_code="341602").last_value == county
    # the double-benefit check sees an active entry (and not an exited one)
    active = RegisterEntry.objects.active().first()
    exited = RegisterEntry.objects.filter(security_state="06").first()
    reasons = double_benefit_conflicts(id_number_indexes=[active.id_number_index])
    assert reasons and "准予登记" in reasons[0]
    assert double_benefit_conflicts(id_number_indexes=[exited.id_number_index]) == []
    # and the service's register check reaches the entry even without the member rows
    Member.objects.filter(application=active.application).delete()
    assert any("准入登记簿" in reason for reason in double_benefit_conflicts(id_number_indexes=[active.id_number_index]))


def test_replace_removes_register_entries(demo_regions, dictionaries):
    run("--households", "60", "--seed", "12")
    entries = RegisterEntry.objects.count()
    assert entries > 0
    run("--households", "60", "--seed", "12", "--replace")
    assert RegisterEntry.objects.count() == entries


@pytest.mark.parametrize(
    ("vendor", "total", "existing", "expected"),
    [
        ("postgresql", 100_000, 0, True),  # a bulk load into empty tables rebuilds the indexes after
        ("postgresql", 100_000, 250_000, False),  # rebuilding would cost more than it saves
        ("postgresql", 5_000, 0, False),  # small loads keep their indexes
        ("sqlite", 1_000_000, 0, False),  # never on SQLite
    ],
)
def test_indexes_are_deferred_only_for_big_postgresql_loads(vendor, total, existing, expected):
    from anju.admission.management.commands.demo_data import defer_indexes

    assert defer_indexes(vendor=vendor, total=total, existing=existing) is expected
