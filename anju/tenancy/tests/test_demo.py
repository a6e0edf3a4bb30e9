"""demo_tenancy_create: moves in the signed leases, charges rent, is idempotent."""

from datetime import date

from anju.tenancy.demo import demo_tenancy_create
from anju.tenancy.models import MoveIn, RentCharge
from anju.tenancy.tests.factories import building_make, entry_make, lease_make, unit_make


def test_demo_is_idempotent(demo_regions):
    building = building_make()
    for _ in range(3):
        lease_make(entry_make(), unit_make(building), effective_on=date(2026, 1, 1))
    first = demo_tenancy_create(months=3)
    again = demo_tenancy_create(months=3)
    assert first["move_ins"] == 3 and first["charges"] == 9
    assert again == {"move_ins": 0, "charges": 0, "payments": again["payments"], "fixed_costs": 0}
    assert MoveIn.objects.count() == 3 and RentCharge.objects.count() == 9
