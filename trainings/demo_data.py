"""Texts of the demo training catalogue (French and English). Fictional offers: the
certification codes and certifying bodies marked "(démo)" do not exist.

A translated value is ``{"fr": ..., "en": ...}``; multi-line texts are dedented by the loader.
"""

# What every course shares: how to enrol, disability access, contacts.
ACCESS_METHODS = {
    "fr": """
        1. Choisissez une session et cliquez sur « Demander une place » : adhérents et
           non-adhérents peuvent faire la demande en ligne.
        2. Nous vous confirmons la place par e-mail sous deux jours ouvrés, avec la convention
           de formation à faire signer par l'employeur.
        3. Un questionnaire de positionnement est envoyé au participant dix jours avant la
           session pour adapter les exemples à son poste.
    """,
    "en": """
        1. Choose a session and click "Request a seat": members and non-members can apply
           online.
        2. We confirm the seat by email within two working days, with the training agreement
           for the employer to sign.
        3. The participant receives a short self-assessment ten days before the session, so
           that trainers can adapt the examples to their job.
    """,
}
DISABILITY_ACCESS = {
    "fr": """
        Nos salles d'Étupes et de Mulhouse sont de plain-pied et accessibles en fauteuil.
        Supports agrandis, pauses supplémentaires, sous-titrage des classes virtuelles,
        accompagnement par une personne de confiance : dites-nous ce dont vous avez besoin lors
        de la demande, notre référent handicap organise les adaptations avec vous.
    """,
    "en": """
        Our rooms in Étupes and Mulhouse are on the ground floor and wheelchair-accessible.
        Large-print handouts, extra breaks, captions in virtual classes, a trusted companion:
        tell us what you need when you apply, and our disability referent arranges the
        adjustments with you.
    """,
}
OUTCOME_ATTESTATION = {
    "fr": """
        Une attestation de fin de formation précisant les objectifs et le résultat de
        l'évaluation des acquis. Les participants repartent avec les supports et les outils
        utilisés pendant la formation.
    """,
    "en": """
        A certificate of completion stating the objectives and the result of the final
        assessment. Participants keep the handouts and tools used during the course.
    """,
}

# Teaching and evaluation methods, by format.
METHODS = {
    "in_person": {
        "teaching": {
            "fr": """
                Exposés courts illustrés de cas réels de la filière, exercices en petits
                groupes et travaux pratiques sur équipements. Un formateur pour douze
                participants au plus.
            """,
            "en": """
                Short talks illustrated with real cases from the industry, small-group
                exercises and hands-on work on equipment. One trainer for twelve participants
                at most.
            """,
        },
        "evaluation": {
            "fr": """
                Positionnement avant la session, quiz à la fin de chaque partie, mise en
                situation finale évaluée par le formateur. Questionnaire de satisfaction à
                chaud.
            """,
            "en": """
                Self-assessment before the session, a quiz after each part, a final practical
                case assessed by the trainer. Satisfaction questionnaire after the session.
            """,
        },
    },
    "remote": {
        "teaching": {
            "fr": """
                Classes virtuelles de trois heures et demie en petit groupe (dix personnes au
                plus), études de cas en sous-groupes, ressources en ligne entre les séances.
                Un test de connexion est proposé avant la première séance.
            """,
            "en": """
                Virtual classes of three and a half hours in small groups (ten people at
                most), case studies in breakout rooms, online resources between sessions. A
                connection test is offered before the first class.
            """,
        },
        "evaluation": {
            "fr": """
                Quiz en ligne à la fin de chaque séance, étude de cas finale présentée au
                groupe. Questionnaire de satisfaction après la dernière séance.
            """,
            "en": """
                Online quiz at the end of each class, final case study presented to the
                group. Satisfaction questionnaire after the last class.
            """,
        },
    },
    "blended": {
        "teaching": {
            "fr": """
                Modules en ligne à suivre à son rythme (environ trois heures), puis journées en
                présentiel consacrées aux exercices et aux échanges d'expérience. Un forum
                reste ouvert un mois après la session.
            """,
            "en": """
                Self-paced online modules (about three hours), then days in the room devoted
                to exercises and sharing experience. A forum stays open for one month after
                the session.
            """,
        },
        "evaluation": {
            "fr": """
                Quiz des modules en ligne, exercice de synthèse en présentiel corrigé par le
                formateur. Questionnaire de satisfaction en fin de session.
            """,
            "en": """
                Quizzes in the online modules, a final exercise in the room marked by the
                trainer. Satisfaction questionnaire at the end of the session.
            """,
        },
    },
}

