//! Rule tests: cues, contents, targets, conditions and the constructions around them.

use super::*;

#[test]
fn active_cues_in_every_tense() {
    assert!(has(
        "Lima demands a new vote.",
        "Peru",
        Stance::Demand,
        "a new vote"
    ));
    assert!(has(
        "Lima is demanding a new vote.",
        "Peru",
        Stance::Demand,
        "a new vote"
    ));
    assert!(has(
        "Canberra has rejected the tariff plan.",
        "Australia",
        Stance::Reject,
        "the tariff plan"
    ));
    assert!(has(
        "Ottawa backed the proposal on Monday.",
        "Canada",
        Stance::Support,
        "the proposal"
    ));
}

#[test]
fn control_verbs_give_a_target() {
    let f = found("The African Union called on Ethiopia to withdraw its troops.");
    assert_eq!(
        f,
        vec![(
            "African Union".into(),
            Stance::Demand,
            "withdraw its troops".into(),
            Some("Ethiopia".into())
        )]
    );
    let f = found("Berlin urged Warsaw to reconsider.");
    assert_eq!(f[0].3.as_deref(), Some("Poland"));
}

#[test]
fn reservations_held_are_rejections() {
    let f = found("Poland and Hungary above all have strong reservations about the treaty.");
    assert_eq!(f.len(), 2, "{f:?}");
    assert!(f
        .iter()
        .all(|p| p.1 == Stance::Reject && p.2 == "the treaty"));
    assert!(has(
        "Germany voiced serious objections to the plan.",
        "Germany",
        Stance::Reject,
        "the plan"
    ));
    assert!(has(
        "Nurses threw out the pay offer.",
        "nurses",
        Stance::Reject,
        "the pay offer"
    ));
}

#[test]
fn conditions_that_are_set_are_demands() {
    let f = found("Ankara has set Stockholm five formal conditions for its entry.");
    assert_eq!(
        f,
        vec![(
            "Turkey".into(),
            Stance::Demand,
            "five formal conditions for its entry".into(),
            Some("Sweden".into())
        )]
    );
    assert!(has(
        "Moscow laid down tough conditions for a truce.",
        "Russia",
        Stance::Demand,
        "tough conditions for a truce"
    ));
    // conditions that are rejected are not demanded
    let f = found("Kyiv rejected the conditions for talks.");
    assert!(f.iter().all(|p| p.1 != Stance::Demand), "{f:?}");
}

#[test]
fn amounts_make_cue_words_nouns_and_may_start_a_content() {
    let f = found("Poorer countries turn down $250 billion offer");
    assert_eq!(
        f,
        vec![(
            "poorer countries".into(),
            Stance::Reject,
            "$250 billion offer".into(),
            None
        )]
    );
}

#[test]
fn purposes_are_not_positions() {
    let f = found("London wants the deal changed so that MPs can accept it.");
    assert!(f.iter().all(|p| p.1 != Stance::Support), "{f:?}");
    assert!(f
        .iter()
        .any(|p| p.0 == "United Kingdom" && p.1 == Stance::Demand));
}

#[test]
fn offers_of_nothing_or_of_words_and_verbs_sharing_an_object() {
    assert!(found("Norway offered no concrete proposals.").is_empty());
    assert!(found("Trump offered a glowing assessment of the talks.").is_empty());
    assert!(has(
        "Chile wants no return to war.",
        "Chile",
        Stance::Demand,
        "no return to war"
    ));
    // "complete and sign the treaty" is one offer
    assert!(has(
        "Yerevan is prepared to complete and sign the treaty.",
        "Armenia",
        Stance::Offer,
        "complete and sign the treaty"
    ));
    // conceding that something is so is a claim
    let f = found("Peru conceded that the target was not ambitious.");
    assert!(f.iter().all(|p| p.1 == Stance::Claim), "{f:?}");
}

#[test]
fn what_is_given_in_exchange_and_what_falls_short() {
    let f = found("Seoul sought sanctions relief in exchange for closing the plant.");
    assert!(f.contains(&(
        "South Korea".into(),
        Stance::Demand,
        "sanctions relief".into(),
        None
    )));
    assert!(f.contains(&(
        "South Korea".into(),
        Stance::Offer,
        "closing the plant".into(),
        None
    )));
    // an offer in exchange for something asks it; a plan's terms are the plan's
    assert!(has(
        "Chile offered a truce in exchange for the release of prisoners.",
        "Chile",
        Stance::Demand,
        "the release of prisoners"
    ));
    assert!(
        found("Peru rejected a plan for a truce in exchange for land.")
            .iter()
            .all(|(_, s, _, _)| *s == Stance::Reject)
    );
    assert!(has(
        "Ottawa wants lower tariffs as the price of backing the deal.",
        "Canada",
        Stance::Offer,
        "backing the deal"
    ));
    assert!(has(
        "Toyota Motor said the offer from the union falls short.",
        "Toyota Motor",
        Stance::Reject,
        "the offer from the union"
    ));
    assert!(has(
        "Cuba brushed off the criticism.",
        "Cuba",
        Stance::Reject,
        "the criticism"
    ));
}

