"""The public API is pinned: adding or removing a name is a deliberate change."""

import reportedly


def test_public_names_are_pinned() -> None:
    assert sorted(reportedly.__all__) == sorted(
        [
            "SCHEMA", "Article", "Attribution", "Block", "Chain", "Claim", "Credit", "Entity", "Hedge",
            "Hop", "InputError", "ModelMissingError", "Report", "ReportedlyError", "Settings", "TimeExpr",
            "Voice", "__version__", "analyze", "analyze_many", "article_from_text", "load_settings",
            "read_inputs", "trace",
        ]
    )
    for name in reportedly.__all__:
        assert hasattr(reportedly, name)


def test_analyze_text_returns_a_report() -> None:
    r = reportedly.analyze(
        "The minister said on Monday that the talks had failed, and the opposition "
        "leader told reporters she would not sign the agreement."
    )
    assert isinstance(r, reportedly.Report)
    assert r.schema == "reportedly.report/1"
    assert r.article.text.startswith("The minister")
    assert r.to_json().startswith("{")
