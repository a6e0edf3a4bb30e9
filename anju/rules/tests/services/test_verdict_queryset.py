"""`verdict_queryset`: the batch verdict as a composable queryset gives the batch and single evaluators' answers."""

import datetime
import random

from django.db import connection

from anju.admission.models import Application
from anju.rules.services.evaluation import evaluate_application, evaluate_batch, verdict_queryset
from anju.rules.tests.factories import AS_OF, household


def _households(n, seed=5):
    rng = random.Random(seed)
    for _ in range(n):
        members = [
            {"hukou_years": rng.choice([0, 3, 10]), "annual_income": rng.choice([12000, 33200, 45000, 90000]),
             "age": rng.choice([20, 40, 70])}
            for _ in range(rng.randint(1, 3))
        ]  # fmt: skip
        household(members=members, region_code=rng.choice(["341602001001", "341621001001"]))


def test_verdict_queryset_agrees_with_batch_and_single(bozhou_rules):
    _households(24)
    applications = Application.objects.all()
    verdicts = verdict_queryset(queryset=applications, as_of=AS_OF)
    admitted = set(verdicts.filter(rules_ok=True).values_list("pk", flat=True))
    batch = evaluate_batch(queryset=applications, as_of=AS_OF)
    single = {a.pk for a in applications if evaluate_application(application=a, as_of=AS_OF, record=False).eligible}
    assert admitted == {pk for pk, ok in batch.items() if ok} == single
    assert 0 < len(admitted) < 24  # both verdicts occur
    # usable as the SELECT of an INSERT … SELECT: one statement, columns by name
    sql, params = verdicts.values("pk", "rules_ok").order_by().query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({sql}) v WHERE v.rules_ok = %s", [*params, True])  # noqa: S608
        assert cursor.fetchone()[0] == len(admitted)


def test_no_rules_in_force_admits_nobody(bozhou_rules):
    _households(3)
    before = datetime.date(2024, 12, 31)  # the demo rules start on 2025-01-01
    verdicts = verdict_queryset(queryset=Application.objects.all(), as_of=before)
    assert list(verdicts.values_list("rules_ok", flat=True)) == [False, False, False]
