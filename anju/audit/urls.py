"""Staff pages of anju.audit."""

from django.urls import path

from anju.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.EventListView.as_view(), name="event_list"),
    path("events/<int:pk>/", views.event_detail, name="event_detail"),
    path("verify/", views.verify, name="verify"),
    path("changes/", views.ChangeListView.as_view(), name="change_list"),
    path("reveal/", views.reveal, name="reveal"),
]
