"""The demo's accounts: a superuser and one person per staff role."""

from typing import TextIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from demo.files import read_yaml


def accounts() -> dict:
    """The accounts as content/people.yaml lists them, for the command's summary."""
    return read_yaml("people.yaml")


def load(stdout: TextIO) -> None:
    """Create the superuser and the staff who are missing."""
    people = accounts()
    user_model = get_user_model()
    admin = people["admin"]
    domain = people["email_domain"]
    if not user_model.objects.filter(username=admin["username"]).exists():
        user_model.objects.create_superuser(
            admin["username"],
            admin["email"],
            people["password"],
            first_name=admin["first_name"],
            last_name=admin["last_name"],
        )
        stdout.write(f"Created the superuser “{admin['username']}”.")
    for person in people["staff"]:
        if user_model.objects.filter(username=person["username"]).exists():
            continue
        user = user_model.objects.create_user(
            person["username"],
            f"{person['first_name']}.{person['last_name']}@{domain}".lower(),
            people["password"],
            first_name=person["first_name"],
            last_name=person["last_name"],
        )
        user.groups.add(Group.objects.get(name=person["group"]))
        stdout.write(f"Created “{person['username']}” in {person['group']}.")
