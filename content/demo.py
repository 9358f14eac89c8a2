"""Demo editorial content of `manage.py load_demo`: markets, roadmap, pages, news, home page.

The data sits in module-level lists. A translated field is written as ``{"fr": ..., "en": ...}``
and stored in its ``_fr`` and ``_en`` columns. Text fields (Markdown) are dedented, so they
can be indented with the code; one-line fields have their whitespace collapsed. Every record
is keyed on a stable field, so loading twice updates the same rows instead of duplicating
them. Companies and people named in the news are fictional.
"""

from datetime import datetime, timedelta
from inspect import cleandoc
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import models

from accounts.demo import STAFF_EMAIL
from content.models import Article, HomeBlock, KeyFigure, Market, Page, RoadmapObjective

PARIS = ZoneInfo("Europe/Paris")


def paris(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=PARIS)


# Markets, roadmap and pages went online together.
LAUNCH_DATE = paris(2025, 1, 6)

MARKETS = [
    {
        "theme": "electric",
        "slug": "vehicule-electrique",
        "order": 1,
        "name": {"fr": "Véhicule électrique", "en": "Electric vehicle"},
        "tagline": {
            "fr": """
                Batteries, électronique de puissance, recharge : accompagner la filière dans
                l'électrification des véhicules et de leurs usages.
            """,
            "en": """
                Batteries, power electronics and charging: helping the industry electrify
                vehicles and the way they are used.
            """,
        },
        "intro": {
            "fr": """
                L'électrification transforme toute la chaîne de valeur automobile. La batterie
                devient le premier poste de coût du véhicule, l'électronique de puissance et le
                logiciel prennent le pas sur la mécanique, et de nouveaux métiers apparaissent,
                du recyclage des cellules à l'exploitation des bornes de recharge.

                Le pôle aide les entreprises du Grand Est et de Bourgogne-Franche-Comté, y
                compris les fournisseurs historiques du moteur thermique, à trouver leur place
                sur ces marchés : diversification, nouveaux produits, partenariats avec les
                laboratoires et montée en compétences des équipes.
            """,
            "en": """
                Electrification is reshaping the whole automotive value chain. The battery
                becomes the most expensive part of the vehicle, power electronics and software
                take over from mechanics, and new trades appear, from cell recycling to running
                charging stations.

                The cluster helps companies in Grand Est and Bourgogne-Franche-Comté, including
                long-standing suppliers of combustion powertrains, find their place in these
                markets: diversification, new products, partnerships with research labs and
                upskilling of their teams.
            """,
        },
        "challenges": {
            "fr": """
                - **Batteries** : sécuriser l'approvisionnement en matériaux critiques, baisser
                  le coût par kilowattheure et préparer la seconde vie et le recyclage.
                - **Sécurité et thermique** : maîtriser l'emballement thermique, du choix de la
                  cellule à l'intégration du pack dans le véhicule.
                - **Électronique de puissance et moteurs** : gagner en rendement grâce au
                  carbure de silicium et au nitrure de gallium, limiter l'usage des terres rares.
                - **Recharge** : déployer des bornes fiables et interopérables, y compris la
                  recharge bidirectionnelle entre le véhicule et le réseau.
                - **Reconversion** : accompagner les sites et les salariés du moteur thermique
                  vers les composants de la chaîne de traction électrique.
            """,
            "en": """
                - **Batteries**: securing critical raw materials, lowering the cost per
                  kilowatt-hour and preparing second life and recycling.
                - **Safety and thermal management**: preventing thermal runaway, from the
                  choice of cell to the integration of the pack in the vehicle.
                - **Power electronics and motors**: gaining efficiency with silicon carbide and
                  gallium nitride, using fewer rare earths.
                - **Charging**: rolling out reliable, interoperable charge points, bidirectional
                  charging between vehicle and grid included.
                - **Conversion**: helping combustion-engine plants and their staff move to
                  electric powertrain components.
            """,
        },
        "offer": {
            "fr": """
                - Montage de projets collaboratifs et recherche de partenaires industriels et
                  académiques.
                - Labellisation des projets et orientation vers les financements régionaux,
                  nationaux et européens.
                - Formations certifiées Qualiopi : risque électrique, sécurité des batteries,
                  maintenance des véhicules électrifiés.
                - Mise en relation avec les plateformes d'essais et les centres de ressources du
                  territoire.
                - Journées techniques, rencontres d'affaires et notes de veille sur les
                  batteries et la recharge.
            """,
            "en": """
                - Setting up collaborative projects and finding industrial and academic
                  partners.
                - Project labelling and guidance towards regional, national and European
                  funding.
                - Qualiopi-certified training: electrical risk, battery safety, servicing
                  electrified vehicles.
                - Introductions to the region's test platforms and resource centres.
                - Technical days, business meetings and watch notes on batteries and charging.
            """,
        },
        "seo_title": {
            "fr": "Véhicule électrique : batteries, recharge et électronique",
            "en": "Electric vehicle: batteries, charging and power electronics",
        },
        "seo_description": {
            "fr": """
                Batteries, recharge, électronique de puissance : le pôle accompagne les
                entreprises du Grand Est et de Bourgogne-Franche-Comté vers l'électrique.
            """,
            "en": """
                Batteries, charging, power electronics: the cluster helps companies in Grand Est
                and Bourgogne-Franche-Comté move into electric mobility.
            """,
        },
    },
    {
        "theme": "hydrogen",
        "slug": "hydrogene",
        "order": 2,
        "name": {"fr": "Hydrogène", "en": "Hydrogen"},
        "tagline": {
            "fr": """
                Piles à combustible, réservoirs, stations : structurer une filière de la
                mobilité hydrogène pour les usages intensifs.
            """,
            "en": """
                Fuel cells, tanks and refuelling stations: building a hydrogen mobility industry
                for intensive uses.
            """,
        },
        "intro": {
            "fr": """
                L'hydrogène bas carbone complète la batterie là où elle atteint ses limites :
                poids lourds, flottes très sollicitées, autocars, engins de chantier ou trains
                sur les lignes non électrifiées. La pile à combustible offre une grande
                autonomie et un plein en quelques minutes, à condition de disposer d'un
                hydrogène produit proprement et d'un réseau de stations.

                Le nord-est de la France réunit des industriels, des laboratoires et des
                collectivités engagés sur cette filière. Le pôle participe à des consortiums
                consacrés à la mobilité hydrogène et aide ses adhérents à passer du prototype à
                la petite série, en les reliant aux projets de déploiement des territoires.
            """,
            "en": """
                Low-carbon hydrogen takes over where batteries reach their limits: heavy trucks,
                hard-working fleets, coaches, construction machinery or trains on non-electrified
                lines. A fuel cell offers long range and refuels in minutes, provided the
                hydrogen is produced cleanly and stations are close at hand.

                North-eastern France brings together manufacturers, research labs and local
                authorities committed to this industry. The cluster takes part in hydrogen
                mobility consortia and helps its members move from prototype to small series,
                connecting them with the deployment projects of local authorities.
            """,
        },
        "challenges": {
            "fr": """
                - **Coût et durée de vie des piles** : réduire la quantité de platine, allonger
                  la durée de vie et industrialiser l'assemblage des empilements.
                - **Stockage embarqué** : fiabiliser et produire en série des réservoirs
                  composites à 350 et 700 bars.
                - **Stations** : mailler le territoire en stations disponibles et dimensionnées
                  pour les flottes.
                - **Production bas carbone** : abaisser le coût de l'hydrogène produit par
                  électrolyse et sécuriser un approvisionnement local.
                - **Sécurité et réglementation** : certifier les composants, former les
                  techniciens et gagner la confiance du public.
            """,
            "en": """
                - **Fuel cell cost and lifetime**: using less platinum, lasting longer and
                  industrialising stack assembly.
                - **On-board storage**: making 350 and 700 bar composite tanks reliable and
                  producing them in series.
                - **Refuelling stations**: covering the region with available stations sized for
                  fleets.
                - **Low-carbon production**: lowering the cost of electrolytic hydrogen and
                  securing a local supply.
                - **Safety and regulation**: certifying components, training technicians and
                  earning public trust.
            """,
        },
        "offer": {
            "fr": """
                - Participation aux consortiums de mobilité hydrogène et mise en relation avec
                  les porteurs de projets de stations et de flottes.
                - Montage et labellisation de projets collaboratifs, du composant au véhicule.
                - Formations à la sécurité hydrogène pour les équipes d'atelier et de
                  maintenance.
                - Journées thématiques et visites de sites qui réunissent industriels,
                  collectivités et exploitants.
                - Veille sur les normes, les financements et les marchés.
            """,
            "en": """
                - Participation in hydrogen mobility consortia and introductions to station and
                  fleet projects.
                - Setting up and labelling collaborative projects, from component to vehicle.
                - Hydrogen safety training for workshop and maintenance teams.
                - Theme days and site visits bringing together manufacturers, local authorities
                  and operators.
                - Watch on standards, funding and markets.
            """,
        },
        "seo_title": {
            "fr": "Mobilité hydrogène : piles, réservoirs et stations",
            "en": "Hydrogen mobility: fuel cells, tanks and stations",
        },
        "seo_description": {
            "fr": """
                Piles à combustible, stockage, stations : le pôle aide ses adhérents à
                développer la mobilité hydrogène dans le nord-est de la France.
            """,
            "en": """
                Fuel cells, storage, refuelling stations: the cluster helps its members develop
                hydrogen mobility in north-eastern France.
            """,
        },
    },
    {
        "theme": "autonomous",
        "slug": "vehicule-autonome-connecte",
        "order": 3,
        "name": {"fr": "Véhicule autonome et connecté", "en": "Autonomous and connected vehicle"},
        "tagline": {
            "fr": """
                Capteurs, logiciel, connectivité et validation : préparer des véhicules plus
                sûrs, plus automatisés et communicants.
            """,
            "en": """
                Sensors, software, connectivity and validation: preparing safer, more automated
                and connected vehicles.
            """,
        },
        "intro": {
            "fr": """
                Aides à la conduite, navettes sans conducteur, véhicules qui dialoguent avec
                l'infrastructure : l'automatisation progresse par étapes, et chacune demande des
                capteurs plus performants, des logiciels validés et une connectivité sécurisée.
                La valeur du véhicule se déplace vers l'électronique et le logiciel, et les
                frontières entre constructeurs, équipementiers et éditeurs s'estompent.

                Le pôle aide entreprises et laboratoires à se positionner sur ces technologies.
                Il fait aussi du territoire un lieu d'expérimentation, des pistes d'essais aux
                routes ouvertes, avec les collectivités qui veulent tester de nouveaux services.
            """,
            "en": """
                Driver assistance, driverless shuttles, vehicles talking to the infrastructure:
                automation moves forward step by step, and each step calls for better sensors,
                validated software and secure connectivity. The value of a vehicle shifts
                towards electronics and software, blurring the lines between carmakers,
                suppliers and software companies.

                The cluster helps companies and research labs take a position on these
                technologies. It also makes the region a place for trials, from test tracks to
                open roads, with local authorities keen to try out new services.
            """,
        },
        "challenges": {
            "fr": """
                - **Perception** : fusionner caméras, radars et lidars pour rester fiable de
                  jour, de nuit et par mauvais temps.
                - **Validation** : prouver la sûreté des fonctions automatisées en combinant
                  simulation, essais sur piste et roulage réel.
                - **Cybersécurité et mises à jour** : satisfaire les exigences réglementaires
                  sur la cybersécurité et les mises à jour à distance pendant toute la vie du
                  véhicule.
                - **Connectivité** : faire dialoguer véhicules et infrastructures (V2X) de façon
                  interopérable.
                - **Acceptabilité** : gagner la confiance des usagers et inscrire les
                  expérimentations dans le cadre juridique.
            """,
            "en": """
                - **Perception**: fusing cameras, radars and lidars to stay reliable by day, by
                  night and in bad weather.
                - **Validation**: proving that automated functions are safe by combining
                  simulation, track tests and real-world driving.
                - **Cybersecurity and updates**: meeting regulatory requirements on
                  cybersecurity and over-the-air updates for the vehicle's whole life.
                - **Connectivity**: letting vehicles and infrastructure talk to each other (V2X)
                  in an interoperable way.
                - **Acceptance**: earning users' trust and keeping trials within the legal
                  framework.
            """,
        },
        "offer": {
            "fr": """
                - Accompagnement des expérimentations sur le territoire : choix des sites,
                  partenaires, démarches.
                - Montage et labellisation de projets collaboratifs associant industriels,
                  laboratoires et start-up.
                - Mise en relation avec les plateformes de simulation, d'essais et de
                  validation.
                - Formations aux aides à la conduite et à la cybersécurité automobile.
                - Groupe de travail et conférences de veille sur le logiciel embarqué.
            """,
            "en": """
                - Support for trials in the region: choice of sites, partners, paperwork.
                - Setting up and labelling collaborative projects that bring together
                  manufacturers, research labs and start-ups.
                - Introductions to simulation, testing and validation platforms.
                - Training on driver assistance systems and automotive cybersecurity.
                - A working group and watch conferences on embedded software.
            """,
        },
        "seo_title": {
            "fr": "Véhicule autonome et connecté : capteurs, logiciel, essais",
            "en": "Autonomous and connected vehicles: sensors, software, testing",
        },
        "seo_description": {
            "fr": """
                Perception, validation, cybersécurité, expérimentations : le pôle accompagne
                les projets de véhicules autonomes et connectés de ses adhérents.
            """,
            "en": """
                Perception, validation, cybersecurity and trials: the cluster supports its
                members' autonomous and connected vehicle projects.
            """,
        },
    },
    {
        "theme": "services",
        "slug": "services-de-mobilite",
        "order": 4,
        "name": {"fr": "Services de mobilité", "en": "Mobility services"},
        "tagline": {
            "fr": """
                Autopartage, transport à la demande, logistique urbaine : inventer des services
                de mobilité adaptés à chaque territoire.
            """,
            "en": """
                Car sharing, on-demand transport, urban logistics: designing mobility services
                that fit every area.
            """,
        },
        "intro": {
            "fr": """
                Se déplacer ne passe plus seulement par l'achat d'un véhicule : autopartage,
                covoiturage, transport à la demande, location longue durée, applications qui
                combinent plusieurs modes... Les services de mobilité ouvrent de nouveaux marchés
                aux constructeurs, aux loueurs, aux opérateurs de transport et aux start-up du
                numérique.

                Sur un territoire qui mêle métropoles, villes moyennes et campagnes, le pôle
                accompagne les entreprises qui conçoivent ces services et aide les collectivités
                à les expérimenter, en particulier dans les zones peu denses où la voiture
                individuelle reste souvent la seule solution.
            """,
            "en": """
                Getting around no longer means only buying a vehicle: car sharing, car pooling,
                on-demand transport, long-term leasing, apps that combine several modes... Mobility
                services open new markets for carmakers, rental companies, transport operators
                and digital start-ups.

                In a region that mixes large cities, mid-sized towns and countryside, the
                cluster supports the companies that design these services and helps local
                authorities try them out, especially in sparsely populated areas where the
                private car is often the only option.
            """,
        },
        "challenges": {
            "fr": """
                - **Modèle économique** : rendre les services viables hors des grandes
                  agglomérations.
                - **Données** : partager et exploiter les données de mobilité en respectant la
                  vie privée et les obligations d'ouverture.
                - **Intermodalité** : articuler les nouveaux services avec les transports
                  publics, la billettique et l'information des voyageurs.
                - **Dernier kilomètre** : mieux livrer en ville grâce à des véhicules propres et
                  à des points de mutualisation.
                - **Accessibilité** : concevoir des services utilisables par tous, y compris par
                  les personnes âgées ou à mobilité réduite.
            """,
            "en": """
                - **Business model**: making services viable outside large cities.
                - **Data**: sharing and using mobility data while respecting privacy and open
                  data obligations.
                - **Intermodality**: fitting new services together with public transport,
                  ticketing and passenger information.
                - **Last mile**: delivering better in town with clean vehicles and shared
                  consolidation points.
                - **Accessibility**: designing services everyone can use, older people and
                  people with reduced mobility included.
            """,
        },
        "offer": {
            "fr": """
                - Rencontres entre start-up, opérateurs, industriels et collectivités pour faire
                  émerger des projets.
                - Montage et labellisation de projets, aide à la recherche de financements.
                - Accompagnement des expérimentations sur le territoire.
                - Ateliers sur les modèles économiques et la valorisation des données.
                - Veille sur les usages, la réglementation et les appels à projets.
            """,
            "en": """
                - Meetings between start-ups, operators, manufacturers and local authorities to
                  spark new projects.
                - Setting up and labelling projects, help in finding funding.
                - Support for trials in the region.
                - Workshops on business models and making the most of data.
                - Watch on uses, regulation and calls for projects.
            """,
        },
        "seo_title": {
            "fr": "Services de mobilité : partage, transport à la demande",
            "en": "Mobility services: sharing, on-demand transport, logistics",
        },
        "seo_description": {
            "fr": """
                Autopartage, transport à la demande, logistique urbaine : le pôle aide à
                concevoir et à expérimenter des services de mobilité adaptés au territoire.
            """,
            "en": """
                Car sharing, on-demand transport, urban logistics: the cluster helps design and
                trial mobility services suited to each area.
            """,
        },
    },
    {
        "theme": "industry",
        "slug": "industrie-du-futur",
        "order": 5,
        "name": {"fr": "Industrie du futur", "en": "Industry of the future"},
        "tagline": {
            "fr": """
                Numérisation, automatisation, performance et décarbonation : moderniser les
                usines de la filière.
            """,
            "en": """
                Digitalisation, automation, performance and decarbonisation: modernising the
                industry's plants.
            """,
        },
        "intro": {
            "fr": """
                Les usines de la filière doivent tout à la fois gagner en productivité, produire
                des séries plus courtes et plus variées, consommer moins d'énergie, réduire leur
                empreinte carbone et attirer de nouveaux talents. L'industrie du futur répond à
                ces défis par la numérisation, l'automatisation, de nouveaux procédés et une
                organisation du travail repensée.

                Le pôle accompagne les sites adhérents, et d'abord les PME, dans cette
                transformation : diagnostics, programme d'excellence industrielle PerfoEST,
                projets collaboratifs sur les procédés et formations pour les équipes de
                production et d'encadrement.
            """,
            "en": """
                The industry's plants must become more productive, make shorter and more varied
                runs, use less energy, cut their carbon footprint and attract new talent, all at
                once. The industry of the future meets these challenges with digitalisation,
                automation, new processes and a rethought organisation of work.

                The cluster supports member sites, SMEs first, through this transformation:
                assessments, the PerfoEST industrial-excellence programme, collaborative projects
                on processes, and training for production staff and managers.
            """,
        },
        "challenges": {
            "fr": """
                - **Performance opérationnelle** : améliorer le rendement des lignes, la qualité
                  et les délais malgré des volumes plus incertains.
                - **Numérisation** : collecter et exploiter les données de production, jusqu'au
                  jumeau numérique.
                - **Nouveaux procédés** : robotique collaborative, fabrication additive,
                  assemblage multimatériaux, contrôle par vision.
                - **Énergie et carbone** : alléger la facture énergétique et l'empreinte des
                  sites.
                - **Compétences et attractivité** : former aux nouveaux métiers et donner envie
                  de rejoindre l'industrie.
            """,
            "en": """
                - **Operational performance**: improving line efficiency, quality and lead
                  times despite less predictable volumes.
                - **Digitalisation**: collecting and using production data, up to the digital
                  twin.
                - **New processes**: collaborative robots, additive manufacturing,
                  multi-material assembly, vision inspection.
                - **Energy and carbon**: cutting energy bills and the sites' footprint.
                - **Skills and attractiveness**: training for new jobs and making people want to
                  work in industry.
            """,
        },
        "offer": {
            "fr": """
                - Programme d'excellence industrielle PerfoEST : diagnostic, plan de progrès et
                  accompagnement sur le terrain.
                - Montage et labellisation de projets collaboratifs sur les procédés et les
                  usines.
                - Formations certifiées Qualiopi pour les équipes de production, de maintenance
                  et d'encadrement.
                - Visites d'usines et partage de bonnes pratiques entre adhérents.
                - Mise en relation avec les centres de ressources technologiques et les
                  plateformes de démonstration.
            """,
            "en": """
                - The PerfoEST industrial-excellence programme: assessment, improvement plan and
                  on-site coaching.
                - Setting up and labelling collaborative projects on processes and plants.
                - Qualiopi-certified training for production, maintenance and management teams.
                - Plant visits and sharing of good practice between members.
                - Introductions to technology resource centres and demonstration platforms.
            """,
        },
        "seo_title": {
            "fr": "Industrie du futur : performance et modernisation des usines",
            "en": "Industry of the future: plant performance and modernisation",
        },
        "seo_description": {
            "fr": """
                Numérisation, automatisation, excellence industrielle avec PerfoEST : le pôle
                accompagne la modernisation des usines de la filière automobile.
            """,
            "en": """
                Digitalisation, automation, industrial excellence with PerfoEST: the cluster
                supports the modernisation of automotive plants.
            """,
        },
    },
]

