"""The Aanbeveler in words: why each recommendation is where it is, and the rules for
'Hoe werkt de aanbeveler?'."""

from __future__ import annotations

from ..content import Kenniskaart
from ..models import Factor, FactorLink, Intervention, Recognition
from ..nl import decimal_weight, plural
from ..rules import HARM_KINDS, harms_first, is_recognised, organisation_reason
from ..texts import age_range, recognition_text
from ..vocabulary import BASIS_LABELS, CAUTION_LABELS, EVIDENCE_LABELS, REQUIREMENT_LABELS, SETTING_LABELS
from .profile import Profile
from .result import Reason, Via
from .rules import CONFIRMABLE_ONLY_ON_THE_SPOT, PACKAGE_SIZE, RULES, WEIGHTS, help_diff, help_orders, needs_offence


def explain(
    kk: Kenniskaart, iv: Intervention, profile: Profile, dynamic: dict[str, Factor], need: str | None,
    links: dict[str, tuple[FactorLink, Via]], fit: bool | None, tier: int, rec: Recognition | None,
    for_offence: bool = False,
) -> tuple[tuple[Reason, ...], tuple[Reason, ...], str]:
    """Reasons for, cautions against, and the rule that put it in its place, in words."""
    reasons: list[Reason] = []
    cautions: list[Reason] = []
    weak: list[str] = []
    by_id = kk.by_id("factors")
    if for_offence:
        reasons.append(Reason("delict", "pakt het delict zelf aan: het doel is herhaling voorkomen, en het profiel "
                                        "noemt een delict (behoeftebeginsel)"))
    for fid, (link, via) in links.items():
        f = dynamic[fid]
        verb = "pakt aan" if f.kind == "risico" else "versterkt"
        if via == "tweeling":
            how = " (via dezelfde factor in een ander kader)"
        elif via == "spiegel":
            other = by_id[link.factor].name
            how = (f" (via de spiegelfactor '{other}': wie die versterkt, pakt deze aan; telt voor "
                   f"{decimal_weight(WEIGHTS['mirror'])} mee)" if f.kind == "risico" else
                   f" (via de spiegelfactor '{other}': wie die aanpakt, versterkt deze; telt voor "
                   f"{decimal_weight(WEIGHTS['mirror'])} mee)")
        else:
            how = ""
        reasons.append(
            Reason("factor", f"{verb}: {f.name} ({EVIDENCE_LABELS[f.evidence]}; {BASIS_LABELS[link.basis]}){how}")
        )
        if link.basis != "bron":
            weak.append(f.name)
    if weak and len(weak) == len(links):
        cautions.append(Reason(
            "koppeling", "Geen bron noemt deze interventie zelf bij de gekozen factoren; de koppeling is afgeleid "
            "of op themaniveau: " + ", ".join(weak) + "."
        ))

    if fit is True:
        reasons.append(Reason("leeftijd", f"leeftijd past ({age_range(iv)})"))
    elif fit is None and profile.age is not None:
        note = f" ({iv.age_note})" if iv.age_note else ""
        cautions.append(Reason("leeftijd", f"Leeftijdsgrens onbekend{note}: controleer of de interventie past bij "
                                           f"{profile.age} jaar."))

    diff = help_diff(help_orders(kk), iv, need)
    if diff is not None and need is not None:
        levels = kk.by_id("help_levels")
        if diff == 0:
            reasons.append(Reason("niveau", f"past bij het niveau van hulp ({levels[need].name})"))
        else:
            names = ", ".join(levels[h].name for h in iv.help_levels if h in levels)
            heavier = min(help_orders(kk)[h] for h in iv.help_levels if h in levels) > help_orders(kk)[need]
            way = ("zwaarder dan nodig: zo licht als mogelijk" if heavier else "lichter dan nodig: zo zwaar als nodig")
            cautions.append(
                Reason("niveau", f"Ander niveau van hulp ({names}) dan nodig ({levels[need].name}): {way}.")
            )

    common = [s for s in iv.settings if s in profile.settings]
    if common:
        reasons.append(Reason("setting", "setting past: " + ", ".join(SETTING_LABELS[s] for s in common)))

    if needs_offence(iv) and tier and not for_offence:
        reasons.append(Reason("delict", "na een delict: het profiel noemt een delict"))
    if "lvb" in iv.requires and tier:
        reasons.append(Reason("lvb", "gemaakt voor jongeren met een LVB, zoals in het profiel: komt vóór algemene "
                                     "programma's (responsiviteit)"))
    if "ouder" in iv.requires and profile.parent is None:
        cautions.append(Reason("ouder", f"{REQUIREMENT_LABELS['ouder'].capitalize()}: ga na of dat lukt."))
    for req in CONFIRMABLE_ONLY_ON_THE_SPOT:
        if req in iv.requires:
            cautions.append(Reason(req, f"{REQUIREMENT_LABELS[req].capitalize()}: ga na of dat past."))

    recognised = is_recognised(rec)
    if recognised and rec is not None:
        reasons.append(Reason("erkenning", f"erkenning: {recognition_text(rec)}"))
        if rec is not iv.recognition:
            reasons.append(Reason("erkenning_uitkomst",
                                  f"deze beoordeling geldt voor {rec.outcome or 'een gekozen factor'}; "
                                  f"hoofderkenning: {recognition_text(iv.recognition)}"))
        if rec.level == "erkend, niveau onbekend":
            cautions.append(Reason("erkenning", "Een bron noemt de interventie erkend, maar een erkenningsniveau is "
                                                "niet gevonden."))
        if rec.in_review and not any(c.kind == "erkenning" for c in iv.cautions):
            cautions.append(Reason("erkenning", "De erkenning is in herbeoordeling."))

    # what does not work (three kinds) and the Kwaliteitskader's warnings first, then the rest
    for c in harms_first(iv.cautions):
        label = CAUTION_LABELS[c.kind] + ": " if c.kind in HARM_KINDS else ""
        cautions.append(Reason(c.kind, label + c.text))

    count = plural(len(links), "gekozen dynamische factor", "gekozen dynamische factoren")
    targets = (f"het delict zelf en {count}" if links else "het delict zelf") if for_offence else count
    if tier == 0:
        rule = (f"Voor school of gemeente: {organisation_reason(iv)}; "
                "daarom nooit aanbevolen voor één jongere.")
    elif tier == 1:
        rule = f"Groep 1: erkend, past bij de leeftijd en het niveau van hulp, en pakt {targets} aan."
    else:
        why = []
        if not recognised:
            why.append("niet erkend" if rec is not None and rec.level != "niet beoordeeld" else
                       "niet beoordeeld" if rec is not None else "erkenning onbekend")
        if fit is None and recognised:
            why.append("leeftijdsgrens onbekend")
        if diff == 2 and recognised:
            why.append("twee niveaus van hulp van wat nodig is")
        rule = (f"Groep 2, veelbelovend / praktijk ({', '.join(why)}): komt na alle erkende interventies "
                f"die bij de leeftijd en het niveau passen; pakt {targets} aan.")
    return tuple(reasons), tuple(cautions), rule


