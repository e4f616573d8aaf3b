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
sign-out-who = Cerrar sesión ({ $name })
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
# Qué falla en una consulta (annals_query::Problem), tras «No se pudo leer esa búsqueda».
# $found es una de las palabras query-found-*; $open, $first: la posición de un carácter en la consulta.
query-found-open = '('
query-found-close = ')'
query-found-or = OR
query-found-minus = '-'
query-found-word = una palabra
query-found-phrase = una frase
query-found-filter = un filtro
query-found-sort = sort:
query-found-end = el final de la consulta
query-too-long = La consulta ocupa { $bytes } bytes; se permiten como máximo { $max }.
query-too-many-clauses = Demasiadas cláusulas: una consulta puede tener como máximo { $max } palabras, frases y filtros.
query-too-deep = Paréntesis anidados a demasiada profundidad: se permiten como máximo { $max } niveles.
query-no-open = ')' inesperado: no hay ningún '(' que cerrar.
query-unexpected = No se esperaba { $found }.
query-unclosed = Falta un ')' que cierre el '(' de la posición { $open }.
query-empty-parentheses = Paréntesis vacíos: se esperaba una palabra, una frase, un filtro o '(' entre el '(' de la posición { $open } y este ')'.
query-nothing-before-or = Se esperaba una palabra, una frase, un filtro o '(' antes de OR.
query-expected = Se esperaba una palabra, una frase, un filtro o '(', pero se encontró { $found }.
query-expected-after-open = Se esperaba una palabra, una frase, un filtro o '(' después de '(', pero se encontró { $found }.
query-expected-after-or = Se esperaba una palabra, una frase, un filtro o '(' después de OR, pero se encontró { $found }.
query-expected-after-minus = Se esperaba una palabra, una frase, un filtro o '(' después de '-', pero se encontró { $found }.
query-or-after-or = Se esperaba una palabra, una frase, un filtro o '(' después de OR, pero se encontró otro OR.
query-minus-after-minus = Se esperaba una palabra, una frase, un filtro o '(' después de '-', pero se encontró otro '-'.
query-or-after-minus = Se esperaba una palabra, una frase, un filtro o '(' después de '-', pero se encontró OR (para excluir la palabra, escriba -"OR").
query-space-after-minus = Se esperaba una palabra, una frase, un filtro o '(' justo después de '-' (escriba -palabra para excluir una palabra).
query-sort-in-or = sort: se aplica a toda la consulta, así que no puede ser uno de los lados de un OR; póngalo fuera, por ejemplo (a OR b) sort:date.
query-sort-excluded = sort: se aplica a toda la consulta, así que no se puede excluir con '-'.
query-second-sort = Una consulta solo puede tener un sort: (el primero está en la posición { $first }).
query-unterminated-phrase = Frase sin cerrar: falta un '"' que cierre el '"' de la posición { $open }.
query-unterminated-value = Valor entre comillas sin cerrar: falta un '"' que cierre el '"' de la posición { $open }.
query-empty-phrase = Frase vacía: se esperaban palabras entre las comillas.
query-empty-value = Valor vacío: se esperaba algo entre las comillas después de '{ $key }:'.
query-missing-value = Se esperaba un valor después de '{ $key }:'.
query-missing-value-any = Se esperaba un valor después de '{ $key }:'; para admitir cualquiera de varios valores, escriba (…) OR (…), por ejemplo ({ $name }:a OR { $name }:b).
query-unknown-sort = Orden «{ $value }» desconocido: se espera relevance, date (primero los más antiguos) o -date (primero los más recientes).
query-reversed-range = Intervalo de fechas invertido: «{ $from }» empieza después de que termine «{ $to }»; escriba primero la fecha anterior.
query-no-day = La fecha «{ $value }» no designa ningún día: un extremo está abierto y el otro es desconocido.
# $problem: lo que dice el lector de fechas, en inglés.
query-date = No se puede leer esta fecha: { $problem }
query-date-quote = No se puede leer esta fecha: { $problem } (una fecha sin comillas se lee como EDTF; para leerla como texto escrito, póngala entre comillas: { $quote })
# $coordinate es una de las palabras query-coordinate-*.
query-coordinate-latitude = latitud
query-coordinate-longitude = longitud
query-coordinate-south = latitud sur
query-coordinate-west = longitud oeste
query-coordinate-north = latitud norte
query-coordinate-east = longitud este
query-not-degrees = Se esperaba una { $coordinate } en grados decimales, como 35.68, pero se encontró «{ $found }».
query-degrees-range = La { $coordinate } { $value } está fuera de rango: debe estar entre -{ $limit } y { $limit }.
query-near-form = Se esperaba near:LATITUD,LONGITUD,RADIO, como near:35.68,139.69,300km, pero se encontró «{ $found }».
query-radius-form = Se esperaba un radio con unidad (km, m o mi), como 300km, 500m o 20mi, pero se encontró «{ $found }».
query-radius-range = El radio { $value } está fuera de rango: debe ser mayor que 0 y de { $max } km como máximo.
query-bbox-form = Se esperaba bbox:SUR,OESTE,NORTE,ESTE en grados, como bbox:24,122,46,146, pero se encontró «{ $found }».
query-south-of-north = La latitud sur { $south } está al norte de la latitud norte { $north }.

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

