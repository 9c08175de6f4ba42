"""Everyday words users type, written by hand from the names and target groups of the items, with
what each must find: shared by the unit tests of the pickers and search and by the browser test
of the same words."""

from __future__ import annotations

FAMILY = {
    "beke-r-familiebanden-emotionele-relaties", "beke-r-familiebanden-georganiseerde-criminaliteit",
    "beke-r-minder-stabiele-gezinssituatie", "beke-r-lage-sociaal-economische-status",
    "sw-gezin-r-gebrekkige-opvoedvaardigheden", "sw-gezin-r-slechte-gezinsrelaties",
    "sw-gezin-r-persoonlijke-problemen-gezinsleden", "sw-gezin-b-ouderbetrokkenheid", "sw-gezin-b-ouderlijke-controle",
    "sw-gezin-b-warme-ouder-kindrelatie", "sw-gezin-b-steun-gezin-familie", "sw-gezin-b-oudere-moeder",
    "sw-gezin-b-familiecohesie-organisatie", "sw-gezin-b-kwaliteit-relatie-familie", "sw-gezin-b-stimulerende-derde",
    "sw-gezin-b-erkenning-talenten", "sw-gezin-b-delegaatperspectief", "sw-gezin-b-opvoedersbetrokkenheid",
    "po-steun-volwassenen", "po-sociale-binding", "vk-familie",
}
"""Factors about parents, family and home, read from their names ('Lage sociaal economische
status': its Samen Weerbaar twin is 'Lage SES van het gezin')."""

DRUGS = {"beke-r-drugsgebruik", "beke-r-drugsveroordelingen", "beke-r-softdrugsgebruik-combinatie",
         "beke-r-problematiek-school-financieel-drugs", "sw-gezin-r-persoonlijke-problemen-gezinsleden",
         "sw-gem-r-drugs-in-buurt"}

SCHOOL_DROPOUT = {"beke-r-laag-opleidingsniveau", "beke-r-softdrugsgebruik-combinatie"}

RECORD = {"beke-r-criminele-achtergrond", "beke-r-meer-veroordelingen", "beke-r-drugsveroordelingen",
          "beke-r-veroordelingen-stalking", "beke-r-meer-langere-gevangenisstraffen", "beke-r-detentiegeschiedenis",
          "beke-r-rol-zwaarder-strafrechtelijk-verleden"}

NEIGHBOURHOOD = {"beke-r-buurt-criminele-groep", "beke-r-buurt-criminele-code",
                 "beke-r-rolmodellen-georganiseerde-criminaliteit",
                 "beke-r-gebrek-sociale-controle", "sw-gem-r-verloedering", "sw-gem-r-drugs-in-buurt",
                 "sw-gem-r-weinig-binding-jongere-buurt", "sw-gem-r-wapens", "sw-gem-r-mediaberichtgeving-geweld",
                 "sw-gem-r-relatieve-deprivatie", "sw-gem-b-kwaliteit-buurt", "po-sociale-binding"}

MONEY = {"beke-r-idee-aantrekkelijke-levensstijl", "beke-r-problematiek-school-financieel-drugs",
         "beke-r-schuldenproblematiek", "beke-r-rol-financieel-kwetsbaar", "beke-b-financieel-gewin-tegenvallen",
         "beke-b-afwezigheid-schulden", "sw-gezin-r-armoede"}

WORK = {"beke-r-gebrek-werkgelegenheid", "beke-r-specifieke-werkomstandigheden", "beke-r-werkomgeving-sociale-banden",
        "beke-r-rol-hebben-van-een-baan", "beke-b-hebben-van-een-baan", "sw-gem-r-werkloosheid"}

VIOLENCE = {"beke-r-antisociale-persoonlijkheidskenmerken", "beke-r-bereidheid-geweld", "beke-r-geweldsdelicten-jeugd",
            "sw-gem-r-mediaberichtgeving-geweld"}

ROLE_MODEL = {"beke-r-rolmodellen-georganiseerde-criminaliteit", "beke-b-betekenisvolle-steunende-derde",
              "sw-gezin-b-stimulerende-derde", "sw-gem-b-stimulerende-derde-mentoring", "vk-rolmodellen"}


