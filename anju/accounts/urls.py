"""Staff pages of anju.accounts (mounted at /accounts/)."""

from django.urls import path

from anju.accounts.views import auth, organisations, otp, security, users

app_name = "accounts"
urlpatterns = [
    path("login/", auth.LoginView.as_view(), name="login"),
    path("logout/", auth.LogoutView.as_view(), name="logout"),
    path("password/", auth.PasswordChangeView.as_view(), name="password_change"),
    path("otp/verify/", otp.otp_verify_view, name="otp_verify"),
    path("otp/setup/", otp.otp_setup_view, name="otp_setup"),
    path("otp/qrcode.svg", otp.otp_qrcode_view, name="otp_qrcode"),
    path("organisations/", organisations.OrganisationListView.as_view(), name="organisation_list"),
    path("organisations/new/", organisations.OrganisationFormView.as_view(), name="organisation_create"),
    path("organisations/<int:pk>/", organisations.OrganisationDetailView.as_view(), name="organisation_detail"),
    path("organisations/<int:pk>/edit/", organisations.OrganisationFormView.as_view(), name="organisation_edit"),
    path("users/", users.UserListView.as_view(), name="user_list"),
    path("users/new/", users.user_form_view, name="user_create"),
    path("users/<int:pk>/", users.UserDetailView.as_view(), name="user_detail"),
    path("users/<int:pk>/edit/", users.user_form_view, name="user_edit"),
    path("users/<int:pk>/disable/", users.user_disable_view, name="user_disable"),
    path("users/<int:pk>/roles/", users.user_roles_view, name="user_roles"),
    path("security-policy/", security.SecurityPolicyView.as_view(), name="security_policy"),
]
