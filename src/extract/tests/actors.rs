//! Rule tests: who holds a position (names, bodies, pronouns, groups, appositions).

use super::*;

#[test]
fn it_after_comma_and_continues_the_first_subject() {
    let f =
        found("Ankara says the PKK gets weapons from abroad, and it is demanding that this end.");
    assert!(
        f.contains(&("Turkey".into(), Stance::Demand, "this end".into(), None)),
        "{f:?}"
    );
}

#[test]
fn a_headline_verb_after_a_comma_shares_the_subject() {
    let f = found("Chile Rejects Bolivian Offer, Seeks Direct Talks");
    assert!(
        f.contains(&("Chile".into(), Stance::Demand, "Direct Talks".into(), None)),
        "{f:?}"
    );
    // in prose a capitalised word after a comma is a name, not a verb
    let f = found("Chile rejected the offer, Peru said.");
    assert!(f.iter().all(|p| p.1 != Stance::Demand), "{f:?}");
}

#[test]
fn an_army_is_an_actor_of_its_own_within_its_country() {
    let p = positions("The Sudanese army rejected the ceasefire proposal.");
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].actor, "Sudanese army");
    assert_eq!(p[0].affiliation.as_deref(), Some("Sudan"));
    // other groups still stand for their country
    assert!(has(
        "Ukrainian negotiators rejected the plan.",
        "Ukraine",
        Stance::Reject,
        "the plan"
    ));
}

#[test]
fn descriptors_before_names_and_places_are_not_antecedents() {
    // "Jeep maker Stellantis" is Stellantis
    assert!(has(
        "Workers rejected an offer from Jeep maker Stellantis to raise pay.",
        "Stellantis",
        Stance::Offer,
        "raise pay"
    ));
    // lower-case particles inside an unknown name
    assert!(has(
        "Jean de la Fontaine rejected the plan.",
        "Jean de la Fontaine",
        Stance::Reject,
        "the plan"
    ));
    // a place after "in" is not whom the next "it" means
    let f = found("Chile met Bolivia in Sucre on Monday. It rejected the plan.");
    assert!(f.iter().all(|p| p.0 != "Sucre"), "{f:?}");
}

#[test]
fn accusations_of_a_bare_name_and_verbs_that_never_invert() {
    // a one-word accused is still an accusation
    assert!(has(
        "Norway accused Russia of stalling the talks.",
        "Norway",
        Stance::Claim,
        "Russia stalling the talks"
    ));
    // "..., accused X of": X is accused, not the speaker of what came before
    let f = found(
        "The senator, who spoke with the president on Monday, accused the White House of stalling.",
    );
    assert!(f.iter().all(|p| p.0 != "United States"), "{f:?}");
}

#[test]
fn an_apposition_with_an_adjective_pair_is_no_list() {
    let f =
        found("Iran offered to close the Fordow plant, the enrichment and storage site near Qom.");
    assert!(
        f.iter().any(|(a, s, c, _)| a == "Iran"
            && *s == Stance::Offer
            && c == "close the Fordow plant, the enrichment and storage site near Qom"),
        "{f:?}"
    );
    assert_eq!(f.len(), 1, "{f:?}");
}

#[test]
fn a_condition_and_a_duty_are_asked_of_their_subject() {
    let text = "Chile will sign the accord only if Peru withdraws its troops.";
    assert!(
        has_target(
            text,
            "Chile",
            Stance::Demand,
            "Peru withdraws its troops",
            "Peru"
        ),
        "{:?}",
        found_str(text)
    );
    let text = "Fiji said Australia and Japan now have a duty to cut emissions.";
    let f: Vec<_> = positions(text);
    assert!(
        f.iter().any(|p| p.actor == "Fiji"
            && p.stance == Stance::Demand
            && p.target.as_deref() == Some("Japan")),
        "{f:?}"
    );
}

#[test]
fn a_description_with_no_antecedent_is_its_own_actor() {
    let text = "The union rejected the offer, saying the hospitals waited too long.";
    assert!(
        has(text, "union", Stance::Reject, "the offer"),
        "{:?}",
        found(text)
    );
    // a person described with nobody named before stays unresolved
    assert!(found("The president rejected the offer.").is_empty());
}

#[test]
fn a_modal_of_a_second_verb_phrase_is_asked_of_the_clauses_subject() {
    let text = "\"We have made a fair offer,\" Peru said in a statement. \
                \"The union has no reason to wait and should sign the deal now.\"";
    assert!(
        has_target(
            text,
            "Peru",
            Stance::Demand,
            "The union has no reason to wait and should sign the deal now",
            "union"
        ),
        "{:?}",
        found_str(text)
    );
}

#[test]
fn a_shared_subject_carries_over_whole() {
    let text = "Lima and Quito welcomed the talks, and urged both sides to show restraint.";
    assert!(
        has(text, "Peru", Stance::Demand, "show restraint")
            && has(text, "Ecuador", Stance::Demand, "show restraint"),
        "{:?}",
        found(text)
    );
}

#[test]
fn conditions_a_named_party_must_meet_are_put_to_it() {
    let text = "Ankara lists five conditions Stockholm must meet.";
    assert!(
        has_target(
            text,
            "Turkey",
            Stance::Demand,
            "five conditions Stockholm must meet",
            "Sweden"
        ),
        "{:?}",
        found_str(text)
    );
    assert!(has(
        "Peru spelled its terms out.",
        "Peru",
        Stance::Propose,
        "its terms"
    ));
}

