"""Over: sources and method."""

import streamlit as st

from kenniskaart.present import EVIDENCE_EXPLAINED, EVIDENCE_LABELS, or_unknown
from kenniskaart.ui import get_content, md

kk = get_content()

st.title("Over de kenniskaart: bronnen en methode")
st.write(
    "De inhoud komt uit vijf openbare documenten over Preventie met Gezag en, voor feiten die daarin "
    "ontbreken (leeftijd, erkenning, effect), uit openbare pagina's van de Nederlandse "
    "interventiedatabanken. Feiten (namen, aantallen, leeftijden, indelingen) zijn overgenomen; "
    "beschrijvingen zijn kort en in eigen woorden. Elk item vermeldt zijn bron."
)

st.header("Bronnen")
rows = [
    {
        "bron": s.title,
        "uitgever": s.publisher,
        "datum": s.date.strftime("%m-%Y") if s.date else "onbekend",
        "soort": "brondocument" if s.kind == "seed" else "aanvullende feiten",
        "wat de kenniskaart eruit haalt": or_unknown(s.description),
    }
    for s in kk.sources
]
st.dataframe(rows, hide_index=True, width="stretch")

st.header("Hoe lees ik de sterkte van het bewijs?")
for key, label in EVIDENCE_LABELS.items():
    st.markdown(f"**{label}** — {md(EVIDENCE_EXPLAINED[key])}")

st.header("Wat is van het team en wat uit de bron?")
st.write(
    "Sommige koppelingen staan niet letterlijk in de bronnen, zoals de indeling van een factor bij "
    "een PmG-thema of de koppeling van een interventie aan een factor. Zulke koppelingen zijn "
    "gemarkeerd als 'indeling kenniskaart-team' en zeggen waar ze op rusten. Koppelingen 'volgens "
    "de bron' staan zo in het brondocument."
)

st.header("Erkenningen hebben een peildatum")
st.write(
    "Erkenningen van interventies verlopen na vijf jaar en worden opnieuw beoordeeld. Bij elke "
    "erkenning staat de datum van het besluit; controleer de actuele status in de Databank "
    "Effectieve Jeugdinterventies van het NJi voordat u een besluit neemt."
)

st.header("Inhoud in cijfers")
st.dataframe(
    [{"collectie": k, "aantal": v} for k, v in kk.counts().items()], hide_index=True
)
