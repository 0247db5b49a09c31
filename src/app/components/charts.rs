//! Hand-written charts. Each is decorative for assistive technology
//! (`aria-hidden`) because the page beside it always carries the same facts
//! as text or as a table.
//!
//! Their words are HTML text beside small SVG shapes rather than SVG text:
//! an SVG scaled down to a phone's width shrinks its text with it (a 600-unit
//! chart on a 390 px screen turns 13 px labels into 7 px), while HTML text
//! keeps its size at any width. The shapes carry no words, so they can
//! scale freely. The radar keeps its labels in the SVG on wide screens and
//! becomes a list of bars on narrow ones.

use yew::prelude::*;

use crate::core::bank::Track;
use crate::core::score::HYBRID_HALF_WIDTH;

#[derive(Properties, PartialEq)]
pub struct LeaningGaugeProps {
    /// −100 (technical) … +100 (management).
    pub leaning: f64,
}

/// A horizontal axis from technical to management with the hybrid zone in
/// the middle and a marker at the person's leaning.
#[component]
pub fn LeaningGauge(props: &LeaningGaugeProps) -> Html {
    let x = |v: f64| 10.0 + (v.clamp(-100.0, 100.0) + 100.0) * 2.9;
    let marker = x(props.leaning);
    let (h0, h1) = (x(-HYBRID_HALF_WIDTH), x(HYBRID_HALF_WIDTH));
    html! {
        <div class="chart gauge-chart" aria-hidden="true">
            <svg class="gauge" viewBox="0 0 600 60" preserveAspectRatio="none" focusable="false">
                <rect x="10" y="22" width="580" height="16" rx="8" class="axis" />
                <rect x={crate::core::text::plain(h0)} y="22" width={crate::core::text::plain(h1 - h0)} height="16" class="hybrid-zone" />
                // A bar rather than a dot: the shape stretches with the
                // screen's width, and a dot would turn into an oval.
                <rect x={crate::core::text::plain(marker - 5.0)} y="6" width="10" height="48" rx="2" class="marker-dot" />
            </svg>
            <div class="gauge-labels">
                <span>{ "Technical" }</span>
                <span>{ "Hybrid" }</span>
                <span>{ "Management" }</span>
            </div>
        </div>
    }
}

/// One bar of [`DimensionBars`].
#[derive(Clone, PartialEq)]
pub struct Bar {
    pub label: AttrValue,
    pub value: Option<f64>,
    pub track: Track,
}

#[derive(Properties, PartialEq)]
pub struct DimensionBarsProps {
    pub bars: Vec<Bar>,
}

