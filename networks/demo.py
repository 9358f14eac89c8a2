"""Demo partners of `manage.py load_demo`: the cluster's two networks, its two regions as
funders, and fictional clusters, a school and an association (marked "démo"/"demo").

Translated fields are written as ``{"fr": ..., "en": ...}``; every record is keyed on its
slug, so loading twice updates the same rows.
"""

from inspect import cleandoc

from django.utils import timezone

from networks.models import Partner

PARTNERS = [
    {
        "slug": "poles-de-competitivite",
        "kind": Partner.Kind.NETWORK,
        "country": "FR",
        "partnership_since": 2005,
        "featured": True,
        "order": 1,
        "website": "https://competitivite.gouv.fr/",
        "name": {
            "fr": "Les Pôles de compétitivité",
            "en": "French competitiveness clusters",
        },
        "summary": {
            "fr": "Le réseau national des pôles labellisés par l'État, dont le pôle est membre "
            "depuis sa reconnaissance en 2005.",
            "en": "The national network of state-recognised clusters, which the cluster joined "
            "when it was recognised in 2005.",
        },
        "description": {
            "fr": """
                Les pôles de compétitivité rassemblent, sur un territoire et autour d'une
                filière, des entreprises, des laboratoires et des organismes de formation qui
                montent ensemble des projets d'innovation. L'État les reconnaît par phases
                successives et évalue leurs résultats.

                Au sein de ce réseau, Véhicule du Futur partage ses méthodes d'accompagnement
                avec les autres pôles, oriente ses adhérents vers les bons interlocuteurs
                lorsqu'un projet dépasse ses marchés, et porte avec eux la voix des PME
                innovantes auprès des financeurs publics.
            """,
            "en": """
                Competitiveness clusters bring together companies, research labs and training
                bodies of one territory and one industry so that they build innovation projects
                together. The French state recognises them in successive phases and reviews
                what they achieve.

                Within this network, Vehicle of the Future shares its support methods with the
                other clusters, points its members to the right contacts when a project goes
                beyond its own markets, and speaks up with them for innovative SMEs before
                public funders.
            """,
        },
    },
    {
        "slug": "eacn",
        "kind": Partner.Kind.NETWORK,
        "country": "EU",
        "featured": True,
        "order": 2,
        "name": {
            "fr": "European Automotive Cluster Network (EACN)",
            "en": "European Automotive Cluster Network (EACN)",
        },
        "summary": {
            "fr": "Le réseau européen des clusters automobiles, pour coopérer au-delà des "
            "frontières sur les projets et les compétences.",
            "en": "The European network of automotive clusters, to work across borders on "
            "projects and skills.",
        },
        "description": {
            "fr": """
                L'EACN relie des clusters automobiles de nombreux pays européens. Ses membres
                échangent sur les mutations de la filière (électrification, logiciel, nouvelles
                compétences), répondent ensemble à des appels européens et organisent des
                rencontres entre leurs entreprises.

                Pour les adhérents de Véhicule du Futur, c'est une porte d'entrée vers des
                partenaires industriels et académiques dans toute l'Europe, utile pour bâtir
                le consortium d'un projet Horizon Europe ou trouver un client à l'export.
            """,
            "en": """
                The EACN links automotive clusters from many European countries. Its members
                discuss how the industry is changing (electrification, software, new skills),
                answer European calls together and set up meetings between their companies.

                For the members of Vehicle of the Future it opens the door to industrial and
                academic partners all over Europe, which helps when building the consortium of
                a Horizon Europe project or looking for a customer abroad.
            """,
        },
    },
    {
        "slug": "region-bourgogne-franche-comte",
        "kind": Partner.Kind.FUNDER,
        "country": "FR",
        "city": "Besançon",
        "featured": True,
        "order": 1,
        "website": "https://www.bourgognefranchecomte.fr/",
        "name": {"fr": "Région Bourgogne-Franche-Comté", "en": "Bourgogne-Franche-Comté Region"},
        "summary": {
            "fr": "La Région finance l'innovation des entreprises et soutient les projets "
            "collaboratifs labellisés par le pôle.",
            "en": "The Region funds companies' innovation and backs the collaborative projects "
            "the cluster labels.",
        },
        "description": {
            "fr": """
                Compétente pour le développement économique, la Région Bourgogne-Franche-Comté
                accompagne les entreprises de son territoire par des aides à l'innovation, des
                avances remboursables et le cofinancement de projets collaboratifs, notamment
                dans le cadre de l'appel PSPC-Régions.

                Elle compte sur le pôle pour repérer les projets prometteurs de la filière
                automobile et des mobilités, les faire mûrir et en évaluer la qualité avant
                leur dépôt.
            """,
            "en": """
                As the authority in charge of economic development, the Bourgogne-Franche-Comté
                Region supports the companies of its territory with innovation grants,
                repayable advances and co-funding of collaborative projects, notably through
                the PSPC-Régions call.

                It relies on the cluster to spot promising projects in the automotive and
                mobility industry, help them mature and assess their quality before they are
                filed.
            """,
        },
    },
    {
        "slug": "region-grand-est",
        "kind": Partner.Kind.FUNDER,
        "country": "FR",
        "city": "Strasbourg",
        "featured": True,
        "order": 2,
        "website": "https://www.grandest.fr/",
        "name": {"fr": "Région Grand Est", "en": "Grand Est Region"},
        "summary": {
            "fr": "La Région soutient la transformation de l'industrie automobile du Grand Est "
            "et cofinance des projets d'innovation.",
            "en": "The Region supports the transformation of the Grand Est automotive industry "
            "and co-funds innovation projects.",
        },
        "description": {
            "fr": """
                Le Grand Est accueille de nombreux sites d'assemblage et d'équipementiers. La
                Région y finance la modernisation des usines, les projets de recherche et
                développement des PME et les démonstrateurs de nouvelles mobilités, en lien
                avec Bpifrance.

                Le pôle travaille avec ses services pour que les projets collaboratifs
                labellisés trouvent le bon dispositif régional et pour relayer ses appels
                auprès des adhérents.
            """,
            "en": """
                Grand Est is home to many assembly plants and suppliers. The Region funds the
                modernisation of factories, the research and development projects of SMEs and
                demonstrators of new mobility, together with Bpifrance.

                The cluster works with its departments so that labelled collaborative projects
                find the right regional scheme, and passes its calls on to members.
            """,
        },
    },
    {
        "slug": "cluster-mobilite-atlantique-demo",
        "kind": Partner.Kind.CLUSTER_FRANCE,
        "country": "FR",
        "city": "Nantes",
        "partnership_since": 2016,
        "order": 1,
        "website": "https://mobilite-atlantique-demo.example/",
        "name": {
            "fr": "Cluster Mobilité Atlantique (démo)",
            "en": "Atlantic Mobility Cluster (demo)",
        },
        "summary": {
            "fr": "Un pôle fictif de l'Ouest spécialisé dans les véhicules utilitaires et "
            "la logistique urbaine.",
            "en": "A fictional cluster in western France specialised in utility vehicles and "
            "urban logistics.",
        },
        "description": {
            "fr": """
                Partenaire de démonstration. Ce pôle imaginaire réunit des carrossiers, des
                spécialistes de la logistique et des collectivités autour du dernier kilomètre.
                Les deux pôles montent ensemble des projets interrégionaux sur les utilitaires
                électriques.
            """,
            "en": """
                Demo partner. This imaginary cluster gathers body builders, logistics experts
                and local authorities around last-mile delivery. The two clusters build
                inter-regional projects on electric utility vehicles together.
            """,
        },
    },
    {
        "slug": "pole-hydrogene-mediterranee-demo",
        "kind": Partner.Kind.CLUSTER_FRANCE,
        "country": "FR",
        "city": "Marseille",
        "partnership_since": 2021,
        "order": 2,
        "website": "https://h2-mediterranee-demo.example/",
        "name": {
            "fr": "Pôle Hydrogène Méditerranée (démo)",
            "en": "Mediterranean Hydrogen Cluster (demo)",
        },
        "summary": {
            "fr": "Un pôle fictif dédié à la production et aux usages de l'hydrogène bas carbone.",
            "en": "A fictional cluster devoted to producing and using low-carbon hydrogen.",
        },
        "description": {
            "fr": """
                Partenaire de démonstration. Ses adhérents imaginaires produisent des
                électrolyseurs et exploitent des stations. L'accord avec Véhicule du Futur
                porte sur l'échange d'experts et la co-organisation d'un atelier annuel sur la
                mobilité hydrogène lourde.
            """,
            "en": """
                Demo partner. Its imaginary members make electrolysers and run refuelling
                stations. The agreement with Vehicle of the Future covers exchanging experts
                and co-hosting a yearly workshop on heavy-duty hydrogen mobility.
            """,
        },
    },
    {
        "slug": "autocluster-oberrhein-demo",
        "kind": Partner.Kind.CLUSTER_ABROAD,
        "country": "DE",
        "city": "Freiburg",
        "partnership_since": 2014,
        "featured": True,
        "order": 1,
        "website": "https://autocluster-oberrhein-demo.example/",
        "name": {
            "fr": "Autocluster Oberrhein (démo)",
            "en": "Autocluster Oberrhein (demo)",
        },
        "summary": {
            "fr": "Un cluster automobile allemand fictif, partenaire des projets "
            "transfrontaliers du Rhin supérieur.",
            "en": "A fictional German automotive cluster, partner of cross-border projects "
            "in the Upper Rhine.",
        },
        "description": {
            "fr": """
                Partenaire de démonstration. Ce cluster imaginaire du Bade-Wurtemberg anime une
                communauté d'équipementiers de rang 2 et 3. Avec Véhicule du Futur, il organise
                des rencontres d'affaires franco-allemandes et des projets communs sur la
                reconversion des sous-traitants du moteur thermique.
            """,
            "en": """
                Demo partner. This imaginary cluster in Baden-Württemberg leads a community of
                tier-2 and tier-3 suppliers. With Vehicle of the Future it runs French-German
                business meetings and joint projects on converting combustion-engine
                subcontractors.
            """,
        },
    },
    {
        "slug": "distretto-mobilita-piemonte-demo",
        "kind": Partner.Kind.CLUSTER_ABROAD,
        "country": "IT",
        "city": "Torino",
        "partnership_since": 2019,
        "order": 2,
        "website": "https://distretto-mobilita-demo.example/",
        "name": {
            "fr": "Distretto Mobilità Piemonte (démo)",
            "en": "Distretto Mobilità Piemonte (demo)",
        },
        "summary": {
            "fr": "Un cluster italien fictif tourné vers le design automobile et les "
            "véhicules connectés.",
            "en": "A fictional Italian cluster focused on car design and connected vehicles.",
        },
        "description": {
            "fr": """
                Partenaire de démonstration. Ses membres imaginaires conçoivent des intérieurs
                de véhicules et des services connectés. Les deux clusters échangent des
                délégations lors de leurs salons respectifs.
            """,
            "en": """
                Demo partner. Its imaginary members design vehicle interiors and connected
                services. The two clusters send delegations to each other's trade fairs.
            """,
        },
    },
    {
        "slug": "institut-mobilites-durables-demo",
        "kind": Partner.Kind.ACADEMIC,
        "country": "FR",
        "city": "Belfort",
        "partnership_since": 2012,
        "order": 1,
        "name": {
            "fr": "Institut des mobilités durables (démo)",
            "en": "Institute for Sustainable Mobility (demo)",
        },
        "summary": {
            "fr": "Une école d'ingénieurs fictive qui accueille des thèses industrielles "
            "avec les adhérents.",
            "en": "A fictional engineering school hosting industrial PhDs with members.",
        },
        "description": {
            "fr": """
                Partenaire de démonstration. L'institut imaginaire met ses bancs d'essai à
                disposition des projets du pôle et co-encadre chaque année des thèses avec les
                entreprises adhérentes.
            """,
            "en": """
                Demo partner. The imaginary institute opens its test benches to the cluster's
                projects and co-supervises PhDs with member companies every year.
            """,
        },
    },
    {
        "slug": "association-equipementiers-est-demo",
        "kind": Partner.Kind.INDUSTRY,
        "country": "FR",
        "city": "Metz",
        "partnership_since": 2020,
        "order": 1,
        "name": {
            "fr": "Association des équipementiers de l'Est (démo)",
            "en": "Eastern Suppliers' Association (demo)",
        },
        "summary": {
            "fr": "Une association professionnelle fictive d'équipementiers, relais du pôle "
            "auprès des sous-traitants.",
            "en": "A fictional trade association of suppliers, relaying the cluster to "
            "subcontractors.",
        },
        "description": {
            "fr": """
                Partenaire de démonstration. L'association imaginaire fédère des sous-traitants
                de la filière et relaie les programmes de performance industrielle du pôle
                auprès de ses membres.
            """,
            "en": """
                Demo partner. The imaginary association federates subcontractors of the
                industry and passes the cluster's industrial performance programmes on to its
                members.
            """,
        },
    },
]

TRANSLATED = ("name", "summary", "description")


def _values(entry: dict) -> dict:
    values = {}
    for key, value in entry.items():
        if key == "slug":
            continue
        if key in TRANSLATED:
            for language, text in value.items():
                values[f"{key}_{language}"] = cleandoc(text) if key == "description" else text
        else:
            values[key] = value
    return values


def load(*, scale: int, log) -> None:
    launched = timezone.now() - timezone.timedelta(days=30)
    for entry in PARTNERS:
        values = {**_values(entry), "status": Partner.Status.PUBLISHED}
        Partner.objects.update_or_create(
            slug=entry["slug"],
            defaults=values,
            create_defaults={**values, "published_at": launched},
        )
    log(f"networks: {len(PARTNERS)} partners")
