# annals : l'interface en français.

## Le cadre de chaque page

skip = Aller au contenu
site-search = Chercher sur le site
search-label = Chercher des événements
search-placeholder = Événements, lieux, personnes
search-button = Chercher
nav-explore = Explorer
nav-timeline = Frise
nav-map = Carte
nav-new-event = Nouvel événement
nav-review = Relecture
signed-in-as = Connecté : { $name } ({ $role })
sign-out = Se déconnecter
sign-out-who = Se déconnecter ({ $name })
sign-in = Se connecter
footer-about = annals, un moteur d'événements historiques
footer-api = API
footer-dates = les dates comme les historiens les écrivent, EDTF dans les données
footer-language = Langue
open-in-annals = Ouvrir dans annals

## Erreurs et pages vides

error-bad-request = Cette requête n'a pas pu être lue
error-not-found = Introuvable
error-busy = Le serveur est occupé
error-too-many = Trop de requêtes
error-other = Une erreur s'est produite
error-try-again = Veuillez réessayer dans un instant.
retry-region = Chercher à nouveau
retry-label = Chercher parmi les événements
retry-examples = Par exemple :
retry-treaty = traité
retry-bc = les batailles avant notre ère
retry-or = ou
retry-timeline = toute la frise
no-page = Il n'y a pas de page ici
no-page-lede = L'adresse est peut-être mal saisie, ou la page a été déplacée.
no-event = Cet événement n'existe pas
no-event-short = Événement introuvable
no-event-lede = Aucun événement n'a l'identifiant
no-event-perhaps = Peut-être l'un des événements trouvés en
no-event-searching = cherchant « { $words } »
no-story = Ce récit n'existe pas
no-story-short = Récit introuvable
no-story-lede = Aucun récit n'a l'identifiant
query-error = Cette recherche n'a pas pu être lue
query-error-short = Recherche incomprise
query-error-where = À quel endroit de la requête
query-error-combine = Mots, "expressions", -exclusions, OR et filtres se combinent, comme dans
query-error-docs = Tout le langage est décrit dans docs/query.md.
# Ce qui ne va pas dans une requête (annals_query::Problem), après « Cette recherche n'a pas pu être lue ».
# $found est l'un des mots query-found-* ; $open, $first : la position d'un caractère dans la requête.
query-found-open = '('
query-found-close = ')'
query-found-or = OR
query-found-minus = '-'
query-found-word = un mot
query-found-phrase = une expression
query-found-filter = un filtre
query-found-sort = sort:
query-found-end = la fin de la requête
query-too-long = La requête fait { $bytes } octets ; elle ne doit pas en dépasser { $max }.
query-too-many-clauses = Trop de clauses : une requête peut contenir au plus { $max } mots, expressions et filtres.
query-too-deep = Parenthèses trop imbriquées : { $max } niveaux au plus.
query-no-open = Parenthèse ')' inattendue : il n'y a pas de '(' à fermer.
query-unexpected = Inattendu à cet endroit : { $found }.
query-unclosed = Il manque une ')' pour fermer la '(' en position { $open }.
query-empty-parentheses = Parenthèses vides : il faut un mot, une expression, un filtre ou une '(' entre la '(' en position { $open } et cette ')'.
query-nothing-before-or = Il faut un mot, une expression, un filtre ou une '(' avant OR.
query-expected = Il faut un mot, une expression, un filtre ou une '(', et non { $found }.
query-expected-after-open = Il faut un mot, une expression, un filtre ou une '(' après '(', et non { $found }.
query-expected-after-or = Il faut un mot, une expression, un filtre ou une '(' après OR, et non { $found }.
query-expected-after-minus = Il faut un mot, une expression, un filtre ou une '(' après '-', et non { $found }.
query-or-after-or = Il faut un mot, une expression, un filtre ou une '(' après OR, et non un autre OR.
query-minus-after-minus = Il faut un mot, une expression, un filtre ou une '(' après '-', et non un autre '-'.
query-or-after-minus = Il faut un mot, une expression, un filtre ou une '(' après '-', et non OR (pour exclure le mot, écrivez -"OR").
query-space-after-minus = Il faut un mot, une expression, un filtre ou une '(' juste après '-' (écrivez -mot pour exclure un mot).
query-sort-in-or = sort: s'applique à toute la requête et ne peut donc pas être l'un des côtés d'un OR ; placez-le à l'extérieur, par exemple (a OR b) sort:date.
query-sort-excluded = sort: s'applique à toute la requête et ne peut donc pas être exclu avec '-'.
query-second-sort = Une requête ne peut contenir qu'un seul sort: (le premier est en position { $first }).
query-unterminated-phrase = Expression non fermée : il manque un '"' pour fermer le '"' en position { $open }.
query-unterminated-value = Valeur entre guillemets non fermée : il manque un '"' pour fermer le '"' en position { $open }.
query-empty-phrase = Expression vide : il faut des mots entre les guillemets.
query-empty-value = Valeur vide : il faut quelque chose entre les guillemets après '{ $key }:'.
query-missing-value = Il faut une valeur après '{ $key }:'.
query-missing-value-any = Il faut une valeur après '{ $key }:' ; pour accepter une valeur parmi plusieurs, écrivez (…) OR (…), par exemple ({ $name }:a OR { $name }:b).
query-unknown-sort = Tri « { $value } » inconnu : il faut relevance, date (les plus anciens d'abord) ou -date (les plus récents d'abord).
query-reversed-range = Intervalle de dates inversé : « { $from } » commence après la fin de « { $to } » ; écrivez d'abord la date la plus ancienne.
query-no-day = La date « { $value } » ne désigne aucun jour : une extrémité est ouverte et l'autre inconnue.
# $problem : ce que dit le lecteur de dates, en anglais.
query-date = Impossible de lire cette date : { $problem }
query-date-quote = Impossible de lire cette date : { $problem } (une date seule est lue en EDTF ; pour la lire comme du texte écrit, mettez-la entre guillemets : { $quote })
# $coordinate est l'un des mots query-coordinate-*.
query-coordinate-latitude = latitude
query-coordinate-longitude = longitude
query-coordinate-south = latitude sud
query-coordinate-west = longitude ouest
query-coordinate-north = latitude nord
query-coordinate-east = longitude est
query-not-degrees = Il faut une { $coordinate } en degrés décimaux, comme 35.68, et non « { $found } ».
query-degrees-range = La { $coordinate } { $value } est hors limites : elle doit être comprise entre -{ $limit } et { $limit }.
query-near-form = Il faut near:LATITUDE,LONGITUDE,RAYON, comme near:35.68,139.69,300km, et non « { $found } ».
query-radius-form = Il faut un rayon avec une unité (km, m ou mi), comme 300km, 500m ou 20mi, et non « { $found } ».
query-radius-range = Le rayon { $value } est hors limites : il doit être supérieur à 0 et ne pas dépasser { $max } km.
query-bbox-form = Il faut bbox:SUD,OUEST,NORD,EST en degrés, comme bbox:24,122,46,146, et non « { $found } ».
query-south-of-north = La latitude sud { $south } est au nord de la latitude nord { $north }.

## La page d'un événement

facts = En bref
fact-date = Date
fact-duration = Durée
fact-places = { $n ->
    [one] Lieu
   *[other] Lieux
}
fact-participants = Participants
fact-kind = Type
fact-tags = Mots-clés
days = { $n ->
    [one] { $n-shown } jour
   *[other] { $n-shown } jours
}
months = { $n-shown } mois
years = { $n ->
    [one] { $n-shown } an
   *[other] { $n-shown } ans
}
on-world-map = { $place } sur une carte du monde
this-record = Cette fiche
edit = Modifier
history = Historique
earlier-and-later = Événements antérieurs et postérieurs
earlier = Avant
later = Après
narrative = Récit
key-points = Points clés
how-it-connects = Liens avec d'autres événements
see-also = Voir aussi
rel-part-of = Fait partie de
rel-has-part = Ses parties
rel-precedes = Suivi de
rel-follows = Fait suite à
rel-causes = A conduit à
rel-caused-by = Causé par
rel-related = Événements liés
why-participants = aussi avec { $names }
why-place = aussi à { $place }
why-text = une histoire semblable
why-time = à peu près à la même époque
sources = Sources
source-accessed = Consulté le { $date }
source-licence = Licence : { $licence }
on-the-timeline = Sur la frise
on-the-map = Sur la carte
cite = Citer cet événement
cite-text = Texte
cite-plain = « { $title } » ({ $date }). Dans annals. Consulté le { $accessed }, sur { $url }
before-and-after = Événements avant et après dans le temps
media = Images et enregistrements
media-see = Voir l'image
media-listen = Écouter
media-watch = Regarder
embed = Intégrer à votre site
embed-copy = Copiez ceci dans votre page :

## Types d'événements

kind-battle = bataille
kind-siege = siège
kind-treaty = traité
kind-peace = traité de paix
kind-assassination = assassinat
kind-coronation = couronnement
kind-founding = fondation
kind-fall = chute d'un État ou d'une ville
kind-sack = sac d'une ville
kind-eruption = éruption volcanique
kind-earthquake = séisme
kind-launch = lancement
kind-landing = débarquement
kind-election = élection
kind-revolution = révolution
kind-war = guerre
kind-declaration = déclaration
kind-discovery = découverte
kind-invention = invention
kind-publication = publication
kind-construction = construction
kind-unification = unification
kind-conquest = conquête
kind-council = concile
kind-congress = congrès
kind-conference = conférence
kind-massacre = massacre
kind-rebellion = rébellion
kind-uprising = soulèvement
kind-crisis = crise
kind-expedition = expédition
kind-voyage = voyage
kind-formation = formation
kind-extinction = extinction

## La page d'accueil

home-title = Événements historiques
home-description = Une base de connaissances d'événements historiques : recherche, frise chronologique des temps géologiques à nos jours, et carte.
home-lede = { $n ->
    [one] { $n-shown } événement historique
   *[other] { $n-shown } événements historiques
}, de la formation de la Terre à nos jours. Cherchez-les par mots, dates, lieux et personnes en une seule requête.
home-search-region = Chercher parmi tous les événements
home-placeholder = traité, Napoléon, country:France, date:1900..1950
home-try = Essayez
stories = Récits
stops = { $n ->
    [one] { $n-shown } étape
   *[other] { $n-shown } étapes
}
all-stories = Tous les récits
recently-changed = Modifiés récemment
on-this-day = Un { $date } dans l'histoire
nothing-today = Rien n'est encore enregistré à cette date.
browse-era = Par époque
browse-region = Par région
all-on-map = Tous sur la carte
events = { $n ->
    [one] { $n-shown } événement
   *[other] { $n-shown } événements
}
era-deep-time = Les temps géologiques
era-prehistory = La préhistoire et les premières villes
era-ancient = L'Antiquité
era-middle-ages = Le Moyen Âge
era-early-modern = L'époque moderne
era-19th-century = Le XIXe siècle
era-20th-century = Le XXe siècle
era-21st-century = Le XXIe siècle

## Recherche

search-title = Recherche
search-title-q = Recherche : { $q }
search-description = Événements historiques correspondant à { $q }, avec où ils correspondent et quand ils ont eu lieu.
matches = { $n ->
    [one] { $n-shown } événement correspond
   *[other] { $n-shown } événements correspondent
}
refine = Affiner la recherche
order = Ordre
best-first = les plus pertinents d'abord
oldest-first = les plus anciens d'abord
newest-first = les plus récents d'abord
from = Du
from-example = 500 av. J.-C.
to = au
apply = Appliquer
active-filters = Filtres de cette recherche
remove-filter = Retirer le filtre { $filter }
did-you-mean = Vouliez-vous dire
matched = Trouvé par { $field } :
field-participant = participant
field-place = lieu
field-tag = mot-clé
more-results = Plus de résultats
timeline-of-these = Ces événements sur la frise
map-of-these = Ces événements sur la carte
narrow = Affiner la recherche
estimated = Nombres estimés sur un échantillon des résultats.
facet-country = Pays
facet-participant = Personnes et États
facet-tag = Mots-clés
facet-century = Siècles
about = environ { $n-shown }
no-match = Aucun événement ne correspond à
no-match-this = cette recherche
no-match-remove = Retirez le filtre
no-match-widen = Élargissez la période, ou
no-match-all-dates = cherchez à toutes les dates
no-match-words = Utilisez moins de mots, ou d'autres : les mots sont reconnus avec leurs terminaisons (treaties trouve treaty) et une faute de frappe ou deux.
no-match-phrase = Essayez une expression entre guillemets, ou OR entre des variantes :

## Périodes et frise

unit-day = jour
unit-month = mois
unit-year = année
unit-decade = décennie
unit-century = siècle
unit-millennium = millénaire
unit-years = { $n-shown } ans
unit-million-years = { $n ->
    [one] million d'années
   *[other] { $n-shown } millions d'années
}
unit-billion-years = { $n ->
    [one] milliard d'années
   *[other] { $n-shown } milliards d'années
}
period-to = { $a } à { $b }
matches-over-time = Résultats dans le temps, par { $unit }
matches-by = résultats par { $unit }
events-by = { $n ->
    [one] { $n-shown } événement
   *[other] { $n-shown } événements
}, par { $unit }.
timeline-description = Des événements historiques sur une frise, des temps géologiques à nos jours.
tl-interactive = Frise interactive
tl-controls = Commandes de la frise
zoom-out = Dézoomer
zoom-in = Zoomer
pan-earlier = Plus tôt
pan-later = Plus tard
show-all = Montrer tous les événements
everything = Tout
lanes = Couloirs
colours = Couleurs
colours-automatic = Automatiques
lanes-none = Aucun
lanes-tag = Mot-clé
lanes-country = Pays
lanes-participant = Participant
tl-keys = Frise : + et − zooment, les flèches déplacent, Tab passe aux événements
legend = Légende
tl-help = Faites défiler ou pincez pour zoomer, glissez pour vous déplacer ; touches + − ← →. La bande du haut montre toute la période : cliquez ou glissez pour vous y déplacer. Pointez un événement pour voir ses liens ; cliquez pour l'ouvrir.
tl-map = Carte des événements de cette période
map-of-window = Carte de cette période
download-window = Télécharger cette période en figure :
period = Période
events-heading = Événements
most-important = Les plus importants

## La carte

map-description = Des événements historiques sur une carte du monde, nommés par lieu.
map-all-time = Toutes les époques
map-deep-time = temps géologiques
map-antiquity = Antiquité
map-middle-ages = Moyen Âge
map-early-modern = 1500–1800
map-19th-century = XIXe siècle
map-20th-century = XXe siècle
map-since-2000 = Depuis 2000
map-matching = correspondant à { $q }
map-from-to = de { $from } à { $to }
map-the-first = la première date
map-the-last = la dernière date
map-in-view = dans cette vue
map-located = { $n ->
    [one] { $n-shown } événement localisé
   *[other] { $n-shown } événements localisés
}
map-deep = { $n ->
    [one] Dont { $n-shown } des temps géologiques (avant 10 000 av. J.-C.), dessiné en creux : les côtes d'aujourd'hui ne sont pas les siennes.
   *[other] Dont { $n-shown } des temps géologiques (avant 10 000 av. J.-C.), dessinés en creux : les côtes d'aujourd'hui ne sont pas les leurs.
}
map-around = autour de { $place }
map-came-from = l'événement d'où vous venez
map-best-known = Les plus connus ici
map-showing = Voici
map-showing-at = à { $place }, en bleu.
map-controls = Commandes de la carte
pan-west = Vers l'ouest
pan-north = Vers le nord
pan-south = Vers le sud
pan-east = Vers l'est
whole-world = Le monde entier
world = Monde
map-keys = Carte : + et − zooment, les flèches déplacent, Tab passe aux événements
world-map = Carte du monde des événements
map-an-event = un événement
map-near = des événements proches les uns des autres : zoomez
map-periods = Époques
map-when = Quand :
map-form = Événements sur la carte
map-from-example = 1800, 44 av. J.-C., 66 Ma
map-to = Au
map-show = Afficher
search-results = Résultats de recherche
download-view = Télécharger cette vue en figure :

## Lieux et participants

place-description = Les événements à { $name }, dans le temps et sur une carte.
participant-description = Les événements auxquels { $name } a pris part, dans le temps.
kind-place = Lieu
kind-participant = Participant
events-in = { $n ->
    [one] { $n-shown } événement
   *[other] { $n-shown } événements
}, { $period }.
events-from-to = { $n ->
    [one] { $n-shown } événement
   *[other] { $n-shown } événements
}, de { $from } à { $to }.
no-events-here = Aucun événement n'est encore enregistré ici.
search-within = Chercher parmi ces événements
roles = Rôles
who-took-part = Qui y a pris part
took-part-with = A pris part avec
events-in-time = Les événements dans le temps
later-events = Événements suivants

## Les mots des scripts

js-months-short = janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.
js-bc = { $y } av. J.-C.
js-ad = { $y } apr. J.-C.
js-decimal = ,
js-ago = il y a { $x }
js-your-periods = Vos périodes
js-period-name = Nom
js-from-year = De l'année
js-to-year = À l'année
js-add-period = Ajouter la période
js-year-example = Une année comme 1914, -43 ou 66 Ma
js-remove-period = Retirer la période { $name }
js-remove = Retirer
js-timeline-failed = La frise n'a pas pu être chargée : { $error }
js-events-one = { $n } événement
js-events-other = { $n } événements
js-other = Autres
js-other-values = autres
js-more-here = { $n } événements de plus ici : cliquez pour zoomer
js-colours-by = Couleurs par { $by } :
js-by-tag = mot-clé
js-by-country = pays
js-by-participant = participant
js-key-span = une durée (bords estompés : approximatifs)
js-key-dot = un événement ; petits points : pas de place pour le nom
js-key-more = d'autres événements : cliquez pour zoomer
js-key-relations = liens de { $title } ({ $kinds })
js-key-point = Pointez ou sélectionnez un événement pour voir ses liens
js-empty-window = Aucun événement dans cette période. La bande ci-dessous montre où ils sont.
js-nearest-earlier = ← Événements antérieurs les plus proches
js-nearest-later = Événements postérieurs les plus proches →
js-map-view-failed = Les événements de cette vue n'ont pas pu être chargés : { $error }
js-map-here = { $n } événements ici : zoomez
js-map-events = { $n } événements : { $titles }
js-map-sample = un échantillon de 5000 événements localisés
js-map-located-one = { $n } événement localisé
js-map-located-other = { $n } événements localisés
js-map-in-window = dans cette période
js-map-failed = Les événements n'ont pas pu être chargés : { $error }
js-map-controls = Commandes de la carte
js-map-zoom-out = Dézoomer la carte
js-map-zoom-in = Zoomer la carte
js-whole-world = Le monde entier
js-world = Monde
js-map-of-window = Carte des événements de la période de la frise : + et − zooment, les flèches déplacent

## Récits

stories-lede = Des visites guidées à travers les événements, une étape à la fois.
stories-none = Pas encore de récit. Un éditeur en écrit un dans un fichier JSON et l'enregistre avec
stories-or-api = ou l'API
story-in-stops = { $n ->
    [one] Un récit en { $n-shown } étape
   *[other] Un récit en { $n-shown } étapes
}
story-by = par { $author }
story-stops = Étapes
story-timeline-frame = La frise à cette étape
story-map-frame = La carte à cette étape
story-stop-of = Étape { $i } sur { $n }
story-beginning = le commencement
story-today = aujourd'hui
story-event-gone = L'événement de cette étape n'est plus dans annals.
story-read-about = Lire sur : { $title }
js-story-previous = Précédente
js-story-next = Suivante
js-story-where = Étape { $i } sur { $n }

## Le profil d'un lieu ou d'un participant, et la connexion

profile-about = À propos
profile-from = Début
profile-to = Fin
profile-first-recorded = Première mention
profile-until = Jusqu'à
profile-also-called = Aussi appelé
profile-describe = Décrire
signin-already = Vous êtes connecté en tant que
signin-name = Nom
signin-password = Mot de passe
signin-accounts = Les comptes sont créés par un administrateur
signin-reading = La lecture ne demande aucun compte.
signin-description = Connectez-vous pour modifier des événements, voir qui a changé quoi et examiner les doublons.
signin-too-many = Trop de tentatives : attendez une minute, puis réessayez.
signin-no-match = Ce nom et ce mot de passe ne correspondent à aucun compte.

## Les textes d'un événement dans une autre langue que la page

text-in = Ce texte est en { $language }.
language-en = anglais
language-fr = français
language-de = allemand
language-es = espagnol

## L'historique d'un événement

history-before = avant que les historiques soient tenus
history-unknown = inconnu
history-deleted = Cet événement a été supprimé :
history-kept = Son historique est conservé :
history-every = toutes les versions
history-last-before = la dernière version avant sa suppression
history-restore = Rétablir cet événement
history-reading-current = Vous lisez la version actuelle de cet événement, par
history-reading-old = Vous lisez une ancienne version de cet événement, par
history-now = L'événement tel qu'il est aujourd'hui
history-its = son historique
history-put-back-this = Rétablir cette version
history-deleted-here = Supprimé dans cette version
history-did-not-exist = Dans cette version, l'événement n'existait pas.
history-deleted-title = Supprimé
history-of = Historique de
history-revisions = { $n ->
    [one] { $n-shown } version
   *[other] { $n-shown } versions
}, de la plus récente à la plus ancienne. Choisissez-en deux à comparer.
history-revisions-caption = Versions
history-from = De
history-to = À
history-revision = Version
history-who = Qui, quand, pourquoi
history-actions = Actions
history-deleted-tag = supprimé
history-put-back = Rétablir
history-put-back-n = Rétablir la version { $g }
history-compare = Comparer
history-a-to-b = Version { $a } → version { $b }
history-restored = La version { $a } est une suppression ; la version { $b } a rétabli l'événement.
history-no-revision = Cet événement n'a pas de version { $g }.

## L'éditeur d'événements (éditeurs connectés)

edit-new-title = Nouvel événement
edit-editing = Modifier « { $title } »
edit-editing-short = Modification
edit-nothing-saved = { $n ->
    [one] Rien n'a été enregistré : { $n-shown } champ est à revoir.
   *[other] Rien n'a été enregistré : { $n-shown } champs sont à revoir.
}
edit-id = Identifiant
edit-id-help = Laissez vide pour en former un à partir du titre et de l'année (battle-of-hastings-1066).
edit-title = Titre
edit-title-help = Court : un nom, pas une phrase.
edit-date = Date
edit-date-help = Comme vous l'écririez : 15 mars 44 av. J.-C. ; vers 1000 ; 1914–1918 ; printemps 1943 ; il y a 66 millions d'années.
edit-calendar = Calendrier
edit-calendar-auto = Julien avant le 15 octobre 1582
edit-calendar-julian = Julien
edit-calendar-gregorian = Grégorien
edit-summary = Résumé
edit-summary-help = Un paragraphe : ce qui s'est passé, où, qui.
edit-body = Récit
edit-body-help = Des paragraphes, séparés par une ligne vide.
edit-places = Lieux
edit-places-help = Un par ligne : Hastings, United Kingdom — les coordonnées des lieux connus sont trouvées d'elles-mêmes, sinon indiquez-les : Battle, United Kingdom @ 50.91, 0.49
edit-participants = Participants
edit-participants-help = Un par ligne, avec si vous le souhaitez un rôle entre parenthèses : Harold Godwinson (roi d'Angleterre)
edit-key-points = Points clés
edit-key-points-help = Un par ligne : un intitulé, deux-points, puis le point.
edit-sources = Sources
edit-sources-help = Une par ligne : un nom et l'adresse entre chevrons, ou simplement l'adresse.
edit-related = Événements liés
edit-related-help = Un par ligne : l'identifiant d'un événement et, entre parenthèses, son lien avec celui-ci : norse-landfall-in-vinland-1000 (related). Liens : related (lié), precedes (précède), follows (suit), part_of (fait partie de), has_part (comprend), causes (entraîne), caused_by (causé par).
edit-tags = Mots-clés
edit-tags-help = Séparés par des virgules.
edit-media = Images et enregistrements
edit-media-help = Un par ligne : l'adresse, puis ' | ' et, devant chaque partie, son mot-clé : https://example.org/tapestry.jpg | alt Des cavaliers chargent un mur de boucliers | caption La Tapisserie de Bayeux | credit Musée de la Tapisserie de Bayeux | licence CC-BY-SA-4.0 | source https://example.org/tapestry. Une image demande son texte alt (ce qu'elle montre) ; ajoutez kind audio ou kind video pour un enregistrement ou un film. La première image ouvre la page.
edit-importance = Importance
edit-importance-help = Un nombre positif ou nul (vide : calculée).
edit-lang = Langue des textes
edit-lang-help = La langue dans laquelle sont écrits le titre, le résumé et le récit : en, fr, de, es… (vide : non précisée).
edit-translations = Dans d'autres langues
edit-translations-help = Un bloc par langue : la langue et le titre sur la première ligne (fr: Bataille d'Hastings), puis le résumé et les paragraphes du récit, chacun après une ligne vide. Les lecteurs de cette langue liront ces textes à la place.
edit-change = Ce que vous avez modifié
edit-change-help = Quelques mots pour l'historique.
edit-save = Enregistrer
edit-cancel = Annuler
edit-problem-title = donnez un titre à l'événement
edit-problem-date = donnez une date, comme vous l'écririez : 15 mars 44 av. J.-C. ; vers 1000 ; 1914–1918
edit-problem-lang = il faut une étiquette de langue, comme en, fr ou de-CH
edit-problem-importance = il faut un nombre positif ou nul
edit-problem-id-taken = il existe déjà un événement d'identifiant { $id } : ouvrez-le pour le modifier, ou donnez à celui-ci un autre identifiant
edit-gone = aucun événement n'a l'identifiant { $id } (supprimé entre-temps ?)
edit-delete = Supprimer cet événement
edit-delete-note = Il disparaît aussitôt des pages et de la recherche ; son historique est conservé, et l'événement peut être rétabli depuis celui-ci.
edit-delete-why = Pourquoi
edit-delete-button = Supprimer
edit-conflict-title = Conflit de modification
edit-conflict-heading = Quelqu'un a enregistré cet événement pendant que vous le modifiiez
edit-conflict-lede = Voici en quoi votre version diffère de celle enregistrée à présent. Rien de ce que vous avez écrit n'est perdu : le formulaire ci-dessous contient votre version. Reprenez ce que vous voulez garder, puis enregistrez à nouveau ; l'enregistrement remplace l'autre version (qui reste dans l'historique).
edit-conflict-theirs = Enregistrée à présent
edit-conflict-yours = La vôtre

## Deux versions d'un événement comparées champ par champ (conflit de modification, historique)

diff-none = Aucun champ ne diffère.
diff-caption = Champs modifiés : { $before } et { $after }
diff-field = Champ
diff-lines = Lignes
diff-revision = version { $g }
diff-id = identifiant
diff-title = titre
diff-date = date
diff-summary = résumé
diff-body = récit
diff-key-points = points clés
diff-places = lieux
diff-participants = participants
diff-sources = sources
diff-related = événements liés
diff-tags = mots-clés
diff-importance = importance
diff-media = images et enregistrements
diff-lang = langue
diff-translations = traductions

## Modifier le profil d'un lieu ou d'un participant, et son historique

profile-edit-title = À propos de { $name }
profile-nothing-saved = Rien n'a été enregistré : { $problem }
profile-description = Description
profile-description-help = Quelques phrases : qui ou ce que c'est.
profile-from-help-participant = La naissance de la personne, ou la fondation de l'État ou de l'institution : 15 août 1769 ; 27 av. J.-C. ; vers 1000.
profile-to-help-participant = Sa mort, ou sa fin.
profile-from-help-place = Sa fondation ou sa première mention : 753 av. J.-C. ; vers 3500 av. J.-C.
profile-to-help-place = Sa destruction ou son abandon, le cas échéant.
profile-media = Images
profile-media-help = Une par ligne, comme pour un événement : https://example.org/portrait.jpg | alt Un homme en habit rouge | credit National Gallery | licence CC-BY-4.0. La première image ouvre la page.
profile-aliases = Autres noms
profile-aliases-help = Un par ligne : une recherche sur l'un d'eux trouve les événements de celui-ci (USA, United States of America).
profile-wikidata = Élément Wikidata
profile-wikidata-help = Son identifiant, par exemple Q517.
profile-geonames = Identifiant GeoNames
profile-geonames-help = Son numéro, par exemple 2988507.
profile-problem-geonames = il faut un numéro GeoNames, comme 2988507, et non { $value }
profile-same-participant = Le même participant que
profile-same-place = Le même lieu que
profile-merge-help = Fusionner { $name } avec un autre nom : il devient l'un de ses autres noms, et cette page mène à celui-ci.
profile-merge = Fusionner
profile-back-to = Retour à { $name }
profile-history-none = Rien n'a encore été écrit sur { $name } : sa page montre ses événements.
profile-history-removed = Supprimé (fusionné avec un autre nom, ou vidé).
stories-more = Autres récits

## L'examen des doublons (relecteurs)

review-title = Doublons à examiner
review-none = Aucune paire n'attend d'examen. Les imports et les nouveaux événements proposent les paires qui semblent être un même événement enregistré deux fois ; `annals duplicates --scan` repasse tout en revue.
review-pairs = { $n ->
    [one] { $n-shown } paire d'événements semble être un même événement enregistré deux fois. Comparez-en les deux fiches, puis fusionnez-les ou indiquez qu'il s'agit de deux événements distincts.
   *[other] { $n-shown } paires d'événements semblent être chacune un même événement enregistré deux fois, les plus probables d'abord. Comparez chaque paire, puis fusionnez-la ou indiquez qu'il s'agit de deux événements distincts.
}
review-caption = Paires proposées comme doublons
review-likeness = Ressemblance
review-one = Une fiche
review-other = L'autre
review-why = Pourquoi
review-action = Action
review-compare = Comparer
review-compare-pair = Comparer { $a } et { $b }
review-pair-title = Un événement ou deux ?
review-pair-lede = Comparez { $a } et { $b }. La fusion garde un seul identifiant et les sources et liens des deux fiches ; l'autre adresse redirige vers l'événement gardé, et les événements qui renvoyaient à l'autre renvoient désormais à celui-ci.
review-which-id = Identifiant conservé
review-table-caption = Les deux fiches, champ par champ, et la valeur que prend l'événement fusionné
review-field = Champ
review-first = Première : { $id }
review-second = Seconde : { $id }
review-keep = Garder
review-keep-field = { $field } : garder
review-pick-first = la première
review-pick-second = la seconde
review-pick-both = les deux
review-same = identique
review-empty = (vide)
review-sources-relations = Sources, liens
review-sources = { $n ->
    [one] { $n-shown } source
   *[other] { $n-shown } sources
}
review-relations = { $n ->
    [one] { $n-shown } lien
   *[other] { $n-shown } liens
}
review-both-always = les deux, toujours
review-why-label = Pourquoi (pour l'historique)
review-why-placeholder = même bataille, enregistrée deux fois
review-merge = Fusionner
review-distinct = Deux événements distincts, finalement ?
review-keep-both = Garder les deux
review-distinct-note = Cette paire ne sera plus proposée.
review-needs-role = l'examen des doublons demande le rôle reviewer ; { $name } a le rôle { $role }
review-self = un événement n'est pas le doublon de lui-même

## Les mots du script de l'éditeur (edit.js) : { $name } reste pour le script

js-edit-not-a-date = pas une date qu'annals sait lire
js-edit-not-read = Date non reconnue : { $why }
js-edit-reads-as = Comprise comme { $date }
js-edit-reading = (EDTF { $edtf }, { $calendar })
js-edit-reading-range = (EDTF { $edtf }, { $calendar } ; entre { $earliest } et { $latest })
js-edit-julian = julien
js-edit-gregorian = grégorien
js-edit-suggestions = Suggestions
js-edit-map-label = Les lieux sur une carte du monde. Cliquez pour donner ses coordonnées au lieu de la ligne où se trouve le curseur.
js-edit-map-pins = Épingles : les lieux qui ont des coordonnées. Cliquez sur la carte pour déplacer le lieu de la ligne du curseur.
js-edit-map-none = Les lieux sont localisés d'après le répertoire géographique à l'enregistrement ; cliquez sur la carte pour donner ses coordonnées au lieu de la ligne du curseur.
js-edit-unnamed-place = Lieu sans nom
js-edit-upload = Ajouter une image depuis cet ordinateur (JPEG, PNG ou WebP)
js-edit-sending = Envoi de { $file }…
js-edit-refused = { $file } : { $why }
js-edit-not-kept = image non conservée
js-edit-kept = { $file } conservée ({ $width }×{ $height }). Indiquez après alt ce qu'elle montre, puis son auteur et sa licence.
js-edit-unreachable = { $file } : le serveur n'a pas pu être joint

## Les lignes fautives des listes de l'éditeur ($line : le numéro de la ligne), et une date illisible

line-medium-kind = ligne { $line } : kind « { $value } » : il faut image, audio ou video
line-medium-part = ligne { $line } : « { $value } » : après ' | ', il faut kind, alt, caption, credit, licence ou source
line-medium = ligne { $line } : { $problem }
line-coordinates = ligne { $line } : « { $value } » après @ : il faut une latitude et une longitude en degrés (50.91, 0.49)
line-key-point = ligne { $line } : il faut un intitulé, deux-points, puis le point (« Trois prétendants : … »)
line-relation-id = ligne { $line } : « { $value } » : il faut l'identifiant d'un événement (battle-of-hastings-1066), puis son lien entre parenthèses
line-translation-title = ligne { $line } : { $value } : donnez le titre après les deux-points
line-translation-head = ligne { $line } : il faut d'abord une langue et un titre, comme fr: Bataille d'Hastings
date-unrecognised = « { $value } » n'est pas une date qu'annals sait lire : écrivez-la comme « 19 janvier 1960 », « 44 av. J.-C. », « années 1960 », « il y a 66 millions d'années », ou en EDTF
# Ce qui ne va pas dans un événement envoyé par l'éditeur (annals_core::ModelError), à côté de son champ.
model-empty-title = Donnez un titre à l'événement.
model-empty-place = Un lieu doit avoir un nom.
model-empty-participant = Un participant doit avoir un nom.
model-empty-source = Une source doit avoir un nom.
model-empty-key-point = Un point clé doit avoir un intitulé.
model-empty-translation = Un texte dans une autre langue doit avoir un titre.
model-empty-date = Indiquez une date.
# $problem : ce que dit le lecteur de dates, en anglais.
model-date = Cette date ne peut pas être lue : { $problem }
model-bad-id = L'identifiant « { $value } » n'est pas valide : utilisez de 1 à 200 lettres, chiffres, '.', '_' ou '-'.
model-bad-kind = Le lien « { $value } » n'est pas valide : utilisez des lettres minuscules et '_'.
model-bad-importance = L'importance { $value } n'est pas valide : utilisez un nombre positif ou nul.
model-bad-coordinates = Le lieu « { $value } » doit avoir à la fois une latitude (-90 à 90) et une longitude (-180 à 180).
model-self-relation = L'événement « { $value } » ne peut pas être lié à lui-même.
model-bad-lang = « { $value } » n'est pas une étiquette de langue comme « fr » ou « de-CH ».
model-second-text = La langue « { $value } » est indiquée deux fois (ou c'est déjà la langue de l'événement).
# Pourquoi l'image envoyée depuis l'éditeur a été refusée ($size, $limit, $width, $height : des nombres).
media-too-large = Le fichier fait { $size } octets ; { $limit } au plus sont acceptés.
media-too-many-pixels = L'image fait { $width }×{ $height } pixels ; { $limit } pixels au plus sont acceptés.
# $what : ce qu'est le fichier à la place, en anglais (« a PDF document »).
media-unsupported = Il faut une image JPEG, PNG ou WebP ; ce fichier : { $what }.
# $format : JPEG, PNG ou WebP ; $problem : ce que dit le décodeur, en anglais.
media-broken = Ce fichier { $format } ne se lit pas comme une image : { $problem }
# Pourquoi deux fiches sont proposées comme un même événement enregistré deux fois.
reason-same-date = même date
reason-overlapping-dates = dates qui se chevauchent
reason-titles-alike = titres proches ({ $percent } %)
reason-summaries-alike = résumés proches ({ $percent } %)
reason-same-place = même lieu : { $name }
reason-shared-participants = participants communs : { $names }
