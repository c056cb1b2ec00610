#pragma once
// Internal to src/lang: the checker turns parsed items into the typed CriteriaSet, resolving names
// to slots, checking types and units, and reporting every problem with its place.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/criteria.hpp"
#include "lang/syntax.hpp"

namespace tl::lang {

/// A unit in words for messages: `RUB/kWh` (as text), `a percent`, `a plain number` (messages).
Message unit_words(const Unit& u);
/// "a number", "a date", ...: the kind of a value, for messages.
Message kind_words(ValueKind k);

/// `'ful' is not a member of repairability (none, partial, full); did you mean 'full'?`
Message not_a_member(const std::string& name, const FieldDecl& f);

/// `'->' arms belong in linear(...), steps(...) or table(...)`
Message misplaced_arrow();

/// Where an expression stands decides what it may use.
struct ExprContext {
    bool aggregates = true;    ///< lowest(), mean()... (not in requirements)
    bool per_bid = true;       ///< fields and per-bid lets (not in constants such as weights)
    bool criteria = false;     ///< criterion names mean their scores (tie-break chains)
    Message where;             ///< for messages: "in a requirement"
};

/// What checking an expression found out besides its type.
struct ExprFacts {
    bool uses_bids = false;       ///< depends on a field (directly or through lets)
    bool uses_aggregate = false;  ///< depends on the set of bids
};

class Checker {
public:
    Checker(Diagnostics& diagnostics, const std::map<std::string, std::string>& texts)
        : diags_(diagnostics), texts_(texts) {}

    /// Checks the items of all files (imports already spliced in, in order).
    CriteriaSet check(const std::vector<const Item*>& items);

    // --- expressions (check_expr.cpp) ---
    /// Resolves and types `e`; returns false after reporting when it is not usable.
    bool type_expr(Expr& e, const ExprContext& ctx, ExprFacts& facts);
    /// Value of an expression that must be constant (weights, ranges, minimums).
    /// `what` names the place for messages ("a range"), `where` says where it stands ("in a
    /// range"): two messages, since languages word them differently (Russian cases).
    std::optional<double> constant_value(Expr& e, const Message& what, const Message& where);
    /// Value of an already checked expression that uses no bid (NaN when it cannot be had).
    double constant_number(const Expr& e);

    void error(const SourcePos& pos, Message message, std::vector<Message> notes = {});
    void warning(const SourcePos& pos, Message message);

private:
    void check_tender(const Item& it);
    void check_field(const Item& it);
    void declare_let(const Item& it);
    void check_requirement(const Item& it);
    void check_criterion(const Item& it, const std::string& group);
    /// `committee: 0 .. 5`: declares the hidden field of the consensus scores and the score formula.
    bool declare_committee_field(const Property& committee, Criterion& c);
    /// `combine: consensus | mean | median` of a committee criterion; false (with an error) otherwise.
    bool read_combine(const Property& how, Criterion& c);
    void check_group(const Item& it);
    void check_tie_break(const Item& it);
    void check_abnormally_low(const Item& it);
    void check_weights();
    void warn_unused_fields();
    void warn_unreachable_maximum();
    bool claim_id(const std::string& id, const SourcePos& pos, const Message& what, bool criterion_space = false);
    void check_properties(const Item& it, const std::vector<std::string>& allowed);
    std::string text_of(const Item& it, const char* key);

    bool type_name(Expr& e, const ExprContext& ctx, ExprFacts& facts);
    bool type_call(Expr& e, const ExprContext& ctx, ExprFacts& facts);
    bool type_binary(Expr& e, const ExprContext& ctx, ExprFacts& facts);
    /// `date("2027-03-01")`: reads the literal into e.value (days since 1970-01-01).
    bool type_date_literal(Expr& e);
    /// `+`/`-` with a date on either side (both sides already typed): date - date is days,
    /// date +/- days is a date; anything else is reported.
    bool type_date_arithmetic(Expr& e);
    bool type_arrows(Expr& e, const ExprContext& ctx, ExprFacts& facts);
    bool type_let(int pending_index);
    bool resolve_member(Expr& e, int enum_field);
    bool literal_unit(Expr& e);
    void mark_used(const Expr& e);

    Diagnostics& diags_;
    const std::map<std::string, std::string>& texts_;  // file -> text, for source lines
    CriteriaSet rules_;
    std::map<std::string, SourcePos> ids_;            // fields, lets, requirements, rules
    std::map<std::string, SourcePos> criterion_ids_;  // criteria and groups: their own namespace

    struct PendingLet {
        const Item* item;
        Expr expr;
        enum class State { Todo, Typing, Done, Failed } state = State::Todo;
        int final_slot = -1;
        ExprFacts facts;
    };
    /// How deep the evaluation of `e` recurses, a let's name counting as deep as the let's own
    /// expression (the evaluator computes a let when it is first used, from inside the user).
    int evaluation_depth(const Expr& e) const;
    std::vector<int> let_depth_by_slot_;  // evaluation_depth of each typed let, by final slot
    std::vector<PendingLet> lets_;
    std::map<std::string, int> let_index_;
    std::set<int> used_fields_;
    std::map<std::string, int> criterion_index_;
    bool currency_known_ = false;
    bool currency_given_ = false;      // a currency was written, even a wrong one
    bool weights_complete_ = true;     // every criterion checked with a weight: the sum means something
    std::set<std::string> broken_;     // names whose declaration failed: their uses stay silent
    std::vector<std::string> let_stack_;  // lets being typed, to name a cycle
};

/// "'{name}' is defined through lets more than kMaxTreeDepth levels deep" (check_let.cpp).
Message let_too_deep(const std::string& name);

}  // namespace tl::lang
