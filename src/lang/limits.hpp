#pragma once
// How deep rule text may nest (issue 12: 2 000 nested brackets ended the program with SIGSEGV).
// Internal to src/lang; free of Spirit so that the checker can use it too.

namespace tl::lang {

/// The most levels an expression may nest: brackets, `not`, unary `-`, `if` and calls each open a
/// level. 64 is the depth to which Excel nests functions in a formula, so a rule nested deeper
/// could not become a workbook formula anyway; no rule an officer writes comes near it (the samples
/// nest 4 deep). The parser spends up to about 10 KB of stack a level in a release build (calls
/// cost most): 64 levels take under 1 MB, a few MB under the sanitizers, inside the 8 MB a Linux
/// thread has. Stated in docs/LANGUAGE.md.
inline constexpr int kMaxNesting = 64;

/// The deepest an expression's tree may be once lowered (core's Expr): a chain of binary operators
/// `a + b + c` nests to the left, one level per operator, without any bracket. The lowering stops
/// building a tree at this depth (lower.hpp: Lowering::too_deep), so that the recursive passes
/// over it (check, print, evaluate, the workbook's formulas, even its destructor) stay bounded:
/// they spend about 1 KB of stack a level. The same bound holds for a let counted through the
/// lets it is built on (check_let.cpp): the evaluator follows them from inside their user.
/// A sum of 500 terms is no rule anyone writes by hand.
inline constexpr int kMaxTreeDepth = 500;

/// The most items (fields, lets, requirements, criteria, groups, ...) one set of rules may have,
/// its imports counted. The largest published criteria sets have a few hundred; checking costs
/// about 17 KB an item, so 2 000 items stay under 40 MB. Stated in docs/LANGUAGE.md.
inline constexpr int kMaxItems = 2000;

}  // namespace tl::lang