#[test]
fn a_group_with_a_relative_clause_holds_the_position() {
    let text = "Teachers who spoke to the BBC said the offer was an insult.";
    assert!(
        has(text, "teachers", Stance::Reject, "the offer"),
        "{:?}",
        found(text)
    );
}

#[test]
fn a_sentence_full_of_names_is_no_title_case_headline() {
    // many capitals, but a lower-case verb: names stay names
    let text =
        "Foreign Minister Ana Soto of Peru spoke on Monday. Soto said she rejected the plan.";
    let p = positions(text);
    assert!(
        p.iter().any(|p| p.actor == "Ana Soto"
            && p.stance == Stance::Reject
            && p.affiliation.as_deref() == Some("Peru")),
        "{p:?}"
    );
}

#[test]
fn the_subject_of_an_absolute_with_phrase() {
    let text = "Talks ended, with Peruvian officials regarding the offer as unacceptable.";
    assert!(
        has(text, "Peru", Stance::Reject, "the offer"),
        "{:?}",
        found(text)
    );
}

#[test]
fn the_army_and_the_opposition_are_descriptions_of_bodies() {
    let text = "Fighting broke out between the army and the rebels. \
                The rebels said they were ready to negotiate with the army on a truce.";
    assert!(
        has_target(
            text,
            "rebels",
            Stance::Offer,
            "negotiate with the army on a truce",
            "army"
        ),
        "{:?}",
        found_str(text)
    );
    // the two sides of "between" are one noun phrase, not two clauses
    let text = "Lima said talks between the government and the opposition will be held in Quito.";
    assert!(
        has(
            text,
            "Peru",
            Stance::Claim,
            "talks between the government and the opposition will be held in Quito"
        ),
        "{:?}",
        found(text)
    );
}

#[test]
fn a_party_named_by_its_kind_is_a_target() {
    let text = "Brazil insisted that member states drop the tariff within a year.";
    assert!(
        has_target(
            text,
            "Brazil",
            Stance::Demand,
            "member states drop the tariff within a year",
            "member states"
        ),
        "{:?}",
        found_str(text)
    );
    let text = "Poorer countries rejected a plan from rich nations to cap emissions.";
    assert!(
        has_target(
            text,
            "poorer countries",
            Stance::Reject,
            "a plan from rich nations to cap emissions",
            "rich nations"
        ),
        "{:?}",
        found_str(text)
    );
}

#[test]
fn two_accused_are_both_in_the_accusation_and_the_first_is_the_target() {
    let text = "Chile accused Peru and neighbouring Bolivia of diverting the river.";
    assert!(
        has_target(
            text,
            "Chile",
            Stance::Claim,
            "Peru and neighbouring Bolivia diverting the river",
            "Peru"
        ),
        "{:?}",
        found_str(text)
    );
}

#[test]
fn a_pronoun_in_a_subordinate_clause_is_the_first_subject() {
    // (what "it" would do "before" is no position: see what_might_be_is_no_position)
    let text = "Turkey met Sweden in Madrid because it rejects the current draft.";
    assert!(
        has(text, "Turkey", Stance::Reject, "the current draft"),
        "{:?}",
        found(text)
    );
}

#[test]
fn coordinated_actors_and_contents_split() {
    let f = found("Norway and Iceland rejected the quota and the fishing ban.");
    for actor in ["Norway", "Iceland"] {
        for content in ["the quota", "the fishing ban"] {
            assert!(
                f.iter()
                    .any(|(a, s, c, _)| a == actor && *s == Stance::Reject && c == content),
                "{actor} {content}: {f:?}"
            );
        }
    }
    // one noun phrase with "and" inside stays whole
    assert!(has(
        "Chile proposed a trade and investment agreement.",
        "Chile",
        Stance::Propose,
        "a trade and investment agreement"
    ));
}

#[test]
fn pronouns_resolve_to_the_last_compatible_actor() {
    let f = found("Prime Minister Aiko Tanaka spoke in Osaka. She demanded an apology. Beijing said it would respond.");
    assert!(
        f.iter()
            .any(|(a, s, c, _)| a == "Aiko Tanaka" && *s == Stance::Demand && c == "an apology"),
        "{f:?}"
    );
    assert!(
        f.iter()
            .any(|(a, s, _, _)| a == "China" && *s == Stance::Claim),
        "{f:?}"
    );
}

#[test]
fn he_or_she_can_be_an_unknown_name_the_text_has_not_titled() {
    // nothing calls Orla Brennan a person before "she": no title, no speech
    let f = found(
        "Orla Brennan waited outside the depot with the drivers. \
         She demanded a meeting with the transit board.",
    );
    assert!(
        f.iter().any(|(a, s, c, _)| a == "Orla Brennan"
            && *s == Stance::Demand
            && c.contains("a meeting with the transit board")),
        "{f:?}"
    );
    // the name last mentioned wins over a titled person named before it
    let f = found(
        "Mayor Ines Duarte opened the depot on Monday. Orla Brennan waited outside \
         with the drivers. She demanded a meeting.",
    );
    assert!(f.iter().any(|(a, ..)| a == "Orla Brennan"), "{f:?}");
}

