"""Set-wise generators of benchmark data for `bench/rent_run.py` and `bench/annual_review.py`.

Rows are written with one `INSERT … SELECT` per table over a number series (PostgreSQL
`generate_series`, SQLite a recursive CTE), every column given an SQL expression of the row
number `n` or the field's default. Encrypted columns get a placeholder (the benchmarks never
decrypt). Not for production data.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.db import connection, models
from django.utils import timezone


def _series(count: int) -> tuple[str, str]:
    """(WITH prefix, FROM clause) giving rows n = 1..count."""
    if connection.vendor == "postgresql":
        return "", f"generate_series(1, {int(count)}) AS seq(n)"
    recursive = f"WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < {int(count)}) "  # noqa: S608
    return recursive, "seq"


def _literal(field: models.Field, value: Any) -> tuple[str, list[Any]]:
    if value is None:
        return "NULL", []
    return "%s", [field.get_db_prep_save(value, connection)]


def insert_series(model: type[models.Model], count: int, exprs: dict[str, str], *, extra_from: str = "") -> int:
    """Insert `count` rows of `model`; `exprs` maps field names (attname) to SQL expressions of `n`."""
    now = timezone.now()
    columns, values, params = [], [], []
    for field in model._meta.concrete_fields:
        if field.primary_key and field.attname not in exprs:
            continue
        columns.append(connection.ops.quote_name(field.column))
        if field.attname in exprs:
            values.append(exprs[field.attname])
            continue
        if isinstance(field, models.DateTimeField) and (field.auto_now or field.auto_now_add):
            sql, p = _literal(field, now)
        elif field.has_default():
            default = field.get_default()
            sql, p = _literal(field, default)
        elif field.null:
            sql, p = "NULL", []
        elif isinstance(field, models.CharField | models.TextField):
            sql, p = "''", []
        else:
            raise ValueError(f"{model.__name__}.{field.name} needs an expression")
        values.append(sql)
        params.extend(p)
    prefix, source = _series(count)
    table = connection.ops.quote_name(model._meta.db_table)
    statement = (
        f"{prefix}INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(values)} FROM {source} {extra_from}"  # noqa: S608
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.rowcount


def _text(expression: str) -> str:
    return f"CAST({expression} AS VARCHAR(40))" if connection.vendor == "postgresql" else f"CAST({expression} AS TEXT)"


def leases_generate(*, count: int, region_code: str = "341602001001", tag: str = "B") -> dict[str, int]:
    """`count` households each with an application, register entry, unit, signed lease and move-in."""
    from anju.admission.models import Application, RegisterEntry
    from anju.distribution.models import Contract
    from anju.housing.models import Building, Project, Unit
    from anju.tenancy.models import MoveIn

    stamp = datetime(2025, 3, 1, tzinfo=ZoneInfo("Asia/Shanghai"))
    project = Project.objects.create(number=f"XM{tag}BENCH", proposed_name="基准测试项目", region_code=region_code,
                                     category="public_rental", construction_mode="new", year=2025)  # fmt: skip
    building = Building.objects.create(project=project, number=f"DT{tag}BENCH", name="基准楼", region_code=region_code)
    base = {
        "app": Application.objects.order_by("-pk").values_list("pk", flat=True).first() or 0,
        "entry": RegisterEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0,
        "unit": Unit.objects.order_by("-pk").values_list("pk", flat=True).first() or 0,
        "contract": Contract.objects.order_by("-pk").values_list("pk", flat=True).first() or 0,
    }
    region = f"'{region_code}'"
    n = _text("n")
    concat = lambda *parts: " || ".join(parts)  # noqa: E731 - both databases concatenate with ||
    insert_series(Application, count, {
        "id": f"n + {base['app']}", "number": concat(f"'SQ{tag}'", n), "registration_year": "2025",
        "applicant_name": concat("'住户'", n), "id_number": "'x'", "id_number_index": concat(f"'bi{tag}'", n), "region_code": region,
        "status": "'registered'", "household_size": "1",
    })  # fmt: skip
    insert_series(RegisterEntry, count, {
        "id": f"n + {base['entry']}", "number": concat(f"'DJ{tag}'", n), "application_id": f"n + {base['app']}",
        "applicant_name": concat("'住户'", n), "id_number": "'x'", "id_number_index": concat(f"'be{tag}'", n), "region_code": region,
        "household_size": "1", "registered_at": f"'{stamp.isoformat()}'", "security_state": "'02'",
    })  # fmt: skip
    insert_series(Unit, count, {
        "id": f"n + {base['unit']}", "building_id": str(building.pk), "number": concat(f"'FW{tag}'", n), "room_number": n,
        "entrance": "'1'", "floor_from": "1", "floor_to": "1", "floor_area": "60", "initial_nature": "'public_rental'",
        "housing_kind": "'public_rental'", "region_code": region, "state": "'occupied'",
    })  # fmt: skip
    insert_series(Contract, count, {
        "id": f"n + {base['contract']}", "number": concat(f"'HT{tag}'", n), "contract_type": "'lease'",
        "register_entry_id": f"n + {base['entry']}", "unit_id": f"n + {base['unit']}", "region_code": region,
        "monthly_rent": "300 + (n %% 7) * 50", "deposit": "600", "signer_name": concat("'住户'", n), "signer_id_number": "'x'",
        "status": "'signed'", "effective_on": "'2026-01-01'",
    })  # fmt: skip
    insert_series(MoveIn, count, {
        "lease_id": f"n + {base['contract']}", "register_entry_id": f"n + {base['entry']}", "unit_id": f"n + {base['unit']}",
        "region_code": region, "moved_in_on": "'2026-01-05'", "rent": "300 + (n %% 7) * 50",
        "reduction_amount": "CASE WHEN n %% 10 = 0 THEN 50 ELSE 0 END", "has_reduction": "n %% 10 = 0", "deposit": "600",
    })  # fmt: skip
    return {"leases": count}


def register_entries_for_applications(*, applications: Any, tag: str = "R") -> int:
    """A register entry (已配租) for each application of the queryset that has none (one INSERT … SELECT)."""
    from anju.admission.models import Application, RegisterEntry

    source = applications.filter(register_entry__isnull=True)
    sql, params = source.values("pk").query.sql_with_params()
    app_table = connection.ops.quote_name(Application._meta.db_table)
    copied = {f.attname for f in Application._meta.concrete_fields}
    exprs = {
        "number": f"'DJ{tag}' || " + _text("a.id"), "application_id": "a.id", "registered_at": f"'{date(2025, 3, 1).isoformat()} 00:00:00+08:00'",
        "security_state": "'02'", "id_number_index": f"'bx{tag}' || " + _text("a.id"),
    }  # fmt: skip
    for field in RegisterEntry._meta.concrete_fields:
        if field.attname in copied and field.attname not in exprs and not field.primary_key and field.attname not in (
            "created_at", "updated_at", "number", "registered_at",
        ):  # fmt: skip
            exprs[field.attname] = f"a.{connection.ops.quote_name(field.column)}"
    now = timezone.now()
    columns, values, extra = [], [], []
    for field in RegisterEntry._meta.concrete_fields:
        if field.primary_key:
            continue
        columns.append(connection.ops.quote_name(field.column))
        if field.attname in exprs:
            values.append(exprs[field.attname])
        elif field.attname in ("created_at", "updated_at"):
            values.append("%s")
            extra.append(field.get_db_prep_save(now, connection))
        elif field.has_default():
            values.append("%s")
            extra.append(field.get_db_prep_save(field.get_default(), connection))
        elif field.null:
            values.append("NULL")
        else:
            values.append("''")
    table = connection.ops.quote_name(RegisterEntry._meta.db_table)
    statement = (
        f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(values)} FROM {app_table} a "  # noqa: S608
        f"WHERE a.id IN ({sql})"
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, [*extra, *params])
        return cursor.rowcount
