"""manage.py demo_housing: four districts, believable states, coordinates, idempotent."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count

from anju.housing.models import Building, Project, Unit

pytestmark = pytest.mark.django_db


def test_demo_fills_the_four_districts_and_is_idempotent():
    # when
    call_command("demo_housing", seed=7, stdout=StringIO())
    counts = (Project.objects.count(), Building.objects.count(), Unit.objects.count())
    call_command("demo_housing", seed=7, stdout=StringIO())
    # then
    assert (Project.objects.count(), Building.objects.count(), Unit.objects.count()) == counts
    assert {p[:6] for p in Project.objects.values_list("region_code", flat=True)} == {"341602", "341621", "341622", "341623"}
    per_project = Project.objects.annotate(n=Count("buildings")).values_list("n", flat=True)
    assert all(2 <= n <= 4 for n in per_project)
    states = dict(Unit.objects.values_list("state").annotate(n=Count("id")))
    assert states.get("delivered", 0) + states.get("occupied", 0) > Unit.objects.count() / 2
    assert states.get("vacant", 0) > 0 and states.get("maintenance", 0) > 0
    lisin = Project.objects.filter(region_code="341623000000").first()
    assert abs(float(lisin.latitude) - 33.14) < 0.05 and abs(float(lisin.longitude) - 116.21) < 0.05
    assert not Building.objects.filter(latitude__isnull=True).exists()
