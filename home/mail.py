"""Development email backend: print each message and keep a copy under var/mail."""

from pathlib import Path

from django.conf import settings
from django.core.mail.backends.console import EmailBackend as ConsoleBackend
from django.utils import timezone


class ConsoleAndFileEmailBackend(ConsoleBackend):
    """Print messages to the console and save each as an ``.eml`` file.

    Newcomers can open the saved file to follow links (verification, cancel)
    that wrap or get lost in a busy terminal.
    """

    def send_messages(self, email_messages):
        sent = super().send_messages(email_messages)
        folder = Path(settings.EMAIL_FILE_PATH)
        folder.mkdir(parents=True, exist_ok=True)
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S-%f")
        for number, message in enumerate(email_messages or []):
            path = folder / f"{stamp}-{number}.eml"
            path.write_bytes(message.message().as_bytes())
        return sent
