"""Local development and the embedded demo (make run)."""

from config.django.base import *  # noqa: F403
from config.env import env_bool

DEBUG = env_bool("DJANGO_DEBUG", True)
