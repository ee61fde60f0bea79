use yew::prelude::*;

/// Outlines of all 100 figures, 8 × 8 squares on a 10-unit grid, drawn as dashed lines
/// (dash 8, gap 2): 20 horizontal edges and 20 vertical ones. The same for every array, so
/// it compresses to nearly nothing, and one element instead of a hundred.
fn outlines() -> String {
    let mut d = String::with_capacity(480);
    for i in 0..10 {
        // Each square's two edges, at 0.5 and 7.5 units into its 10-unit cell.
        for tenths in [i * 100 + 5, i * 100 + 75] {
            let at = format!("{}.{}", tenths / 10, tenths % 10);
            let at = at.strip_prefix('0').unwrap_or(&at);
            d.push_str(&format!("M0 {at}h98M{at} 0v98"));
        }
    }
    d
}

/// The first `filled` figures, row by row from the top left: each row one thick dashed
/// line covering its squares (and their outlines).
fn filled_rows(filled: u32) -> String {
    let filled = filled.min(100);
    let mut d = String::new();
    for row in 0..filled.div_ceil(10) {
        let width = (filled - row * 10).min(10) * 10;
        d.push_str(&format!("M0 {}h{width}", row * 10 + 4));
    }
    d
}

/// 100 figures, 10 × 10, the first `filled` solid and the rest outlined: solid against
/// hollow, so it reads in black and white and in forced colours, not by colour alone. Two
/// `<path>`s drawn in `currentColor` (themed in CSS). Hidden from screen readers: the
/// sentence beside it says the same.
pub fn icon_array(filled: u32) -> Html {
    html! {
        <svg class="trd-icons" viewBox="0 0 98 98" width="96" height="96" aria-hidden="true" focusable="false">
            <path class="trd-icons__empty" d={outlines()} fill="none" stroke="currentColor"
                stroke-width="1" stroke-dasharray="8 2" />
            <path class="trd-icons__filled" d={filled_rows(filled)} fill="none" stroke="currentColor"
                stroke-width="8" stroke-dasharray="8 2" />
        </svg>
    }
}
