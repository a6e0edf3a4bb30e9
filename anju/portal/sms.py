"""Sending text messages (短信) to applicants, behind one interface.

The sender is chosen by the setting ``PORTAL_SMS_SENDER`` (a dotted path; default the console
sender, which writes the message to the log, so the demo shows verification codes there). A
production deployment points the setting at a class that talks to the government SMS gateway;
it only has to provide ``send(mobile, text)``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger("anju.portal.sms")

DEFAULT_SENDER = "anju.portal.sms.ConsoleSmsSender"


class SmsSender(Protocol):
    """Anything that can send one text message to one mainland mobile number."""

    def send(self, mobile: str, text: str) -> None:
        """Send the text; raise on a failure the caller must report."""


class ConsoleSmsSender:
    """Development and demo: the message goes to the log (logger ``anju.portal.sms``)."""

    def send(self, mobile: str, text: str) -> None:
        """Log the message (the number is logged in full: this sender is never used in production)."""
        logger.warning("[短信] 发送至 %s：%s", mobile, text)


@dataclass(frozen=True)
class SentMessage:
    """One message kept by the memory sender."""

    mobile: str
    text: str


# Messages "sent" by MemorySmsSender, newest last (tests and browser tests read the code here).
outbox: list[SentMessage] = []


class MemorySmsSender:
    """Tests: the message is appended to ``anju.portal.sms.outbox``."""

    def send(self, mobile: str, text: str) -> None:
        """Keep the message in memory."""
        outbox.append(SentMessage(mobile=mobile, text=text))


def sms_sender() -> SmsSender:
    """The configured sender (``PORTAL_SMS_SENDER``)."""
    return import_string(getattr(settings, "PORTAL_SMS_SENDER", DEFAULT_SENDER))()
