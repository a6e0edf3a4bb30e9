"""Demo cases of the portal's applicant accounts: 网上签约 for `applicant`, 租金 for `tenant`.

`demo_portal_cases_create()` runs from `manage.py load_portal_demo`, which `demo_setup` calls after
the distribution demo (rounds, selections, signed contracts) and the tenancy demo (move-ins, rent).
It builds on those rounds, through the same services, for two households still waiting to choose:

- `applicant` (the demo applicant account of `accounts.services.demo`): the household chooses a unit
  and gets a DRAFT lease (合同草稿), which the account reads and signs online with an SMS code.
- `tenant` (created here, same demo password): the household chooses a unit, its lease is signed
  at the counter by the city officer three months ago, it moved in then, rent is charged for every
  month since, and one partial payment leaves arrears.

Each household is linked to its account by `Application.applicant_account` and an
`OnlineApplication` (the case pages of the portal key on it). Idempotent: an account that already
owns a registered application is left alone, so a second run adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

TENANT_USERNAME = "tenant"
TENANT_MOBILE = "13905580011"  # the accounts demo uses 1390558 0001–0010
TENANT_MONTHS = 4  # months of rent charged to the tenant household, the current one included
PAYMENT_KEY = "demo:portal:tenant:1"  # idempotency key of the tenant's partial payment


@dataclass
class DemoCase:
    """One demo case: the account, its online case and the contract (None when it could not be built)."""

    username: str
    created: bool = False
    online: Any = None
    contract: Any = None
    note: str = ""


def _tenant_account() -> tuple[Any, bool]:
    """The `tenant` applicant account (created once, like the accounts demo: demo password, history, role)."""
    from anju.accounts.models import User
    from anju.accounts.roles import Role
    from anju.accounts.services.demo import DEMO_PASSWORD
    from anju.accounts.services.passwords import password_history_record
    from anju.accounts.services.roles import role_grant_record
    from anju.accounts.services.users import user_mobile_set

    user = User.objects.filter(username=TENANT_USERNAME).first()
    created = user is None
    if created:
        applicant = User.objects.filter(username="applicant").first()
        user = User(username=TENANT_USERNAME, full_name="赵租户", jurisdiction=getattr(applicant, "jurisdiction", None))
        user_mobile_set(user, TENANT_MOBILE)
        user.set_password(DEMO_PASSWORD)
        user.password_changed_at = timezone.now()
        user.save()
        password_history_record(user=user)
    if not user.role_grants.filter(role=Role.APPLICANT).exists():
        role_grant_record(user=user, role=Role.APPLICANT, granted_by=None)
    return user, created


def _existing_case(user: Any) -> Any:
    """The account's online case over a registered application (the demo's, or one the user made), or None."""
    from anju.portal.models import OnlineApplication

    return (
        OnlineApplication.objects.filter(user=user, application__register_entry__isnull=False)
        .select_related("application")
        .order_by("pk")
        .first()
    )


def _choose_next(acting_user: Any) -> Any:
    """The next waiting household of a round in 选房 takes the first available unit (as the distribution demo does)."""
    from anju.distribution.choices import RoundState, SelectionStatus
    from anju.distribution.models import Selection
    from anju.distribution.selectors_rounds import available_units
    from anju.distribution.services.selection import selection_choose

    waiting = (
        Selection.objects.filter(round__state=RoundState.SELECTING, status=SelectionStatus.WAITING)
        .select_related("round", "register_entry__application")
        .order_by("round_id", "order")
    )
    tried: set[int] = set()
    for selection in waiting:
        if selection.round_id in tried:
            continue  # only the first waiting household of a round is in its turn
        tried.add(selection.round_id)
        if not selection.register_entry.is_active or selection.register_entry.application.applicant_account_id:
            continue  # an online applicant's own household is not the demo's to move
        unit = available_units(round_=selection.round).first()
        if unit is None:
            continue
        now = timezone.now()
        if selection.window_end and now > selection.window_end:
            now = selection.window_start or selection.window_end  # a demo database from an earlier day
        return selection_choose(selection=selection, unit=unit, acting_user=acting_user, now=now)
    return None


def _terms(selection: Any, effective_on: Any) -> Any:
    """Lease terms as in `distribution.demo.demo_contracts_create`: 10 元/㎡ a month, deposit two months."""
    from anju.distribution.services.contracts import ContractTerms

    entry, unit = selection.register_entry, selection.unit
    rent = (Decimal(unit.floor_area) * Decimal("10.00")).quantize(Decimal("0.01"))
    return ContractTerms(
        signer_name=entry.applicant_name,
        signer_id_number=entry.id_number,
        monthly_rent=rent,
        deposit=rent * 2,
        sale_price=(Decimal(unit.floor_area) * Decimal("4500.00")).quantize(Decimal("0.01")),
        effective_on=effective_on,
    )


def _link(user: Any, application: Any) -> Any:
    """Link the household to the account: `Application.applicant_account` and the portal's online case."""
    from anju.admission.models import Application
    from anju.portal.models import OnlineApplication

    Application.objects.filter(pk=application.pk).update(applicant_account=user)
    has_active = OnlineApplication.objects.filter(user=user, is_active=True).exists()
    online, _ = OnlineApplication.objects.get_or_create(
        application=application,
        defaults={
            "user": user,
            "step": "submitted",
            "is_active": not has_active,  # one case in progress per account
            "submitted_at": application.submitted_at or timezone.now(),
        },
    )
    return online


