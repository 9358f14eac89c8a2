"""The catalogue in LHEO 2.3, validated against the official schema.

The schema is a third-party file kept outside the repository: LHEO_XSD_PATH points to it,
by default ``$SHARED_DIR/standards/lheo-2.3.xsd`` (``SHARED_DIR`` defaults to
``<repo>/../shared``). Without it the validation tests skip,
except under CI=true where they fail.
"""

import io
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.urls import reverse

from content.models import Market
from tests.conftest import skip_or_fail
from tests.factories import MarketFactory
from tests.members.factories import OrganisationFactory
from tests.trainings.factories import SessionFactory, TrainingFactory
from trainings import codes as codes_module
from trainings import demo, lheo
from trainings.lheo import NAMESPACE, export_catalogue
from trainings.models import Training

pytestmark = pytest.mark.django_db

# The shared folder sits next to the checkout unless SHARED_DIR says otherwise.
SHARED_DIR = Path(os.environ.get("SHARED_DIR") or Path(settings.BASE_DIR).parent / "shared")
XSD_PATH = Path(os.environ.get("LHEO_XSD_PATH") or SHARED_DIR / "standards" / "lheo-2.3.xsd")
NS = {"l": NAMESPACE}


@pytest.fixture(scope="module")
def schema():
    if not XSD_PATH.exists():
        skip_or_fail(f"the LHEO 2.3 schema is missing at {XSD_PATH} (set LHEO_XSD_PATH)")
    from lxml import etree

    return etree.XMLSchema(etree.parse(str(XSD_PATH)))


@pytest.fixture
def demo_catalogue(db):
    for theme in Market.Theme.values:
        MarketFactory(theme=theme)
    demo.load(scale=0, log=lambda message: None)


def parse(document: bytes):
    from lxml import etree

    return etree.fromstring(document)


def assert_valid(schema, document: bytes):
    from lxml import etree

    tree = etree.fromstring(document).getroottree()
    if not schema.validate(tree):
        errors = "\n".join(f"line {e.line}: {e.message}" for e in list(schema.error_log)[:10])
        pytest.fail(f"The LHEO export is not valid against the schema:\n{errors}")


def test_demo_catalogue_export_is_valid_lheo(schema, demo_catalogue):
    document = export_catalogue()
    assert_valid(schema, document)
    root = parse(document)
    assert root.tag == f"{{{NAMESPACE}}}lheo"
    formations = root.findall("l:offres/l:formation", NS)
    assert len(formations) == Training.objects.published().count() == 12
    titles = {f.findtext("l:intitule-formation", namespaces=NS) for f in formations}
    assert "Sécurité des batteries de véhicules électriques" in titles


def test_export_maps_the_catalogue_fields(demo_catalogue):
    root = parse(export_catalogue())
    lean = next(
        f
        for f in root.findall("l:offres/l:formation", NS)
        if f.findtext("l:intitule-formation", namespaces=NS).startswith("Lean manufacturing")
    )
    assert lean.findtext("l:certifiante", namespaces=NS) == "1"
    assert lean.findtext("l:certification/l:code-RS", namespaces=NS) == "9901"
    assert lean.findtext("l:domaine-formation/l:code-NSF", namespaces=NS) == "200"
    action = lean.find("l:action", NS)
    assert action.findtext("l:modalites-enseignement", namespaces=NS) == "0"
    assert action.findtext("l:nombre-heures-total", namespaces=NS) == "21"
    sessions = action.findall("l:session", NS)
    assert len(sessions) == 2  # the two sessions to come
    assert all(len(s.findtext("l:periode/l:debut", namespaces=NS)) == 8 for s in sessions)
    responsible = lean.find("l:organisme-formation-responsable", NS)
    assert responsible.findtext("l:numero-activite", namespaces=NS) == "27259999925"
    assert responsible.findtext("l:SIRET-organisme-formation/l:SIRET", namespaces=NS)


def test_training_without_dates_is_offered_on_request(schema, provider):
    TrainingFactory(on_quotation=True, price_member=None, price_non_member=None)
    document = export_catalogue()
    assert_valid(schema, document)
    action = parse(document).find("l:offres/l:formation/l:action", NS)
    assert action.findtext("l:modalites-entrees-sorties", namespaces=NS) == "1"
    assert len(action.findall("l:session", NS)) == 1
    assert action.find("l:prix-total-TTC", NS) is None


def test_member_trainer_is_the_teaching_organisation(schema, provider):
    trainer = OrganisationFactory(siret="73282932000074", name="Voltaria (démo)")
    training = TrainingFactory(trainer=trainer, format=Training.Format.REMOTE)
    SessionFactory(training=training, address="", postcode="", city="", venue="")
    document = export_catalogue()
    assert_valid(schema, document)
    action = parse(document).find("l:offres/l:formation/l:action", NS)
    teacher = action.find("l:organisme-formateur", NS)
    assert teacher.findtext("l:SIRET-formateur/l:SIRET", namespaces=NS) == "73282932000074"
    assert action.findtext("l:modalites-enseignement", namespaces=NS) == "2"
    assert action.find("l:lieu-de-formation", NS) is None


