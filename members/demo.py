"""Demo members of `make run`: fictional organisations, people, platforms and applications.

Everything here is invented (names end in "(démo)", addresses use the ``.example`` domain).
Running it again updates the same rows. ``scale`` adds that many generated organisations
with bulk inserts, for benchmarks (5,000 load in a few seconds).
"""

import hashlib
import io
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFont

from accounts.demo import DEMO_PASSWORD, MEMBER_EMAIL, ensure_user
from accounts.models import User
from content.models import Market
from members import search, services
from members.models import (
    Certification,
    Competency,
    Invitation,
    JoinRequest,
    Membership,
    MembershipApplication,
    MembershipSettings,
    Organisation,
    Platform,
)
from members.validators import luhn_valid

COMPETENCIES = [
    ("systemes-batteries", "Systèmes de batteries", "Battery systems"),
    ("electronique-de-puissance", "Électronique de puissance", "Power electronics"),
    ("moteurs-electriques", "Moteurs électriques", "Electric motors"),
    ("recharge", "Infrastructures de recharge", "Charging infrastructure"),
    ("hydrogene", "Piles à combustible et systèmes hydrogène", "Fuel cells and hydrogen systems"),
    ("stockage-hydrogene", "Stockage d'hydrogène", "Hydrogen storage"),
    ("electrolyse", "Électrolyse", "Electrolysis"),
    ("logiciel-embarque", "Logiciel embarqué", "Embedded software"),
    ("adas", "Aides à la conduite (ADAS)", "Driver assistance (ADAS)"),
    ("cybersecurite", "Cybersécurité automobile", "Automotive cybersecurity"),
    ("vehicule-connecte", "Véhicule connecté et V2X", "Connected vehicle and V2X"),
    ("vision", "Vision et perception", "Vision and perception"),
    ("materiaux", "Matériaux légers", "Lightweight materials"),
    ("integration-vehicule", "Intégration véhicule", "Vehicle integration"),
    ("industrialisation", "Industrialisation", "Industrialisation"),
    ("capteurs", "Capteurs", "Sensors"),
    ("composites", "Composites", "Composites"),
    ("fabrication-additive", "Fabrication additive", "Additive manufacturing"),
    ("plasturgie", "Plasturgie et injection", "Plastics and injection moulding"),
    ("emboutissage", "Emboutissage et tôlerie", "Stamping and sheet metal"),
    ("usinage", "Usinage de précision", "Precision machining"),
    ("bancs-essai", "Bancs d'essai", "Test benches"),
    ("simulation", "Simulation numérique", "Numerical simulation"),
    ("jumeau-numerique", "Jumeau numérique", "Digital twin"),
    ("robotique", "Robotique et cobotique", "Robotics and cobotics"),
    ("maintenance-predictive", "Maintenance prédictive", "Predictive maintenance"),
    ("logistique", "Logistique et supply chain", "Logistics and supply chain"),
    ("mobilite-partagee", "Mobilité partagée", "Shared mobility"),
    ("donnees", "Données et intelligence artificielle", "Data and artificial intelligence"),
    ("economie-circulaire", "Économie circulaire et recyclage", "Circular economy and recycling"),
    ("formation-technique", "Formation technique", "Technical training"),
    ("design-interieur", "Design et intérieur véhicule", "Vehicle design and interiors"),
    ("acoustique", "Acoustique et vibrations", "Acoustics and vibrations"),
]

CERTIFICATIONS = [
    ("iso-9001", "ISO 9001"),
    ("iatf-16949", "IATF 16949"),
    ("iso-14001", "ISO 14001"),
    ("iso-45001", "ISO 45001"),
    ("iso-50001", "ISO 50001"),
    ("iso-27001", "ISO/IEC 27001"),
    ("tisax", "TISAX"),
    ("en-9100", "EN 9100"),
    ("qualiopi", "Qualiopi"),
    ("cofrac-17025", "Cofrac ISO/IEC 17025"),
]

K = Organisation.Kind
Z = Organisation.SizeBand