def _draft_case(user: Any, acting_user: Any) -> DemoCase:
    """`applicant`: a chosen unit and a DRAFT lease, ready for 网上签约."""
    from anju.distribution.services.contracts import contract_create_from_selection

    case = DemoCase(username=user.username)
    existing = _existing_case(user)
    if existing is not None:
        case.online = existing
        case.contract = existing.application.register_entry.contracts.order_by("-pk").first()
        return case
    with transaction.atomic():
        selection = _choose_next(acting_user)
        if selection is None:
            case.note = "没有正在选房的轮候家庭，未生成待签合同。"
            return case
        terms = _terms(selection, timezone.localdate().replace(day=1))
        case.contract = contract_create_from_selection(selection=selection, terms=terms, acting_user=acting_user)
        case.online = _link(user, selection.register_entry.application)
    case.created = True
    return case


def _tenant_case(user: Any, acting_user: Any) -> DemoCase:
    """`tenant`: lease signed and moved in TENANT_MONTHS - 1 months ago, rent charged since, one partial payment."""
    from anju.distribution.services.contracts import contract_create_from_selection, contract_sign
    from anju.tenancy.services.common import add_months
    from anju.tenancy.services.occupancy import move_in_create
    from anju.tenancy.services.rent import payment_record, rent_run

    case = DemoCase(username=user.username)
    existing = _existing_case(user)
    if existing is not None:
        case.online = existing
        case.contract = existing.application.register_entry.contracts.order_by("-pk").first()
        return case
    first_month = add_months(timezone.localdate().replace(day=1), -(TENANT_MONTHS - 1))
    with transaction.atomic():
        selection = _choose_next(acting_user)
        if selection is None:
            case.note = "没有正在选房的轮候家庭，未生成已入住家庭。"
            return case
        entry = selection.register_entry
        contract = contract_create_from_selection(
            selection=selection, terms=_terms(selection, first_month), acting_user=acting_user
        )
        contract = contract_sign(contract=contract, acting_user=acting_user, sign_date=first_month)
        move_in_create(lease=contract, moved_in_on=first_month, acting_user=None)
        for index in range(TENANT_MONTHS):
            rent_run(period=add_months(first_month, index), acting_user=None)  # only adds the missing charges
        rent = Decimal(contract.monthly_rent)
        payment_record(
            register_entry=entry, amount=(rent * Decimal("1.5")).quantize(Decimal("0.01")), method="mobile",
            shortfall_reason="家庭困难，申请分期缴纳（示例）", acting_user=None, idempotency_key=PAYMENT_KEY,
        )  # fmt: skip
        case.contract = contract
        case.online = _link(user, entry.application)
        type(user).objects.filter(pk=user.pk).update(full_name=entry.applicant_name)  # the household's applicant
    case.created = True
    return case


def demo_portal_cases_create() -> dict[str, Any]:
    """Build (once) the `applicant` and `tenant` demo cases; what was done, for the command to print."""
    from anju.accounts.models import User

    officer = User.objects.filter(username="city").first()  # contracts are drawn up and signed by a person
    applicant = User.objects.filter(username="applicant").first()
    if officer is None or applicant is None:
        note = "缺少演示账号 city 或 applicant（请先运行 demo_setup），未生成门户演示案例。"
        return {"tenant_created": False, "cases": [], "note": note}
    tenant, tenant_created = _tenant_account()
    result: dict[str, Any] = {"tenant_created": tenant_created, "cases": []}
    for build, user in ((_draft_case, applicant), (_tenant_case, tenant)):
        try:
            result["cases"].append(build(user, officer))
        except ValidationError as exc:  # e.g. no signing certificate configured: the rest of the demo still loads
            result["cases"].append(DemoCase(username=user.username, note="未生成：" + "；".join(exc.messages)))
    return result
