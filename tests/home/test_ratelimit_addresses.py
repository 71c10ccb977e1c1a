import pytest

from home.ratelimit import normalize_email


@pytest.mark.parametrize(
    "address, inbox",
    [
        ("Maria@Example.ORG", "maria@example.org"),
        ("maria+pledge@example.org", "maria@example.org"),
        ("m.a.r.i.a+1@gmail.com", "maria@gmail.com"),
        ("Maria.Lopez@googlemail.com", "marialopez@gmail.com"),
        # Other providers deliver dotted addresses to different people.
        ("maria.lopez@example.org", "maria.lopez@example.org"),
    ],
)
def test_addresses_that_reach_one_inbox_count_as_one(address, inbox):
    assert normalize_email(address) == inbox