/// A 0–100 bar with a dashed line at 50, as a small word-free SVG.
fn meter(values: &[(Option<f64>, &'static str)]) -> Html {
    let n = values.len().max(1) as f64;
    let h = 22.0 / n;
    html! {
        <svg class="meter" viewBox="0 0 100 24" preserveAspectRatio="none" focusable="false">
            <rect x="0" y="1" width="100" height="22" class="track-bg" />
            { for values.iter().enumerate().map(|(i, (v, class))| html! {
                <rect x="0" y={crate::core::text::plain(1.0 + i as f64 * h)} width={crate::core::text::fixed(v.unwrap_or(0.0).clamp(0.0, 100.0), 1)} height={crate::core::text::fixed(h, 1)} class={*class} />
            }) }
            <line x1="50" x2="50" y1="0" y2="24" class="midline" />
        </svg>
    }
}

/// Scores 0–100 as horizontal bars, coloured and patterned by track so the
/// chart also reads in black and white.
#[component]
pub fn DimensionBars(props: &DimensionBarsProps) -> Html {
    html! {
        <div class="chart bar-chart" aria-hidden="true">
            <HatchDefs />
            { for props.bars.iter().map(|b| {
                let class = match b.track { Track::Management => "bar mgmt", Track::Technical => "bar tech", Track::Hybrid | Track::Neither => "bar other" };
                html! {
                    <div class="bar-row">
                        <span class="bar-label">{ b.label.clone() }</span>
                        { meter(&[(b.value, class)]) }
                        <span class="bar-value">{ b.value.map(|v| crate::core::text::fixed(v, 0)).unwrap_or_else(|| "–".into()) }</span>
                    </div>
                }
            }) }
            <p class="bar-note">{ "Dashed line: 50, neutral" }</p>
        </div>
    }
}

/// The hatch pattern technical bars are filled with, defined once per chart.
#[component]
fn HatchDefs() -> Html {
    html! {
        <svg class="defs" width="0" height="0" focusable="false">
            <defs>
                <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect width="6" height="6" class="tech-fill" />
                    <line x1="0" y1="0" x2="0" y2="6" class="hatch-line" />
                </pattern>
            </defs>
        </svg>
    }
}

/// One topic of [`ChangeBars`]: the earlier and the later score.
#[derive(Clone, PartialEq)]
pub struct Change {
    pub label: AttrValue,
    pub then: Option<f64>,
    pub now: Option<f64>,
}

#[derive(Properties, PartialEq)]
pub struct ChangeBarsProps {
    pub rows: Vec<Change>,
}

/// Two results per topic: the earlier a light bar above, the later a dark
/// bar below.
#[component]
pub fn ChangeBars(props: &ChangeBarsProps) -> Html {
    html! {
        <div class="chart bar-chart" aria-hidden="true">
            { for props.rows.iter().map(|r| html! {
                <div class="bar-row">
                    <span class="bar-label">{ r.label.clone() }</span>
                    { meter(&[(r.then, "bar then"), (r.now, "bar mgmt")]) }
                    <span class="bar-value">{ r.now.map(|v| crate::core::text::fixed(v, 0)).unwrap_or_else(|| "–".into()) }</span>
                </div>
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct RadarProps {
    /// One label per axis.
    pub labels: Vec<AttrValue>,
    /// Levels 0–4 per axis: where the person is.
    pub current: Vec<f64>,
    /// Levels 0–4 per axis: what the role asks for.
    pub target: Vec<f64>,
}

/// Current vs target skill levels on a radar. The target is a dashed
/// outline, the current level a filled shape, so the two differ without
/// colour (and in print). On a narrow screen the same data shows as one bar
/// per skill, whose words stay readable.
#[component]
pub fn Radar(props: &RadarProps) -> Html {
    let n = props.labels.len().max(3);
    let (cx, cy, r) = (300.0_f64, 260.0_f64, 170.0_f64);
    let point = |i: usize, level: f64| -> (f64, f64) {
        let angle = std::f64::consts::TAU * i as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
        let d = r * level.clamp(0.0, 4.0) / 4.0;
        // The browser's sine and cosine: Rust's own (libm, with its
        // argument reduction) would add 2.5 KB gzip to each page that
        // shows the radar, for a few points on a chart.
        (
            cx + d * js_sys::Math::cos(angle),
            cy + d * js_sys::Math::sin(angle),
        )
    };
    let polygon = |values: &[f64]| -> String {
        (0..n)
            .map(|i| {
                let (x, y) = point(i, values.get(i).copied().unwrap_or(0.0));
                format!(
                    "{x_1},{y_1}",
                    x_1 = crate::core::text::fixed(x, 1),
                    y_1 = crate::core::text::fixed(y, 1)
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let level = |v: &[f64], i: usize| v.get(i).copied().unwrap_or(0.0).clamp(0.0, 4.0);
    html! {
        <div class="chart radar-chart" aria-hidden="true">
            <svg class="radar" viewBox="-260 0 1120 540" focusable="false">
                { for (1..=4).map(|level| html! {
                    <polygon class="ring" points={polygon(&vec![f64::from(level); n])} />
                }) }
                { for (0..n).map(|i| {
                    let (x, y) = point(i, 4.0);
                    let (lx, ly) = point(i, 4.7);
                    let anchor = if (lx - cx).abs() < 10.0 { "middle" } else if lx > cx { "start" } else { "end" };
                    html! {
                        <g>
                            <line class="spoke" x1={crate::core::text::plain(cx)} y1={crate::core::text::plain(cy)} x2={crate::core::text::fixed(x, 1)} y2={crate::core::text::fixed(y, 1)} />
                            <text class="label radar-label" x={crate::core::text::fixed(lx, 1)} y={crate::core::text::fixed(ly + 6.0, 1)} text-anchor={anchor}>
                                { props.labels.get(i).cloned().unwrap_or_default() }
                            </text>
                        </g>
                    }
                }) }
                <polygon class="target" points={polygon(&props.target)} />
                <polygon class="current" points={polygon(&props.current)} />
                <g class="legend">
                    <rect x="20" y="496" width="22" height="16" class="current" />
                    <text x="50" y="510" class="label radar-label">{ "You now" }</text>
                    <line x1="180" y1="504" x2="216" y2="504" class="target" />
                    <text x="224" y="510" class="label radar-label">{ "The role" }</text>
                </g>
            </svg>
            <ul class="radar-list">
                { for (0..props.labels.len()).map(|i| {
                    let (now, role) = (level(&props.current, i), level(&props.target, i));
                    html! {
                        <li class="bar-row">
                            <span class="bar-label">{ props.labels.get(i).cloned().unwrap_or_default() }</span>
                            <svg class="meter" viewBox="0 0 100 24" preserveAspectRatio="none" focusable="false">
                                <rect x="0" y="1" width="100" height="22" class="track-bg" />
                                <rect x="0" y="4" width={crate::core::text::fixed(now * 25.0, 1)} height="16" class="bar mgmt" />
                                <line x1={crate::core::text::fixed((role * 25.0).clamp(1.0, 99.0), 1)} x2={crate::core::text::fixed((role * 25.0).clamp(1.0, 99.0), 1)} y1="0" y2="24" class="target-mark" />
                            </svg>
                            <span class="bar-value">{ format!("{now_0} of {role_0}", now_0 = crate::core::text::fixed(now, 0), role_0 = crate::core::text::fixed(role, 0)) }</span>
                        </li>
                    }
                }) }
                <li class="bar-note">{ "Bar: your level now, 0–4. Line: the level the role asks for." }</li>
            </ul>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct CountBarsProps {
    /// A label and a count per bar.
    pub rows: Vec<(AttrValue, usize)>,
}

/// Counts as bars, the largest full width.
#[component]
pub fn CountBars(props: &CountBarsProps) -> Html {
    let max = props.rows.iter().map(|r| r.1).max().unwrap_or(0).max(1) as f64;
    html! {
        <div class="chart bar-chart" aria-hidden="true">
            { for props.rows.iter().map(|(label, n)| html! {
                <div class="bar-row">
                    <span class="bar-label">{ label.clone() }</span>
                    <svg class="meter" viewBox="0 0 100 24" preserveAspectRatio="none" focusable="false">
                        <rect x="0" y="1" width="100" height="22" class="track-bg" />
                        <rect x="0" y="1" width={crate::core::text::fixed(*n as f64 / max * 100.0, 1)} height="22" class="bar mgmt" />
                    </svg>
                    <span class="bar-value">{ n.to_string() }</span>
                </div>
            }) }
        </div>
    }
}