ALL_MARKETS = ["electric", "hydrogen", "autonomous", "services", "industry"]

OBJECTIVES = [
    {
        "number": 1,
        "markets": ALL_MARKETS,
        "title": {
            "fr": "Éclairer l'avenir des technologies et des marchés",
            "en": "Shed light on future technologies and markets",
        },
        "summary": {
            "fr": """
                Donner aux acteurs du territoire une vision prospective des évolutions
                technologiques et des marchés de la mobilité.
            """,
            "en": """
                Give the region's stakeholders a forward-looking view of how mobility
                technologies and markets are changing.
            """,
        },
        "body": {
            "fr": """
                Le pôle publie des notes de veille et de prospective, organise des conférences
                avec des experts et anime un groupe de travail par marché. Les adhérents y
                trouvent de quoi éclairer leurs choix de produits, d'investissements et de
                partenariats.

                Cette veille couvre les technologies (batteries, hydrogène, logiciel embarqué,
                procédés) autant que la réglementation, les usages et les stratégies des grands
                donneurs d'ordres.
            """,
            "en": """
                The cluster publishes watch and foresight notes, holds conferences with experts
                and runs a working group for each market. Members use them to inform their
                choices of products, investments and partners.

                The watch covers technologies (batteries, hydrogen, embedded software, processes)
                as much as regulation, uses and the strategies of the major buyers.
            """,
        },
    },
    {
        "number": 2,
        "markets": ALL_MARKETS,
        "title": {
            "fr": "Faire naître des projets collaboratifs d'innovation",
            "en": "Encourage collaborative innovation projects",
        },
        "summary": {
            "fr": """
                Encourager les projets d'innovation qui associent entreprises, laboratoires et
                organismes de formation.
            """,
            "en": """
                Encourage innovation projects that bring companies, research labs and training
                bodies together.
            """,
        },
        "body": {
            "fr": """
                De l'idée au dépôt du dossier, l'équipe aide à réunir le consortium, à préciser
                le programme de travail et à trouver le financement adapté. Les projets les plus
                solides reçoivent le label du pôle, un signal apprécié des financeurs.

                Le pôle suit ensuite les projets jusqu'à leurs résultats et aide les partenaires
                à valoriser ce qu'ils ont mis au point.
            """,
            "en": """
                From the first idea to the submitted application, the team helps bring the
                consortium together, sharpen the work plan and find the right funding. The
                strongest projects receive the cluster's label, a signal funders value.

                The cluster then follows projects through to their results and helps partners
                make the most of what they have developed.
            """,
        },
    },
    {
        "number": 3,
        "markets": ["electric", "hydrogen", "autonomous", "industry"],
        "title": {
            "fr": "Identifier les besoins en plateformes d'innovation",
            "en": "Identify the need for innovation platforms",
        },
        "summary": {
            "fr": """
                Repérer les besoins en plateformes d'innovation et en centres de ressources, et
                aider à y répondre.
            """,
            "en": """
                Spot the need for innovation platforms and resource centres, and help meet it.
            """,
        },
        "body": {
            "fr": """
                Bancs d'essais, lignes pilotes, moyens de simulation, laboratoires de
                caractérisation : le pôle recense les équipements accessibles sur le territoire
                et les besoins exprimés par les entreprises. Quand un manque apparaît, il réunit
                les partenaires capables de le combler et accompagne la construction d'une offre
                mutualisée.
            """,
            "en": """
                Test benches, pilot lines, simulation tools, characterisation labs: the cluster
                lists the equipment available in the region and the needs companies express.
                When a gap appears, it brings together the partners able to fill it and helps
                them build a shared offer.
            """,
        },
    },
    {
        "number": 4,
        "markets": ["industry", "electric"],
        "title": {
            "fr": "Renforcer la performance des entreprises",
            "en": "Strengthen companies' performance",
        },
        "summary": {
            "fr": """
                Améliorer la performance industrielle et économique des entreprises de la
                filière.
            """,
            "en": "Improve the industrial and economic performance of the industry's companies.",
        },
        "body": {
            "fr": """
                Le programme d'excellence industrielle PerfoEST accompagne les usines sur le
                terrain : diagnostic, plan de progrès, ateliers avec les équipes et mesure des
                résultats.

                Le pôle aide aussi les PME à se diversifier vers de nouveaux marchés et de
                nouveaux clients, en France comme à l'étranger.
            """,
            "en": """
                The PerfoEST industrial-excellence programme works with plants on the shop
                floor: assessment, improvement plan, workshops with the teams and measured
                results.

                The cluster also helps SMEs diversify towards new markets and new customers, in
                France and abroad.
            """,
        },
    },
    {
        "number": 5,
        "markets": ["electric", "hydrogen", "autonomous", "industry"],
        "title": {
            "fr": "Développer les compétences",
            "en": "Develop skills",
        },
        "summary": {
            "fr": """
                Accompagner la montée en compétences des entreprises : formations à la carte et
                nouvelles formations pour la mobilité de demain.
            """,
            "en": """
                Help companies upskill their staff: tailor-made training and new courses for
                tomorrow's mobility.
            """,
        },
        "body": {
            "fr": """
                Certifiée Qualiopi, l'offre de formation du pôle couvre les technologies
                émergentes (électrification, hydrogène, logiciel) comme l'excellence
                opérationnelle. Les sessions sont ouvertes à plusieurs entreprises ou construites
                à la carte pour une équipe.

                Avec les établissements d'enseignement du territoire, le pôle contribue aussi à
                faire évoluer les formations initiales vers les métiers de la mobilité de
                demain.
            """,
            "en": """
                The cluster's Qualiopi-certified training covers emerging technologies
                (electrification, hydrogen, software) as well as operational excellence.
                Sessions are open to several companies or tailor-made for one team.

                Together with the region's schools and universities, the cluster also helps
                initial education adapt to the jobs of tomorrow's mobility.
            """,
        },
    },
    {
        "number": 6,
        "markets": [],
        "title": {
            "fr": "Nouer des partenariats stratégiques",
            "en": "Build strategic partnerships",
        },
        "summary": {
            "fr": """
                Construire des partenariats stratégiques avec d'autres pôles et clusters, en
                France et à l'international.
            """,
            "en": """
                Build strategic partnerships with other clusters, in France and abroad.
            """,
        },
        "body": {
            "fr": """
                Membre du réseau français des pôles de compétitivité et du réseau européen des
                clusters automobiles (EACN), le pôle travaille avec la plateforme de la filière
                automobile (PFA), avec d'autres pôles et avec des clusters étrangers, notamment
                en Allemagne et en Italie.

                Ces partenariats ouvrent aux adhérents des projets, des marchés et des
                compétences complémentaires des leurs.
            """,
            "en": """
                As a member of the French network of competitiveness clusters and of the
                European Automotive Cluster Network (EACN), the cluster works with the French
                automotive industry platform (PFA), with other clusters and with clusters
                abroad, in particular in Germany and Italy.

                These partnerships give members access to projects, markets and skills that
                complement their own.
            """,
        },
    },
    {
        "number": 7,
        "markets": ["autonomous", "hydrogen", "services"],
        "title": {
            "fr": "Faire rayonner le territoire",
            "en": "Raise the region's international profile",
        },
        "summary": {
            "fr": """
                Accroître la visibilité, la notoriété et l'attractivité internationales du
                territoire, notamment comme terre d'expérimentation.
            """,
            "en": """
                Increase the region's international visibility, reputation and appeal, in
                particular as a place for trials.
            """,
        },
        "body": {
            "fr": """
                Le pôle accompagne ses adhérents sur des salons et des missions à l'étranger,
                participe à des projets européens transfrontaliers et accueille des délégations.

                Il met en avant le territoire comme lieu d'expérimentation des nouvelles
                mobilités, des navettes autonomes aux stations hydrogène, et aide les porteurs
                de projets venus d'ailleurs à y trouver partenaires et sites d'essais.
            """,
            "en": """
                The cluster accompanies its members to trade fairs and missions abroad, takes
                part in European cross-border projects and hosts foreign delegations.

                It promotes the region as a testing ground for new mobility, from autonomous
                shuttles to hydrogen stations, and helps project leaders from elsewhere find
                partners and test sites here.
            """,
        },
    },
]

