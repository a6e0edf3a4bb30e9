"""The chain head row and the database triggers that make the event log append-only."""

from django.db import migrations

GENESIS_HASH = "0" * 64


def create_head(apps, schema_editor):
    AuditChainHead = apps.get_model("audit", "AuditChainHead")
    AuditChainHead.objects.using(schema_editor.connection.alias).get_or_create(
        pk=1, defaults={"sequence": 0, "row_hash": GENESIS_HASH}
    )


def install(apps, schema_editor):
    from anju.audit.triggers import install_triggers

    install_triggers(schema_editor.connection)


def uninstall(apps, schema_editor):
    from anju.audit.triggers import drop_triggers

    drop_triggers(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [
        migrations.RunPython(create_head, migrations.RunPython.noop),
        migrations.RunPython(install, uninstall),
    ]
