"""Settings shared by every environment. Safe by default: DEBUG is off and
secrets come from the environment; dev.py and test.py relax what they must."""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("MENTORNETT_VAR_DIR", BASE_DIR / "var"))


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "mentornett.accounts",
    "mentornett",
    "home",
    "courses",
    "events",
    "network",
    "mentornett.audit",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.sites",
    "mentornett.accounts.apps.WagtailUsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "django_q",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",
    "axes",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outermost after security, so every response (cached pages too) gets the policy.
    "csp.middleware.CSPMiddleware",
    "mentornett.security.AdminContentSecurityPolicyMiddleware",
    "mentornett.security.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A database outage in a view becomes a translated 503 page, not a 500.
    "mentornett.db_unavailable.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Serves visitors' cached pages before anything touches the session or database.
    "mentornett.page_cache.AnonymousPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "mentornett.middleware.PreferredLanguageMiddleware",
    "mentornett.middleware.PermissionCacheMiddleware",
    "mentornett.audit.middleware.AuditActorMiddleware",
    "mentornett.middleware.CachedSiteMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "mentornett.urls"
WSGI_APPLICATION = "mentornett.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.navigation",
            ],
            "builtins": ["django.templatetags.i18n"],
        },
    },
]
# Every {{ field.as_field_group }} renders through templates/components/form_field.html.
FORM_RENDERER = "mentornett.forms.SiteFormRenderer"
# The empty choice of the admin listings' filters (django-filter), in place of "---------".
FILTERS_EMPTY_CHOICE_LABEL = _("All")

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'mentornett.sqlite3'}",
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Wait for a writer instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# django-q2: the ORM broker by default, Redis when REDIS_URL is set.
Q_CLUSTER = {
    "name": "mentornett",
    "workers": int(env("Q_WORKERS", "2")),
    "timeout": 120,
    "retry": 180,
    "max_attempts": 3,
    "queue_limit": 50,
    "bulk": 5,
    "catch_up": False,
    "label": _("Task queue"),
}
if REDIS_URL:
    Q_CLUSTER["redis"] = REDIS_URL
else:
    Q_CLUSTER["orm"] = "default"

