"""Demo accounts of `make run`. Development only: the passwords are printed in the README."""

from allauth.account.models import EmailAddress

from accounts.models import User

DEMO_PASSWORD = "demo-portal-2026"
STAFF_EMAIL = "staff@vehicle-of-the-future.example"
MEMBER_EMAIL = "member@voltaria-demo.example"

DEMO_USERS = [
    {
        "email": STAFF_EMAIL,
        "first_name": "Camille",
        "last_name": "Démo",
        "job_title": "Chargée de mission innovation (compte de démonstration)",
        "is_staff": True,
        "is_superuser": True,
    },
    {
        "email": MEMBER_EMAIL,
        "first_name": "Hugo",
        "last_name": "Exemple",
        "job_title": "Responsable R&D (compte de démonstration)",
        "is_staff": False,
        "is_superuser": False,
    },
]


def ensure_user(*, email: str, password: str = DEMO_PASSWORD, **fields) -> User:
    """Create or update a demo user whose email address is already verified."""
    user, created = User.objects.update_or_create(email=email, defaults=fields)
    if created or not user.has_usable_password():
        user.set_password(password)
        user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def load(*, scale: int, log) -> None:
    for fields in DEMO_USERS:
        ensure_user(**fields)
    log(f"accounts: {len(DEMO_USERS)} demo accounts (password: {DEMO_PASSWORD})")
