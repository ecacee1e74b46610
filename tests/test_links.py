import pytest

from analyzer.links import classify_link, dedupe_links, find_typed_links, make_link, normalise_url


@pytest.mark.parametrize(
    ("url", "anchor", "kind"),
    [
        ("https://github.com/ana/churn-model", "GitHub", "github_repo"),
        ("github.com/ana", "", "github_profile"),
        ("https://gist.github.com/ana/3f2a", "", "gist"),
        ("https://www.kaggle.com/ana", "Kaggle", "kaggle"),
        ("https://www.linkedin.com/in/ana", "", "linkedin"),
        ("https://scholar.google.com/citations?user=abc", "Scholar", "scholar"),
        ("https://medium.com/@ana", "", "blog"),
        ("https://ana.dev/blog/drift", "", "blog"),
        ("https://ana.github.io", "", "portfolio"),
        ("https://ana-lu.net", "Portfolio", "portfolio"),
        ("mailto:ana@example.org", "", "email"),
        ("https://example.com/page", "", "other"),
    ],
)
def test_classify(url, anchor, kind):
    assert classify_link(normalise_url(url), anchor) == kind


def test_typed_links_and_emails_in_order_without_trailing_punctuation():
    text = "Email: ana.lu@mail.com | github.com/analu, www.analu.dev; see https://kaggle.com/analu."
    found = find_typed_links(text)
    assert found[0] == "ana.lu@mail.com"
    assert [normalise_url(u) for u in found[1:]] == [
        "https://github.com/analu", "https://www.analu.dev", "https://kaggle.com/analu",
    ]


def test_dedupe_keeps_the_anchor_text_of_an_annotation():
    typed = make_link("github.com/ana/x", "github.com/ana/x", 1)
    annotated = make_link("https://www.github.com/ana/x/", "Code", 1)
    (kept,) = dedupe_links([typed, annotated])
    assert kept.anchor_text == "Code" and kept.kind == "github_repo"


def test_malformed_link_is_marked_invalid():
    assert make_link("http://exa mple", "x", 1).valid is False
    assert make_link("https://github.com/ana", "x", 1).valid is True
