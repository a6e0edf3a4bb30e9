"""The daily overdue check notifies the handler and the supervisor once."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from anju.workflow.models import Notification
from anju.workflow.selectors import workbench_notices
from anju.workflow.services import instance_start, overdue_check, task_claim

pytestmark = pytest.mark.django_db


def test_overdue_task_notifies_handler_and_supervisor_once(linear_template, record, community_clerk, street_reviewer, district_officer):
    # given a claimed task two working days long, checked a week later
    instance = instance_start(template="linear", business_object=record, acting_user=community_clerk)
    task = instance.tasks.get()
    task_claim(task=task, acting_user=community_clerk)
    later = timezone.now() + dt.timedelta(days=8)
    # when
    report = overdue_check(now=later)
    again = overdue_check(now=later)
    # then
    assert report.overdue_tasks == 1 and again.overdue_tasks == 0
    assert Notification.objects.filter(user=community_clerk, title__startswith="待办超期").count() == 1
    assert Notification.objects.filter(user=street_reviewer, title__startswith="下级待办超期").count() == 1
    assert not Notification.objects.filter(user=district_officer).exists()
    assert [n.title for n in workbench_notices(street_reviewer)] == [f"下级待办超期：{task.title}"]


def test_task_not_yet_due_is_not_flagged(linear_template, record, community_clerk):
    instance_start(template="linear", business_object=record, acting_user=community_clerk)
    assert overdue_check().overdue_tasks == 0


def test_overdue_check_command_runs(linear_template, record, community_clerk, capsys):
    instance_start(template="linear", business_object=record, acting_user=community_clerk)
    call_command("workflow_overdue_check")
    assert "超期待办 0 件" in capsys.readouterr().out
