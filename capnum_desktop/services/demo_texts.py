"""French text banks for demo interviews (invented; any resemblance to real residents is chance)."""

OPENINGS = [
    "Alors, pour être honnête,",
    "Au début, je dois dire que",
    "Franchement,",
    "Ce qui a changé pour moi, c’est que",
    "Chez nous,",
    "Depuis que je suis arrivée dans le quartier,",
    "Ma fille me dit toujours que",
    "Je me débrouille, mais",
    "Quand j’étais au pays,",
    "À la maison,",
]

BODIES = [
    "j’utilise surtout le téléphone pour WhatsApp et pour appeler la famille à l’étranger",
    "on partage un seul ordinateur pour toute la famille, et c’est souvent les enfants qui l’ont",
    "je n’ai plus de données vers le 20 du mois, alors je vais au centre social pour le wifi",
    "pour la CAF, j’ai demandé à la médiatrice de m’aider, parce que le site change tout le temps",
    "j’ai appris avec des tutos sur YouTube, petit à petit, sans que personne ne m’explique",
    "j’ai eu peur après un faux SMS de l’Assurance maladie, depuis je ne clique plus sur rien",
    "mon fils m’a créé un compte Ameli, mais je n’ai jamais retenu le mot de passe",
    "je fais mes démarches sur le téléphone, l’écran est petit mais je n’ai pas le choix",
    "pour chercher du travail, je regarde Indeed et les groupes Facebook du quartier",
    "l’école envoie tout sur Pronote, et moi je ne comprends pas toujours les messages",
    "je préfère aller au guichet, au moins il y a quelqu’un qui vous répond en face",
    "la box coûte trop cher, alors on fait un partage de connexion avec mon téléphone",
    "les jeunes du quartier m’aident quand je bloque, on se connaît tous ici",
    "je regarde les vidéos en arabe et en français, ça dépend de ce que je cherche",
    "ma carte SIM est prépayée, je recharge quand je peux, dix euros par-ci par-là",
]

ENDINGS = [
    "C’est comme ça.",
    "Voilà, c’est un peu compliqué.",
    "Mais je progresse, je crois.",
    "J’aimerais bien faire une formation, s’il y en avait une près d’ici.",
    "Ça me stresse un peu, je vous avoue.",
    "On fait avec les moyens du bord.",
    "Heureusement qu’il y a l’entraide.",
    "",
]

NOTES = [
    "Rires quand elle parle de son premier téléphone.",
    "Hésite longtemps avant de répondre.",
    "Montre son téléphone : écran fissuré, batterie faible.",
    "À relancer sur la question du mot de passe partagé.",
    "Parle de sa sœur au Mali, appels vidéo chaque dimanche.",
    "Très à l’aise, explique les démarches en détail.",
    "« Internet, c’est comme l’eau : quand ça coupe, tout s’arrête. »",
    "« Le papier, au moins, on peut le garder dans un tiroir. »",
    "Interruption : un enfant entre dans la pièce.",
    "Proposer un atelier de la médiathèque.",
]

PLACES = [
    "centre social",
    "médiathèque",
    "domicile",
    "café associatif",
    "local de l’association",
    "maison de quartier",
]

INTERVIEWERS = ["Samia Benali", "Julien Marchand", "Awa Diallo", "Thomas Leroy", "Inès Moreau"]

FIRST_NAMES = [
    "Karim",
    "Fatoumata",
    "Nadia",
    "Mamadou",
    "Sylvie",
    "Yasmine",
    "Jean-Marc",
    "Aïcha",
    "Kévin",
    "Chloé",
    "Mehdi",
    "Hélène",
    "Souleymane",
    "Léa",
    "Rachid",
    "Josiane",
    "Bintou",
    "Loïc",
    "Amira",
    "Dylan",
]
LAST_NAMES = [
    "Traoré",
    "Martin",
    "Haddad",
    "Nguyen",
    "Dupont",
    "Benkhelifa",
    "Lefèvre",
    "Camara",
    "Rousseau",
    "Ouédraogo",
    "Girard",
    "Mendy",
    "Bernard",
    "Said",
    "Petit",
]
STREETS = [
    "rue Jean-Jaurès",
    "allée des Tilleuls",
    "avenue de la République",
    "rue Paul-Vaillant-Couturier",
    "chemin des Vignes",
    "place du Marché",
    "rue Victor-Hugo",
    "boulevard Gagarine",
]