# name, kind, size, postcode, city, market themes, competencies, certifications, pitch
ORGANISATIONS = [
    ("Voltaria (démo)", K.COMPANY, Z.SME, "25200", "Montbéliard", "electric industry",
     "systemes-batteries electronique-de-puissance bancs-essai", "iso-9001 iatf-16949",
     "Packs batteries et électronique de puissance pour véhicules électriques utilitaires."),
    ("Hydrolyse Comtoise (démo)", K.STARTUP, Z.MICRO, "25000", "Besançon", "hydrogen",
     "electrolyse stockage-hydrogene", "",
     "Électrolyseurs compacts pour stations hydrogène de flottes captives."),
    ("Forges de l'Allan (démo)", K.COMPANY, Z.MIDCAP, "25400", "Audincourt", "industry",
     "emboutissage usinage robotique", "iso-9001 iatf-16949 iso-14001",
     "Emboutissage et assemblage de pièces de structure pour constructeurs automobiles."),
    ("Laboratoire Mobilités Avancées (démo)", K.LAB, Z.SME, "90000", "Belfort",
     "hydrogen electric", "hydrogene simulation bancs-essai", "cofrac-17025",
     "Recherche sur les piles à combustible et la gestion d'énergie des véhicules."),
    ("Institut Technique du Doubs (démo)", K.EDUCATION, Z.SME, "25000", "Besançon",
     "industry electric", "formation-technique fabrication-additive", "qualiopi",
     "Formations d'ingénieurs et de techniciens en mécatronique et véhicule électrique."),
    ("Sochaux Composites (démo)", K.COMPANY, Z.SME, "25600", "Sochaux", "industry electric",
     "composites materiaux plasturgie", "iso-9001 iatf-16949",
     "Pièces composites allégées pour carrosseries et caissons de batteries."),
    ("Jura Précision (démo)", K.COMPANY, Z.SME, "39100", "Dole", "industry",
     "usinage fabrication-additive", "iso-9001 en-9100",
     "Usinage de précision et impression 3D métal pour prototypes et petites séries."),
    ("Dijon Data Mobilité (démo)", K.STARTUP, Z.MICRO, "21000", "Dijon", "services",
     "donnees mobilite-partagee", "iso-27001",
     "Plateforme d'analyse des déplacements pour collectivités et opérateurs de transport."),
    ("Beaune Autopartage (démo)", K.STARTUP, Z.MICRO, "21200", "Beaune", "services electric",
     "mobilite-partagee recharge", "",
     "Autopartage de véhicules électriques en zones rurales et périurbaines."),
    ("Pôle Essais Nivernais (démo)", K.COMPANY, Z.SME, "58470", "Magny-Cours",
     "autonomous electric", "bancs-essai adas acoustique", "cofrac-17025 iso-9001",
     "Piste et bancs d'essais pour la validation de véhicules et de leurs aides à la conduite."),
    ("Nevers Motorsport Engineering (démo)", K.COMPANY, Z.MICRO, "58000", "Nevers",
     "electric", "moteurs-electriques simulation", "",
     "Ingénierie de groupes motopropulseurs électriques issue de la compétition."),
    ("Vesoul Logistique Avancée (démo)", K.COMPANY, Z.MIDCAP, "70000", "Vesoul",
     "industry services", "logistique jumeau-numerique", "iso-9001 iso-14001",
     "Logistique de pièces de rechange et supply chain pilotée par la donnée."),
    ("Lure Plasturgie (démo)", K.COMPANY, Z.SME, "70200", "Lure", "industry",
     "plasturgie design-interieur", "iso-9001 iatf-16949",
     "Injection plastique de pièces d'habitacle et de planches de bord."),
    ("Chalon Hydrogène Services (démo)", K.COMPANY, Z.SME, "71100", "Chalon-sur-Saône",
     "hydrogen services", "stockage-hydrogene recharge", "iso-45001",
     "Conception et maintenance de stations de distribution d'hydrogène."),
    ("Creusot Forge Innovation (démo)", K.COMPANY, Z.LARGE, "71200", "Le Creusot",
     "industry hydrogen", "usinage simulation", "iso-9001 iso-14001 iso-50001",
     "Grandes pièces forgées et réservoirs haute pression pour l'hydrogène."),
    ("Mâcon Électro-Mobilité (démo)", K.COMPANY, Z.SME, "71000", "Mâcon", "electric",
     "recharge electronique-de-puissance", "iso-9001",
     "Bornes de recharge rapides et gestion intelligente de la charge."),
    ("Université de Bourgogne-Franche-Comté Mobilité (démo)", K.EDUCATION, Z.LARGE, "21000",
     "Dijon", "autonomous services", "simulation vision donnees", "",
     "Enseignement et recherche sur les mobilités, la perception et les données."),
    ("Auxerre Mécatronique (démo)", K.COMPANY, Z.SME, "89000", "Auxerre", "industry",
     "robotique maintenance-predictive", "iso-9001",
     "Cellules robotisées et maintenance prédictive pour lignes d'assemblage."),
    ("Sens Recyclage Batteries (démo)", K.STARTUP, Z.MICRO, "89100", "Sens", "electric",
     "economie-circulaire systemes-batteries", "iso-14001",
     "Diagnostic, seconde vie et recyclage des batteries de traction."),
    ("Pontarlier Microtechniques (démo)", K.COMPANY, Z.SME, "25300", "Pontarlier",
     "autonomous industry", "vision usinage", "iso-9001",
     "Capteurs et micro-mécanique de précision pour la perception automobile."),
    ("Étupes Conseil Industrie (démo)", K.COMPANY, Z.MICRO, "25460", "Étupes", "industry",
     "jumeau-numerique maintenance-predictive", "",
     "Conseil en performance industrielle et déploiement du jumeau numérique."),
    ("Agence Régionale d'Innovation BFC (démo)", K.INSTITUTION, Z.SME, "21000", "Dijon",
     "electric hydrogen industry", "", "",
     "Accompagnement et financement des projets d'innovation des entreprises régionales."),
    ("Lons Design Intérieur (démo)", K.STARTUP, Z.MICRO, "39000", "Lons-le-Saunier",
     "services", "design-interieur", "",
     "Design d'intérieurs modulables pour navettes et véhicules partagés."),
    ("Belfort Énergie Systèmes (démo)", K.COMPANY, Z.MIDCAP, "90000", "Belfort",
     "hydrogen electric", "hydrogene electronique-de-puissance", "iso-9001 iso-14001",
     "Systèmes pile à combustible pour véhicules lourds et engins ferroviaires."),
    ("Club des Équipementiers Comtois (démo)", K.ASSOCIATION, Z.MICRO, "25000", "Besançon",
     "industry", "", "",
     "Association d'équipementiers qui mutualisent achats, formations et veille."),
    ("Alsace Autonomous Labs (démo)", K.STARTUP, Z.MICRO, "67000", "Strasbourg",
     "autonomous", "vision adas logiciel-embarque", "",
     "Algorithmes de perception pour navettes autonomes en centre-ville."),
    ("Strasbourg Cyber Mobilité (démo)", K.COMPANY, Z.SME, "67000", "Strasbourg",
     "autonomous services", "cybersecurite vehicule-connecte", "iso-27001 tisax",
     "Tests d'intrusion et sécurisation des véhicules connectés et de leurs services."),
    ("Haguenau Électronique (démo)", K.COMPANY, Z.MIDCAP, "67500", "Haguenau",
     "electric autonomous", "electronique-de-puissance logiciel-embarque", "iatf-16949 iso-9001",
     "Calculateurs et électronique embarquée pour équipementiers de rang 1."),
    ("Molsheim Mécanique de Précision (démo)", K.COMPANY, Z.SME, "67120", "Molsheim",
     "industry electric", "usinage moteurs-electriques", "iso-9001 iatf-16949",
     "Arbres, rotors et pièces usinées pour moteurs électriques."),
    ("Mulhouse Assemblage Avancé (démo)", K.COMPANY, Z.LARGE, "68100", "Mulhouse",
     "industry electric", "robotique emboutissage logistique", "iatf-16949 iso-14001 iso-45001",
     "Assemblage carrosserie et intégration de lignes de production flexibles."),
    ("Colmar Acoustique (démo)", K.COMPANY, Z.SME, "68000", "Colmar", "electric",
     "acoustique simulation", "cofrac-17025",
     "Mesure et réduction du bruit des véhicules électriques."),
    ("Institut de Recherche Mobilité Haute-Alsace (démo)", K.LAB, Z.SME, "68100", "Mulhouse",
     "industry autonomous", "robotique simulation materiaux", "",
     "Laboratoire de recherche sur les procédés, la robotique et les matériaux."),
    ("Metz Véhicules Connectés (démo)", K.COMPANY, Z.SME, "57000", "Metz",
     "autonomous services", "vehicule-connecte donnees", "iso-27001",
     "Télématique et services connectés pour flottes professionnelles."),
    ("Thionville Hydrogène Vert (démo)", K.STARTUP, Z.MICRO, "57100", "Thionville",
     "hydrogen", "electrolyse economie-circulaire", "",
     "Production d'hydrogène vert à partir d'énergies renouvelables locales."),
    ("Sarreguemines Pièces Plastiques (démo)", K.COMPANY, Z.SME, "57200", "Sarreguemines",
     "industry", "plasturgie", "iatf-16949",
     "Pièces techniques injectées pour l'éclairage et la ventilation automobile."),
    ("Nancy Matériaux Innovants (démo)", K.LAB, Z.SME, "54000", "Nancy", "industry electric",
     "materiaux composites fabrication-additive", "",
     "Recherche sur les alliages légers et les composites recyclables."),
    ("École d'Ingénieurs Lorraine Mobilité (démo)", K.EDUCATION, Z.SME, "54000", "Nancy",
     "electric autonomous", "formation-technique logiciel-embarque", "qualiopi",
     "École d'ingénieurs avec une spécialité véhicule électrique et autonome."),
    ("Pont-à-Mousson Fonderie (démo)", K.COMPANY, Z.MIDCAP, "54700", "Pont-à-Mousson",
     "industry", "usinage economie-circulaire", "iso-9001 iso-14001 iso-50001",
     "Fonderie aluminium de carters et de pièces de liaison au sol."),
    ("Épinal Bois Mobilité (démo)", K.STARTUP, Z.MICRO, "88000", "Épinal", "services",
     "materiaux design-interieur", "",
     "Matériaux biosourcés à base de bois pour intérieurs de véhicules."),
    ("Saint-Dié Textiles Techniques (démo)", K.COMPANY, Z.SME, "88100", "Saint-Dié-des-Vosges",
     "industry", "composites design-interieur", "iso-9001",
     "Textiles techniques pour sièges, garnitures et renforts composites."),
    ("Reims Mobilités Rurales (démo)", K.ASSOCIATION, Z.MICRO, "51100", "Reims", "services",
     "mobilite-partagee", "",
     "Association qui expérimente le transport à la demande dans les villages."),
    ("Châlons Bancs Moteurs (démo)", K.COMPANY, Z.SME, "51000", "Châlons-en-Champagne",
     "electric hydrogen", "bancs-essai moteurs-electriques", "cofrac-17025",
     "Bancs d'essai de moteurs électriques et de groupes motopropulseurs."),
    ("Troyes Logiciel Embarqué (démo)", K.COMPANY, Z.SME, "10000", "Troyes", "autonomous",
     "logiciel-embarque cybersecurite", "iso-27001",
     "Développement et validation de logiciels embarqués critiques (ISO 26262)."),
    ("Université de Technologie Champenoise (démo)", K.EDUCATION, Z.MIDCAP, "10000", "Troyes",
     "industry autonomous", "simulation jumeau-numerique formation-technique", "",
     "Université technologique : formation et recherche sur l'industrie du futur."),
    ("Ardennes Fonderie Électrique (démo)", K.COMPANY, Z.MIDCAP, "08000",
     "Charleville-Mézières", "industry electric", "usinage moteurs-electriques",
     "iatf-16949 iso-50001",
     "Fonderie et usinage de carters pour moteurs électriques."),
    ("Sedan Emboutissage (démo)", K.COMPANY, Z.SME, "08200", "Sedan", "industry",
     "emboutissage", "iso-9001 iatf-16949",
     "Emboutissage de pièces de sécurité et de renforts de caisse."),
    ("Chaumont Cobotique (démo)", K.STARTUP, Z.MICRO, "52000", "Chaumont", "industry",
     "robotique", "",
     "Cobots faciles à programmer pour les ateliers des PME."),
    ("Saint-Dizier Métal (démo)", K.COMPANY, Z.SME, "52100", "Saint-Dizier", "industry",
     "emboutissage usinage", "iso-9001",
     "Découpe, pliage et soudage de pièces métalliques pour véhicules industriels."),
    ("Bar-le-Duc Recharge Rurale (démo)", K.STARTUP, Z.MICRO, "55000", "Bar-le-Duc",
     "electric services", "recharge", "",
     "Réseau de bornes de recharge pour les communes rurales."),
    ("Verdun Simulation (démo)", K.COMPANY, Z.MICRO, "55100", "Verdun", "autonomous",
     "simulation jumeau-numerique", "",
     "Simulateurs de conduite pour la formation et la validation d'ADAS."),
    ("Région Grand Est Innovation (démo)", K.INSTITUTION, Z.MIDCAP, "67000", "Strasbourg",
     "electric hydrogen autonomous services industry", "", "",
     "Agence régionale qui soutient l'innovation et l'implantation d'entreprises."),
    ("Association Hydrogène Grand Est (démo)", K.ASSOCIATION, Z.MICRO, "57000", "Metz",
     "hydrogen", "", "",
     "Réseau des acteurs de la filière hydrogène du Grand Est."),
    ("Lycée des Métiers de l'Automobile (démo)", K.EDUCATION, Z.SME, "68000", "Colmar",
     "electric", "formation-technique", "qualiopi",
     "Formation des techniciens de maintenance des véhicules électriques et hybrides."),
    ("Centre de Formation Industrie du Futur (démo)", K.EDUCATION, Z.SME, "25200",
     "Montbéliard", "industry", "formation-technique robotique", "qualiopi",
     "Formations courtes en robotique, maintenance et qualité pour l'industrie."),
    ("Lyon Mobilité Urbaine (démo)", K.COMPANY, Z.SME, "69003", "Lyon", "services",
     "mobilite-partagee donnees", "",
     "Applications de mobilité multimodale pour les grandes agglomérations."),
    ("Paris Fleet Analytics (démo)", K.STARTUP, Z.MICRO, "75011", "Paris", "services electric",
     "donnees maintenance-predictive", "iso-27001",
     "Analyse de données pour électrifier les flottes d'entreprise."),
    ("Stuttgart Antriebstechnik (démo)", K.COMPANY, Z.LARGE, "70173", "Stuttgart",
     "electric", "moteurs-electriques electronique-de-puissance", "iatf-16949",
     "Équipementier allemand de chaînes de traction électriques, partenaire transfrontalier."),
    ("Basel Sensor Systems (démo)", K.COMPANY, Z.SME, "4051", "Basel", "autonomous",
     "vision adas", "iso-9001",
     "Capteurs lidar et radar pour véhicules autonomes, basés en Suisse."),
    ("Montbéliard Batteries Seconde Vie (démo)", K.STARTUP, Z.MICRO, "25200", "Montbéliard",
     "electric", "economie-circulaire systemes-batteries", "",
     "Stockage stationnaire à partir de batteries de véhicules reconditionnées."),
    ("Besançon Vision Industrielle (démo)", K.COMPANY, Z.SME, "25000", "Besançon",
     "industry autonomous", "vision robotique", "iso-9001",
     "Contrôle qualité par vision artificielle sur les lignes de production."),
]  # fmt: skip

