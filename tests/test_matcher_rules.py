"""Matcher rules that live in code refer to real content, and the rules are explained."""

from kenniskaart.matcher import SPECIALIST_FACTORS, WEIGHTS, explain_rules


def test_specialist_factors_exist_and_are_risk_factors(kk):
    factors = kk.by_id("factors")
    for fid in SPECIALIST_FACTORS:
        assert fid in factors, fid
        assert factors[fid].kind == "risico"


def test_rules_text_shows_the_weights():
    text = " ".join(explain_rules())
    assert f"gefundeerd {WEIGHTS['evidence']['gefundeerd']:g}" in text
    assert f"plausibel {WEIGHTS['evidence']['plausibel']:g}" in text
    assert "buiten de leeftijdsgrens vallen af" in text
    assert WEIGHTS["evidence"]["gefundeerd"] > WEIGHTS["evidence"]["plausibel"]
    # recognition never outweighs one gefundeerde factor
    assert WEIGHTS["recognition_step"] * 5 < WEIGHTS["evidence"]["gefundeerd"]
