"""Every write of this part leaves an audit event naming the record."""

from datetime import date
from decimal import Decimal

import pytest

from anju.admission.services.objections import objection_create
from anju.admission.services.plans import plan_adjust, plan_create
from anju.admission.services.publicity import publicity_create, publicity_publish
from anju.admission.services.suppliers import supplier_unit_create
from anju.audit.events import AuditAction

pytestmark = pytest.mark.django_db


def events_for(obj):
    """Audit actions recorded for a record."""
    from anju.audit.models import AuditEvent

    return list(
        AuditEvent.objects.filter(object_id=str(obj.pk), object_type__icontains=type(obj).__name__.lower()).values_list(
            "action", flat=True
        )
    )


def test_publicity_objection_plan_and_supplier_writes_are_audited(at_publicity, district_officer):
    # when
    publicity = publicity_create(
        title="公示", start_date=date(2026, 11, 1), end_date=date(2026, 11, 7), channel="01", place="",
        applications=[at_publicity], acting_user=district_officer,
    )  # fmt: skip
    publicity_publish(publicity=publicity, acting_user=district_officer)
    objection = objection_create(
        entry=publicity.entries.get(), content="有房", channel="03", acting_user=district_officer
    )
    plan = plan_create(application=at_publicity, security_mode="12", acting_user=district_officer)
    plan_adjust(
        plan=plan,
        acting_user=district_officer,
        standard_amount=Decimal(1),
        subsidy_amount=None,
        allocated_area=Decimal(30),
        adjustment_reason="调整",
    )
    unit = supplier_unit_create(
        region_code="341602000000", acting_user=district_officer, organisation_number="U1", organisation_name="安居公司",
        target_category="builder", project_category="02", support_mode="subsidy", requested_amount=Decimal(10),
    )  # fmt: skip
    # then
    assert len(events_for(publicity)) == 2
    assert len(events_for(objection)) == 1
    assert len(events_for(plan)) == 2
    assert len(events_for(unit)) == 1
    assert set(events_for(publicity)) == {AuditAction.RECORD_CREATED, AuditAction.RECORD_UPDATED}