FOREIGN = {"Stuttgart": "DE", "Basel": "CH"}
# A few members wrote their presentation in English too.
ENGLISH = {
    "Hydrolyse Comtoise (démo)": (
        "Compact electrolysers for the hydrogen stations of captive fleets.",
        "We design containerised electrolysers sized for bus depots and logistics hubs."
        "\n\n*A fictional organisation.*",
    ),
    "Strasbourg Cyber Mobilité (démo)": (
        "Penetration testing and security for connected vehicles and their services.",
        "Our lab audits vehicle networks, telematics units and back-end services."
        "\n\n*A fictional organisation.*",
    ),
    "Stuttgart Antriebstechnik (démo)": (
        "German supplier of electric drivetrains, a cross-border partner of the cluster.",
        "Motors, inverters and reduction gears for passenger cars and vans."
        "\n\n*A fictional organisation.*",
    ),
    "Basel Sensor Systems (démo)": (
        "Lidar and radar sensors for autonomous vehicles, based in Switzerland.",
        "We build perception sensors and the software that fuses their data."
        "\n\n*A fictional organisation.*",
    ),
    "Laboratoire Mobilités Avancées (démo)": (
        "Research on fuel cells and energy management for vehicles.",
        "Fuel cell test benches from 1 to 150 kW, modelling and ageing studies."
        "\n\n*A fictional laboratory.*",
    ),
}
LAPSED = {"Sedan Emboutissage (démo)"}
HIDDEN = {"Saint-Dizier Métal (démo)"}

