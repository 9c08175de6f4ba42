"""Every source URL renders as one working link (issue 26, 'Words'): NJi's addresses with
parentheses ('…-familietherapie-(MDFT)', Incredible Years, PMTO, PAD) showed as raw Markdown with a
broken link. The Markdown of ``web_link``/``sources_line`` is rendered with markdown-it (CommonMark,
plus linkify like Streamlit's GFM) and read back as HTML."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import unquote

import pytest
from markdown_it import MarkdownIt

from kenniskaart.models import SourceRef
from kenniskaart.ui.text import sources_line, web_link

MD = MarkdownIt("commonmark", {"linkify": True}).enable("linkify")

PARENS = [
    "https://www.nji.nl/nl/Databank/Databank-Effectieve-Jeugdinterventies/Multidimensionele-familietherapie-(MDFT)",
    "https://www.nji.nl/nl/Databank/Databank-Effectieve-Jeugdinterventies/Erkende-interventies/Incredible-Years-(Basis)",
    "https://www.nji.nl/nl/Databank/Databank-Effectieve-Jeugdinterventies/Parent-Management-Training-Oregon-(PMTO).html",
    "https://www.nji.nl/nl/Databank/Databank-Effectieve-Jeugdinterventies/Programma-Alternatieve-Denkstrategieen-(PAD)",
]


class _Links(HTMLParser):
    """The <a> elements of rendered HTML (href and text), every other tag, and the text outside links."""

    def __init__(self):
        super().__init__()
        self.links: list[list[str]] = []
        self.tags: list[str] = []
        self.outside = ""
        self._in = False

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append([dict(attrs)["href"], ""])
            self._in = True
        elif tag != "p" and tag != "strong":
            self.tags.append(tag)

    def handle_endtag(self, tag):
        if tag == "a":
            self._in = False

    def handle_data(self, data):
        if self._in:
            self.links[-1][1] += data
        else:
            self.outside += data


def _rendered(markdown: str) -> _Links:
    parser = _Links()
    parser.feed(MD.render(markdown))
    return parser


def _all_urls(kk) -> set[str]:
    urls = set()
    for iv in kk.interventions:
        urls |= set(iv.links)
        refs = [*iv.sources, *(iv.recognition.sources if iv.recognition else [])]
        for rec in iv.other_recognitions:
            refs += rec.sources
        urls |= {r.url for r in refs if r.url}
    for item in (*kk.examples, *kk.factors):
        urls |= {r.url for r in item.sources if r.url}
    return urls


@pytest.mark.parametrize("url", PARENS)
def test_a_url_with_parentheses_is_one_working_link(url):
    page = _rendered(web_link(url))
    assert len(page.links) == 1, MD.render(web_link(url))
    href, text = page.links[0]
    assert unquote(href) == url and text == url
    assert "(" not in href and ")" not in href
    assert page.outside.strip() == "" and not page.tags


def test_every_url_of_the_content_is_one_working_link(kk):
    urls = _all_urls(kk)
    assert len(urls) > 50 and set(PARENS) <= urls
    for url in urls:
        page = _rendered(web_link(url))
        assert len(page.links) == 1, url
        href, text = page.links[0]
        assert unquote(href) == unquote(url) and text == url, (url, href, text)
        assert page.outside.strip() == "" and not page.tags, url


def test_a_sources_line_links_each_url_once_and_keeps_its_text_plain(kk):
    refs = [SourceRef(source="referentie-interventies-2", section="rij 1 (MDFT) *niet vet* <b>x</b>", url=url)
            for url in PARENS]
    page = _rendered(sources_line(kk, refs, "Bronnen"))
    assert [unquote(h) for h, _ in page.links] == PARENS
    assert [t for _, t in page.links] == PARENS
    assert not page.tags  # the section's '<b>' and '*' are text, not HTML or Markdown
    assert "<b>x</b>" in page.outside and "*niet vet*" in page.outside


def test_a_hostile_url_stays_one_link_to_itself():
    url = "https://a.nl/x)](javascript:alert(1)) <img src=x onerror=alert(1)> www.b.nl"
    page = _rendered(web_link(url))
    assert len(page.links) == 1 and not page.tags
    href, text = page.links[0]
    assert href.startswith("https://a.nl/") and unquote(href) == url and text == url
    assert web_link("javascript:alert(1)") == "" and web_link("ftp://a.nl/x") == ""
