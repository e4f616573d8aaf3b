# annals: la interfaz en español.

## El marco de cada página

skip = Saltar al contenido
site-search = Buscar en el sitio
search-label = Buscar acontecimientos
search-placeholder = Acontecimientos, lugares, personas
search-button = Buscar
nav-explore = Explorar
nav-timeline = Cronología
nav-map = Mapa
nav-new-event = Nuevo acontecimiento
nav-review = Revisión
signed-in-as = Sesión de { $name } ({ $role })
sign-out = Cerrar sesión
sign-out-who = Cerrar la sesión de { $name }
sign-in = Iniciar sesión
footer-about = annals, un motor de acontecimientos históricos
footer-api = API
footer-dates = fechas como las escriben los historiadores, EDTF en los datos
footer-language = Idioma
open-in-annals = Abrir en annals

## Errores y páginas vacías

error-bad-request = No se pudo leer esa solicitud
error-not-found = No encontrado
error-busy = El servidor está ocupado
error-too-many = Demasiadas solicitudes
error-other = Algo salió mal
error-try-again = Vuelva a intentarlo en un momento.
retry-region = Buscar de nuevo
retry-label = Buscar entre los acontecimientos
retry-examples = Por ejemplo:
retry-treaty = tratado
retry-bc = batallas antes de nuestra era
retry-or = o
retry-timeline = toda la cronología
no-page = Aquí no hay ninguna página
no-page-lede = Puede que la dirección esté mal escrita o que la página se haya movido.
no-event = Ese acontecimiento no existe
no-event-short = Acontecimiento no encontrado
no-event-lede = Ningún acontecimiento tiene el identificador
no-event-perhaps = Quizá uno de los acontecimientos que se encuentran
no-event-searching = buscando «{ $words }»
no-story = Ese relato no existe
no-story-short = Relato no encontrado
no-story-lede = Ningún relato tiene el identificador
query-error = No se pudo leer esa búsqueda
query-error-short = Búsqueda no entendida
query-error-where = Dónde está en la consulta
query-error-combine = Palabras, "frases", -exclusiones, OR y filtros se combinan, como en
query-error-docs = Todo el lenguaje está en docs/query.md.

## La página de un acontecimiento

facts = Datos
fact-date = Fecha
fact-duration = Duración
fact-places = { $n ->
    [one] Lugar
   *[other] Lugares
}
fact-participants = Participantes
fact-kind = Tipo
fact-tags = Etiquetas
days = { $n ->
    [one] { $n-shown } día
   *[other] { $n-shown } días
}
months = { $n ->
    [one] { $n-shown } mes
   *[other] { $n-shown } meses
}
years = { $n ->
    [one] { $n-shown } año
   *[other] { $n-shown } años
}
on-world-map = { $place } en un mapa del mundo
this-record = Esta ficha
edit = Editar
history = Historial
earlier-and-later = Acontecimientos anteriores y posteriores
earlier = Antes
later = Después
narrative = Relato
key-points = Puntos clave
how-it-connects = Cómo se relaciona
see-also = Véase también
rel-part-of = Forma parte de
rel-has-part = Sus partes
rel-precedes = Seguido de
rel-follows = Siguió a
rel-causes = Condujo a
rel-caused-by = Causado por
rel-related = Acontecimientos relacionados
why-participants = también con { $names }
why-place = también en { $place }
why-text = una historia parecida
why-time = más o menos en la misma época
sources = Fuentes
source-accessed = Consultado el { $date }
source-licence = Licencia: { $licence }
on-the-timeline = En la cronología
on-the-map = En el mapa
cite = Citar este acontecimiento
cite-text = Texto
cite-plain = «{ $title }» ({ $date }). En annals. Consultado el { $accessed }, en { $url }
before-and-after = Acontecimientos antes y después en el tiempo
media = Imágenes y grabaciones
media-see = Ver la imagen
media-listen = Escuchar
media-watch = Ver
embed = Insertar en su sitio
embed-copy = Copie esto en su página:

## Tipos de acontecimiento

kind-battle = batalla
kind-siege = asedio
kind-treaty = tratado
kind-peace = tratado de paz
kind-assassination = asesinato
kind-coronation = coronación
kind-founding = fundación
kind-fall = caída de un Estado o una ciudad
kind-sack = saqueo de una ciudad
kind-eruption = erupción volcánica
kind-earthquake = terremoto
kind-launch = lanzamiento
kind-landing = desembarco
kind-election = elección
kind-revolution = revolución
kind-war = guerra
kind-declaration = declaración
kind-discovery = descubrimiento
kind-invention = invención
kind-publication = publicación
kind-construction = construcción
kind-unification = unificación
kind-conquest = conquista
kind-council = concilio
kind-congress = congreso
kind-conference = conferencia
kind-massacre = masacre
kind-rebellion = rebelión
kind-uprising = levantamiento
kind-crisis = crisis
kind-expedition = expedición
kind-voyage = viaje
kind-formation = formación
kind-extinction = extinción

