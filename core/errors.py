"""The base of every error a use case raises to refuse something."""


class PortalError(Exception):
    """A use case refused: ``message`` (translatable) tells the person why; the view shows
    it as a form error or a message. ``reason`` is an optional machine-readable code."""

    def __init__(self, message, *, reason: str = ""):
        super().__init__(str(message))
        self.message = message
        self.reason = reason
