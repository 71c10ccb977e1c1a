"""Workshop fixtures shared by the workshop tests and the browser tests."""

import pytest

from employers.workshops.factories import (
    FacilitatorFactory,
    VenueFactory,
    WorkshopIndexPageFactory,
    WorkshopPageFactory,
)
from employers.workshops.models import WorkshopFacilitator, WorkshopQuestion
from resources.factories import TopicFactory

ONLINE_LINK = "https://meet.example.org/secret-room-4471"


@pytest.fixture
def workshop_index(home_page):
    return WorkshopIndexPageFactory(parent=home_page)


@pytest.fixture
def workshop(workshop_index):
    """An in-person workshop with 3 seats, a waitlist, a facilitator and a topic."""
    page = WorkshopPageFactory(
        parent=workshop_index,
        title="Inclusive hiring 101",
        slug="inclusive-hiring-101",
        capacity=3,
        max_seats_per_registration=2,
        venue=VenueFactory(name="Abbotsford Library"),
    )
    page.topics.set([TopicFactory(name="Recruiting", slug="recruiting")])
    page.workshop_facilitators = [
        WorkshopFacilitator(facilitator=FacilitatorFactory(name="Priya Natarajan"))
    ]
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def online_workshop(workshop_index):
    page = WorkshopPageFactory(
        parent=workshop_index,
        title="Understanding work permits",
        slug="understanding-work-permits",
        format="online",
        venue=None,
        capacity=None,
        online_link=ONLINE_LINK,
    )
    page.questions = [
        WorkshopQuestion(
            label="Which permits do your workers hold?", kind="short_text"
        ),
        WorkshopQuestion(
            label="How many newcomers do you employ?",
            kind="choice",
            choices="None\n1 to 5\nMore than 5",
            required=True,
        ),
    ]
    page.save_revision().publish()
    page.refresh_from_db()
    return page
