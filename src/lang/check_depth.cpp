// How deep evaluating an expression recurses once lets are followed: the evaluator computes a let
// the first time it is used, from inside the expression that uses it, so a chain of 20 000 lets
// each built on the one before (`let a2 = a1 + 1`) used to end `evaluate` with SIGSEGV although
// every single expression was shallow.
#include <algorithm>

#include "lang/check.hpp"
#include "lang/limits.hpp"

namespace tl::lang {

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