#[test]
fn titles_names_and_bodies() {
    let p = positions("Kenyan President William Ruto rejected the ruling.");
    assert_eq!(p[0].actor, "William Ruto");
    assert_eq!(p[0].affiliation.as_deref(), Some("Kenya"));
    assert!(has(
        "The Brazilian Foreign Ministry condemned the strike.",
        "Brazil",
        Stance::Reject,
        "the strike"
    ));
    assert!(has(
        "Ghanaian negotiators sought a longer transition.",
        "Ghana",
        Stance::Demand,
        "a longer transition"
    ));
    // an organisation introduced with its acronym keeps it
    let f = found(
        "The Maritime Workers Federation (MWF) called for a strike. The MWF later backed the deal.",
    );
    assert!(
        f.iter()
            .any(|(a, s, _, _)| a == "Maritime Workers Federation" && *s == Stance::Support),
        "{f:?}"
    );
}

#[test]
fn anonymous_sources_are_not_actors() {
    assert!(
        found("Sources said the talks would resume. Analysts believe a deal is near.").is_empty()
    );
    assert!(found("Senior officials said the ferry schedule would change.").is_empty());
}

#[test]
fn officials_of_a_named_kind_of_body_are_that_body() {
    let actors =
        |text: &str| -> Vec<String> { found(text).into_iter().map(|(a, _, _, _)| a).collect() };
    assert_eq!(
        actors("Union officials demanded a 5 percent raise for all drivers."),
        ["union officials"]
    );
    assert_eq!(
        actors("The city officials urged residents to conserve water during the drought."),
        ["city officials"]
    );
    assert_eq!(
        actors("Police officials said a second device was found near the harbor bridge."),
        ["police officials"]
    );
}

#[test]
fn spans_address_the_sentence_and_rules_are_named() {
    let text = "Headline Without Stop\n\nMoscow rejected the plan. Kyiv welcomed it.";
    for p in positions(text) {
        assert_eq!(&text[p.span[0]..p.span[1]], p.sentence);
        assert!(!p.rule.is_empty() && !p.cue.is_empty());
    }
}

#[test]
fn an_attribution_inside_a_clause_keeps_both_halves() {
    let text = "Peru's trade minister Ana Soto spoke in Lima. \
                The new tariffs, Soto said, would hurt farmers across the region.";
    assert!(
        has(
            text,
            "Ana Soto",
            Stance::Claim,
            "The new tariffs would hurt farmers across the region"
        ),
        "{:?}",
        found(text)
    );
    // an adverbial before the attribution is still left out
    let text = "In return, Soto said, Peru had asked only for lower duties.";
    assert!(
        !found(text)
            .iter()
            .any(|(_, _, c, _)| c.starts_with("In return")),
        "{:?}",
        found(text)
    );
}

#[test]
fn a_body_named_after_a_place_is_one_actor() {
    let text = "The Musicians Guild of Canada rejected the latest offer from the broadcasters.";
    assert!(
        has(
            text,
            "Musicians Guild of Canada",
            Stance::Reject,
            "the latest offer from the broadcasters"
        ),
        "{:?}",
        found(text)
    );
    assert!(!found(text).iter().any(|(a, _, _, _)| a == "Canada"));
}

#[test]
fn the_members_possessive_names_their_body() {
    let text = "The Musicians Guild of Canada rejected the latest offer from the broadcasters. \
                Later, the musicians' bargaining committee said the broadcasters had not moved at all.";
    assert!(
        has(
            text,
            "Musicians Guild of Canada",
            Stance::Claim,
            "the broadcasters had not moved at all"
        ),
        "{:?}",
        found(text)
    );
}

#[test]
fn an_indefinite_members_possessive_names_their_body_too() {
    let text = "The Minnesota Nurses Association met the hospitals in the morning. \
                Later a nurses' union spurned a proposed new contract.";
    assert!(
        has(
            text,
            "Minnesota Nurses Association",
            Stance::Reject,
            "a proposed new contract"
        ),
        "{:?}",
        found(text)
    );
}

#[test]
fn a_hope_that_another_actor_acts_is_a_demand_on_it() {
    let text = "Mexican President Claudia Sheinbaum said she hoped Washington would lift the tariffs soon.";
    assert!(
        has_target(
            text,
            "Claudia Sheinbaum",
            Stance::Demand,
            "Washington would lift the tariffs soon",
            "United States"
        ),
        "{:?}",
        found(text)
    );
    let text = "Claudia Sheinbaum hopes that Canada will drop the levy.";
    assert!(
        has_target(
            text,
            "Claudia Sheinbaum",
            Stance::Demand,
            "Canada will drop the levy",
            "Canada"
        ),
        "{:?}",
        found(text)
    );
}

#[test]
fn a_pronoun_content_is_the_earlier_position_it_stands_for() {
    let text = "The owners put forward a 3% raise, but the dockworkers rejected it.";
    assert!(
        has_target(text, "dockworkers", Stance::Reject, "a 3% raise", "owners"),
        "{:?}",
        found(text)
    );
    assert!(!found(text).iter().any(|(_, _, c, _)| c == "it"));
}