PLACES = {
    "etupes": {
        "fr": "Étupes (Doubs), siège du pôle",
        "en": "Étupes (Doubs), the cluster's head office",
    },
    "mulhouse": {"fr": "Mulhouse (Haut-Rhin)", "en": "Mulhouse (Haut-Rhin)"},
    "remote": {"fr": "À distance, en classe virtuelle", "en": "Remote, in virtual classes"},
    "blended": {
        "fr": "En ligne, puis à Étupes (Doubs)",
        "en": "Online, then in Étupes (Doubs)",
    },
    "client": {"fr": "Dans votre entreprise", "en": "At your premises"},
}

VENUES = {
    "etupes": {
        "venue_fr": "Pôle Véhicule du Futur – salle Peugeot",
        "venue_en": "Vehicle of the Future cluster – Peugeot room",
        "address": "1 rue de la Démonstration",
        "postcode": "25460",
        "city": "Étupes",
    },  # noqa: E501
    "mulhouse": {
        "venue_fr": "Campus Fonderie – salle 2.14",
        "venue_en": "Fonderie campus – room 2.14",
        "address": "16 rue de la Fonderie",
        "postcode": "68100",
        "city": "Mulhouse",
    },  # noqa: E501
    "remote": {"venue_fr": "", "venue_en": "", "address": "", "postcode": "", "city": ""},
}

