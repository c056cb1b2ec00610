#pragma once
/// The checked, typed model of a tender's evaluation rules (what a `.crit` file means). Built by
/// the language library; read by the engine, the store and the exporters.
#include <optional>
#include <string>
#include <vector>

#include "core/expr.hpp"
#include "core/field.hpp"

namespace tl {

struct Lot {
    std::string id;
    std::string name;
};

struct TenderInfo {
    std::string title, title_ru, reference, currency;
    std::vector<Lot> lots;  ///< empty: the tender is a single lot
    SourcePos pos;
};

/// `let id = expr`: a constant when it uses no field (directly or through other lets).
struct LetDef {
    std::string id;
    Expr expr;
    bool per_bid = false;
    SourcePos pos;
};

/// A pass/fail requirement; a bid failing one is inadmissible.
struct Requirement {
    std::string id, name, name_ru, description;
    Expr test;
    SourcePos pos;
    const std::string& display_name() const { return name.empty() ? id : name; }
};

/// eForms BT-539 award criterion type.
enum class CriterionKind { Price, Cost, Quality };
const char* criterion_kind_name(CriterionKind k);

enum class WeightKind { Percent, Points };

/// How the value the evaluation uses is formed from the committee's marks (`combine:`): the
/// chair's recorded consensus (EU practice, the default), or the mean or median of the submitted
/// marks of the evaluators who may score the bid (the Russian decree averages the members' marks).
enum class CommitteeCombine { Consensus, Mean, Median };
/// "consensus", "mean", "median": the keyword as the rules write it.
const char* committee_combine_name(CommitteeCombine c);

struct Criterion {
    std::string id, name, name_ru, description, group;
    CriterionKind kind = CriterionKind::Quality;
    double weight = 0;
    WeightKind weight_kind = WeightKind::Percent;
    Expr score;
    std::optional<double> minimum;  ///< gate: bids scoring below are eliminated before later stages
    double scale_lo = 0, scale_hi = 100;
    /// A criterion the evaluation committee scores (`committee: 0 .. 5`): the index of its hidden
    /// field (FieldDecl::committee) holding the consensus score, and the committee's scale. The
    /// score is then linear(field, committee_lo -> scale_lo, committee_hi -> scale_hi). -1: none.
    int committee_field = -1;
    double committee_lo = 0, committee_hi = 0;
    CommitteeCombine combine = CommitteeCombine::Consensus;  ///< committee criteria only
    SourcePos pos, weight_pos;
    const std::string& display_name() const { return name.empty() ? id : name; }
};

/// The name of a rules item (requirement, criterion, group, abnormally-low rule, field) for a reader
/// of `language` ("en", "ru": Translator::language()): its `name_ru` in Russian when the rules
/// give one, else its display name. The one place that choice is made for every front end.
template <class Item>
const std::string& name_in(const Item& item, const std::string& language) {
    return language == "ru" && !item.name_ru.empty() ? item.name_ru : item.display_name();
}

struct Group {
    std::string id, name, name_ru;
    SourcePos pos;
};

/// One link of the tie-break chain.
struct TieBreak {
    enum class Kind { Higher, Lower, EarlierSubmission } kind = Kind::EarlierSubmission;
    Expr expr;  ///< for Higher/Lower; criterion names in it mean that criterion's score
};

/// A rule that flags (never excludes) abnormally low bids.
struct AbnormallyLowRule {
    std::string id, name, name_ru;
    Expr when;
    SourcePos pos;
    const std::string& display_name() const { return name.empty() ? id : name; }
};

/// Everything the engine needs, with every name resolved to a slot.
struct CriteriaSet {
    TenderInfo tender;
    std::vector<FieldDecl> fields;
    std::vector<LetDef> lets;  ///< in dependency order: a let only uses earlier lets
    std::vector<Requirement> requirements;
    std::vector<Criterion> criteria;
    std::vector<Group> groups;
    std::vector<TieBreak> tie_breaks;  ///< always ends with EarlierSubmission
    std::vector<AbnormallyLowRule> abnormally_low;

    int criterion_index(const std::string& id) const;
    bool weights_in_points() const;
};

}  // namespace tl