#[test]
fn a_month_after_a_title_is_a_surname() {
    let text = "Mrs May wants a longer transition period.";
    assert!(
        has(text, "May", Stance::Demand, "a longer transition period"),
        "{:?}",
        found(text)
    );
}

#[test]
fn a_passive_subject_before_an_aside_is_the_content() {
    let text = "Ottawa's demand that the levy apply only temporarily, during a transition \
                period of two years, has been dismissed by Washington.";
    assert!(
        has(
            text,
            "United States",
            Stance::Reject,
            "Ottawa's demand that the levy apply only temporarily"
        ),
        "{:?}",
        found(text)
    );
    assert!(has(
        text,
        "Canada",
        Stance::Demand,
        "the levy apply only temporarily"
    ));
    // an agentless passive holds nothing: "will be expected to"
    let text = "Mrs May will be expected to show progress on the border question.";
    assert!(found(text).is_empty(), "{:?}", found(text));
}

#[test]
fn group_subjects_before_a_cue_with_its_auxiliary() {
    let text = "Richer nations are wary of pledging bigger amounts.";
    assert!(
        has(
            text,
            "richer nations",
            Stance::Reject,
            "pledging bigger amounts"
        ),
        "{:?}",
        found(text)
    );
}

#[test]
fn a_surname_that_speaks_is_a_person_and_party_members_refer_back() {
    // a single unknown name that speaks is a person: "the Democratic leader"
    // means it, not the president named before
    let text = "Governor Maria Lopez spoke with Hernandez for an hour. Hernandez said \
                talks would go on. The Democratic leader said he would veto the budget.";
    assert!(
        has(text, "Hernandez", Stance::Reject, "the budget"),
        "{:?}",
        found(text)
    );
    let text = "Senator Tom Baker called President Ana Ruiz. \
                \"We need more time,\" the Texas Republican said.";
    let f = found(text);
    assert!(
        f.iter()
            .any(|(a, _, c, _)| a == "Tom Baker" && c == "more time"),
        "{f:?}"
    );
}

#[test]
fn who_after_an_apposition_is_its_head() {
    let text = "The draft followed talks with Rustem Umerov, a senior aide to Zelensky, \
                who agreed to most of the plan once a few changes were made.";
    assert!(
        has(text, "Rustem Umerov", Stance::Support, "most of the plan"),
        "{:?}",
        found(text)
    );
}

#[test]
fn both_sides_are_each_party_named_together_before() {
    let text = "Fighting between Armenia and Azerbaijan resumed on Monday. \
                Both sides blame each other for the collapse of the truce.";
    let content = "each other for the collapse of the truce";
    assert!(
        has_target(text, "Armenia", Stance::Claim, content, "Azerbaijan"),
        "{:?}",
        found(text)
    );
    assert!(has_target(
        text,
        "Azerbaijan",
        Stance::Claim,
        content,
        "Armenia"
    ));
    // with no parties named together "both sides" stays as written
    let text = "Both sides rejected the plan.";
    assert!(
        has(text, "both sides", Stance::Reject, "the plan"),
        "{:?}",
        found(text)
    );
}

#[test]
fn both_companies_are_the_last_two_named() {
    let text = "Nissan and Renault reported results. The union held talks with Nissan \
                on Monday and will meet Renault on Friday. Both of those companies have \
                offered raises of 10%.";
    assert!(
        has(text, "Nissan", Stance::Offer, "raises of 10%"),
        "{:?}",
        found(text)
    );
    assert!(has(text, "Renault", Stance::Offer, "raises of 10%"));
}

#[test]
fn members_of_a_body_after_an_amount_and_an_apposition() {
    let text = "The United Auto Workers (UAW) called a strike. Some 12,700 UAW members, or \
                8% of its workers, walked off the job, demanding higher pay.";
    assert!(
        has(text, "United Auto Workers", Stance::Demand, "higher pay"),
        "{:?}",
        found(text)
    );
}

#[test]
fn whose_office_belongs_to_the_name_of_the_body() {
    let text = "The prosecutor's office says the suspect will face charges of treason.";
    assert!(
        has(
            text,
            "prosecutor's office",
            Stance::Claim,
            "the suspect will face charges of treason"
        ),
        "{:?}",
        found(text)
    );
}

#[test]
fn a_persons_own_team_speaks_for_the_person_not_the_country() {
    let text = "Senator Marco Rubio's team said the debate would go ahead on Friday.";
    assert!(
        has(
            text,
            "Marco Rubio",
            Stance::Claim,
            "the debate would go ahead"
        ),
        "{:?}",
        found(text)
    );
    // a country's team is still the country, whatever kind of team
    let text = "Japan's negotiating team said the talks would resume in May.";
    assert!(
        has(
            text,
            "Japan",
            Stance::Claim,
            "the talks would resume in May"
        ),
        "{:?}",
        found(text)
    );
}

#[test]
fn a_sentence_opening_word_written_in_lower_case_begins_no_name() {
    // (the words are counted in a corpus: data/lowercase.txt)
    let text = "Comedian Sarah Quell said the tour would continue.";
    assert!(
        has(
            text,
            "Sarah Quell",
            Stance::Claim,
            "the tour would continue"
        ),
        "{:?}",
        found(text)
    );
    // a description with "of" or "for" stays whole: its words name who speaks
    let text = "Attorneys for Hartwell said the filing was late.";
    assert!(
        found(text)
            .iter()
            .any(|(a, ..)| a == "Attorneys for Hartwell"),
        "{:?}",
        found(text)
    );
}