TRAININGS = [
    {
        "slug": "securite-batteries-vehicules-electriques",
        "theme": "safety",
        "markets": ["electric"],
        "format": "in_person",
        "place": "etupes",
        "venue": "etupes",
        "hours": 14,
        "days": 2,
        "prices": (890, 1190),
        "nsf": "255, 252",
        "formacode": "24054",
        "title": {
            "fr": "Sécurité des batteries de véhicules électriques",
            "en": "Battery safety for electric vehicles",
        },
        "summary": {
            "fr": "Identifier les risques électriques, chimiques et thermiques d'un pack de traction et intervenir en sécurité, du stockage à la réparation.",  # noqa: E501
            "en": "Recognise the electrical, chemical and thermal hazards of a traction pack and work on it safely, from storage to repair.",  # noqa: E501
        },
        "objectives": {
            "fr": """
                Identifier les risques d'un pack lithium-ion haute tension
                Appliquer les règles de consignation d'un véhicule électrique
                Stocker et transporter des batteries endommagées selon la réglementation
                Réagir face à un début d'emballement thermique
            """,
            "en": """
                Identify the hazards of a high-voltage lithium-ion pack
                Apply the lock-out rules of an electric vehicle
                Store and ship damaged batteries according to the regulations
                React to the first signs of thermal runaway
            """,
        },
        "prerequisites": {
            "fr": "Habilitation électrique B1/B2 en cours de validité, ou expérience équivalente en électrotechnique.",  # noqa: E501
            "en": "A valid B1/B2 electrical clearance, or equivalent experience in electrical engineering.",  # noqa: E501
        },
        "audience": {
            "fr": "Techniciens de maintenance, opérateurs de lignes d'assemblage batteries, responsables HSE.",  # noqa: E501
            "en": "Maintenance technicians, battery assembly line operators, health and safety managers.",  # noqa: E501
        },
        "programme": {
            "fr": """
                ## Jour 1 – Comprendre les risques
                - Architecture d'un pack : cellules, modules, BMS, refroidissement
                - Risques électriques, chimiques et thermiques ; retours d'expérience
                - Réglementation : transport ADR, stockage, déchets

                ## Jour 2 – Intervenir en sécurité
                - Consignation et vérification d'absence de tension sur véhicule école
                - Équipements de protection et outillage isolé
                - Conduite à tenir face à un départ de feu : exercice en situation
            """,
            "en": """
                ## Day 1 – Understanding the hazards
                - Architecture of a pack: cells, modules, BMS, cooling
                - Electrical, chemical and thermal hazards; lessons from incidents
                - Regulations: ADR transport, storage, waste

                ## Day 2 – Working safely
                - Lock-out and voltage-absence check on a training vehicle
                - Protective equipment and insulated tools
                - What to do when a fire starts: a hands-on drill
            """,
        },
    },
    {
        "slug": "conception-packs-batteries-lithium-ion",
        "theme": "technology",
        "markets": ["electric"],
        "format": "blended",
        "place": "blended",
        "venue": "etupes",
        "hours": 21,
        "days": 3,
        "prices": (1350, 1750),
        "nsf": "255, 200",
        "formacode": "24054",
        "title": {
            "fr": "Concevoir un pack batterie lithium-ion",
            "en": "Designing a lithium-ion battery pack",
        },
        "summary": {
            "fr": "Du choix de la cellule au dimensionnement thermique : les étapes de conception d'un pack pour véhicule, avec un cas fil rouge.",  # noqa: E501
            "en": "From choosing the cell to sizing the cooling: the design steps of a vehicle pack, followed through one running case.",  # noqa: E501
        },
        "objectives": {
            "fr": """
                Comparer les chimies et formats de cellules pour un usage donné
                Dimensionner un pack en énergie, puissance et tension
                Définir la stratégie de refroidissement et les fonctions du BMS
                Préparer le dossier de validation et d'homologation
            """,
            "en": """
                Compare cell chemistries and formats for a given use
                Size a pack for energy, power and voltage
                Choose the cooling strategy and the functions of the BMS
                Prepare the validation and type-approval file
            """,
        },
        "prerequisites": {
            "fr": "Bases d'électrotechnique (niveau bac+2) ; un ordinateur avec un tableur pour les modules en ligne.",  # noqa: E501
            "en": "Basic electrical engineering (two years of higher education); a computer with a spreadsheet for the online modules.",  # noqa: E501
        },
        "audience": {
            "fr": "Ingénieurs et techniciens de bureau d'études, chefs de projet produit.",
            "en": "Design engineers and technicians, product project managers.",
        },
        "programme": {
            "fr": """
                ## En ligne (3 h)
                - Principes électrochimiques, vieillissement, indicateurs de performance

                ## Présentiel, jour 1
                - Chimies NMC, LFP, sodium-ion : atouts et limites
                - Dimensionnement énergie / puissance sur le cas fil rouge

                ## Présentiel, jour 2
                - Thermique : refroidissement par air, liquide, immersion
                - BMS : équilibrage, estimation de l'état de charge, sûreté

                ## Présentiel, jour 3
                - Essais, normes (ECE R100, UN 38.3) et dossier d'homologation
            """,
            "en": """
                ## Online (3 h)
                - Electrochemistry basics, ageing, performance indicators

                ## In the room, day 1
                - NMC, LFP and sodium-ion chemistries: strengths and limits
                - Energy / power sizing on the running case

                ## In the room, day 2
                - Thermal design: air, liquid and immersion cooling
                - BMS: balancing, state-of-charge estimation, safety

                ## In the room, day 3
                - Tests, standards (ECE R100, UN 38.3) and the type-approval file
            """,
        },
    },
    {
        "slug": "bornes-de-recharge-installation-exploitation",
        "theme": "technology",
        "markets": ["electric", "services"],
        "format": "in_person",
        "place": "mulhouse",
        "venue": "mulhouse",
        "hours": 14,
        "days": 2,
        "prices": (790, 1050),
        "nsf": "255",
        "formacode": "24049",
        "title": {
            "fr": "Bornes de recharge : installer et exploiter un parc",
            "en": "Charge points: installing and running a network",
        },
        "summary": {
            "fr": "Choisir, raccorder et superviser des bornes de recharge pour flottes et parkings, en respectant les normes et l'interopérabilité.",  # noqa: E501
            "en": "Choose, connect and supervise charge points for fleets and car parks, in line with standards and interoperability.",  # noqa: E501
        },
        "objectives": {
            "fr": """
                Choisir les bornes adaptées aux usages d'un site
                Dimensionner le raccordement et le pilotage de la charge
                Superviser un parc avec le protocole OCPP
                Organiser la maintenance et le suivi de disponibilité
            """,
            "en": """
                Choose the charge points that fit a site's uses
                Size the grid connection and smart charging
                Supervise a network with the OCPP protocol
                Organise maintenance and availability monitoring
            """,
        },
        "prerequisites": {
            "fr": "Connaissances de base en installations électriques basse tension.",
            "en": "Basic knowledge of low-voltage electrical installations.",
        },
        "audience": {
            "fr": "Gestionnaires de flottes et de sites, techniciens d'installation, bureaux d'études électricité.",  # noqa: E501
            "en": "Fleet and site managers, installation technicians, electrical design offices.",  # noqa: E501
        },
        "programme": {
            "fr": """
                ## Jour 1 – Concevoir
                - Modes de charge, connecteurs, puissances et usages
                - Raccordement, protection, pilotage énergétique du site
                - Réglementation et qualification des installateurs

                ## Jour 2 – Exploiter
                - Supervision OCPP, roaming et paiement
                - Maintenance préventive, indicateurs de disponibilité
                - Atelier : plan de déploiement d'un parking d'entreprise
            """,
            "en": """
                ## Day 1 – Designing
                - Charging modes, connectors, power levels and uses
                - Grid connection, protection, site energy management
                - Regulations and installer qualifications

                ## Day 2 – Running
                - OCPP supervision, roaming and payment
                - Preventive maintenance, availability indicators
                - Workshop: rolling out charging in a company car park
            """,
        },
    },
    {
        "slug": "manipulation-hydrogene-en-securite",
        "theme": "safety",
        "markets": ["hydrogen"],
        "format": "in_person",
        "place": "etupes",
        "venue": "etupes",
        "hours": 7,
        "days": 1,
        "prices": (520, 690),
        "nsf": "344, 227",
        "formacode": "42866",
        "title": {
            "fr": "Manipuler l'hydrogène en sécurité",
            "en": "Handling hydrogen safely",
        },
        "summary": {
            "fr": "Les propriétés de l'hydrogène, les risques d'inflammation et de fuite, et les bons gestes autour d'une station ou d'un véhicule.",  # noqa: E501
            "en": "The properties of hydrogen, the risks of leaks and ignition, and the right moves around a refuelling station or a vehicle.",  # noqa: E501
        },
        "objectives": {
            "fr": """
                Expliquer les propriétés physiques de l'hydrogène et leurs conséquences
                Repérer les zones à risque d'une installation (ATEX)
                Appliquer les consignes d'intervention sur un véhicule à hydrogène
                Alerter et réagir en cas de fuite
            """,
            "en": """
                Explain the physical properties of hydrogen and what they imply
                Spot the hazardous areas of an installation (ATEX)
                Follow the instructions for working on a hydrogen vehicle
                Raise the alarm and react to a leak
            """,
        },
        "prerequisites": {"fr": "Aucun.", "en": "None."},
        "audience": {
            "fr": "Techniciens, conducteurs et personnels de sites accueillant des véhicules ou des stations hydrogène.",  # noqa: E501
            "en": "Technicians, drivers and staff of sites that host hydrogen vehicles or stations.",  # noqa: E501
        },
        "programme": {
            "fr": """
                ## Matin
                - L'hydrogène : production, stockage, usages dans la mobilité
                - Propriétés : diffusion, plage d'inflammabilité, fragilisation des métaux
                - Zonage ATEX et détection

                ## Après-midi
                - Véhicule à pile à combustible : réservoirs, sécurités, consignation
                - Station de distribution : procédures de remplissage
                - Exercice : détection et gestion d'une fuite simulée
            """,
            "en": """
                ## Morning
                - Hydrogen: production, storage, uses in mobility
                - Properties: diffusion, flammability range, metal embrittlement
                - ATEX zoning and detection

                ## Afternoon
                - Fuel-cell vehicle: tanks, safety devices, lock-out
                - Refuelling station: filling procedures
                - Drill: detecting and handling a simulated leak
            """,
        },
    },
    {
        "slug": "piles-a-combustible-fondamentaux",
        "theme": "technology",
        "markets": ["hydrogen"],
        "format": "remote",
        "place": "remote",
        "venue": "remote",
        "hours": 10.5,
        "days": 3,
        "prices": (690, 920),
        "nsf": "227, 200",
        "formacode": "42866",
        "title": {
            "fr": "Piles à combustible et réservoirs : les fondamentaux",
            "en": "Fuel cells and tanks: the fundamentals",
        },
        "summary": {
            "fr": "Comprendre le fonctionnement d'une chaîne de traction à hydrogène, ses composants et les filières industrielles qui s'y préparent.",  # noqa: E501
            "en": "Understand how a hydrogen powertrain works, its components and the industrial supply chains getting ready for it.",  # noqa: E501
        },
        "objectives": {
            "fr": """
                Décrire le principe d'une pile à combustible PEM
                Comparer les technologies de stockage embarqué
                Situer les coûts et la maturité des composants
                Identifier les opportunités pour un fournisseur de la filière
            """,
            "en": """
                Describe how a PEM fuel cell works
                Compare on-board storage technologies
                Place the components' cost and maturity
                Spot the opportunities for a supplier of the industry
            """,
        },
        "prerequisites": {
            "fr": "Culture technique générale ; un ordinateur avec micro et connexion stable.",
            "en": "General technical background; a computer with a microphone and a stable connection.",  # noqa: E501
        },
        "audience": {
            "fr": "Ingénieurs, acheteurs, chargés d'affaires et dirigeants de PME de la filière.",
            "en": "Engineers, buyers, sales engineers and managers of supplier SMEs.",
        },
        "programme": {
            "fr": """
                ## Classe virtuelle 1
                - Chaîne de traction hydrogène : pile, batterie tampon, électronique
                ## Classe virtuelle 2
                - Stockage 350 et 700 bars, matériaux composites, normes
                ## Classe virtuelle 3
                - Marchés, coûts, chaîne de valeur et projets du territoire
            """,
            "en": """
                ## Virtual class 1
                - The hydrogen powertrain: fuel cell, buffer battery, electronics
                ## Virtual class 2
                - 350 and 700 bar storage, composite materials, standards
                ## Virtual class 3
                - Markets, costs, value chain and projects in the region
            """,
        },
    },
    {
        "slug": "securite-fonctionnelle-iso-26262-bases",
        "theme": "safety",
        "markets": ["autonomous"],
        "format": "blended",
        "place": "blended",
        "venue": "etupes",
        "hours": 17.5,
        "days": 2.5,
        "prices": (1290, 1690),
        "nsf": "255, 326",
        "formacode": "31054",
        "title": {
            "fr": "Sécurité fonctionnelle ISO 26262 : les bases",
            "en": "Functional safety ISO 26262: the basics",
        },
        "summary": {
            "fr": "Le cycle de sécurité de la norme ISO 26262 appliqué à un système électronique embarqué : analyse de risques, niveaux ASIL, exigences.",  # noqa: E501
            "en": "The ISO 26262 safety lifecycle applied to an embedded electronic system: hazard analysis, ASIL levels, requirements.",  # noqa: E501
        },
        "objectives": {
            "fr": """
                Situer les exigences de l'ISO 26262 dans un projet automobile
                Mener une analyse de risques et déterminer un niveau ASIL
                Rédiger des objectifs et exigences de sécurité
                Préparer les éléments du dossier de sécurité
            """,
            "en": """
                Place the requirements of ISO 26262 in a vehicle project
                Carry out a hazard analysis and determine an ASIL
                Write safety goals and safety requirements
                Prepare the items of the safety case
            """,
        },
        "prerequisites": {
            "fr": "Expérience du développement de systèmes électroniques ou logiciels embarqués.",
            "en": "Experience in developing embedded electronic or software systems.",
        },
        "audience": {
            "fr": "Ingénieurs systèmes, logiciel et qualité de constructeurs et équipementiers.",
            "en": "System, software and quality engineers of carmakers and suppliers.",
        },
        "programme": {
            "fr": """
                ## En ligne (3 h 30)
                - Vocabulaire et structure de la norme, cycle de vie de sécurité

                ## Présentiel, jour 1
                - Définition de l'item, analyse de risques (HARA), niveaux ASIL
                - Concept de sécurité fonctionnelle : atelier sur un lève-vitre

                ## Présentiel, jour 2
                - Exigences techniques, matériel et logiciel, décomposition d'ASIL
                - Vérification, validation et dossier de sécurité
            """,
            "en": """
                ## Online (3.5 h)
                - Vocabulary and structure of the standard, the safety lifecycle

                ## In the room, day 1
                - Item definition, hazard analysis (HARA), ASIL levels
                - Functional safety concept: a workshop on a power window

                ## In the room, day 2
                - Technical, hardware and software requirements, ASIL decomposition
                - Verification, validation and the safety case
            """,
        },
    },
    {
        "slug": "cybersecurite-automobile-iso-21434",
        "theme": "digital",
        "markets": ["autonomous"],
        "format": "remote",
        "place": "remote",
        "venue": "remote",
        "hours": 14,
        "days": 4,
        "prices": (1100, 1450),
        "nsf": "326",
        "formacode": "31006",
        "title": {
            "fr": "Cybersécurité automobile : ISO/SAE 21434 et R155",
            "en": "Automotive cybersecurity: ISO/SAE 21434 and R155",
        },
        "summary": {
            "fr": "Intégrer la cybersécurité dans le cycle de développement d'un véhicule connecté et répondre aux exigences d'homologation.",  # noqa: E501
            "en": "Build cybersecurity into the development of a connected vehicle and meet the type-approval requirements.",  # noqa: E501
        },
        "objectives": {
            "fr": """
                Expliquer les exigences du règlement R155 et de la norme ISO/SAE 21434
                Conduire une analyse de menaces (TARA)
                Définir des exigences de cybersécurité pour un calculateur
                Organiser la veille et la réponse aux vulnérabilités
            """,
            "en": """
                Explain the requirements of regulation R155 and ISO/SAE 21434
                Carry out a threat analysis (TARA)
                Define cybersecurity requirements for an ECU
                Organise vulnerability monitoring and response
            """,
        },
        "prerequisites": {
            "fr": "Connaissance des architectures électroniques embarquées.",
            "en": "Knowledge of vehicle electronic architectures.",
        },
        "audience": {
            "fr": "Ingénieurs systèmes et logiciel, responsables homologation et qualité.",
            "en": "System and software engineers, type-approval and quality managers.",
        },
        "programme": {
            "fr": """
                ## Séances 1 et 2
                - Menaces sur le véhicule connecté, cadre réglementaire R155/R156
                - Processus ISO/SAE 21434 et système de management
                ## Séances 3 et 4
                - Analyse TARA sur une passerelle télématique
                - Exigences, tests d'intrusion, surveillance en vie série
            """,
            "en": """
                ## Classes 1 and 2
                - Threats to the connected vehicle, the R155/R156 framework
                - ISO/SAE 21434 processes and the management system
                ## Classes 3 and 4
                - A TARA on a telematics gateway
                - Requirements, penetration tests, monitoring in series life
            """,
        },
    },
    {
        "slug": "capteurs-et-aides-a-la-conduite",
        "theme": "technology",
        "markets": ["autonomous"],
        "format": "in_person",
        "place": "mulhouse",
        "venue": "mulhouse",
        "hours": 14,
        "days": 2,
        "prices": (950, 1250),
        "nsf": "255",
        "formacode": "24366",
        "title": {
            "fr": "Capteurs et aides à la conduite (ADAS)",
            "en": "Sensors and driver assistance (ADAS)",
        },
        "summary": {
            "fr": "Caméras, radars, lidars : comment ils perçoivent la route, comment on les calibre et comment on valide les fonctions d'aide à la conduite.",  # noqa: E501
            "en": "Cameras, radars, lidars: how they perceive the road, how they are calibrated and how driver-assistance functions are validated.",  # noqa: E501
        },
        "objectives": {
            "fr": """
                Décrire le fonctionnement et les limites de chaque capteur
                Expliquer la fusion de données et la perception
                Réaliser un calibrage de caméra et de radar
                Situer les méthodes de validation par simulation et sur piste
            """,
            "en": """
                Describe how each sensor works and its limits
                Explain data fusion and perception
                Calibrate a camera and a radar
                Place validation by simulation and on test tracks
            """,
        },
        "prerequisites": {
            "fr": "Bases d'électronique automobile.",
            "en": "Basic automotive electronics.",
        },
        "audience": {
            "fr": "Techniciens d'atelier et d'essais, ingénieurs d'intégration.",
            "en": "Workshop and test technicians, integration engineers.",
        },
        "programme": {
            "fr": """
                ## Jour 1
                - Niveaux d'automatisation, fonctions ADAS du marché
                - Caméra, radar, lidar, ultrasons : principes et limites
                ## Jour 2
                - Calibrage statique et dynamique sur véhicule
                - Validation : scénarios, simulation, essais sur piste
            """,
            "en": """
                ## Day 1
                - Levels of automation, ADAS functions on the market
                - Camera, radar, lidar, ultrasound: principles and limits
                ## Day 2
                - Static and dynamic calibration on a vehicle
                - Validation: scenarios, simulation, track tests
            """,
        },
    },
    {
        "slug": "lean-manufacturing-fondamentaux",
        "theme": "performance",
        "markets": ["industry"],
        "format": "in_person",
        "place": "etupes",
        "venue": "etupes",
        "hours": 21,
        "days": 3,
        "prices": (1190, 1590),
        "nsf": "200, 310",
        "formacode": "32062",
        "certifying": {
            "title": {
                "fr": "Animer l'amélioration continue en production (certification démo)",
                "en": "Leading continuous improvement in production (demo certification)",
            },
            "code": "RS9901",
            "body": "Certif'Industrie Est (démo)",
            "blocks": {
                "fr": """
                    Diagnostiquer les pertes d'un flux de production
                    Animer un chantier d'amélioration avec une équipe
                    Pérenniser les standards et suivre les indicateurs
                """,
                "en": """
                    Diagnose the losses of a production flow
                    Lead an improvement workshop with a team
                    Sustain standards and follow the indicators
                """,
            },
        },
        "title": {
            "fr": "Lean manufacturing : les fondamentaux",
            "en": "Lean manufacturing: the fundamentals",
        },
        "summary": {
            "fr": "Cartographier un flux, chasser les gaspillages et animer un chantier d'amélioration, avec une journée sur une ligne d'un adhérent.",  # noqa: E501
            "en": "Map a flow, hunt waste and lead an improvement workshop, with one day on a member's production line.",  # noqa: E501
        },
        "objectives": {
            "fr": """
                Cartographier un flux de valeur (VSM)
                Identifier les sept gaspillages sur le terrain
                Mettre en œuvre les outils 5S, SMED et standard de travail
                Animer un chantier d'amélioration et mesurer ses résultats
            """,
            "en": """
                Map a value stream (VSM)
                Identify the seven wastes on the shop floor
                Use the 5S, SMED and standard work tools
                Lead an improvement workshop and measure its results
            """,
        },
        "prerequisites": {
            "fr": "Une expérience de la production industrielle.",
            "en": "Experience of industrial production.",
        },
        "audience": {
            "fr": "Chefs d'équipe, techniciens méthodes, responsables de production.",
            "en": "Team leaders, process technicians, production managers.",
        },
        "outcome": {
            "fr": """
                La certification « Animer l'amélioration continue en production » après une
                évaluation sur un chantier réel, et une attestation de fin de formation.
            """,
            "en": """
                The certification "Leading continuous improvement in production" after an
                assessment on a real workshop, and a certificate of completion.
            """,
        },
        "programme": {
            "fr": """
                ## Jour 1 – Voir les pertes
                - Principes du lean, flux tiré, valeur ajoutée
                - Cartographie VSM d'un flux réel
                ## Jour 2 – Agir
                - 5S, SMED, standard de travail, management visuel
                - Journée terrain sur la ligne d'un adhérent
                ## Jour 3 – Pérenniser
                - Animation d'équipe, indicateurs, résolution de problèmes
                - Évaluation de certification
            """,
            "en": """
                ## Day 1 – Seeing the losses
                - Lean principles, pull flow, added value
                - VSM of a real flow
                ## Day 2 – Acting
                - 5S, SMED, standard work, visual management
                - A day on a member's production line
                ## Day 3 – Sustaining
                - Leading the team, indicators, problem solving
                - Certification assessment
            """,
        },
    },
    {
        "slug": "maintenance-4-0-donnees-de-production",
        "theme": "digital",
        "markets": ["industry"],
        "format": "blended",
        "place": "blended",
        "venue": "etupes",
        "hours": 28,
        "days": 4,
        "prices": (1490, 1950),
        "nsf": "250, 326",
        "formacode": "31795",
        "certifying": {
            "title": {
                "fr": "Bloc « Maintenance conditionnelle » du titre Technicien de maintenance industrielle (démo)",  # noqa: E501
                "en": "“Condition-based maintenance” block of the Industrial maintenance technician title (demo)",  # noqa: E501
            },
            "code": "RNCP99902",
            "body": "Académie des métiers de l'industrie (démo)",
            "blocks": {
                "fr": """
                    Mettre en place la collecte de données sur un équipement
                    Analyser les données pour anticiper les défaillances
                """,
                "en": """
                    Set up data collection on a piece of equipment
                    Analyse data to anticipate failures
                """,
            },
        },
        "title": {
            "fr": "Maintenance 4.0 : exploiter les données de production",
            "en": "Maintenance 4.0: using production data",
        },
        "summary": {
            "fr": "Capteurs, supervision et analyse de données pour passer d'une maintenance corrective à une maintenance conditionnelle et prédictive.",  # noqa: E501
            "en": "Sensors, supervision and data analysis to move from corrective to condition-based and predictive maintenance.",  # noqa: E501
        },
        "objectives": {
            "fr": """
                Choisir les capteurs et données utiles à la surveillance d'un équipement
                Mettre en place un tableau de bord de maintenance
                Détecter les dérives avec des méthodes statistiques simples
                Construire un plan de maintenance conditionnelle
            """,
            "en": """
                Choose the sensors and data that matter to monitor equipment
                Set up a maintenance dashboard
                Detect drifts with simple statistical methods
                Build a condition-based maintenance plan
            """,
        },
        "prerequisites": {
            "fr": "Expérience en maintenance industrielle ; usage courant d'un tableur.",
            "en": "Experience in industrial maintenance; everyday use of a spreadsheet.",
        },
        "audience": {
            "fr": "Techniciens et responsables de maintenance, ingénieurs méthodes.",
            "en": "Maintenance technicians and managers, process engineers.",
        },
        "outcome": {
            "fr": """
                La validation du bloc de compétences « Maintenance conditionnelle » après
                évaluation d'un projet, et une attestation de fin de formation.
            """,
            "en": """
                The validation of the "Condition-based maintenance" skill block after a
                project assessment, and a certificate of completion.
            """,
        },
        "programme": {
            "fr": """
                ## En ligne
                - Stratégies de maintenance, indicateurs TRS, MTBF, MTTR
                ## Présentiel
                - Capteurs vibratoires, thermiques, électriques ; acquisition
                - Supervision et tableaux de bord
                - Analyse de tendances et détection d'anomalies
                - Projet : plan de maintenance conditionnelle d'une presse
            """,
            "en": """
                ## Online
                - Maintenance strategies, OEE, MTBF and MTTR indicators
                ## In the room
                - Vibration, thermal and electrical sensors; data acquisition
                - Supervision and dashboards
                - Trend analysis and anomaly detection
                - Project: a condition-based maintenance plan for a press
            """,
        },
    },
    {
        "slug": "concevoir-offre-mobilite-servicielle",
        "theme": "management",
        "markets": ["services"],
        "format": "remote",
        "place": "remote",
        "venue": "remote",
        "hours": 7,
        "days": 2,
        "prices": (490, 650),
        "nsf": "310",
        "formacode": "32654",
        "title": {
            "fr": "Concevoir une offre de mobilité servicielle (MaaS)",
            "en": "Designing a mobility-as-a-service offer (MaaS)",
        },
        "summary": {
            "fr": "Partage, autopartage, transport à la demande : construire une offre de service de mobilité et son modèle économique.",  # noqa: E501
            "en": "Sharing, car clubs, on-demand transport: build a mobility service offer and its business model.",  # noqa: E501
        },
        "objectives": {
            "fr": """
                Analyser les besoins de mobilité d'un territoire ou d'une entreprise
                Choisir les briques de service et les partenaires
                Construire le modèle économique d'une offre
            """,
            "en": """
                Analyse the mobility needs of an area or a company
                Choose the service building blocks and partners
                Build the business model of an offer
            """,
        },
        "prerequisites": {"fr": "Aucun.", "en": "None."},
        "audience": {
            "fr": "Porteurs de projet, responsables mobilité d'entreprises et de collectivités.",
            "en": "Project leaders, mobility managers of companies and local authorities.",
        },
        "programme": {
            "fr": """
                ## Séance 1
                - Panorama des services de mobilité, données et plateformes MaaS
                ## Séance 2
                - Atelier : canevas de modèle économique d'une offre pour une zone d'activité
            """,
            "en": """
                ## Class 1
                - Overview of mobility services, data and MaaS platforms
                ## Class 2
                - Workshop: business model canvas of an offer for a business park
            """,
        },
    },
    {
        "slug": "eco-conception-analyse-cycle-de-vie",
        "theme": "management",
        "markets": ["industry", "electric"],
        "format": "in_person",
        "place": "client",
        "venue": None,
        "hours": 14,
        "days": 2,
        "prices": None,
        "nsf": "200, 343",
        "formacode": "12522",
        "title": {
            "fr": "Éco-conception et analyse de cycle de vie d'un composant",
            "en": "Eco-design and life-cycle assessment of a component",
        },
        "summary": {
            "fr": "Formation intra-entreprise : mesurer l'empreinte environnementale de vos pièces et réduire leur impact dès la conception.",  # noqa: E501
            "en": "In-company training: measure the environmental footprint of your parts and reduce it from the design stage.",  # noqa: E501
        },
        "objectives": {
            "fr": """
                Réaliser une analyse de cycle de vie simplifiée d'un composant
                Interpréter les indicateurs environnementaux
                Proposer des pistes d'éco-conception chiffrées
            """,
            "en": """
                Carry out a simplified life-cycle assessment of a component
                Interpret environmental indicators
                Suggest costed eco-design improvements
            """,
        },
        "prerequisites": {
            "fr": "Connaissance des produits et procédés de l'entreprise.",
            "en": "Knowledge of the company's products and processes.",
        },
        "audience": {
            "fr": "Équipes de conception, achats et qualité d'une même entreprise (4 à 10 personnes).",  # noqa: E501
            "en": "Design, purchasing and quality teams of one company (4 to 10 people).",
        },
        "programme": {
            "fr": """
                ## Jour 1
                - Enjeux réglementaires et attentes des constructeurs
                - Méthode ACV : périmètre, inventaire, indicateurs
                ## Jour 2
                - ACV d'une pièce de l'entreprise avec un outil simplifié
                - Leviers d'éco-conception : matière, procédé, fin de vie
            """,
            "en": """
                ## Day 1
                - Regulations and what carmakers expect
                - LCA method: scope, inventory, indicators
                ## Day 2
                - LCA of one of the company's parts with a simplified tool
                - Eco-design levers: material, process, end of life
            """,
        },
    },
]

