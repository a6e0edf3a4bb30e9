"""Staff pages of the workflow module (mounted at /workflow/)."""

from django.urls import path
from django.views.generic import RedirectView

from anju.workflow import views

app_name = "workflow"
urlpatterns = [
    path("", RedirectView.as_view(pattern_name="workflow:task_list", permanent=False), name="index"),
    path("tasks/", views.TaskInboxView.as_view(), name="task_list"),
    path("tasks/done/", views.TaskDoneView.as_view(), name="task_done"),
    path("tasks/<int:pk>/", views.task_detail, name="task_detail"),
    path("tasks/<int:pk>/claim/", views.task_claim, name="task_claim"),
    path("tasks/<int:pk>/complete/", views.task_complete, name="task_complete"),
    path("tasks/<int:pk>/return/", views.task_return, name="task_return"),
    path("tasks/<int:pk>/reject/", views.task_reject, name="task_reject"),
    path("tasks/<int:pk>/transfer/", views.task_transfer, name="task_transfer"),
    path("instances/", views.InstanceListView.as_view(), name="instance_list"),
    path("instances/start/", views.instance_start, name="instance_start"),
    path("instances/<int:pk>/", views.instance_detail, name="instance_detail"),
    path("templates/", views.TemplateListView.as_view(), name="template_list"),
    path("templates/new/", views.template_create, name="template_create"),
    path("templates/import/", views.template_import, name="template_import"),
    path("templates/<int:pk>/", views.template_detail, name="template_detail"),
    path("templates/<int:pk>/edit/", views.template_edit, name="template_edit"),
    path("templates/<int:pk>/export/", views.template_export, name="template_export"),
    path("templates/<int:pk>/diagram.svg", views.template_diagram, name="template_diagram"),
    path("templates/<int:pk>/<str:action>/", views.template_action, name="template_action"),
    path("templates/<int:pk>/nodes/new/", views.node_edit, name="node_create"),
    path("templates/<int:pk>/nodes/<int:node_pk>/edit/", views.node_edit, name="node_edit"),
    path("templates/<int:pk>/nodes/<int:node_pk>/delete/", views.node_delete, name="node_delete"),
    path("templates/<int:pk>/transitions/new/", views.transition_edit, name="transition_create"),
    path("templates/<int:pk>/transitions/<int:transition_pk>/edit/", views.transition_edit, name="transition_edit"),
    path("templates/<int:pk>/transitions/<int:transition_pk>/delete/", views.transition_delete, name="transition_delete"),
    path("statistics/", views.statistics, name="statistics"),
    path("notifications/", views.NotificationListView.as_view(), name="notification_list"),
    path("notifications/read-all/", views.notification_read_all, name="notification_read_all"),
    path("notifications/<int:pk>/read/", views.notification_read, name="notification_read"),
]