GROUPS: dict[str, tuple[tuple[str, ...], set[str]]] = {
    # group id: (the words a user types in a factor picker, the factors each must find), written
    # by hand from the factor names; set() = no factor is meant (the page's tip says where to go)
    "vrienden": (("vriendengroep", "vrienden"), {
        "beke-r-problematische-jeugdgroep", "beke-r-softdrugsgebruik-combinatie", "beke-r-banden-vrienden-kennissen",
        "sw-gem-b-prosociale-leeftijdsgenoten", "vk-peers"}),
    "criminele-vrienden": (("criminele vrienden", "foute vrienden"), {
        "beke-r-banden-vrienden-kennissen", "sw-gem-r-uitbreiding-criminele-contacten"}),
    "criminele-familie": (("criminele familie",), {
        "beke-r-familiebanden-emotionele-relaties", "beke-r-familiebanden-georganiseerde-criminaliteit",
        "sw-gezin-r-persoonlijke-problemen-gezinsleden", "sw-gezin-r-bendelidmaatschap-oudere-broer",
        "sw-gezin-b-delegaatperspectief"}),
    "crimineel": ((), set()),
    "strafblad": (("strafblad", "crimineel verleden"), RECORD),
    "detentie": (("JJI", "PIJ"), {"beke-r-detentiegeschiedenis", "beke-r-meer-langere-gevangenisstraffen"}),
    "jeugdreclassering": (("jeugdreclassering",), set()),
    "halt": (("Halt",), set()),
    "ots": (("OTS", "ondertoezichtstelling"), {"beke-r-negatief-contact-jeugdbescherming"}),
    "lvb": (("LVB",), set()),
    "ggz": (("ggz",), set()),
    "mdft": (("MDFT",), set()),
    "mst": (("MST",), set()),
    "drugs": (("drugs", "blowen", "cannabis", "middelengebruik"), DRUGS),
    "spijbelen": (("spijbelen", "schooluitval", "schoolverzuim"), {*SCHOOL_DROPOUT, "po-schoolmotivatie"}),
    "vsv": (("vsv", "voortijdig schoolverlaten"), SCHOOL_DROPOUT),
    "school": (("school",), {*SCHOOL_DROPOUT, "beke-r-problematiek-school-financieel-drugs", "po-schoolmotivatie",
                             "sw-gem-b-erkenning-talenten", "po-sociale-binding"}),
    "ouders": (("ouders", "thuis", "opvoeding"), FAMILY),
    "wapens": (("wapens", "messen", "mes"), {"sw-gem-r-wapens"}),
    "straat": (("straat", "buurt"), NEIGHBOURHOOD),
    "geld": (("geld", "schulden", "geldezel"), MONEY),
    "werk": (("baan", "werkloosheid"), WORK),
    "geweld": (("agressie", "geweld"), VIOLENCE - {"beke-r-antisociale-persoonlijkheidskenmerken"}),
    "gedrag": (("probleemgedrag", "agressie"), {"beke-r-antisociale-persoonlijkheidskenmerken"}),
    "rolmodel": (("rolmodel", "mentor"), ROLE_MODEL),
    "vrije-tijd": (("vrije tijd", "sport"), {"po-vrijetijdsbesteding"}),
    "online": (("online", "gamen", "social media"), set()),
}


SEARCH_WORDS = {
    # typed word: (interventions, factors) the search boxes must find, written by hand from the
    # names and target groups of the items
    "LVB": ({"so-cool", "take-it-personal", "grip-op-agressie", "cova-plus"}, set()),
    "blowen": ({"wiet-check", "moti-4", "mdft", "take-it-personal", "brains4use"}, {"beke-r-drugsgebruik"}),
    "cannabis": ({"wiet-check", "moti-4", "mdft"}, {"beke-r-drugsgebruik"}),
    "drugs": ({"wiet-check", "moti-4", "mdft"}, {"beke-r-drugsgebruik", "sw-gem-r-drugs-in-buurt"}),
    "schooluitval": ({"aanpak-schoolverzuim", "school2care"}, {"beke-r-laag-opleidingsniveau"}),
    "spijbelen": ({"aanpak-schoolverzuim", "school2care"}, {"beke-r-laag-opleidingsniveau"}),
    "voortijdig schoolverlaten": ({"aanpak-schoolverzuim", "school2care"}, {"beke-r-laag-opleidingsniveau"}),
    "vsv": ({"aanpak-schoolverzuim", "school2care"}, {"beke-r-laag-opleidingsniveau"}),
    "criminele familie": ({"familieaanpak"}, {"beke-r-familiebanden-georganiseerde-criminaliteit",
                                              "sw-gezin-r-criminele-gezinsleden"}),
    "gamen": ({"online-weerbaarheid", "moti-4"}, set()),
    "online": ({"online-weerbaarheid"}, set()),
    "social media": ({"online-weerbaarheid"}, set()),
    "thuis": ({"home-start", "triple-p", "mst"}, {"sw-gezin-r-slechte-gezinsrelaties"}),
    "straat": ({"straatcoaches", "jongerenwerk", "jeugdboa"}, {"sw-gem-r-drugs-in-buurt"}),
    "MDFT": ({"mdft"}, set()),
    "MST": ({"mst"}, set()),
    "OTS": (set(), {"beke-r-negatief-contact-jeugdbescherming"}),
    "JJI": ({"nazorg-detentie", "brains4use"}, {"beke-r-detentiegeschiedenis"}),
    "PIJ": ({"nazorg-detentie"}, {"beke-r-detentiegeschiedenis"}),
    "HALT": ({"halt", "halt-spreekuur", "halt-stop-reactie"}, set()),
    "jeugdreclassering": ({"verharde-doelgroep-jeugdreclassering"}, set()),
    "ggz": ({"incredible-years", "minder-boos-en-opstandig"}, set()),
    "geldezel": (set(), {"beke-r-rol-financieel-kwetsbaar"}),
    "schulden": (set(), {"beke-r-schuldenproblematiek", "sw-gezin-r-armoede"}),
    "wapens": (set(), {"sw-gem-r-wapens"}),
    "mes": (set(), {"sw-gem-r-wapens"}),
}
