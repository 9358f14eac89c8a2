"""Models of collaborative projects, their labelling, funding calls and partner searches."""

from projects.models.consortium import ExternalPartner, Participation
from projects.models.labelling import ProjectStatusChange, ReviewNote
from projects.models.partnering import Call, PartnerInterest, PartnerSearch
from projects.models.programme import FundingProgramme
from projects.models.project import Project, ProjectDocument, ProjectImage

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
