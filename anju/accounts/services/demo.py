"""Demo organisations and one account per role for 亳州市 (the Bozhou case)."""

from __future__ import annotations

import hashlib
from typing import Any

from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from anju.accounts.models import Organisation, OrganisationKind, User
from anju.accounts.roles import ADMIN_ROLES, Role
from anju.accounts.services.otp import DEVICE_NAME, otp_secret_base32
from anju.accounts.services.passwords import password_history_record
from anju.accounts.services.roles import role_grant_record
from anju.accounts.services.users import user_mobile_set
from anju.core.models import Region
from anju.core.scoping import significant_prefix

DEMO_PASSWORD = "Anju@Demo2026"  # noqa: S105 - the published password of the demo accounts
CITY_CODE = "341600000000"
COUNTIES = (("341602000000", "谯城区"), ("341621000000", "涡阳县"), ("341622000000", "蒙城县"), ("341623000000", "利辛县"))
PARTNERS = (
    ("MZ", "亳州市民政局"),
    ("BDC", "亳州市不动产登记中心"),
    ("GA", "亳州市公安局"),
    ("RS", "亳州市人力资源和社会保障局"),
    ("GJJ", "亳州市住房公积金管理中心"),
)
# username, role, where: city | county | street | community | operator | partner
DEMO_ACCOUNTS = (
    ("clerk", Role.COMMUNITY_CLERK, "community", "王社区"),
    ("street", Role.STREET_REVIEWER, "street", "李街道"),
    ("district", Role.DISTRICT_OFFICER, "county", "张区县"),
    ("city", Role.CITY_OFFICER, "city", "陈市处"),
    ("operator", Role.OPERATOR, "operator", "周运营"),
    ("partner", Role.PARTNER, "partner", "吴民政"),
    ("applicant", Role.APPLICANT, "applicant", "李申请"),
    ("sysadmin", Role.SYSTEM_ADMIN, "city", "孙系统"),
    ("secadmin", Role.SECURITY_ADMIN, "city", "钱安全"),
    ("auditor", Role.AUDIT_ADMIN, "city", "郑审计"),
)
DEMO_USERNAMES = frozenset(username for username, *_ in DEMO_ACCOUNTS)


def demo_totp_key(username: str) -> str:
    """The fixed demo TOTP secret of an administrator (hex, 20 bytes); public, demo only."""
    return hashlib.sha1(f"anju-demo-totp|{username}".encode(), usedforsecurity=False).hexdigest()


def _region(code: str, name: str, level: int, parent: str | None) -> Region:
    region, _ = Region.objects.get_or_create(
        code=code, defaults={"name": name, "level": level, "parent_id": parent, "prefix": significant_prefix(code)}
    )
    return region


def _organisation(code: str, name: str, kind: str, region_code: str, parent: Organisation | None) -> Organisation:
    organisation, _ = Organisation.objects.update_or_create(
        code=code, defaults={"name": name, "kind": kind, "region_code": region_code, "parent": parent, "is_active": True}
    )
    return organisation


def _street_office_name(name: str) -> str:
    return f"{name}办事处" if name.endswith("街道") else f"{name}人民政府"


def _community_name(name: str) -> str:
    if name.endswith(("居委会", "村委会", "委员会")):
        return name
    return f"{name}居民委员会" if name.endswith("社区") else f"{name}村民委员会"


def demo_organisations_create() -> dict[str, Any]:
    """The Bozhou organisation tree; returns the anchors the demo accounts attach to."""
    _region("340000000000", "安徽省", 1, None)
    city_region = _region(CITY_CODE, "亳州市", 2, "340000000000")
    city = _organisation(f"{CITY_CODE}-ZFBZ", "亳州市住房保障和房产管理局", OrganisationKind.CITY_BUREAU, CITY_CODE, None)
    anchors: dict[str, Any] = {"city": (city, city_region)}
    for code, name in COUNTIES:
        county_region = _region(code, name, 3, CITY_CODE)
        bureau = _organisation(f"{code}-ZJJ", f"{name}住房和城乡建设局", OrganisationKind.DISTRICT_BUREAU, code, city)
        anchors.setdefault("county", (bureau, county_region))
        streets = Region.objects.filter(parent_id=code, level=4).order_by("code")[:2]
        for street in streets:
            office = _organisation(f"{street.code}-JD", _street_office_name(street.name), OrganisationKind.STREET_OFFICE, street.code, bureau)
            anchors.setdefault("street", (office, street))
            for community in Region.objects.filter(parent_id=street.code, level=5).order_by("code")[:2]:
                org = _organisation(f"{community.code}-SQ", _community_name(community.name), OrganisationKind.COMMUNITY, community.code, office)
                anchors.setdefault("community", (org, community))
    operator = _organisation(f"{CITY_CODE}-YY", "亳州市公共租赁住房运营管理有限公司", OrganisationKind.OPERATOR, CITY_CODE, city)
    anchors["operator"] = (operator, city_region)
    for suffix, name in PARTNERS:
        partner = _organisation(f"{CITY_CODE}-{suffix}", name, OrganisationKind.PARTNER, CITY_CODE, None)
        anchors.setdefault("partner", (partner, city_region))
    anchors.setdefault("street", anchors["county"])
    anchors.setdefault("community", anchors["street"])
    _community_org, community_region = anchors["community"]
    anchors["applicant"] = (None, community_region)
    return anchors


@transaction.atomic
def demo_accounts_create() -> list[dict[str, str]]:
    """Create (idempotently) the demo organisations and one account per role; rows to print.

    Every account shares `DEMO_PASSWORD`; administrators get a confirmed TOTP device with a
    fixed secret (shown as `totp_secret`; `manage.py demo_totp <username>` prints the code).
    """
    anchors = demo_organisations_create()
    rows = []
    for number, (username, role, where, full_name) in enumerate(DEMO_ACCOUNTS, start=1):
        organisation, region = anchors[where]
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, full_name=full_name, organisation=organisation, jurisdiction=region)
            user.is_staff = role == Role.SYSTEM_ADMIN  # the Django admin site also needs OTP and the role
            user_mobile_set(user, f"1390558{number:04d}")
            user.set_password(DEMO_PASSWORD)
            user.password_changed_at = timezone.now()
            user.save()
            password_history_record(user=user)
        if not user.role_grants.filter(role=role).exists():
            role_grant_record(user=user, role=role, granted_by=None)
        row = {
            "username": username,
            "password": DEMO_PASSWORD,
            "role": Role(role).label,
            "organisation": organisation.name if organisation else "",
            "jurisdiction": region.name if region else "",
            "totp_secret": "",
        }
        if role in ADMIN_ROLES:
            device, _ = TOTPDevice.objects.update_or_create(
                user=user, name=DEVICE_NAME, defaults={"key": demo_totp_key(username), "confirmed": True}
            )
            row["totp_secret"] = otp_secret_base32(device)
        rows.append(row)
    return rows