PAGES = [
    {
        "slug": "a-propos",
        "role": "about",
        "title": {"fr": "À propos du pôle", "en": "About the cluster"},
        "intro": {
            "fr": """
                Pôle de compétitivité depuis 2005, Vehicle of the Future fédère plus de 500
                entreprises, laboratoires et organismes de formation du Grand Est et de
                Bourgogne-Franche-Comté autour du véhicule et des mobilités de demain.
            """,
            "en": """
                A competitiveness cluster since 2005, Vehicle of the Future brings together more
                than 500 companies, research labs and training bodies in Grand Est and
                Bourgogne-Franche-Comté around the vehicle and mobility of the future.
            """,
        },
        "body": {
            "fr": """
                ## Notre mission

                Reconnu pôle de compétitivité par l'État en 2005, Vehicle of the Future est une
                association à but non lucratif. Sa raison d'être : faire travailler ensemble
                entreprises, établissements d'enseignement et laboratoires de recherche autour
                du véhicule et des mobilités de demain, pour renforcer la compétitivité de
                l'industrie et créer de la valeur et des emplois sur le territoire.

                Le pôle aide les industriels de l'automobile, des transports terrestres et des
                mobilités innovantes à conquérir les marchés en croissance (véhicule électrique,
                hydrogène, véhicule autonome et connecté, services de mobilité) et à transformer
                leurs outils de production avec l'industrie du futur.

                ## Plus de 500 adhérents dans deux régions

                Le pôle anime un réseau de plus de 500 membres dans le nord-est de la France, en
                Bourgogne-Franche-Comté et dans le Grand Est. Plus de la moitié sont des PME et
                des start-up ; à leurs côtés se trouvent des constructeurs et de grands
                équipementiers, des organismes publics de recherche et des organismes de
                formation.

                En 2020, comme l'a rapporté la presse régionale, le pôle a fusionné avec les
                associations de l'industrie automobile de Champagne-Ardenne et de Lorraine. Il
                couvre depuis l'ensemble du Grand Est et de la Bourgogne-Franche-Comté, premier
                territoire français pour l'assemblage de véhicules, avec environ 100 000 emplois
                liés à la filière selon les chiffres publiés à l'époque.

                ## Nos implantations

                D'après la presse régionale et professionnelle, le siège du pôle est situé à
                Étupes, dans le Doubs, et ses équipes travaillent aussi depuis des bureaux à
                Mulhouse, Besançon et Strasbourg. Un site a ouvert en 2018 à Nevers Magny-Cours,
                dans la Nièvre.

                ## Des projets qui structurent la filière

                Le pôle a fait naître de nombreux projets structurants. Au terme de ses dix
                premières années, en 2015, il comptait 136 projets collaboratifs financés, pour
                un montant total d'environ 400 millions d'euros. Il anime aussi PerfoEST, un
                programme d'excellence industrielle qui aide les usines à améliorer leur
                performance.

                ## Une stratégie en quatre piliers

                Le plan stratégique 2019-2022 reposait sur quatre piliers, qui guident toujours
                l'action du pôle :

                - **Innovation** : faire émerger et accompagner des projets collaboratifs ;
                - **Performance industrielle** : aider les usines à gagner en compétitivité ;
                - **Compétences** : former les salariés aux technologies et aux métiers de
                  demain ;
                - **International** : ouvrir les adhérents aux partenariats et aux marchés
                  étrangers.

                La [feuille de route stratégique](/roadmap/) décline ces piliers en sept
                objectifs prioritaires.

                ## Nos réseaux

                Le pôle est membre du réseau national « Les Pôles de compétitivité » et du
                réseau européen des clusters automobiles (European Automotive Cluster Network,
                EACN). Il travaille au sein de la plateforme de la filière automobile (PFA) et
                de l'association française des pôles de compétitivité, participe à des
                consortiums consacrés à la mobilité hydrogène et à des projets européens
                transfrontaliers, et entretient des partenariats en Allemagne et en Italie.

                ## Une activité de formation certifiée Qualiopi

                L'activité de formation du pôle est certifiée Qualiopi, la marque nationale de
                qualité des actions de formation. Les entreprises peuvent ainsi solliciter une
                prise en charge de leurs formations par les financeurs publics et paritaires.
            """,
            "en": """
                ## Our mission

                Recognised by the French State as a competitiveness cluster in 2005, Vehicle of
                the Future is a non-profit association. Its purpose is to get companies,
                schools and universities, and research labs working together on the vehicle and
                mobility of the future, so as to make industry more competitive and create value
                and jobs in the region.

                The cluster helps automotive, land transport and innovative mobility companies
                win growing markets (electric vehicles, hydrogen, autonomous and connected
                vehicles, mobility services) and transform their production with the industry
                of the future.

                ## More than 500 members in two regions

                The cluster leads a network of more than 500 members in north-eastern France,
                in Bourgogne-Franche-Comté and Grand Est. More than half of them are SMEs and
                start-ups; alongside them are carmakers and major suppliers, public research
                bodies and training organisations.

                In 2020, as the regional press reported, the cluster merged with the automotive
                industry associations of Champagne-Ardenne and Lorraine. Since then it has
                covered the whole of Grand Est and Bourgogne-Franche-Comté, France's leading
                area for vehicle assembly, with about 100,000 jobs linked to the industry
                according to the figures published at the time.

                ## Where we are

                According to the regional and trade press, the cluster's head office is in
                Étupes, in the Doubs department, and its teams also work from offices in
                Mulhouse, Besançon and Strasbourg. A site opened in 2018 at Nevers Magny-Cours,
                in the Nièvre department.

                ## Projects that shape the industry

                The cluster has given rise to many structural projects. After its first ten
                years, in 2015, it counted 136 funded collaborative projects worth about
                €400 million in total. It also runs PerfoEST, an industrial-excellence programme
                that helps plants improve their performance.

                ## A strategy built on four pillars

                The 2019-2022 strategic plan rested on four pillars, which still guide the
                cluster's work:

                - **Innovation**: sparking and supporting collaborative projects;
                - **Industrial performance**: helping plants become more competitive;
                - **Skills**: training employees in the technologies and jobs of tomorrow;
                - **International**: opening members up to partnerships and markets abroad.

                The [strategic roadmap](/en/roadmap/) turns these pillars into seven priority
                objectives.

                ## Our networks

                The cluster is a member of the French network of competitiveness clusters
                ("Les Pôles de compétitivité") and of the European Automotive Cluster Network
                (EACN). It works within the French automotive industry platform (PFA) and the
                French association of competitiveness clusters, takes part in hydrogen mobility
                consortia and European cross-border projects, and has partnerships in Germany
                and Italy.

                ## Qualiopi-certified training

                The cluster's training activity holds the Qualiopi certification, the French
                national quality mark for training. Companies can therefore ask public and
                joint employer-union funding bodies to cover the cost of their training.
            """,
        },
        "seo_title": {
            "fr": "À propos : le pôle de compétitivité Vehicle of the Future",
            "en": "About Vehicle of the Future, the competitiveness cluster",
        },
        "seo_description": {
            "fr": """
                Pôle de compétitivité depuis 2005, plus de 500 adhérents en Grand Est et
                Bourgogne-Franche-Comté : histoire, implantations, stratégie et réseaux.
            """,
            "en": """
                A competitiveness cluster since 2005 with more than 500 members in Grand Est and
                Bourgogne-Franche-Comté: history, offices, strategy and networks.
            """,
        },
    },
    {
        "slug": "mentions-legales",
        "role": "legal",
        "title": {"fr": "Mentions légales", "en": "Legal notice"},
        "intro": {
            "fr": "Qui édite et héberge ce site, et dans quelles conditions l'utiliser.",
            "en": "Who publishes and hosts this website, and the terms for using it.",
        },
        "body": {
            "fr": """
                ## Éditeur

                Ce site est édité par l'association Vehicle of the Future, pôle de
                compétitivité, association régie par la loi du 1er juillet 1901.

                - Siège social : 1 rue de la Démonstration, 25460 Étupes (Doubs) (donnée de
                  démonstration)
                - RNA : W000000000 (donnée de démonstration)
                - SIRET : 000 000 000 00000 (donnée de démonstration)
                - Téléphone : +33 3 00 00 00 00 (donnée de démonstration)
                - Courriel : contact@vehicle-of-the-future.example

                ## Directeur de la publication

                Jean Exemple, président de l'association (donnée de démonstration).

                ## Hébergement

                Hébergeur : [données de démonstration] Exemple Hébergement SAS, 1 rue de
                l'Exemple, 75000 Paris, téléphone : +33 1 00 00 00 00.

                ## Propriété intellectuelle

                La structure du site, ses textes, ses illustrations, le nom et le logo
                Vehicle of the Future sont protégés par le droit de la propriété
                intellectuelle. Toute reproduction ou diffusion, totale ou partielle, sans
                l'accord écrit de l'association est interdite, à l'exception des copies à usage
                privé et des courtes citations accompagnées de leur source.

                Les logos, textes et images publiés par les organisations adhérentes sur leur
                fiche restent leur propriété. En les publiant, elles autorisent l'association à
                les afficher sur ce site pendant la durée de leur adhésion.

                ## Responsabilité

                Les informations du site sont fournies à titre indicatif. L'association veille
                à leur exactitude mais ne peut garantir qu'elles sont complètes ou à jour ; elle
                peut les corriger à tout moment. Elle ne saurait être tenue responsable d'un
                dommage résultant de leur utilisation ni d'une interruption du site, notamment
                pour maintenance.

                Les contenus publiés par les adhérents (fiches d'organisation, recherches de
                partenaires, plateformes) relèvent de la responsabilité de leurs auteurs. Pour
                signaler un contenu qui vous semble illicite, écrivez à
                contact@vehicle-of-the-future.example : l'association le retirera promptement
                s'il y a lieu.

                ## Liens vers d'autres sites

                Le site contient des liens vers des sites tiers, dont l'association ne contrôle
                ni le contenu ni les pratiques. Elle décline toute responsabilité à leur égard.

                ## Données personnelles

                La manière dont nous traitons vos données et les droits dont vous disposez sont
                décrits dans la [politique de confidentialité](/privacy/).

                ## Droit applicable

                Le présent site et ses mentions légales sont soumis au droit français. En cas de
                litige, et à défaut d'accord amiable, les tribunaux français sont compétents.
            """,
            "en": """
                ## Publisher

                This website is published by Vehicle of the Future, a competitiveness cluster
                organised as a non-profit association under the French law of 1 July 1901.

                - Registered office: 1 rue de la Démonstration, 25460 Étupes (Doubs), France
                  (demo data)
                - RNA number: W000000000 (demo data)
                - SIRET number: 000 000 000 00000 (demo data)
                - Phone: +33 3 00 00 00 00 (demo data)
                - Email: contact@vehicle-of-the-future.example

                ## Publication director

                Jean Exemple, chair of the association (demo data).

                ## Hosting

                Hosting provider: [demo data] Exemple Hébergement SAS, 1 rue de l'Exemple,
                75000 Paris, France, phone: +33 1 00 00 00 00.

                ## Intellectual property

                The structure of this website, its texts and illustrations, and the Vehicle of
                the Future name and logo are protected by intellectual property law. Copying or
                distributing them, in whole or in part, without the association's written
                consent is forbidden, except for private copies and short quotations that name
                their source.

                Logos, texts and images that member organisations publish on their profile
                remain their property. By publishing them, members allow the association to
                show them on this website for as long as they are members.

                ## Liability

                The information on this website is given for guidance only. The association
                takes care that it is accurate but cannot guarantee that it is complete or up
                to date, and may correct it at any time. It cannot be held liable for any damage
                resulting from its use, nor for the website being unavailable, for maintenance
                for instance.

                Content published by members (organisation profiles, partner searches,
                platforms) is the responsibility of its authors. To report content you believe
                to be unlawful, write to contact@vehicle-of-the-future.example: the association
                will remove it promptly where appropriate.

                ## Links to other websites

                This website links to third-party websites whose content and practices the
                association does not control. It accepts no liability for them.

                ## Personal data

                How we handle your data and the rights you have are described in the
                [privacy policy](/en/privacy/).

                ## Governing law

                This website and this legal notice are governed by French law. Failing an
                amicable settlement, any dispute falls within the jurisdiction of the French
                courts.
            """,
        },
        "seo_title": {
            "fr": "Mentions légales",
            "en": "Legal notice",
        },
        "seo_description": {
            "fr": """
                Éditeur, directeur de la publication, hébergeur, propriété intellectuelle et
                responsabilité : les mentions légales du site Vehicle of the Future.
            """,
            "en": """
                Publisher, publication director, hosting, intellectual property and liability:
                the legal notice of the Vehicle of the Future website.
            """,
        },
    },
    {
        "slug": "confidentialite",
        "role": "privacy",
        "title": {"fr": "Politique de confidentialité", "en": "Privacy policy"},
        "intro": {
            "fr": """
                Les données que le portail enregistre, pourquoi, combien de temps, et comment
                les consulter, les télécharger ou les effacer vous-même.
            """,
            "en": """
                The data the portal records, why, for how long, and how you can view, download
                or erase it yourself.
            """,
        },
        "body": {
            "fr": """
                ## Responsable du traitement

                Le responsable du traitement est l'association Vehicle of the Future, dont le
                siège est à Étupes (Doubs) ; ses coordonnées figurent dans les
                [mentions légales](/legal-notice/). Pour toute question sur vos données,
                écrivez à notre délégué à la protection des données :
                dpo@vehicle-of-the-future.example.

                ## Les données que nous traitons

                ### Votre compte

                Pour créer un compte, il suffit d'une adresse électronique, qui sert
                d'identifiant, et d'un mot de passe, enregistré sous une forme chiffrée
                irréversible que personne ne peut relire. Vous pouvez ajouter votre nom, votre
                fonction et votre téléphone, qui sont facultatifs, ainsi que votre langue
                préférée. Si vous activez la double authentification, nous conservons les
                éléments nécessaires à sa vérification. Base légale : l'exécution du service
                que vous demandez en ouvrant un compte.

                ### Les fiches des organisations

                Les organisations adhérentes présentent sur le portail leur activité, leur
                logo, leurs plateformes et leurs domaines de compétence. Ces fiches décrivent
                des organisations ; les personnes n'y apparaissent que selon leur propre choix,
                décrit ci-dessous. Les modifications des fiches sont historisées, afin que
                l'équipe du pôle puisse annuler une erreur.

                ### Ce que les autres voient de vous

                Vous décidez si votre nom et votre fonction sont affichés sur la fiche de votre
                organisation : à tout le monde, aux seuls adhérents connectés, ou à personne.
                Par défaut, rien n'est affiché. Chaque choix est enregistré dans un journal de
                consentement (date, choix retenu), afin de pouvoir prouver ce que vous avez
                accepté ; vous pouvez changer d'avis à tout moment. Base légale : votre
                consentement.

                ### Les formulaires de contact

                Pour écrire à une organisation ou à un adhérent, le portail relaie votre
                message : il ne vous communique jamais l'adresse du destinataire et n'affiche
                jamais la vôtre. Le destinataire reçoit le message et décide librement d'y
                donner suite. Base légale : l'intérêt légitime du pôle à faciliter les contacts
                entre ses membres.

                ### Inscriptions aux événements et aux formations

                Lorsque vous vous inscrivez à un événement ou à une formation, ou que vous
                demandez une formation à la carte, nous enregistrons votre identité, votre
                organisation, la session choisie et, le cas échéant, votre place sur la liste
                d'attente. Pour les formations, la certification Qualiopi et les financeurs
                imposent de conserver les feuilles d'émargement et les évaluations. Bases
                légales : l'exécution de votre inscription et nos obligations légales.

                ### Sécurité

                Pour protéger les comptes, le portail limite le nombre de tentatives de
                connexion, et les journaux techniques du serveur enregistrent les requêtes
                reçues, avec leur adresse IP. Base légale : l'intérêt légitime du pôle à
                assurer la sécurité du portail.

                ## Cookies

                Le portail n'utilise que des cookies strictement nécessaires à son
                fonctionnement, qui ne demandent pas votre consentement :

                - un cookie de session, qui vous garde connecté ;
                - un cookie de sécurité (CSRF), qui empêche un autre site d'envoyer un
                  formulaire à votre place ;
                - un cookie de langue, qui retient la langue que vous avez choisie.

                Il n'y a ni cookie publicitaire, ni mesure d'audience, ni outil de suivi, et
                aucune page ne charge de contenu depuis un site tiers.

                ## Durées de conservation

                - Compte : tant qu'il est actif. Un compte inutilisé pendant trois ans peut
                  être supprimé, après un courriel de préavis.
                - Journal de consentement : aussi longtemps que le compte, puis cinq ans pour
                  pouvoir répondre à une éventuelle contestation.
                - Inscriptions aux événements : trois ans après l'événement.
                - Dossiers de formation : la durée exigée par la certification Qualiopi et par
                  les financeurs.
                - Journaux techniques de sécurité : un an au plus.

                ## Destinataires

                Vos données sont réservées à l'équipe du pôle et, pour ce qui les concerne, à
                l'administrateur de la fiche de votre organisation, aux organisateurs d'un
                événement et aux financeurs d'une formation. Notre hébergeur et notre
                prestataire d'envoi de courriels les traitent pour notre compte, en France ou
                dans l'Union européenne. Nous ne vendons ni ne louons aucune donnée.

                ## Votre espace « Mon compte »

                Depuis la page [Mon compte](/accounts/me/), vous pouvez à tout moment :

                - corriger vos informations et changer vos choix de visibilité ;
                - télécharger l'ensemble de vos données dans un fichier JSON ;
                - supprimer votre compte. La page vous indique, avant confirmation, ce qui sera
                  effacé et ce que la loi nous oblige à conserver. Si vous êtes le seul
                  administrateur d'une organisation, il vous sera d'abord demandé de désigner
                  un autre administrateur.

                ## Vos droits

                Vous disposez d'un droit d'accès, de rectification, d'effacement, de limitation,
                d'opposition et de portabilité, du droit de retirer votre consentement à tout
                moment et de définir des directives sur le sort de vos données après votre
                décès. Pour les exercer, utilisez la page Mon compte ou écrivez à
                dpo@vehicle-of-the-future.example ; nous répondons sous un mois.

                ## Réclamation

                Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une
                réclamation à la Commission nationale de l'informatique et des libertés (CNIL),
                sur www.cnil.fr ou par courrier : 3 place de Fontenoy, TSA 80715, 75334 Paris
                Cedex 07.
            """,
            "en": """
                ## Data controller

                The data controller is the association Vehicle of the Future, whose registered
                office is in Étupes (Doubs, France); its details are given in the
                [legal notice](/en/legal-notice/). For any question about your data, write to
                our data protection officer: dpo@vehicle-of-the-future.example.

                ## The data we process

                ### Your account

                Creating an account takes only an email address, which is your login, and a
                password, stored in an irreversibly hashed form that nobody can read back. You
                may add your name, job title and phone number, which are optional, and your
                preferred language. If you turn on two-factor authentication, we keep what is
                needed to check it. Legal basis: providing the service you ask for by opening
                an account.

                ### Organisation profiles

                Member organisations present their business, logo, platforms and fields of
                expertise on the portal. These profiles describe organisations; people only
                appear on them as they themselves choose, as described below. Changes to
                profiles are kept in a history so that the cluster's team can undo a mistake.

                ### What others see of you

                You decide whether your name and job title are shown on your organisation's
                profile: to everyone, to signed-in members only, or to nobody. By default,
                nothing is shown. Each choice is recorded in a consent log (date and choice) so
                that we can prove what you agreed to; you can change your mind at any time.
                Legal basis: your consent.

                ### Contact forms

                To write to an organisation or a member, the portal relays your message: it
                never gives you the recipient's address and never shows yours. The recipient
                receives the message and is free to decide whether to follow up. Legal basis:
                the cluster's legitimate interest in making contact between its members easy.

                ### Event and training registrations

                When you register for an event or a training session, or ask for a tailor-made
                course, we record who you are, your organisation, the session you chose and,
                where relevant, your place on the waiting list. For training, the Qualiopi
                certification and funding bodies require us to keep attendance sheets and
                evaluations. Legal bases: carrying out your registration and our legal
                obligations.

                ### Security

                To protect accounts, the portal limits the number of sign-in attempts, and the
                server's technical logs record the requests it receives, with their IP address.
                Legal basis: the cluster's legitimate interest in keeping the portal secure.

                ## Cookies

                The portal only uses cookies that are strictly necessary for it to work, which
                need no consent:

                - a session cookie, which keeps you signed in;
                - a security (CSRF) cookie, which stops another website from submitting a form
                  on your behalf;
                - a language cookie, which remembers the language you chose.

                There are no advertising cookies, no audience measurement and no tracking
                tools, and no page loads content from a third-party website.

                ## How long we keep data

                - Account: as long as it is active. An account unused for three years may
                  be deleted, after a warning email.
                - Consent log: as long as the account, then five years so that we can answer
                  any dispute.
                - Event registrations: three years after the event.
                - Training records: as long as the Qualiopi certification and funding bodies
                  require.
                - Security logs: one year at most.

                ## Who receives your data

                Your data is reserved for the cluster's team and, where relevant to them, for
                your organisation's profile administrator, the organisers of an event and the
                funders of a training course. Our hosting provider and our email service
                provider process it on our behalf, in France or in the European Union. We never
                sell or rent any data.

                ## Your "My account" page

                From the [My account](/en/accounts/me/) page, you can at any time:

                - correct your details and change your visibility choices;
                - download all your data as a JSON file;
                - delete your account. Before you confirm, the page tells you what will be
                  erased and what the law requires us to keep. If you are the only
                  administrator of an organisation, you will first be asked to appoint
                  another one.

                ## Your rights

                You have the right to access, correct and erase your data, to restrict or
                object to its processing and to data portability, the right to withdraw your
                consent at any time, and the right to give instructions about your data after
                your death. To exercise them, use the My account page or write to
                dpo@vehicle-of-the-future.example; we reply within one month.

                ## Complaints

                If you believe your rights are not respected, you can lodge a complaint with
                the French data protection authority (CNIL), at www.cnil.fr or by post: 3 place
                de Fontenoy, TSA 80715, 75334 Paris Cedex 07, France.
            """,
        },
        "seo_title": {
            "fr": "Politique de confidentialité et données personnelles",
            "en": "Privacy policy and personal data",
        },
        "seo_description": {
            "fr": """
                Données enregistrées, cookies strictement nécessaires, durées de conservation,
                téléchargement et suppression de vos données, droits et contact du DPO.
            """,
            "en": """
                Data recorded, strictly necessary cookies, retention periods, downloading and
                deleting your data, your rights and how to reach our DPO.
            """,
        },
    },
]

