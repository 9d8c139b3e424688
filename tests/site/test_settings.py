import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, env_overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SECRET_KEY", "DJANGO_", "DEBUG"))
    }
    env.update(env_overrides)
    return subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_manage(
        "check", env_overrides={"DJANGO_SETTINGS_MODULE": "mentornett.settings.production"}
    )
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def deploy_check(tmp_path, **env_overrides):
    return run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "mentornett.settings.production",
            "SECRET_KEY": "x7$k!" + "q9Lm2vR8tZ4wN6pB1cF3hJ5dG0sA" * 2,
            "ALLOWED_HOSTS": "mentornett.no",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            "REDIS_URL": "",
            **env_overrides,
        },
    )


def test_production_settings_pass_the_deploy_check_without_warnings(tmp_path):
    result = deploy_check(tmp_path, REDIS_URL="redis://127.0.0.1:6379/0")
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_the_deploy_check_warns_without_a_shared_cache(tmp_path):
    """Without Redis each worker counts sign-in and rate limits alone."""
    result = deploy_check(tmp_path)
    assert result.returncode != 0
    assert "mentornett.W001" in result.stderr + result.stdout
    assert "REDIS_URL" in result.stderr + result.stdout


def test_sqlite_file_under_var_when_database_url_is_unset():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.DATABASES['default']['NAME'])",
        env_overrides={"DJANGO_SETTINGS_MODULE": "mentornett.settings.dev", "DATABASE_URL": ""},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("var/mentornett.sqlite3")


def test_redis_url_switches_queue_and_cache_to_redis():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; "
        "print(settings.Q_CLUSTER.get('redis'), settings.Q_CLUSTER.get('orm'), "
        "settings.CACHES['default']['BACKEND'])",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "mentornett.settings.dev",
            "REDIS_URL": "redis://127.0.0.1:6379/3",
        },
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "redis://127.0.0.1:6379/3",
        "None",
        "django.core.cache.backends.redis.RedisCache",
    ]