FIRST_NAMES = [
    "Camille", "Julien", "Sophie", "Thomas", "Léa", "Nicolas", "Emma", "Antoine", "Chloé",
    "Hugo", "Manon", "Lucas", "Inès", "Mathieu", "Sarah", "Pierre", "Claire", "Maxime",
    "Pauline", "Romain", "Élodie", "Guillaume", "Anaïs", "Vincent", "Marion", "Alexandre",
]  # fmt: skip
LAST_NAMES = [
    # Surnames nobody carries, so that no demo person can be taken for a real one.
    "Exemple", "Démo", "Fictif", "Maquette", "Prototype", "Essai", "Pilote", "Modèle",
    "Échantillon", "Brouillon", "Gabarit", "Esquisse", "Ébauche", "Croquis", "Calque",
    "Canevas", "Témoin", "Jalon", "Repère", "Balise", "Factice", "Virtuel", "Imaginaire",
    "Inventé", "Simulé", "Scénario",
]  # fmt: skip
JOB_TITLES = [
    "Directrice générale", "Responsable R&D", "Ingénieur projets", "Chargée d'affaires",
    "Responsable innovation", "Directeur technique", "Chef de projet", "Responsable qualité",
]  # fmt: skip
VISIBILITIES = [
    Membership.Visibility.PUBLIC,
    Membership.Visibility.MEMBERS,
    Membership.Visibility.PUBLIC,
    Membership.Visibility.HIDDEN,
]

