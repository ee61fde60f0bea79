use std::rc::Rc;

use yew::prelude::*;

use crate::content::{fill, Card, Content};
use crate::state::{Action, Field};

#[derive(Properties, PartialEq)]
pub struct CompareRowProps {
    pub card: Rc<Card>,
    pub content: Rc<Content>,
    pub picked: bool,
    /// True when four are already picked and this one is not.
    pub pick_disabled: bool,
    pub dispatch: Callback<Action>,
}

/// One treatment in the comparison table, with its "select to compare" box. A component
/// so that sorting moves rows instead of rebuilding them.
#[function_component]
pub fn CompareRow(props: &CompareRowProps) -> Html {
    let c = &props.card;
    let content = &props.content;
    let ui = &content.ui;
    let id = c.id.clone();
    let box_id = format!("{}-pick", c.id);
    // The treatment itself is the row header, with the box.
    let cells = Field::ALL[1..].iter().map(|f| {
        html! { <td role="cell" data-label={f.label(ui).to_owned()}>{ f.cell(c, content) }</td> }
    });
    html! {
        <tr role="row" class={classes!(props.picked.then_some("trd-table__row--picked"))}>
            <th scope="row" role="rowheader">
                <span class="trd-pick">
                    <input type="checkbox" id={box_id.clone()} class="trd-pick__box" checked={props.picked}
                        disabled={props.pick_disabled}
                        aria-label={fill(&ui.compare_pick, &[("title", &c.title)])}
                        aria-describedby="trd-compare-hint"
                        onchange={props.dispatch.reform(move |_: Event| Action::TogglePick(id.clone()))} />
                    <label for={box_id}>{ &c.title }</label>
                </span>
            </th>
            { for cells }
        </tr>
    }
}