## La portada

home-title = Acontecimientos históricos
home-description = Una base de conocimiento de acontecimientos históricos: búsqueda, una cronología desde el tiempo profundo hasta hoy y un mapa.
home-lede = { $n ->
    [one] { $n-shown } acontecimiento histórico
   *[other] { $n-shown } acontecimientos históricos
}, desde la formación de la Tierra hasta hoy. Búsquelos por palabras, fechas, lugares y personas en una sola consulta.
home-search-region = Buscar en todos los acontecimientos
home-placeholder = tratado, Napoleón, country:España, date:1900..1950
home-try = Pruebe
stories = Relatos
stops = { $n ->
    [one] { $n-shown } parada
   *[other] { $n-shown } paradas
}
all-stories = Todos los relatos
recently-changed = Cambios recientes
on-this-day = Un día como hoy, { $date }
nothing-today = Todavía no hay nada registrado en este día.
browse-era = Por época
browse-region = Por región
all-on-map = Todos en el mapa
events = { $n ->
    [one] { $n-shown } acontecimiento
   *[other] { $n-shown } acontecimientos
}
era-deep-time = El tiempo profundo
era-prehistory = La prehistoria y las primeras ciudades
era-ancient = La Antigüedad
era-middle-ages = La Edad Media
era-early-modern = La Edad Moderna
era-19th-century = El siglo XIX
era-20th-century = El siglo XX
era-21st-century = El siglo XXI

## Búsqueda

search-title = Búsqueda
search-title-q = Búsqueda: { $q }
search-description = Acontecimientos históricos que coinciden con { $q }, con dónde coinciden y cuándo ocurrieron.
matches = { $n ->
    [one] { $n-shown } acontecimiento coincide
   *[other] { $n-shown } acontecimientos coinciden
}
refine = Afinar la búsqueda
order = Orden
best-first = mejores coincidencias primero
oldest-first = más antiguos primero
newest-first = más recientes primero
from = Desde
from-example = 500 a. C.
to = hasta
apply = Aplicar
active-filters = Filtros de esta búsqueda
remove-filter = Quitar el filtro { $filter }
did-you-mean = Quiso decir
matched = Coincide en { $field }:
field-participant = participante
field-place = lugar
field-tag = etiqueta
more-results = Más resultados
timeline-of-these = Estos acontecimientos en la cronología
map-of-these = Estos acontecimientos en el mapa
narrow = Acotar la búsqueda
estimated = Cifras estimadas a partir de una muestra de los resultados.
facet-country = Países
facet-participant = Personas y Estados
facet-tag = Etiquetas
facet-century = Siglos
about = unos { $n-shown }
no-match = Ningún acontecimiento coincide con
no-match-this = esta búsqueda
no-match-remove = Quite el filtro
no-match-widen = Amplíe el periodo, o
no-match-all-dates = busque en todas las fechas
no-match-words = Use menos palabras u otras: las palabras se reconocen con sus terminaciones (treaties encuentra treaty) y con una o dos erratas.
no-match-phrase = Pruebe una frase entre comillas, u OR entre alternativas:

## Periodos y cronología

unit-day = día
unit-month = mes
unit-year = año
unit-decade = década
unit-century = siglo
unit-millennium = milenio
unit-years = { $n-shown } años
unit-million-years = { $n ->
    [one] millón de años
   *[other] { $n-shown } millones de años
}
unit-billion-years = { $n ->
    [one] mil millones de años
   *[other] { $n-shown } mil millones de años
}
period-to = { $a } a { $b }
matches-over-time = Resultados en el tiempo, por { $unit }
matches-by = resultados por { $unit }
events-by = { $n ->
    [one] { $n-shown } acontecimiento
   *[other] { $n-shown } acontecimientos
}, por { $unit }.
timeline-description = Acontecimientos históricos en una cronología desde el tiempo profundo hasta hoy.
tl-interactive = Cronología interactiva
tl-controls = Controles de la cronología
zoom-out = Alejar
zoom-in = Acercar
pan-earlier = Antes
pan-later = Después
show-all = Mostrar todos los acontecimientos
everything = Todo
lanes = Carriles
colours = Colores
colours-automatic = Automáticos
lanes-none = Ninguno
lanes-tag = Etiqueta
lanes-country = País
lanes-participant = Participante
tl-keys = Cronología: + y − acercan y alejan, las flechas desplazan, Tab pasa a los acontecimientos
legend = Leyenda
tl-help = Desplácese o pellizque para acercar, arrastre para moverse; teclas + − ← →. La franja de arriba muestra todo el periodo: haga clic o arrastre para moverse. Señale un acontecimiento para ver cómo se relaciona; haga clic para abrirlo.
tl-map = Mapa de los acontecimientos de este periodo
map-of-window = Mapa de este periodo
download-window = Descargar este periodo como figura:
period = Periodo
events-heading = Acontecimientos
most-important = Los más importantes

