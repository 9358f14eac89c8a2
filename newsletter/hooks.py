"""What the newsletter adds to the rest of the site (see core/hooks.py)."""

from django.utils.translation import gettext_lazy as _

from core import hooks
from newsletter import panels, personal_data, staff

# "follow" is a slot of the page heads of markets, organisations, and of the lists
# filtered by a competency or a funding programme; "account" a card of My account;
# "partnersearch" the side column of a partner search.
hooks.panels(panels, home=90, follow=50, account=50, partnersearch=50)
hooks.person_flag(panels.FOLLOWS_FLAG, panels.follows_flag)
hooks.demo("newsletter.demo.load")
hooks.staff_todo(staff.pending_work, order=60)
hooks.personal_data_of(personal_data, newsletter=_("Newsletter, follows and alerts"))
