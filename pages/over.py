"""Over: sources and method."""

import streamlit as st

from kenniskaart.guidance import of_kind
from kenniskaart.texts import or_unknown
from kenniskaart.ui import get_content
from kenniskaart.ui.guidance import guidance_card
from kenniskaart.ui.text import definitions, md
from kenniskaart.vocabulary import (
    BASIS_EXPLAINED,
    BASIS_LABELS,
    COUNT_LABELS,
    EVIDENCE_EXPLAINED,
    EVIDENCE_LABELS,
    NATURE_EXPLAINED,
    NATURE_LABELS,
    SOURCE_KIND_LABELS,
)

kk = get_content()

st.title("Over de kenniskaart: bronnen en methode")
st.write(
    "De inhoud komt uit vijf openbare documenten over Preventie met Gezag en, voor feiten die daarin "
    "ontbreken (leeftijd, erkenning, effect), uit openbare pagina's van de Nederlandse "
    "interventiedatabanken. Feiten (namen, aantallen, leeftijden, indelingen) zijn overgenomen; "
    "beschrijvingen zijn kort en in eigen woorden. Elk item vermeldt zijn bron."
)

st.header("Bronnen")
# Lists, not tables: this page is read, not sorted, and a table costs the browser more to draw.
lines = []
for s in kk.sources:
    date = s.date.strftime("%m-%Y") if s.date else "datum onbekend"
    kind = SOURCE_KIND_LABELS[s.kind]
    lines.append(f"- **{md(s.title)}** ({md(s.publisher)}, {date}; {kind}) — {md(or_unknown(s.description))}")
st.markdown("\n".join(lines))

st.header("Hoe lees ik de sterkte van het bewijs?")
st.markdown(definitions(EVIDENCE_LABELS, EVIDENCE_EXPLAINED))

st.header("Kanttekeningen bij de bronnen")
st.write(
    "Wat de bronnen zelf zeggen over de grenzen van hun kennis. Lees de factoren en koppelingen "
    "met deze kanttekeningen in het achterhoofd."
)
for item in of_kind(kk, "kanttekening"):
    guidance_card(kk, item)

st.header("Wat is van het team en wat uit de bron?")
st.write(
    "Elke koppeling tussen een interventie of praktijkvoorbeeld en een factor zegt waar ze op "
    "rust, in drie soorten, van sterk naar zwak:"
)
st.markdown(definitions(BASIS_LABELS, BASIS_EXPLAINED))
st.write(
    "Ook de indeling van factoren bij een PmG-thema en het niveau (individu, gezin, gemeenschap) "
    "van de Beke-factoren zijn deels de lezing van het team; de toelichting bij de factor zegt dat. "
    "Waar de opmaak van een brontabel (cursief) in de tekstversie verloren ging, staat bij de "
    "sterkte 'niet beoordeeld' en niet een afgeleide sterkte."
)

st.header("Statische en dynamische factoren")
st.markdown(definitions(NATURE_LABELS, NATURE_EXPLAINED))

st.header("Erkenningen hebben een peildatum")
st.write(
    "Erkenningen van interventies verlopen na vijf jaar en worden opnieuw beoordeeld. Bij elke "
    "erkenning staat de datum van het besluit; controleer de actuele status in de Databank "
    "Effectieve Jeugdinterventies van het NJi voordat u een besluit neemt."
)
st.write(
    "Soms noemt een bron een interventie erkend zonder dat een databank een niveau geeft. Dan staat "
    "er 'erkend, niveau onbekend', met daarnaast wat de databank wel of niet vermeldt (bijvoorbeeld "
    "PIT: de Beke-praktijkscan noemt het wetenschappelijk erkend, in de NJi-databank is geen "
    "erkenning gevonden). Spreken bronnen elkaar tegen, dan staan beide uitspraken met hun bron."
)

st.header("Inhoud in cijfers")
st.markdown("\n".join(f"- {COUNT_LABELS[k]}: **{v}**" for k, v in kk.counts().items()))
