"""The web page in a real browser: Debian's headless Chromium driven by Selenium, against uvicorn.

Checks the article's DOM text against the stored text, the keyboard path marker -> card -> marker,
hover linking, console errors (CSP violations included) on every page, that no hostile payload
runs a script or opens a dialog, and axe-core (vendored in tests/vendor) finds no serious or
critical accessibility violation.  Skipped where /usr/bin/chromium or /usr/bin/chromedriver is
missing (``apt-get install chromium chromium-driver``); Selenium never downloads a browser.
Set REPORTEDLY_SCREENSHOTS=DIR to save screenshots of the bundled examples' pages there
(docs/screenshots holds the committed ones).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reportedly import analyze
from reportedly.store import Store
from reportedly.web import Site, SiteConfig, create_app
from reportedly.web.article import article_href, claim_href
from test_web_support import (
    CLAIM_GROUP,
    PAYLOADS,
    ROOT,
    SLASH_GROUP,
    example_reports,
    hostile_article,
    hostile_claim_rows,
    make_store,
    uvicorn_server,
)

CHROMIUM = Path("/usr/bin/chromium")
DRIVER = Path("/usr/bin/chromedriver")
AXE = ROOT / "tests" / "vendor" / "axe.min.js"

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and DRIVER.exists()),
    reason="needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)",
)

HOSTILE = tuple(hostile_article(i, pl) for i, pl in enumerate(PAYLOADS))
HOSTILE_GROUPS: list[str] = []


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    p = tmp_path_factory.mktemp("browser") / "b.duckdb"
    hostile = tuple(analyze(a) for a in HOSTILE)
    make_store(p, extra=hostile, copies=False)
    with Store.open(p) as store:
        HOSTILE_GROUPS[:] = hostile_claim_rows(store, list(hostile))
    site = Site.open(SiteConfig(db=str(p)))
    site.wait_for_index(30)
    with uvicorn_server(create_app(site)) as url:
        yield url
    site.close()


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000", "--disable-extensions", "--no-first-run"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    d = webdriver.Chrome(service=Service(str(DRIVER)), options=opts)
    d.set_page_load_timeout(20)
    yield d
    d.quit()


def load(driver: Any, url: str) -> list[dict[str, Any]]:
    """Open a page; return the console entries it logged (CSP violations are SEVERE console errors)."""
    driver.get_log("browser")  # drop what came before
    driver.get(url)
    driver.execute_script("return document.readyState")
    time.sleep(0.05)
    return list(driver.get_log("browser"))


def no_dialog(driver: Any) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018 (the property raises when there is no dialog)


def test_dom_text_equals_the_stored_text(base: str, driver: Any) -> None:
    for rep in example_reports():
        load(driver, base + article_href(rep.article.id))
        dom = driver.execute_script("return document.getElementById('article-text').textContent")
        assert dom == rep.article.text


def test_keyboard_path_marker_card_and_back(base: str, driver: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    rep = example_reports()[0]
    assert rep.attributions
    load(driver, base + article_href(rep.article.id))
    marker = driver.find_element(By.CSS_SELECTOR, "a.marker#m-a1")
    driver.execute_script("arguments[0].focus()", marker)
    assert driver.switch_to.active_element.get_attribute("id") == "m-a1"
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    time.sleep(0.1)
    assert driver.switch_to.active_element.get_attribute("id") == "card-a1"
    assert "lit" in driver.find_element(By.ID, "card-a1").get_attribute("class")
    # Tab from the card reaches its "back to the text" link; Enter returns to the marker
    driver.switch_to.active_element.send_keys(Keys.TAB)
    active = driver.switch_to.active_element
    assert active.get_attribute("class") == "back" and active.get_attribute("href").endswith("#m-a1")
    active.send_keys(Keys.ENTER)
    time.sleep(0.1)
    assert driver.switch_to.active_element.get_attribute("id") == "m-a1"
    spans = driver.find_elements(By.CSS_SELECTOR, '#article-text span[data-att~="a1"]')
    assert spans and all("lit" in s.get_attribute("class") for s in spans)  # focus lights the passage


def test_hover_links_cards_and_spans(base: str, driver: Any) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    rep = example_reports()[0]
    n = min(3, len(rep.attributions))
    load(driver, base + article_href(rep.article.id))
    card = driver.find_element(By.ID, f"card-a{n}")
    driver.execute_script("arguments[0].scrollIntoView()", card)
    ActionChains(driver).move_to_element(card).perform()
    spans = driver.find_elements(By.CSS_SELECTOR, f'#article-text span[data-att~="a{n}"]')
    assert spans and all("lit" in s.get_attribute("class") for s in spans)
    span = spans[0]
    driver.execute_script("arguments[0].scrollIntoView()", span)
    ActionChains(driver).move_to_element(span).perform()
    assert "lit" in driver.find_element(By.ID, f"card-a{n}").get_attribute("class")


def pages(base: str) -> list[str]:
    ex = example_reports()
    return [base + p for p in ("/", "/?q=Apple", "/?q=script", "/analyze", "/outlets", "/stories",
                               "/stories/s-examples", *(article_href(r.article.id) for r in ex),
                               claim_href(CLAIM_GROUP), claim_href(SLASH_GROUP), "/drift", "/drift?direction=raised",
                               "/drift?page=2", "/?q=Maintenance")]


def test_every_page_loads_without_console_errors(base: str, driver: Any) -> None:
    for url in pages(base):
        logs = load(driver, url)
        errors = [e for e in logs if e["level"] in ("SEVERE", "WARNING")]
        assert not errors, (url, errors)
        no_dialog(driver)


def test_hostile_payloads_run_nothing_in_the_browser(base: str, driver: Any) -> None:
    from selenium.webdriver.common.by import By

    for a in HOSTILE:
        logs = load(driver, base + article_href(a.id))
        no_dialog(driver)
        assert not [e for e in logs if e["level"] == "SEVERE"], (a.id, logs)  # no CSP violation, no error
        assert driver.find_element(By.TAG_NAME, "h1").text == a.title
        scripts = driver.execute_script("return Array.from(document.scripts).map(s => s.getAttribute('src'))")
        assert scripts == ["/static/app.js"]
        assert not driver.find_elements(By.CSS_SELECTOR, "#article-text *:not(span):not(a.marker)")
        dom = driver.execute_script("return document.getElementById('article-text').textContent")
        assert dom == a.text
    logs = load(driver, base + "/?q=" + "alert")
    no_dialog(driver)
    assert not [e for e in logs if e["level"] == "SEVERE"]


def test_hostile_claims_and_drift_run_nothing_in_the_browser(base: str, driver: Any) -> None:
    from selenium.webdriver.common.by import By

    assert len(HOSTILE_GROUPS) >= 30
    pages = [claim_href(g) for g in HOSTILE_GROUPS] + [f"/drift?page={n}" for n in (1, 2)]
    for path in pages:
        logs = load(driver, base + path)
        no_dialog(driver)
        assert not [e for e in logs if e["level"] in ("SEVERE", "WARNING")], (path, logs)
        scripts = driver.execute_script("return Array.from(document.scripts).map(s => s.getAttribute('src'))")
        assert scripts == ["/static/app.js"]
        assert not driver.find_elements(By.CSS_SELECTOR, "blockquote.passage *:not(span):not(mark)")
    load(driver, base + claim_href(HOSTILE_GROUPS[0]))
    assert driver.find_element(By.CSS_SELECTOR, "p.meta code").text == HOSTILE_GROUPS[0]
    passages = driver.execute_script(
        "return Array.from(document.querySelectorAll('blockquote.passage')).map(b => b.textContent)")
    texts = {a.id: a.text for a in HOSTILE}
    assert any(p in texts["xss-0"] for p in passages) and any(p in texts["xss-1"] for p in passages)


def test_claim_cells_and_links_are_reachable_by_keyboard(base: str, driver: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    load(driver, base + "/stories/s-examples")
    cell = driver.find_element(By.CSS_SELECTOR, "table.matrix td.cell a")
    driver.execute_script("arguments[0].focus()", cell)
    assert driver.switch_to.active_element.get_attribute("href").endswith(claim_href(CLAIM_GROUP))
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    time.sleep(0.2)
    assert driver.current_url.endswith(claim_href(CLAIM_GROUP))
    link = driver.find_element(By.CSS_SELECTOR, 'tr#mention-3 a[href="#mention-1"]')
    driver.execute_script("arguments[0].focus()", link)
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    time.sleep(0.1)
    assert driver.current_url.endswith("#mention-1")


def test_axe_finds_no_serious_violation(base: str, driver: Any) -> None:
    axe = AXE.read_text(encoding="utf-8")
    for url in [*pages(base), base + article_href(HOSTILE[0].id)]:
        load(driver, url)
        driver.execute_script(axe)
        driver.set_script_timeout(30)
        result = driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations)).catch(e => done(String(e)));"
        )
        assert isinstance(result, list), result
        bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]]) for v in result
               if v["impact"] in ("serious", "critical")]
        assert not bad, (url, bad)


def test_screenshots_of_bundled_examples(base: str, driver: Any) -> None:
    out = os.environ.get("REPORTEDLY_SCREENSHOTS")
    if not out:
        pytest.skip("set REPORTEDLY_SCREENSHOTS=DIR to save screenshots")
    d = Path(out)
    d.mkdir(parents=True, exist_ok=True)
    rep = next(r for r in example_reports() if "iphone" in (r.article.origin or ""))
    driver.set_window_size(1400, 1800)
    load(driver, base + article_href(rep.article.id))
    driver.save_screenshot(str(d / "article-wikinews-iphone4.png"))
    load(driver, base + "/stories/s-examples")
    driver.set_window_size(1400, 700)
    driver.save_screenshot(str(d / "story-wikinews-examples.png"))
    driver.set_window_size(1400, 1000)
    if os.environ.get("REPORTEDLY_SCREENSHOTS_MADE_UP"):  # the claim rows are made up: never committed
        for name, path in (("claim", claim_href(CLAIM_GROUP)), ("drift", "/drift"), ("story-matrix", "/stories/s-examples")):
            load(driver, base + path)
            driver.set_window_size(1400, 1200)
            driver.save_screenshot(str(d / f"made-up-{name}.png"))
