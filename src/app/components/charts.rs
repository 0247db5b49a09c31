//! Hand-written SVG charts. Each is decorative for assistive technology
//! (`aria-hidden`) because the page beside it always carries the same facts
//! as text or as a table.

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
    let x = |v: f64| 20.0 + (v.clamp(-100.0, 100.0) + 100.0) * 2.8;
    let marker = x(props.leaning);
    let (h0, h1) = (x(-HYBRID_HALF_WIDTH), x(HYBRID_HALF_WIDTH));
    html! {
        <svg class="gauge" viewBox="0 0 600 90" aria-hidden="true" focusable="false">
            <rect x="20" y="30" width="560" height="16" rx="8" class="axis" />
            <rect x={h0.to_string()} y="30" width={(h1 - h0).to_string()} height="16" class="hybrid-zone" />
            <line x1={marker.to_string()} x2={marker.to_string()} y1="18" y2="58" class="marker" />
            <circle cx={marker.to_string()} cy="38" r="9" class="marker-dot" />
            <text x="20" y="80" class="label">{ "Technical" }</text>
            <text x="300" y="80" class="label" text-anchor="middle">{ "Hybrid" }</text>
            <text x="580" y="80" class="label" text-anchor="end">{ "Management" }</text>
        </svg>
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

/// Scores 0–100 as horizontal bars, coloured and patterned by track so the
/// chart also reads in black and white.
#[component]
pub fn DimensionBars(props: &DimensionBarsProps) -> Html {
    let row = 34.0;
    let height = props.bars.len() as f64 * row + 30.0;
    let (left, width) = (230.0, 340.0);
    html! {
        <svg class="bars" viewBox={format!("0 0 600 {height}")} aria-hidden="true" focusable="false">
            <defs>
                <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect width="6" height="6" class="tech-fill" />
                    <line x1="0" y1="0" x2="0" y2="6" class="hatch-line" />
                </pattern>
            </defs>
            { for props.bars.iter().enumerate().map(|(i, b)| {
                let y = i as f64 * row + 8.0;
                let w = b.value.unwrap_or(0.0) / 100.0 * width;
                let class = match b.track { Track::Management => "bar mgmt", Track::Technical => "bar tech", Track::Hybrid | Track::Neither => "bar other" };
                html! {
                    <g>
                        <text x={(left - 10.0).to_string()} y={(y + 16.0).to_string()} text-anchor="end" class="label">{ b.label.clone() }</text>
                        <rect x={left.to_string()} y={y.to_string()} width={width.to_string()} height="22" class="track-bg" />
                        <rect x={left.to_string()} y={y.to_string()} width={w.to_string()} height="22" class={class} />
                        <text x={(left + width + 4.0).to_string()} y={(y + 16.0).to_string()} class="value">
                            { b.value.map(|v| format!("{v:.0}")).unwrap_or_else(|| "–".into()) }
                        </text>
                    </g>
                }
            }) }
            <line x1={(left + width / 2.0).to_string()} x2={(left + width / 2.0).to_string()} y1="0" y2={(height - 22.0).to_string()} class="midline" />
            <text x={(left + width / 2.0).to_string()} y={(height - 6.0).to_string()} text-anchor="middle" class="label">{ "50 = neutral" }</text>
        </svg>
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
/// colour (and in print).
#[component]
pub fn Radar(props: &RadarProps) -> Html {
    let n = props.labels.len().max(3);
    let (cx, cy, r) = (300.0_f64, 260.0_f64, 170.0_f64);
    let point = |i: usize, level: f64| -> (f64, f64) {
        let angle = std::f64::consts::TAU * i as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
        let d = r * level.clamp(0.0, 4.0) / 4.0;
        (cx + d * angle.cos(), cy + d * angle.sin())
    };
    let polygon = |values: &[f64]| -> String {
        (0..n)
            .map(|i| {
                let (x, y) = point(i, values.get(i).copied().unwrap_or(0.0));
                format!("{x:.1},{y:.1}")
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    html! {
        <svg class="radar" viewBox="-130 0 860 530" aria-hidden="true" focusable="false">
            { for (1..=4).map(|level| html! {
                <polygon class="ring" points={polygon(&vec![f64::from(level); n])} />
            }) }
            { for (0..n).map(|i| {
                let (x, y) = point(i, 4.0);
                let (lx, ly) = point(i, 4.75);
                let anchor = if (lx - cx).abs() < 10.0 { "middle" } else if lx > cx { "start" } else { "end" };
                html! {
                    <g>
                        <line class="spoke" x1={cx.to_string()} y1={cy.to_string()} x2={format!("{x:.1}")} y2={format!("{y:.1}")} />
                        <text class="label" x={format!("{lx:.1}")} y={format!("{:.1}", ly + 4.0)} text-anchor={anchor}>
                            { props.labels.get(i).cloned().unwrap_or_default() }
                        </text>
                    </g>
                }
            }) }
            <polygon class="target" points={polygon(&props.target)} />
            <polygon class="current" points={polygon(&props.current)} />
            <g class="legend">
                <rect x="20" y="490" width="18" height="12" class="current" />
                <text x="44" y="501" class="label">{ "You now" }</text>
                <line x1="140" y1="496" x2="170" y2="496" class="target" />
                <text x="176" y="501" class="label">{ "The role" }</text>
            </g>
        </svg>
    }
}