## El editor de acontecimientos (editores con sesión iniciada)

edit-new-title = Nuevo acontecimiento
edit-editing = Editar «{ $title }»
edit-editing-short = Edición
edit-nothing-saved = { $n ->
    [one] No se guardó nada: { $n-shown } campo necesita revisión.
   *[other] No se guardó nada: { $n-shown } campos necesitan revisión.
}
edit-id = Identificador
edit-id-help = Déjelo vacío para formarlo a partir del título y el año (battle-of-hastings-1066).
edit-title = Título
edit-title-help = Breve: un nombre, no una frase.
edit-date = Fecha
edit-date-help = Como la escribiría: 15 de marzo de 44 a. C.; hacia 1000; 1914–1918; primavera de 1943; hace 66 millones de años.
edit-calendar = Calendario
edit-calendar-auto = Juliano antes del 15 de octubre de 1582
edit-calendar-julian = Juliano
edit-calendar-gregorian = Gregoriano
edit-summary = Resumen
edit-summary-help = Un párrafo: qué pasó, dónde, quién.
edit-body = Relato
edit-body-help = Párrafos, separados por una línea vacía.
edit-places = Lugares
edit-places-help = Uno por línea: Hastings, United Kingdom — las coordenadas de los lugares conocidos se encuentran solas; si no, indíquelas: Battle, United Kingdom @ 50.91, 0.49
edit-participants = Participantes
edit-participants-help = Uno por línea, con un papel entre paréntesis si lo desea: Harold Godwinson (rey de Inglaterra)
edit-key-points = Puntos clave
edit-key-points-help = Uno por línea: una etiqueta, dos puntos y el contenido.
edit-sources = Fuentes
edit-sources-help = Una por línea: un nombre y la dirección entre corchetes angulares, o solo la dirección.
edit-related = Acontecimientos relacionados
edit-related-help = Uno por línea: el identificador de un acontecimiento y, entre paréntesis, cómo se relaciona: norse-landfall-in-vinland-1000 (related). Relaciones: related (relacionado), precedes (precede), follows (sigue), part_of (parte de), has_part (comprende), causes (causa), caused_by (causado por).
edit-tags = Etiquetas
edit-tags-help = Separadas por comas.
edit-media = Imágenes y grabaciones
edit-media-help = Una por línea: la dirección, luego ' | ' y, antes de cada parte, su palabra clave: https://example.org/tapestry.jpg | alt Jinetes cargan contra un muro de escudos | caption El tapiz de Bayeux | credit Museo del Tapiz de Bayeux | licence CC-BY-SA-4.0 | source https://example.org/tapestry. Una imagen necesita su texto alt (lo que muestra); añada kind audio o kind video para una grabación o una película. La primera imagen encabeza la página.
edit-importance = Importancia
edit-importance-help = Un número igual o mayor que 0 (vacío: se calcula).
edit-lang = Idioma de los textos
edit-lang-help = El idioma en que están escritos el título, el resumen y el relato: en, fr, de, es… (vacío: sin indicar).
edit-translations = En otros idiomas
edit-translations-help = Un bloque por idioma: el idioma y el título en la primera línea (es: Batalla de Hastings), luego el resumen y los párrafos del relato, cada uno tras una línea vacía. Quien lea en ese idioma leerá estos textos en su lugar.
edit-change = Qué ha cambiado
edit-change-help = Unas palabras para el historial.
edit-save = Guardar
edit-cancel = Cancelar
edit-problem-title = dé un título al acontecimiento
edit-problem-date = indique una fecha, como la escribiría: 15 de marzo de 44 a. C.; hacia 1000; 1914–1918
edit-problem-lang = se esperaba una etiqueta de idioma como en, fr o de-CH
edit-problem-importance = se esperaba un número igual o mayor que 0
edit-problem-id-taken = ya hay un acontecimiento con el identificador { $id }: ábralo para editarlo, o dé a este otro identificador
edit-gone = ningún acontecimiento tiene el identificador { $id } (¿eliminado mientras tanto?)
edit-delete = Eliminar este acontecimiento
edit-delete-note = Desaparece de inmediato de las páginas y de la búsqueda; su historial se conserva, y desde allí puede restaurarse.
edit-delete-why = Por qué
edit-delete-button = Eliminar
edit-conflict-title = Conflicto de edición
edit-conflict-heading = Alguien guardó este acontecimiento mientras usted lo editaba
edit-conflict-lede = Así difiere su versión de la que está guardada ahora. No se pierde nada de lo suyo: el formulario de abajo contiene su versión. Combine lo que quiera conservar y vuelva a guardar; al guardar se sustituye la otra versión (que queda en el historial).
edit-conflict-theirs = Guardada ahora
edit-conflict-yours = La suya

