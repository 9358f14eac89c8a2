"""Models of collaborative projects, their labelling, funding calls and partner searches."""

from projects.models.partnering import Call, PartnerInterest, PartnerSearch
from projects.models.programme import FundingProgramme
from projects.models.project import (
    ExternalPartner,
    Participation,
    Project,
    ProjectDocument,
    ProjectImage,
    ProjectStatusChange,
    ReviewNote,
)

__all__ = [
    "Call",
    "ExternalPartner",
    "FundingProgramme",
    "Participation",
    "PartnerInterest",
    "PartnerSearch",
    "Project",
    "ProjectDocument",
    "ProjectImage",
    "ProjectStatusChange",
    "ReviewNote",
]