ARTICLES = [
    {
        "slug": "appel-a-projets-sept-projets-labellises",
        "kind": "news",
        "published_at": paris(2025, 1, 28, 10),
        "markets": ["electric", "industry"],
        "title": {
            "fr": "Appel à projets collaboratifs : sept projets labellisés",
            "en": "Collaborative project call: seven projects labelled",
        },
        "excerpt": {
            "fr": """
                Le comité de labellisation a retenu sept projets parmi les douze candidatures de
                l'appel lancé à l'automne. Batteries, procédés et logistique : tour d'horizon
                des lauréats.
            """,
            "en": """
                The labelling committee selected seven of the twelve projects submitted to the
                autumn call. Batteries, processes and logistics: a look at the winners.
            """,
        },
        "body": {
            "fr": """
                Le comité de labellisation du pôle s'est réuni en janvier pour examiner les
                dossiers déposés lors de l'appel à projets collaboratifs de l'automne. Sur douze
                candidatures, sept projets ont obtenu le label, qui atteste de leur intérêt
                pour la filière et facilite leur examen par les financeurs.

                ## Les projets retenus

                Trois projets portent sur le véhicule électrique. Le plus avancé, mené par la
                start-up fictive Voltaria avec un laboratoire universitaire et deux
                sous-traitants de la région, vise un système de refroidissement des modules de
                batterie plus compact et plus facile à démonter en fin de vie.

                Deux projets relèvent de l'industrie du futur : un contrôle qualité par vision
                pour des pièces embouties, et une cellule d'assemblage collaborative pensée pour
                les petites séries. Les deux derniers concernent la logistique urbaine et la
                gestion de flottes de véhicules utilitaires.

                ## Et maintenant ?

                Les porteurs vont déposer leurs dossiers auprès des financeurs dans les
                prochaines semaines, avec l'appui de l'équipe du pôle. Le prochain appel ouvrira
                à l'automne : les adhérents qui ont une idée de projet peuvent dès à présent en
                parler à leur chargé de mission.
            """,
            "en": """
                The cluster's labelling committee met in January to review the applications
                submitted to the autumn call for collaborative projects. Out of twelve
                applications, seven projects received the label, which shows their value for
                the industry and eases their review by funders.

                ## The selected projects

                Three projects deal with electric vehicles. The most advanced, led by the
                fictional start-up Voltaria with a university lab and two local subcontractors,
                aims at a more compact battery module cooling system that is also easier to
                take apart at the end of its life.

                Two projects belong to the industry of the future: vision-based quality
                inspection of stamped parts, and a collaborative assembly cell designed for
                small series. The last two concern urban logistics and the management of van
                fleets.

                ## What comes next

                Project leaders will submit their applications to funders in the coming weeks,
                with help from the cluster's team. The next call opens in the autumn: members
                with a project idea can already talk it over with their project manager.
            """,
        },
    },
    {
        "slug": "formation-securite-batteries-de-traction",
        "kind": "news",
        "published_at": paris(2025, 3, 18, 9, 30),
        "markets": ["electric"],
        "title": {
            "fr": "Sécurité des batteries de traction : une nouvelle formation au catalogue",
            "en": "Traction battery safety: a new course in the catalogue",
        },
        "excerpt": {
            "fr": """
                Deux jours pour apprendre à manipuler, stocker et transporter les batteries des
                véhicules électrifiés en toute sécurité. Première session en mai à Besançon.
            """,
            "en": """
                Two days to learn how to handle, store and ship the batteries of electrified
                vehicles safely. First session in May in Besançon.
            """,
        },
        "body": {
            "fr": """
                Avec la montée en puissance des véhicules électrifiés, de plus en plus de
                salariés sont amenés à intervenir sur des batteries de traction : techniciens
                d'atelier, logisticiens, opérateurs de démontage ou de recyclage. Les
                adhérents nous l'ont dit : ils ont besoin de former vite et bien.

                La nouvelle formation du pôle répond à cette demande. En deux jours, elle
                aborde :

                - les risques propres aux batteries lithium-ion : électrique, chimique,
                  thermique ;
                - la détection d'une batterie endommagée et la conduite à tenir ;
                - les règles de stockage, d'emballage et de transport ;
                - l'organisation d'une zone de travail et les équipements de protection.

                La moitié du temps est consacrée à des exercices pratiques sur un pack
                pédagogique. Cette formation ne remplace pas l'habilitation électrique, qu'elle
                complète utilement.

                Comme toute l'offre du pôle, elle est certifiée Qualiopi, ce qui permet une
                prise en charge par les financeurs de la formation. La première session
                inter-entreprises aura lieu les 20 et 21 mai à Besançon ; le module peut aussi
                être organisé à la carte, dans vos locaux.
            """,
            "en": """
                As electrified vehicles take off, more and more employees have to work on
                traction batteries: workshop technicians, logistics staff, dismantling and
                recycling operators. Members told us clearly that they need to train their
                people quickly and well.

                The cluster's new course meets this need. Over two days, it covers:

                - the specific risks of lithium-ion batteries: electrical, chemical, thermal;
                - spotting a damaged battery and what to do about it;
                - rules for storage, packaging and shipping;
                - organising a work area and protective equipment.

                Half of the time is spent on hands-on exercises with a training pack. The course
                does not replace the electrical safety authorisation, but usefully complements
                it.

                Like all of the cluster's training, it is Qualiopi-certified, so training
                funders can cover its cost. The first open session takes place on 20 and 21 May
                in Besançon; the course can also be run on demand, at your premises.
            """,
        },
    },
    {
        "slug": "batteries-tout-solide-promesses-et-verrous",
        "kind": "foresight",
        "published_at": paris(2025, 4, 29, 8),
        "markets": ["electric"],
        "title": {
            "fr": "Batteries tout-solide : promesses et verrous",
            "en": "Solid-state batteries: promises and hurdles",
        },
        "excerpt": {
            "fr": """
                Plus denses, plus sûres, plus rapides à recharger : les batteries à électrolyte
                solide suscitent de grands espoirs. Où en est la technologie, et que doivent
                anticiper les fournisseurs ?
            """,
            "en": """
                Denser, safer, faster to charge: batteries with a solid electrolyte raise high
                hopes. Where does the technology stand, and what should suppliers prepare for?
            """,
        },
        "body": {
            "fr": """
                Dans une batterie lithium-ion classique, les ions circulent entre les électrodes
                à travers un électrolyte liquide et inflammable. La batterie tout-solide le
                remplace par un matériau solide (polymère, oxyde ou sulfure), ce qui change
                beaucoup de choses.

                ## Ce que l'on en attend

                - **Densité d'énergie** : un électrolyte solide rend envisageable une anode en
                  lithium métal, pour plus d'autonomie à volume égal.
                - **Sécurité** : sans liquide inflammable, le risque d'emballement thermique
                  diminue nettement.
                - **Recharge** : certaines chimies supportent des puissances de charge plus
                  élevées.

                ## Ce qui bloque encore

                Les difficultés sont surtout industrielles. Les interfaces entre électrolyte et
                électrodes se dégradent au fil des cycles, des filaments de lithium peuvent
                traverser l'électrolyte, certaines chimies exigent une forte pression sur les
                cellules ou des ateliers très secs. Et la production à grande échelle reste à
                démontrer à un coût compétitif.

                Plusieurs constructeurs annoncent de premiers véhicules en petite série vers la
                fin de la décennie ; une diffusion large prendra plus de temps. Entre-temps, des
                technologies intermédiaires dites « semi-solides » arrivent sur le marché.

                ## Pour les entreprises du territoire

                Les changements toucheront les matériaux, les équipements de production, la
                conception des packs (moins de refroidissement, d'autres contraintes
                mécaniques) et le recyclage. C'est le moment de suivre les travaux des
                laboratoires et de tester des collaborations : le groupe de travail batteries du
                pôle y consacrera sa prochaine séance.
            """,
            "en": """
                In a conventional lithium-ion battery, ions travel between the electrodes
                through a flammable liquid electrolyte. A solid-state battery replaces it with a
                solid material (polymer, oxide or sulphide), and that changes a lot.

                ## What to expect

                - **Energy density**: a solid electrolyte makes a lithium-metal anode possible,
                  for more range in the same volume.
                - **Safety**: without a flammable liquid, the risk of thermal runaway drops
                  sharply.
                - **Charging**: some chemistries accept higher charging power.

                ## What still stands in the way

                The hurdles are mainly industrial. The interfaces between electrolyte and
                electrodes degrade over the cycles, lithium filaments can grow through the
                electrolyte, and some chemistries need high pressure on the cells or very dry
                workshops. Large-scale production at a competitive cost has yet to be proven.

                Several carmakers announce their first small-series vehicles towards the end of
                the decade; wide adoption will take longer. Meanwhile, intermediate
                "semi-solid" technologies are reaching the market.

                ## For companies in the region

                The changes will affect materials, production equipment, pack design (less
                cooling, different mechanical constraints) and recycling. Now is the time to
                follow the labs' work and try out partnerships: the cluster's battery working
                group will devote its next meeting to the subject.
            """,
        },
    },
    {
        "slug": "journee-mobilite-hydrogene-2025",
        "kind": "news",
        "published_at": paris(2025, 6, 12, 17),
        "markets": ["hydrogen"],
        "title": {
            "fr": "Une journée pour faire avancer la mobilité hydrogène",
            "en": "A day to move hydrogen mobility forward",
        },
        "excerpt": {
            "fr": """
                Industriels, exploitants de flottes et collectivités se sont retrouvés à Étupes
                pour partager leurs retours d'expérience et lancer un groupe de travail sur
                l'avitaillement des véhicules lourds.
            """,
            "en": """
                Manufacturers, fleet operators and local authorities met in Étupes to share
                their experience and set up a working group on refuelling heavy vehicles.
            """,
        },
        "body": {
            "fr": """
                Près de quatre-vingts participants ont pris part à la journée mobilité
                hydrogène organisée par le pôle à Étupes. Objectif : faire se rencontrer ceux
                qui fabriquent les composants, ceux qui exploitent les véhicules et ceux qui
                financent les stations.

                La matinée a donné la parole aux utilisateurs. La société de transport fictive
                Transvia Est a présenté le bilan de ses premiers autocars à pile à combustible :
                une bonne disponibilité des véhicules, mais une organisation des pleins à
                revoir quand la station est éloignée du dépôt. L'entreprise fictive Hydrovia,
                qui conçoit des réservoirs composites, a expliqué comment elle prépare le
                passage à la petite série.

                L'après-midi, trois ateliers ont porté sur le dimensionnement des stations pour
                les flottes, la formation des équipes de maintenance et les démarches de
                sécurité à prévoir pour un atelier accueillant des véhicules hydrogène.

                Les échanges ont fait ressortir un besoin commun : mutualiser les stations entre
                plusieurs flottes pour les rentabiliser. Le pôle lance donc un groupe de travail
                sur l'avitaillement des véhicules lourds, ouvert aux adhérents comme aux
                collectivités partenaires ; la première réunion aura lieu en septembre.
            """,
            "en": """
                Nearly eighty people attended the hydrogen mobility day the cluster organised in
                Étupes. The aim was to bring together those who make the components, those who
                run the vehicles and those who fund the stations.

                The morning gave the floor to users. The fictional transport company Transvia
                Est presented the results of its first fuel cell coaches: good vehicle
                availability, but refuelling needs to be organised differently when the station
                is far from the depot. The fictional company Hydrovia, which designs composite
                tanks, explained how it is preparing to move to small-series production.

                In the afternoon, three workshops looked at sizing stations for fleets, training
                maintenance teams and the safety steps to plan for a workshop that services
                hydrogen vehicles.

                One shared need stood out: pooling stations between several fleets to make them
                pay. The cluster is therefore setting up a working group on refuelling heavy
                vehicles, open to members and partner local authorities alike; it meets for the
                first time in September.
            """,
        },
    },
    {
        "slug": "reunion-reseau-europeen-clusters-automobiles",
        "kind": "news",
        "published_at": paris(2025, 9, 23, 11),
        "markets": ["industry", "electric"],
        "title": {
            "fr": "Le pôle à la réunion du réseau européen des clusters automobiles",
            "en": "The cluster at the European Automotive Cluster Network meeting",
        },
        "excerpt": {
            "fr": """
                Transformation des fournisseurs, compétences, projets européens : le pôle a
                présenté son expérience et noué de nouveaux contacts lors de la réunion
                d'automne de l'EACN.
            """,
            "en": """
                Supplier transformation, skills, European projects: the cluster shared its
                experience and made new contacts at the EACN autumn meeting.
            """,
        },
        "body": {
            "fr": """
                Le réseau européen des clusters automobiles (European Automotive Cluster
                Network, EACN) réunit des clusters de toute l'Europe pour partager leurs
                pratiques et monter des projets communs. Le pôle, qui en est membre, a
                participé à sa réunion d'automne.

                Les discussions ont porté sur un défi partagé par toutes les régions
                automobiles : accompagner les fournisseurs dont l'activité dépend du moteur
                thermique. Chaque cluster a présenté ses outils ; le pôle a détaillé son
                programme d'excellence industrielle PerfoEST et son approche de la formation à
                la carte.

                Les échanges avec des clusters allemands et italiens, deux pays avec lesquels le
                pôle entretient déjà des partenariats, ont ouvert la voie à une candidature
                commune à un appel européen sur la reconversion des compétences dans la filière.

                Les adhérents intéressés par ce projet, ou plus largement par des contacts avec
                des entreprises européennes, peuvent se faire connaître auprès de l'équipe
                internationale du pôle.
            """,
            "en": """
                The European Automotive Cluster Network (EACN) brings together clusters from all
                over Europe to share practices and build joint projects. The cluster, a member
                of the network, took part in its autumn meeting.

                Discussions focused on a challenge every automotive region faces: supporting
                suppliers whose business depends on the combustion engine. Each cluster
                presented its tools; ours described its PerfoEST industrial-excellence programme
                and its approach to tailor-made training.

                Talks with German and Italian clusters, two countries where the cluster already
                has partnerships, paved the way for a joint bid to a European call on reskilling
                in the automotive industry.

                Members interested in this project, or more generally in contacts with European
                companies, can get in touch with the cluster's international team.
            """,
        },
    },
    {
        "slug": "recharge-bidirectionnelle-v2g",
        "kind": "foresight",
        "published_at": paris(2025, 11, 4, 8),
        "markets": ["electric", "services"],
        "title": {
            "fr": "Recharge bidirectionnelle : quand la voiture rend de l'énergie au réseau",
            "en": "Bidirectional charging: when the car gives energy back to the grid",
        },
        "excerpt": {
            "fr": """
                Une voiture passe l'essentiel de sa vie à l'arrêt, avec une grosse batterie à
                bord. La recharge bidirectionnelle veut en faire une ressource pour la maison,
                l'entreprise et le réseau électrique.
            """,
            "en": """
                A car spends most of its life parked, with a large battery on board.
                Bidirectional charging aims to turn it into a resource for homes, businesses and
                the power grid.
            """,
        },
        "body": {
            "fr": """
                Une voiture particulière reste immobile plus de 90 % du temps. Électrique, elle
                transporte une batterie dont la capacité couvre plusieurs jours de consommation
                d'un foyer. D'où l'idée de laisser l'énergie circuler dans les deux sens.

                ## Trois usages, trois niveaux de complexité

                - **V2L** (*vehicle-to-load*) : le véhicule alimente directement un appareil,
                  par exemple sur un chantier.
                - **V2H** (*vehicle-to-home*) : il alimente la maison ou le bâtiment, pour
                  consommer sa propre production solaire ou passer les heures de pointe.
                - **V2G** (*vehicle-to-grid*) : il rend de l'énergie au réseau et participe à
                  son équilibre, contre rémunération.

                ## Les conditions du décollage

                Il faut des véhicules et des bornes compatibles, un protocole de communication
                commun (la norme ISO 15118-20 prévoit ces échanges), et des règles claires sur
                la garantie de la batterie, dont le vieillissement reste une question sensible.
                Il faut surtout un modèle économique : un agrégateur ou un fournisseur
                d'énergie doit pouvoir valoriser la flexibilité apportée et en reverser une part
                à l'utilisateur.

                ## Les flottes en première ligne

                Les premiers déploiements à grande échelle devraient concerner les flottes :
                autobus, utilitaires de livraison ou véhicules de service, stationnés au dépôt
                la nuit selon des horaires prévisibles. Pour les adhérents, les opportunités
                touchent l'électronique de puissance, les bornes, les logiciels de pilotage
                énergétique et l'ingénierie des dépôts.
            """,
            "en": """
                A private car stands still more than 90% of the time. When it is electric, it
                carries a battery that could cover several days of a household's consumption.
                Hence the idea of letting energy flow both ways.

                ## Three uses, three levels of complexity

                - **V2L** (vehicle-to-load): the vehicle powers a device directly, on a building
                  site for instance.
                - **V2H** (vehicle-to-home): it powers the house or building, to use home-grown
                  solar power or get through peak hours.
                - **V2G** (vehicle-to-grid): it gives energy back to the grid and helps balance
                  it, for a fee.

                ## What it takes to take off

                It takes compatible vehicles and chargers, a common communication protocol (the
                ISO 15118-20 standard covers these exchanges), and clear rules on the battery
                warranty, as battery ageing remains a sensitive issue. Above all, it takes a
                business model: an aggregator or energy supplier must be able to sell the
                flexibility and pass part of the revenue on to the user.

                ## Fleets lead the way

                The first large-scale roll-outs are likely to involve fleets: buses, delivery
                vans or service vehicles parked at the depot overnight on predictable
                schedules. For members, the opportunities lie in power electronics, chargers,
                energy management software and depot engineering.
            """,
        },
    },
    {
        "slug": "perfoest-progres-usines-adherentes",
        "kind": "news",
        "published_at": paris(2025, 12, 9, 10),
        "markets": ["industry"],
        "title": {
            "fr": "PerfoEST : des progrès mesurables dans les usines adhérentes",
            "en": "PerfoEST: measurable progress in member plants",
        },
        "excerpt": {
            "fr": """
                Rendement des lignes, rebuts, temps de changement de série : les usines
                accompagnées cette année par le programme d'excellence industrielle PerfoEST
                présentent leurs résultats.
            """,
            "en": """
                Line efficiency, scrap, changeover times: plants coached this year by the
                PerfoEST industrial-excellence programme share their results.
            """,
        },
        "body": {
            "fr": """
                PerfoEST, le programme d'excellence industrielle du pôle, aide les usines à
                améliorer leur performance par une démarche de terrain : un diagnostic partagé
                avec la direction, un plan de progrès ciblé, puis plusieurs mois
                d'accompagnement par des experts qui animent des ateliers avec les équipes.

                Chez l'équipementier fictif Mécafor Est, le chantier a porté sur une ligne de
                presses. En réduisant la durée des changements de série et en fiabilisant les
                outillages, l'équipe a fait passer le rendement de la ligne de 68 % à 77 % en
                neuf mois. « Les idées venaient des opérateurs ; le programme nous a donné la
                méthode et le rythme », résume Léa Exemple, directrice du site (personne
                fictive).

                Dans une fonderie adhérente, le travail sur les causes de défauts a permis de
                réduire nettement les rebuts, avec à la clé des économies de matière et
                d'énergie. D'autres sites ont revu l'organisation de leur maintenance ou de
                leurs flux logistiques internes.

                Au-delà des chiffres, les participants retiennent la montée en compétences de
                leur encadrement intermédiaire, formé à animer lui-même l'amélioration
                continue. Une nouvelle promotion démarrera au premier trimestre 2026 ; les
                candidatures sont ouvertes auprès de l'équipe performance industrielle.
            """,
            "en": """
                PerfoEST, the cluster's industrial-excellence programme, helps plants improve
                their performance through hands-on work: an assessment shared with management,
                a focused improvement plan, then several months of coaching by experts who run
                workshops with the teams.

                At the fictional supplier Mécafor Est, the work focused on a press line. By
                cutting changeover times and making tooling more reliable, the team raised the
                line's efficiency from 68% to 77% in nine months. "The ideas came from the
                operators; the programme gave us the method and the pace," says Léa Exemple, the
                plant manager (a fictional person).

                In a member foundry, tackling the root causes of defects brought scrap down
                markedly, saving both material and energy. Other sites reorganised their
                maintenance or their internal logistics flows.

                Beyond the figures, participants value how much their middle managers have
                grown, now trained to lead continuous improvement themselves. A new group starts
                in the first quarter of 2026; applications are open with the industrial
                performance team.
            """,
        },
    },
    {
        "slug": "vehicule-defini-par-logiciel",
        "kind": "foresight",
        "published_at": paris(2026, 2, 3, 8),
        "markets": ["autonomous"],
        "title": {
            "fr": "Le véhicule défini par logiciel, un tournant pour les fournisseurs",
            "en": "The software-defined vehicle, a turning point for suppliers",
        },
        "excerpt": {
            "fr": """
                Architectures centralisées, mises à jour à distance, fonctions à la demande : le
                logiciel devient le cœur du véhicule. Ce que cela change pour la chaîne
                d'approvisionnement.
            """,
            "en": """
                Centralised architectures, over-the-air updates, features on demand: software is
                becoming the heart of the vehicle. What this means for the supply chain.
            """,
        },
        "body": {
            "fr": """
                Un véhicule récent peut embarquer près d'une centaine de calculateurs, chacun
                fourni avec son propre logiciel. Les constructeurs basculent vers une autre
                organisation : quelques calculateurs centraux très puissants, des contrôleurs
                « zonaux » qui gèrent capteurs et actionneurs par zone du véhicule, et un
                logiciel séparé du matériel, mis à jour tout au long de la vie du véhicule.

                ## Ce qui change

                - **Les mises à jour à distance** corrigent des défauts et ajoutent des
                  fonctions après la vente, dans le cadre des règlements internationaux sur la
                  cybersécurité et les mises à jour logicielles.
                - **Les modèles économiques** évoluent, avec des fonctions activées à la
                  demande ou par abonnement.
                - **La validation** devient continue : chaque version doit être testée,
                  largement en simulation, avant d'être déployée.

                ## Pour les fournisseurs

                Un équipementier qui livrait un boîtier complet peut se voir demander du
                matériel seul, du logiciel seul, ou des briques conformes à des interfaces
                standardisées. Certains deviendront éditeurs de logiciels, d'autres se
                spécialiseront dans l'électronique zonale ou les capteurs.

                Les PME ont aussi leur carte à jouer : outils de test, bancs de validation,
                logiciel embarqué spécialisé, cybersécurité. Le groupe de travail du pôle sur le
                logiciel embarqué propose en 2026 un cycle de webinaires sur ces sujets, et une
                formation à la cybersécurité automobile est en préparation.
            """,
            "en": """
                A recent vehicle can carry close to a hundred electronic control units, each
                delivered with its own software. Carmakers are moving to a different
                organisation: a few very powerful central computers, "zonal" controllers that
                handle the sensors and actuators of each area of the vehicle, and software
                separated from hardware, updated throughout the vehicle's life.

                ## What changes

                - **Over-the-air updates** fix defects and add features after sale, within the
                  international regulations on cybersecurity and software updates.
                - **Business models** shift, with features activated on demand or by
                  subscription.
                - **Validation** becomes continuous: each release must be tested, largely in
                  simulation, before it is rolled out.

                ## For suppliers

                A supplier that used to deliver a complete unit may now be asked for hardware
                alone, software alone, or building blocks that fit standardised interfaces.
                Some will become software companies, others will specialise in zonal
                electronics or sensors.

                SMEs have a part to play too: test tools, validation benches, specialised
                embedded software, cybersecurity. In 2026 the cluster's embedded software
                working group runs a series of webinars on these topics, and a course on
                automotive cybersecurity is being prepared.
            """,
        },
    },
    {
        "slug": "navette-autonome-experimentation-zone-activites",
        "kind": "news",
        "published_at": paris(2026, 4, 14, 10),
        "markets": ["autonomous", "services"],
        "title": {
            "fr": "Une navette autonome dessert une zone d'activités",
            "en": "An autonomous shuttle serves a business park",
        },
        "excerpt": {
            "fr": """
                Depuis janvier, une navette sans conducteur relie une gare à une zone
                d'activités. Premiers résultats d'une expérimentation accompagnée par le pôle.
            """,
            "en": """
                Since January, a driverless shuttle has linked a railway station to a business
                park. Early results from a trial supported by the cluster.
            """,
        },
        "body": {
            "fr": """
                Faire le lien entre la gare et les entreprises d'une zone d'activités, c'est le
                casse-tête de nombreux territoires : le trajet est trop long pour être fait à
                pied, trop court et trop irrégulier pour une ligne de bus classique. La
                communauté de communes fictive du Val d'Exemple a choisi d'y tester une navette
                autonome.

                La start-up fictive Autonomia exploite le véhicule sur un parcours de deux
                kilomètres et demi, avec quatre arrêts. Pendant les premiers mois, un opérateur
                de sécurité reste à bord et peut reprendre la main à tout moment.

                Le pôle a aidé à constituer le partenariat, à préparer les démarches
                d'autorisation et à associer un laboratoire chargé d'étudier l'acceptation du
                service par les usagers. Les salariés des entreprises de la zone répondent à un
                questionnaire régulier.

                Après deux mois, la navette a assuré plus de 3 000 trajets. Les premières
                données montrent une bonne régularité, mais aussi des situations délicates à
                gérer : stationnements gênants, fortes pluies, croisements sur voie étroite.
                Elles serviront à améliorer le logiciel et à préparer une éventuelle
                extension du service à l'automne.
            """,
            "en": """
                Connecting a railway station to the companies of a business park is a headache
                for many areas: the trip is too long to walk, yet too short and too irregular
                for a regular bus line. The fictional Val d'Exemple district council chose to
                test an autonomous shuttle there.

                The fictional start-up Autonomia runs the vehicle on a two-and-a-half kilometre
                route with four stops. For the first months, a safety operator stays on board
                and can take over at any time.

                The cluster helped build the partnership, prepare the authorisation process and
                bring in a research lab to study how users accept the service. Employees of the
                park's companies answer a regular survey.

                After two months, the shuttle had made more than 3,000 trips. The first data
                show good punctuality, but also tricky situations: badly parked cars, heavy
                rain, passing other vehicles on a narrow road. They will be used to improve the
                software and to prepare a possible extension of the service in the autumn.
            """,
        },
    },
    {
        "slug": "retrofit-electrique-utilitaires-groupe-de-travail",
        "kind": "news",
        "published_at": paris(2026, 6, 9, 9),
        "markets": ["electric", "services"],
        "title": {
            "fr": "Rétrofit électrique des utilitaires légers : un groupe de travail pour changer "
            "d'échelle",
            "en": "Electric retrofit of light commercial vehicles: a working group to scale up",
        },
        "excerpt": {
            "fr": """
                Convertir un utilitaire thermique à l'électrique plutôt que le remplacer :
                l'idée séduit artisans et collectivités. Le pôle réunit la filière pour en
                faire baisser le coût.
            """,
            "en": """
                Converting a combustion van to electric instead of replacing it appeals to
                tradespeople and local authorities. The cluster brings the industry together to
                bring the cost down.
            """,
        },
        "body": {
            "fr": """
                Avec le développement des zones à faibles émissions, de nombreux artisans,
                commerçants et services techniques de collectivités doivent renouveler leurs
                utilitaires. Le rétrofit offre une autre voie : garder la carrosserie et le
                châssis, souvent en bon état et parfois aménagés à grands frais, et remplacer
                le moteur thermique par une chaîne de traction électrique.

                Le cadre réglementaire français autorise depuis 2020 ces conversions, à
                condition que chaque modèle de transformation soit homologué. C'est là que le
                bât blesse : les essais coûtent cher et doivent être répétés pour chaque modèle
                de véhicule, ce qui freine les petits volumes.

                Le groupe de travail lancé par le pôle réunit des concepteurs de kits, dont
                l'entreprise fictive ReVolt Utilitaires, des carrossiers, des garages, des
                gestionnaires de flottes et des organismes de formation. Il s'est fixé trois
                chantiers :

                - mutualiser une partie des essais d'homologation entre fabricants ;
                - construire un module de formation commun pour les installateurs ;
                - trouver une flotte pilote pour convertir une première série de véhicules.

                La prochaine réunion se tiendra en septembre. Les adhérents intéressés,
                fabricants comme utilisateurs, peuvent rejoindre le groupe.
            """,
            "en": """
                As low-emission zones spread, many tradespeople, shopkeepers and local authority
                technical services need to renew their vans. Retrofitting offers another path:
                keeping the body and chassis, often in good condition and sometimes fitted out
                at great expense, and replacing the combustion engine with an electric
                powertrain.

                French regulations have allowed such conversions since 2020, provided each
                conversion model is type-approved. That is the sticking point: the tests are
                expensive and must be repeated for each vehicle model, which holds back small
                volumes.

                The working group set up by the cluster brings together kit designers,
                including the fictional company ReVolt Utilitaires, bodybuilders, garages, fleet
                managers and training bodies. It has set itself three tasks:

                - sharing part of the type-approval testing between manufacturers;
                - building a common training module for installers;
                - finding a pilot fleet to convert a first batch of vehicles.

                The next meeting is in September. Interested members, makers and users alike,
                are welcome to join.
            """,
        },
    },
    {
        "slug": "rencontres-affaires-franco-allemandes-2026",
        "kind": "news",
        "published_at": paris(2026, 9, 15, 14),
        "markets": ["industry", "electric"],
        "title": {
            "fr": "Rencontres d'affaires franco-allemandes : quarante rendez-vous à Mulhouse",
            "en": "Franco-German business meetings: forty appointments in Mulhouse",
        },
        "excerpt": {
            "fr": """
                Quatorze adhérents ont rencontré des entreprises allemandes lors d'une journée
                de rendez-vous d'affaires organisée avec un cluster partenaire d'outre-Rhin.
            """,
            "en": """
                Fourteen members met German companies during a day of business meetings
                organised with a partner cluster from across the Rhine.
            """,
        },
        "body": {
            "fr": """
                À quelques kilomètres de la frontière, Mulhouse a accueilli une journée de
                rencontres d'affaires organisée par le pôle et un cluster automobile allemand
                partenaire. Quatorze adhérents y ont participé, pour une quarantaine de
                rendez-vous préparés à l'avance selon les besoins exprimés par chacun.

                Les échanges ont surtout porté sur les composants pour l'électrification, les
                pièces plastiques techniques et l'automatisation des lignes de production.
                Plusieurs entreprises sont reparties avec des demandes de devis ou des visites
                de sites programmées.

                « En une journée, nous avons rencontré plus de clients potentiels allemands
                qu'en un an de prospection », témoigne un dirigeant de la PME fictive
                Plastitech Exemple.

                Ce format, qui répond à l'objectif du pôle d'ouvrir ses adhérents à
                l'international, sera reconduit. Une édition avec des partenaires italiens est
                à l'étude pour 2027.
            """,
            "en": """
                A few kilometres from the border, Mulhouse hosted a day of business meetings
                organised by the cluster and a partner German automotive cluster. Fourteen
                members took part, in some forty appointments arranged in advance to match each
                company's needs.

                Discussions mainly covered components for electrification, technical plastic
                parts and the automation of production lines. Several companies left with
                requests for quotes or plant visits already scheduled.

                "In one day, we met more potential German customers than in a year of
                prospecting," says a manager of the fictional SME Plastitech Exemple.

                This format, which serves the cluster's aim of opening its members up to
                international markets, will be repeated. An edition with Italian partners is
                being considered for 2027.
            """,
        },
    },
    {
        "slug": "fabrication-additive-chaine-approvisionnement-automobile",
        "kind": "foresight",
        "published_at": paris(2026, 11, 5, 8),
        "markets": ["industry"],
        "title": {
            "fr": "Fabrication additive : quelle place dans la chaîne d'approvisionnement "
            "automobile ?",
            "en": "Additive manufacturing: what role in automotive supply chains?",
        },
        "excerpt": {
            "fr": """
                Longtemps cantonnée au prototypage, l'impression 3D gagne l'outillage, les
                pièces de rechange et les petites séries. Ses atouts et ses limites pour les
                fournisseurs.
            """,
            "en": """
                Long confined to prototyping, 3D printing is moving into tooling, spare parts
                and small series. Its strengths and limits for suppliers.
            """,
        },
        "body": {
            "fr": """
                La fabrication additive construit une pièce couche par couche, à partir d'un
                fichier numérique, là où les procédés classiques enlèvent de la matière ou la
                mettent en forme dans un moule. Dans l'automobile, elle est sortie des bureaux
                d'études pour gagner les ateliers.

                ## Des usages déjà rentables

                - **Outillage** : inserts de moules avec canaux de refroidissement épousant la
                  forme de la pièce, qui raccourcissent les cycles d'injection.
                - **Montages et gabarits** : produits en quelques jours pour les lignes
                  d'assemblage.
                - **Pièces de rechange** : fabriquées à la demande pour des modèles anciens,
                  sans stock ni moule à conserver.
                - **Petites séries et personnalisation** : véhicules spéciaux, sport
                  automobile, éditions limitées.

                ## Des limites à connaître

                Le coût par pièce et le temps de fabrication restent élevés pour les grands
                volumes. La régularité des propriétés mécaniques, la qualification des pièces
                de sécurité et les opérations de finition demandent une vraie maîtrise. Les
                procédés les plus rapides, comme la projection de liant sur lit de poudre
                métallique, progressent mais ne remplacent pas encore la fonderie ou
                l'emboutissage.

                ## Un effet sur les chaînes d'approvisionnement

                Un fichier se transporte plus facilement qu'une pièce : un stock numérique
                permet de produire près du lieu d'usage et rend la chaîne plus résiliente. Pour
                les fournisseurs du territoire, le plus sûr est de commencer par l'outillage,
                de former leurs concepteurs à penser « additif » et de s'appuyer sur les
                plateformes partagées avant d'investir.
            """,
            "en": """
                Additive manufacturing builds a part layer by layer from a digital file, whereas
                conventional processes remove material or shape it in a mould. In the automotive
                industry, it has left the design office for the shop floor.

                ## Uses that already pay off

                - **Tooling**: mould inserts with cooling channels that follow the shape of the
                  part, cutting injection cycle times.
                - **Jigs and fixtures**: produced in a few days for assembly lines.
                - **Spare parts**: made on demand for older models, with no stock or mould to
                  keep.
                - **Small series and customisation**: special vehicles, motorsport, limited
                  editions.

                ## Limits to keep in mind

                Cost per part and build time remain high for large volumes. Consistent
                mechanical properties, qualifying safety parts and finishing operations call
                for real expertise. The fastest processes, such as binder jetting of metal
                powder, are improving but cannot yet replace casting or stamping.

                ## An effect on supply chains

                A file travels more easily than a part: a digital inventory makes it possible to
                produce close to where the part is needed and makes the chain more resilient.
                For suppliers in the region, the safest path is to start with tooling, train
                their designers to think "additive" and use shared platforms before investing.
            """,
        },
    },
    # Published, but dated in the future: only staff see it until then.
    {
        "slug": "appel-a-projets-collaboratifs-2027",
        "kind": "news",
        "published_at": paris(2027, 1, 12, 9),
        "markets": ["electric", "industry"],
        "title": {
            "fr": "Appel à projets collaboratifs 2027 : les candidatures sont ouvertes",
            "en": "2027 collaborative project call: applications are open",
        },
        "excerpt": {
            "fr": """
                Entreprises, laboratoires et organismes de formation ont jusqu'au 31 mars pour
                proposer un projet d'innovation et solliciter le label du pôle.
            """,
            "en": """
                Companies, research labs and training bodies have until 31 March to put forward
                an innovation project and apply for the cluster's label.
            """,
        },
        "body": {
            "fr": """
                Le pôle ouvre son appel à projets collaboratifs 2027. Il s'adresse aux
                consortiums réunissant au moins une entreprise et un partenaire académique ou
                de formation, sur l'un des cinq marchés du pôle.

                Les candidats déposent d'abord une note d'intention de deux pages. Les chargés
                de mission les aident ensuite à compléter le consortium, à préciser le
                programme de travail et à choisir le financement le plus adapté.

                Les dossiers complets sont attendus le 31 mars ; le comité de labellisation
                rendra son avis en mai.
            """,
            "en": """
                The cluster opens its 2027 call for collaborative projects. It is aimed at
                consortia that bring together at least one company and one academic or training
                partner, in any of the cluster's five markets.

                Applicants first submit a two-page letter of intent. Project managers then help
                them complete the consortium, sharpen the work plan and choose the most suitable
                funding.

                Complete applications are due on 31 March; the labelling committee will give
                its opinion in May.
            """,
        },
    },
    # A draft, to show staff previews.
    {
        "slug": "bilan-2026",
        "kind": "news",
        "status": "draft",
        "published_at": paris(2026, 12, 17, 9),
        "markets": [],
        "title": {
            "fr": "Bilan 2026 : une année de projets, de formations et de rencontres",
            "en": "2026 in review: a year of projects, training and meetings",
        },
        "excerpt": {
            "fr": """
                Projets labellisés, sessions de formation, événements, nouveaux adhérents : les
                temps forts de l'année écoulée.
            """,
            "en": """
                Labelled projects, training sessions, events, new members: the highlights of
                the past year.
            """,
        },
        "body": {
            "fr": """
                L'année 2026 s'achève et le pôle dresse le bilan de son action auprès de ses
                adhérents.

                Côté innovation, de nouveaux projets collaboratifs ont été labellisés sur les
                cinq marchés du pôle. Côté performance industrielle, une nouvelle promotion
                PerfoEST a démarré au printemps.

                Les chiffres définitifs des formations et des événements seront ajoutés avant
                publication.
            """,
            "en": """
                As 2026 draws to a close, the cluster looks back on its work with its members.

                On innovation, new collaborative projects were labelled across the cluster's
                five markets. On industrial performance, a new PerfoEST group started in the
                spring.

                The final training and event figures will be added before publication.
            """,
        },
    },
]

