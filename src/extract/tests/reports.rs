//! Rule tests: reported speech, quotations and claims.

use super::*;

#[test]
fn a_parenthetical_attribution_reports_what_follows_it() {
    assert!(has(
        "Meeting lawmakers in Caracas, Maduro said, \"Norway has been proposing a dialogue.\"",
        "Maduro",
        Stance::Claim,
        "Norway has been proposing a dialogue"
    ));
    // a quotation before the attribution is still what was said
    assert!(has(
        "\"We will not give up,\" Maduro said on Monday.",
        "Maduro",
        Stance::Claim,
        "We will not give up"
    ));
}

#[test]
fn praise_of_events_is_a_claim_and_what_something_is_called_is_its_content() {
    let f = found("Norway described the talks as constructive.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].1, Stance::Claim);
    // a plan praised is still backed
    assert!(has(
        "Norway described the plan as constructive.",
        "Norway",
        Stance::Support,
        "the plan"
    ));
    assert!(has(
        "Trump unveiled what he described as a final proposal for a truce.",
        "Donald Trump",
        Stance::Propose,
        "a final proposal for a truce"
    ));
}

#[test]
fn wishes_stated_as_judgements_in_reports_are_demands() {
    assert!(has(
        "\"A deal before winter would be very good,\" Scholz said.",
        "Olaf Scholz",
        Stance::Demand,
        "A deal before winter"
    ));
    assert!(has(
        "Kyiv said the only acceptable outcome is a full withdrawal.",
        "Ukraine",
        Stance::Demand,
        "a full withdrawal"
    ));
    assert!(has(
        "The UAW said its priority is to end the strike.",
        "UAW",
        Stance::Demand,
        "end the strike"
    ));
    // a judgement of something past stays a claim
    let f = found("Norway said the meeting was very good.");
    assert!(f.iter().all(|p| p.1 != Stance::Demand), "{f:?}");
}

#[test]
fn reported_speech_in_its_shapes() {
    assert!(has(
        "Japan's foreign minister said that the talks had stalled.",
        "Japan",
        Stance::Claim,
        "the talks had stalled"
    ));
    assert!(has(
        "“The talks have stalled,” Tokyo said on Friday.",
        "Japan",
        Stance::Claim,
        "The talks have stalled"
    ));
    assert!(has(
        "The blockade must end, said Nairobi.",
        "Kenya",
        Stance::Demand,
        "The blockade must end"
    ));
    assert!(has(
        "According to Madrid, the deal is dead.",
        "Spain",
        Stance::Claim,
        "the deal is dead"
    ));
}

#[test]
fn a_position_inside_a_report_replaces_the_claim() {
    let f = found("Seoul said it was ready to resume talks.");
    assert_eq!(
        f,
        vec![(
            "South Korea".into(),
            Stance::Offer,
            "resume talks".into(),
            None
        )]
    );
    let f = found("“We will never accept partition,” the Cypriot president said.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!((f[0].0.as_str(), f[0].1), ("Cyprus", Stance::Reject));
}

#[test]
fn a_report_of_two_clauses_joined_by_and_gives_two_claims() {
    let text = "Chile said its mines were running short of water and farmers had lost their crops.";
    assert!(has(
        text,
        "Chile",
        Stance::Claim,
        "its mines were running short of water"
    ));
    assert!(has(
        text,
        "Chile",
        Stance::Claim,
        "farmers had lost their crops"
    ));
    // one clause under "if", a coordinated subject, a coordinated noun phrase
    for (text, content) in [
        (
            "Peru said it would sign only if the tariffs are cut and the quotas are lifted.",
            None,
        ),
        (
            "Chile said Peru and Bolivia must share the water.",
            Some("Peru and Bolivia must share the water"),
        ),
        (
            "Chile said all attacks on farms and villages should end.",
            Some("all attacks on farms and villages should end"),
        ),
    ] {
        let f = found(text);
        assert!(
            !f.iter().any(|(_, s, c, _)| *s == Stance::Claim
                && (c.starts_with("the quotas")
                    || c.starts_with("Bolivia")
                    || c.starts_with("villages"))),
            "{text}: {f:?}"
        );
        if let Some(c) = content {
            assert!(f.iter().any(|(_, _, x, _)| x == c), "{text}: {f:?}");
        }
    }
}

#[test]
fn a_claim_about_a_demand_keeps_both() {
    let text = "The farmers say their main demand on water prices was ignored.";
    assert!(has(text, "farmers", Stance::Demand, "water prices"));
    assert!(has(
        text,
        "farmers",
        Stance::Claim,
        "their main demand on water prices was ignored"
    ));
}

#[test]
fn a_group_in_apposition_is_said_of_the_names_before_it() {
    let text = "Hungary and Poland, two countries opposing the deal, met on Monday.";
    assert!(
        has(text, "Hungary", Stance::Reject, "the deal")
            && has(text, "Poland", Stance::Reject, "the deal"),
        "{:?}",
        found(text)
    );
    let text =
        "Chancellor Ana Soto, however, one of three leaders resisting the levy, is in no hurry.";
    assert!(
        has(text, "Ana Soto", Stance::Reject, "the levy"),
        "{:?}",
        found(text)
    );
}

#[test]
fn a_participle_set_off_by_commas_is_said_of_the_phrase_before_it() {
    let text = "The plan, backed by Brazil, was rejected by Peru.";
    assert!(
        has(text, "Brazil", Stance::Support, "The plan")
            && has(text, "Peru", Stance::Reject, "The plan"),
        "{:?}",
        found(text)
    );
    // of a name it is an aside, no position
    let text = "The Netherlands, backed by Sweden, argued for cuts.";
    assert!(
        !found(text).iter().any(|(_, s, _, _)| *s == Stance::Support),
        "{:?}",
        found(text)
    );
}

#[test]
fn an_adverb_or_quotation_mark_inside_a_predicative_cue() {
    // "was fully prepared to" is no agentless passive
    let text = "The union said it was fully prepared to resume talks.";
    assert!(
        has(text, "union", Stance::Offer, "resume talks"),
        "{:?}",
        found(text)
    );
    // a quotation mark between the cue's words
    let text = "Peru is \"ready\" to sign the accord.";
    assert!(
        has(text, "Peru", Stance::Offer, "sign the accord"),
        "{:?}",
        found(text)
    );
}

#[test]
fn each_thing_judged_in_a_report_is_rejected() {
    let text =
        "Lima said the offer from Quito and the other terms put forward by Chile fall short.";
    assert!(
        has(text, "Peru", Stance::Reject, "the offer from Quito")
            && has(
                text,
                "Peru",
                Stance::Reject,
                "the other terms put forward by Chile"
            ),
        "{:?}",
        found(text)
    );
}

#[test]
fn a_question_is_no_claim() {
    let text = "Lima replied \"Why should we wait?\" and demanded a vote.";
    let f = found(text);
    assert!(
        !f.iter().any(|(_, s, _, _)| *s == Stance::Claim)
            && has(text, "Peru", Stance::Demand, "a vote"),
        "{f:?}"
    );
}

#[test]
fn the_following_inside_a_quoted_report() {
    let text = "Peru's foreign minister Ana Soto spoke on Monday. \"Our position is the \
                following: Chile must withdraw its fleet, which is near the coast,\" Soto said.";
    assert!(
        has_target(
            text,
            "Ana Soto",
            Stance::Demand,
            "Chile must withdraw its fleet",
            "Chile"
        ),
        "{:?}",
        found_str(text)
    );
}

#[test]
fn quotations_run_over_sentences() {
    let text = "“We want a ceasefire now. The shelling must stop,” the Sudanese envoy said.";
    let f = found(text);
    assert!(
        f.iter()
            .any(|(a, s, c, _)| a == "Sudan" && *s == Stance::Demand && c == "a ceasefire"),
        "{f:?}"
    );
    assert!(
        f.iter()
            .any(|(a, s, _, _)| a == "Sudan" && *s == Stance::Demand),
        "{f:?}"
    );
}

#[test]
fn a_short_quoted_word_ends_a_report_that_starts_before_it() {
    let text = "Tehran sent a delegation. The talks in Vienna were \"constructive,\" an \
                Iranian negotiator said.";
    assert!(
        has(
            text,
            "Iran",
            Stance::Claim,
            "The talks in Vienna were constructive"
        ),
        "{:?}",
        found(text)
    );
}

#[test]
fn two_names_of_one_actor_side_by_side_are_one_speaker() {
    let text = "Hamas has turned down a plan for a short truce, the US State Department said.";
    assert!(
        has(
            text,
            "United States",
            Stance::Claim,
            "Hamas has turned down a plan for a short truce"
        ),
        "{:?}",
        found(text)
    );
}

#[test]
fn it_right_after_and_said_is_the_sentence_subject() {
    let text = "Ottawa rejected a plan from Washington to impose tariffs, and said it was \
                ready to hold talks with the United States.";
    assert!(
        has_target(
            text,
            "Canada",
            Stance::Offer,
            "hold talks with the United States",
            "United States"
        ),
        "{:?}",
        found(text)
    );
}

#[test]
fn acts_and_relative_reports_are_no_quotations() {
    // "responded with" a levy is an act
    let text = "Washington announced new duties, while Beijing responded with a levy on \
                American goods.";
    assert!(
        !found(text)
            .iter()
            .any(|(a, s, _, _)| a == "China" && *s == Stance::Claim),
        "{:?}",
        found(text)
    );
    // a report inside a relative clause does not reach back
    let text = "Sudan has been devastated by fighting, a conflict in which local doctors \
                say thousands have died.";
    assert!(
        !found(text)
            .iter()
            .any(|(_, _, c, _)| c.starts_with("Sudan has been devastated")),
        "{:?}",
        found(text)
    );
}

#[test]
fn what_another_asserts_or_a_bare_recipient_is_no_position() {
    let text =
        "Pyongyang has denied Washington's assertion that it demanded an end to all sanctions.";
    assert!(
        !found(text).iter().any(|(_, s, _, _)| *s == Stance::Demand),
        "{:?}",
        found(text)
    );
    let text = "The studios made public the terms they had offered the Writers Guild of America, \
                including new provisions on AI.";
    assert!(
        !found(text)
            .iter()
            .any(|(_, s, c, _)| *s == Stance::Offer && c == "the Writers Guild of America"),
        "{:?}",
        found(text)
    );
}

#[test]
fn told_a_newspaper_named_of_a_place_is_no_accusation() {
    let text =
        "Two diplomats told The Times of Israel that the plan would have started with a pause.";
    assert!(
        found(text)
            .iter()
            .all(|(_, _, c, _)| !c.starts_with("Times")),
        "{:?}",
        found(text)
    );
    let text = "Kyiv accused Moscow of stalling the talks.";
    assert!(
        found(text).iter().any(|(a, s, _, t)| a == "Ukraine"
            && *s == Stance::Claim
            && t.as_deref() == Some("Russia")),
        "{:?}",
        found(text)
    );
}

#[test]
fn what_a_pronoun_was_described_as_is_the_claim() {
    let text = "Trump described it as a \"very good meeting\" with China at which much was agreed.";
    assert!(
        has(
            text,
            "Donald Trump",
            Stance::Claim,
            "a very good meeting with China at which much was agreed"
        ),
        "{:?}",
        found(text)
    );
}

#[test]
fn a_report_of_what_another_asks_of_the_speakers_side_is_a_claim() {
    // what the US asks of Peru is no position of Peru, so the report of it stands
    let text = "Washington still wants Peru to hand over the mine, President Ana Soto of \
                Peru said on Friday.";
    assert!(
        has(
            text,
            "United States",
            Stance::Demand,
            "Peru to hand over the mine"
        ),
        "{:?}",
        found(text)
    );
    assert!(
        found(text).iter().any(|(a, s, c, _)| a == "Ana Soto"
            && *s == Stance::Claim
            && c.starts_with("Washington still wants")),
        "{:?}",
        found(text)
    );
}

#[test]
fn a_report_verb_inside_a_relative_clause_reports_nothing() {
    // "that we believe will end it": "believe" has no clause of its own
    let text = "Ana Soto of Peru said Peru wanted a deal that we believe will end the strike.";
    let all = found(text);
    assert!(
        !all.iter().any(|(_, _, c, _)| c.starts_with("will")),
        "{all:?}"
    );
    assert!(
        all.iter().any(|(a, s, c, _)| a == "Peru"
            && *s == Stance::Demand
            && c == "a deal that we believe will end the strike"),
        "{all:?}"
    );
}

#[test]
fn a_view_or_belief_that_is_held_is_a_claim() {
    let text = "Lima rejected the Chilean view that the border treaty is void.";
    assert!(
        has(text, "Chile", Stance::Claim, "the border treaty is void"),
        "{:?}",
        found(text)
    );
}

#[test]
fn what_a_party_calls_something_is_its_claim() {
    let text = "The Peruvian army pulled out of the talks in protest at what it called raids by \
                Chilean boats.";
    assert!(
        has(
            text,
            "Peruvian army",
            Stance::Claim,
            "raids by Chilean boats"
        ),
        "{:?}",
        found_str(text)
    );
    // the object of a cue keeps what it was called, with no claim besides
    let text = "Peru unveiled what it described as a final proposal for a truce.";
    assert!(
        has(
            text,
            "Peru",
            Stance::Propose,
            "a final proposal for a truce"
        ),
        "{:?}",
        found(text)
    );
    assert!(
        !positions(text).iter().any(|p| p.rule == "what-it-called"),
        "{:?}",
        found(text)
    );
    // the condition stops at a verb phrase of the main clause
    let text = "Peru says there can be no talks unless the dispute is addressed, and has \
                called what it describes as Chilean moves \"unrealistic\".";
    assert!(
        has(text, "Peru", Stance::Demand, "the dispute is addressed"),
        "{:?}",
        found(text)
    );
    assert!(
        has(text, "Peru", Stance::Reject, "Chilean moves"),
        "{:?}",
        found(text)
    );
}

#[test]
fn a_participle_after_a_new_clause_and_what_a_group_is_said_to_need() {
    let text = "Chile offered a 2% rise in the quota, but Peru found it too little, \
                arguing that farmers needed a quota that keeps up with demand.";
    let all = found(text);
    // "arguing" is said of Peru, and the farmers' need is Peru's demand
    assert!(
        has(
            text,
            "Peru",
            Stance::Demand,
            "a quota that keeps up with demand"
        ),
        "{all:?}"
    );
    assert!(!all.iter().any(|(a, _, _, _)| a == "farmers"), "{all:?}");
    assert!(
        !all.iter()
            .any(|(a, s, _, _)| a == "Chile" && *s == Stance::Claim),
        "{all:?}"
    );
}

#[test]
fn he_inside_the_speakers_own_quotation_is_somebody_else() {
    let text = "Foreign Minister Ana Soto of Peru met the envoy. \"He flies in and now he \
                wants to change the agenda,\" Soto said.";
    let all = found(text);
    assert!(
        all.iter().any(|(a, s, c, _)| a == "Ana Soto"
            && *s == Stance::Claim
            && c == "He flies in and now he wants to change the agenda"),
        "{all:?}"
    );
    assert!(
        !all.iter()
            .any(|(a, s, _, _)| a == "Ana Soto" && *s == Stance::Demand),
        "{all:?}"
    );
    // outside the quotation marks "he" is the speaker
    let text = "Foreign Minister Ana Soto of Peru said she wants to change the agenda.";
    assert!(
        has(text, "Ana Soto", Stance::Demand, "change the agenda"),
        "{:?}",
        found(text)
    );
}

#[test]
fn examples_put_forward_replace_the_report_and_its_speaker_goes_on() {
    let text = "Foreign Minister Ana Soto of Peru said Peru had made \"serious\" proposals, \
                among them a joint patrol of the river. \"This is the biggest step we can \
                take.\"";
    let all = found(text);
    assert!(
        has(text, "Peru", Stance::Propose, "a joint patrol of the river"),
        "{all:?}"
    );
    assert!(
        !all.iter()
            .any(|(_, s, c, _)| *s == Stance::Claim && c.contains("proposals")),
        "{all:?}"
    );
    // the next quoted sentence is still hers
    assert!(
        has(
            text,
            "Ana Soto",
            Stance::Claim,
            "This is the biggest step we can take"
        ),
        "{all:?}"
    );
}

#[test]
fn a_quotation_of_two_sentences_is_one_report() {
    let text = "\"We want the border reopened by May. There is no deal yet,\" Foreign \
                Minister Ana Soto of Peru said.";
    let all = found(text);
    assert!(
        has(
            text,
            "Ana Soto",
            Stance::Demand,
            "the border reopened by May"
        ),
        "{all:?}"
    );
    assert!(
        !all.iter().any(|(_, s, _, _)| *s == Stance::Claim),
        "{all:?}"
    );
    // a single quoted sentence keeps its claim
    let text = "\"There is no deal yet,\" Foreign Minister Ana Soto of Peru said.";
    assert!(
        has(text, "Ana Soto", Stance::Claim, "There is no deal yet"),
        "{:?}",
        found(text)
    );
}

#[test]
fn a_quotation_reported_twice_belongs_to_the_nearer_report() {
    let text = "Lula insisted that \"a deal is possible only if Brazil's farmers are \
                protected,\" Brazil's government said.";
    let all = found(text);
    assert!(
        all.iter().any(|(a, _, _, _)| a.starts_with("Luiz")),
        "{all:?}"
    );
    assert!(!all.iter().any(|(a, _, _, _)| a == "Brazil"), "{all:?}");
}

#[test]
fn a_transcript_turn_is_its_labelled_speaker_s() {
    let text = "Governor Dana Whitfield spoke with host Omar Reyes on Sunday.\n\n\
        REYES: Will you sign the budget deal this week?\n\n\
        WHITFIELD: The deal cuts school funding by a third. We reject the deal.\n\n\
        REYES: Your opponents say you are stalling.\n\n\
        WHITFIELD: I want a vote on the school funding first.";
    let f = found(text);
    // the first sentence of a turn is the speaker's, named as the text named them
    assert!(
        f.contains(&(
            "Dana Whitfield".into(),
            Stance::Claim,
            "The deal cuts school funding by a third".into(),
            None
        )),
        "{f:?}"
    );
    assert!(
        f.iter()
            .any(|p| p.0 == "Omar Reyes" && p.2 == "Your opponents say you are stalling"),
        "{f:?}"
    );
    // "I" and "we" in a turn are its speaker
    assert!(
        f.iter()
            .any(|p| p.0 == "Dana Whitfield" && p.1 == Stance::Demand && p.2.contains("vote")),
        "{f:?}"
    );
    assert!(
        f.iter()
            .any(|p| p.0 == "Dana Whitfield" && p.1 == Stance::Reject),
        "{f:?}"
    );
    // one labelled paragraph is a dateline or a tag, not a transcript
    let f = found("GENEVA: Iran said on Monday that it wants the sanctions lifted.");
    assert!(f.iter().all(|p| p.0 != "Geneva"), "{f:?}");
}

#[test]
fn a_bodys_document_speaks_for_the_body() {
    // "according to a Labor Department report released last week, ..."
    assert!(has(
        "According to a Quellmark Institute report released last week, about 1.3 million \
         people have exhausted their benefits.",
        "Quellmark Institute",
        Stance::Claim,
        "about 1.3 million people have exhausted their benefits"
    ));
    assert!(has(
        "About 1.3 million people have exhausted their benefits, according to a Quellmark \
         Institute survey.",
        "Quellmark Institute",
        Stance::Claim,
        "About 1.3 million people have exhausted their benefits"
    ));
}