PLATFORMS = [
    ("Voltaria (démo)", "Banc batteries haute tension", Platform.Kind.TEST_BENCH,
     "Cycleurs 800 V et enceintes sécurisées pour tester des packs batteries complets.",
     "Cycleur 800 V / 500 kW\nEnceinte climatique -40 °C à +85 °C\nCaméra thermique\n"
     "Essais d'abus (surcharge, court-circuit)", "electric", Platform.Access.REQUEST),
    ("Laboratoire Mobilités Avancées (démo)", "Plateforme pile à combustible",
     Platform.Kind.PLATFORM,
     "Bancs d'essai de piles à combustible de 1 à 150 kW, avec alimentation en hydrogène.",
     "Banc d'essai hydrogène 150 kW\nAnalyse d'impédance électrochimique\n"
     "Chambre climatique\nStockage hydrogène 350 bar", "hydrogen", Platform.Access.MEMBERS),
    ("Pôle Essais Nivernais (démo)", "Piste d'essais ADAS", Platform.Kind.TEST_BENCH,
     "Piste fermée et cibles mobiles pour valider les aides à la conduite.",
     "Piste de 2 km avec virages relevés\nCibles piétons et cyclistes motorisées\n"
     "Mesure GNSS centimétrique\nZone de freinage sur sol mouillé", "autonomous",
     Platform.Access.REQUEST),
    ("Pôle Essais Nivernais (démo)", "Chambre semi-anéchoïque", Platform.Kind.TEST_BENCH,
     "Mesures de compatibilité électromagnétique et d'acoustique sur véhicule complet.",
     "Chambre semi-anéchoïque 10 m\nBanc à rouleaux 4 roues motrices\nMesures CEM",
     "electric autonomous", Platform.Access.REQUEST),
    ("Jura Précision (démo)", "Atelier fabrication additive métal", Platform.Kind.PLATFORM,
     "Impression 3D métal et post-traitements pour prototypes fonctionnels.",
     "Fusion laser sur lit de poudre (titane, aluminium, inox)\nTraitement thermique\n"
     "Tomographie de contrôle", "industry", Platform.Access.MEMBERS),
    ("Institut de Recherche Mobilité Haute-Alsace (démo)", "Cellule robotique collaborative",
     Platform.Kind.RESOURCE_CENTRE,
     "Cellule de démonstration pour tester cobots et préhenseurs avant investissement.",
     "Trois cobots de 5 à 16 kg\nVision 3D\nJumeau numérique de la cellule", "industry",
     Platform.Access.MEMBERS),
    ("Châlons Bancs Moteurs (démo)", "Banc moteur électrique 300 kW", Platform.Kind.TEST_BENCH,
     "Caractérisation de moteurs et onduleurs de traction jusqu'à 20 000 tr/min.",
     "Machine de charge 300 kW\nAnalyseur de puissance\nMesure de couple haute précision",
     "electric", Platform.Access.REQUEST),
    ("Strasbourg Cyber Mobilité (démo)", "Laboratoire cybersécurité véhicule",
     Platform.Kind.PLATFORM,
     "Bancs de calculateurs et réseau CAN pour tester la sécurité des véhicules connectés.",
     "Bancs CAN, CAN-FD et Ethernet automobile\nOutils de test d'intrusion\n"
     "Simulateur de services connectés", "autonomous services", Platform.Access.PARTNERS),
    ("Nancy Matériaux Innovants (démo)", "Centre de caractérisation des matériaux",
     Platform.Kind.RESOURCE_CENTRE,
     "Essais mécaniques et analyses de matériaux légers et composites.",
     "Machines de traction 100 kN\nEssais de fatigue\nMicroscope électronique à balayage\n"
     "Chambre climatique pour vieillissement", "industry", Platform.Access.REQUEST),
    ("Verdun Simulation (démo)", "Simulateur de conduite dynamique", Platform.Kind.PLATFORM,
     "Simulateur à six degrés de liberté pour étudier l'humain au volant.",
     "Plateforme 6 axes\nÉcran 270°\nOculomètre\nScénarios de conduite autonome",
     "autonomous", Platform.Access.REQUEST),
    ("Chalon Hydrogène Services (démo)", "Station hydrogène d'essais", Platform.Kind.TEST_BENCH,
     "Station 350/700 bar pour tester le remplissage de véhicules et de réservoirs.",
     "Distribution 350 et 700 bar\nBanc de cyclage de réservoirs\nMesure de débit",
     "hydrogen", Platform.Access.PARTNERS),
    ("Université de Technologie Champenoise (démo)", "Usine école 4.0",
     Platform.Kind.RESOURCE_CENTRE,
     "Ligne de production pédagogique connectée pour former et tester l'industrie du futur.",
     "Ligne d'assemblage connectée\nMES et supervision\nRéalité augmentée pour la maintenance",
     "industry", Platform.Access.MEMBERS),
    ("Colmar Acoustique (démo)", "Chambre climatique et vibratoire", Platform.Kind.TEST_BENCH,
     "Essais combinés de température, humidité et vibrations sur composants.",
     "Chambre climatique -70 °C à +180 °C\nPot vibrant 50 kN\nBrouillard salin",
     "electric industry", Platform.Access.REQUEST),
]  # fmt: skip