#[test]
fn plans_in_headlines_support_won_and_demands_set_out() {
    // a demonym before a noun cue right after a verb (headline, no article)
    assert!(has(
        "Kenya rejects Ethiopian plan for joint border patrols",
        "Ethiopia",
        Stance::Propose,
        "joint border patrols"
    ));
    // "won support from X for Y": X supports Y
    assert!(has(
        "The premier won support from Sinn Fein for the new budget.",
        "Sinn Fein",
        Stance::Support,
        "the new budget"
    ));
    // demands that are set out are demands, not proposals
    assert!(has(
        "Moscow set out demands for a ceasefire.",
        "Russia",
        Stance::Demand,
        "demands for a ceasefire"
    ));
}

#[test]
fn what_is_asked_of_a_target_is_not_its_position_and_asides_are_not_lists() {
    // Ukraine is asked to give up land; it offers nothing
    let f = found("Washington wants Ukraine to give up large areas of land.");
    assert!(f.iter().all(|p| p.0 != "Ukraine"), "{f:?}");
    assert!(f
        .iter()
        .any(|p| p.0 == "United States" && p.1 == Stance::Demand));
    // "talks with Ukraine, Macron urged": Ukraine does not urge anything
    let f = found("At the talks with Ukraine, Emmanuel Macron urged Putin to halt the strikes.");
    assert_eq!(
        f.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(),
        vec!["Emmanuel Macron"]
    );
    // a real list still shares the verb
    let f = found("France, Germany and Italy urged Russia to withdraw.");
    assert_eq!(f.len(), 3, "{f:?}");
}

