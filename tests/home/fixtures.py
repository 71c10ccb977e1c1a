"""People whose data must stay private, and a staff member in each role.

The privacy tests seed these, then look for every personal string where it
must not be: on public pages, and in admin pages of roles without the
permission.
"""

import dataclasses

import pytest

from django.contrib.auth.models import Group

from wagtail.log_actions import log

from employers.pledges.factories import PledgeFactory
from employers.pledges.models import Pledge
from employers.workshops.factories import RegistrationFactory
from employers.workshops.models import Registration, WorkshopFeedback, WorkshopQuestion
from home import roles
from resources.factories import GuidePageFactory
from resources.models import GuideFeedback

PHONE_QUESTION = "Mobile phone for changes on the day"

# Each group of strings may be shown only to staff holding the permission.
SECRETS = {
    "pledges.view_pledge_contact": [
        "Harjit Secretname",
        "Chief Secret Officer",
        "harjit.private@valleyberry.example",
        "604-555-0199",
        "Noor Pendingperson",
        "noor.pending@quietco.example",
        "604-555-0123",
    ],
    "workshops.view_registration": [
        "Maria Registrant",
        "maria.registrant@foodco.example",
        "604-555-0142",
        "Dev Waitlisted",
        "dev.waitlisted@bytes.example",
    ],
    "workshops.view_accommodation_needs": ["Sign language interpreter, ASL"],
    "workshops.view_workshopfeedback": ["Call me about a follow-up, Maria"],
}
# Comments that readers type into "Was this helpful?" may hold anything.
READER_COMMENT = "Write to reader.private@example.com"


@dataclasses.dataclass
class People:
    pledge: Pledge
    pending_pledge: Pledge
    registration: Registration
    waitlisted: Registration
    feedback: WorkshopFeedback
    guide_feedback: GuideFeedback

    @staticmethod
    def all_secrets() -> list[str]:
        return [text for texts in SECRETS.values() for text in texts] + [READER_COMMENT]


@pytest.fixture
def people(listed_pledge, workshop, guide_index, admin_user) -> People:
    """A listed and a pending pledge, two registrants and feedback from both sides.

    Builds on ``listed_pledge`` (Harjit Secretname of Valley Berry Farms) and
    ``workshop`` (Inclusive hiring 101, three seats).
    """
    pending = PledgeFactory(
        organization_name="Quiet Co",
        slug="quiet-co",
        status=Pledge.Status.PENDING,
        approved_at=None,
        expires_at=None,
        contact_name="Noor Pendingperson",
        email="noor.pending@quietco.example",
        phone="604-555-0123",
    )
    workshop.questions = [
        WorkshopQuestion(label=PHONE_QUESTION, kind="short_text", required=False)
    ]
    workshop.save_revision().publish()
    registration = RegistrationFactory(
        workshop=workshop,
        name="Maria Registrant",
        email="maria.registrant@foodco.example",
        organization="Valley Food Co",
        accommodation_needs="Sign language interpreter, ASL",
        answers={PHONE_QUESTION: "604-555-0142"},
    )
    waitlisted = RegistrationFactory(
        workshop=workshop,
        status=Registration.Status.WAITLISTED,
        name="Dev Waitlisted",
        email="dev.waitlisted@bytes.example",
        organization="Bytes Inc",
    )
    # The admin's history of a registration names the person.
    log(instance=registration, action="wagtail.create", user=admin_user)
    feedback = WorkshopFeedback.objects.create(
        registration=registration,
        workshop=workshop,
        rating=5,
        comments="Call me about a follow-up, Maria",
    )
    guide = GuidePageFactory(parent=guide_index, title="Assessing credentials")
    guide_feedback = GuideFeedback.objects.create(
        guide=guide, helpful=False, comment=READER_COMMENT
    )
    return People(
        listed_pledge, pending, registration, waitlisted, feedback, guide_feedback
    )


@pytest.fixture
def staff(django_user_model, admin_user) -> dict:
    """One person per role, and the superuser, keyed by role."""
    users = {}
    for username, group in [
        ("editor", roles.EDITORS),
        ("moderator", roles.MODERATORS),
        ("coordinator", roles.EVENT_COORDINATORS),
        ("reporter", roles.REPORT_VIEWERS),
    ]:
        user = django_user_model.objects.create_user(
            username, f"{username}@lip.example", "pw"
        )
        user.groups.add(Group.objects.get(name=group))
        users[username] = user
    users["superuser"] = admin_user
    return users