KEY_FIGURES = [
    {
        "order": 1,
        "value": "2005",
        "label": {
            "fr": "année de labellisation comme pôle de compétitivité",
            "en": "year of recognition as a competitiveness cluster",
        },
    },
    {
        "order": 2,
        "value": "500+",
        "label": {
            "fr": "adhérents : entreprises, laboratoires et organismes de formation",
            "en": "members: companies, research labs and training bodies",
        },
    },
    {
        "order": 3,
        "value": "2",
        "label": {
            "fr": "régions : Bourgogne-Franche-Comté et Grand Est",
            "en": "regions: Bourgogne-Franche-Comté and Grand Est",
        },
    },
    {
        "order": 4,
        "value": "136",
        "label": {
            "fr": "projets collaboratifs financés en dix ans (bilan 2015)",
            "en": "funded collaborative projects in ten years (2015 review)",
        },
    },
]

HOME_BLOCKS = [
    {
        "order": 1,
        "link_url": "/roadmap/",
        "title": {"fr": "Innovation", "en": "Innovation"},
        "body": {
            "fr": """
                Faire émerger des projets collaboratifs entre entreprises, laboratoires et
                organismes de formation, les labelliser et les accompagner jusqu'au financement
                et aux résultats.
            """,
            "en": """
                Sparking collaborative projects between companies, research labs and training
                bodies, labelling them and supporting them through to funding and results.
            """,
        },
        "link_label": {"fr": "Découvrir la feuille de route", "en": "Explore the roadmap"},
    },
    {
        "order": 2,
        "link_url": "/markets/",
        "title": {"fr": "Performance industrielle", "en": "Industrial performance"},
        "body": {
            "fr": """
                Aider les usines à gagner en compétitivité avec le programme d'excellence
                industrielle PerfoEST, et les entreprises à se diversifier vers les marchés des
                nouvelles mobilités.
            """,
            "en": """
                Helping plants become more competitive with the PerfoEST industrial-excellence
                programme, and companies diversify into new mobility markets.
            """,
        },
        "link_label": {"fr": "Voir nos marchés", "en": "See our markets"},
    },
    {
        "order": 3,
        "link_url": "/about/",
        "title": {"fr": "Compétences", "en": "Skills"},
        "body": {
            "fr": """
                Former les équipes aux technologies et aux métiers de la mobilité de demain,
                avec une offre certifiée Qualiopi, en inter-entreprises ou à la carte.
            """,
            "en": """
                Training teams in the technologies and jobs of tomorrow's mobility, with
                Qualiopi-certified courses, open to several companies or tailor-made.
            """,
        },
        "link_label": {"fr": "En savoir plus sur le pôle", "en": "Learn more about the cluster"},
    },
    {
        "order": 4,
        "link_url": "/news/",
        "title": {"fr": "International", "en": "International"},
        "body": {
            "fr": """
                Ouvrir les adhérents aux partenariats et aux marchés étrangers, grâce au réseau
                européen des clusters automobiles (EACN) et aux partenaires du pôle en Allemagne
                et en Italie.
            """,
            "en": """
                Opening members up to partnerships and markets abroad, through the European
                Automotive Cluster Network (EACN) and the cluster's partners in Germany and
                Italy.
            """,
        },
        "link_label": {"fr": "Lire les actualités", "en": "Read the news"},
    },
]

