"""Staff create and edit workshops in the page editor."""

import pytest

from django.urls import reverse

from employers.workshops.models import RegistrationState, WorkshopPage

pytestmark = pytest.mark.django_db


def test_the_editor_opens_for_a_new_and_an_existing_workshop(
    client, admin_user, workshop, workshop_index
):
    client.force_login(admin_user)
    add = reverse(
        "wagtailadmin_pages:add",
        args=["workshops", "workshoppage", workshop_index.pk],
    )
    response = client.get(add)
    assert response.status_code == 200
    assert "online meeting link" in response.text.lower()
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[workshop.pk]))
    assert edit.status_code == 200
    assert "Extra questions" in edit.text


def test_in_person_workshop_needs_a_venue(workshop):
    from django.core.exceptions import ValidationError

    workshop.venue = None
    with pytest.raises(ValidationError) as error:
        workshop.full_clean()
    assert "venue" in error.value.message_dict


def test_choice_question_needs_two_choices(workshop):
    from django.core.exceptions import ValidationError

    from employers.workshops.models import WorkshopQuestion

    question = WorkshopQuestion(page=workshop, label="Pick", kind="choice", choices="A")
    with pytest.raises(ValidationError):
        question.full_clean()


def test_registration_opens_later_says_so(client, workshop):
    import datetime

    from django.utils import timezone

    workshop.registration_opens_at = timezone.now() + datetime.timedelta(days=2)
    workshop.save()
    assert "Registration opens soon" in client.get(workshop.url).text
    assert "Registration opens" in client.get(f"{workshop.url}register/").text
    assert WorkshopPage.objects.get(pk=workshop.pk).registration_state() == (
        RegistrationState.NOT_OPEN
    )
