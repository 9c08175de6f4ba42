"""What the content review found missing is on a page a user opens (Start, Over, Lessen): the
programme's frame, the caveat about adult literature, the community indicators, the network
principles, routes and parenting support, and every guidance item on its Lessen part (AppTest)."""

from __future__ import annotations

import re

from kenniskaart.guidance import GROUPS, group_for
from support.apptest import open_page, page_text


def plain(text: str) -> str:
    """Page text without the Markdown escapes of ``ui.md``."""
    return re.sub(r"\\(.)", r"\1", text)


def _lessen_part(title: str) -> str:
    return plain(page_text(open_page("pages/lessen.py", {"onderdeel": title})))


def test_programme_frame_on_start():
    text = plain(page_text(open_page()))
    for phrase in ("8 tot en met 27 jaar", "kansen bieden en grenzen stellen", "27 gemeenten", "19 daarvan",
                   "1 maart 2024", "Lerende netwerken", "meerdere risicofactoren"):
        assert phrase in text, phrase


def test_adult_literature_caveat_on_over_and_lessen():
    for text in (plain(page_text(open_page("pages/over.py"))), _lessen_part("Praktijkscan en Kamerbrief")):
        assert "de meeste artikelen gaan over volwassenen" in text
        assert "24 artikelen" in text


def test_community_indicators_on_lessen():
    text = _lessen_part("Ingroei, gezin en buurt")
    assert "Elf indicatoren op gemeenschapsniveau" in text
    assert "(11) De mate van negatieve mediaberichtgeving over geweld in de buurt." in text


def test_network_principles_on_lessen():
    text = _lessen_part("Samen weerbaar")
    for principle in ("Drive", "Inhoudelijke richting", "Actiegerichtheid", "Organisatiemandaat",
                      "Doorwerking van afspraken", "Controle en vertrouwen", "Informatie-uitwisseling",
                      "Regie en coördinatie"):
        assert principle in text, principle


def test_routes_parenting_support_and_risk_figures_on_lessen():
    text = _lessen_part("Ingroei, gezin en buurt")
    assert "Zelf een groep opzetten" in text and "criminele uitbuiting" in text and "Stone" in text
    for form in ("Emotionele steun", "Praktische steun", "Informatieve steun", "Normatieve steun"):
        assert form in text, form
    assert "drie keer zoveel kans" in text and "tien keer zoveel risico" in text
    assert "19 %" in text and "29 %" in text


def test_key_figure_overload_on_lessen():
    assert "risico op overbelasting" in _lessen_part("Samen weerbaar")


def test_every_guidance_item_is_reachable_on_its_lessen_part(kk):
    """Lazy tabs render one part at a time; every item is on the part its group names."""
    texts = {g.title: _lessen_part(g.title) for g in GROUPS}
    for item in kk.guidance:
        if item.kind == "leidende_stap":
            continue
        group = group_for(item)
        assert group is not None, item.id
        assert item.title in texts[group.title], (item.id, group.title)


def test_lessen_sends_one_part_at_a_time():
    at = open_page("pages/lessen.py")
    text = plain(page_text(at))
    assert "Les 1" in text
    assert "Elf indicatoren op gemeenschapsniveau" not in text  # another part, not rendered
    assert len(at.markdown) < 150