SHAPES = ["circle", "rounded", "hexagon", "diamond"]
COLOURS = ["#0b7a4b", "#0b63a8", "#6b3fb0", "#a84b08", "#9e2a3f", "#14457a", "#007a65"]
GENERATED_PREFIX = "generee-"
GENERATED_POSTCODES = [
    ("25000", "Besançon"), ("25200", "Montbéliard"), ("21000", "Dijon"), ("90000", "Belfort"),
    ("70000", "Vesoul"), ("39100", "Dole"), ("71100", "Chalon-sur-Saône"), ("58000", "Nevers"),
    ("89000", "Auxerre"), ("67000", "Strasbourg"), ("68100", "Mulhouse"), ("57000", "Metz"),
    ("54000", "Nancy"), ("88000", "Épinal"), ("51100", "Reims"), ("10000", "Troyes"),
    ("08000", "Charleville-Mézières"), ("52000", "Chaumont"), ("55000", "Bar-le-Duc"),
    ("69003", "Lyon"),
]  # fmt: skip
GENERATED_WORDS = [
    "Batteries", "Hydrogène", "Robotique", "Composites", "Logiciel", "Recharge", "Capteurs",
    "Usinage", "Données", "Mobilité", "Moteurs", "Plasturgie", "Simulation", "Recyclage",
]  # fmt: skip


def _number(text: str) -> int:
    return int(hashlib.sha256(text.encode()).hexdigest()[:12], 16)


def _siret(text: str) -> str:
    """A fictional SIRET that passes the checksum, stable for a given organisation name."""
    base = f"9{_number(text) % 10**12:012d}"
    for digit in range(10):
        candidate = base + str(digit)
        if luhn_valid(candidate):
            return candidate
    raise AssertionError("a Luhn check digit always exists")


@cache
def _font(size: int):
    for path in (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    ):
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)


