"""Links: URLs and e-mail addresses from link annotations and from typed text, classified.

Anchor text like "GitHub" or "Portfolio" often hides the real URL in an annotation, so both
sources are read and de-duplicated by a normalised form. Classification rules (hosts and words)
live in ``taxonomy/links.toml`` (loaded by analyzer/taxonomy.py). ``tel:`` links are kept as phones, DOIs point to doi.org, and
TeX commands hyperref wrote into a target are removed. Limits: a URL broken across two lines of
text is not re-joined; a bare host is found only on common domains or on an e-mail's own domain.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from analyzer.models import BBox, Link
from analyzer.taxonomy import LinkRules, load_links

EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])")
# A typed URL: with a scheme, or starting www., or a bare lower-case host on a well-known domain.
URL_RE = re.compile(
    r"(?<![\w@/.-])(?:https?://|www\.)[^\s<>\"'()\[\]{}|,;]+"
    # A bare host must be lower case so "ASP.NET" in a skills list is not taken for a web site.
    # A capital first letter is allowed ("Kaggle.com" opening a sentence), the domain stays lower case.
    r"|(?<![\w@/.-])(?:[A-Za-z0-9][a-z0-9-]*\.)+(?:com|io|org|net|dev|me|ai|co|app|xyz|site|page|blog|uk|de|tech)"
    r"(?![\w-])(?:/[^\s<>\"'()\[\]{}|,;]*)?",
)
_TRAILING = ".,;:!?)]}>'\""
# A DOI typed as "doi:10.1000/xyz" or "DOI 10.1000/xyz": a link a reader can follow at doi.org.
DOI_RE = re.compile(r"\bdoi:?\s*(10\.\d{4,9}/[^\s<>\"'()\[\]{},;]+)", re.IGNORECASE)
# TeX commands that hyperref wrote into a link target when the link text was underlined
# ("\protect \relax $\@@underline {\hbox {name}}\mathsurround \z@ $\relax"): only "name" is the URL.
_TEX_JUNK_RE = re.compile(r"\\[A-Za-z@]+|[${}]|\s+")
_HOST_RE = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def _split(url: str):
    # WHY: urlsplit raises on a malformed IPv6 host ("http://[::1"); to us that is just an invalid link.
    try:
        return urlsplit(url)
    except ValueError:
        return urlsplit("")


def normalise_url(raw: str) -> str:
    """A canonical spelling: scheme added, e-mails as ``mailto:``, trailing punctuation dropped."""
    url = raw.strip()
    if "\\" in url:
        url = _TEX_JUNK_RE.sub("", url)
    url = url.rstrip(_TRAILING)
    if url.lower().startswith("mailto:"):
        return "mailto:" + url[7:].split("?")[0].strip().lower()
    if url.lower().startswith(("tel:", "callto:")):
        return "tel:" + re.sub(r"[^\d+]", "", url.split(":", 1)[1])
    doi = DOI_RE.match(url)
    if doi or url.lower().startswith("10.") and "/" in url:
        return "https://doi.org/" + (doi.group(1) if doi else url).rstrip(_TRAILING)
    if EMAIL_RE.fullmatch(url):
        return "mailto:" + url.lower()
    if not re.match(r"^[a-z][a-z0-9+.-]*://", url, re.IGNORECASE):
        url = "https://" + url
    parts = _split(url)
    path = parts.path.rstrip("/")
    query = f"?{parts.query}" if parts.query else ""
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}{path}{query}"


def dedupe_key(url: str) -> str:
    """Two spellings of one link share a key: no scheme, no www., no trailing slash."""
    return re.sub(r"^(https?://)?(www\.)?", "", url.lower()).rstrip("/")


def _host_matches(host: str, hosts: list[str]) -> bool:
    return any(host == h or host.endswith("." + h) for h in hosts)


def is_valid_url(url: str) -> bool:
    if url.startswith("tel:"):
        return sum(c.isdigit() for c in url) >= 6
    if url.startswith("mailto:"):
        return EMAIL_RE.fullmatch(url[7:]) is not None
    parts = _split(url)
    host = (parts.hostname or "").lower()
    return parts.scheme in ("http", "https") and _HOST_RE.match(host) is not None


def classify_link(url: str, anchor_text: str = "", rules: LinkRules | None = None) -> str:
    """One of github_repo, github_profile, gist, kaggle, linkedin, scholar, blog, portfolio, email, other.

    ``rules``: links.toml of the taxonomy in use; the reader, which runs before one is chosen, gets
    the shipped taxonomy's."""
    if url.startswith("mailto:"):
        return "email"
    if url.startswith("tel:"):
        return "phone"
    rules = rules or load_links()
    parts = _split(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    segments = [s for s in parts.path.split("/") if s]
    anchor = anchor_text.lower()
    if _host_matches(host, rules.gist_hosts):
        return "gist"
    if _host_matches(host, rules.github_hosts):
        # github.com/user is a profile; github.com/user/repo (and deeper) is a repository.
        if segments and segments[0].lower() not in rules.github_reserved:
            return "github_repo" if len(segments) >= 2 else "github_profile"
        return "other"
    for kind in ("kaggle", "linkedin", "scholar", "blog", "portfolio"):
        if _host_matches(host, rules.hosts(kind)):
            return kind
    if any(w in host.split(".") for w in rules.blog_words) or any(
        s.lower() in rules.blog_words for s in segments[:1]
    ) or any(w in anchor for w in rules.blog_words):
        return "blog"
    if any(w in anchor for w in rules.portfolio_words):
        return "portfolio"
    return "other"


def make_link(raw: str, anchor_text: str, page: int, bbox: BBox | None = None) -> Link:
    url = normalise_url(raw)
    anchor = " ".join(anchor_text.split())
    return Link(url, classify_link(url, anchor), anchor, page, bbox, is_valid_url(url))


# Mail providers: an address there says nothing about a personal web site.
_PUBLIC_MAIL_DOMAINS = frozenset({
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com", "icloud.com",
    "me.com", "proton.me", "protonmail.com", "mail.ru", "yandex.ru", "qq.com", "163.com",
})


def site_domains(texts: list[str]) -> frozenset[str]:
    """Domains of the e-mail addresses in these texts that may also be a personal web site."""
    return frozenset(m.group().rsplit("@", 1)[1].lower() for text in texts for m in EMAIL_RE.finditer(text)) - _PUBLIC_MAIL_DOMAINS


def find_typed_links(text: str, site_domains: frozenset[str] = frozenset()) -> list[str]:
    """E-mail addresses and URLs typed as plain text, in order of appearance; ``site_domains``
    (see ``site_domains()``) are links too when typed bare ("jo@jodoe.xyz ... jodoe.xyz")."""
    found: list[tuple[int, str]] = [(m.start(), m.group()) for m in EMAIL_RE.finditer(text)]
    found += [(m.start(), "doi:" + m.group(1)) for m in DOI_RE.finditer(text)]
    for match in URL_RE.finditer(text):
        if not any(start <= match.start() < start + len(e) for start, e in found):
            found.append((match.start(), match.group()))
    # A personal site on the domain of an e-mail address typed beside it ("jo@jodoe.xyz  jodoe.xyz").
    for domain in site_domains:
        for match in re.finditer(rf"(?<![\w@.-]){re.escape(domain)}(?![\w-])", text, re.IGNORECASE):
            if not any(start <= match.start() < start + len(e) for start, e in found):
                found.append((match.start(), match.group()))
    return [raw.rstrip(_TRAILING) for _, raw in sorted(found)]


def dedupe_links(links: list[Link]) -> tuple[Link, ...]:
    """Keep one link per normalised URL; an annotation's anchor text wins over the typed URL itself."""
    kept: dict[str, Link] = {}
    for link in links:
        key = dedupe_key(link.url)
        if key not in kept:
            kept[key] = link
        elif _is_bare(kept[key]) and not _is_bare(link):
            kept[key] = Link(link.url, classify_link(link.url, link.anchor_text), link.anchor_text,
                             kept[key].page, kept[key].bbox, link.valid)
    return tuple(kept.values())


def _is_bare(link: Link) -> bool:
    """True when the anchor text is just the URL spelled out (it tells nothing more)."""
    anchor = dedupe_key(link.anchor_text.removeprefix("mailto:"))
    return not anchor or anchor == dedupe_key(link.url.removeprefix("mailto:"))