## Dos versiones de un acontecimiento comparadas campo por campo (conflicto de edición, historial)

diff-none = Ningún campo difiere.
diff-caption = Campos cambiados: { $before } y { $after }
diff-field = Campo
diff-lines = Líneas
diff-revision = versión { $g }
diff-id = identificador
diff-title = título
diff-date = fecha
diff-summary = resumen
diff-body = relato
diff-key-points = puntos clave
diff-places = lugares
diff-participants = participantes
diff-sources = fuentes
diff-related = acontecimientos relacionados
diff-tags = etiquetas
diff-importance = importancia
diff-media = imágenes y grabaciones
diff-lang = idioma
diff-translations = traducciones

## Editar el perfil de un lugar o de un participante, y su historial

profile-edit-title = Acerca de { $name }
profile-nothing-saved = No se guardó nada: { $problem }
profile-description = Descripción
profile-description-help = Unas frases: quién o qué es.
profile-from-help-participant = Cuándo nació la persona, o se fundó el Estado o la institución: 15 de agosto de 1769; 27 a. C.; hacia 1000.
profile-to-help-participant = Cuándo murió, o cuándo terminó.
profile-from-help-place = Cuándo se fundó o se mencionó por primera vez: 753 a. C.; hacia 3500 a. C.
profile-to-help-place = Cuándo fue destruido o abandonado, si lo fue.
profile-media = Imágenes
profile-media-help = Una por línea, como en un acontecimiento: https://example.org/portrait.jpg | alt Un hombre con casaca roja | credit National Gallery | licence CC-BY-4.0. La primera imagen encabeza la página.
profile-aliases = Otros nombres
profile-aliases-help = Uno por línea: al buscar cualquiera de ellos se encuentran los acontecimientos de este (USA, United States of America).
profile-wikidata = Elemento de Wikidata
profile-wikidata-help = Su identificador, como Q517.
profile-geonames = Identificador de GeoNames
profile-geonames-help = Su número, como 2988507.
profile-problem-geonames = se esperaba un número de GeoNames como 2988507, no { $value }
profile-same-participant = El mismo participante que
profile-same-place = El mismo lugar que
profile-merge-help = Fusionar { $name } con otro nombre: pasa a ser uno de sus otros nombres, y esta página lleva allí.
profile-merge = Fusionar
profile-back-to = Volver a { $name }
profile-history-none = Aún no se ha escrito nada sobre { $name }: su página muestra sus acontecimientos.
profile-history-removed = Eliminado (fusionado con otro nombre, o vaciado).
stories-more = Más relatos

