"""A test-only e-mail backend for the worker crash test: it marks that a send has begun, waits
until the test releases it (a file), then writes each message to a file, one per message, so the
test can count what was really sent. Configured in the worker processes through
TECHPOLICY_EMAIL_BACKEND; the directory comes from TECHPOLICY_TEST_CRASH_DIR."""

import os
import time
import uuid
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend

WAIT_SECONDS = 120


class BlockingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        directory = Path(os.environ["TECHPOLICY_TEST_CRASH_DIR"])
        (directory / f"sending-{os.getpid()}").touch()
        deadline = time.monotonic() + WAIT_SECONDS
        while not (directory / "release").exists():
            if time.monotonic() > deadline:
                raise TimeoutError("the test never released the send")
            time.sleep(0.05)
        sent = directory / "sent"
        sent.mkdir(exist_ok=True)
        for message in messages:
            (sent / f"{uuid.uuid4()}.eml").write_bytes(message.message().as_bytes())
        return len(messages)
