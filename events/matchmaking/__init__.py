"""Business meeting days ("rendez-vous d'affaires"): an event with matchmaking switched on.

Participants of such an event write a meeting profile, browse the others, ask for
one-to-one meetings and get a personal agenda of meetings at numbered tables. The models
live with the other models of the app (``events/models/matchmaking.py`` and
``meetings.py``); this package holds the rest: the placement algorithm
(``scheduling``), the use cases (``services``), agendas as pages, PDF and iCalendar
(``agenda``), emails, filters, forms, views and the demo.
"""
