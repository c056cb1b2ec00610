// Lets: declared, typed (a let defined in terms of a later one is typed from inside its user, so
// cycles are found here), and how deep evaluating an expression recurses once lets are followed:
// the evaluator computes a let the first time it is used, from inside the expression that uses
// it, so a chain of 20 000 lets each built on the one before (`let a2 = a1 + 1`) used to end
// `evaluate` with SIGSEGV although every single expression was shallow.
#include <algorithm>

#include "lang/check.hpp"
#include "lang/limits.hpp"

namespace tl::lang {

void Checker::declare_let(const Item& it) {
    if (!claim_id(it.id, it.id_pos, Message("lang.what.let", TL_MSG("let")))) return;
    PendingLet p;
    p.item = &it;
    p.expr = it.props.front().value;
    let_index_[it.id] = static_cast<int>(lets_.size());
    lets_.push_back(std::move(p));
}

bool Checker::type_let(int index) {
    PendingLet& p = lets_[static_cast<std::size_t>(index)];
    switch (p.state) {
        case PendingLet::State::Done: return true;
        case PendingLet::State::Failed: return false;
        case PendingLet::State::Typing: {
            std::string chain;
            bool in_cycle = false;
            for (const auto& name : let_stack_) {
                in_cycle = in_cycle || name == p.item->id;
                if (in_cycle) chain += name + " -> ";
            }
            chain += p.item->id;
            error(p.item->id_pos, Message("lang.let-cycle", TL_MSG("'{name}' is defined in terms of itself: {chain}"))
                                      .text("name", p.item->id)
                                      .text("chain", chain));
            p.state = PendingLet::State::Failed;
            for (const auto& name : let_stack_) broken_.insert(name);
            return false;
        }
        case PendingLet::State::Todo: break;
    }
    // Lets defined in terms of later ones are typed from inside their user: bound that recursion
    // (the depth check below refuses such a chain anyway).
    if (let_stack_.size() >= static_cast<std::size_t>(kMaxTreeDepth)) {
        error(p.item->id_pos, let_too_deep(p.item->id));
        p.state = PendingLet::State::Failed;
        return false;
    }
    p.state = PendingLet::State::Typing;
    ExprContext ctx;
    ctx.where = Message("lang.where.let", TL_MSG("in a let"));
    ExprFacts facts;
    // `lets_` does not grow while typing, so `p` stays valid across the recursion.
    let_stack_.push_back(p.item->id);
    const bool typed = type_expr(p.expr, ctx, facts);
    let_stack_.pop_back();
    if (!typed) {
        broken_.insert(p.item->id);
        if (p.state != PendingLet::State::Failed) p.state = PendingLet::State::Failed;
        return false;
    }
    if (p.state == PendingLet::State::Failed) return false;
    const int depth = evaluation_depth(p.expr);
    if (depth > kMaxTreeDepth) {
        error(p.item->id_pos, let_too_deep(p.item->id));
        broken_.insert(p.item->id);
        p.state = PendingLet::State::Failed;
        return false;
    }
    let_depth_by_slot_.push_back(depth);
    p.facts = facts;
    p.final_slot = static_cast<int>(rules_.lets.size());
    rules_.lets.push_back({p.item->id, p.expr, facts.uses_bids || facts.uses_aggregate, p.item->id_pos});
    p.state = PendingLet::State::Done;
    return true;
}


int Checker::evaluation_depth(const Expr& e) const {
    // The tree itself is at most kMaxTreeDepth (plus the grammar's nesting) deep: recursion is safe.
    if (e.kind == ExprKind::Name && e.ref == RefKind::Let && e.slot >= 0 &&
        static_cast<std::size_t>(e.slot) < let_depth_by_slot_.size())
        return 1 + let_depth_by_slot_[static_cast<std::size_t>(e.slot)];
    int deepest = 0;
    for (const Expr& a : e.args) deepest = std::max(deepest, evaluation_depth(a));
    return deepest + 1;
}

Message let_too_deep(const std::string& name) {
    return Message("lang.let-too-deep",
                   TL_MSG("'{name}' is built on other lets more than {limit} levels deep; compute it in fewer steps"))
        .text("name", name)
        .count("limit", kMaxTreeDepth);
}

}  // namespace tl::lang
