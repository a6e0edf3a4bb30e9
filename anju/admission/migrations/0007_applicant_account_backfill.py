"""Link the online applications opened before `Application.applicant_account` existed to their applicant.

Until then the portal opened an online application with the applicant's own account as `created_by`
(decisions.md 23), so an application created by an account holding the applicant role is that
applicant's own. Window applications (created by a clerk) stay unlinked.
"""

from django.db import migrations, models


def link_applicants(apps, schema_editor):
    Application = apps.get_model("admission", "Application")
    RoleGrant = apps.get_model("accounts", "RoleGrant")
    applicants = RoleGrant.objects.filter(role="applicant").values("user_id")
    Application.objects.filter(applicant_account__isnull=True, created_by__in=applicants).update(
        applicant_account=models.F("created_by")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("admission", "0006_application_applicant_account"),
        ("accounts", "0001_initial"),
    ]

    # backwards: nothing to undo (the column itself goes with 0006)
    operations = [migrations.RunPython(link_applicants, migrations.RunPython.noop)]
