"""Demo accounts of `make run`, read from accounts/demo/users.toml. Development only: the
shared password is printed by `manage.py load_demo` and in the README."""

from allauth.account.models import EmailAddress

from accounts.models import User
from core.demo import read

# Other apps' demos link their records to these accounts.
_DATA = read("accounts", "users")
DEMO_PASSWORD = _DATA["password"]
STAFF_EMAIL = _DATA["user"]["staff"]["email"]
MEMBER_EMAIL = _DATA["user"]["member"]["email"]
DEMO_USERS = list(_DATA["user"].values())


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