#[test]
fn a_description_is_what_a_later_pronoun_means() {
    let text = "Hamas met the mediators. Officials said the group will not abandon its \
                demand for a full withdrawal.";
    assert!(
        has(text, "Hamas", Stance::Demand, "a full withdrawal"),
        "{:?}",
        found(text)
    );
}

#[test]
fn what_a_subject_acts_in_the_hope_of_is_its_demand() {
    let text = "Seoul sent a delegation to Geneva in the hope of securing a trade deal.";
    assert!(
        has(text, "South Korea", Stance::Demand, "a trade deal"),
        "{:?}",
        found(text)
    );
}

#[test]
fn those_who_back_the_subject_share_its_position() {
    let text = "France, backed by Spain and Italy, demanded a bigger budget for farmers.";
    for actor in ["France", "Spain", "Italy"] {
        assert!(
            has(text, actor, Stance::Demand, "a bigger budget for farmers"),
            "{actor}: {:?}",
            found(text)
        );
    }
}

#[test]
fn a_possessor_body_with_no_name_is_a_body_of_its_own() {
    let text = "The union FNV Havens rejected the offer on Monday. The employers' association \
                said it had made its final offer and urged the union to put it to a vote.";
    assert!(
        has(
            text,
            "employers' association",
            Stance::Offer,
            "its final offer"
        ),
        "{:?}",
        found(text)
    );
    assert!(
        !found(text)
            .iter()
            .any(|(a, s, c, _)| a == "FNV Havens" && *s == Stance::Offer && c == "its final offer"),
        "{:?}",
        found(text)
    );
}

#[test]
fn talks_an_actor_will_hold_are_offered() {
    let text =
        "Moscow said it will discuss a prisoner exchange, but will not negotiate a withdrawal.";
    assert!(
        has(text, "Russia", Stance::Offer, "discuss a prisoner exchange"),
        "{:?}",
        found(text)
    );
    assert!(
        has(text, "Russia", Stance::Reject, "negotiate a withdrawal"),
        "{:?}",
        found(text)
    );
}

#[test]
fn a_subject_with_a_prepositional_phrase_before_its_verb() {
    let text = "Dockworkers at the port of Rotterdam on Monday rejected a 3% wage offer.";
    assert!(
        has(text, "dockworkers", Stance::Reject, "a 3% wage offer"),
        "{:?}",
        found(text)
    );
    let text =
        "ROTTERDAM - Dockworkers at the port of Rotterdam on Monday rejected a 3% wage offer.";
    assert!(
        found(text)
            .iter()
            .any(|(_, s, c, _)| *s == Stance::Reject && c == "a 3% wage offer"),
        "{:?}",
        found(text)
    );
    // talks with a country are no subject
    let text = "Talks with Russia on Monday stalled.";
    assert!(found(text).is_empty(), "{:?}", found(text));
}

#[test]
fn a_hope_for_a_body_named_with_the() {
    let text = "The Alliance of Small Island States (AOSIS) said it hoped the European Union \
                would back its proposal for a fund.";
    assert!(
        found_str(text)
            .iter()
            .any(|(a, s, _, t)| a == "Alliance of Small Island States"
                && *s == Stance::Demand
                && t == "European Union"),
        "{:?}",
        found(text)
    );
}

#[test]
fn an_apposition_with_those_says_which() {
    let text = "Pyongyang had asked only for the lifting of some sanctions, those that hamper \
                the civilian economy.";
    assert!(
        has(
            text,
            "North Korea",
            Stance::Demand,
            "the lifting of some sanctions, those that hamper the civilian economy"
        ),
        "{:?}",
        found(text)
    );
}

#[test]
fn an_apposition_with_a_title_says_whom_a_person_speaks_for() {
    let text = "The envoy travelled to Pristina to see Albin Kurti, Kosovo's acting Prime \
                Minister. Kurti said again that Kosovo is willing to normalize ties with Serbia.";
    assert!(
        has(text, "Kosovo", Stance::Offer, "normalize ties with Serbia"),
        "{:?}",
        found(text)
    );
    // the offer replaces the bare claim of the report
    assert!(
        !found(text).iter().any(|(_, s, _, _)| *s == Stance::Claim),
        "{:?}",
        found(text)
    );
}

#[test]
fn what_a_partys_plan_asks_for_the_party_asks_for() {
    let text = "A Brazil-backed draft would require Peru to pull back its troops and \
                sharply cut its navy.";
    let all = found_str(text);
    assert!(
        has_target(
            text,
            "Brazil",
            Stance::Demand,
            "Peru to pull back its troops",
            "Peru"
        ),
        "{all:?}"
    );
    assert!(
        has_target(
            text,
            "Brazil",
            Stance::Demand,
            "sharply cut its navy",
            "Peru"
        ),
        "{all:?}"
    );
    let text = "Peru's counter-proposal, made public on Monday, sets out a path to a \
                ceasefire: The plan runs in three phases.";
    assert!(
        has(text, "Peru", Stance::Propose, "a path to a ceasefire"),
        "{:?}",
        found(text)
    );
    // a plan with no party named holds nothing
    let text = "The plan calls for a ceasefire.";
    assert!(found(text).is_empty(), "{:?}", found(text));
}

