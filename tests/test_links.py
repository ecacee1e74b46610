import pytest

from analyzer.links import (
    classify_link,
    dedupe_links,
    find_typed_links,
    make_link,
    normalise_url,
    site_domains,
)


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


# --- links as real resumes write them (issue 10) ---------------------------------------------------


@pytest.mark.parametrize(("raw", "url", "kind"), [
    ("tel:+1 (555) 010-0199", "tel:+15550100199", "phone"),
    ("mailto:Maya@Example.org?subject=Hi", "mailto:maya@example.org", "email"),
    ("doi:10.1000/xyz123", "https://doi.org/10.1000/xyz123", "other"),
    ("https://github.com/\\protect \\relax $\\@@underline {\\hbox {maya-l}}\\mathsurround \\z@ $\\relax ",
     "https://github.com/maya-l", "github_profile"),
])
def test_tel_mailto_doi_and_tex_link_targets_are_normalised(raw, url, kind):
    link = make_link(raw, "", 1)
    assert (link.url, link.kind, link.valid) == (url, kind, True)


def test_typed_doi_capitalised_host_and_personal_domain_are_links():
    text = "Paper doi:10.1000/abc.42 on Example.org; site mayal.ng"
    assert find_typed_links(text, frozenset({"mayal.ng"})) == ["doi:10.1000/abc.42", "Example.org", "mayal.ng"]


def test_a_domain_only_becomes_a_site_when_an_address_uses_it():
    assert site_domains(["maya@mayal.ng", "other@gmail.com"]) == frozenset({"mayal.ng"})
    assert find_typed_links("mayal.ng") == []
