"""axe-core in the browser tests: the vendored `vendor/axe.min.js` (npm, MPL-2.0)
is evaluated through the DevTools protocol, which the site's strict CSP does not
apply to, so the site itself never serves or allows it."""

from __future__ import annotations

from functools import cache
from pathlib import Path

AXE_JS = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
BLOCKING = ("serious", "critical")


@cache
def _source() -> str:
    return AXE_JS.read_text(encoding="utf-8")


def axe_violations(page, *, impacts=BLOCKING) -> list[str]:
    """One line per node violating a rule of axe's default (WCAG 2.x A/AA and
    best-practice) set with one of `impacts`: "rule (impact): target: summary"."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_source() + "\n;true")
    # Judge the page at rest: finish the entrance animations (fading cards).
    page.evaluate("() => document.getAnimations().forEach(a => a.finish())")
    violations = page.evaluate(
        """async () => {
            const result = await window.axe.run(document, {resultTypes: ["violations"]});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact,
                nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary}))
            }));
        }"""
    )
    return [
        f"{v['id']} ({v['impact']}): {node['target']}: {node['summary']}"
        for v in violations
        if v["impact"] in impacts
        for node in v["nodes"]
    ]