#[test]
fn a_subject_and_its_partners_are_both_holders() {
    let text = "Lima said the talks had failed, while Peru and its European partners \
                accused Chile of stalling.";
    let all = found_str(text);
    assert!(
        all.iter()
            .any(|(a, s, c, _)| a == "Peru" && *s == Stance::Claim && c.contains("stalling")),
        "{all:?}"
    );
}

#[test]
fn a_source_named_by_its_kind_and_both_verbs_of_a_condition() {
    let text = "The Nurses Association rejected the offer. According to the hospitals, \
                the offer would be withdrawn unless the union postponed its strike and \
                immediately urged members to accept it.";
    let all = found_str(text);
    for content in [
        "the union postponed its strike",
        "immediately urged members to accept it",
    ] {
        assert!(
            all.iter()
                .any(|(a, s, c, _)| a == "hospitals" && *s == Stance::Demand && c == content),
            "{content}: {all:?}"
        );
    }
    // people named by their kind are anonymous sources
    let text = "According to diplomats, Chile will sign the treaty.";
    assert!(
        !found(text).iter().any(|(a, _, _, _)| a == "diplomats"),
        "{:?}",
        found(text)
    );
}

#[test]
fn the_family_name_he_and_a_person_named_after_a_lower_case_title() {
    let text = "Trade ministry spokesperson He Lifang made a statement on Monday. \
                \"Whoever tied the bell must untie it,\" he added.";
    let all = found(text);
    assert!(
        all.iter()
            .any(|(a, s, _, _)| a == "He Lifang" && *s == Stance::Demand),
        "{all:?}"
    );
    // "He" opening a sentence is still the pronoun
    let text = "Foreign Minister Ana Soto of Peru spoke on Monday. He Said Nothing New.";
    assert!(
        !positions(text).iter().any(|p| p.actor.starts_with("He ")),
        "{:?}",
        found(text)
    );
}

#[test]
fn what_a_party_can_or_may_do_is_no_stance() {
    let text = "Under the rules any one of its 160 members can hold up a deal.";
    assert!(found(text).is_empty(), "{:?}", found(text));
    let text = "Moscow may soon reject the plan.";
    assert!(found(text).is_empty(), "{:?}", found(text));
    // "cannot accept" is a refusal
    let text = "Moscow cannot accept the plan.";
    assert!(
        has(text, "Russia", Stance::Reject, "the plan"),
        "{:?}",
        found(text)
    );
}

#[test]
fn pushing_something_forward_asks_nobody() {
    let text = "Chile will push its mining reform forward.";
    assert!(found(text).is_empty(), "{:?}", found(text));
    let text = "Chile pushed Peru to move the talks forward.";
    assert!(
        has(text, "Chile", Stance::Demand, "move the talks forward"),
        "{:?}",
        found(text)
    );
}

#[test]
fn the_last_of_a_list_after_a_preposition_is_no_subject() {
    let text = "Meetings with Chile, Bolivia, and Peru indicated a willingness to talk.";
    assert!(found(text).is_empty(), "{:?}", found(text));
    // after "of" the bodies are whom the head speaks for
    let text = "The army commanders of Peru and Chile agreed to calm tensions.";
    let all = found(text);
    assert!(
        all.iter().any(|(a, _, _, _)| a == "Peru") && all.iter().any(|(a, _, _, _)| a == "Chile"),
        "{all:?}"
    );
}

#[test]
fn new_before_a_name_is_part_of_it() {
    let f = found("The New Harbor Gazette demanded an inquiry into the contract.");
    assert!(f.iter().any(|p| p.0 == "New Harbor Gazette"), "{f:?}");
    let f = found("Officials in New Hampshire rejected the proposed tax.");
    assert!(f.iter().all(|p| !p.0.starts_with("Hampshire")), "{f:?}");
    // alone, "New" opens a sentence and names nobody
    let f = found("New sanctions were rejected by Venezuela.");
    assert!(f.iter().all(|p| !p.0.contains("New")), "{f:?}");
}

#[test]
fn a_country_name_that_runs_on_into_a_name_is_another_body() {
    // a newspaper named after a city is not the country's government
    assert!(has(
        "The Washington Post said on Monday that the talks had stalled.",
        "Washington Post",
        Stance::Claim,
        "the talks had stalled"
    ));
    // nor is it a person whom "she" could mean
    let f = found("The Washington Post ran the story. She said the plan was dead.");
    assert!(f.iter().all(|p| p.0 != "Washington Post"), "{f:?}");
    // a title still makes it the country's official, and "Washington" alone the country
    assert!(has(
        "U.S. Trade Representative Jamieson Greer rejected the offer.",
        "Jamieson Greer",
        Stance::Reject,
        "the offer"
    ));
    assert!(has(
        "Washington rejected the offer.",
        "United States",
        Stance::Reject,
        "the offer"
    ));
}