GENERATED_SLUG = "veille-generee-{}"
GENERATED_DAY_ONE = paris(2024, 12, 31, 8)


def _text(model, name: str, text: str) -> str:
    """Dedent Markdown (text fields); collapse the whitespace of one-line fields."""
    if isinstance(model._meta.get_field(name), models.TextField):
        return cleandoc(text)
    return " ".join(text.split())


def _values(model, entry: dict) -> dict:
    """Field values of a demo entry, with each {"fr", "en"} pair spread on its columns."""
    values = {}
    for name, value in entry.items():
        if isinstance(value, dict):
            for language, text in value.items():
                values[f"{name}_{language}"] = _text(model, name, text)
        else:
            values[name] = value
    return values


def _upsert(model, key: str, entry: dict, **extra):
    """Create or update the row whose ``key`` field matches the entry's."""
    values = {**extra, **_values(model, entry)}
    obj, _created = model.objects.update_or_create(**{key: values.pop(key)}, defaults=values)
    return obj


def _generated_article(number: int, market: Market, author) -> Article:
    name_fr, name_en = market.name_fr, market.name_en
    return Article(
        slug=GENERATED_SLUG.format(number),
        kind=Article.Kind.FORESIGHT,
        status=Article.Status.PUBLISHED,
        published_at=GENERATED_DAY_ONE - timedelta(days=number),
        author=author,
        title_fr=f"Veille technologique n°{number}",
        title_en=f"Technology watch #{number}",
        excerpt_fr=f"Note de veille générée n°{number} : les signaux de la semaine ({name_fr}).",
        excerpt_en=f"Generated watch note #{number}: this week's signals ({name_en}).",
        body_fr=(
            f"Cette note de veille générée résume les signaux repérés sur le marché "
            f"« {name_fr} ».\n\n- Publications scientifiques et brevets\n"
            f"- Annonces des constructeurs et des équipementiers\n- Appels à projets ouverts"
        ),
        body_en=(
            f"This generated watch note sums up the signals spotted in the "
            f"“{name_en}” market.\n\n- Scientific papers and patents\n"
            f"- Announcements by carmakers and suppliers\n- Open calls for projects"
        ),
    )


