"""Views of the projects app, split by audience (see each module)."""
