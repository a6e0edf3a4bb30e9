"""Production: PostgreSQL, HTTPS, keys from the environment; passes manage.py check --deploy."""

from django.core.exceptions import ImproperlyConfigured

from config.django.base import *  # noqa: F403
from config.django.base import ANJU_AUDIT_KEY, ANJU_FIELD_KEYS, ANJU_INDEX_KEY, ANJU_SIGNING_TEST_CA, SECRET_KEY
from config.env import env_bool, env_int
from config.integrations.crypto import DEV_AUDIT_KEY, DEV_FIELD_KEYS, DEV_INDEX_KEY

DEBUG = False
if SECRET_KEY.startswith("django-insecure") or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("生产环境必须通过 DJANGO_SECRET_KEY 设置至少 50 个字符的随机密钥。")
if DEV_FIELD_KEYS in ANJU_FIELD_KEYS or DEV_INDEX_KEY == ANJU_INDEX_KEY or DEV_AUDIT_KEY == ANJU_AUDIT_KEY:
    raise ImproperlyConfigured("生产环境不得使用开发密钥：请设置 ANJU_FIELD_KEYS、ANJU_INDEX_KEY、ANJU_AUDIT_KEY。")
if ANJU_SIGNING_TEST_CA:
    raise ImproperlyConfigured("生产环境不得使用电子签章测试证书：请配置 ANJU_SIGNING_PKCS12 或 ANJU_SIGNING_KEY/ANJU_SIGNING_CERT。")

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