def test_drafts_are_not_exported(provider):
    TrainingFactory(title="Publiée")
    TrainingFactory(title="Brouillon", status=Training.Status.DRAFT)
    titles = [e.text for e in parse(export_catalogue()).iter(f"{{{NAMESPACE}}}intitule-formation")]
    assert titles == ["Publiée"]


def test_command_writes_the_file(tmp_path, provider):
    TrainingFactory()
    target = tmp_path / "catalogue.xml"
    call_command("export_lheo", "--output", str(target), stderr=io.StringIO())
    assert parse(target.read_bytes()).tag == f"{{{NAMESPACE}}}lheo"
    out = io.StringIO()
    call_command("export_lheo", stdout=out)
    assert out.getvalue().startswith("<?xml")


def test_command_explains_what_is_missing(db):
    TrainingFactory()
    with pytest.raises(CommandError, match="organisme de formation"):
        call_command("export_lheo", stdout=io.StringIO())


def test_staff_download(staff_client, provider):
    TrainingFactory()
    response = staff_client.get(reverse("trainings:catalogue-lheo"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    assert "attachment" in response["Content-Disposition"]
    assert parse(response.content).tag == f"{{{NAMESPACE}}}lheo"


def test_staff_download_without_provider_details_explains(staff_client):
    TrainingFactory()
    response = staff_client.get(reverse("trainings:catalogue-lheo"), follow=True)
    assert "Renseignez les informations de l'organisme" in response.content.decode().replace(
        "&#x27;", "'"
    )


def schema_values(simple_type: str) -> set[str]:
    """The values the LHEO schema enumerates for ``simple_type``."""
    from lxml import etree

    xs = {"xs": "http://www.w3.org/2001/XMLSchema"}
    tree = etree.parse(str(XSD_PATH))
    found = tree.xpath(
        f"//xs:simpleType[@name='{simple_type}']//xs:enumeration/@value", namespaces=xs
    )
    assert found, simple_type
    return set(found)


def test_coded_values_are_ones_the_schema_enumerates(schema):
    assert set(Training.EntryLevel.values) <= schema_values("code-niveau-entree-subtype")
    assert set(lheo.TEACHING_MODE.values()) == schema_values("modalites-enseignement-subtype")
    assert set(lheo.TEACHING_MODE) == set(Training.Format.values)
    assert lheo.GROUP_COURSE in schema_values("parcours-de-formation-subtype")
    assert {lheo.FIXED_DATES, lheo.PERMANENT} == schema_values("modalites-entrees-sorties-subtype")
    assert {lheo.RECRUITMENT_OPEN, lheo.RECRUITMENT_CLOSED} <= schema_values(
        "etat-recrutement-subtype"
    )


def test_entry_levels_follow_the_national_framework():
    # dict-niveaux: 1 "sans niveau spécifique", 11 to 18 the framework's levels 1 to 8.
    levels = dict(Training.EntryLevel.choices)
    assert str(levels["1"]) == "Sans niveau spécifique"
    for code, label in levels.items():
        if code != "1":
            assert str(label).startswith(f"Niveau {int(code) - 10} "), (code, label)


def test_demo_audiences_are_codes_of_the_lheo_dictionary(demo_catalogue):
    root = parse(export_catalogue())
    codes = {e.text for e in root.iter(f"{{{NAMESPACE}}}code-public-vise")}
    assert codes == {codes_module.EMPLOYEES}  # 82044 "Salarié", not 83056 "Tout public"
    assert codes <= set(codes_module.AUDIENCE_CODES)


def test_several_audiences_are_exported_in_order(schema, provider):
    TrainingFactory(public_codes="82044,80006")
    document = export_catalogue()
    assert_valid(schema, document)
    codes = [e.text for e in parse(document).iter(f"{{{NAMESPACE}}}code-public-vise")]
    assert codes == ["82044", "80006"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("public_codes", "12345", "Code inconnu : 12345"),
        ("public_codes", "82044, 8004", "Chaque code compte exactement 5 chiffres"),
        ("nsf_codes", "2550", "Chaque code compte exactement 3 chiffres"),
        ("nsf_codes", "200, 227, 250, 255", "au plus 3 codes"),
        ("formacodes", "2405", "Chaque code compte exactement 5 chiffres"),
    ],
)
def test_code_fields_refuse_values_the_export_could_not_use(field, value, message):
    from django.core.exceptions import ValidationError

    training = TrainingFactory.build(**{field: value})
    with pytest.raises(ValidationError) as error:
        training.full_clean(exclude=["slug", "markets"])
    assert message in " ".join(error.value.message_dict[field])


@pytest.mark.parametrize(
    ("postcode", "department"),
    [("25460", "25"), ("68100", "68"), ("20000", "2A"), ("20600", "2B"), ("97400", "974")],
)
def test_department_of_a_postcode(postcode, department):
    assert lheo.department(postcode) == department