def _load_generated_articles(count: int, markets: list[Market], author) -> int:
    """Add the missing generated articles in bulk, with their markets; return how many."""
    existing = set(
        Article.objects.filter(slug__startswith=GENERATED_SLUG.format("")).values_list(
            "slug", flat=True
        )
    )
    new = {
        number: _generated_article(number, markets[number % len(markets)], author)
        for number in range(1, count + 1)
        if GENERATED_SLUG.format(number) not in existing
    }
    Article.objects.bulk_create(new.values(), batch_size=500)
    through = Article.markets.through
    links = []
    for number, article in new.items():
        links.append(through(article_id=article.pk, market_id=markets[number % len(markets)].pk))
        if number % 3 == 0:  # every third note also concerns the next market
            second = markets[(number + 1) % len(markets)]
            links.append(through(article_id=article.pk, market_id=second.pk))
    through.objects.bulk_create(links, batch_size=1000, ignore_conflicts=True)
    return len(new)


def load(*, scale: int, log) -> None:
    published = {"status": "published", "published_at": LAUNCH_DATE}
    markets = {entry["theme"]: _upsert(Market, "theme", entry, **published) for entry in MARKETS}
    for entry in OBJECTIVES:
        entry = dict(entry)
        themes = entry.pop("markets")
        objective = _upsert(RoadmapObjective, "number", entry, **published)
        objective.markets.set([markets[theme] for theme in themes])
    for entry in PAGES:
        _upsert(Page, "slug", entry, **published)

    author = get_user_model().objects.filter(email=STAFF_EMAIL).first()
    for entry in ARTICLES:
        entry = dict(entry)
        themes = entry.pop("markets")
        article = _upsert(Article, "slug", entry, status="published", author=author)
        article.markets.set([markets[theme] for theme in themes])

    for entry in KEY_FIGURES:
        _upsert(KeyFigure, "order", entry, is_visible=True)
    for entry in HOME_BLOCKS:
        _upsert(HomeBlock, "order", entry, is_visible=True)

    generated = 0
    if scale > 0:
        ordered = sorted(markets.values(), key=lambda market: market.order)
        generated = _load_generated_articles(scale // 10, ordered, author)

    log(
        f"content: {len(MARKETS)} markets, {len(OBJECTIVES)} roadmap objectives, "
        f"{len(PAGES)} pages, {len(ARTICLES)} articles (1 scheduled, 1 draft), "
        f"{len(KEY_FIGURES)} key figures, {len(HOME_BLOCKS)} home blocks"
        + (f", {generated} new generated articles" if scale > 0 else "")
    )