def logo_png(name: str) -> bytes:
    """A simple logo: the initials of ``name`` on a coloured shape (256 × 256 PNG)."""
    number = _number(name)
    colour = COLOURS[number % len(COLOURS)]
    shape = SHAPES[(number // 7) % len(SHAPES)]
    image = Image.new("RGBA", (256, 256), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    box = (16, 16, 240, 240)
    if shape == "circle":
        draw.ellipse(box, fill=colour)
    elif shape == "rounded":
        draw.rounded_rectangle(box, radius=48, fill=colour)
    elif shape == "hexagon":
        draw.regular_polygon((128, 128, 116), 6, fill=colour)
    else:
        draw.regular_polygon((128, 128, 120), 4, fill=colour)
    words = [w for w in name.replace("(démo)", "").replace("'", " ").split() if w[0].isupper()]
    initials = "".join(word[0] for word in words[:2]).upper() or "?"
    draw.text((128, 132), initials, fill="white", font=_font(96), anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _person_email(first: str, last: str, domain: str) -> str:
    return f"{slugify(first)}.{slugify(last)}@{domain}"


def _ensure_people(specs: list[dict]) -> dict[str, User]:
    """Create the demo people, hashing the shared password once rather than per person."""
    existing = set(
        User.objects.filter(email__in=[s["email"] for s in specs]).values_list("email", flat=True)
    )
    missing = [s for s in specs if s["email"] not in existing]
    if missing:
        password = make_password(DEMO_PASSWORD)
        User.objects.bulk_create(
            [User(email=s["email"], password=password) for s in missing], batch_size=500
        )
    people = User.objects.in_bulk([s["email"] for s in specs], field_name="email")
    for spec in missing:
        people[spec["email"]] = ensure_user(**spec)
    return people


def _load_vocabularies() -> tuple[dict, dict]:
    competencies = {}
    existing = Competency.objects.in_bulk(field_name="slug")
    for slug, name_fr, name_en in COMPETENCIES:
        competency = existing.get(slug) or Competency(slug=slug)
        if (competency.pk, competency.name_fr, competency.name_en) != (None, name_fr, name_en):
            competency.name_fr, competency.name_en = name_fr, name_en
            competency.name = name_fr
            competency.save()
        competencies[slug] = competency
    certifications = {}
    for slug, name in CERTIFICATIONS:
        certifications[slug], _created = Certification.objects.update_or_create(
            slug=slug, defaults={"name": name}
        )
    return competencies, certifications


KEYWORD_STOPWORDS = {"entre", "leurs", "notre", "nous", "avec", "dans", "pour", "sans", "sous"}


def _keywords(pitch: str) -> str:
    """Two telling words of the pitch ("usinage, impression"), never "de" or "pour"."""
    words = [word.strip(".,;:'’()").lower() for word in pitch.replace("'", " ").split()]
    telling = [word for word in words if len(word) > 4 and word not in KEYWORD_STOPWORDS]
    return ", ".join(list(dict.fromkeys(telling))[:2])


def _description(competencies, city) -> str:
    know_how = ", ".join(c.name_fr.lower() for c in competencies) or "l'accompagnement"
    return (
        f"Basée à {city}, l'équipe met son savoir-faire ({know_how}) au service des "
        "constructeurs, des équipementiers et des laboratoires de la filière.\n\n"
        "**Ce que nous cherchons :** des partenaires pour des projets collaboratifs, des "
        "essais en conditions réelles et des échanges de bonnes pratiques.\n\n"
        "*Organisation fictive créée pour la démonstration du portail.*"
    )


def _load_organisations(markets, competencies, certifications) -> list[Organisation]:
    today = timezone.localdate()
    organisations = []
    for index, row in enumerate(ORGANISATIONS):
        name, kind, size, postcode, city, themes, skills, certs, pitch = row
        slug = slugify(name.replace("(démo)", "demo"))
        country = FOREIGN.get(city, "FR")
        organisation = Organisation.objects.filter(slug=slug).first() or Organisation(
            slug=slug,
            region=Organisation.Region.ABROAD,  # derived from the postcode on save
        )
        chosen = [competencies[s] for s in skills.split()]
        since = date(2006 + index % 19, 1 + index % 12, 1)
        fields = {
            "name": name,
            "kind": kind,
            "size_band": size,
            "postcode": postcode,
            "city": city,
            "country": country,
            "address": f"{10 + index} rue de l'Innovation",
            "website": f"https://www.{slug.removesuffix('-demo')}-demo.example",
            "siret": "" if kind == K.LAB or country != "FR" else _siret(name),
            "pitch": pitch,
            "description": _description(chosen, city),
            "keywords": _keywords(pitch) if index % 3 == 0 else "",
            "membership_status": Organisation.Status.ACTIVE,
            "member_since": since,
            "paid_until": today.replace(month=12, day=31),
            "is_public": name not in HIDDEN,
        }
        if name in LAPSED:
            fields["membership_status"] = Organisation.Status.LAPSED
            fields["paid_until"] = today - timedelta(days=200)
        fields["pitch_en"], fields["description_en"] = ENGLISH.get(name, ("", ""))
        if name == "Voltaria (démo)":
            fields["pitch_en"] = "Battery packs and power electronics for electric vans."
            fields["description_en"] = (
                "Voltaria designs and assembles battery packs for light commercial vehicles, "
                "with its own high-voltage test bench.\n\n*A fictional organisation.*"
            )
        changed = organisation.pk is None or any(
            getattr(organisation, field) != value for field, value in fields.items()
        )
        for field, value in fields.items():
            setattr(organisation, field, value)
        needs_logo = not organisation.logo or not organisation.logo.storage.exists(
            organisation.logo.name
        )
        if needs_logo and index % 9 != 8:  # a few keep the initials placeholder
            organisation.logo = ContentFile(logo_png(name), name=f"{slug}.png")
            changed = True
        wanted = {
            "markets": [markets[t] for t in themes.split() if t in markets],
            "competencies": chosen,
            "certifications": [certifications[s] for s in certs.split()],
        }
        if organisation.pk is not None:
            changed = changed or any(
                set(getattr(organisation, relation).all()) != set(values)
                for relation, values in wanted.items()
            )
        if changed:
            # One history entry per organisation, with its final many-to-many values.
            organisation.skip_history_when_saving = True
            organisation.save()
            for relation, values in wanted.items():
                getattr(organisation, relation).set(values)
            del organisation.skip_history_when_saving
            organisation.save()
        organisations.append(organisation)
    return organisations


def _load_people(organisations) -> dict:
    specs, places = [], []
    for index, organisation in enumerate(organisations):
        domain = organisation.email_domain
        for position in range(1 + index % 3):
            number = index * 3 + position
            first = FIRST_NAMES[number % len(FIRST_NAMES)]
            last = LAST_NAMES[(number * 7 + index) % len(LAST_NAMES)]
            email = _person_email(first, last, domain)
            specs.append(
                {
                    "email": email,
                    "first_name": first,
                    "last_name": last,
                    "job_title": JOB_TITLES[number % len(JOB_TITLES)],
                }
            )
            role = Membership.Role.ADMIN if position == 0 else Membership.Role.COLLEAGUE
            places.append((organisation, email, role, VISIBILITIES[number % len(VISIBILITIES)]))
    people = _ensure_people(specs)
    existing = set(
        Membership.objects.filter(organisation__in=organisations).values_list(
            "organisation_id", "user_id"
        )
    )
    for organisation, email, role, visibility in places:
        if (organisation.pk, people[email].pk) in existing:
            continue
        membership = services.membership_create(
            organisation=organisation,
            user=people[email],
            role=role,
            job_title=people[email].job_title,
        )
        if membership.visibility != visibility and membership.visibility == "members":
            services.membership_update_self(
                membership=membership, job_title=membership.job_title, visibility=visibility
            )
    return people


def _load_member_account(voltaria: Organisation) -> None:
    member = ensure_user(email=MEMBER_EMAIL)
    membership = services.membership_create(
        organisation=voltaria, user=member, role=Membership.Role.ADMIN, job_title=member.job_title
    )
    if membership.visibility == Membership.Visibility.MEMBERS:
        services.membership_update_self(
            membership=membership,
            job_title=membership.job_title,
            visibility=Membership.Visibility.PUBLIC,
        )
    # A colleague waits for an answer to join Voltaria; another one is invited.
    requester = ensure_user(
        email="ines.jalon@voltaria-demo.example",
        first_name="Inès",
        last_name="Jalon",
        job_title="Technicienne d'essais",
    )
    if not voltaria.memberships.filter(user=requester).exists():
        JoinRequest.objects.get_or_create(
            user=requester,
            organisation=voltaria,
            status=JoinRequest.Status.PENDING,
            defaults={"message": "J'ai rejoint l'équipe essais en septembre."},
        )
    invited = "nouvelle.recrue@voltaria-demo.example"
    if not voltaria.invitations.pending().filter(email=invited).exists():
        _token, token_hash = Invitation.new_token()
        Invitation.objects.create(
            organisation=voltaria,
            email=invited,
            role=Membership.Role.COLLEAGUE,
            token_hash=token_hash,
            invited_by=member,
            expires_at=Invitation.default_expiry(),
        )


def _load_platforms(organisations, markets) -> int:
    by_name = {organisation.name: organisation for organisation in organisations}
    for owner, name, kind, summary, equipment, themes, access in PLATFORMS:
        organisation = by_name[owner]
        slug = slugify(name)
        admin = organisation.memberships.admins().select_related("user").first()
        platform, _created = Platform.objects.update_or_create(
            slug=slug,
            defaults={
                "organisation": organisation,
                "name": name,
                "kind": kind,
                "summary": summary,
                "equipment": equipment,
                "description": f"{summary}\n\n*Plateforme fictive de démonstration.*",
                "access": access,
                "contact": admin.user if admin else None,
            },
        )
        platform.markets.set([markets[t] for t in themes.split() if t in markets])
    return len(PLATFORMS)


def _load_application(markets) -> None:
    slug = "hydrovia-mobilites-demo"
    organisation, _created = Organisation.objects.update_or_create(
        slug=slug,
        defaults={
            "name": "Hydrovia Mobilités (démo)",
            "kind": K.STARTUP,
            "size_band": Z.MICRO,
            "siret": _siret("Hydrovia Mobilités (démo)"),
            "postcode": "68200",
            "city": "Mulhouse",
            "website": "https://www.hydrovia-demo.example",
            "pitch": "Rétrofit hydrogène de bus et de bennes à ordures ménagères.",
            "membership_status": Organisation.Status.APPLICANT,
        },
    )
    organisation.markets.set([markets[t] for t in ("hydrogen", "services") if t in markets])
    MembershipApplication.objects.update_or_create(
        organisation=organisation,
        defaults={
            "contact_first_name": "Lina",
            "contact_last_name": "Prototype",
            "contact_email": "lina.prototype@hydrovia-demo.example",
            "contact_job_title": "Cofondatrice",
            "motivation": (
                "Nous cherchons des partenaires industriels pour industrialiser notre kit de "
                "rétrofit et des collectivités pour l'expérimenter."
            ),
            "status": MembershipApplication.Status.PENDING,
        },
    )


def load_generated(count: int, markets: list[Market], competencies: list[Competency]) -> int:
    """Bulk-insert ``count`` generated organisations (those already there are kept)."""
    if count <= 0 or not markets or not competencies:
        return 0
    existing = set(
        Organisation.objects.filter(slug__startswith=GENERATED_PREFIX).values_list(
            "slug", flat=True
        )
    )
    today = timezone.localdate()
    kinds = [choice for choice, _label in K.choices]
    sizes = [choice for choice, _label in Z.choices]
    rows, picks = [], []
    for number in range(1, count + 1):
        slug = f"{GENERATED_PREFIX}{number:05d}"
        if slug in existing:
            continue
        word = GENERATED_WORDS[number % len(GENERATED_WORDS)]
        postcode, city = GENERATED_POSTCODES[number % len(GENERATED_POSTCODES)]
        chosen_markets = [markets[number % len(markets)], markets[(number * 3) % len(markets)]]
        chosen_skills = [competencies[(number * k) % len(competencies)] for k in (1, 5, 11)]
        name = f"{word} Organisation {number:05d} (démo)"
        pitch = f"Organisation générée n° {number} : {word.lower()} pour la mobilité de demain."
        organisation = Organisation(
            name=name,
            slug=slug,
            kind=kinds[number % len(kinds)],
            size_band=sizes[number % len(sizes)],
            postcode=postcode,
            city=city,
            country="FR",
            website=f"https://www.{slug}.example",
            pitch=pitch,
            membership_status=Organisation.Status.ACTIVE,
            member_since=date(2006 + number % 19, 1 + number % 12, 1),
            paid_until=today.replace(month=12, day=31),
            is_public=True,
        )
        organisation.derive_location()
        organisation.sort_name = search.normalise(name)
        organisation.search_text = search.search_document(
            name,
            pitch,
            city,
            *[n for c in chosen_skills for n in (c.name_fr, c.name_en)],
        )
        rows.append(organisation)
        picks.append((set(chosen_markets), set(chosen_skills)))
    created = Organisation.objects.bulk_create(rows, batch_size=1000)
    market_links, skill_links = [], []
    MarketLink = Organisation.markets.through
    SkillLink = Organisation.competencies.through
    for organisation, (chosen_markets, chosen_skills) in zip(created, picks, strict=True):
        market_links += [MarketLink(organisation=organisation, market=m) for m in chosen_markets]
        skill_links += [SkillLink(organisation=organisation, competency=c) for c in chosen_skills]
    MarketLink.objects.bulk_create(market_links, batch_size=2000)
    SkillLink.objects.bulk_create(skill_links, batch_size=2000)
    return len(created)


def load(*, scale: int, log) -> None:
    MembershipSettings.current()
    markets = Market.objects.in_bulk(field_name="theme")
    competencies, certifications = _load_vocabularies()
    organisations = _load_organisations(markets, competencies, certifications)
    people = _load_people(organisations)
    voltaria = next(o for o in organisations if o.name == "Voltaria (démo)")
    _load_member_account(voltaria)
    platform_count = _load_platforms(organisations, markets)
    _load_application(markets)
    generated = load_generated(scale, list(markets.values()), list(competencies.values()))
    log(
        f"members: {len(organisations)} organisations, {len(people)} people, "
        f"{platform_count} platforms, 1 pending application"
        + (f", {generated} generated organisations" if generated else "")
        + f" ({MEMBER_EMAIL} administers Voltaria)"
    )
