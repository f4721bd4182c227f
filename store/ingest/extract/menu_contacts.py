"""A page's menu read as a contact block: names with no address or number, their "organisation" a list of menu entries."""

from __future__ import annotations

from store.records import Contact

# A House member's or the SEC's page saved as text lists "Contact" among its menu entries;
# the entries after it ("Newsletter Subscription", "Website Problem", "Related Sites") were
# read as names, the rest of the menu joined into their organisation: "Offices, Civil Rights
# and Social Justice, Government Oversight & Ethics, Immigration, ...". A body's name with
# its address holds a comma or three ("Mobbs Miller House, Unit 19b, Northampton"), a menu
# five and more.
_MENU_ITEMS = 5


def without_menu_contacts(contacts: tuple[Contact, ...]) -> tuple[Contact, ...]:
    """*contacts* without those a menu made: a name with no address and no number whose
    organisation lists five entries or more."""
    if not contacts:
        return contacts
    kept = tuple(c for c in contacts if not _from_menu(c))
    return kept if len(kept) != len(contacts) else contacts


def _from_menu(contact: Contact) -> bool:
    return (
        contact.email is None
        and contact.phone is None
        and contact.organisation is not None
        and contact.organisation.count(", ") + 1 >= _MENU_ITEMS
    )