## Revisar duplicados (revisores)

review-title = Duplicados por revisar
review-none = Ningún par espera revisión. Las importaciones y los nuevos acontecimientos proponen pares que parecen un mismo acontecimiento registrado dos veces; `annals duplicates --scan` vuelve a revisarlo todo.
review-pairs = { $n ->
    [one] { $n-shown } par de acontecimientos parece un mismo acontecimiento registrado dos veces. Compare los dos registros y luego fusiónelos o márquelos como acontecimientos distintos.
   *[other] { $n-shown } pares de acontecimientos parecen, cada uno, un mismo acontecimiento registrado dos veces, los más probables primero. Compare cada par y luego fusiónelo o marque los dos como acontecimientos distintos.
}
review-caption = Pares propuestos como duplicados
review-likeness = Parecido
review-one = Un registro
review-other = El otro
review-why = Por qué
review-action = Acción
review-compare = Comparar
review-compare-pair = Comparar { $a } y { $b }
review-pair-title = ¿Un acontecimiento o dos?
review-pair-lede = Compare { $a } y { $b }. Al fusionar se conservan un identificador y las fuentes y relaciones de ambos registros; la otra dirección redirige a él, y los acontecimientos que enlazaban con ella pasan a enlazar con el que se conserva.
review-which-id = Qué identificador se queda
review-table-caption = Los dos registros, campo por campo, y qué valor toma el acontecimiento fusionado
review-field = Campo
review-first = Primero: { $id }
review-second = Segundo: { $id }
review-keep = Conservar
review-keep-field = { $field }: conservar
review-pick-first = el primero
review-pick-second = el segundo
review-pick-both = ambos
review-same = igual
review-empty = (vacío)
review-sources-relations = Fuentes, relaciones
review-sources = { $n ->
    [one] { $n-shown } fuente
   *[other] { $n-shown } fuentes
}
review-relations = { $n ->
    [one] { $n-shown } relación
   *[other] { $n-shown } relaciones
}
review-both-always = ambos, siempre
review-why-label = Por qué (para el historial)
review-why-placeholder = la misma batalla, registrada dos veces
review-merge = Fusionar
review-distinct = ¿Al final son dos acontecimientos distintos?
review-keep-both = Conservar ambos
review-distinct-note = No se volverán a proponer.
review-needs-role = revisar duplicados requiere el rol reviewer; { $name } tiene el rol { $role }
review-self = un acontecimiento no es duplicado de sí mismo

## Las palabras del script del editor (edit.js): { $name } lo rellena el script

js-edit-not-a-date = no es una fecha que annals sepa leer
js-edit-not-read = Fecha no reconocida: { $why }
js-edit-reads-as = Entendida como { $date }
js-edit-reading = (EDTF { $edtf }, { $calendar })
js-edit-reading-range = (EDTF { $edtf }, { $calendar }; entre { $earliest } y { $latest })
js-edit-julian = juliano
js-edit-gregorian = gregoriano
js-edit-suggestions = Sugerencias
js-edit-map-label = Los lugares en un mapa del mundo. Haga clic para dar coordenadas al lugar de la línea donde está el cursor.
js-edit-map-pins = Marcadores: los lugares con coordenadas. Haga clic en el mapa para mover el lugar de la línea del cursor.
js-edit-map-none = Los lugares se localizan en el nomenclátor al guardar; haga clic en el mapa para dar coordenadas al lugar de la línea del cursor.
js-edit-unnamed-place = Lugar sin nombre
js-edit-upload = Añadir una imagen desde este ordenador (JPEG, PNG o WebP)
js-edit-sending = Enviando { $file }…
js-edit-refused = { $file }: { $why }
js-edit-not-kept = imagen no conservada
js-edit-kept = { $file } conservada ({ $width }×{ $height }). Escriba después de alt lo que muestra, y quién la hizo y con qué licencia.
js-edit-unreachable = { $file }: no se pudo contactar con el servidor