# Fictional participants of the demo sessions (people without an account).
PEOPLE = [
    ("Inès", "Esquisse", "Technicienne de maintenance"),
    ("Thomas", "Calque", "Ingénieur bureau d'études"),
    ("Sofia", "Canevas", "Responsable HSE"),
    ("Julien", "Balise", "Chef d'équipe"),
    ("Claire", "Repère", "Ingénieure systèmes"),
    ("Mehdi", "Gabarit", "Technicien d'essais"),
    ("Laura", "Ébauche", "Acheteuse"),
    ("Nicolas", "Croquis", "Responsable de production"),
    ("Emma", "Témoin", "Chargée d'affaires"),
    ("Hugo", "Virtuel", "Technicien méthodes"),
    ("Camille", "Factice", "Ingénieure qualité"),
    ("Antoine", "Simulé", "Responsable maintenance"),
]
COMPANIES = [
    "Mécatronic Doubs (démo)",
    "Fonderie du Sundgau (démo)",
    "Hydro'Vosges Énergie (démo)",
    "Électro-Jura Systèmes (démo)",
    "Transports Champenois (démo)",
]
COMMENTS = [
    {"fr": "Très concret, les exercices collent à notre quotidien.", "en": "Very practical."},
    {"fr": "Bon rythme, formateur disponible.", "en": "Good pace."},
    {"fr": "J'aurais aimé plus de temps sur la partie pratique.", "en": "More practice wanted."},
    {"fr": "", "en": ""},
]
