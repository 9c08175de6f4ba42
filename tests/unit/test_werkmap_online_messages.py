"""What the user reads when the werkmap online cannot do what was asked: each message word for
word, with the numbers it names. Written out by hand."""

from __future__ import annotations

from kenniskaart.werkmap_online.rules import (
    LinkNotFound,
    NotAWerkmap,
    ReadOnly,
    SchemaMismatch,
    StorageUnavailable,
    TooLarge,
)


def test_a_link_that_does_not_exist_says_why_it_may_be_gone():
    assert str(LinkNotFound()) == (
        "Deze werkmaplink bestaat niet (meer). Controleer of de link volledig is gekopieerd; een online werkmap "
        "wordt verwijderd als hij lang niet is gebruikt of als de eigenaar hem verwijderde.")
    assert str(LinkNotFound("Eigen tekst.")) == "Eigen tekst."


def test_a_read_link_says_nothing_is_saved_and_how_to_edit():
    assert str(ReadOnly()) == (
        "Met een leeslink kunt u deze werkmap alleen bekijken: er wordt niets bewaard. Vraag de bewerklink aan "
        "wie de werkmap deelde, of bewaar een eigen kopie.")


def test_a_werkmap_too_large_names_its_size_and_the_limit_in_kB():
    assert str(TooLarge(612_345, 500_000)) == (
        "De werkmap is te groot om online te bewaren (612 kB; hoogstens 500 kB). Er is niets bewaard. "
        "Maak notities of eigen interventies korter, of download de werkmap als bestand.")


def test_no_werkmap_and_no_storage_say_nothing_was_saved():
    assert str(NotAWerkmap()) == "Dit is geen werkmap van de kenniskaart: er is niets bewaard."
    assert str(StorageUnavailable()) == (
        "De online opslag van werkmappen is nu niet bereikbaar: uw laatste wijziging is niet bewaard. Uw werk "
        "staat nog op deze pagina; download de werkmap als bestand of probeer het over een minuut opnieuw.")
    assert str(SchemaMismatch("7", 3)) == (
        "De database van de online werkmappen heeft schemaversie 7, deze app verwacht versie 3. Werk de app bij "
        "of gebruik een andere database.")
