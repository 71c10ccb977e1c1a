"""Staff's email wording moves from Pledge settings to a translatable snippet.

Each site whose settings hold custom wording gets one ``PledgeEmailWording``
in the default locale with that text, chosen in its settings; staff then
translate it with wagtail-localize. The old fields go once their text moved.
"""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

KINDS = ["verification", "received", "approved", "rejected", "renewal", "progress"]
FIELDS = [f"{kind}_{part}" for kind in KINDS for part in ("subject", "body")]


def move_wording(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    PledgeSettings = apps.get_model("pledges", "PledgeSettings")
    PledgeEmailWording = apps.get_model("pledges", "PledgeEmailWording")
    for program in PledgeSettings.objects.all():
        text = {name: getattr(program, name) for name in FIELDS}
        if not any(value.strip() for value in text.values()):
            continue
        locale = (
            Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
            or Locale.objects.order_by("pk").first()
        )
        program.email_wording = PledgeEmailWording.objects.create(
            locale=locale, translation_key=uuid.uuid4(), name="Pledge emails", **text
        )
        program.save(update_fields=["email_wording"])


def restore_wording(apps, schema_editor):
    PledgeSettings = apps.get_model("pledges", "PledgeSettings")
    for program in PledgeSettings.objects.exclude(email_wording=None):
        for name in FIELDS:
            setattr(program, name, getattr(program.email_wording, name))
        program.save(update_fields=FIELDS)


def text_fields():
    fields = []
    for kind, heading in [
        ("verification", "Confirm your email"),
        ("received", "Pledge received"),
        ("approved", "Pledge approved"),
        ("rejected", "Pledge not approved"),
        ("renewal", "Renewal reminder"),
        ("progress", "Progress check-in"),
    ]:
        fields += [
            (
                f"{kind}_subject",
                models.CharField(
                    blank=True, max_length=150, verbose_name=f"{heading}: subject"
                ),
            ),
            (
                f"{kind}_body",
                models.TextField(
                    blank=True,
                    help_text=(
                        "Leave empty for the standard wording. You may use "
                        "{organization}, {contact_name}, {link}, {site_name} and, "
                        "for rejections, {reason}."
                    ),
                    verbose_name=f"{heading}: message",
                ),
            ),
        ]
    return fields


class Migration(migrations.Migration):
    dependencies = [
        ("pledges", "0003_translatable_commitments"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="PledgeEmailWording",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                (
                    "translation_key",
                    models.UUIDField(default=uuid.uuid4, editable=False),
                ),
                (
                    "name",
                    models.CharField(
                        default="Pledge emails",
                        help_text=(
                            "For staff only: to find this wording among the snippets."
                        ),
                        max_length=80,
                        verbose_name="name",
                    ),
                ),
                *text_fields(),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
            ],
            options={
                "verbose_name": "pledge email wording",
                "verbose_name_plural": "pledge email wording",
                "abstract": False,
                "unique_together": {("translation_key", "locale")},
            },
        ),
        migrations.AddField(
            model_name="pledgesettings",
            name="email_wording",
            field=models.ForeignKey(
                blank=True,
                help_text=(
                    "Empty for the standard wording. Choose wording written in "
                    "English; for French signers, translate it under Snippets > "
                    "Pledge email wording (Translate). A signer gets the wording "
                    "in their language, and the standard wording for any field "
                    "left empty."
                ),
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="pledges.pledgeemailwording",
                verbose_name="wording of the emails to signers",
            ),
        ),
        migrations.RunPython(move_wording, restore_wording),
        *(
            migrations.RemoveField(model_name="pledgesettings", name=name)
            for name in FIELDS
        ),
    ]
