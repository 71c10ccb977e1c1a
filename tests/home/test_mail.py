from email import message_from_bytes

from django.core import mail
from django.core.mail import get_connection

from home.mail import ConsoleAndFileEmailBackend


def test_development_mail_is_printed_and_saved_for_following_links(
    tmp_path, settings, capsys
):
    settings.EMAIL_FILE_PATH = tmp_path / "mail"
    connection = get_connection("home.mail.ConsoleAndFileEmailBackend")
    assert isinstance(connection, ConsoleAndFileEmailBackend)
    message = mail.EmailMessage(
        "Confirm your pledge",
        "Open http://127.0.0.1:8000/pledge/verify/abc/ to confirm.",
        "hello@fvlip.example",
        ["dev@example.org"],
        connection=connection,
    )
    assert message.send() == 1

    assert "Confirm your pledge" in capsys.readouterr().out
    saved = list((tmp_path / "mail").glob("*.eml"))
    assert len(saved) == 1
    parsed = message_from_bytes(saved[0].read_bytes())
    assert parsed["Subject"] == "Confirm your pledge"
    assert "/pledge/verify/abc/" in parsed.get_payload()
