"""Settings shared by every environment; each integration has its own module."""

from config.env import BASE_DIR, env_bool, env_list, env_str
from config.integrations.api import *  # noqa: F403
from config.integrations.crypto import *  # noqa: F403
from config.integrations.database import *  # noqa: F403
from config.integrations.maps import *  # noqa: F403
from config.integrations.security import *  # noqa: F403
from config.integrations.signing import *  # noqa: F403
from config.integrations.tasks import *  # noqa: F403

SECRET_KEY = env_str("DJANGO_SECRET_KEY", "django-insecure-anju-local-development-only")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

# The CJJ/T 196 shared spec lives beside the repository (../shared/spec) unless told otherwise.
ANJU_SPEC_DIR = env_str("ANJU_SPEC_DIR", str(BASE_DIR.parent / "shared" / "spec"))
# Where npm puts the assets and the division data (manage.py vendor_assets, load_regions).
ANJU_NODE_MODULES = env_str("ANJU_NODE_MODULES", str(BASE_DIR / "node_modules"))
ANJU_DEMO_CITY = env_str("ANJU_DEMO_CITY", "341600")

DJANGO_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]
THIRD_PARTY_APPS = [
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "huey.contrib.djhuey",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "auditlog",
    "config.django_rules_app.DjangoRulesConfig",
]
ANJU_APPS = [
    "anju.core",
    "anju.accounts",
    "anju.audit",
    "anju.archive",
    "anju.admission",
    "anju.portal",
    "anju.workflow",
    "anju.housing",
    "anju.rules",
    "anju.allocation",
    "anju.distribution",
    "anju.tenancy",
    "anju.supervision",
]
INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + ANJU_APPS

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "anju.core.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "anju.accounts.middleware.SessionTimeoutMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "anju.audit.middleware.RequestContextMiddleware",
    "anju.accounts.middleware.PasswordExpiryMiddleware",
    "anju.accounts.middleware.AdminTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:workbench"
LOGOUT_REDIRECT_URL = "accounts:login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "anju.accounts.passwords.LengthValidator"},
    {"NAME": "anju.accounts.passwords.CharacterClassValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "anju.accounts.passwords.HistoryValidator"},
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "anju" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "anju.core.context_processors.navigation",
            ],
        },
    },
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "anju" / "static"]
MEDIA_ROOT = env_str("ANJU_MEDIA_ROOT", str(BASE_DIR / "var" / "media"))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000
ARCHIVE_MAX_UPLOAD_BYTES = 50 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # WeasyPrint logs every layout step at INFO; its warnings (missing fonts, bad CSS) still show
    "loggers": {"weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}

AUDITLOG_INCLUDE_ALL_MODELS = False
AUDITLOG_DISABLE_REMOTE_ADDR = False