#[test]
fn conditions_on_offers_and_wishes_and_duties() {
    // what an offer waits for is a demand of the one who offers
    assert!(has(
        "Chile is ready to resume talks if Bolivia drops its claim.",
        "Chile",
        Stance::Demand,
        "Bolivia drops its claim"
    ));
    assert!(has(
        "Canada would like a faster timetable.",
        "Canada",
        Stance::Demand,
        "a faster timetable"
    ));
    let f = found("Poorer nations say the rich countries have a duty to pay for the damage.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].1, Stance::Demand);
    // a plain "if" after a claim is no condition of anyone's
    let f = found("Norway said prices would rise if the talks failed.");
    assert!(f.iter().all(|p| p.1 == Stance::Claim), "{f:?}");
}

#[test]
fn targets_of_demands_offers_and_rejections() {
    let target_of = |text: &str, stance: Stance| {
        found(text)
            .into_iter()
            .find(|f| f.1 == stance)
            .unwrap_or_else(|| panic!("no {stance:?} in {text:?}"))
            .3
    };
    // the addressees of a control verb, coordinated: the first is named
    assert_eq!(
        target_of(
            "Vienna pressed Budapest and Bratislava to open the border.",
            Stance::Demand
        )
        .as_deref(),
        Some("Hungary")
    );
    // "wants Z to ...": whom the demand is put to
    assert_eq!(
        target_of(
            "Chile wants Peru to return the fishing boats.",
            Stance::Demand
        )
        .as_deref(),
        Some("Peru")
    );
    // "wants steps from Z"
    assert_eq!(
        target_of("Athens wants concrete steps from Ankara.", Stance::Demand).as_deref(),
        Some("Turkey")
    );
    // an owner written with a bare apostrophe
    assert_eq!(
        target_of(
            "Ottawa rejected the Philippines' latest proposal.",
            Stance::Reject
        )
        .as_deref(),
        Some("Philippines")
    );
    // "ready to normalise ties with Z"
    assert_eq!(
        target_of(
            "Rabat is ready to restore ties with Algiers.",
            Stance::Offer
        )
        .as_deref(),
        Some("Algeria")
    );
    // a plural group named by a common noun, and "wants to see Z ..."
    let f = found("Brazil called on all parties to show flexibility.");
    assert_eq!(
        f,
        vec![(
            "Brazil".into(),
            Stance::Demand,
            "show flexibility".into(),
            Some("all parties".into())
        )]
    );
    assert_eq!(
        target_of(
            "Ankara wants to see Stockholm take concrete steps.",
            Stance::Demand
        )
        .as_deref(),
        Some("Sweden")
    );
    // the subject of "must" in a report, a body's members standing for it
    assert_eq!(
        target_of("Turkey says NATO members must join forces.", Stance::Demand).as_deref(),
        Some("NATO")
    );
    // no addressee, no target; a withdrawal from a place is no demand on it
    assert_eq!(target_of("Chile wants a new treaty.", Stance::Demand), None);
    assert_eq!(
        target_of(
            "Kenya demanded a withdrawal of troops from Somalia.",
            Stance::Demand
        ),
        None
    );
}

#[test]
fn negation_flips_the_stance() {
    assert!(has(
        "Cairo will not accept the new borders.",
        "Egypt",
        Stance::Reject,
        "the new borders"
    ));
    assert!(has(
        "Rome does not oppose the sanctions.",
        "Italy",
        Stance::Support,
        "the sanctions"
    ));
    // what was not put forward is neither proposed nor rejected
    let text = "Lima has still not tabled any detailed legal text.";
    assert!(found(text).is_empty(), "{:?}", found(text));
}

#[test]
fn agents_of_a_participle_and_examples_are_no_list() {
    for (text, content) in [
        (
            "Kenya rejected the talks brokered by Egypt and Qatar.",
            "the talks brokered by Egypt and Qatar",
        ),
        (
            "Chad condemned attacks on towns such as Abeche, Moundou and Sarh.",
            "attacks on towns such as Abeche, Moundou and Sarh",
        ),
        (
            "Peru backed a plan for cutting tariffs and opening markets.",
            "a plan for cutting tariffs and opening markets",
        ),
    ] {
        let f = found(text);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        assert_eq!(f[0].2, content, "{text}: {f:?}");
    }
}

#[test]
fn a_contrast_set_off_by_commas_stays_in_the_phrase() {
    let f = found("Chile wants Peruvian boats, and not Chilean ones, to leave the bay.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].1, Stance::Demand, "{f:?}");
    assert!(
        f[0].2
            .starts_with("Peruvian boats, and not Chilean ones, to leave the bay"),
        "{f:?}"
    );
}

#[test]
fn the_following_is_what_its_dash_or_colon_announces() {
    let text =
        "Lima expects the following: Chile must withdraw its fleet, which is near the coast.";
    assert!(
        has_target(
            text,
            "Peru",
            Stance::Demand,
            "Chile must withdraw its fleet",
            "Chile"
        ),
        "{:?}",
        found_str(text)
    );
}

#[test]
fn a_reaction_to_something_owned_is_aimed_at_its_owner() {
    // a possessive pronoun, resolved, names the owner
    let text = "Peru held talks with the ELN and described their demands as absurd.";
    assert!(
        has_target(text, "Peru", Stance::Reject, "their demands", "ELN"),
        "{:?}",
        found_str(text)
    );
    // past the verb of a modal refusal
    let text = "Senator Ana Soto said she expected talks with Governor Luis Vega \
                but would not entertain his budget plan.";
    assert!(
        has_target(
            text,
            "Ana Soto",
            Stance::Reject,
            "entertain his budget plan",
            "Luis Vega"
        ),
        "{:?}",
        found_str(text)
    );
    // nobody is the target of a refusal of what is their own
    let text = "Chile would not drop its claim to the islands.";
    assert!(
        has_target(
            text,
            "Chile",
            Stance::Reject,
            "drop its claim to the islands",
            ""
        ),
        "{:?}",
        found_str(text)
    );
}

#[test]
fn an_offer_or_demand_done_to_what_is_anothers_is_aimed_at_them() {
    let text = "Brazil said it understood Argentina's worries and promised to meet its requests.";
    assert!(
        has_target(
            text,
            "Brazil",
            Stance::Offer,
            "meet its requests",
            "Argentina"
        ),
        "{:?}",
        found_str(text)
    );
    // what is one's own is no target
    let text = "Chile offered to withdraw its troops.";
    assert!(
        has_target(text, "Chile", Stance::Offer, "withdraw its troops", ""),
        "{:?}",
        found_str(text)
    );
}

#[test]
fn what_is_not_up_for_discussion_is_rejected() {
    let text = "Lima said the border was not up for discussion.";
    assert!(
        has(text, "Peru", Stance::Reject, "the border"),
        "{:?}",
        found(text)
    );
}

#[test]
fn refusing_to_yield_on_something_insists_on_it() {
    let text = "Chile won't budge on water rights as Peru seeks a deal.";
    assert!(
        has(text, "Chile", Stance::Demand, "water rights"),
        "{:?}",
        found(text)
    );
    let text = "Talks stalled, with Chile refusing to yield on its demands.";
    assert!(
        has(text, "Chile", Stance::Demand, "its demands"),
        "{:?}",
        found(text)
    );
    let text = "The union would not give ground on pensions.";
    assert!(
        has(text, "union", Stance::Demand, "pensions"),
        "{:?}",
        found(text)
    );
}

#[test]
fn a_relative_clause_without_which_or_that() {
    let text = "Lima rejected the concessions Chile is demanding.";
    assert!(
        has(text, "Peru", Stance::Reject, "the concessions")
            && has(text, "Chile", Stance::Demand, "the concessions"),
        "{:?}",
        found(text)
    );
    let text = "The concessions Chile is demanding are unacceptable to Lima.";
    assert!(
        has(text, "Chile", Stance::Demand, "The concessions"),
        "{:?}",
        found(text)
    );
    // a phrase after the verb is no empty object slot
    assert!(found("By the time Chile demanded a vote, talks had ended.")
        .iter()
        .all(|(_, _, c, _)| c == "a vote"));
}

#[test]
fn a_content_never_opens_with_to() {
    let text = "The changes Chile is seeking to the draft arrived late.";
    assert!(
        found(text).iter().all(|(_, _, c, _)| !c.starts_with("to ")),
        "{:?}",
        found(text)
    );
}

#[test]
fn what_might_be_is_no_position() {
    let text = "Chile wants guarantees from Peru before it backs the treaty.";
    let f = found(text);
    assert!(
        has(text, "Chile", Stance::Demand, "guarantees from Peru")
            && !f.iter().any(|(_, s, _, _)| *s == Stance::Support),
        "{f:?}"
    );
    let text =
        "If Quito thinks it can stall for a month and then say it wants more, that will fail.";
    assert!(found(text).is_empty(), "{:?}", found(text));
    let text = "Lima will wait until Quito accepts the offer.";
    assert!(
        !found(text).iter().any(|(_, s, _, _)| *s == Stance::Support),
        "{:?}",
        found(text)
    );
}

#[test]
fn what_something_is_made_to_depend_on_is_demanded() {
    let text = "Moscow made any deal contingent on the withdrawal of troops and a vote.";
    assert!(
        has(text, "Russia", Stance::Demand, "the withdrawal of troops")
            && has(text, "Russia", Stance::Demand, "a vote"),
        "{:?}",
        found(text)
    );
    assert!(has(
        "Lima makes dialogue hinge on reparations.",
        "Peru",
        Stance::Demand,
        "reparations"
    ));
    assert!(has(
        "Quito made it conditional upon a referendum.",
        "Ecuador",
        Stance::Demand,
        "a referendum"
    ));
}

#[test]
fn a_list_of_that_clauses_is_wanted_item_by_item() {
    let text = "Lima wants guarantees that the border will stay open, \
                that tariffs will fall (not rise), and that talks will resume.";
    assert!(
        has(
            text,
            "Peru",
            Stance::Demand,
            "guarantees that the border will stay open"
        ) && has(text, "Peru", Stance::Demand, "tariffs will fall")
            && has(text, "Peru", Stance::Demand, "talks will resume"),
        "{:?}",
        found(text)
    );
}

#[test]
fn what_someone_is_asked_to_guarantee_is_no_refusal() {
    let text = "Lima wants guarantees that the next Chilean government will not revoke the deal.";
    assert!(
        found(text).iter().all(|(a, _, _, _)| a == "Peru"),
        "{:?}",
        found(text)
    );
}

#[test]
fn how_a_stance_looks_is_no_stance() {
    let text = "Officials in Lima said Quito had appeared ready to reopen the border.";
    assert!(
        found(text).iter().all(|(a, _, _, _)| a == "Peru"),
        "{:?}",
        found(text)
    );
    assert!(found("Chile seems to reject the plan.").is_empty());
}

#[test]
fn those_after_as_do_share_the_position() {
    let text = "Peru rejects the levy, as do Andean members such as Bolivia.";
    assert!(
        has(text, "Peru", Stance::Reject, "the levy")
            && has(text, "Bolivia", Stance::Reject, "the levy"),
        "{:?}",
        found(text)
    );
}

#[test]
fn a_bare_noun_from_someone_says_nothing_of_what() {
    assert!(found("He said the offer from Lima was too low.")
        .iter()
        .all(|(_, _, c, _)| c != "the offer"));
    assert!(has(
        "Quito rejected a 5% offer from Lima.",
        "Peru",
        Stance::Offer,
        "5% offer"
    ));
}

#[test]
fn a_verb_inside_what_is_offered_is_part_of_it() {
    let text = "Lima is prepared to complete and sign the accord within a month.";
    let f = found(text);
    assert!(
        has(
            text,
            "Peru",
            Stance::Offer,
            "complete and sign the accord within a month"
        ) && f.len() == 1,
        "{f:?}"
    );
}

#[test]
fn an_intention_is_transparent_to_what_is_intended() {
    let text = "Lima plans to invite Quito to border talks.";
    let f = found_str(text);
    assert!(
        f.len() == 1 && f[0].0 == "Peru" && f[0].2 == "border talks" && f[0].3 == "Ecuador",
        "{f:?}"
    );
    // a headline's second verb after a comma shares the subject
    let text = "Lima raises the stakes, plans to invite Quito to border talks";
    assert!(
        found_str(text)
            .iter()
            .any(|(a, _, c, t)| a == "Peru" && c == "border talks" && t == "Ecuador"),
        "{:?}",
        found_str(text)
    );
    // the noun still is one: "a Peruvian plan to ...", "Lima's plans to ..."
    assert!(has(
        "Quito rejected a Peruvian plan to build a dam.",
        "Peru",
        Stance::Propose,
        "build a dam"
    ));
    assert!(has(
        "Quito rejected Lima's plans to build a dam.",
        "Peru",
        Stance::Propose,
        "build a dam"
    ));
}

#[test]
fn an_and_inside_a_purpose_is_no_list() {
    let text = "Chile refused to free the prisoners to secure a truce and aid for the north.";
    let f = found(text);
    assert!(
        f.len() == 1 && f[0].2 == "free the prisoners to secure a truce and aid for the north",
        "{f:?}"
    );
    // "an end to sanctions and the release of prisoners" is a list
    let text = "Lima demanded an end to sanctions and the release of prisoners.";
    assert!(
        has(text, "Peru", Stance::Demand, "an end to sanctions")
            && has(text, "Peru", Stance::Demand, "the release of prisoners"),
        "{:?}",
        found(text)
    );
}

#[test]
fn several_positions_in_one_sentence() {
    let f = found("While Manila advocates joint patrols, Hanoi insists on a code of conduct.");
    assert!(
        f.contains(&(
            "Philippines".into(),
            Stance::Propose,
            "joint patrols".into(),
            None
        )),
        "{f:?}"
    );
    assert!(
        f.contains(&(
            "Vietnam".into(),
            Stance::Demand,
            "a code of conduct".into(),
            None
        )),
        "{f:?}"
    );
}

#[test]
fn nominal_passive_and_participle_forms() {
    assert!(has(
        "Athens's demand for compensation was ignored.",
        "Greece",
        Stance::Demand,
        "compensation"
    ));
    assert!(has(
        "The plan was rejected by Hezbollah.",
        "Hezbollah",
        Stance::Reject,
        "The plan"
    ));
    assert!(has(
        "Dublin accepted a compromise put forward by Brussels.",
        "European Union",
        Stance::Propose,
        "a compromise"
    ));
}

#[test]
fn conditions_and_evaluations() {
    let f = found("Taipei would resume trade only if the embargo is lifted.");
    assert!(
        f.iter().any(|(a, s, c, _)| a == "Taiwan"
            && *s == Stance::Demand
            && c == "the embargo is lifted"),
        "{f:?}"
    );
    // acceptance on a condition is the condition's demand, no support
    let f = found("Peru said it would accept the treaty only if Chile withdrew its fleet.");
    assert!(
        f.iter().all(|(_, s, _, _)| *s == Stance::Demand) && !f.is_empty(),
        "{f:?}"
    );
    assert!(has(
        "Oslo called the offer unacceptable.",
        "Norway",
        Stance::Reject,
        "the offer"
    ));
}

#[test]
fn documents_larger_than_a_chunk_keep_their_spans() {
    let para = "Lima demanded a new vote. The Kremlin said it was ready to talk.\n\n";
    let text = para.repeat(DOC_CHUNK_BYTES / para.len() + 50);
    let ps = positions(&text);
    assert!(ps.len() > 2 * (DOC_CHUNK_BYTES / para.len()));
    for p in &ps {
        assert_eq!(&text[p.span[0]..p.span[1]], p.sentence);
    }
    assert!(ps.last().unwrap().span[1] > DOC_CHUNK_BYTES);
}

#[test]
fn a_noun_phrase_content_ends_at_its_verb() {
    let text = "Rome's rejection of the Greek plan stands in stark contrast to its earlier tone.";
    assert!(
        has(text, "Italy", Stance::Reject, "the Greek plan"),
        "{:?}",
        found(text)
    );
}

#[test]
fn an_invitation_to_talks_is_an_offer_to_the_invited() {
    let text = "Seoul invited Pyongyang to talks on family reunions.";
    assert!(
        has_target(
            text,
            "South Korea",
            Stance::Offer,
            "talks on family reunions",
            "North Korea"
        ),
        "{:?}",
        found(text)
    );
    // invited to act is still asked to act
    let text = "Seoul invited Pyongyang to send a delegation.";
    assert!(has_target(
        text,
        "South Korea",
        Stance::Demand,
        "send a delegation",
        "North Korea"
    ));
}

#[test]
fn what_is_made_sent_or_submitted_is_held_by_its_sender() {
    let text = "This week Kyiv sent Washington a counter-proposal of 20 points.";
    assert!(
        has_target(
            text,
            "Ukraine",
            Stance::Propose,
            "a counter-proposal of 20 points",
            "United States"
        ),
        "{:?}",
        found(text)
    );
    let text = "Hamas made an offer of a truce on Tuesday.";
    assert!(
        has(text, "Hamas", Stance::Offer, "an offer of a truce"),
        "{:?}",
        found(text)
    );
    let text = "Tehran handed the mediators a written proposal for a phased deal.";
    assert!(
        has(
            text,
            "Iran",
            Stance::Propose,
            "a written proposal for a phased deal"
        ),
        "{:?}",
        found(text)
    );
    assert!(found("Hamas made no offer on Tuesday.").is_empty());
    // a practice reported, not one offer
    let text = "Ankara says it has been sending extradition requests since 2017.";
    assert!(!found(text).iter().any(|(_, s, _, _)| *s == Stance::Demand));
}

#[test]
fn a_relative_clause_object_is_the_phrase_it_hangs_on() {
    let text = "The nurses want fixed staffing ratios, an idea the hospitals have refused.";
    assert!(
        has_target(
            text,
            "hospitals",
            Stance::Reject,
            "fixed staffing ratios",
            "nurses"
        ),
        "{:?}",
        found(text)
    );
    let text = "Moscow tabled a plan that Kyiv rejected.";
    assert!(
        has(text, "Ukraine", Stance::Reject, "a plan"),
        "{:?}",
        found(text)
    );
    assert!(
        has(text, "Russia", Stance::Propose, "a plan"),
        "{:?}",
        found(text)
    );
    // "want to limit": the verb goes with the phrase
    let text = "Delhi backs the subsidies that wealthy nations want to limit.";
    assert!(
        has_target(
            text,
            "wealthy nations",
            Stance::Demand,
            "limit the subsidies",
            "India"
        ),
        "{:?}",
        found(text)
    );
    // a condition is no position
    assert!(
        found("China will talk if the US wants to move trade talks forward.")
            .iter()
            .all(|(a, _, _, _)| a != "United States")
    );
    let text = "The truce, which Hamas did not accept, collapsed.";
    assert!(
        has(text, "Hamas", Stance::Reject, "The truce"),
        "{:?}",
        found(text)
    );
    // "that" opening a clause with an object of its own is no object relative
    let text = "Moscow said that Kyiv rejected the offer.";
    assert!(
        positions(text).iter().all(|p| p.rule != "object-relative"),
        "{:?}",
        found(text)
    );
}

#[test]
fn a_plural_noun_before_its_verb_is_no_cue() {
    // "states" is the subject's noun here, not "states" as in "says"
    let text = "The group of frugal EU states are holding up the recovery money.";
    assert!(
        !found(text).iter().any(|(_, s, _, _)| *s == Stance::Claim),
        "{:?}",
        found(text)
    );
}

#[test]
fn object_boundaries_of_clauses_and_relatives() {
    // the object was the subject of a clause whose verb follows
    let text = "Word that Cairo had refused a plan for a truce first came in a summary.";
    assert!(
        has(text, "Egypt", Stance::Reject, "a plan for a truce"),
        "{:?}",
        found(text)
    );
    // "those who" is one phrase
    let text = "Delhi has been demanding action against those who carried out the attack.";
    assert!(
        has(
            text,
            "India",
            Stance::Demand,
            "action against those who carried out the attack"
        ),
        "{:?}",
        found(text)
    );
}

#[test]
fn an_adverb_inside_a_two_word_cue() {
    let text = "Pyongyang had asked only for the lifting of some sanctions.";
    assert!(
        has(
            text,
            "North Korea",
            Stance::Demand,
            "the lifting of some sanctions"
        ),
        "{:?}",
        found(text)
    );
}

#[test]
fn an_object_goes_on_past_an_attribution_aside() {
    let text = "Hamas wants assurances, reports say, that the truce will end the war.";
    assert!(
        has(
            text,
            "Hamas",
            Stance::Demand,
            "assurances that the truce will end the war"
        ),
        "{:?}",
        found(text)
    );
}

#[test]
fn what_a_thing_hinges_on_is_a_condition_only_when_set() {
    // a condition set: "on whether" something is done, or "must hinge on"
    let text = "Belgrade said that progress turns directly on whether Pristina \
                establishes the association.";
    assert!(
        found(text)
            .iter()
            .any(|(a, s, _, _)| a == "Serbia" && *s == Stance::Demand),
        "{:?}",
        found(text)
    );
    let text = "Madrid said any deal must be contingent on a full ceasefire.";
    assert!(
        has(text, "Spain", Stance::Demand, "a full ceasefire"),
        "{:?}",
        found(text)
    );
    // how things are: a claim
    let text = "Paris said that lasting peace hinges on mutual concessions.";
    assert!(
        has(
            text,
            "France",
            Stance::Claim,
            "lasting peace hinges on mutual concessions"
        ),
        "{:?}",
        found(text)
    );
    assert!(!found(text).iter().any(|(_, s, _, _)| *s == Stance::Demand));
}

#[test]
fn a_clause_after_declaring_that_is_no_noun_phrase() {
    let text = "Netanyahu rejected the terms, declaring that a total victory could be won.";
    assert!(
        !found(text).iter().any(|(_, s, _, _)| *s == Stance::Offer),
        "{:?}",
        found(text)
    );
}

#[test]
fn newer_cue_verbs_of_rejection_demand_and_support() {
    let f = |t: &str| {
        found(t)
            .into_iter()
            .map(|(_, s, c, _)| (s, c))
            .collect::<Vec<_>>()
    };
    assert!(f("Madrid snubbed the French proposal.")
        .contains(&(Stance::Reject, "the French proposal".to_string())));
    assert!(f("Unions decried the new pension law.")
        .contains(&(Stance::Reject, "the new pension law".to_string())));
    assert!(f("Seoul pleaded for restraint.").contains(&(Stance::Demand, "restraint".to_string())));
    assert!(f("Tokyo said no to the tariff plan.")
        .contains(&(Stance::Reject, "the tariff plan".to_string())));
    assert!(f("Ankara backed away from its threat.")
        .contains(&(Stance::Reject, "its threat".to_string())));
    assert!(f("Lima signed on to the regional pact.")
        .contains(&(Stance::Support, "the regional pact".to_string())));
}

#[test]
fn asked_someone_for_something_is_a_demand_on_them() {
    let text = "The United Steelworkers (USW) met with employers from across the region. The steelworkers' union has \
                also asked Ottawa for emergency aid.";
    assert!(
        has_target(
            text,
            "United Steelworkers",
            Stance::Demand,
            "emergency aid",
            "Canada"
        ),
        "{:?}",
        found(text)
    );
}

#[test]
fn positions_given_up_or_not_taken_are_none() {
    // a demand given up is no demand; one kept is
    let text = "The hospitals said they were prepared to abandon their demand for lower \
                pension benefits.";
    assert!(
        !found(text).iter().any(|(_, s, _, _)| *s == Stance::Demand),
        "{:?}",
        found(text)
    );
    let text = "Hamas will not abandon its demand for a full withdrawal.";
    assert!(
        has(text, "Hamas", Stance::Demand, "a full withdrawal"),
        "{:?}",
        found(text)
    );
    // what was not said
    let text = "The negotiators departed without saying where matters stood.";
    assert!(found(text).is_empty(), "{:?}", found(text));
    // "adding" a noun phrase is no report
    let text = "Washington has ramped up sanctions on Caracas, adding heavy pressure on \
                the government.";
    assert!(
        !found(text).iter().any(|(_, s, _, _)| *s == Stance::Claim),
        "{:?}",
        found(text)
    );
}

#[test]
fn states_after_an_adjective_is_a_noun() {
    let text = "Both Nordic states gave up decades of neutrality and asked to join NATO.";
    assert!(
        !found(text).iter().any(|(_, s, _, _)| *s == Stance::Claim),
        "{:?}",
        found(text)
    );
}

#[test]
fn what_is_rejected_or_backed_is_aimed_at_its_author() {
    // a passive: the author comes from the subject phrase
    let text = "Ottawa's demand for a quota has been dismissed by Washington.";
    assert!(
        has_target(
            text,
            "United States",
            Stance::Reject,
            "Ottawa's demand for a quota",
            "Canada"
        ),
        "{:?}",
        found(text)
    );
    // an evaluation of a name's noun
    let text = "Foreign Minister Abbas Araqchi rejected the U.S. view that the talks had failed.";
    assert!(
        found_str(text)
            .iter()
            .any(|(_, s, _, t)| *s == Stance::Reject && t == "United States"),
        "{:?}",
        found(text)
    );
}

#[test]
fn a_threat_is_no_offer() {
    for text in [
        "Rutte said he was prepared to sink a deal alone if necessary.",
        "Washington is prepared to step up pressure on Tehran if the talks fall apart.",
        "Beijing vowed to retaliate against any new tariffs.",
    ] {
        assert!(
            !found(text).iter().any(|(_, s, _, _)| *s == Stance::Offer),
            "{text}: {:?}",
            found(text)
        );
    }
    // nor a position of its own: what is threatened is neither given nor asked
    assert!(found("Beijing vowed to retaliate against any new tariffs.").is_empty());
    // a concession still is one
    let text = "The hospitals said they were prepared to abandon their demand for lower pensions.";
    assert!(
        found(text).iter().any(|(_, s, _, _)| *s == Stance::Offer),
        "{:?}",
        found(text)
    );
}

#[test]
fn pay_and_talks_put_forward_are_offers() {
    let text = "The employers put forward a 4% pay rise on Friday.";
    assert!(
        found(text)
            .iter()
            .any(|(_, s, c, _)| *s == Stance::Offer && c.contains("pay rise")),
        "{:?}",
        found(text)
    );
    let text = "Islamabad put forward talks with New Delhi.";
    assert!(
        has_target(
            text,
            "Pakistan",
            Stance::Offer,
            "talks with New Delhi",
            "India"
        ),
        "{:?}",
        found(text)
    );
    // a plan put forward is still a proposal
    let text = "Egypt put forward a plan for a temporary ceasefire.";
    assert!(
        found(text).iter().any(|(_, s, _, _)| *s == Stance::Propose),
        "{:?}",
        found(text)
    );
}

#[test]
fn viewing_a_proposal_favourably_backs_it() {
    let text = "Hamas said it viewed the proposal in a positive spirit.";
    assert!(
        has(text, "Hamas", Stance::Support, "the proposal"),
        "{:?}",
        found(text)
    );
    let text = "Tokyo views the plan favourably.";
    assert!(
        has(text, "Japan", Stance::Support, "the plan"),
        "{:?}",
        found(text)
    );
}

#[test]
fn two_gerunds_of_one_preposition_are_one_content() {
    let text =
        "Brussels rejected the plan for settling the border question and breaking the deadlock.";
    assert!(
        has(
            text,
            "European Union",
            Stance::Reject,
            "the plan for settling the border question and breaking the deadlock"
        ),
        "{:?}",
        found(text)
    );
    // two things wanted are still two
    let text = "Kyiv demanded security guarantees and the return of its territory.";
    assert!(
        has(text, "Ukraine", Stance::Demand, "security guarantees"),
        "{:?}",
        found(text)
    );
}

#[test]
fn after_a_dateline_the_sentence_starts_again() {
    let text = "BELEM (Reuters) - Small island states on Friday rejected a draft climate deal.";
    assert!(
        has(
            text,
            "small island states",
            Stance::Reject,
            "a draft climate deal"
        ),
        "{:?}",
        found(text)
    );
    assert!(!found(text).iter().any(|(a, _, _, _)| a == "Small"));
}

#[test]
fn a_list_after_a_cue_and_a_colon_holds_its_contents() {
    let text = "Foreign Minister Ana Soto set out her terms for the return of the boats. Soto specifically demanded:\n\
                - The release of the detained fishermen, whom Lima holds responsible for nothing\n\
                - The withdrawal of the coast guard vessels in which the crews were held\n\n\
                Talks resume on Friday.";
    assert!(
        has(
            text,
            "Ana Soto",
            Stance::Demand,
            "The release of the detained fishermen"
        ),
        "{:?}",
        found(text)
    );
    assert!(
        has(
            text,
            "Ana Soto",
            Stance::Demand,
            "The withdrawal of the coast guard vessels"
        ),
        "{:?}",
        found(text)
    );
    // a dash line with no list opened before it is no item
    let text = "Talks resumed on Monday.\n- The release of the fishermen\n";
    assert!(found(text).is_empty(), "{:?}", found(text));
}

#[test]
fn those_a_thing_drew_a_reaction_from_react_to_it() {
    let text = "The offer, well below the $90 billion sought by Brazil, drew sharp \
                criticism from Chile, Peru and the African Union.";
    let all = found(text);
    assert!(
        has(text, "Brazil", Stance::Demand, "the $90 billion"),
        "{all:?}"
    );
    for who in ["Chile", "Peru", "African Union"] {
        assert!(
            has(text, who, Stance::Reject, "The offer"),
            "{who}: {all:?}"
        );
    }
    let text = "Hamas's proposal came under fire from Israel. The plan won praise from Qatar.";
    assert!(
        has_target(text, "Israel", Stance::Reject, "Hamas's proposal", "Hamas"),
        "{:?}",
        found_str(text)
    );
    assert!(
        has(text, "Qatar", Stance::Support, "The plan"),
        "{:?}",
        found(text)
    );
    // an actor who draws criticism is no content of it
    let text = "Biden drew criticism from Republicans. Mrs May won support from her cabinet.";
    assert!(
        !positions(text).iter().any(|p| p.rule == "drew-reaction"),
        "{:?}",
        found_str(text)
    );
}

#[test]
fn examples_of_what_was_put_forward_are_the_positions() {
    let text = "Peru has made \"serious\" proposals, among them a joint patrol of the \
                river and the return of the fishing boats.";
    let all = found(text);
    assert!(
        has(text, "Peru", Stance::Propose, "a joint patrol of the river"),
        "{all:?}"
    );
    assert!(
        has(
            text,
            "Peru",
            Stance::Propose,
            "the return of the fishing boats"
        ),
        "{all:?}"
    );
}

#[test]
fn an_evaluation_before_a_long_object_judges_it() {
    let text = "Chile finds \"unacceptable\" any treaty that leaves out the river.";
    assert!(
        has(
            text,
            "Chile",
            Stance::Reject,
            "any treaty that leaves out the river"
        ),
        "{:?}",
        found(text)
    );
}

#[test]
fn wishing_to_see_something_backs_it() {
    let text = "Lula said he \"sincerely wished\" to see Venezuela back in the bloc.";
    assert!(
        has(
            text,
            "Luiz Inácio Lula da Silva",
            Stance::Support,
            "Venezuela back in the bloc"
        ) || found(text)
            .iter()
            .any(|(_, s, c, _)| *s == Stance::Support && c == "Venezuela back in the bloc"),
        "{:?}",
        found(text)
    );
    let text = "Peru wishes to see a vote on the treaty.";
    assert!(
        has(text, "Peru", Stance::Support, "a vote on the treaty"),
        "{:?}",
        found(text)
    );
}

#[test]
fn a_view_with_its_judgement_is_a_reaction() {
    let text = "Lima's rejection of the plan stands in contrast to Bolivia's favourable \
                view of the draft. Chile's dim view of the plan is well known.";
    let all = found(text);
    assert!(
        has(text, "Bolivia", Stance::Support, "the draft"),
        "{all:?}"
    );
    assert!(has(text, "Chile", Stance::Reject, "the plan"), "{all:?}");
}

#[test]
fn a_participle_after_a_relative_clause_and_adding_an_amount() {
    let text = "Peru wants a fixed quota in the treaty, an idea Chile has refused, arguing \
                it would add $90 million a year to its costs.";
    let all = found(text);
    assert!(
        has(
            text,
            "Chile",
            Stance::Claim,
            "it would add $90 million a year to its costs"
        ),
        "{all:?}"
    );
    assert!(
        !all.iter()
            .any(|(a, s, _, _)| a == "Peru" && *s == Stance::Claim),
        "{all:?}"
    );
}

#[test]
fn walking_out_is_an_event_and_a_time_phrase_opens_the_main_clause() {
    // leaving talks or a pact is something done, no position stated
    let text = "Peru walked away from the pact, and Chile pulled out of the talks.";
    assert!(found(text).is_empty(), "{:?}", found(text));
    // "In late May": the clause's subject comes after the time phrase
    let text = "In late May the Peruvian army left the talks, in protest at what it \
                called raids by Chilean boats.";
    assert!(
        has(
            text,
            "Peruvian army",
            Stance::Claim,
            "raids by Chilean boats"
        ),
        "{:?}",
        found(text)
    );
}

#[test]
fn a_leading_instead_is_no_content() {
    assert!(has(
        "Hartwell Holdings proposed instead a set of non-binding guidelines.",
        "Hartwell Holdings",
        Stance::Propose,
        "a set of non-binding guidelines"
    ));
}