AGE_FIRST = ("Vul eerst een leeftijd in: welke interventies passen, hangt af van de leeftijd (Preventie met Gezag "
             "is er voor 8 tot en met 27 jaar). Zonder leeftijd zet de aanbeveler niets op volgorde.")


def explain_rules() -> list[str]:
    """The rules and weights in plain Dutch, for 'Hoe werkt de aanbeveler?'."""
    ev = WEIGHTS["evidence"]
    ba = WEIGHTS["basis"]
    hl = WEIGHTS["help_level"]
    nd = RULES["need"]
    return [
        "De regels volgen het CCV (les 1: 'Maak ook gebruik van erkende gedragsinterventies … Denk aan "
        "Alleen jij bepaalt wie je bent of BASTA') en de wat-werkt-principes risico, behoefte en responsiviteit.",
        "Behoefte: een interventie komt alleen in beeld als ze minstens één gekozen dynamische factor "
        "aanpakt (iets wat te veranderen is). Statische factoren, zoals man-zijn, leeftijd of een "
        "strafrechtelijk verleden, worden nooit 'aangepakt'. Een factor die in een ander kader hetzelfde "
        "betekent (tweeling) telt mee. Een delict is zelf ook een behoefte: noemt het profiel een delict, dan "
        f"komen programma's die herhaling willen voorkomen in beeld, ook zonder gekozen factor (telt "
        f"{decimal_weight(WEIGHTS['offence'], sign=True)}), en het pakket begint ermee; past er geen, dan zegt de "
        "aanbeveler dat.",
        "Leeftijd: zonder leeftijd zet de aanbeveler niets op volgorde en vraagt hij eerst een leeftijd; alleen wat "
        "voor school of gemeente is en binnen 8 tot en met 27 jaar valt, staat er dan.",
        f"Groep 1: {RULES['tiers'][1]} (bekende leeftijdsgrens, hooguit één niveau van hulp ernaast). Groep 2: "
        f"{RULES['tiers'][2]}. Een interventie uit groep 2 staat nooit boven een interventie uit groep 1.",
        "Responsiviteit: noemt het profiel een licht verstandelijke beperking (LVB), dan staan programma's die voor "
        "jongeren met een LVB gemaakt zijn binnen hun groep vóór algemene programma's.",
        "Valt af, met de reden erbij: leeftijd buiten de grens, of een doelgroep die deze jongere uitsluit. "
        "Een programma na een delict (leerstraf, Halt, justitiële gedragsinterventies) alleen als het profiel "
        "een delict noemt; een LVB-programma alleen bij een LVB; een programma dat een IQ boven de LVB-grens "
        "vraagt niet bij een LVB; gezinstherapie die een ouder vraagt niet als het profiel zegt dat die er niet "
        "is. Wat volgens een bron kan schaden of waarvan onderzoek geen effect vond, wordt nooit aanbevolen, telt "
        "nergens als dekking en staat bij 'Valt af', ook als het voor school of gemeente is. Waarvan een effect niet "
        "is aangetoond, blijft in beeld met die waarschuwing, na wat wel bewijs heeft, en komt niet in het pakket.",
        "Voor school of gemeente, nooit voor één jongere: universele programma's voor een hele klas, school of "
        "wijk (zoals Taakspel, PAD, Kanjertraining, Kapot Sterk), maatregelen en planningsmethoden van de "
        "gemeente (convenanten, jeugdboa, wijkrechtspraak, Communities That Care), screenings- en "
        "risicotaxatie-instrumenten en trainingen voor professionals.",
        f"Binnen een groep telt elke gekozen dynamische factor mee naar sterkte van het bewijs (gefundeerd "
        f"{decimal_weight(ev['gefundeerd'])}, statistisch robuust {decimal_weight(ev['robuust'])}, plausibel "
        f"{decimal_weight(ev['plausibel'])}, kwalitatief of niet beoordeeld {decimal_weight(ev['kwalitatief'])}) "
        f"maal de herkomst van de koppeling: een bron noemt deze interventie {decimal_weight(ba['bron'])}, een bron "
        f"noemt alleen het thema {decimal_weight(ba['thema'])}, afgeleid door het team {decimal_weight(ba['team'])}. "
        "Een interventie voor de spiegelfactor (de tegenhanger: 'een baan hebben' bij 'gebrek aan "
        f"werkgelegenheid') telt voor {decimal_weight(WEIGHTS['mirror'])} mee als een bron zegt dat de "
        "interventie die tegenhanger versterkt, en dat staat erbij.",
        "Heeft een factor meerdere erkenningen voor verschillende uitkomsten (MDFT: voor delinquentie en voor "
        "middelengebruik), dan telt de erkenning voor de uitkomst die bij het profiel past.",
        f"Niveau van hulp (risicobeginsel: zo licht als mogelijk, zo zwaar als nodig): hetzelfde niveau "
        f"{decimal_weight(hl[0], sign=True)}, één niveau ernaast {decimal_weight(hl[1], sign=True)} (evenveel als "
        f"een gefundeerde factor oplevert), twee niveaus ernaast {decimal_weight(hl[2], sign=True)} en dan nooit in "
        "groep 1. Kiest u geen niveau, dan stelt de aanbeveler er een voor: een "
        "strafrechtelijk verleden, herhaalde delicten, detentie, een ernstig problematische jeugdgroep, criminele "
        "vaardigheden, zelf in aanraking zijn met georganiseerde criminaliteit of een criminele familie wijzen op "
        f"de specialistische aanpak; {nd['intensive_count']} of meer dynamische risicofactoren, of "
        f"{nd['intensive_strong']} of meer sterk onderbouwde, op intensieve begeleiding; anders positieve "
        "ondersteuning (vrienden of kennissen in de georganiseerde criminaliteit tellen daarbij als een sterk "
        "onderbouwde dynamische factor, niet als eigen betrokkenheid). Een andere statische risicofactor (zoals "
        "man-zijn) of een eerste delict verhoogt dat één stap. Factoren die geen doel en geen risicomarkering zijn "
        "(een baan, een stabiele relatie, de rol van coördinatoren en leiders) verhogen het niveau nooit.",
        f"Vraagt een programma iets wat het profiel niet bevestigt (een ouder die meedoet terwijl het profiel "
        "dat niet zegt, alleen jongens, alleen bij een acute crisis): "
        f"{decimal_weight(WEIGHTS['unconfirmed'], sign=True)} per voorwaarde, met de vraag erbij; 'alleen jongens' "
        "en 'acute crisis' komen niet in het pakket. "
        f"Past een van de gekozen settings: {decimal_weight(WEIGHTS['setting'], sign=True)}. Erkenning: "
        f"{decimal_weight(WEIGHTS['recognition_step'])} per trede (goed beschreven 1 … effectief volgens sterke "
        "aanwijzingen 5). Leeftijdsgrens onbekend terwijl u een leeftijd koos: "
        f"{decimal_weight(WEIGHTS['age_unknown'], sign=True)}. Per waarschuwing uit de bronnen dat iets niet werkt "
        f"(effect niet aangetoond, alleen voorlichting): {decimal_weight(WEIGHTS['harm'], sign=True)}.",
        f"Het pakket (maximaal {PACKAGE_SIZE}) neemt bij een delict eerst een erkend programma tegen herhaling, "
        "dan per gekozen dynamische factor de beste erkende interventie (met een LVB eerst een LVB-programma), dan "
        "het niveau gezin (als u daar factoren koos of een ouder meedoet) en gemeenschap, en pas daarna niet-erkende "
        "aanpakken voor wat nog niet gedekt is (aanpakken zonder aangetoond effect en voorlichting aan iedereen "
        "komen niet in het pakket).",
        "Een gat is een gekozen dynamische factor zonder erkende interventie voor deze leeftijd; dan staan de "
        "praktijkvoorbeelden en niet-erkende aanpakken erbij die hem wel aanpakken.",
        "Redenen vóór en waarschuwingen tegen staan apart; waarschuwingen komen uit de bronnen (kan schaden, geen "
        "effect, effect niet aangetoond, groepsinterventie, toelating, doelgroep, erkenning) of zeggen dat een "
        "koppeling zwak is of het niveau van hulp niet past.",
    ]
