//! A balance-over-time chart drawn as SVG by the app itself: no chart
//! library, no JavaScript. Presentational: points in, picture out.

use leptos::prelude::*;

const WIDTH: i64 = 600;
const HEIGHT: i64 = 200;
const LEFT: i64 = 8;
const BOTTOM: i64 = 24;

/// `balances[i]` is the balance after payment `i` (index 0 is the amount
/// borrowed). The text alternative names the start and end for screen
/// readers; the table beside the chart carries every figure.
#[component]
pub fn BalanceChart(
    balances: Vec<i64>,
    #[prop(into)] title: Signal<&'static str>,
    #[prop(into)] start_label: Signal<String>,
    #[prop(into)] end_label: Signal<String>,
) -> impl IntoView {
    let max = balances.iter().copied().max().unwrap_or(0).max(1);
    let steps = i64::try_from(balances.len().saturating_sub(1))
        .unwrap_or(1)
        .max(1);
    let points = balances
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let i = i64::try_from(i).unwrap_or(0);
            let x = LEFT + i * (WIDTH - 2 * LEFT) / steps;
            let y = (HEIGHT - BOTTOM) - b.max(&0) * (HEIGHT - BOTTOM - 8) / max;
            format!("{x},{y}")
        })
        .collect::<Vec<_>>()
        .join(" ");
    let area = format!(
        "{LEFT},{} {points} {},{}",
        HEIGHT - BOTTOM,
        WIDTH - LEFT,
        HEIGHT - BOTTOM
    );
    view! {
        <figure class="chart">
            <svg
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                role="img"
                aria-labelledby="chart-title chart-desc"
                preserveAspectRatio="none"
            >
                <title id="chart-title">{title}</title>
                <desc id="chart-desc">{move || format!("{} → {}", start_label.get(), end_label.get())}</desc>
                <line x1=LEFT y1=HEIGHT - BOTTOM x2=WIDTH - LEFT y2=HEIGHT - BOTTOM class="axis" />
                <polygon points=area class="area" />
                <polyline points=points class="line" />
            </svg>
            <figcaption>
                <span>{title}</span>
                <span class="chart-range">{move || format!("{} → {}", start_label.get(), end_label.get())}</span>
            </figcaption>
        </figure>
    }
}