#[test]
fn an_abbreviated_title_names_its_person_anywhere_in_the_sentence() {
    // the tokenizer keeps the full stop apart ("Sen" "."): the title is still known
    for text in [
        "The plan is dead, Sen. Gwen Moore said on Friday.",
        "The plan is dead, Rep. Gwen Moore said on Friday.",
        "Rep. Gwen Moore said on Friday that the plan is dead.",
    ] {
        let f = found(text);
        assert!(
            f.iter()
                .any(|p| p.0 == "Gwen Moore" && p.2 == "The plan is dead")
                || f.iter()
                    .any(|p| p.0 == "Gwen Moore" && p.2 == "the plan is dead"),
            "{text}: {f:?}"
        );
        assert!(f.iter().all(|p| p.0 != "Sen" && p.0 != "Rep"), "{f:?}");
    }
}

#[test]
fn a_middle_initial_stays_inside_the_name() {
    // the tokenizer keeps the initial's full stop apart ("F" "." "Kerry")
    let f = found("The plan, Laurel Q. Hammond said, was dead. Hammond said talks must resume.");
    assert!(
        f.iter()
            .any(|p| p.0 == "Laurel Q. Hammond" && p.1 == Stance::Claim),
        "{f:?}"
    );
    // the surname alone is the same person afterwards
    assert!(f.iter().all(|p| p.0 == "Laurel Q. Hammond"), "{f:?}");
    assert!(f.iter().any(|p| p.1 == Stance::Demand), "{f:?}");
}

#[test]
fn a_title_after_a_body_s_name_names_its_person() {
    // "<body> <title> <name>": the person speaks for the body
    let p = positions("The plan was dead, Acme Freight spokesman Ivo Brandt said.");
    assert!(
        p.iter().any(|x| x.actor == "Ivo Brandt"
            && x.affiliation.as_deref() == Some("Acme Freight")
            && x.content == "The plan was dead"),
        "{:?}",
        p.iter()
            .map(|x| (&x.actor, &x.affiliation, &x.content))
            .collect::<Vec<_>>()
    );
    // roles that news puts before names are titles too (counted in PolNeAR's sources)
    assert!(has(
        "Harbor Radio host Mara Lind said the strike would continue.",
        "Mara Lind",
        Stance::Claim,
        "the strike would continue"
    ));
    // one unknown word before the title is no body ("Democratic pollster")
    let p = positions("Centrist pollster Ivo Brandt said the plan was dead.");
    assert!(
        p.iter()
            .all(|x| x.affiliation.as_deref() != Some("Centrist")),
        "{p:?}"
    );
}

#[test]
fn a_group_speaks_across_a_relative_clause_between_commas() {
    assert!(has(
        "The teachers, who have been without a contract since June, demanded a 10 percent raise.",
        "teachers",
        Stance::Demand,
        "a 10 percent raise"
    ));
}

#[test]
fn a_name_before_a_noun_for_a_person_describes_someone_else() {
    // "a Trump supporter" does not speak for Trump, nor "a Kyiv lawyer" for
    // Ukraine: the holder is the person described
    for (text, holder, not) in [
        (
            "A Brenner supporter said the election was stolen.",
            "Brenner supporter",
            "Brenner",
        ),
        (
            "A Kyiv lawyer argued that the sanctions were unlawful.",
            "Kyiv lawyer",
            "Ukraine",
        ),
        (
            "A Gaza resident said the ceasefire had brought little relief.",
            "Gaza resident",
            "Gaza",
        ),
    ] {
        let f = found(text);
        assert!(f.iter().any(|p| p.0 == holder), "{text}: {f:?}");
        assert!(f.iter().all(|p| p.0 != not), "{text}: {f:?}");
    }
    // the description is a person a later pronoun can mean
    assert!(has(
        "A Kyiv lawyer argued that the sanctions were unlawful, and he urged Brussels to lift them.",
        "Kyiv lawyer",
        Stance::Demand,
        "lift them"
    ));
}

#[test]
fn a_name_speaks_through_its_titles_groups_and_statements() {
    // a title, a group noun or a document of the name: the name speaks
    assert!(has(
        "A Kremlin spokesman said the offer was unacceptable.",
        "Russia",
        Stance::Reject,
        "the offer"
    ));
    assert!(has(
        "A Kremlin statement said the offer was unacceptable.",
        "Russia",
        Stance::Reject,
        "the offer"
    ));
    assert!(has(
        "A Hamas official said the group would accept the proposal.",
        "Hamas",
        Stance::Support,
        "the proposal"
    ));
    // a named person's apposition says who the person is
    let f = found("Sara Quell, a Texas voter, said the election was stolen.");
    assert!(f.iter().any(|p| p.0 == "Sara Quell"), "{f:?}");
    // what someone became is no speaker
    let f = found("Quell became a U.S. citizen in 2013, and she said the election was stolen.");
    assert!(f.iter().all(|p| p.0 != "U.S. citizen"), "{f:?}");
}

#[test]
fn a_body_speaks_through_the_kind_of_institution_after_its_name() {
    // "the Quellmark union", "the Brenner party": the name holds the position
    assert!(has(
        "The UVB union demanded a pay rise over two years and an end to night-shift contracts.",
        "UVB",
        Stance::Demand,
        "a pay rise over two years"
    ));
    assert!(has(
        "The Harmon Workers union rejected the offer.",
        "Harmon Workers",
        Stance::Reject,
        "the offer"
    ));
}

