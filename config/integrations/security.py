"""Security policy settings (../shared/guide/security.md #1-#5, #15)."""

from datetime import timedelta

from config.env import env_int
from config.integrations.maps import ANJU_MAP_TILE_ORIGIN

# 1. Password policy, China profile; PASSWORD_MAX_AGE_DAYS=0 switches to the ASVS profile.
PASSWORD_MIN_LENGTH = env_int("PASSWORD_MIN_LENGTH", 12)
PASSWORD_HISTORY = env_int("PASSWORD_HISTORY", 5)
PASSWORD_MAX_AGE_DAYS = env_int("PASSWORD_MAX_AGE_DAYS", 90)

# 2. Login-failure lockout (django-axes): 5 failures lock (username, IP) for 15 minutes.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_LOCKOUT_CALLABLE = "anju.accounts.lockout.lockout_response"  # Chinese page, or JSON under /api/
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# A lock lasts 15 minutes from the 5th failure; attempts during the lock neither extend it nor count.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False

# 4. Two factors for the three administrator roles (django-otp TOTP; anju.accounts.middleware).
OTP_TOTP_ISSUER = "安居住房保障信息系统"
OTP_TOTP_THROTTLE_FACTOR = 1

# 3. Sessions: idle 15 minutes, absolute 8 hours.
SESSION_IDLE_SECONDS = env_int("SESSION_IDLE_SECONDS", 15 * 60)
SESSION_ABSOLUTE_SECONDS = env_int("SESSION_ABSOLUTE_SECONDS", 8 * 3600)
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_SECONDS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the page, not the cookie

# 15. Content security policy without inline script (our own middleware sets the header).
CSP_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    f"img-src 'self' data: blob:{' ' + ANJU_MAP_TILE_ORIGIN if ANJU_MAP_TILE_ORIGIN else ''}; "
    "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
    "form-action 'self'; object-src 'none'"
)
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# 7. Audit: client IP from X-Forwarded-For only behind this many trusted reverse proxies (0 = use
# REMOTE_ADDR; nginx in front = 1). See anju.audit.context.client_ip.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
AXES_VERBOSE = False  # no start-up banner on stdout