# Wagtail's own background tasks (reference index, image renditions).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out e-mail address before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("email", "full_name")},
    },
    {
        "NAME": "mentornett.accounts.validators.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
# Pages with a "signed-in people only" restriction send visitors to the same
# sign-in as everything else (throttled, in the site's look), not Wagtail's own.
WAGTAIL_FRONTEND_LOGIN_URL = "/konto/login/"
# Sign-in (and the first sign-in after sign-up) lands on Min side, whose "Next
# steps" card says what to do first; a ?next= address still wins.
LOGIN_REDIRECT_URL = "home:dashboard"

# django-allauth: e-mail is the login, and it must be verified before first use.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
# No form says whether an address has an account: sign-up with a known address
# answers as for a new one and e-mails the owner how to sign in; a password reset
# for an unknown address answers the same and e-mails that there is no account.
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_FORMS = {"signup": "mentornett.accounts.forms.SignupForm"}
ACCOUNT_ADAPTER = "mentornett.accounts.adapters.AccountAdapter"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
# Limits are keyed by the e-mail address where there is one, so a class of 60
# signing up and in together behind one campus or municipal address (NAT) is
# never held back; per address (IP) there are only loose caps, for what has no
# account yet and against one machine trying many accounts. A class of 60 sends
# about 60-90 sign-up forms and as many sign-ins in a quarter of an hour, with a
# few typos: every cap per address is at least twice that. Against guessing one
# password: django-axes (AXES_FAILURE_LIMIT, below) and "login_failed" per e-mail.
ACCOUNT_RATE_LIMITS = {
    # Every sign-in form sent, per address (a machine hammering the form).
    "login": "300/15m/ip",
    # Failed sign-ins: 150 per address across all accounts (one password tried
    # against many accounts from one machine; a class that all mistype twice
    # passes), 20 per e-mail address from anywhere (one password guessed from
    # many machines; axes locks it on one machine after 5).
    "login_failed": "150/15m/ip,20/15m/key",
    # Sign-up forms sent per address (accounts are created here, so there is no
    # account to key on); and per e-mail address typed (mentornett.accounts.forms.SignupForm).
    "signup": "200/h/ip",
    "signup_email": "10/h/key",
    "confirm_email": "1/3m/key",
    # No one's inbox is flooded with reset links: 3 per e-mail address per quarter
    # of an hour; 100 requests per address. (Rates, not passwords.)
    "reset_password": "100/h/ip,3/15m/key",  # nosec B105
    "reset_password_from_key": "100/h/ip",  # nosec B105
}
SOCIALACCOUNT_ADAPTER = "mentornett.accounts.adapters.SocialAccountAdapter"
# Accounts are matched on the provider's subject identifier only, never on e-mail.
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = False
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_ONLY = False

# OpenID Connect (ID-porten or Feide), switched on by setting OIDC_CLIENT_ID.
OIDC_CLIENT_ID = env("OIDC_CLIENT_ID", "")
SOCIALACCOUNT_PROVIDERS = {}
if OIDC_CLIENT_ID:
    SOCIALACCOUNT_PROVIDERS["openid_connect"] = {
        "OAUTH_PKCE_ENABLED": True,
        "provider_class": "mentornett.accounts.oidc.NationalOIDCProvider",
        "APPS": [
            {
                "provider_id": env("OIDC_PROVIDER_ID", "idporten"),
                "name": env("OIDC_PROVIDER_NAME", "ID-porten"),
                "client_id": OIDC_CLIENT_ID,
                "secret": env("OIDC_CLIENT_SECRET", ""),
                "settings": {
                    "server_url": env("OIDC_SERVER_URL", "https://idporten.no"),
                    "token_auth_method": env("OIDC_TOKEN_AUTH_METHOD", "client_secret_post"),
                    "scope": env_list("OIDC_SCOPES", "openid,profile"),
                },
            }
        ],
    }

# Abuse limits (mentornett.ratelimit). Behind a reverse proxy that appends the
# client to X-Forwarded-For, set TRUSTED_PROXY_COUNT to the number of proxies;
# with 0 only REMOTE_ADDR counts, and X-Forwarded-For is ignored.
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
CERTIFICATE_LOOKUPS_PER_MINUTE = int(env("CERTIFICATE_LOOKUPS_PER_MINUTE", "30"))  # per client
INVITATIONS_PER_HOUR = int(env("INVITATIONS_PER_HOUR", "30"))  # per person, e-mails sent

# django-axes: an e-mail address is locked on one client after AXES_FAILURE_LIMIT
# failed logins (allauth's form and Wagtail's admin login alike) for the cool-off.
# Failures are rows in the database, so the office sees lockouts and can lift them
# (`manage.py axes_reset_username <e-mail>`).
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env("AXES_COOLOFF_MINUTES", "15")))
# Per e-mail address and client; per e-mail address alone when the client address
# cannot be trusted (mentornett.ratelimit.axes_lockout_parameters).
AXES_LOCKOUT_PARAMETERS = "mentornett.ratelimit.axes_lockout_parameters"
AXES_USERNAME_CALLABLE = "mentornett.ratelimit.login_identifier"
AXES_CLIENT_IP_CALLABLE = "mentornett.ratelimit.client_ip"
AXES_LOCKOUT_CALLABLE = "mentornett.ratelimit.lockout_response"
# The lockout page names the minute it ends; more tries must not move it.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
# Masked in logs and in the stored request data (allauth's field is `login`);
# the address the failures were for stays in the record's own column.
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "login", "password1", "password2"]

LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", "Norsk (bokmål)"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = [("nb", "Norsk (bokmål)")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "mentornett_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", BASE_DIR / "static"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", VAR_DIR / "media"))
# Uploads that only some people may see (signed agreements, report attachments).
# Never under MEDIA_ROOT or served by the web server: mentornett.uploads serves them.
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    "private": {
        "BACKEND": "mentornett.uploads.PrivateFileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
}
# Each kind of upload has its own cap, the same on every form (mentornett.uploads.max_bytes).
UPLOAD_MAX_DOCUMENT_BYTES = 20 * 1024 * 1024  # PDF, DOCX, ODT, WebVTT
UPLOAD_MAX_IMAGE_BYTES = 10 * 1024 * 1024  # PNG, JPEG
UPLOAD_MAX_FILM_BYTES = 300 * 1024 * 1024  # MP4
# Django's default, said aloud: an upload larger than this (a film) is spooled to a
# temporary file instead of being held in memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = int(2.5 * 1024 * 1024)

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Mentornett <post@mentornett.no>")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Open Badges 3.0: the Ed25519 key that signs certificate credentials (PEM), or a
# file holding it; previous public keys (one or more PEM blocks) stay published
# in the JWKS after a rotation. README: "Open Badges keys".
OPENBADGES_SIGNING_KEY = env("OPENBADGES_SIGNING_KEY", "")
OPENBADGES_SIGNING_KEY_FILE = env("OPENBADGES_SIGNING_KEY_FILE", "")
OPENBADGES_PREVIOUS_PUBLIC_KEYS = env("OPENBADGES_PREVIOUS_PUBLIC_KEYS", "")

