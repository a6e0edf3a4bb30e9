"""Distribution API routes of rounds, waitlist order, lottery and selection (mounted at /api/v1/distribution/)."""

from django.urls import path

from anju.distribution.api import views_rounds as views

urlpatterns = [
    path("rounds/", views.RoundListView.as_view(), name="distribution-rounds"),
    path("rounds/<int:pk>/", views.RoundDetailView.as_view(), name="distribution-rounds-detail"),
    path("rounds/<int:pk>/close/", views.RoundCloseView.as_view(), name="distribution-rounds-close"),
    path("rounds/<int:pk>/queue/", views.QueueListView.as_view(), name="distribution-queue"),
    path("rounds/<int:pk>/queue/compute/", views.QueueComputeView.as_view(), name="distribution-queue-compute"),
    path("queue/<int:pk>/reorder/", views.QueueReorderView.as_view(), name="distribution-queue-reorder"),
    path("rounds/<int:pk>/lottery/", views.LotteryView.as_view(), name="distribution-lottery"),
    path("rounds/<int:pk>/lottery/commit/", views.LotteryCommitView.as_view(), name="distribution-lottery-commit"),
    path("rounds/<int:pk>/lottery/draw/", views.LotteryDrawView.as_view(), name="distribution-lottery-draw"),
    path("rounds/<int:pk>/lottery/verify/", views.LotteryVerifyView.as_view(), name="distribution-lottery-verify"),
    path("public/lotteries/<str:number>/", views.PublicLotteryView.as_view(), name="distribution-public-lottery"),
    path("rounds/<int:pk>/selections/", views.SelectionListView.as_view(), name="distribution-selections"),
    path("rounds/<int:pk>/selections/open/", views.SelectionsOpenView.as_view(), name="distribution-selections-open"),
    path(
        "rounds/<int:pk>/selections/expire/",
        views.SelectionsExpireView.as_view(),
        name="distribution-selections-expire",
    ),
    path("selections/<int:pk>/choose/", views.SelectionChooseView.as_view(), name="distribution-selections-choose"),
    path("selections/<int:pk>/waive/", views.SelectionWaiveView.as_view(), name="distribution-selections-waive"),
    path("selections/<int:pk>/release/", views.SelectionReleaseView.as_view(), name="distribution-selections-release"),
    path("selections/<int:pk>/confirm/", views.SelectionConfirmView.as_view(), name="distribution-selections-confirm"),
]