## El mapa

map-description = Acontecimientos históricos en un mapa del mundo, nombrados por lugar.
map-all-time = Todas las épocas
map-deep-time = tiempo profundo
map-antiquity = Antigüedad
map-middle-ages = Edad Media
map-early-modern = 1500–1800
map-19th-century = Siglo XIX
map-20th-century = Siglo XX
map-since-2000 = Desde 2000
map-matching = que coinciden con { $q }
map-from-to = de { $from } a { $to }
map-the-first = la primera fecha
map-the-last = la última fecha
map-in-view = en esta vista
map-located = { $n ->
    [one] { $n-shown } acontecimiento situado
   *[other] { $n-shown } acontecimientos situados
}
map-deep = { $n ->
    [one] { $n-shown } es
   *[other] { $n-shown } son
} del tiempo profundo (antes de 10 000 a. C.), dibujados huecos: las costas de hoy no son las suyas.
map-around = en torno a { $place }
map-came-from = el acontecimiento del que viene
map-best-known = Los más conocidos aquí
map-showing = Se muestra
map-showing-at = en { $place }, en azul.
map-controls = Controles del mapa
pan-west = Hacia el oeste
pan-north = Hacia el norte
pan-south = Hacia el sur
pan-east = Hacia el este
whole-world = Todo el mundo
world = Mundo
map-keys = Mapa: + y − acercan y alejan, las flechas desplazan, Tab pasa a los acontecimientos
world-map = Mapa del mundo de los acontecimientos
map-an-event = un acontecimiento
map-near = acontecimientos cercanos entre sí: acerque
map-periods = Periodos
map-when = Cuándo:
map-form = Acontecimientos en el mapa
map-from-example = 1800, 44 a. C., 66 Ma
map-to = Hasta
map-show = Mostrar
search-results = Resultados de la búsqueda
download-view = Descargar esta vista como figura:

## Lugares y participantes

place-description = Acontecimientos en { $name }, en el tiempo y en un mapa.
participant-description = Acontecimientos en los que participó { $name }, en el tiempo.
kind-place = Lugar
kind-participant = Participante
events-in = { $n ->
    [one] { $n-shown } acontecimiento
   *[other] { $n-shown } acontecimientos
}, { $period }.
events-from-to = { $n ->
    [one] { $n-shown } acontecimiento
   *[other] { $n-shown } acontecimientos
}, de { $from } a { $to }.
no-events-here = Todavía no hay acontecimientos registrados aquí.
search-within = Buscar en estos acontecimientos
roles = Papeles
who-took-part = Quién participó aquí
took-part-with = Participó junto con
events-in-time = Acontecimientos en el tiempo
later-events = Acontecimientos posteriores

## Las palabras de los scripts