# The public base URL: every absolute link (e-mails, calendars, Open Badges,
# certificates) is made from it by mentornett.links.absolute.
SITE_URL = env("SITE_URL", "http://localhost:8000").rstrip("/")
# The name e-mails, the admin and the Wagtail site go by. `manage.py sync_site`
# writes it and SITE_URL's host and port to the default Wagtail site.
SITE_NAME = env("SITE_NAME", "Mentornett")

WAGTAIL_SITE_NAME = SITE_NAME
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_I18N_ENABLED = False
# Editors' browsers call no one else: no avatars from Gravatar (it would receive
# a hash of each editor's e-mail) and no update check against releases.wagtail.org.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL full-text search with Norwegian stemming: "mentorer" finds "mentor".
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "norwegian"
# Editors' documents: checked by content against the extension (mentornett.documents,
# keep DOCUMENT_KINDS in sync), served only through the permission-checked view and
# always as attachments (a <video> or <track> plays them all the same).
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "mp4", "vtt"]
WAGTAILDOCS_CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "mp4": "video/mp4",
    "vtt": "text/vtt",
}
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_SERVE_METHOD = "serve_view"  # never a redirect to the storage's own URL
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAILDOCS_DOCUMENT_FORM_BASE = "mentornett.documents.DocumentForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = UPLOAD_MAX_FILM_BYTES  # films of mentors
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]  # never SVG
WAGTAILIMAGES_MAX_UPLOAD_SIZE = UPLOAD_MAX_IMAGE_BYTES
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Pages, headers, permissions and sessions are cached only where every process
# sees the same cache (Redis): a publish in one process must reach them all.
# Without Redis each process would keep its own copy and miss the others' changes.
SHARED_CACHE = bool(REDIS_URL)
if SHARED_CACHE:
    # Sessions read from the cache, written through to the database.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail allows its own preview frames per view
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SAMESITE = "Lax"  # Lax, not Strict: the OIDC callback must carry the session
CSRF_COOKIE_SAMESITE = "Lax"
# Features no page uses are switched off (mentornett.security.PermissionsPolicyMiddleware).
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

# Content Security Policy (django-csp): nothing inline, nothing from elsewhere.
# No nonces: visitors' pages are cached whole (page_cache), so a nonce would be
# shared. Videos are our own MP4 documents, so no frame or media host is needed;
# frames from 'self' are for Wagtail's live preview. The Wagtail admin gets what
# it needs on top, in mentornett.security.
_FORM_TARGETS = ["'self'"]
if OIDC_CLIENT_ID:
    # Chromium applies form-action to the redirect after "Sign in with ID-porten"
    # is posted, so the provider's authorisation host must be allowed. ID-porten
    # signs in at login.<issuer host>; Feide at its issuer's own host.
    _issuer = urlsplit(env("OIDC_SERVER_URL", "https://idporten.no"))
    _FORM_TARGETS += env_list(
        "OIDC_AUTHORIZATION_ORIGINS",
        f"https://login.{_issuer.hostname}"
        if _issuer.hostname.endswith("idporten.no")
        else f"https://{_issuer.netloc}",
    )
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": _FORM_TARGETS,
        "frame-ancestors": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django-q": {"level": env("LOG_LEVEL_QUEUE", "WARNING")},
        # Lockouts and repeated failures are warnings; every login is not news.
        "axes": {"level": env("LOG_LEVEL_AXES", "WARNING")},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}


def require_secret_key(secret_key):
    if not secret_key:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment (50+ random characters)."
        )
    return secret_key


# Learning networks: coordinators are reminded this many days before a home
# task is due.
NETWORK_TASK_REMINDER_DAYS = int(env("NETWORK_TASK_REMINDER_DAYS", "7"))

# Retention (mentornett.accounts.retention, run daily): application drafts never
# sent and team invitations never accepted are deleted after RETENTION_DRAFT_DAYS
# without change, and so are Finn mentor's requests, proposals, answers and
# interests that long after they closed; queue results, login logs and other
# logs after RETENTION_LOG_DAYS.
# The audit log and financial records are never purged.
RETENTION_DRAFT_DAYS = int(env("RETENTION_DRAFT_DAYS", "365"))
RETENTION_LOG_DAYS = int(env("RETENTION_LOG_DAYS", "90"))