## Las líneas erróneas de las listas del editor ($line: el número de la línea), y una fecha ilegible

line-medium-kind = línea { $line }: kind «{ $value }»: se espera image, audio o video
line-medium-part = línea { $line }: «{ $value }»: tras ' | ' se espera kind, alt, caption, credit, licence o source
line-medium = línea { $line }: { $problem }
line-coordinates = línea { $line }: «{ $value }» tras @: se esperan latitud y longitud en grados (50.91, 0.49)
line-key-point = línea { $line }: se espera una etiqueta, dos puntos y el punto («Tres pretendientes: …»)
line-relation-id = línea { $line }: «{ $value }»: se espera el identificador de un acontecimiento (battle-of-hastings-1066) y, entre paréntesis, su relación
line-translation-title = línea { $line }: { $value }: escriba el título tras los dos puntos
line-translation-head = línea { $line }: primero una lengua y un título, como fr: Bataille d'Hastings
date-unrecognised = «{ $value }» no es una fecha que annals sepa leer: escríbala como «19 de enero de 1960», «44 a. C.», «los años 1960», «hace 66 millones de años» o en EDTF
# Qué falla en un acontecimiento enviado por el editor (annals_core::ModelError), junto a su campo.
model-empty-title = Dé un título al acontecimiento.
model-empty-place = Un lugar necesita un nombre.
model-empty-participant = Un participante necesita un nombre.
model-empty-source = Una fuente necesita un nombre.
model-empty-key-point = Un punto clave necesita una etiqueta.
model-empty-translation = Un texto en otro idioma necesita un título.
model-empty-date = Indique una fecha.
# $problem: lo que dice el lector de fechas, en inglés.
model-date = No se puede leer esta fecha: { $problem }
model-bad-id = El identificador «{ $value }» no es válido: use de 1 a 200 letras, cifras, '.', '_' o '-'.
model-bad-kind = La relación «{ $value }» no es válida: use letras minúsculas y '_'.
model-bad-importance = La importancia { $value } no es válida: use un número igual o mayor que 0.
model-bad-coordinates = El lugar «{ $value }» necesita tanto una latitud (-90 a 90) como una longitud (-180 a 180).
model-self-relation = El acontecimiento «{ $value }» no puede relacionarse consigo mismo.
model-bad-lang = «{ $value }» no es una etiqueta de idioma como «fr» o «de-CH».
model-second-text = El idioma «{ $value }» aparece dos veces (o ya es el idioma del acontecimiento).
# Por qué se rechazó la imagen subida desde el editor ($size, $limit, $width, $height: números).
media-too-large = El archivo tiene { $size } bytes; se admiten como máximo { $limit }.
media-too-many-pixels = La imagen mide { $width }×{ $height } píxeles; se admiten como máximo { $limit } píxeles.
# $what: lo que es el archivo en su lugar, en inglés («a PDF document»).
media-unsupported = Se esperaba una imagen JPEG, PNG o WebP; este archivo: { $what }.
# $format: JPEG, PNG o WebP; $problem: lo que dice el decodificador, en inglés.
media-broken = Este archivo { $format } no se puede leer como imagen: { $problem }
# Por qué dos registros se proponen como un mismo acontecimiento registrado dos veces.
reason-same-date = misma fecha
reason-overlapping-dates = fechas que se solapan
reason-titles-alike = títulos parecidos ({ $percent } %)
reason-summaries-alike = resúmenes parecidos ({ $percent } %)
reason-same-place = mismo lugar: { $name }
reason-shared-participants = participantes en común: { $names }
