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
sign-out-who = Déconnecter { $name }
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