js-months-short = ene. feb. mar. abr. may. jun. jul. ago. sept. oct. nov. dic.
js-bc = { $y } a. C.
js-ad = { $y } d. C.
js-decimal = ,
js-ago = hace { $x }
js-your-periods = Sus periodos
js-period-name = Nombre
js-from-year = Desde el año
js-to-year = Hasta el año
js-add-period = Añadir periodo
js-year-example = Un año como 1914, -43 o 66 Ma
js-remove-period = Quitar el periodo { $name }
js-remove = Quitar
js-timeline-failed = No se pudo cargar la cronología: { $error }
js-events-one = { $n } acontecimiento
js-events-other = { $n } acontecimientos
js-other = Otros
js-other-values = otros
js-more-here = { $n } acontecimientos más aquí: haga clic para acercar
js-colours-by = Colores por { $by }:
js-by-tag = etiqueta
js-by-country = país
js-by-participant = participante
js-key-span = un periodo (bordes difuminados: aproximados)
js-key-dot = un acontecimiento; puntos pequeños: sin sitio para el nombre
js-key-more = más acontecimientos: haga clic para acercar
js-key-relations = relaciones de { $title } ({ $kinds })
js-key-point = Señale un acontecimiento para ver sus relaciones
js-empty-window = No hay acontecimientos en este periodo. La franja de abajo muestra dónde están.
js-nearest-earlier = ← Acontecimientos anteriores más cercanos
js-nearest-later = Acontecimientos posteriores más cercanos →
js-map-view-failed = No se pudieron cargar los acontecimientos de esta vista: { $error }
js-map-here = { $n } acontecimientos aquí: acerque
js-map-events = { $n } acontecimientos: { $titles }
js-map-sample = una muestra de 5000 acontecimientos situados
js-map-located-one = { $n } acontecimiento situado
js-map-located-other = { $n } acontecimientos situados
js-map-in-window = en este periodo
js-map-failed = No se pudieron cargar los acontecimientos: { $error }
js-map-controls = Controles del mapa
js-map-zoom-out = Alejar el mapa
js-map-zoom-in = Acercar el mapa
js-whole-world = Todo el mundo
js-world = Mundo
js-map-of-window = Mapa de los acontecimientos del periodo de la cronología: + y − acercan y alejan, las flechas desplazan

## Relatos

stories-lede = Visitas guiadas por los acontecimientos, una parada cada vez.
stories-none = Todavía no hay relatos. Un editor escribe uno en un archivo JSON y lo guarda con
stories-or-api = o la API
story-in-stops = { $n ->
    [one] Un relato en { $n-shown } parada
   *[other] Un relato en { $n-shown } paradas
}
story-by = por { $author }
story-stops = Paradas
story-timeline-frame = La cronología en esta parada
story-map-frame = El mapa en esta parada
story-stop-of = Parada { $i } de { $n }
story-beginning = el principio
story-today = hoy
story-event-gone = El acontecimiento de esta parada ya no está en annals.
story-read-about = Leer sobre { $title }
js-story-previous = Anterior
js-story-next = Siguiente
js-story-where = Parada { $i } de { $n }

## El perfil de un lugar o de un participante, e iniciar sesión

profile-about = Acerca de
profile-from = Desde
profile-to = Hasta
profile-first-recorded = Primera mención
profile-until = Hasta
profile-also-called = También llamado
profile-describe = Describir
signin-already = Ha iniciado sesión como
signin-name = Nombre
signin-password = Contraseña
signin-accounts = Las cuentas las crea un administrador
signin-reading = Para leer no hace falta cuenta.
signin-description = Inicie sesión para editar acontecimientos, ver quién cambió qué y revisar duplicados.
signin-too-many = Demasiados intentos: espere un minuto y vuelva a intentarlo.
signin-no-match = Ese nombre y esa contraseña no corresponden a ninguna cuenta.

## Los textos de un acontecimiento en otro idioma que la página

text-in = Este texto está en { $language }.
language-en = inglés
language-fr = francés
language-de = alemán
language-es = español

## El historial de un acontecimiento

history-before = antes de que se guardaran historiales
history-unknown = desconocido
history-deleted = Este acontecimiento se eliminó:
history-kept = Su historial se conserva:
history-every = todas las versiones
history-last-before = la última versión antes de eliminarlo
history-restore = Restaurar este acontecimiento
history-reading-current = Está leyendo la versión actual de este acontecimiento, de
history-reading-old = Está leyendo una versión antigua de este acontecimiento, de
history-now = El acontecimiento tal como es ahora
history-its = su historial
history-put-back-this = Restaurar esta versión
history-deleted-here = Eliminado en esta versión
history-did-not-exist = En esta versión el acontecimiento no existía.
history-deleted-title = Eliminado
history-of = Historial de
history-revisions = { $n ->
    [one] { $n-shown } versión
   *[other] { $n-shown } versiones
}, la más reciente primero. Elija dos para compararlas.
history-revisions-caption = Versiones
history-from = De
history-to = A
history-revision = Versión
history-who = Quién, cuándo, por qué
history-actions = Acciones
history-deleted-tag = eliminado
history-put-back = Restaurar
history-put-back-n = Restaurar la versión { $g }
history-compare = Comparar
history-a-to-b = Versión { $a } → versión { $b }
history-restored = La versión { $a } es una eliminación; la versión { $b } restauró el acontecimiento.
history-no-revision = Este acontecimiento no tiene versión { $g }.