#[test]
fn an_acronym_that_opens_a_sentence_names_a_body() {
    assert!(has(
        "UVB demanded an end to night-shift contracts.",
        "UVB",
        Stance::Demand,
        "an end to night-shift contracts"
    ));
    // a dateline or a headline in capitals names nobody
    let f = found("SALTHAVEN, Ore. — The union rejected the offer.");
    assert!(f.iter().all(|p| p.0 != "SALTHAVEN"), "{f:?}");
    let f = found("QUELLCO TO BUY HARMON The union rejected the offer.");
    assert!(f.iter().all(|p| p.0 != "QUELLCO"), "{f:?}");
}

#[test]
fn a_family_name_given_earlier_is_the_person_not_the_place() {
    // "Lima" and "Jordan" are places too; after the full name, the person
    let text = "Trade Minister Tomas Lima met EU officials on Monday. \
                Lima said Brazil would not accept on-site audits.";
    let f = found(text);
    assert!(f.iter().any(|p| p.0 == "Tomas Lima"), "{f:?}");
    assert!(f.iter().all(|p| p.0 != "Peru"), "{f:?}");
    // without the person, the place
    assert!(has(
        "Lima said it would not accept on-site audits.",
        "Peru",
        Stance::Reject,
        "on-site audits"
    ));
}

#[test]
fn the_kind_of_a_named_body_and_a_name_in_apposition_to_a_description() {
    // "the union" later means the union named before, not the last body
    let text = "The UVB union demanded a pay rise. \
                The operators' association, Harmonlinq, offered 4 percent. \
                Hartwell said the union was ready to resume talks.";
    let f = found(text);
    assert!(
        f.iter().any(|p| p.0 == "UVB" && p.2 == "resume talks"),
        "{f:?}"
    );
    // the name in apposition says which body the description is
    assert!(
        f.iter().any(|p| p.0 == "Harmonlinq" && p.2 == "4 percent"),
        "{f:?}"
    );
}

#[test]
fn a_place_named_new_after_a_known_one_is_not_the_known_one() {
    // "New Mexico" is not Mexico; the senator "of" it holds the position
    let f = found("Sen. Marcus Ortega of New Mexico called the vote a disgrace.");
    assert!(f.iter().all(|p| p.0 != "Mexico"), "{f:?}");
    assert!(has(
        "New Mexico rejected the plan.",
        "New Mexico",
        Stance::Reject,
        "the plan"
    ));
    // a name the gazetteer has whole stays itself
    assert!(has(
        "New Delhi rejected the plan.",
        "India",
        Stance::Reject,
        "the plan"
    ));
}

#[test]
fn a_party_word_is_a_member_before_a_verb_and_an_adjective_before_a_name() {
    // "the Wisconsin Republican", "the Republican nominee": the person last named
    let text = "Senator Dana Whitfield spoke on Monday. \
                The Republican nominee rejected the plan.";
    assert!(has(text, "Dana Whitfield", Stance::Reject, "the plan"));
    // "the Republican Party" is a body's name, "the conservative Quellmark
    // Institute" a body with an adjective
    let text = "Senator Dana Whitfield spoke on Monday. \
                The Republican Party rejected the plan.";
    let f = found(text);
    assert!(f.iter().all(|p| p.0 != "Dana Whitfield"), "{f:?}");
    let text = "Senator Dana Whitfield spoke on Monday. \
                Analysts at the conservative Quellmark Institute rejected the plan.";
    let f = found(text);
    assert!(f.iter().all(|p| p.0 != "Dana Whitfield"), "{f:?}");
}

#[test]
fn a_name_in_apposition_to_a_title_is_the_subject() {
    for (text, holder) in [
        (
            "The union's chief negotiator, Bram de Wit, rejected the offer.",
            "Bram de Wit",
        ),
        (
            "The Harmon Commission chairman, Moussa Quell, rejected the offer.",
            "Moussa Quell",
        ),
    ] {
        assert!(
            has(text, holder, Stance::Reject, "the offer"),
            "{text}: {:?}",
            found(text)
        );
    }
    // an apposition inside the clause of another subject is not its subject
    let text = "Sara Brenner went on television to criticize her rival, Tom Hartwell, \
                rejecting the offer.";
    let f = found(text);
    assert!(f.iter().all(|p| p.0 != "Tom Hartwell"), "{f:?}");
}

#[test]
fn people_from_a_group_speak_and_objections_from_it_do_not() {
    // "Delegates from developing countries say": people from the group
    let f = found("Delegates from developing countries say the fund is too small.");
    assert!(
        f.iter()
            .any(|p| p.0 == "delegates from developing countries"),
        "{f:?}"
    );
    // "objections from neighbourhood groups who say": the groups say it
    let text = "The council approved the plan, overriding objections from neighbourhood \
                groups who say the project will push up rents.";
    let f = found(text);
    assert!(f.iter().all(|p| !p.0.contains("objections")), "{f:?}");
    assert!(f.iter().any(|p| p.0 == "neighbourhood groups"), "{f:?}");
    // a civic title is no part of the name
    let f = found("Councillor Jane Quell argued that the council should have waited.");
    assert!(f.iter().any(|p| p.0 == "Jane Quell"), "{f:?}");
}
