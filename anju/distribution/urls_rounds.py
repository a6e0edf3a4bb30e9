"""Distribution staff routes of rounds, waitlist order, lottery and selection; the public lottery page (no login)."""

from django.urls import path

from anju.distribution import views_rounds as views

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("rounds/", views.RoundListView.as_view(), name="round_list"),
    path("rounds/new/", views.RoundCreateView.as_view(), name="round_create"),
    path("rounds/<int:pk>/", views.RoundDetailView.as_view(), name="round_detail"),
    path("rounds/<int:pk>/queue/", views.QueueListView.as_view(), name="queue_list"),
    path("rounds/<int:pk>/queue/compute/", views.QueueComputeView.as_view(), name="queue_compute"),
    path("queue/<int:pk>/reorder/", views.QueueReorderView.as_view(), name="queue_reorder"),
    path("rounds/<int:pk>/lottery/commit/", views.LotteryCommitView.as_view(), name="lottery_commit"),
    path("rounds/<int:pk>/lottery/draw/", views.LotteryDrawView.as_view(), name="lottery_draw"),
    path("rounds/<int:pk>/lottery/verify/", views.LotteryVerifyView.as_view(), name="lottery_verify"),
    path("rounds/<int:pk>/selections/open/", views.SelectionsOpenView.as_view(), name="selections_open"),
    path("rounds/<int:pk>/selections/expire/", views.SelectionsExpireView.as_view(), name="selections_expire"),
    path("rounds/<int:pk>/close/", views.RoundCloseView.as_view(), name="round_close"),
    path("selections/<int:pk>/choose/", views.SelectionChooseView.as_view(), name="selection_choose"),
    path("selections/<int:pk>/waive/", views.SelectionWaiveView.as_view(), name="selection_waive"),
    path("selections/<int:pk>/release/", views.SelectionReleaseView.as_view(), name="selection_release"),
    path("selections/<int:pk>/confirm/", views.SelectionConfirmView.as_view(), name="selection_confirm"),
    path("public/lottery/<str:number>/", views.LotteryPublicView.as_view(), name="lottery_public"),
]
